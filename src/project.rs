//! Finds and reads a project: its `dokgen.yaml`, `content/`, `templates/`,
//! optional `fonts/`, and where its output goes.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::model::Id;
use crate::facts::yaml;
use crate::typeset::standards;

/// The name of the file that marks a project folder.
pub const CONFIG_FILE: &str = "dokgen.yaml";

/// A project on disk.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project folder, absolute. Typst may read files only below it.
    pub root: PathBuf,
    /// The settings from `dokgen.yaml`.
    pub config: Config,
}

/// The settings in `dokgen.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The project's name.
    pub name: String,
    /// Values a document takes when its declaration does not give them.
    #[serde(default)]
    pub defaults: Defaults,
    /// The templates folder, relative to the project folder: `templates`
    /// unless given. Projects that share one house style point here, e.g.
    /// `../../templates`; Typst reads that folder as the project's
    /// `/templates/`, and nothing else outside the project.
    #[serde(default)]
    pub templates: Option<PathBuf>,
    /// Proper names that are never hyphenated, besides the municipalities'
    /// names (which never are): `[Danmark, Amager]`.
    #[serde(default)]
    pub proper_names: Vec<String>,
}

/// Document settings that apply unless a document says otherwise.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// The authoring municipalities, by id.
    #[serde(default)]
    pub authors: Vec<Id>,
    /// Keywords added to every document's metadata.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The PDF standards every document meets unless it says otherwise:
    /// `[a-2a, ua-1]` if not given.
    #[serde(default)]
    pub pdf_standards: Option<Vec<crate::typeset::standards::Standard>>,
}

impl Project {
    /// Opens the project in `dir`, which must hold a `dokgen.yaml`.
    pub fn open(dir: &Path) -> Result<Self> {
        let root = dir.canonicalize().map_err(|err| {
            Error::from(
                Diagnostic::error(format!(
                    "cannot open the project folder `{}`: {err}",
                    dir.display()
                ))
                .hint("give the folder that holds dokgen.yaml, or run dokgen inside it"),
            )
        })?;
        let config_path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&config_path).map_err(|err| {
            Error::from(
                Diagnostic::error(format!("`{}` is not a dokgen project: {err}", root.display()))
                    .in_file(&config_path)
                    .hint(format!("a project folder holds a {CONFIG_FILE} with at least `name:`, and the folders content/ and templates/")),
            )
        })?;
        let config: Config = yaml::from_str(&text, Path::new(CONFIG_FILE))?;
        if let Some(list) = &config.defaults.pdf_standards
            && let Err(e) = standards::configure(list)
        {
            let at = yaml::Positions::of(&text).value("defaults.pdf_standards");
            let mut d = Diagnostic::error(format!(
                "defaults.pdf_standards: these standards cannot be met together: {}",
                e.message
            ))
            .in_file(CONFIG_FILE);
            if let Some((line, column)) = at {
                d = d.at(line, column);
            }
            for hint in e.hints {
                d = d.hint(hint);
            }
            return Err(d
                .hint("choose one PDF/A level, e.g. `[a-2a, ua-1]` (the default)")
                .into());
        }
        Ok(Self { root, config })
    }

    /// `content/`: facts, prose and document declarations.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// `templates/`: Tera templates and the Typst style library.
    pub fn templates_dir(&self) -> PathBuf {
        match &self.config.templates {
            Some(dir) => self.root.join(dir),
            None => self.root.join("templates"),
        }
    }

    /// `fonts/`: extra fonts for this project, if the folder exists.
    pub fn fonts_dir(&self) -> PathBuf {
        self.root.join("fonts")
    }

    /// The default output folder, `output/`.
    pub fn default_output_dir(&self) -> PathBuf {
        self.root.join("output")
    }

    /// The PDF standards of documents that do not choose their own:
    /// `defaults.pdf_standards`, or PDF/A-2a and PDF/UA-1.
    pub fn pdf_standards(&self) -> &[standards::Standard] {
        self.config
            .defaults
            .pdf_standards
            .as_deref()
            .unwrap_or(standards::DEFAULT)
    }

    /// The stable identifier of the document written to `<output>.pdf`,
    /// from which the PDF's document id is made. `dokgen build` and
    /// `dokgen compile` must agree on it for their PDFs to be the same.
    pub fn document_ident(&self, output: &str) -> String {
        format!("{}/{output}", self.config.name)
    }

    /// `path` relative to the project root, for messages.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}
