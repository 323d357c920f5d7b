//! The Tera environment: templates, prose templates, autoescaping and the
//! Danish filters.
//!
//! Takes the project's templates folder and the Markdown prose; gives
//! Typst source for a document, with a map back to the template lines it
//! came from ([`origins`]), or Markdown text for a prose file, rendered with
//! a document's context.
//!
//! Every `.typ.tera` template and every `.md` prose file is autoescaped with
//! [`escape::write_markup`], so a value from the facts can only ever appear
//! as text. The filters that emit Typst on purpose (`typst_str`, `typst`,
//! `prose`) escape by construction and mark their output safe
//! ([`filters`]).

mod filters;
pub(crate) mod origins;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Error, Location, Result};
use crate::escape;
use crate::id::ProsePath;
use crate::project::Project;
use origins::{Instrumented, Markers, Origins};

/// The suffix of document templates and their partials.
pub(crate) const TEMPLATE_SUFFIX: &str = ".typ.tera";

/// Prose files are registered under this prefix, so their names can't clash
/// with templates and end in `.md` (which turns autoescaping on).
const PROSE_PREFIX: &str = "content/";

/// The name of the context variable that holds converted prose.
pub(crate) const PROSE_VAR: &str = "prose";

/// Templates and prose, parsed and ready to render.
pub(crate) struct Templates {
    tera: Tera,
    /// The templates folder as messages name it, relative to the project:
    /// `templates`, or `../../templates` for a shared one.
    shown_dir: String,
    /// The templates' names (paths under the folder, with `/`); markers
    /// refer to a template by its index here.
    names: Vec<String>,
    /// Each template as written, in the order of `names`.
    texts: Vec<String>,
    /// Each template as Tera parsed it, with its markers.
    marked: Vec<Instrumented>,
    /// The markers of this load.
    markers: Markers,
    /// Each prose file as written, by its path under `content/`.
    prose: BTreeMap<ProsePath, String>,
}

/// A template's output: Typst source, and where its pieces came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Output {
    /// The text.
    pub text: String,
    /// Where each piece of it was written (see [`Templates::locate`]).
    pub(crate) origins: Origins,
}

impl Templates {
    /// Parses every template in the project's templates folder and every
    /// prose file.
    pub(crate) fn load(project: &Project, prose: &BTreeMap<ProsePath, String>) -> Result<Self> {
        let dir = project.templates_dir();
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::write_markup);
        tera.autoescape_on([TEMPLATE_SUFFIX, ".md"]);
        filters::register(&mut tera);

