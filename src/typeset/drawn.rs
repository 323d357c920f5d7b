//! What is drawn where on a laid-out page: the runs of text with their
//! boxes (for a layer of selectable text over a drawing of the page), and
//! the source of the glyph under a point (the first half of "where did
//! this word come from?"; the second, from the generated source to the
//! line a person wrote, is the renderer's).
//!
//! Frames are walked through groups and their transforms. For a point,
//! they are searched from the top of the drawing down (the last item drawn
//! is the one seen) for a glyph whose box holds it; its span names the
//! Typst source and the place in it.

use chrono::NaiveDate;
use typst::World;
use typst::WorldExt;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst_layout::PagedDocument;

use super::Typesetter;
use super::world::DocumentWorld;
use crate::diagnostic::Location;

/// Where the text under a point was written in Typst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// In the document's generated source, at this byte offset.
    Generated(usize),
    /// In another Typst file of the project (the style library).
    File(Location),
}

impl Typesetter {
    /// Where the text drawn at (`x`, `y`) points from the top left of page
    /// `page` (0-based) of `document` was written: `document` laid out
    /// from `source`, the generated source of the document `name`. None
    /// where no text is drawn there, or the text was made by Typst itself
    /// (a page number's digits are made from the code that asks for them).
    pub fn spot(
        &self,
        document: &PagedDocument,
        (name, source, date): (&str, &str, NaiveDate),
        page: usize,
        (x, y): (f64, f64),
    ) -> Option<Spot> {
        let frame = &document.pages().get(page)?.frame;
        let (span, within) = glyph_at(frame, Point::new(Abs::pt(x), Abs::pt(y)))?;
        let world = DocumentWorld::new(
            self.shared.clone(),
            &Self::main_path(name),
            source.to_owned(),
            date,
            None,
            String::new(),
        );
        let id = span.id()?;
        let range = world.range(span)?;
        let offset = range.start + usize::from(within).min(range.len());
        if id == world.main() {
            return Some(Spot::Generated(offset));
        }
        let file = world.source(id).ok()?;
        let (line, column) = super::line_column(file.text(), offset);
        let snippet = file.text().lines().nth(line - 1).unwrap_or_default();
        Some(Spot::File(Location {
            file: world.shown_path(id).into(),
            line,
            column,
            snippet: snippet.trim_end().to_owned(),
        }))
    }
}

/// A run of text as drawn: its text, where its baseline starts, its size
/// and its width, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Left end of the baseline.
    pub x: f64,
    /// Height of the baseline.
    pub y: f64,
    /// Font size.
    pub size: f64,
    /// Width of the run.
    pub width: f64,
}

/// The runs of text on page `page` (0-based) of `document`, in the order
/// they are drawn. Runs under a rotation or a skew are left out.
pub fn runs(document: &PagedDocument, page: usize) -> Vec<Run> {
    let mut out = Vec::new();
    if let Some(page) = document.pages().get(page) {
        collect_runs(&page.frame, Transform::identity(), &mut out);
    }
    out
}

fn collect_runs(frame: &Frame, ts: Transform, out: &mut Vec<Run>) {
    each_text(frame, ts, &mut |text, at, ts| {
        let scale = ts.sy.get();
        let width: Abs = text.glyphs.iter().map(|g| g.x_advance.at(text.size)).sum();
        out.push(Run {
            text: text.text.to_string(),
            x: at.x.to_pt(),
            y: at.y.to_pt(),
            size: text.size.to_pt() * scale,
            width: width.to_pt() * ts.sx.get(),
        });
    });
}

/// Calls `f` with each run of text of `frame` drawn under `ts`, where its
/// baseline starts on the page and the transform it is drawn with, in
/// the order they are drawn; runs under a rotation or a skew are left
/// out.
pub(super) fn each_text(
    frame: &Frame,
    ts: Transform,
    f: &mut dyn FnMut(&typst::text::TextItem, Point, Transform),
) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(group.transform);
                each_text(&group.frame, inner, f);
            }
            FrameItem::Text(text) if ts.kx.is_zero() && ts.ky.is_zero() => {
                f(text, pos.transform(ts), ts);
            }
            _ => {}
        }
    }
}

/// The span of the glyph whose box holds `at`, and the glyph's offset in
/// its span's text, in the last-drawn item that has one.
fn glyph_at(frame: &Frame, at: Point) -> Option<(Span, u16)> {
    let items: Vec<_> = frame.items().collect();
    for (pos, item) in items.into_iter().rev() {
        let found = match item {
            FrameItem::Group(group) => group
                .transform
                .invert()
                .and_then(|inverse| glyph_at(&group.frame, (at - *pos).transform(inverse))),
            FrameItem::Text(text) => {
                let metrics = text.font.metrics();
                let top = pos.y - metrics.ascender.at(text.size);
                let bottom = pos.y - metrics.descender.at(text.size);
                let mut left = pos.x;
                text.glyphs
                    .iter()
                    .find(|glyph| {
                        let right = left + glyph.x_advance.at(text.size);
                        let hit = (left..=right).contains(&at.x) && (top..=bottom).contains(&at.y);
                        left = right;
                        hit
                    })
                    .filter(|glyph| !glyph.span.0.is_detached())
                    .map(|glyph| glyph.span)
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::Job;

    #[test]
    fn a_click_on_a_word_finds_its_place_in_the_source() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        let typesetter = Typesetter::for_folder(dir.path(), &dir.path().join("fonts")).unwrap();
        let source = "#set page(width: 200pt, height: 100pt, margin: 10pt)\n#set text(size: 20pt)\nFørste\n\nAnden linje\n";
        let date = NaiveDate::from_ymd_opt(2017, 5, 17).unwrap();
        let job = Job {
            name: "klik",
            source: source.to_owned(),
            date,
            proper_names: None,
        };
        let (document, _) = typesetter.compile(&job).unwrap();
        let spot = |x, y| typesetter.spot(&document, ("klik", source, date), 0, (x, y));
        // The second paragraph's first line sits below the first's.
        let Some(Spot::Generated(offset)) = spot(15.0, 60.0) else {
            panic!(
                "no text found at the second paragraph: {:?}",
                spot(15.0, 60.0)
            );
        };
        assert!(source[offset..].starts_with("Anden"), "{offset}");
        let Some(Spot::Generated(offset)) = spot(15.0, 22.0) else {
            panic!("no text found at the first paragraph");
        };
        assert!(source[offset..].starts_with("Første"), "{offset}");
        // The margin holds nothing.
        assert_eq!(spot(2.0, 2.0), None);
        assert_eq!(
            typesetter.spot(&document, ("klik", source, date), 3, (15.0, 60.0)),
            None
        );
    }
}
