//! Which documents to make, in what order, and how they are written.
//!
//! Takes a [`Project`]; reads and checks its content, parses its templates
//! and loads its fonts once ([`Session`]), then for each declared document
//! renders its template, typesets it and writes `<output>/<name>.pdf`
//! ([`build`]), or typesets it without writing anything ([`check`]). A
//! document that fails does not stop the others; all problems are reported
//! at the end.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::context;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::{self, Content, Document};
use crate::project::Project;
use crate::render::{Rendered, locate_in_prose, render};
use crate::template::Templates;
use crate::typeset::{Job, Typesetter};

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the PDFs go; the project's `output/` if not given.
    pub output: Option<PathBuf>,
}

/// A PDF that was written.
#[derive(Debug, Clone)]
pub struct Written {
    /// Its path.
    pub path: PathBuf,
    /// Its page count.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: usize,
}

/// What a build or check did, told as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// A PDF was written.
    Written(&'a Written),
    /// A document was checked: it renders and typesets without error.
    Checked(&'a Document),
    /// Something to look at that did not stop the work.
    Warning(&'a Diagnostic),
}

/// What `dokgen check` found.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// How many documents were checked.
    pub documents: usize,
    /// Findings about the facts, in Danish (sizes, projections, scenarios).
    pub notes: Vec<String>,
}

/// A project read and ready to make documents: content checked, templates
/// parsed, fonts loaded.
pub struct Session<'p> {
    project: &'p Project,
    content: Content,
    templates: Templates,
    typesetter: Typesetter,
    /// `SOURCE_DATE_EPOCH`, if set: every PDF's timestamp.
    source_date_epoch: Option<i64>,
}

impl<'p> Session<'p> {
    /// Reads and checks everything a build needs. Problems with the facts
    /// or templates are all reported here, before any document is made.
    pub fn open(project: &'p Project) -> Result<Self> {
        let content = facts::load(project)?;
        let templates = Templates::load(project, &content.prose)?;
        check_documents(&content, &templates)?;
        let typesetter = Typesetter::new(project)?;
        Ok(Self {
            project,
            content,
            templates,
            typesetter,
            source_date_epoch: source_date_epoch()?,
        })
    }

    /// The checked content.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The Typst source of `document`.
    pub fn render(&self, document: &Document) -> Result<Rendered> {
        render(self.project, &self.content, &self.templates, document)
    }

    fn job<'d>(&self, document: &'d Document, rendered: Rendered) -> Job<'d> {
        Job {
            name: &document.spec.output,
            source: rendered.source,
            date: document.spec.date,
            timestamp: self.source_date_epoch,
            standards: document
                .spec
                .pdf_standards
                .as_deref()
                .unwrap_or(crate::typeset::standards::DEFAULT),
            generated: rendered.generated,
            ident: format!("{}/{}", self.project.config.name, document.spec.output),
        }
    }
}

/// Builds every document of `project`. `on_event` hears of each PDF as it
/// is written and of each warning. Returns the written PDFs, or every error.
pub fn build(
    project: &Project,
    options: &Options,
    on_event: impl FnMut(Event<'_>),
) -> Result<Vec<Written>> {
    let mut on_event = once_per_warning(on_event);
    let session = Session::open(project)?;
    let output_dir = options
        .output
        .clone()
        .unwrap_or_else(|| project.default_output_dir());
    std::fs::create_dir_all(&output_dir).map_err(|err| Error::io(&output_dir, &err))?;

    let mut written = Vec::new();
    let mut errors = Vec::new();
    for document in &session.content.documents {
        match build_one(&session, document, &output_dir, &mut on_event) {
            Ok(w) => {
                on_event(Event::Written(&w));
                written.push(w);
            }
            Err(err) => errors.push(err),
        }
    }
    match Error::many(errors) {
        Some(err) => Err(err),
        None => Ok(written),
    }
}

/// Checks everything a build would do (facts, references, rules, templates,
/// prose and typesetting) without writing a file.
pub fn check(project: &Project, on_event: impl FnMut(Event<'_>)) -> Result<CheckReport> {
    let mut on_event = once_per_warning(on_event);
    let session = Session::open(project)?;
    let mut errors = Vec::new();
    for document in &session.content.documents {
        let result = session.render(document).and_then(|rendered| {
            for warning in &rendered.warnings {
                on_event(Event::Warning(warning));
            }
            let source = rendered.source.clone();
            let job = session.job(document, rendered);
            let (_, warnings) = session
                .typesetter
                .compile(&job)
                .map_err(|err| locate_in_prose(&source, err))?;
            for warning in &warnings {
                on_event(Event::Warning(warning));
            }
            Ok(())
        });
        match result {
            Ok(()) => on_event(Event::Checked(document)),
            Err(err) => errors.push(err),
        }
    }
    if let Some(err) = Error::many(errors) {
        return Err(err);
    }
    Ok(CheckReport {
        documents: session.content.documents.len(),
        notes: context::findings(&session.content.facts, None),
    })
}

/// The timestamp reproducible builds agree on
/// (<https://reproducible-builds.org/specs/source-date-epoch/>), if set.
fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(text) if text.trim().is_empty() => Ok(None),
        Ok(text) => text.trim().parse::<i64>().map(Some).map_err(|_| {
            Diagnostic::error(format!("SOURCE_DATE_EPOCH is `{text}`, not a number of seconds"))
                .hint("set it to whole seconds since 1970-01-01 UTC, e.g. `SOURCE_DATE_EPOCH=1503273600`, or unset it to date each PDF by its document")
                .into()
        }),
    }
}

