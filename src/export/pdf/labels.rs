//! Page labels: the names a PDF reader shows for the pages ("7", "Punkt 4,
//! bilag 1, side 2") and finds a page by.
//!
//! Typst writes a page's label from its page numbering, whose pattern
//! cannot say "Bilag" (its letters are counters). So a document marks
//! where a run of pages begins with `#sideetiket("Bilag 1, side ")`
//! (`dokgen.typ`), a piece of metadata labelled `<dokgen-sideetiket>`:
//! from its page on, each page is labelled with that text and its number
//! within the run, from 1, until the next mark. The pages before the first
//! mark are labelled with their number. A document without a mark is left
//! as it is.

use typst::ecow::EcoString;
use typst::foundations::{Label, Selector, Str};
use typst::introspection::{Introspector, MetadataElem};
use typst::model::Document;
use typst::model::{Numbering, NumberingPattern};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// The label of the metadata that begins a run of pages.
const MARK: &str = "dokgen-sideetiket";

/// `document` with its pages labelled as its marks say; `None` where it
/// has no mark.
pub(super) fn apply(document: &PagedDocument) -> Option<PagedDocument> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern(MARK))?;
    let mut runs: Vec<(usize, EcoString)> = introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|mark| {
            let page = introspector.page(mark.location()?)?.get() - 1;
            let text = mark
                .to_packed::<MetadataElem>()?
                .value
                .clone()
                .cast::<Str>()
                .ok()?;
            Some((page, EcoString::from(text.as_str())))
        })
        .collect();
    if runs.is_empty() {
        return None;
    }
    runs.sort_by_key(|(page, _)| *page);
    let plain: NumberingPattern = "1".parse().ok()?;
    let mut pages = document.pages().to_vec();
    for (i, page) in pages.iter_mut().enumerate() {
        let run = runs.iter().rev().find(|(start, _)| *start <= i);
        let (prefix, number) = match run {
            Some((start, prefix)) => (prefix.clone(), i - start + 1),
            None => (EcoString::new(), i + 1),
        };
        let mut pattern = plain.clone();
        pattern.pieces.make_mut()[0].0 = prefix;
        page.numbering = Some(Numbering::Pattern(pattern));
        page.number = number as u64;
    }
    Some(PagedDocument::new(pages.into(), document.info().clone()))
}
