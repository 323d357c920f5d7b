//! Characters a reader of a file does not see, and which change what a
//! document prints: the Trojan Source class.
//!
//! A right-to-left override (U+202E) around "15.712" in a fact file prints
//! "217.51", while an editor shows the figure as written; a zero-width
//! space inside `[indsæt navn]` hides the placeholder from a search. Such
//! characters are refused wherever a person writes text dokgen prints or
//! runs (facts, prose, templates), at their line, whether they stand in the
//! file as they are or come in through an escape (`"\u202E"` in YAML,
//! `&#x202E;` in Markdown). What is refused here never reaches the
//! placeholder check or Typst.
//!
//! A byte order mark at the very start of a file is how some editors mark
//! UTF-8, and is allowed there.

use crate::message::Message;
use crate::msg;

/// The first character of `text` that is refused, with its byte offset.
pub fn find(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| refused(c))
}

/// Whether `c` turns the direction of text, does not show, or is a
/// control character other than a tab or a line break.
pub fn refused(c: char) -> bool {
    kind(c).is_some()
}

/// Why a character is refused.
#[derive(Debug, Clone, Copy)]
enum Kind {
    TurnsDirection,
    MarksDirection,
    BreaksLine,
    SoftHyphen,
    DoesNotShow,
    Control,
}

/// What `c` does, said for a message, if it is refused: "turns the
/// direction of the text around it".
fn what(c: char) -> Option<Message> {
    Some(match kind(c)? {
        Kind::TurnsDirection => msg!("unseen-turns-direction"),
        Kind::MarksDirection => msg!("unseen-marks-direction"),
        Kind::BreaksLine => msg!("unseen-breaks-line"),
        Kind::SoftHyphen => msg!("unseen-soft-hyphen"),
        Kind::DoesNotShow => msg!("unseen-does-not-show"),
        Kind::Control => msg!("unseen-control"),
    })
}

/// What kind of refused character `c` is, if it is refused.
fn kind(c: char) -> Option<Kind> {
    Some(match c {
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Kind::TurnsDirection,
        '\u{200e}' | '\u{200f}' | '\u{61c}' => Kind::MarksDirection,
        '\u{2028}' | '\u{2029}' => Kind::BreaksLine,
        '\u{ad}' => Kind::SoftHyphen,
        '\u{34f}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206a}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}' => Kind::DoesNotShow,
        c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => Kind::Control,
        _ => return None,
    })
}

/// The message for `c`, found in text a person wrote: "the text holds
/// U+202E (RIGHT-TO-LEFT OVERRIDE), which turns …".
pub fn message(c: char) -> Message {
    let what = what(c).unwrap_or_else(|| msg!("unseen-does-not-show"));
    let so = if c.is_control() {
        msg!("unseen-cannot-print")
    } else {
        msg!("unseen-differs")
    };
    let code = format!("U+{:04X}", u32::from(c));
    match name(c) {
        Some(name) => msg!("unseen-holds-named", code, name, what, so),
        None => msg!("unseen-holds", code, what, so),
    }
}

/// `line` with every refused character written as `<U+202E>`, to show
/// under a message: the character itself would not show there either.
pub fn shown(line: &str) -> String {
    line.chars()
        .map(|c| match refused(c) {
            true => format!("<U+{:04X}>", u32::from(c)),
            false => c.to_string(),
        })
        .collect()
}

/// What to do about it.
pub fn hint() -> Message {
    msg!("unseen-hint")
}

/// The Unicode name of the characters most often met.
fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{61c}' => "ARABIC LETTER MARK",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{ad}' => "SOFT HYPHEN",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trojan_source_characters_are_refused() {
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        ] {
            assert!(refused(c), "U+{:04X}", u32::from(c));
            let text = message(c).text(crate::message::Lang::En);
            assert!(text.contains("direction"), "{text}");
        }
    }

    #[test]
    fn characters_that_do_not_show_are_refused() {
        for c in [
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{ad}',
            '\u{e0041}',
            '\u{fe0f}',
            '\u{3164}',
            '\u{2028}',
            '\u{0}',
            '\u{1b}',
            '\u{85}',
        ] {
            assert!(refused(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn danish_text_and_its_spaces_pass() {
        let text = "Vallensbæk Kommune betaler 44.791.399 kr. (§ 11 a, stk. 2) – «ÆØÅ»\u{a0}\u{202f}\t\r\n";
        assert_eq!(find(text), None);
    }

    #[test]
    fn the_first_refused_character_is_found_at_its_offset() {
        assert_eq!(find("15.\u{202e}712"), Some((3, '\u{202e}')));
    }

    #[test]
    fn a_line_is_shown_with_its_refused_characters_named() {
        assert_eq!(shown("15.\u{202e}712\u{202c}"), "15.<U+202E>712<U+202C>");
    }
}
