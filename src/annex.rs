//! Annex files: PDF pages turned into SVG images.
//!
//! PDF/A and PDF/UA forbid embedding another PDF as it is, so each page of
//! a PDF annex is converted to an SVG drawing (text becomes outlines; the
//! annex page carries alt text naming the annex and the page). The
//! conversion uses hayro, the PDF interpreter Typst uses for its own SVG
//! export, and is deterministic: the same PDF gives the same SVG.
//!
//! A document names page `k` of the annex `bilag/x.pdf` by the path
//! [`page_path`] gives, `/.dokgen/bilag/bilag/x.pdf/side-k.svg`; the
//! typesetter reads the PDF and makes the drawing when Typst asks for it.

use std::sync::Arc;

use crate::message::Message;
use crate::msg;

/// Where the drawings of annex pages are found in a document's project.
const PAGES: &str = "/.dokgen/bilag/";

/// The path by which a document names page `page` (from 1) of the PDF
/// annex `file` (as the facts name it, relative to the project).
pub(crate) fn page_path(file: &str, page: usize) -> String {
    format!("{PAGES}{file}/side-{page}.svg")
}

/// The annex file (relative to the project) and page (from 1) that a
/// [`page_path`] names; `None` for any other path.
pub(crate) fn parse_page_path(path: &str) -> Option<(&str, usize)> {
    let rest = path.strip_prefix(PAGES)?;
    let (file, page) = rest.rsplit_once('/')?;
    let page = page
        .strip_prefix("side-")?
        .strip_suffix(".svg")?
        .parse()
        .ok()?;
    (page > 0 && !file.is_empty()).then_some((file, page))
}

use hayro_svg::hayro_interpret::InterpreterSettings;
use hayro_svg::hayro_interpret::font::{FontData, FontQuery, StandardFont};
use hayro_svg::hayro_syntax::{LoadPdfError, Pdf};
use hayro_svg::{RenderCache, SvgRenderSettings};

/// The PDF in `bytes`, with at least one page, or why it cannot be read.
/// A panic of the PDF reader on a damaged file is caught here, so that the
/// annex is an error at the line that names it (validation runs outside
/// any document's guard).
fn open(bytes: Vec<u8>) -> Result<Pdf, Message> {
    std::panic::catch_unwind(|| {
        let pdf = Pdf::new(Arc::new(bytes)).map_err(|e| why(&e))?;
        if pdf.pages().is_empty() {
            return Err(msg!("annex-no-pages"));
        }
        Ok(pdf)
    })
    .unwrap_or_else(|_| Err(msg!("annex-reader-failed")))
}

/// Why the PDF reader could not load a file, in words of the catalogue.
fn why(err: &LoadPdfError) -> Message {
    match err {
        LoadPdfError::Decryption(_) => msg!("annex-encrypted"),
        LoadPdfError::Invalid => msg!("annex-invalid"),
    }
}

/// The number of pages of the PDF in `bytes`, or why it cannot be read.
pub(crate) fn pdf_page_count(bytes: Vec<u8>) -> Result<usize, Message> {
    open(bytes).map(|pdf| pdf.pages().len())
}

/// The pages of the PDF in `bytes` as SVG documents, or why it cannot be
/// read.
pub(crate) fn pdf_pages(bytes: &[u8]) -> Result<Vec<String>, Message> {
    let pdf = open(bytes.to_vec())?;
    let settings = InterpreterSettings {
        font_resolver: Arc::new(|query| match query {
            FontQuery::Standard(s) => standard_font(*s),
            FontQuery::Fallback(f) => standard_font(f.pick_standard_font()),
        }),
        cmap_resolver: Arc::new(|_| None),
        warning_sink: Arc::new(|_| {}),
        render_annotations: false,
    };
    let cache = RenderCache::new();
    let white = SvgRenderSettings {
        bg_color: [255, 255, 255, 255],
    };
    Ok(pdf
        .pages()
        .iter()
        .map(|page| hayro_svg::convert(page, &cache, &settings, &white))
        .collect())
}

/// The 14 standard PDF fonts, from the metric-compatible fonts Typst ships.
fn standard_font(font: StandardFont) -> Option<(FontData, u32)> {
    use typst_assets::pdf;
    let bytes: &'static [u8] = match font {
        StandardFont::Helvetica => pdf::SANS,
        StandardFont::HelveticaBold => pdf::SANS_BOLD,
        StandardFont::HelveticaOblique => pdf::SANS_ITALIC,
        StandardFont::HelveticaBoldOblique => pdf::SANS_BOLD_ITALIC,
        StandardFont::Courier => pdf::FIXED,
        StandardFont::CourierBold => pdf::FIXED_BOLD,
        StandardFont::CourierOblique => pdf::FIXED_ITALIC,
        StandardFont::CourierBoldOblique => pdf::FIXED_BOLD_ITALIC,
        StandardFont::TimesRoman => pdf::SERIF,
        StandardFont::TimesBold => pdf::SERIF_BOLD,
        StandardFont::TimesItalic => pdf::SERIF_ITALIC,
        StandardFont::TimesBoldItalic => pdf::SERIF_BOLD_ITALIC,
        StandardFont::ZapfDingBats => pdf::DING_BATS,
        StandardFont::Symbol => pdf::SYMBOL,
    };
    Some((Arc::new(bytes), 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_paths_name_the_file_and_page_and_read_back() {
        let path = page_path("bilag/afgørelse.pdf", 3);
        assert_eq!(path, "/.dokgen/bilag/bilag/afgørelse.pdf/side-3.svg");
        assert_eq!(parse_page_path(&path), Some(("bilag/afgørelse.pdf", 3)));
        assert_eq!(parse_page_path("/bilag/x.pdf"), None);
        assert_eq!(parse_page_path("/.dokgen/bilag/x.pdf/side-0.svg"), None);
        assert_eq!(parse_page_path("/.dokgen/bilag/x.pdf/forside.svg"), None);
    }
}
