//! The only place that knows how to make text safe for Typst.
//!
//! Text that comes from YAML facts or Markdown prose is data. It reaches
//! Typst in one of two positions, and each has one function here:
//!
//! - **markup** ([`markup`]): a backslash goes before every ASCII punctuation
//!   character. Typst treats `\` followed by any such character as that
//!   character, literally, so no sequence of escaped text can start a
//!   heading, a list, an expression (`#`), math (`$`), a label (`<`), a
//!   reference (`@`), a comment (`//`) or anything else. The same rule is
//!   valid CommonMark, which is why Markdown prose templates use it too.
//! - **string literals** ([`string_literal`]): a complete, quoted Typst
//!   string in which only `\`, `"` and control characters are escaped.

use std::io::{self, Write};

/// Writes `text` as Typst markup that shows exactly `text` (a suspended
/// hyphen's space no-break, see [`punctuation`]).
///
/// This is the escape function of every `.typ.tera` and `.md` template, so it
/// streams into the template's output instead of allocating.
pub(crate) fn write_markup(text: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut start = 0;
    for (i, b, keep) in punctuation(text) {
        // `i` is on a char boundary: ASCII bytes never occur inside a
        // multi-byte UTF-8 sequence.
        out.write_all(&text.as_bytes()[start..i])?;
        out.write_all(&[b'\\', b])?;
        start = i + 1;
        if keep {
            out.write_all("\u{a0}".as_bytes())?;
            start += 1;
        }
    }
    out.write_all(&text.as_bytes()[start..])
}

/// Each ASCII punctuation character of `text` (its byte offset and byte),
/// and whether it is a suspended hyphen ("natur- og miljø", "social- eller
/// sundhedsområdet"), whose space after it is written as a no-break space
/// so that the hyphen never ends a line apart from the word it belongs
/// with.
fn punctuation(text: &str) -> impl Iterator<Item = (usize, u8, bool)> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        if !b.is_ascii_punctuation() {
            return None;
        }
        let keep = b == b'-'
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && (text[i + 1..].starts_with(" og ") || text[i + 1..].starts_with(" eller "));
        Some((i, b, keep))
    })
}

/// Appends `text` to `out` as Typst markup that shows exactly `text`.
pub(crate) fn push_markup(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b, keep) in punctuation(text) {
        out.push_str(&text[start..i]);
        out.push('\\');
        out.push(b as char);
        start = i + 1;
        if keep {
            out.push('\u{a0}');
            start += 1;
        }
    }
    out.push_str(&text[start..]);
}

/// Returns `text` as Typst markup that shows exactly `text`.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_markup(&mut out, text);
    out
}

/// Returns `text` as a complete Typst string literal, quotes included.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suspended_hyphen_keeps_to_the_word_after_it() {
        assert_eq!(
            markup("natur- og miljøområdet, social- eller sundhedsområdet"),
            "natur\\-\u{a0}og miljøområdet\\, social\\-\u{a0}eller sundhedsområdet"
        );
        // A dash between spaces, a hyphen in a word and one at the end are
        // hyphens as written.
        assert_eq!(markup("a - og b"), "a \\- og b");
        assert_eq!(markup("Ringkøbing-Skjern og"), "Ringkøbing\\-Skjern og");
        assert_eq!(markup("natur-"), "natur\\-");
        let mut written = Vec::new();
        write_markup("natur- og miljø", &mut written).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            markup("natur- og miljø")
        );
    }

    #[test]
    fn every_ascii_punctuation_character_is_escaped() {
        for b in (0u8..128).filter(u8::is_ascii_punctuation) {
            let c = b as char;
            assert_eq!(markup(&c.to_string()), format!("\\{c}"), "for {c:?}");
        }
    }

    #[test]
    fn pushing_and_writing_escape_alike() {
        let text = "Ishøj #1: $x$ <a> «æ» \\ //";
        let mut pushed = String::from("før ");
        push_markup(&mut pushed, text);
        assert_eq!(pushed, format!("før {}", markup(text)));
    }

    #[test]
    fn letters_digits_space_and_danish_letters_pass_unchanged() {
        let text = "Ishøj og Vallensbæk 2017 ÆØÅ æøå é";
        assert_eq!(markup(text), text);
    }

    #[test]
    fn line_start_markers_lose_their_meaning() {
        assert_eq!(markup("= Overskrift"), "\\= Overskrift");
        assert_eq!(markup("- punkt"), "\\- punkt");
        assert_eq!(markup("+ punkt"), "\\+ punkt");
        assert_eq!(markup("1. punkt"), "1\\. punkt");
        assert_eq!(markup("// kommentar"), "\\/\\/ kommentar");
        assert_eq!(markup("/* blok */"), "\\/\\* blok \\*\\/");
        assert_eq!(markup("/ term: forklaring"), "\\/ term\\: forklaring");
    }

    #[test]
    fn code_math_labels_and_references_are_escaped() {
        assert_eq!(markup("#panic(\"x\")"), "\\#panic\\(\\\"x\\\"\\)");
        assert_eq!(markup("$x$ <a> @b = c"), "\\$x\\$ \\<a\\> \\@b \\= c");
        assert_eq!(markup("\\u{41}"), "\\\\u\\{41\\}");
    }

    #[test]
    fn string_literals_escape_only_backslash_quote_and_controls() {
        assert_eq!(string_literal("Ishøj #x $y$"), "\"Ishøj #x $y$\"");
        assert_eq!(string_literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(string_literal("a\nb"), "\"a\\nb\"");
        assert_eq!(string_literal("\u{7}"), "\"\\u{7}\"");
    }
}
