//! Which documents to make, in what order, and how they are written.
//!
//! Takes a [`Project`]; loads its content and templates once, then for each
//! declared document renders its template, typesets it and writes
//! `<output>/<name>.pdf`. A document that fails does not stop the others;
//! all problems are reported at the end.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use tera::Value;

use crate::context;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::{self, Content, Document};
use crate::markdown;
use crate::project::Project;
use crate::template::{self, PROSE_VAR, Templates};
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

/// What a build did, told as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// A PDF was written.
    Written(&'a Written),
    /// Something to look at that did not stop the build.
    Warning(&'a Diagnostic),
}

/// Builds every document of `project`. `on_event` hears of each PDF as it
/// is written and of each warning. Returns the written PDFs, or every error.
pub fn build(
    project: &Project,
    options: &Options,
    mut on_event: impl FnMut(Event<'_>),
) -> Result<Vec<Written>> {
    // Prose shared by several documents would warn once per document.
    let mut warned = HashSet::new();
    let mut on_event = |event: Event<'_>| match event {
        Event::Warning(d) if !warned.insert(d.clone()) => {}
        event => on_event(event),
    };
    let content = facts::load(project)?;
    let templates = Templates::load(project, &content.prose)?;
    check_documents(&content, &templates)?;
    let typesetter = Typesetter::new(project)?;
    let output_dir = options
        .output
        .clone()
        .unwrap_or_else(|| project.default_output_dir());
    std::fs::create_dir_all(&output_dir).map_err(|err| Error::io(&output_dir, &err))?;

    let mut written = Vec::new();
    let mut errors = Vec::new();
    for document in &content.documents {
        match build_one(
            project,
            &content,
            &templates,
            &typesetter,
            document,
            &output_dir,
            &mut on_event,
        ) {
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

/// A document's Typst source, and what the prose conversion warned about.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The Typst source.
    pub source: String,
    /// Warnings about the prose, located in its Markdown files.
    pub warnings: Vec<Diagnostic>,
}

/// Renders the Typst source of `document`.
pub fn render(
    project: &Project,
    content: &Content,
    templates: &Templates,
    document: &Document,
) -> Result<Rendered> {
    let view = context::build(project, content, document)?;
    let mut ctx = tera::Context::from_serialize(&view).map_err(|err| {
        Error::from(
            Diagnostic::error(format!("cannot pass the facts to the template: {err}"))
                .in_file(&document.file),
        )
    })?;
    let mut prose = BTreeMap::new();
    let mut warnings = Vec::new();
    for path in prose_for(content, document) {
        let markdown = templates.render_prose(path, &ctx)?;
        let converted = markdown::to_typst(&markdown, &markdown::Settings::default());
        if !converted.warnings.is_empty() {
            let file = Path::new("content").join(path);
            let lines = template::line_map(&content.prose[path], &markdown);
            warnings.extend(
                converted
                    .warnings
                    .iter()
                    .map(|w| prose_warning(w, &file, &content.prose[path], &markdown, &lines)),
            );
        }
        prose.insert(path.clone(), Value::safe_string(&converted.typst));
    }
    ctx.insert_value(PROSE_VAR, Value::from(prose));
    let source = templates.render(&document.spec.template, &ctx)?;
    Ok(Rendered { source, warnings })
}

/// A Markdown warning, placed on the line of the prose file it comes from.
/// The position is found in the rendered prose (facts filled in) and mapped
/// back to the file as written.
fn prose_warning(
    warning: &markdown::Warning,
    file: &Path,
    source: &str,
    rendered: &str,
    lines: &[Option<usize>],
) -> Diagnostic {
    let diagnostic = Diagnostic::warning(warning.message.clone()).in_file(file);
    let start = warning.range.start.min(rendered.len());
    let rendered_line = rendered[..start].matches('\n').count();
    let Some(line) = lines.get(rendered_line).copied().flatten() else {
        return diagnostic.hint("the line could not be told: facts filled into the prose moved it");
    };
    let line_offset: usize = source.lines().take(line - 1).map(|l| l.len() + 1).sum();
    let line_text = source.lines().nth(line - 1).unwrap_or_default();
    // The construct's own text (`<b>`, `[filen](..)`), found again in the
    // line as written; the line's start if facts changed it.
    let end = warning.range.end.clamp(start, rendered.len());
    let construct = rendered[start..end].lines().next().unwrap_or_default();
    let column = if construct.is_empty() {
        None
    } else {
        line_text.find(construct)
    };
    diagnostic.at_offset(source, line_offset + column.unwrap_or(0))
}

/// The prose a document is rendered with: every file the facts name (the
/// strategic lines), and the files the document itself names. A document's
/// own prose may use its context (`application`); fact prose may not.
fn prose_for<'c>(content: &'c Content, document: &'c Document) -> impl Iterator<Item = &'c String> {
    let from_facts = content
        .facts
        .strategy
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| &l.prose));
    let mut paths: Vec<&String> = from_facts.chain(document.spec.prose.values()).collect();
    paths.sort_unstable();
    paths.dedup();
    paths.into_iter()
}

fn build_one(
    project: &Project,
    content: &Content,
    templates: &Templates,
    typesetter: &Typesetter,
    document: &Document,
    output_dir: &Path,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<Written> {
    let spec = &document.spec;
    let Rendered { source, warnings } = render(project, content, templates, document)?;
    for warning in &warnings {
        on_event(Event::Warning(warning));
    }
    let job = Job {
        name: &spec.output,
        source: source.clone(),
        date: spec.date,
        ident: format!("{}/{}", project.config.name, spec.output),
    };
    let typeset = typesetter.typeset(job).map_err(|err| {
        // Keep the generated source, so the line in the message can be read.
        let debug_path = output_dir.join(format!("{}.typ", spec.output));
        match std::fs::write(&debug_path, &source) {
            Ok(()) => Error::many([
                err,
                Diagnostic::error(format!("`{}` could not be typeset", document.file.display()))
                    .in_file(&document.file)
                    .hint(format!(
                        "the generated Typst source is in {}; `templates/{}.generated.typ` in the messages above means that file",
                        debug_path.display(),
                        spec.output
                    ))
                    .into(),
            ])
            .unwrap_or_else(|| Diagnostic::error("typesetting failed").into()),
            Err(_) => err,
        }
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
