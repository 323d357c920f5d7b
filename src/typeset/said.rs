//! What Typst says, in the catalogue's words.
//!
//! Typst's errors, warnings, hints and trace points are English text. The
//! ones a template's author meets (an unknown name, a value of the wrong
//! type, a syntax error, a file that cannot be loaded, a rule of a PDF
//! standard) are recognised by their fixed wording, and said again by the
//! catalogue with the parts they name; any other is passed on as Typst's
//! own words (`foreign-said`). A file dokgen refused Typst comes back
//! inside Typst's message as the text it was given: it is said as the
//! refusal it was ([`Refusal`]).

use std::path::Path;

use typst::diag::Tracepoint;

use super::world::Refusal;
use crate::message::{Arg, Join, Message};
use crate::msg;

/// Who said it, for [`foreign`].
const TYPST: &str = "Typst";

/// What a diagnostic is told besides Typst's text: the refusals dokgen
/// gave, and the project folder by which a real path is shown.
pub(super) struct Context<'a> {
    /// The refusal Typst was given a text for.
    pub refusal: &'a dyn Fn(&str) -> Option<Refusal>,
    /// The project folder.
    pub root: &'a Path,
}

/// Typst's message `text`, and the hints that come with its words (a
/// refused file's).
pub(super) fn message(text: &str, cx: &Context<'_>) -> (Message, Vec<Message>) {
    if let Some(refusal) = (cx.refusal)(text) {
        return (refusal.message, refusal.hints);
    }
    if let Some(said) = loading(text, cx) {
        return said;
    }
    let message = known(text)
        .or_else(|| pdf(text))
        .unwrap_or_else(|| foreign(text));
    (message, Vec::new())
}

/// Typst's hint `text`; none for a hint that does not apply in dokgen
/// (the `--root` of Typst's command line: dokgen's project folder is its
/// root and cannot be changed).
pub(super) fn hint(text: &str) -> Option<Message> {
    if text.contains("--root") {
        return None;
    }
    let between = |prefix: &str, suffix: &str| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .map(str::to_owned)
    };
    let code_after = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('`'))
            .and_then(|rest| rest.strip_suffix('`'))
            .map(str::to_owned)
    };
    let fixed = match text {
        "cannot access files outside of the project sandbox" => Some(msg!("typeset-hint-sandbox")),
        "heading levels must be consecutive" => Some(msg!("typeset-hint-heading-levels")),
        "make sure your images and equations have alt text" => Some(msg!("typeset-hint-alt-text")),
        "set the title with `set document(title: [...])`" => Some(msg!("typeset-hint-title")),
        "set the language of the document" => Some(msg!("typeset-hint-language")),
        "set the date of the document" => Some(msg!("typeset-hint-date")),
        "reduce the number of nested containers" => Some(msg!("typeset-hint-nesting")),
        "try using a different font" => Some(msg!("typeset-hint-other-font")),
        "please report this as a bug" => Some(msg!("typeset-hint-bug")),
        "try exporting with a different standard that supports transparency" => {
            Some(msg!("typeset-hint-transparency-standard"))
        }
        "or convert the image to a non-transparent one" => {
            Some(msg!("typeset-hint-transparency-image"))
        }
        "you might have to convert SVGs into non-transparent bitmap images" => {
            Some(msg!("typeset-hint-transparency-svg"))
        }
        "or don't use colors with transparency in this export mode" => {
            Some(msg!("typeset-hint-transparency-color"))
        }
        "conic gradients are not supported in this PDF standard" => {
            Some(msg!("typeset-hint-conic-gradient"))
        }
        "this is probably caused by paragraph grouping" => Some(msg!("typeset-hint-paragraphs")),
        "maybe you've used a `parbreak`, `colbreak`, or `pagebreak`" => {
            Some(msg!("typeset-hint-breaks"))
        }
        "make sure the font is valid" | "the used font might be unsupported by Typst" => {
            Some(msg!("typeset-hint-font-broken"))
        }
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if let Some(code) =
        code_after("if you meant to use subtraction, try adding spaces around the minus sign: ")
            .or_else(|| {
                code_after(
                    "if you meant to use subtraction, try adding spaces around the minus signs: ",
                )
            })
    {
        return Some(msg!("typeset-hint-subtraction", code));
    }
    if let Some(code) = code_after(
        "if you meant to display multiple letters as is, try adding spaces between each letter: ",
    ) {
        return Some(msg!("typeset-hint-letters", code));
    }
    if let Some(code) =
        code_after("or if you meant to display this as text, try placing it in quotes: ")
    {
        return Some(msg!("typeset-hint-quotes", code));
    }
    if let Some(number) = between("a length needs a unit - did you mean ", "pt?") {
        return Some(msg!("typeset-hint-length-unit", number));
    }
    if let Some(code) = code_after("if you meant to use a literal, try adding a hash before it: ") {
        return Some(msg!("typeset-hint-hash", code));
    }
    Some(foreign(text))
}

