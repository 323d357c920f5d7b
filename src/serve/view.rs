//! The page and the preview's state as the page reads it, in the page's
//! language: the page with its texts, and the state as JSON, with each
//! error as the command line prints it and the places in it that can be
//! opened.

use std::path::Path;

use serde_json::{Value, json};

use super::Editor;
use super::preview::State;
use crate::diagnostic::{Diagnostic, Severity};
use crate::export::Format;
use crate::message::{Lang, Message};
use crate::msg;
use crate::session::Origin;

/// The page, with `{{key}}` where a text of [`page_texts`] goes (escaped
/// for HTML), `{{lang}}` for the language's code and `{{texts}}` for all
/// the texts as JSON, for its script.
const PAGE: &str = include_str!("../../assets/serve/index.html");

/// The texts of the page and its script that name nothing, by the key the
/// page and the script know them by. (What names something, a count or a
/// document, comes worded with the state.)
fn page_texts() -> Vec<(&'static str, Message)> {
    vec![
        ("title", msg!("serve-page-title")),
        ("connecting", msg!("serve-page-connecting")),
        ("live", msg!("serve-page-live")),
        ("lost", msg!("serve-page-lost")),
        ("documents", msg!("serve-page-documents")),
        ("pages", msg!("serve-page-pages")),
        ("zoom_out", msg!("serve-page-zoom-out")),
        ("zoom_fit", msg!("serve-page-zoom-fit")),
        ("zoom_fit_button", msg!("serve-page-zoom-fit-button")),
        ("zoom_in", msg!("serve-page-zoom-in")),
        ("download", msg!("serve-page-download", format = "PDF")),
        ("views", msg!("serve-page-views")),
        ("view_pages", msg!("serve-page-view-pages")),
        ("view_web", msg!("serve-page-view-web")),
        ("web_page", msg!("serve-page-web-page")),
        ("origin", msg!("serve-page-origin")),
        ("no_documents", msg!("serve-page-no-documents")),
        ("making_document", msg!("serve-page-making-document")),
        ("note_stale", msg!("serve-page-note-stale")),
        ("note_first", msg!("serve-page-note-first")),
        ("open_in_editor", msg!("serve-page-open-in-editor")),
        ("printed_by", msg!("serve-page-printed-by")),
    ]
}

