//! Annex files: PDF pages turned into SVG images.
//!
//! PDF/A and PDF/UA forbid embedding another PDF as it is, so each page of
//! a PDF annex is converted to an SVG drawing (text becomes outlines; the
//! annex page carries alt text naming the annex and the page). The
//! conversion uses hayro, the PDF interpreter Typst uses for its own SVG
//! export, and is deterministic: the same PDF gives the same SVG.

use std::path::Path;
use std::sync::Arc;

use hayro_svg::hayro_interpret::InterpreterSettings;
use hayro_svg::hayro_interpret::font::{FontData, FontQuery, StandardFont};
use hayro_svg::hayro_syntax::Pdf;
use hayro_svg::{RenderCache, SvgRenderSettings};

/// The PDF at `path`, with at least one page, or why it cannot be read.
fn open(path: &Path) -> Result<Pdf, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let pdf = Pdf::new(Arc::new(bytes)).map_err(|e| format!("{e:?}").to_lowercase())?;
    if pdf.pages().is_empty() {
        return Err("it has no pages".to_owned());
    }
    Ok(pdf)
}

/// The number of pages of the PDF at `path`, or why it cannot be read.
pub fn pdf_page_count(path: &Path) -> Result<usize, String> {
    open(path).map(|pdf| pdf.pages().len())
}

/// The pages of the PDF at `path` as SVG documents, or why it cannot be
/// read.
pub fn pdf_pages_as_svg(path: &Path) -> Result<Vec<String>, String> {
    let pdf = open(path)?;
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
