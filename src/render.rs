//! A document → its Typst source: the context from the facts, the prose
//! rendered with it and converted from Markdown, and the document's
//! template around it all.

use std::collections::BTreeMap;
use std::path::Path;

use tera::Value;

use crate::context;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::{Content, Document};
use crate::markdown;
use crate::project::Project;
use crate::template::{self, PROSE_VAR, Templates};

/// A document's Typst source, and what the prose conversion warned about.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The Typst source.
    pub source: String,
    /// Warnings about the prose, located in its Markdown files.
    pub warnings: Vec<Diagnostic>,
    /// Files made for the document that its source names (annex pages).
    pub generated: crate::typeset::Generated,
    /// Files read to make it besides the facts, prose and templates
    /// (annex PDFs).
    pub read: Vec<std::path::PathBuf>,
}

/// Renders the Typst source of `document`.
pub fn render(
    project: &Project,
    content: &Content,
    templates: &Templates,
    document: &Document,
) -> Result<Rendered> {
    let mut view = context::build(project, content, document)?;
    let generated = std::mem::take(&mut view.generated);
    let read = std::mem::take(&mut view.read);
    let mut ctx = tera::Context::from_serialize(&view).map_err(|err| {
        Error::from(
            Diagnostic::error(format!("cannot pass the facts to the template: {err}"))
                .in_file(&document.file),
        )
    })?;
    let mut prose = BTreeMap::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for path in prose_for(content, document) {
        let markdown = templates.render_prose(path, &ctx)?;
        let file = Path::new("content").join(path);
        let lines = template::line_map(&content.prose[path], &markdown);
        let origin = markdown::Origin {
            root: &project.root,
            file: &file,
            lines: &lines,
        };
        let settings = markdown::Settings {
            heading_offset: 0,
            origin: Some(origin),
        };
        let converted = markdown::to_typst(&markdown, &settings);
        for problem in &converted.problems {
            let d = prose_problem(problem, &file, &content.prose[path], &markdown, &lines);
            if problem.is_error {
                errors.push(d)
            } else {
                warnings.push(d)
            }
        }
        prose.insert(path.clone(), Value::safe_string(&converted.typst));
    }
    if !errors.is_empty() {
        return Err(Error::from(errors));
    }
    ctx.insert_value(PROSE_VAR, Value::from(prose));
    let source = templates.render(&document.spec.template, &ctx)?;
    Ok(Rendered {
        source,
        warnings,
        generated,
        read,
    })
}

/// A problem in prose, placed on the line of the Markdown file it comes
/// from. The position is found in the rendered prose (facts filled in) and
/// mapped back to the file as written.
fn prose_problem(
    warning: &markdown::Problem,
    file: &Path,
    source: &str,
    rendered: &str,
    lines: &[Option<usize>],
) -> Diagnostic {
    let diagnostic = if warning.is_error {
        Diagnostic::error(warning.message.clone())
    } else {
        Diagnostic::warning(warning.message.clone())
    };
    let diagnostic = diagnostic.in_file(file);
    let start = warning.range.start.min(rendered.len());
    let rendered_line = rendered[..start].matches('\n').count();
    let Some(line) = lines.get(rendered_line).copied().flatten() else {
        return diagnostic.hint("the line could not be told: facts filled into the prose moved it");
    };
    let line_offset = crate::diagnostic::line_start(source, line);
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
pub fn prose_for<'c>(
    content: &'c Content,
    document: &'c Document,
) -> impl Iterator<Item = &'c String> {
    let from_facts = content
        .facts
        .strategy
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| &l.prose));
    let meeting = content
        .facts
        .meetings
        .iter()
        .filter(|m| document.spec.meeting.as_ref() == Some(&m.id))
        .flat_map(|m| m.items.iter().flat_map(|item| item.prose().map(|(_, p)| p)));
    let mut paths: Vec<&String> = from_facts
        .chain(meeting)
        .chain(document.spec.prose.values())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths.into_iter()
}

/// Typst errors in the generated source that fall inside converted prose
/// are placed at the Markdown file and line the prose came from; the place
/// in the generated source is kept as a hint. Other errors stay as they are.
pub fn locate_in_prose(source: &str, err: Error) -> Error {
    let relocated = err.into_diagnostics().into_iter().map(|d| {
        let generated = d
            .file
            .as_ref()
            .is_some_and(|f| f.to_string_lossy().ends_with(".generated.typ"));
        let Some(line) = d.line.filter(|_| generated) else {
            return d;
        };
        let line_start = crate::diagnostic::line_start(source, line);
        // The column counts characters; the offset is in bytes.
        let line_text = source.lines().nth(line - 1).unwrap_or_default();
        let column = d.column.unwrap_or(1).saturating_sub(1);
        let in_line = line_text
            .char_indices()
            .nth(column)
            .map_or(line_text.len(), |(i, _)| i);
        match markdown::origin_before(source, line_start + in_line) {
            Some((file, md_line)) => {
                let was = d.location().unwrap_or_default();
                let mut moved = d.clone();
                moved.file = Some(file);
                moved.line = Some(md_line);
                moved.column = None;
                moved.snippet = None;
                moved.hint(format!("in the Typst made from this prose, at {was}"))
            }
            None => d,
        }
    });
    Error::from(relocated.collect::<Vec<_>>())
}
