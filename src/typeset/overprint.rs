//! Text that prints over other text, or off its page, found in a laid-out
//! document.
//!
//! Typst never refuses a word too long for its box: a compound wider than
//! its table column runs on across the next cell ("Specialundervisnings-
//! området" over "Frederikshavn Kommune"), and the PDF is made as if all
//! were well. So after layout the glyphs are read back with their boxes,
//! as the reader sees them, and any two runs of text whose glyphs share
//! ink, or a glyph outside its page, are reported.
//!
//! A glyph's box is its advance across, and from near the x-height down
//! to the baseline: the body of the letters, so that the ascenders and
//! descenders of close lines, and the kerning of neighbours, never count.
//! Rotated and skewed text (a draft's mark across the page) is left out,
//! and so are runs drawn at the same source place (a letter and its mark
//! drawn from two fonts).

use typst::layout::{Abs, Frame, Transform};
use typst::syntax::Span;
use typst_layout::PagedDocument;

/// Where text prints over other text, or off its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Overprint {
    /// The page, from 0.
    pub page: usize,
    /// A point inside the first glyph of the run that runs over, in points
    /// from the page's top left: where to ask which source wrote it.
    pub at: (f64, f64),
    /// The run of text that runs over (the one drawn first).
    pub text: String,
    /// The run it prints over; none where it runs off the page.
    pub over: Option<String>,
}

/// The share of a glyph's advance left out at each side, for kerning.
const SIDE: f64 = 0.12;
/// How far above the baseline a glyph's box reaches, in ems: about the
/// x-height.
const BODY: f64 = 0.45;
/// The least overlap, in points, that counts: rounding is not ink.
const EPSILON: f64 = 0.25;
/// How far a glyph may stand out of the text area, in points: a hanging
/// punctuation mark or an italic's overhang is not a word running out.
const SLACK: f64 = 1.5;

/// The left and right edges of each page's text area (from 0), where the
/// style library marks the page's margins (`<dokgen-satsflade>`, the
/// margins as metadata in each page's foreground).
fn text_areas(document: &PagedDocument) -> std::collections::HashMap<usize, (f64, f64)> {
    use typst::foundations::{Label, Selector, Value};
    use typst::introspection::{Introspector, MetadataElem};
    let mut areas = std::collections::HashMap::new();
    let Some(label) = Label::new(typst::utils::PicoStr::intern("dokgen-satsflade")) else {
        return areas;
    };
    let introspector = document.introspector();
    let length = |value: Option<&Value>| -> Option<f64> {
        match value? {
            Value::Length(l) => Some(l.abs.to_pt()),
            Value::Relative(r) if r.rel.is_zero() => Some(r.abs.abs.to_pt()),
            _ => None,
        }
    };
    for content in introspector.query(&Selector::Label(label)) {
        let (Some(location), Some(meta)) =
            (content.location(), content.to_packed::<MetadataElem>())
        else {
            continue;
        };
        let Some(page) = introspector.page(location) else {
            continue;
        };
        // The margins as a page writes them: one for all sides, or each.
        let (left, right) = match &meta.value {
            Value::Dict(margins) => (
                length(margins.get("left").ok()),
                length(margins.get("right").ok()),
            ),
            all => (length(Some(all)), length(Some(all))),
        };
        let Some(p) = document.pages().get(page.get() - 1) else {
            continue;
        };
        if let (Some(l), Some(r)) = (left, right) {
            areas.insert(page.get() - 1, (l, p.frame.width().to_pt() - r));
        }
    }
    areas
}

/// A glyph's box on its page, in points, with its source place.
#[derive(Debug, Clone, Copy)]
struct Ink {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    source: (Span, u16),
}

impl Ink {
    /// The box of both, at this one's source place.
    fn union(&self, other: &Ink) -> Ink {
        Ink {
            left: self.left.min(other.left),
            right: self.right.max(other.right),
            top: self.top.min(other.top),
            bottom: self.bottom.max(other.bottom),
            source: self.source,
        }
    }

    fn meets(&self, other: &Ink) -> bool {
        self.left + EPSILON < other.right
            && other.left + EPSILON < self.right
            && self.top + EPSILON < other.bottom
            && other.top + EPSILON < self.bottom
    }
}

/// A run of text as drawn: its text and the boxes of its visible glyphs.
struct Drawn {
    text: String,
    inks: Vec<Ink>,
    /// The union of its boxes.
    bounds: Ink,
    /// Where its pen started and stopped, across, and its baseline.
    pen: (f64, f64, f64),
}

impl Drawn {
    /// Whether `next` goes on the same word: on the same baseline, from
    /// where this one stopped, with no space between. A word set in
    /// pieces (a compound's parts, see `compounds`) is one word.
    fn goes_on_with(&self, next: &Drawn) -> bool {
        let (_, stop, line) = self.pen;
        let (start, _, other) = next.pen;
        (line - other).abs() < 0.01
            && (stop - start).abs() < 0.01
            && self.text.ends_with(char::is_alphabetic)
            && next.text.starts_with(char::is_alphabetic)
    }
}

