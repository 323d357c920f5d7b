//! Finds and reads a project: its `dokgen.yaml`, `content/`, `templates/`,
//! optional `fonts/`, and where its output goes.

use std::path::{Component, Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::builtin::{self, Builtin};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::id::Id;
use crate::standards::{self, Standard};
use crate::yaml;

/// The name of the file that marks a project folder.
pub const CONFIG_FILE: &str = "dokgen.yaml";

/// What stands where a fact is not yet known, unless a project says
/// otherwise: "N.N." for a person, "TODO" and "XXX" for text, "???" for a
/// figure, "[indsæt …]" for anything.
pub const DEFAULT_PLACEHOLDERS: &[&str] = &["N.N.", "TODO", "XXX", "???", "[indsæt"];

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
    /// Text that stands where a fact is not yet known: an error where a
    /// final document would print it, a warning in a draft. `[N.N., TODO,
    /// XXX, "???", "[indsæt"]` unless given (`[]` for none).
    #[serde(default)]
    pub placeholders: Option<Vec<String>>,
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
    pub pdf_standards: Option<Vec<Standard>>,
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
                    .hint(format!("a project folder holds a {CONFIG_FILE} with at least `name:`, and a content/ folder; `dokgen new DIR` starts one")),
            )
        })?;
        let config: Config = yaml::from_str(&text, Path::new(CONFIG_FILE))?;
        if let Some(list) = &config.defaults.pdf_standards
            && let Err(e) = standards::configure(list)
        {
            let mut d = e.diagnostic("defaults.pdf_standards").in_file(CONFIG_FILE);
            if let Some((line, column)) = yaml::Positions::of(&text).value("defaults.pdf_standards")
            {
                d = d.at(line, column).with_line_of(&text);
            }
            return Err(d.into());
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

    /// The files of its templates: those of its templates folder (if it
    /// has one), and the built-in files it does not override, sorted by
    /// name.
    pub fn template_files(&self) -> Result<Vec<TemplateFile>> {
        let dir = self.templates_dir();
        let mut files: Vec<TemplateFile> = Vec::new();
        if dir.exists() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|err| {
                    Error::from(
                        Diagnostic::error(format!("cannot read the templates folder: {err}"))
                            .in_file(err.path().unwrap_or(&dir))
                            .hint(
                                "dokgen reads every file below it; check the folder's permissions",
                            ),
                    )
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(TemplateFile {
                    name,
                    from: Provenance::Project(entry.into_path()),
                });
            }
        }
        for file in builtin::FILES {
            if !files.iter().any(|f| f.name == file.name) {
                files.push(TemplateFile {
                    name: file.name.to_owned(),
                    from: Provenance::Builtin(file),
                });
            }
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(files)
    }

    /// Copies the built-in files `names` (every one if none is given) into
    /// the project's templates folder, to be read or changed there, and
    /// returns the paths written. A file the project already has is left
    /// alone and is an error, unless `overwrite`. Names are paths under the
    /// templates folder (`dokgen.typ`, `partials/person.typ.tera`), with or
    /// without `templates/` before them.
    pub fn eject(&self, names: &[String], overwrite: bool) -> Result<Vec<PathBuf>> {
        let chosen: Vec<&Builtin> = if names.is_empty() {
            builtin::FILES.iter().collect()
        } else {
            let mut chosen = Vec::new();
            let mut unknown = Vec::new();
            for name in names {
                let plain = name.replace('\\', "/");
                let plain = plain
                    .strip_prefix(builtin::PREFIX)
                    .or_else(|| plain.strip_prefix("templates/"))
                    .unwrap_or(&plain);
                match builtin::get(plain) {
                    Some(file) => chosen.push(file),
                    None => unknown.push(unknown_builtin(name)),
                }
            }
            if let Some(err) = Error::many(unknown) {
                return Err(err);
            }
            chosen
        };
        let dir = self.templates_dir();
        let shown = relative(&self.root, &dir);
        let present: Vec<Error> = chosen
            .iter()
            .filter(|file| !overwrite && dir.join(file.name).exists())
            .map(|file| {
                Error::from(
                    Diagnostic::error(format!(
                        "{shown}/{} exists already: it is not replaced",
                        file.name
                    ))
                    .hint("the project uses its own file; delete it first, or give --force to replace it with the built-in one"),
                )
            })
            .collect();
        if let Some(err) = Error::many(present) {
            return Err(err);
        }
        let mut written = Vec::new();
        for file in chosen {
            let path = dir.join(file.name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, &err))?;
            }
            std::fs::write(&path, file.bytes).map_err(|err| Error::io(&path, &err))?;
            written.push(path);
        }
        Ok(written)
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
    pub fn pdf_standards(&self) -> &[Standard] {
        self.config
            .defaults
            .pdf_standards
            .as_deref()
            .unwrap_or(standards::DEFAULT)
    }

    /// The placeholders of this project: `placeholders` from dokgen.yaml,
    /// or the usual ones.
    pub fn placeholders(&self) -> Vec<&str> {
        match &self.config.placeholders {
            Some(list) => list
                .iter()
                .map(String::as_str)
                .filter(|p| !p.trim().is_empty())
                .collect(),
            None => DEFAULT_PLACEHOLDERS.to_vec(),
        }
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

/// The error for `name`, which is not a built-in file.
fn unknown_builtin(name: &str) -> Error {
    let names: Vec<&str> = builtin::FILES.iter().map(|f| f.name).collect();
    let mut d = Diagnostic::error(format!("`{name}` is not a built-in template file"));
    if let Some(near) = crate::diagnostic::nearest(name, &names) {
        d = d.hint(format!("did you mean `{near}`?"));
    }
    d.hint(format!("the built-in files are {}", names.join(", ")))
        .into()
}

/// A file of a project's templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFile {
    /// Its path under the templates folder, with `/`.
    pub name: String,
    /// Where it comes from.
    pub from: Provenance,
}

/// Where a template file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// The project's templates folder: the file's path.
    Project(PathBuf),
    /// dokgen itself.
    Builtin(&'static Builtin),
}

/// `path` relative to `root`, with `/`, climbing with `..` when it lies
/// outside (a shared templates folder).
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let root_parts: Vec<Component> = root.components().collect();
    let path_parts: Vec<Component> = path.components().collect();
    let common = root_parts
        .iter()
        .zip(&path_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_owned(); root_parts.len() - common];
    parts.extend(
        path_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_project_even_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("examples/x");
        let templates = dir.path().join("templates");
        std::fs::create_dir_all(project.join("content")).unwrap();
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(project.join("content/a.yaml"), "").unwrap();
        std::fs::write(templates.join("dokgen.typ"), "").unwrap();
        assert_eq!(
            relative(&project, &project.join("content/a.yaml")),
            "content/a.yaml"
        );
        assert_eq!(
            relative(&project, &templates.join("dokgen.typ")),
            "../../templates/dokgen.typ"
        );
    }
}
