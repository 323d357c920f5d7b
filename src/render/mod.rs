//! A document → its Typst source: the context from the facts, the prose
//! rendered with it and converted from Markdown, and the document's
//! template around it all, with a map from every place in the source back
//! to the Markdown or template line it came from.

mod names;
mod placeholders;
mod prose;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use tera::Value;

use crate::context;
use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::facts::model::Facts;
use crate::kinds::{self, Content, Document, DocumentTexts};
use crate::markdown;
use crate::msg;
use crate::project::Project;
use crate::template::{Output, PROSE_VAR, Templates, origins};
pub(crate) use names::ProperNames;

/// A document's Typst source, and what the prose conversion warned about.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The Typst source, and where its pieces were written.
    pub(crate) output: Output,
    /// Warnings about the prose, located in its Markdown files.
    pub warnings: Vec<Diagnostic>,
    /// The regular expression of the proper names the source contains,
    /// for the style library.
    pub proper_names: Option<String>,
}

impl Rendered {
    /// The Typst source.
    pub fn source(&self) -> &str {
        &self.output.text
    }

    /// `d`, which Typst reported at `generated` (the name by which it
    /// knows this source), moved to where a person wrote what stands
    /// there: the Markdown line of converted prose, or the template's line
    /// and column; so are the calls that led to it. Where it stood in the
    /// generated source, which `dokgen build --emit typst` writes as
    /// `shown`, stays as a hint.
    pub(crate) fn relocate(
        &self,
        templates: &Templates,
        generated: &Path,
        shown: &str,
        d: Diagnostic,
    ) -> Diagnostic {
        let mut moved = d;
        for point in &mut moved.trace {
            if point.file != generated {
                continue;
            }
            match self.origin(templates, point.line, point.column) {
                Place::Prose(file, line) => {
                    point.file = file;
                    point.line = line;
                    point.column = 1;
                }
                Place::Template(at) => {
                    point.file = at.file;
                    point.line = at.line;
                    point.column = at.column;
                }
                Place::Generated => point.file = shown.into(),
            }
        }
        let (Some(line), true) = (moved.line, moved.file.as_deref() == Some(generated)) else {
            return moved;
        };
        let column = moved.column.unwrap_or(1);
        let place = format!("{shown}:{line}:{column}");
        match self.origin(templates, line, column) {
            Place::Prose(file, md_line) => {
                moved.file = Some(file);
                moved.line = Some(md_line);
                moved.column = None;
                moved.snippet = None;
                moved.hint(msg!("template-typst-from-prose", place))
            }
            Place::Template(at) => moved
                .located(Some(at))
                .hint(msg!("template-typst-from-template", place)),
            Place::Generated => {
                moved.file = Some(shown.into());
                moved.hint(msg!("template-typst-generated", file = shown))
            }
        }
    }

    /// Where a person wrote what stands at 1-based `line` and `column`
    /// (in characters) of the source.
    fn origin(&self, templates: &Templates, line: usize, column: usize) -> Place {
        let source = &self.output.text;
        let line_start = crate::diagnostic::line_start(source, line);
        let line_text = source[line_start..].lines().next().unwrap_or_default();
        let offset = line_start
            + line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
        self.origin_at(templates, offset)
    }

    /// Where a person wrote what stands at byte `offset` of the source:
    /// the prose file and line, or the template's line and column; and, in
    /// a template, the expression of the `{{ … }}` that printed it, if one
    /// did. None for what no person wrote (Typst code dokgen made).
    pub(crate) fn written_at(
        &self,
        templates: &Templates,
        offset: usize,
    ) -> Option<(crate::diagnostic::Location, Option<String>)> {
        match self.origin_at(templates, offset) {
            Place::Prose(file, line) => Some((
                crate::diagnostic::Location {
                    file,
                    line,
                    column: 1,
                    snippet: String::new(),
                },
                None,
            )),
            Place::Template(at) => {
                let expression = at
                    .snippet
                    .chars()
                    .skip(at.column.saturating_sub(1))
                    .collect::<String>()
                    .strip_prefix("{{")
                    .and_then(|rest| rest.split_once("}}").map(|(e, _)| e.to_owned()))
                    .map(|e| {
                        e.trim_matches(|c: char| c == '-' || c.is_whitespace())
                            .to_owned()
                    });
                Some((at, expression))
            }
            Place::Generated => None,
        }
    }

    /// Where a person wrote what stands at byte `offset` of the source.
    /// The prose files the document prints, relative to the project.
    pub(crate) fn printed_prose(&self) -> std::collections::BTreeSet<std::path::PathBuf> {
        markdown::printed_files(&self.output.text)
    }

    fn origin_at(&self, templates: &Templates, offset: usize) -> Place {
        if let Some((file, md_line)) = markdown::origin_before(&self.output.text, offset) {
            return Place::Prose(file, md_line);
        }
        match templates.locate(&self.output, offset) {
            Some(at) => Place::Template(at),
            None => Place::Generated,
        }
    }
}