/// What was being done at a place on the way to a problem.
pub(super) fn trace(point: &Tracepoint) -> Message {
    match point {
        Tracepoint::Call(Some(name)) => msg!("typeset-trace-call", name = name.as_str()),
        Tracepoint::Call(None) => msg!("typeset-trace-call-unnamed"),
        Tracepoint::Show(name) => msg!("typeset-trace-show", name = name.as_str()),
        Tracepoint::Import(name) => msg!("typeset-trace-import", name = name.as_str()),
        Tracepoint::Include(name) => msg!("typeset-trace-include", name = name.as_str()),
    }
}

/// Typst's own words, marked as its.
fn foreign(text: &str) -> Message {
    msg!("foreign-said", tool = TYPST, text)
}

/// `text` without its last parenthesis: the head and what is in it, as
/// Typst writes a failure and its cause ("failed to load file (…)").
fn parenthesised(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    // The cause may itself hold parentheses: the head's opens first.
    let open = inner.find(" (")?;
    Some((&inner[..open], &inner[open + 2..]))
}

/// A cause as Typst gives it for a file of another format, with the place
/// it appended when it could not point at it (" at 3:84"): the cause, and
/// the place.
fn placed(cause: &str) -> (&str, Option<&str>) {
    if let Some(at) = cause.rfind(" at ") {
        let place = &cause[at + 4..];
        let is_place = place.split(':').count() == 2
            && place
                .split(':')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if is_place {
            return (&cause[..at], Some(place));
        }
    }
    (cause, None)
}

/// A message about loading a file or a drawing: its cause may be a
/// refusal of dokgen's.
fn loading(text: &str, cx: &Context<'_>) -> Option<(Message, Vec<Message>)> {
    if let Some(path) = text.strip_prefix("file not found (searched at ") {
        let path = path.strip_suffix(')')?;
        let shown = match Path::new(path).strip_prefix(cx.root) {
            Ok(rel) => rel.display().to_string(),
            Err(_) => path.to_owned(),
        };
        return Some((
            msg!("typeset-typst-file-not-found", path = shown),
            Vec::new(),
        ));
    }
    if text == "failed to load file" {
        return Some((msg!("typeset-typst-load-failed"), Vec::new()));
    }
    let (head, cause) = parenthesised(text)?;
    if let Some(refusal) = (cx.refusal)(cause) {
        return Some(match head {
            "failed to load file" => (refusal.message, refusal.hints),
            _ => match head
                .strip_prefix("failed to load linked image ")
                .and_then(|h| h.strip_suffix(" in SVG"))
            {
                Some(href) => (
                    msg!(
                        "typeset-typst-svg-linked-image",
                        href,
                        reason = refusal.message
                    ),
                    refusal.hints,
                ),
                None => (foreign(text), Vec::new()),
            },
        });
    }
    let (bare, place) = placed(cause);
    let reason = cause_of(bare);
    let message = match head {
        "failed to load file" => msg!("typeset-typst-load-file", reason),
        "failed to parse SVG" => msg!("typeset-typst-svg-parse", reason),
        "failed to decode image" => msg!("typeset-typst-image-decode", reason),
        "failed to process image" => msg!("typeset-typst-image-decode", reason),
        _ => {
            let href = head
                .strip_prefix("failed to load linked image ")
                .and_then(|h| h.strip_suffix(" in SVG"))?;
            msg!("typeset-typst-svg-linked-image", href, reason)
        }
    };
    let message = match place {
        Some(place) => msg!("typeset-typst-at-place", message, place),
        None => message,
    };
    Some((message, Vec::new()))
}