        let mut names = Vec::new();
        let mut texts = Vec::new();
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|err| {
                Error::from(
                    Diagnostic::error(format!("cannot read the templates folder: {err}"))
                        .in_file(err.path().unwrap_or(&dir))
                        .hint("a project needs a templates/ folder with its .typ.tera templates"),
                )
            })?;
            let path = entry.path();
            if entry.file_type().is_file() && path.to_string_lossy().ends_with(TEMPLATE_SUFFIX) {
                let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, &err))?;
                names.push(template_name(&dir, path));
                texts.push(text);
            }
        }
        let shown_dir = crate::project::relative(&project.root, &dir);
        let mut markers = Markers::new();
        let mut problems = Vec::new();
        let marked: Vec<Instrumented> = names
            .iter()
            .zip(&texts)
            .enumerate()
            .map(|(i, (name, text))| {
                if let Some(at) = origins::marker_char_in(text) {
                    problems.push(
                        Diagnostic::error("a control character (U+0001 or U+0002) in a template")
                            .in_file(Path::new(&shown_dir).join(name))
                            .at_offset(text, at)
                            .hint("remove it: dokgen uses these characters to find the lines of templates"),
                    );
                }
                markers.instrument(i, text)
            })
            .collect();
        if let Some(err) = Error::many(problems.into_iter().map(Error::from)) {
            return Err(err);
        }
        let prose_names: Vec<String> = prose.keys().map(|p| format!("{PROSE_PREFIX}{p}")).collect();
        let sources = names
            .iter()
            .zip(&marked)
            .map(|(name, m)| (name.as_str(), m.text.as_str()))
            .chain(
                prose_names
                    .iter()
                    .zip(prose.values())
                    .map(|(n, t)| (n.as_str(), t.as_str())),
            );
        let added = tera.add_raw_templates(sources);
        let templates = Self {
            tera,
            shown_dir,
            names,
            texts,
            marked,
            markers,
            prose: prose.clone(),
        };
        added.map_err(|err| templates.error(&err))?;
        Ok(templates)
    }

    /// Whether `name` is a loaded template.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The names of every template (documents and partials), relative to
    /// the templates folder, sorted.
    pub(crate) fn files(&self) -> &[String] {
        &self.names
    }

    /// The templates folder relative to the project: `templates`, or
    /// `../../templates` for a shared one.
    pub(crate) fn dir(&self) -> &str {
        &self.shown_dir
    }

    /// The path of the template `name` relative to the project (as the
    /// manifest and messages name it).
    pub(crate) fn path_of(&self, name: &str) -> PathBuf {
        Path::new(&self.shown_dir).join(name)
    }

    /// The names of the templates a document can name (those at the top
    /// of the folder; partials are in folders below it), for hints.
    pub(crate) fn names(&self) -> Vec<&str> {
        self.names
            .iter()
            .filter(|n| !n.contains('/'))
            .map(String::as_str)
            .collect()
    }

    /// Renders the template `name` into Typst source.
    pub(crate) fn render(&self, name: &str, context: &tera::Context) -> Result<Output> {
        let marked = self
            .tera
            .render(name, context)
            .map_err(|err| self.error(&err))?;
        let (text, origins) = self.markers.strip(&marked);
        Ok(Output { text, origins })
    }

    /// Renders the prose file `path` (under `content/`) into Markdown, with
    /// its facts filled in and escaped.
    pub(crate) fn render_prose(&self, path: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(&format!("{PROSE_PREFIX}{path}"), context)
            .map_err(|err| self.error(&err))
    }

    /// The template place that wrote byte `offset` of `output`: its file
    /// (relative to the project), line and column.
    pub(crate) fn locate(&self, output: &Output, offset: usize) -> Option<Location> {
        let texts: Vec<&str> = self.texts.iter().map(String::as_str).collect();
        let (template, at) = output
            .origins
            .locate(&self.markers, &texts, &output.text, offset)?;
        let text = &self.texts[template];
        let d = Diagnostic::error("").at_offset(text, at);
        Some(Location {
            file: self.path_of(&self.names[template]),
            line: d.line?,
            column: d.column?,
            snippet: d.snippet.unwrap_or_default(),
        })
    }

    /// Turns a Tera error into a diagnostic at the template's (or prose
    /// file's) line and column, as written.
    fn error(&self, err: &tera::Error) -> Error {
        let (tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report)) =
            err.kind()
        else {
            return Diagnostic::error(format!("template: {}", err.kind())).into();
        };
        let name = report.filename();
        let mut d = Diagnostic::error(report.message().to_owned());
        let start = report.span().range.start;
        if let Some(i) = self.names.iter().position(|n| n == name) {
            let at = self.marked[i].original_offset(start);
            d = d.in_file(self.path_of(name)).at_offset(&self.texts[i], at);
        } else if let Some(path) = name.strip_prefix(PROSE_PREFIX) {
            d = d.in_file(Path::new("content").join(path));
            d = match self.prose.get(path) {
                Some(text) => d.at_offset(text, start),
                None => d.at(report.span().start_line, report.span().start_col + 1),
            };
        } else if !name.is_empty() {
            d = d.in_file(name);
        }
        if let Some(source) = std::error::Error::source(err) {
            d = d.hint(source.to_string());
        }
        if report.message().contains("not found in context")
            || report.message().contains("is not defined")
            || report.message().contains("undefined")
        {
            d = d.hint(
                "check the name against the fact files; every value a template uses must exist",
            );
        }
        d.into()
    }
}

/// A template's name: its path under the templates folder, with `/`
/// separators.
fn template_name(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
