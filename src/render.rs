//! A document → its Typst source: the context from the facts, the prose
//! rendered with it and converted from Markdown, and the document's
//! template around it all.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

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
    render_shared(
        project,
        content,
        templates,
        document,
        &SharedContexts::default(),
    )
}

/// The Tera contexts of the facts as of each date, each made once: the
/// documents of a build share them, and a batch of hundreds of letters does
/// not serialise every municipality hundreds of times.
#[derive(Default)]
pub struct SharedContexts {
    by_date: Mutex<HashMap<NaiveDate, Arc<Shared>>>,
}

/// The facts as of a date, ready for Tera, with the proper names and a
/// matcher that finds them all in one pass over a document.
struct Shared {
    context: tera::Context,
    pattern: Option<String>,
    names: Vec<String>,
    matcher: Option<aho_corasick::AhoCorasick>,
}

impl SharedContexts {
    fn get(
        &self,
        project: &Project,
        content: &Content,
        document: &Document,
    ) -> Result<Arc<Shared>> {
        let date = document.date;
        if let Some(shared) = self.lock().get(&date) {
            return Ok(shared.clone());
        }
        // Made outside the lock, so other threads go on meanwhile; if two
        // make the same date at once, both results are equal.
        let view = context::shared(project, content, date)?;
        let names: Vec<String> = view
            .proper_name_list
            .iter()
            .map(|n| n.to_string())
            .collect();
        let shared = Arc::new(Shared {
            context: to_context(&view, document)?,
            pattern: view.proper_names.clone(),
            matcher: aho_corasick::AhoCorasick::new(&names).ok(),
            names,
        });
        self.lock().insert(date, shared.clone());
        Ok(shared)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<NaiveDate, Arc<Shared>>> {
        self.by_date.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn to_context<T: serde::Serialize>(view: &T, document: &Document) -> Result<tera::Context> {
    tera::Context::from_serialize(view).map_err(|err| {
        Error::from(
            Diagnostic::error(format!("cannot pass the facts to the template: {err}"))
                .in_file(&document.file),
        )
    })
}

/// Renders the Typst source of `document`, with the facts' contexts of
/// `shared`.
pub fn render_shared(
    project: &Project,
    content: &Content,
    templates: &Templates,
    document: &Document,
    shared: &SharedContexts,
) -> Result<Rendered> {
    let facts = shared.get(project, content, document)?;
    let mut own = context::own(project, content, document)?;
    let generated = std::mem::take(&mut own.generated);
    let read = std::mem::take(&mut own.read);
    let pattern = facts.pattern.clone();
    let mut ctx = facts.context.clone();
    ctx.extend(to_context(&own, document)?);
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
    let source = narrow_proper_names(
        templates.render(&document.spec.template, &ctx)?,
        pattern.as_deref(),
        &facts,
    );
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

/// The template passes Typst the pattern of every proper name of the
/// project (`proper_names`); a Typst show rule with a pattern of hundreds of
/// names would slow every document down, so the pattern's literal is
/// replaced by one of the names this document contains (or `none`).
fn narrow_proper_names(source: String, pattern: Option<&str>, facts: &Shared) -> String {
    let (Some(pattern), Some(matcher)) = (pattern, &facts.matcher) else {
        return source;
    };
    let literal = crate::escape::string_literal(pattern);
    let Some(at) = source.find(&literal) else {
        return source;
    };
    // The names in the text, not in the pattern itself.
    let mut found = vec![false; facts.names.len()];
    for part in [&source[..at], &source[at + literal.len()..]] {
        for m in matcher.find_overlapping_iter(part) {
            found[m.pattern().as_usize()] = true;
        }
    }
    let present = facts
        .names
        .iter()
        .zip(&found)
        .filter(|(_, f)| **f)
        .map(|(n, _)| n.as_str());
    let narrowed = match context::proper_names_pattern(present) {
        Some(p) => crate::escape::string_literal(&p),
        None => "none".to_owned(),
    };
    source.replacen(&literal, &narrowed, 1)
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
