//! Placeholders are not facts: "N.N.", "TODO", "XXX", "???", "[indsæt …]"
//! (or the project's own list) may stand in the facts or the prose while a
//! document is being written, but a final document does not print one.
//!
//! The rendered source is searched for each placeholder, as written and as
//! escaped into Typst markup, and each place is reported where a person
//! wrote it (the template or prose line), with where it stands in the
//! facts; an official whose name is a placeholder is named by office,
//! municipality and date. A draft (`draft: true`) gets warnings instead.

use std::collections::BTreeSet;

use super::{Place, Rendered};
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::kinds::{Content, Document};
use crate::msg;
use crate::project::Project;
use crate::template::Templates;

/// The placeholders the document prints, each where it was written.
pub(super) fn find(
    project: &Project,
    content: &Content,
    templates: &Templates,
    document: &Document,
    rendered: &Rendered,
) -> Vec<Diagnostic> {
    let source = rendered.source();
    // Searched without the characters that do not show, so that a soft
    // hyphen in "[ind\u{ad}sæt" hides nothing; a placeholder in brackets
    // also in any case ("[Indsæt", "[INDSÆT"), the others as written
    // ("TODO" is in no Danish word, "todo" is in "fotodokumentation").
    let shown = Folded::new(source, false);
    let lower = Folded::new(source, true);
    let mut found = Vec::new();
    for placeholder in project.placeholders() {
        let folded = if placeholder.starts_with('[') {
            &lower
        } else {
            &shown
        };
        let fold = |text: &str| folded.fold(text);
        let (plain, escaped) = (fold(placeholder), fold(&escape::markup(placeholder)));
        let text = folded.text.as_str();
        // As written, unless it is the escaped form's tail.
        let places: BTreeSet<usize> = text
            .match_indices(plain.as_str())
            .map(|(at, _)| at)
            .filter(|&at| escaped == plain || !text[..at].ends_with('\\'))
            .chain(text.match_indices(escaped.as_str()).map(|(at, _)| at))
            .map(|at| folded.original(source, at))
            .collect();
        // Each placeholder as written in full ("[indsæt sagsnummer]", not
        // just "[indsæt"), reported once, at the first place it is printed
        // (a title stands in the metadata, the header and the front page
        // alike).
        let mut wholes: Vec<(String, Vec<usize>)> = Vec::new();
        for at in places {
            let whole = whole_at(source, at, placeholder);
            match wholes.iter_mut().find(|(w, _)| *w == whole) {
                Some((_, ats)) => ats.push(at),
                None => wholes.push((whole, vec![at])),
            }
        }
        for (whole, ats) in wholes {
            let mut d = report(content, templates, document, rendered, &whole, ats[0]);
            if ats.len() > 1 {
                d = d.hint(msg!(
                    "template-placeholder-more-places",
                    count = ats.len() - 1
                ));
            }
            found.push(d);
        }
    }
    found
}

/// A text as placeholders are looked for in it: without the characters
/// that do not show, and in lower case if asked.
struct Folded {
    text: String,
    lower: bool,
    /// (offset in `text`, offset in the original) wherever the two part:
    /// after each character left out or changed in length.
    marks: Vec<(usize, usize)>,
}

impl Folded {
    fn new(source: &str, lower: bool) -> Self {
        let mut folded = Self {
            text: String::with_capacity(source.len()),
            lower,
            marks: vec![(0, 0)],
        };
        for (at, c) in source.char_indices() {
            let before = folded.text.len();
            folded.push(c);
            if folded.text.len() - before != c.len_utf8() {
                folded.marks.push((folded.text.len(), at + c.len_utf8()));
            }
        }
        folded
    }

    fn push(&mut self, c: char) {
        // Characters that do not show are refused where a person writes
        // them (`crate::unseen`); the check sees through them all the
        // same, and through a space just inside a bracket: "[ indsæt navn ]".
        let invisible = crate::unseen::refused(c);
        if invisible || (c.is_whitespace() && self.text.ends_with('[')) {
            return;
        }
        if self.lower {
            self.text.extend(c.to_lowercase());
        } else {
            self.text.push(c);
        }
    }

