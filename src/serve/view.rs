//! The preview's state as the page reads it: JSON, with each error as the
//! command line prints it and the places in it that can be opened.

use std::path::Path;

use serde_json::{Value, json};

use super::Editor;
use super::preview::State;
use crate::diagnostic::{Diagnostic, Severity};
use crate::export::Format;
use crate::session::Origin;

/// The whole state: the documents, their pages and their problems; the
/// pages of the document `shown` with their runs of text.
pub(crate) fn state(
    state: &State,
    root: &Path,
    editor: Option<&Editor>,
    shown: Option<&str>,
) -> Value {
    let diagnostics = |all: &[Diagnostic]| -> Vec<Value> {
        all.iter().map(|d| diagnostic(d, root, editor)).collect()
    };
    let documents: Vec<Value> = state
        .documents
        .iter()
        .map(|d| {
            let good = d.good.as_deref();
            let status = match (d.errors.is_empty(), good.is_some()) {
                (false, _) => "failed",
                (true, true) => "made",
                (true, false) => "waiting",
            };
            json!({
                "name": d.name,
                "title": d.title,
                "declared_in": d.declared_in.display().to_string(),
                "status": status,
                "errors": diagnostics(&d.errors),
                "warnings": diagnostics(&d.warnings),
                "took_ms": d.took.map(|t| t.as_millis() as u64),
                "files": good.map(|g| g.output.files.iter().map(|f| json!({
                    "format": f.format.name(),
                    "name": f.file_name,
                    "href": file_address(f.format, &d.name),
                })).collect::<Vec<_>>()).unwrap_or_default(),
                "pages": good.map(|g| g.pages.iter().map(|p| {
                    let mut page = json!({
                        "id": p.id,
                        "width": p.width,
                        "height": p.height,
                    });
                    if shown == Some(d.name.as_str()) {
                        page["runs"] = runs(&p.runs);
                    }
                    page
                }).collect::<Vec<_>>()).unwrap_or_default(),
            })
        })
        .collect();
    json!({
        "version": state.version,
        "project": state.project.clone().or_else(|| {
            root.file_name().map(|n| n.to_string_lossy().into_owned())
        }),
        "editor": match editor {
            Some(Editor::Url(_)) => "url",
            Some(Editor::Command(_)) => "command",
            None => "none",
        },
        "problems": diagnostics(&state.problems),
        "documents": documents,
    })
}

/// One diagnostic: its text as `dokgen build` prints it, and each place in
/// it (where it is, and the calls that led there) with a link to open it.
fn diagnostic(d: &Diagnostic, root: &Path, editor: Option<&Editor>) -> Value {
    let mut places = Vec::new();
    if let (Some(text), Some(file)) = (d.location(), &d.file) {
        places.push(place(
            text,
            file,
            d.line.unwrap_or(1),
            d.column.unwrap_or(1),
            root,
            editor,
        ));
    }
    for point in &d.trace {
        let text = format!("{}:{}:{}", point.file.display(), point.line, point.column);
        places.push(place(
            text,
            &point.file,
            point.line,
            point.column,
            root,
            editor,
        ));
    }
    json!({
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "text": d.render(false),
        "places": places,
    })
}

fn place(
    text: String,
    file: &Path,
    line: usize,
    column: usize,
    root: &Path,
    editor: Option<&Editor>,
) -> Value {
    json!({
        "text": text,
        "file": file.display().to_string(),
        "line": line,
        "column": column,
        "href": editor.and_then(|e| e.url(&root.join(file), line, column)),
    })
}

/// Where a clicked word came from, for the page to show.
pub(crate) fn origin(origin: Option<&Origin>, root: &Path, editor: Option<&Editor>) -> Value {
    let Some(origin) = origin else {
        return json!({ "found": false });
    };
    let (kind, at, fact, printed_by) = match origin {
        Origin::Prose(at) => ("prose", at, None, None),
        Origin::Fact {
            path,
            at,
            printed_by,
        } => ("fact", at, Some(path), Some(printed_by)),
        Origin::Template(at) => ("template", at, None, None),
        Origin::Typst(at) => ("style", at, None, None),
    };
    let located = |at: &crate::diagnostic::Location| {
        let text = format!("{}:{}:{}", at.file.display(), at.line, at.column);
        let mut value = place(text, &at.file, at.line, at.column, root, editor);
        value["snippet"] = json!(at.snippet);
        value
    };
    json!({
        "found": true,
        "kind": kind,
        "fact": fact,
        "at": located(at),
        "printed_by": printed_by.map(located),
    })
}

/// A page's runs of text, each as `[text, x, y, size, width]` in points
/// (rounded to a hundredth).
fn runs(runs: &[crate::typeset::Run]) -> Value {
    let round = |v: f64| (v * 100.0).round() / 100.0;
    Value::Array(
        runs.iter()
            .map(|r| {
                json!([
                    r.text,
                    round(r.x),
                    round(r.y),
                    round(r.size),
                    round(r.width)
                ])
            })
            .collect(),
    )
}
/// The format and document a file's address names:
/// `/<format>/<output>.<extension>`, as [`file_address`] writes it.
pub(super) fn file_path(path: &str) -> Option<(Format, &str)> {
    let (format, file) = path.strip_prefix('/')?.split_once('/')?;
    let format = Format::named(format)?;
    let name = file.strip_suffix(format.extension())?.strip_suffix('.')?;
    Some((format, name))
}

/// The address of the file of the document `output` in `format`:
/// `/pdf/strategi.pdf`.
pub(super) fn file_address(format: Format, output: &str) -> String {
    format!("/{}/{}", format.name(), format.file_name(output))
}
