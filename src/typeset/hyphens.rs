//! The hyphenations a typesetter refuses, found in a laid-out document.
//!
//! Typst 0.15 hyphenates with the Danish patterns at any point they allow,
//! two letters from a word's edge included ("sø-ge", "kommu-ne"), and has
//! no setting for the fewest letters on either side of a break. Its costs
//! (`text.costs`) make such breaks rarer, not impossible. So a document is
//! laid out, its line-final hyphens are read back here, and the words
//! whose break leaves a fragment under [`MIN_FRAGMENT`] letters, or a
//! fragment alone on its line, are kept whole by the style library (with
//! the proper names, see [`super::world::PROPER_NAMES`]) in a second
//! layout. A word kept whole is kept whole everywhere in the document.

use std::collections::BTreeSet;

use typst::layout::{Abs, Frame, FrameItem, Point};
use typst_layout::PagedDocument;

/// The fewest letters a fragment of a hyphenated word may have.
pub(crate) const MIN_FRAGMENT: usize = 3;

/// The soft hyphen Typst writes at a line it ended inside a word.
const SOFT_HYPHEN: &str = "\u{ad}";

/// A run of text where the page shows it: its baseline and its text.
struct Run {
    page: usize,
    baseline: Abs,
    text: String,
}

/// The words of `document` that Typst hyphenated where a typesetter would
/// not: a fragment under three letters on either side, or the second
/// fragment alone on its line. Sorted, each once.
pub(crate) fn refused(document: &PagedDocument) -> BTreeSet<String> {
    let mut runs = Vec::new();
    for (page, p) in document.pages().iter().enumerate() {
        collect(&p.frame, Point::zero(), page, &mut runs);
    }
    let mut words = BTreeSet::new();
    for (i, run) in runs.iter().enumerate() {
        if run.text != SOFT_HYPHEN || i == 0 {
            continue;
        }
        let same_line = |r: &Run, of: &Run| {
            r.page == of.page && (r.baseline - of.baseline).abs() < Abs::pt(0.5)
        };
        // The word's first part ends the run before the hyphen; its rest
        // begins the next line, the first run not on the hyphen's line.
        let before = &runs[i - 1];
        if !same_line(before, run) {
            continue;
        }
        let left: String = trailing_letters(&before.text);
        let Some(next) = runs[i + 1..]
            .iter()
            .position(|r| !same_line(r, run))
            .map(|k| i + 1 + k)
        else {
            continue;
        };
        let line: String = runs[next..]
            .iter()
            .take_while(|r| same_line(r, &runs[next]))
            .map(|r| r.text.as_str())
            .collect();
        let right: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
        let alone = !line.trim().contains(char::is_whitespace);
        if left.is_empty() || right.is_empty() {
            continue;
        }
        if left.chars().count() < MIN_FRAGMENT || right.chars().count() < MIN_FRAGMENT || alone {
            words.insert(format!("{left}{right}"));
        }
    }
    words
}

/// The letters that end `text`: the first part of a hyphenated word.
fn trailing_letters(text: &str) -> String {
    let mut letters: Vec<char> = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    letters.reverse();
    letters.into_iter().collect()
}

/// Appends the text runs of `frame`, placed at `at`, in the order Typst
/// laid them out.
fn collect(frame: &Frame, at: Point, page: usize, runs: &mut Vec<Run>) {
    for (pos, item) in frame.items() {
        let pos = at + *pos;
        match item {
            FrameItem::Group(group) => {
                let offset = Point::new(group.transform.tx, group.transform.ty);
                collect(&group.frame, pos + offset, page, runs)
            }
            FrameItem::Text(text) => runs.push(Run {
                page,
                baseline: pos.y,
                text: text.text.to_string(),
            }),
            _ => {}
        }
    }
}

/// `pattern` (the proper names' expression, if any) widened by `words`,
/// each matched whole with a following punctuation mark, so that a word
/// and what clings to it stay one run of text (as the proper names do).
pub(crate) fn keep_whole(pattern: Option<&str>, words: &BTreeSet<String>) -> Option<String> {
    if words.is_empty() {
        return pattern.map(str::to_owned);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let whole = format!(r"\b(?:{})\b[.,;:!?]?", words.join("|"));
    Some(match pattern {
        Some(p) if !p.is_empty() => format!("{p}|{whole}"),
        _ => whole,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_part_of_a_word_is_the_letters_that_end_the_run() {
        assert_eq!(trailing_letters("en lille kommu"), "kommu");
        assert_eq!(trailing_letters("(plan"), "plan");
        assert_eq!(trailing_letters("slut."), "");
    }

    #[test]
    fn words_kept_whole_join_the_proper_names() {
        let words: BTreeSet<String> = ["kommune", "søge"].into_iter().map(String::from).collect();
        assert_eq!(
            keep_whole(Some(r"\b(?:Ishøj)\w*"), &words).as_deref(),
            Some(r"\b(?:Ishøj)\w*|\b(?:kommune|søge)\b[.,;:!?]?")
        );
        assert_eq!(
            keep_whole(None, &words).as_deref(),
            Some(r"\b(?:kommune|søge)\b[.,;:!?]?")
        );
        assert_eq!(keep_whole(None, &BTreeSet::new()), None);
    }
}