    /// `text` folded as this text is.
    fn fold(&self, text: &str) -> String {
        let mut folded = Self {
            text: String::new(),
            lower: self.lower,
            marks: Vec::new(),
        };
        text.chars().for_each(|c| folded.push(c));
        folded.text
    }

    /// The offset in `source`, the original, of byte `at` of the text.
    fn original(&self, source: &str, at: usize) -> usize {
        let k = self.marks.partition_point(|(folded, _)| *folded <= at) - 1;
        let (folded, original) = self.marks[k];
        let mut at = (original + (at - folded)).min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// The placeholder that begins at byte `at` of `source` as written: for
/// one in brackets, up to its closing bracket on the same line, without
/// the escapes of Typst markup.
fn whole_at(source: &str, at: usize, placeholder: &str) -> String {
    let rest = &source[at..];
    let end = placeholder
        .starts_with('[')
        .then(|| rest.split('\n').next().unwrap_or_default().find(']'))
        .flatten()
        .map(|i| i + 1);
    let Some(end) = end else {
        return placeholder.to_owned();
    };
    let mut whole = String::new();
    let mut chars = rest[..end].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && !next.is_alphanumeric()
        {
            continue;
        }
        whole.push(c);
    }
    whole
}

/// The report of `placeholder`, printed at byte `at` of the source.
fn report(
    content: &Content,
    templates: &Templates,
    document: &Document,
    rendered: &Rendered,
    placeholder: &str,
    at: usize,
) -> Diagnostic {
    let message = document
        .kind
        .placeholder(&content.facts, placeholder)
        .unwrap_or_else(|| {
            if document.spec.draft {
                msg!("template-placeholder-in-draft", placeholder)
            } else {
                msg!("template-placeholder-in-final", placeholder)
            }
        });
    let mut d = if document.spec.draft {
        Diagnostic::warning(message)
    } else {
        Diagnostic::error(message)
    };
    d = match rendered.origin_at(templates, at) {
        Place::Template(location) => d.located(Some(location)),
        Place::Prose(file, line) => {
            let written = file
                .strip_prefix("content")
                .ok()
                .and_then(|p| content.prose.get(p.to_string_lossy().as_ref()));
            let line_text = written
                .and_then(|t| t.lines().nth(line - 1))
                .unwrap_or_default();
            // The placeholder as typed, or the first fact the line names.
            // (A placeholder that holds a fact, "[indsæt … den {{ dato }}]",
            // is found by its first word.)
            let first_word = placeholder.split_whitespace().next().unwrap_or(placeholder);
            let column = line_text
                .find(placeholder)
                .or_else(|| line_text.find(first_word))
                .or_else(|| line_text.find("{{"))
                .map_or(1, |i| line_text[..i].chars().count() + 1);
            d.in_file(&file)
                .at(line, column)
                .with_snippet(line_text.trim_end())
        }
        Place::Generated => d.in_file(format!("{}.typ", document.spec.output)),
    };
    for location in content.sources.find_text(placeholder).into_iter().take(3) {
        let place = format!(
            "{}:{}:{}",
            location.file.display(),
            location.line,
            location.column
        );
        d = d.hint(msg!(
            "template-placeholder-stands-in",
            place,
            line = location.snippet.trim()
        ));
    }
    if document.spec.draft {
        d
    } else {
        d.hint(msg!("template-placeholder-hint"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folded_place_maps_back_to_the_text_as_written() {
        let source = "Sagsnr. [Ind\u{ad}sæt sagsnummer] og [indsæt dato]";
        let lower = Folded::new(source, true);
        let needle = lower.fold("[indsæt");
        let places: Vec<&str> = lower
            .text
            .match_indices(needle.as_str())
            .map(|(at, _)| &source[lower.original(source, at)..])
            .collect();
        assert_eq!(places.len(), 2);
        assert!(places[0].starts_with("[Ind\u{ad}sæt sagsnummer]"));
        assert!(places[1].starts_with("[indsæt dato]"));
        // As written, case counts: "todo" is inside Danish words.
        let shown = Folded::new("fotodokumentation TODO", false);
        assert_eq!(shown.text.matches("TODO").count(), 1);
    }
}