/// Where a place of a document's source was written.
pub(super) enum Place {
    /// In a prose file, at a line.
    Prose(std::path::PathBuf, usize),
    /// In a template.
    Template(crate::diagnostic::Location),
    /// Nowhere a person wrote it.
    Generated,
}

/// What rendering keeps from one document to the next: the facts as
/// templates see them on each date (a batch of hundreds of letters does
/// not serialise every municipality hundreds of times), and the project's
/// proper names.
pub(crate) struct Renderer {
    dates: Mutex<HashMap<NaiveDate, Arc<Dated>>>,
    names: ProperNames,
}

/// The facts as of one date.
struct Dated {
    /// The facts with their texts rendered, if any names facts.
    facts: Option<Facts>,
    /// The facts as templates see them.
    context: tera::Context,
    /// The errors of each text that could not be made, by the key of the
    /// marker that stands in its place.
    failed: HashMap<String, Vec<Diagnostic>>,
}

impl Renderer {
    /// A renderer for the facts of `content`.
    pub(crate) fn new(project: &Project, content: &Content) -> Self {
        Self {
            dates: Mutex::default(),
            names: ProperNames::of(project, &content.facts),
        }
    }

    /// The facts as of `document`'s date, made once per date: the texts
    /// that name facts are rendered with the facts as written, then the
    /// context is made again from the facts with those texts.
    fn dated(
        &self,
        project: &Project,
        content: &Content,
        templates: &Templates,
        document: &Document,
    ) -> Result<Arc<Dated>> {
        let date = document.date;
        if let Some(dated) = self.lock().get(&date) {
            return Ok(dated.clone());
        }
        // Made outside the lock, so other threads go on meanwhile; if two
        // make the same date at once, both results are equal.
        let written = to_context(
            &context::shared(project, &content.facts, &content.annex_pages, date)?,
            document,
        )?;
        let mut facts = content.facts.clone();
        let mut failed = HashMap::new();
        let mut rendered_any = false;
        for (path, text) in facts.texts_mut() {
            if !templates.has_text(&path) {
                continue;
            }
            rendered_any = true;
            match templates.render_text(&path, &written) {
                Ok(plain) => *text = plain,
                // Reported if a document prints it.
                Err(err) => {
                    let key = format!("f{}", failed.len());
                    *text = origins::failed(&key);
                    failed.insert(key, err.into_diagnostics());
                }
            }
        }
        let dated = Arc::new(if rendered_any {
            Dated {
                context: to_context(
                    &context::shared(project, &facts, &content.annex_pages, date)?,
                    document,
                )?,
                facts: Some(facts),
                failed,
            }
        } else {
            Dated {
                context: written,
                facts: None,
                failed,
            }
        });
        self.lock().insert(date, dated.clone());
        Ok(dated)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<NaiveDate, Arc<Dated>>> {
        self.dates.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The context of `document`: the facts of its date and its own part,
    /// with its title and subject rendered where they name facts.
    fn context(
        &self,
        content: &Content,
        templates: &Templates,
        document: &Document,
        dated: &Dated,
    ) -> Result<tera::Context> {
        let facts = dated.facts.as_ref().unwrap_or(&content.facts);
        let mut ctx = dated.context.clone();
        let own = kinds::own(content, facts, document, DocumentTexts::default())?;
        ctx.extend(to_context(&own, document)?);
        let index = content
            .documents
            .iter()
            .position(|d| std::ptr::eq(d, document));
        let text = |field: &str| {
            let path = kinds::document_text(index?, field);
            templates
                .has_text(&path)
                .then(|| templates.render_text(&path, &ctx))
        };
        let texts = DocumentTexts {
            title: text("title").transpose()?,
            subject: text("subject").transpose()?,
        };
        if texts.title.is_some() || texts.subject.is_some() {
            let own = kinds::own(content, facts, document, texts)?;
            ctx.extend(to_context(&own, document)?);
        }
        Ok(ctx)
    }

    /// The values `document`'s template and prose see, by name, as JSON:
    /// the facts of its date and its own part (`document`, `application`,
    /// `papers`, …), with the texts that name facts rendered. (Its prose is
    /// placed by the template as `document.prose.<key>`.)
    pub(crate) fn values(
        &self,
        project: &Project,
        content: &Content,
        templates: &Templates,
        document: &Document,
    ) -> Result<Vec<(String, serde_json::Value)>> {
        let dated = self.dated(project, content, templates, document)?;
        let ctx = self.context(content, templates, document, &dated)?;
        let facts = dated.facts.as_ref().unwrap_or(&content.facts);
        // The context cannot list its names; the views it is made from can.
        let names = [
            Value::from_serializable(&context::shared(
                project,
                facts,
                &content.annex_pages,
                document.date,
            )?),
            Value::from_serializable(&kinds::own(
                content,
                facts,
                document,
                DocumentTexts::default(),
            )?),
        ];
        let mut values = Vec::new();
        for name in names
            .iter()
            .filter_map(Value::as_map)
            .flat_map(|m| m.keys())
        {
            let name = name.to_string();
            if let Some(value) = ctx.get(&name)
                && !values.iter().any(|(n, _)| *n == name)
            {
                let json = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
                values.push((name, json));
            }
        }
        values.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(values)
    }

    /// What the template expression `expression` gives in `document`'s
    /// context, as text.
    pub(crate) fn evaluate(
        &self,
        project: &Project,
        content: &Content,
        templates: &Templates,
        document: &Document,
        expression: &str,
    ) -> Result<String> {
        let dated = self.dated(project, content, templates, document)?;
        let ctx = self.context(content, templates, document, &dated)?;
        templates.evaluate(expression, &ctx)
    }

    /// Renders the Typst source of `document`.
    pub(crate) fn render(
        &self,
        project: &Project,
        content: &Content,
        templates: &Templates,
        document: &Document,
    ) -> Result<Rendered> {
        let dated = self.dated(project, content, templates, document)?;
        let mut ctx = self.context(content, templates, document, &dated)?;
        // Every prose file the document may place is made first; one that
        // fails is reported only if the template places it.
        let mut prose = BTreeMap::new();
        let mut failed = dated.failed.clone();
        let mut warnings = Vec::new();
        for path in content.prose_for(document) {
            let converted = templates.render_prose(path, &ctx).map(|markdown| {
                let file = Path::new("content").join(path);
                prose::convert(&project.root, &file, templates, &markdown)
            });
            let (errors, typst) = match converted {
                // Nothing to print: the section it stands in would be a
                // hole (reported only if the template places it).
                Ok(converted) if converted.typst.trim().is_empty() => (
                    vec![
                        Diagnostic::error(msg!("template-prose-empty"))
                            .in_file(Path::new("content").join(path))
                            .hint(msg!("template-prose-empty-hint")),
                    ],
                    String::new(),
                ),
                Ok(converted) => {
                    let (errors, found): (Vec<_>, Vec<_>) = converted
                        .problems
                        .into_iter()
                        .partition(|p| p.severity == Severity::Error);
                    warnings.extend(found);
                    (errors, converted.typst)
                }
                Err(err) => (err.into_diagnostics(), String::new()),
            };
            if errors.is_empty() {
                prose.insert(path.clone(), Value::safe_string(&typst));
            } else {
                let key = format!("p{}", failed.len());
                prose.insert(path.clone(), Value::safe_string(&origins::failed(&key)));
                failed.insert(key, errors);
            }
        }
        ctx.insert_value(PROSE_VAR, Value::from(prose));
        let output = templates.render(&document.spec.template, &ctx)?;
        let placed: Vec<Diagnostic> = output
            .origins
            .failed()
            .iter()
            .filter_map(|key| failed.get(key))
            .flatten()
            .cloned()
            .collect();
        if !placed.is_empty() {
            return Err(Error::from(placed));
        }
        let mut rendered = Rendered {
            proper_names: self.names.pattern_in(&output.text),
            output,
            warnings,
        };
        let found = placeholders::find(project, content, templates, document, &rendered);
        if document.spec.draft {
            rendered.warnings.extend(found);
        } else if !found.is_empty() {
            return Err(Error::from(found));
        }
        Ok(rendered)
    }

    /// The regular expression of the proper names in `source`, a Typst
    /// file a person wrote (`dokgen compile`).
    pub(crate) fn proper_names_in(&self, source: &str) -> Option<String> {
        self.names.pattern_in(source)
    }
}

/// `view` as a template context, without the values the facts leave out.
fn to_context<T: serde::Serialize>(view: &T, document: &Document) -> Result<tera::Context> {
    let value = Value::try_from_serializable(view).map_err(|err| {
        Error::from(
            Diagnostic::error(msg!(
                "template-facts-not-passed",
                reason = msg!("foreign-said", tool = "Tera", text = err.to_string())
            ))
            .in_file(&document.file),
        )
    })?;
    let mut context = tera::Context::new();
    if let Some(map) = without_nones(value).as_map() {
        for (key, value) in map {
            context.insert_value(key.to_string(), value.clone());
        }
    }
    Ok(context)
}

/// `value` without the `none`s of its maps. Tera prints `none` as nothing,
/// silently; a value the facts leave out is not there at all instead, so
/// that a template that prints it gets an error at its line, while
/// `{% if … %}` and `eller` take it as empty.
fn without_nones(value: Value) -> Value {
    if let Some(map) = value.as_map() {
        let mut kept = tera::Map::with_capacity(map.len());
        for (key, value) in map {
            if !value.is_none() {
                kept.insert(key.clone(), without_nones(value.clone()));
            }
        }
        return Value::from(kept);
    }
    if let Some(items) = value.as_array() {
        return Value::from(items.iter().cloned().map(without_nones).collect::<Vec<_>>());
    }
    value
}