/// Prose shared by several documents would warn once per document: pass
/// each warning on once.
fn once_per_warning(mut on_event: impl FnMut(Event<'_>)) -> impl FnMut(Event<'_>) {
    let mut warned = HashSet::new();
    move |event| match event {
        Event::Warning(d) if !warned.insert(d.clone()) => {}
        event => on_event(event),
    }
}

fn build_one(
    session: &Session<'_>,
    document: &Document,
    output_dir: &Path,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<Written> {
    let spec = &document.spec;
    let rendered = session.render(document)?;
    for warning in &rendered.warnings {
        on_event(Event::Warning(warning));
    }
    let source = rendered.source.clone();
    let typeset = session.typesetter.typeset(session.job(document, rendered)).map_err(|err| {
        let err = locate_in_prose(&source, err);
        // Keep the generated source, so the line in the message can be read.
        let debug_path = output_dir.join(format!("{}.typ", spec.output));
        if std::fs::write(&debug_path, &source).is_err() {
            return err;
        }
        let note = Diagnostic::error(format!("`{}` could not be typeset", document.file.display()))
            .in_file(&document.file)
            .hint(format!(
                "the generated Typst source is in {}; `templates/{}.generated.typ` in the messages above means that file",
                debug_path.display(),
                spec.output
            ));
        Error::from(err.into_diagnostics().into_iter().chain([note]).collect::<Vec<_>>())
    })?;
    for warning in &typeset.warnings {
        on_event(Event::Warning(warning));
    }
    let path = output_dir.join(format!("{}.pdf", spec.output));
    write_atomically(&path, &typeset.pdf)?;
    Ok(Written {
        path,
        pages: typeset.pages,
        bytes: typeset.pdf.len(),
    })
}

/// Every document names a template that exists and an output name that is
/// a plain file name used by no other document.
fn check_documents(content: &Content, templates: &Templates) -> Result<()> {
    let mut problems = Vec::new();
    let mut outputs: BTreeMap<&str, &Path> = BTreeMap::new();
    for document in &content.documents {
        let spec = &document.spec;
        if !templates.contains(&spec.template) {
            problems.push(
                Diagnostic::error(format!("the template `{}` does not exist", spec.template))
                    .in_file(&document.file)
                    .located(content.sources.value_in(&document.file, "template"))
                    .hint(format!(
                        "templates in templates/: {}",
                        templates.names().join(", ")
                    )),
            );
        }
        let plain = !spec.output.is_empty()
            && !spec.output.starts_with('.')
            && !spec.output.contains(['/', '\\'])
            && !spec.output.ends_with(".pdf");
        if !plain {
            problems.push(
                Diagnostic::error(format!(
                    "`output: {}` is not a plain file name",
                    spec.output
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "output"))
                .hint(
                    "give the PDF's name without folder and without .pdf, e.g. `output: strategi`",
                ),
            );
        }
        if let Some(first) = outputs.insert(&spec.output, &document.file) {
            problems.push(
                Diagnostic::error(format!(
                    "two documents are written to `{}.pdf`",
                    spec.output
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "output"))
                .hint(format!(
                    "{} uses the same `output`; give each document its own",
                    first.display()
                )),
            );
        }
    }
    if content.documents.is_empty() {
        problems.push(
            Diagnostic::error("the project declares no documents")
                .in_file("content/documents")
                .hint("add a YAML file per document under content/documents/ with template, output, title and date"),
        );
    }
    match Error::many(problems.into_iter().map(Error::from)) {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into
/// place, so `path` is never seen half-written.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|err| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, &err)
    })
}