/// The cause Typst gives in parentheses, in the catalogue's words where
/// they are known.
fn cause_of(cause: &str) -> Message {
    let quoted = |prefix: &str| {
        cause
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('\''))
            .and_then(|rest| rest.strip_suffix('\''))
    };
    match cause {
        "access denied" => return msg!("typeset-cause-access-denied"),
        "is a directory" => return msg!("typeset-cause-directory"),
        "file is not valid UTF-8" => return msg!("typeset-cause-not-utf8"),
        "file is too large" => return msg!("typeset-cause-too-large"),
        "file is not compressed correctly" => return msg!("typeset-cause-compression"),
        "width, height, or viewbox is invalid" => return msg!("typeset-cause-svg-size"),
        "missing root node" => return msg!("typeset-cause-no-root"),
        "absolute paths are not allowed" => return msg!("typeset-cause-absolute"),
        "URLs are not allowed" => return msg!("typeset-cause-url"),
        "unknown image format" => return msg!("typeset-cause-image-format"),
        _ => {}
    }
    if let Some(entity) = quoted("unknown entity ") {
        return msg!("typeset-cause-unknown-entity", entity);
    }
    if let Some(attribute) = quoted("duplicate attribute ") {
        return msg!("typeset-cause-duplicate-attribute", attribute);
    }
    known(cause).unwrap_or_else(|| foreign(cause))
}