/// Every place in `document` where a run of text prints over another or
/// runs off its page (or out of its text area, where the style library
/// says where that is), page by page, each pair once.
pub fn overprints(document: &PagedDocument) -> Vec<Overprint> {
    let mut out = Vec::new();
    let areas = text_areas(document);
    for (page, p) in document.pages().iter().enumerate() {
        let mut runs = Vec::new();
        collect(&p.frame, Transform::identity(), &mut runs);
        let (width, height) = (p.frame.width().to_pt(), p.frame.height().to_pt());
        let (left, right) = areas.get(&page).copied().unwrap_or((0.0, width));
        for run in &runs {
            let off = run.inks.iter().find(|i| {
                i.left < left - SLACK
                    || i.right > right + SLACK
                    || i.top < -EPSILON
                    || i.bottom > height + EPSILON
            });
            if let Some(ink) = off {
                out.push(Overprint {
                    page,
                    at: centre(ink),
                    text: run.text.clone(),
                    over: None,
                });
            }
        }
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                if !a.bounds.meets(&b.bounds) {
                    continue;
                }
                let hit = a
                    .inks
                    .iter()
                    .find(|x| b.inks.iter().any(|y| x.source != y.source && x.meets(y)));
                if hit.is_some() {
                    out.push(Overprint {
                        page,
                        // Its first glyph, which stands where the run
                        // began, clear of what it runs into.
                        at: centre(&a.inks[0]),
                        text: a.text.clone(),
                        over: Some(b.text.clone()),
                    });
                }
            }
        }
    }
    out
}

fn centre(ink: &Ink) -> (f64, f64) {
    ((ink.left + ink.right) / 2.0, (ink.top + ink.bottom) / 2.0)
}

fn collect(frame: &Frame, ts: Transform, out: &mut Vec<Drawn>) {
    super::drawn::each_text(frame, ts, &mut |text, origin, ts| {
        let (sx, sy) = (ts.sx.get(), ts.sy.get());
        let size = text.size.to_pt();
        let bottom = origin.y.to_pt();
        let top = bottom - BODY * size * sy;
        let mut x = Abs::zero();
        let mut inks = Vec::new();
        for glyph in &text.glyphs {
            let advance = glyph.x_advance.at(text.size);
            let start = origin.x.to_pt() + (x + glyph.x_offset.at(text.size)).to_pt() * sx;
            x += advance;
            let shown = &text.text[glyph.range()];
            if shown.chars().all(char::is_whitespace) || advance <= Abs::zero() {
                continue;
            }
            let width = advance.to_pt() * sx;
            inks.push(Ink {
                left: start + SIDE * width,
                right: start + (1.0 - SIDE) * width,
                top,
                bottom,
                source: glyph.span,
            });
        }
        let Some(first) = inks.first().copied() else {
            return;
        };
        let bounds = inks.iter().fold(first, |b, i| b.union(i));
        let pen = (
            origin.x.to_pt(),
            origin.x.to_pt() + x.to_pt() * sx,
            origin.y.to_pt(),
        );
        let drawn = Drawn {
            text: text.text.to_string(),
            inks,
            bounds,
            pen,
        };
        match out.last_mut() {
            Some(last) if last.goes_on_with(&drawn) => {
                last.text.push_str(&drawn.text);
                last.inks.extend(drawn.inks);
                last.bounds = last.bounds.union(&drawn.bounds);
                last.pen.1 = drawn.pen.1;
            }
            _ => out.push(drawn),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::{Job, Typesetter};
    use super::*;

    fn laid_out(source: &str) -> PagedDocument {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        std::fs::create_dir_all(root.join("templates")).unwrap();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let job = Job {
            name: "test",
            source: source.to_owned(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            proper_names: None,
        };
        typesetter.compile(&job).unwrap().0
    }

    #[test]
    fn a_word_too_long_for_its_cell_prints_over_the_next() {
        let document = laid_out(
            "#set text(lang: \"da\", hyphenate: false)\n\
             #table(columns: (2cm, 4cm), [Specialundervisningsområdet], [Frederikshavn Kommune])",
        );
        let found = overprints(&document);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, "Specialundervisningsområdet");
        // Runs are lines: the word runs into the first line of the next cell.
        assert_eq!(
            found[0].over.as_deref().map(str::trim),
            Some("Frederikshavn")
        );
    }

    #[test]
    fn the_same_word_hyphenated_in_its_cell_prints_over_nothing() {
        let document = laid_out(
            "#set text(lang: \"da\", hyphenate: true)\n\
             #table(columns: (2.6cm, 4cm), [Specialundervisningsområdet], [Frederikshavn Kommune])",
        );
        assert_eq!(overprints(&document), []);
    }

    #[test]
    fn close_lines_and_kerned_letters_are_not_overprints() {
        let document =
            laid_out("#set par(leading: 0.3em)\n#lorem(200)\n\n*AVATAR* _Wolf_ VA Ty T. \"Yo\"");
        assert_eq!(overprints(&document), []);
    }

    #[test]
    fn a_word_that_runs_into_the_margin_is_found_where_the_margins_are_known() {
        let page = "#set page(width: 10cm, height: 5cm, margin: 2cm, foreground: context [#metadata(page.margin)<dokgen-satsflade>])\n#set text(hyphenate: false)\n";
        let long = "Ærøskøbingsamarbejdsaftalernesbestemmelser";
        let found = overprints(&laid_out(&format!("{page}{long}")));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].text.as_str(), found[0].over.as_deref()),
            (long, None)
        );
        // Within its text area, nothing.
        assert_eq!(overprints(&laid_out(&format!("{page}Ærøskøbing"))), []);
    }

    #[test]
    fn text_placed_over_text_and_off_the_page_is_found() {
        let document = laid_out(
            "Første linje\n#place(top + left, dy: 0pt)[Anden tekst]\n#place(top + right, dx: 3cm)[Udenfor]",
        );
        let found = overprints(&document);
        assert!(found.iter().any(|o| o.over.is_some()), "{found:?}");
        assert!(
            found
                .iter()
                .any(|o| o.over.is_none() && o.text == "Udenfor"),
            "{found:?}"
        );
    }
}
