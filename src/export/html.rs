//! Web pages: the document's own Typst source, compiled for Typst's HTML
//! target, so that a page says what the PDF says, word for word, from one
//! source and one set of templates.
//!
//! The style library (`dokgen.typ`) asks `target()` where the two differ:
//! on a web page it writes the page's own frame (the language, the title,
//! the stylesheet, a Content-Security-Policy that forbids every script,
//! landmarks and a skip link) and tables of its own; the paged layout (a
//! grid, a page break, a line to sign on) is the PDF's.
//!
//! Typst's HTML export is experimental in 0.15: it says so on every
//! compile, which is not the document's concern and is not passed on. What
//! it leaves out of a page it says too ("… was ignored during HTML
//! export"), and that is an error here: a page that silently lacks what
//! the PDF prints is not the same paper.

use typst::diag::SourceDiagnostic;
use typst_html::{HtmlDocument, HtmlOptions};

use super::{Exporter, Laid, Settings};
use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::msg;

/// The HTML format.
pub(super) struct Html;

/// The warning Typst gives on every compile for its HTML target.
const EXPERIMENTAL: &str = "html export is under active development";

/// The end of the warning Typst gives for what it leaves out of a page.
const LEFT_OUT: &str = "was ignored during HTML export";

impl Exporter for Html {
    fn export(
        &self,
        laid: &dyn Laid,
        _settings: &Settings<'_>,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
        page(laid.world(), &|d| laid.diagnostic(d))
    }
}

/// The web page of the document in `world`, and its warnings, each placed
/// by `place`; or why it cannot be made. Compiled for Typst's HTML target
/// alone: a document that is only a web page (an item's page of the web
/// publication) is never laid out in pages.
pub fn page(
    world: &dyn typst::World,
    place: &dyn Fn(&SourceDiagnostic) -> Diagnostic,
) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
    let compiled = typst::compile::<HtmlDocument>(world);
    let (left_out, warnings): (Vec<SourceDiagnostic>, Vec<SourceDiagnostic>) = compiled
        .warnings
        .into_iter()
        .filter(|w| !w.message.contains(EXPERIMENTAL))
        .partition(|w| w.message.contains(LEFT_OUT));
    if !left_out.is_empty() {
        let errors: Vec<Diagnostic> = left_out
            .iter()
            .map(|w| {
                let what = w.message.trim_end_matches(LEFT_OUT).trim();
                // Placed where Typst places it, in dokgen's words.
                let mut d = place(w);
                d.severity = Severity::Error;
                d.message = msg!("typeset-html-left-out", what);
                d.hints = vec![msg!("typeset-html-left-out-hint")];
                d
            })
            .collect();
        return Err(Error::from(errors));
    }
    let all =
        |errors: &[SourceDiagnostic]| Error::from(errors.iter().map(place).collect::<Vec<_>>());
    let document = compiled.output.map_err(|errors| all(&errors))?;
    let text = typst_html::html(&document, &HtmlOptions { pretty: true })
        .map_err(|errors| all(&errors))?;
    let warnings = warnings
        .iter()
        .map(place)
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    Ok((text.into_bytes(), warnings))
}