/// The messages of Typst's language: names, arguments, values, syntax.
fn known(text: &str) -> Option<Message> {
    let after = |prefix: &str| text.strip_prefix(prefix);
    let fixed = match text {
        "maximum function call depth exceeded" => Some(msg!("typeset-typst-call-depth")),
        "maximum show rule depth exceeded" => Some(msg!("typeset-typst-show-depth")),
        "maximum layout depth exceeded" => Some(msg!("typeset-typst-layout-depth")),
        "maximum parsing depth exceeded" => Some(msg!("typeset-typst-parse-depth")),
        "unexpected argument" => Some(msg!("typeset-typst-unexpected-argument")),
        "unclosed delimiter" => Some(msg!("typeset-typst-unclosed-delimiter")),
        "unclosed string" => Some(msg!("typeset-typst-unclosed-string")),
        "unclosed label" => Some(msg!("typeset-typst-unclosed-label")),
        "unclosed raw text" => Some(msg!("typeset-typst-unclosed-raw")),
        "file is not valid UTF-8" => Some(msg!("typeset-cause-not-utf8")),
        "not a Typst source file" => Some(msg!("typeset-typst-not-source")),
        "cyclic import" => Some(msg!("typeset-typst-cyclic-import")),
        "embedding PDFs is currently not supported in this export mode" => {
            Some(msg!("typeset-pdf-embedded-pdf"))
        }
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if let Some(name) = after("unknown variable: ") {
        return Some(msg!("typeset-typst-unknown-variable", name));
    }
    if let Some(name) = after("unexpected argument: ") {
        return Some(msg!("typeset-typst-unexpected-argument-named", name));
    }
    if let Some(name) = after("missing argument: ") {
        return Some(msg!("typeset-typst-missing-argument", name));
    }
    if let Some(name) = after("unknown font family: ") {
        return Some(msg!("typeset-typst-unknown-font", name));
    }
    if let Some(key) = after("duplicate argument: ") {
        return Some(msg!("typeset-typst-duplicate-argument", name = key));
    }
    if let Some(key) = after("duplicate key: ") {
        return Some(msg!("typeset-typst-duplicate-key", key));
    }
    if let Some(path) =
        after("path `").and_then(|rest| rest.strip_suffix("` would escape the project root"))
    {
        let path = path.trim_matches('"');
        return Some(msg!("typeset-typst-path-escapes", path));
    }
    if let Some(label) =
        after("label `").and_then(|rest| rest.strip_suffix("` does not exist in the document"))
    {
        return Some(msg!("typeset-typst-label-missing", label));
    }
    // "… and no default value was specified": `at` without `default:`.
    let bare = text
        .strip_suffix(" and no default value was specified")
        .unwrap_or(text);
    if let Some(key) = bare.strip_prefix("dictionary does not contain key ") {
        let key = key.trim_matches('"');
        if !key.contains(' ') {
            return Some(msg!("typeset-typst-dictionary-key", key));
        }
    }
    for (prefix, id) in [
        ("array index out of bounds (index: ", "array"),
        ("string index out of bounds (index: ", "string"),
    ] {
        if let Some((index, len)) = bare
            .strip_prefix(prefix)
            .and_then(|r| r.strip_suffix(')'))
            .and_then(|r| r.split_once(", len: "))
        {
            return Some(match id {
                "array" => msg!("typeset-typst-array-index", index, len),
                _ => msg!("typeset-typst-string-index", index, len),
            });
        }
    }
    if let Some(rest) = after("cannot join ")
        && let Some((a, b)) = rest.split_once(" with ")
    {
        return Some(msg!(
            "typeset-typst-cannot-join",
            a = thing(a)?,
            b = thing(b)?
        ));
    }
    if let Some(rest) = after("cannot add ")
        && let Some((a, b)) = rest.split_once(" and ")
    {
        return Some(msg!(
            "typeset-typst-cannot-add",
            a = thing(a)?,
            b = thing(b)?
        ));
    }
    if let Some(rest) = after("expected ") {
        return Some(match rest.rsplit_once(", found ") {
            Some((expected, found)) => msg!(
                "typeset-typst-expected-found",
                expected = either(expected)?,
                found = thing(found)?
            ),
            None => msg!("typeset-typst-expected", expected = either(rest)?),
        });
    }
    if let Some(found) = after("unexpected ") {
        return Some(msg!("typeset-typst-unexpected", found = thing(found)?));
    }
    None
}

/// One of several things, as Typst lists them: "length, ratio, or auto".
fn either(list: &str) -> Option<Message> {
    if let Some(one) = thing(list) {
        return Some(one);
    }
    let mut parts: Vec<&str> = list.split(", ").collect();
    if parts.len() == 1 {
        let (a, b) = list.split_once(" or ")?;
        parts = vec![a, b];
    } else if let Some(last) = parts.last_mut() {
        *last = last.strip_prefix("or ").unwrap_or(last);
    }
    let things = parts
        .into_iter()
        .map(thing)
        .collect::<Option<Vec<Message>>>()?;
    Some(or_list(things))
}

/// `things` as "a, b or c".
fn or_list(things: Vec<Message>) -> Message {
    crate::message::list(things.into_iter().map(Arg::from).collect(), Join::Or)
}

/// `things` as "a, b and c".
pub(super) fn and_list(things: Vec<Message>) -> Message {
    crate::message::list(things.into_iter().map(Arg::from).collect(), Join::And)
}

/// The Typst words for kinds of values and pieces of syntax, and the key
/// by which `typeset-typst-thing` words each.
const THINGS: &[(&str, &str)] = &[
    ("anything", "anything"),
    ("integer", "integer"),
    ("float", "float"),
    ("decimal", "decimal"),
    ("string", "string"),
    ("content", "content"),
    ("length", "length"),
    ("relative length", "relative-length"),
    ("ratio", "ratio"),
    ("fraction", "fraction"),
    ("angle", "angle"),
    ("color", "color"),
    ("gradient", "gradient"),
    ("boolean", "boolean"),
    ("array", "array"),
    ("dictionary", "dictionary"),
    ("function", "function"),
    ("none", "none"),
    ("auto", "auto"),
    ("`none`", "none"),
    ("`auto`", "auto"),
    ("alignment", "alignment"),
    ("label", "label"),
    ("datetime", "datetime"),
    ("duration", "duration"),
    ("bytes", "bytes"),
    ("stroke", "stroke"),
    ("symbol", "symbol"),
    ("module", "module"),
    ("type", "type"),
    ("arguments", "arguments"),
    ("regular expression", "regex"),
    ("selector", "selector"),
    ("location", "location"),
    ("direction", "direction"),
    ("version", "version"),
    ("expression", "expression"),
    ("identifier", "identifier"),
    ("pattern", "pattern"),
    ("block", "block"),
    ("argument list", "argument-list"),
    ("semicolon or line break", "semicolon-or-line-break"),
    ("comma or semicolon", "comma-or-semicolon"),
    ("named or keyed pair", "named-or-keyed-pair"),
    ("named pair", "named-pair"),
    ("keyed pair", "keyed-pair"),
    ("semicolon", "semicolon"),
    ("line break", "line-break"),
    ("paragraph break", "paragraph-break"),
    ("comma", "comma"),
    ("colon", "colon"),
    ("dot", "dot"),
    ("hash", "hash"),
    ("equals sign", "equals-sign"),
    ("plus", "plus"),
    ("minus", "minus"),
    ("star", "star"),
    ("slash", "slash"),
    ("arrow", "arrow"),
    ("dollar sign", "dollar-sign"),
    ("opening paren", "opening-paren"),
    ("closing paren", "closing-paren"),
    ("opening bracket", "opening-bracket"),
    ("closing bracket", "closing-bracket"),
    ("opening brace", "opening-brace"),
    ("closing brace", "closing-brace"),
    ("end of tokens", "end"),
    ("text", "text"),
    ("space", "space"),
    ("markup", "markup"),
    ("code", "code"),
    ("code block", "code-block"),
    ("content block", "content-block"),
    ("function call", "function-call"),
    ("escape sequence", "escape"),
    ("syntax error", "syntax-error"),
    ("heading", "heading"),
    ("link", "link"),
    ("reference", "reference"),
    ("equation", "equation"),
];

/// A kind of value or piece of syntax, as Typst names it; code as it is
/// (`` `left` ``, `"x"`, a keyword); none for a word not known.
fn thing(word: &str) -> Option<Message> {
    let word = word.trim();
    if let Some((_, key)) = THINGS.iter().find(|(w, _)| *w == word) {
        return Some(msg!("typeset-typst-thing", thing = *key));
    }
    if let Some(keyword) = word
        .strip_prefix("keyword `")
        .and_then(|w| w.strip_suffix('`'))
    {
        return Some(msg!("typeset-typst-keyword", keyword));
    }
    if let Some(operator) = word
        .strip_prefix("operator `")
        .and_then(|w| w.strip_suffix('`'))
    {
        return Some(msg!("typeset-typst-keyword", keyword = operator));
    }
    // A value as Typst writes it: `left`, "left", 12pt, <label>.
    let code = |w: &str| {
        (w.starts_with('`') && w.ends_with('`') && w.len() > 1)
            || (w.starts_with('"') && w.ends_with('"') && w.len() > 1)
            || (w.starts_with('<') && w.ends_with('>'))
            || w.starts_with(|c: char| c.is_ascii_digit())
    };
    if code(word) && !word.contains(", ") {
        return Some(msg!("typeset-typst-code", code = word.trim_matches('`')));
    }
    None
}

/// A rule of a PDF standard that the document breaks, as Typst's PDF
/// export says it: "PDF/A-2a error: the PDF has too high q nesting".
fn pdf(text: &str) -> Option<Message> {
    let (standards, problem) = text.split_once(" error: ")?;
    let names: Vec<&str> = standards.split(", ").collect();
    if !names.iter().all(|n| n.starts_with("PDF/")) {
        return None;
    }
    let standards = and_list(
        names
            .iter()
            .map(|n| msg!("typeset-typst-code-plain", code = *n))
            .collect(),
    );
    let problem = pdf_problem(problem).unwrap_or_else(|| foreign(problem));
    Some(msg!("typeset-pdf-rule", standards, problem))
}

/// The problem of a PDF rule, in the catalogue's words where known.
fn pdf_problem(problem: &str) -> Option<Message> {
    let fixed = match problem {
        "the PDF has too high q nesting" => Some(msg!("typeset-pdf-nesting")),
        "missing alt text" => Some(msg!("typeset-pdf-alt-text")),
        "missing annotation alt text" => Some(msg!("typeset-pdf-annotation-alt-text")),
        "missing document title" => Some(msg!("typeset-pdf-title")),
        "missing document language" => Some(msg!("typeset-pdf-language")),
        "missing document date" | "document date is missing" => Some(msg!("typeset-pdf-date")),
        "the first heading must be of level 1" => Some(msg!("typeset-pdf-first-heading")),
        "heading title is empty" => Some(msg!("typeset-pdf-heading-empty")),
        "heading title could not be determined" => Some(msg!("typeset-pdf-heading-unknown")),
        "the PDF contains transparency" => Some(msg!("typeset-pdf-transparency")),
        "the image contains transparency" => Some(msg!("typeset-pdf-image-transparency")),
        "the used fill or stroke has transparency" => Some(msg!("typeset-pdf-color-transparency")),
        "the PDF contains PostScript code" => Some(msg!("typeset-pdf-postscript")),
        "the PDF is missing a CMYK profile" => Some(msg!("typeset-pdf-cmyk")),
        "the PDF has too many indirect objects" => Some(msg!("typeset-pdf-too-many-objects")),
        "a PDF string is longer than 32767 characters" => Some(msg!("typeset-pdf-long-string")),
        "PDF artifacts may not contain links" => Some(msg!("typeset-pdf-artifact-link")),
        "document contains an attached file" => Some(msg!("typeset-pdf-attachment")),
        "the image has smooth scaling" | "an image in the PDF has smooth scaling" => {
            Some(msg!("typeset-pdf-smooth-scaling"))
        }
        "the text was not mapped to a code point"
        | "the PDF contains text with missing codepoints" => Some(msg!("typeset-pdf-codepoints")),
        "invalid document structure, this element's PDF tag would be split up" => {
            Some(msg!("typeset-pdf-tag-split"))
        }
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if let Some(levels) = problem.strip_prefix("skipped from heading level ")
        && let Some((from, to)) = levels.split_once(" to ")
    {
        return Some(msg!("typeset-pdf-skipped-heading", from, to));
    }
    if let Some(parent) = problem
        .strip_prefix("invalid ")
        .and_then(|p| p.strip_suffix(" structure"))
    {
        return Some(msg!("typeset-pdf-structure", parent));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    fn said(text: &str) -> (Message, Vec<Message>) {
        let none = |_: &str| None;
        let cx = Context {
            refusal: &none,
            root: Path::new("/project"),
        };
        message(text, &cx)
    }

    fn en(text: &str) -> String {
        said(text).0.text(Lang::En)
    }

    fn da(text: &str) -> String {
        said(text).0.text(Lang::Da)
    }

    #[test]
    fn the_messages_a_template_meets_are_worded_in_both_languages() {
        for text in [
            "unknown variable: ukendt",
            "maximum function call depth exceeded",
            "unexpected argument: farve",
            "missing argument: body",
            "expected integer, found string",
            "expected length, relative length, or auto, found string",
            "expected expression, found closing bracket",
            "expected semicolon or line break",
            "unclosed delimiter",
            "file not found (searched at /project/assets/kort.png)",
            "failed to load file (access denied)",
            "failed to parse SVG (unknown entity 'xxe')",
            "PDF/A-2a error: the PDF has too high q nesting",
            "PDF/UA-1 error: skipped from heading level 1 to 3",
            "path `\"../x\"` would escape the project root",
        ] {
            let (message, _) = said(text);
            assert_ne!(message.id(), "foreign-said", "{text}");
            let danish = message.text(Lang::Da);
            assert!(!danish.contains("Typst siger"), "{text}: {danish}");
        }
    }

    #[test]
    fn the_english_stays_typsts_where_it_was_plain() {
        assert_eq!(en("unknown variable: ukendt"), "unknown variable: ukendt");
        assert_eq!(
            en("unexpected argument: ukendt"),
            "unexpected argument: ukendt"
        );
        assert_eq!(
            en("maximum function call depth exceeded"),
            "maximum function call depth exceeded"
        );
        assert_eq!(
            en("expected length, ratio, or auto, found string"),
            "expected length, ratio or auto, found string"
        );
        assert_eq!(
            en("file not found (searched at /project/assets/kort.png)"),
            "file not found: `assets/kort.png`"
        );
    }

    #[test]
    fn danish_lists_and_types_are_danish() {
        assert_eq!(
            da("expected length, ratio, or auto, found string"),
            "her skulle stå en længde, en procentdel eller `auto`, men her står en tekst"
        );
        assert_eq!(da("unknown variable: ukendt"), "ukendt navn: `ukendt`");
    }

    #[test]
    fn an_unknown_message_is_typsts_own() {
        let (message, _) = said("something nobody has seen");
        assert_eq!(message.id(), "foreign-said");
        assert!(message.text(Lang::Da).contains("something nobody has seen"));
    }

    #[test]
    fn a_refusal_inside_typsts_message_is_said_as_the_refusal() {
        let refusal = Refusal::new(msg!("typeset-file-outside", path = "/x.txt"))
            .hint(msg!("typeset-file-package-hint"));
        let key = refusal.message.text(Lang::En);
        let lookup = |text: &str| (text == key).then(|| refusal.clone());
        let cx = Context {
            refusal: &lookup,
            root: Path::new("/project"),
        };
        let (message, hints) = message(&format!("failed to load file ({key})"), &cx);
        assert_eq!(message.id(), "typeset-file-outside");
        assert_eq!(hints.len(), 1);
        let (message, _) = super::message(
            &format!("failed to load linked image kort.bin in SVG ({key})"),
            &cx,
        );
        assert_eq!(message.id(), "typeset-typst-svg-linked-image");
    }

    #[test]
    fn hints_are_worded_or_left_out() {
        assert!(hint("you can adjust the project root with the `--root` argument").is_none());
        let h = hint(
            "if you meant to use subtraction, try adding spaces around the minus sign: `a - b`",
        )
        .unwrap();
        assert_eq!(h.id(), "typeset-hint-subtraction");
        assert_eq!(hint("whatever").unwrap().id(), "foreign-said");
    }
}