/// The page in `lang`.
pub(crate) fn page(lang: Lang) -> String {
    let texts: Vec<(&str, String)> = page_texts()
        .into_iter()
        .map(|(key, message)| (key, message.text(lang)))
        .collect();
    let json: serde_json::Map<String, Value> = texts
        .iter()
        .map(|(key, text)| ((*key).to_owned(), Value::from(text.as_str())))
        .collect();
    // Nothing in the JSON can end its script element or start markup: the
    // characters that could are written as escapes, which JSON reads as
    // the same.
    let json = Value::Object(json)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let mut out = String::with_capacity(PAGE.len() + 2 * json.len());
    let mut rest = PAGE;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            break;
        };
        match &after[..end] {
            "lang" => out.push_str(lang.code()),
            "texts" => out.push_str(&json),
            key => {
                let text = texts.iter().find(|(k, _)| *k == key).map(|(_, t)| t);
                out.push_str(&escape_html(text.map_or(key, |t| t.as_str())));
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// `text` as HTML text or an attribute's value.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole state, worded in `lang`: the documents, their pages and
/// their problems; the pages of the document `shown` with their runs of
/// text.
pub(crate) fn state(
    state: &State,
    root: &Path,
    editor: Option<&Editor>,
    shown: Option<&str>,
    lang: Lang,
) -> Value {
    let diagnostics = |all: &[Diagnostic]| -> Vec<Value> {
        all.iter()
            .map(|d| diagnostic(d, root, editor, lang))
            .collect()
    };
    let problems = state.problems.len();
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
            let name = d.name.as_str();
            let badge = match status {
                "failed" => Some(msg!("serve-page-badge-errors", count = d.errors.len())),
                "waiting" => Some(msg!("serve-page-badge-making")),
                _ if !d.warnings.is_empty() => {
                    Some(msg!("serve-page-warnings", count = d.warnings.len()))
                }
                _ => None,
            };
            let failed = problems + d.errors.len();
            let took_ms = d
                .took
                .map(|t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX));
            json!({
                "name": d.name,
                "title": d.title,
                "declared_in": d.declared_in.display().to_string(),
                "status": status,
                "errors": diagnostics(&d.errors),
                "warnings": diagnostics(&d.warnings),
                "took_ms": took_ms,
                "texts": {
                    "page_title": msg!("serve-page-document-title", name).text(lang),
                    "badge": badge.map(|b| b.text(lang)),
                    "took": took_ms.map(|ms| msg!("serve-page-took", ms).text(lang)),
                    "warnings": msg!("serve-page-warnings", count = d.warnings.len()).text(lang),
                    "failed": (failed > 0)
                        .then(|| msg!("serve-page-failed-title", name, count = failed).text(lang)),
                },
                // One file a format (a published PDF is written twice,
                // the same bytes).
                "files": good.map(|g| g.output.files.iter().zip(&g.made).enumerate()
                    .filter(|(i, (f, _))| !g.output.files[..*i].iter().any(|e| e.format == f.format))
                    .map(|(_, (f, sha256))| json!({
                    "format": f.format.name(),
                    "name": f.base_name(),
                    "href": file_address(f.format, &d.name),
                    // What the web view reloads when it changes (a PDF's
                    // pages tell their own).
                    "made": (f.format == Format::Html).then(|| sha256[..16].to_owned()),
                    "label": msg!(
                        "serve-page-download",
                        format = f.format.name().to_uppercase()
                    ).text(lang),
                })).collect::<Vec<_>>()).unwrap_or_default(),
                "pages": good.map(|_| d.pages().iter().enumerate().map(|(i, p)| {
                    let mut page = json!({
                        "id": p.id,
                        "width": p.width,
                        "height": p.height,
                        "alt": msg!("serve-page-page-alt", number = i + 1).text(lang),
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
        "lang": lang.code(),
        "problems_title": (problems > 0)
            .then(|| msg!("serve-page-unreadable-title", count = problems).text(lang)),
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

/// One diagnostic: its text as `dokgen build` prints it in `lang`, and
/// each place in it (where it is, and the calls that led there) with a
/// link to open it.
fn diagnostic(d: &Diagnostic, root: &Path, editor: Option<&Editor>, lang: Lang) -> Value {
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
        "text": d.render_in(lang, false),
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

/// Where a clicked word came from, for the page to show, worded in
/// `lang`.
pub(crate) fn origin(
    origin: Option<&Origin>,
    root: &Path,
    editor: Option<&Editor>,
    lang: Lang,
) -> Value {
    let Some(origin) = origin else {
        return json!({
            "found": false,
            "label": msg!("serve-page-nothing-here").text(lang),
        });
    };
    let (kind, label, at, fact, printed_by) = match origin {
        Origin::Prose(at) => ("prose", msg!("serve-page-kind-prose"), at, None, None),
        Origin::Fact {
            path,
            at,
            printed_by,
        } => (
            "fact",
            msg!("serve-page-kind-fact", fact = path),
            at,
            Some(path),
            Some(printed_by),
        ),
        Origin::Template(at) => ("template", msg!("serve-page-kind-template"), at, None, None),
        Origin::Typst(at) => ("style", msg!("serve-page-kind-style"), at, None, None),
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
        "label": label.text(lang),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_worded_in_its_language_with_nothing_left_to_fill_in() {
        let keys: Vec<&str> = page_texts().iter().map(|(k, _)| *k).collect();
        for (_, rest) in PAGE.match_indices("{{").map(|(i, _)| PAGE.split_at(i + 2)) {
            let key = rest.split_once("}}").unwrap().0;
            assert!(
                key == "lang" || key == "texts" || keys.contains(&key),
                "`{key}` is no text of the page"
            );
        }
        for lang in Lang::ALL {
            let page = page(lang);
            assert!(!page.contains("{{"), "{page}");
            assert!(
                page.contains(&format!("<html lang=\"{}\">", lang.code())),
                "{page}"
            );
            let texts = page
                .split_once("<script type=\"application/json\" id=\"texts\">")
                .and_then(|(_, rest)| rest.split_once("</script>"))
                .map(|(json, _)| json)
                .unwrap();
            let texts: serde_json::Map<String, Value> = serde_json::from_str(texts).unwrap();
            for (key, message) in page_texts() {
                assert_eq!(texts[key], message.text(lang), "{key}");
                assert!(
                    !message.text(lang).starts_with(message.id()),
                    "{key} is not in the catalogue"
                );
            }
        }
        assert!(page(Lang::Da).contains(">Hent PDF</a>"));
        assert!(page(Lang::En).contains(">Download PDF</a>"));
    }

    #[test]
    fn no_text_can_end_the_script_it_is_in_or_make_markup() {
        assert_eq!(
            escape_html("<b title=\"x\">&'"),
            "&lt;b title=&quot;x&quot;&gt;&amp;&#39;"
        );
        let page = page(Lang::En);
        let (_, after) = page.split_once("id=\"texts\">").unwrap();
        let (json, _) = after.split_once("</script>").unwrap();
        assert!(!json.contains(['<', '>', '&']), "{json}");
    }
}
