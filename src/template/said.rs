//! What Tera says, in dokgen's words.
//!
//! Tera reports a mistake in a template in English of its own, in terms of
//! its parser ("Found `%}` but expected one of: integer, float, …"). Each
//! message of Tera's that a template or prose can meet is recognised here
//! by its fixed wording, and said with a message of the catalogue, with
//! the names it quotes as arguments; one that is not recognised is shown
//! as Tera's own ([`foreign-said`](crate::message)).
//!
//! dokgen's own filters fail with a message of the catalogue: it travels
//! through Tera's error as text ([`carried`]) and comes back whole.

use crate::message::Message;
use crate::msg;

/// A message of Tera's as dokgen says it: the sentence, and what helps.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    /// The sentence.
    pub message: Message,
    /// Hints at the fix that the message itself gives (the names that do
    /// have a value there).
    pub hints: Vec<Message>,
}

impl Said {
    fn just(message: Message) -> Self {
        Self {
            message,
            hints: Vec::new(),
        }
    }

    fn with_hint(mut self, hint: Option<Message>) -> Self {
        self.hints.extend(hint);
        self
    }
}

/// Begins the text of a Tera error that carries a message of the
/// catalogue, as JSON.
const CARRIED: &str = "dokgen-message:";

/// A Tera error that carries `message`: a filter of dokgen's fails with it,
/// and [`said`] gives the message back.
pub(crate) fn carried(message: &Message) -> tera::Error {
    let json = serde_json::to_string(message).unwrap_or_default();
    tera::Error::message(format!("{CARRIED}{json}"))
}

/// Tera's message `text` (a report's message, without its place) in the
/// words of the catalogue.
pub(crate) fn said(text: &str) -> Said {
    let text = text.trim();
    if let Some(message) = text
        .strip_prefix(CARRIED)
        .and_then(|json| serde_json::from_str::<Message>(json).ok())
    {
        return Said::just(message);
    }
    syntax(text)
        .or_else(|| references(text))
        .or_else(|| rendering(text))
        .unwrap_or_else(|| {
            let text = super::origins::without_markers(text);
            Said::just(msg!("foreign-said", tool = "Tera", text))
        })
}

/// An error of Tera's that is not a report at a place in a template: a
/// template that extends or includes what is not there, or itself.
pub(crate) fn said_of_kind(kind: &tera::ErrorKind) -> Option<Said> {
    use tera::ErrorKind;
    let message = match kind {
        ErrorKind::MissingParent { current, parent } => {
            msg!(
                "template-tera-missing-parent",
                template = current.as_str(),
                parent = parent.as_str()
            )
        }
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => msg!(
            "template-tera-circular-extend",
            template = tpl.as_str(),
            chain = chain(inheritance_chain)
        ),
        ErrorKind::CircularInclude { tpl, include_chain } => msg!(
            "template-tera-circular-include",
            template = tpl.as_str(),
            chain = chain(include_chain)
        ),
        ErrorKind::TemplateNotFound(name) => {
            msg!("template-tera-unknown-template", name = name.as_str())
        }
        ErrorKind::ComponentNotFound(name) => {
            msg!("template-tera-unknown-component", name = name.as_str())
        }
        ErrorKind::InvalidArgument {
            expected_type,
            actual_type,
        } => msg!(
            "template-tera-wrong-type",
            expected = type_word(expected_type),
            got = type_word(actual_type)
        ),
        ErrorKind::MissingArgument { arg_name } => {
            msg!("template-tera-missing-argument", name = arg_name.as_str())
        }
        ErrorKind::OutOfRangeArgument { value, .. } => {
            msg!("template-tera-out-of-range", value = value.as_str())
        }
        _ => return None,
    };
    Some(Said::just(message))
}

/// Templates named one after the other: `` `a` → `b` → `a` ``.
fn chain(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The text between the first two backticks of `text`, and what follows.
fn ticked(text: &str) -> Option<(&str, &str)> {
    let (_, rest) = text.split_once('`')?;
    let (inside, after) = rest.split_once('`')?;
    Some((inside, after))
}

/// The name `text` quotes in backticks after `prefix`, if it begins so
/// and says nothing after it but `suffix`.
fn quoted_after<'t>(text: &'t str, prefix: &str, suffix: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(prefix)?;
    let (name, after) = ticked(rest)?;
    (rest.starts_with('`') && after == suffix).then_some(name)
}

/// A token as Tera names it in "Found … but expected …", in words.
fn token_word(token: &str) -> Option<Message> {
    if let Some(symbol) = token.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        return Some(msg!("template-token-symbol", symbol));
    }
    Some(match token {
        "identifier" | "ident" => msg!("template-token-name"),
        "string" => msg!("template-token-string"),
        "integer" => msg!("template-token-integer"),
        "float" => msg!("template-token-float"),
        "bool" => msg!("template-token-bool"),
        "content" | "raw content" => msg!("template-token-text"),
        "comment" => msg!("template-token-comment"),
        _ => return None,
    })
}

/// What Tera expected, as "Found … but expected {…}." names it.
fn expected_word(expected: &str) -> Option<Message> {
    Some(match expected {
        "identifier" => msg!("template-token-name"),
        "attribute name" => msg!("template-token-field-name"),
        "string" => msg!("template-token-string"),
        // A keyword (`in`, `endif`) or punctuation (`%}`, `)`), as written.
        symbol
            if !symbol.is_empty()
                && (symbol.chars().all(|c| c.is_ascii_lowercase())
                    || symbol.chars().all(|c| c.is_ascii_punctuation())) =>
        {
            msg!("template-token-symbol", symbol)
        }
        _ => return None,
    })
}

/// A type as Tera names it, a value's (`string`, `i64`, `map/struct`) or
/// the one a filter expects (`&str`, `f64`, `Vec<Value>`), in words.
pub(super) fn type_word(name: &str) -> Message {
    match name {
        "string" | "&str" | "String" | "str" | "Cow<str>" | "StringInput" => {
            msg!("template-type-text")
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "usize" => msg!("template-type-whole-number"),
        "f32" | "f64" | "Number" | "number" => msg!("template-type-number"),
        "bool" => msg!("template-type-yes-no"),
        "array" | "Vec<Value>" | "&[Value]" | "Vec" => msg!("template-type-list"),
        "map/struct" | "Map" | "&Map" | "map" => msg!("template-type-map"),
        "none" => msg!("template-type-none"),
        "undefined" => msg!("template-type-undefined"),
        "bytes" => msg!("template-type-bytes"),
        other => msg!("template-type-other", name = other),
    }
}

/// The messages of Tera's lexer and parser.
fn syntax(text: &str) -> Option<Said> {
    if let Some(message) = text.strip_prefix("Found ").and_then(found) {
        return Some(Said::just(message));
    }
    let message = match text {
        "Unexpected end of input" => msg!("template-tera-end-of-input"),
        "Unknown tag" => msg!("template-tera-unknown-tag"),
        "Unexpected character" => msg!("template-tera-unexpected-character"),
        "Invalid Integer" | "Invalid float" => msg!("template-tera-bad-number"),
        "unexpected escape character" | "unexpected end of string" => {
            msg!("template-tera-bad-escape")
        }
        "`-` and `not` cannot be used consecutively." => msg!("template-tera-minus-not"),
        "`not` is only valid here as part of `not in`" => msg!("template-tera-not-in"),
        "Function calls are only allowed at the first element of a chain" => {
            msg!("template-tera-call-first")
        }
        "The expression is too complex" | "The template nesting is too deep" => {
            msg!("template-tera-too-deep")
        }
        "`extends` needs to be the first tag of the template"
        | "`extends` cannot be nested in other tags." => msg!("template-tera-extends-first"),
        t if t.starts_with("Identifiers can only have up to ")
            || t.starts_with("Arrays can have a maximum of ") =>
        {
            msg!("template-tera-too-deep")
        }
        t if t.starts_with("Template is already extending ") => {
            msg!("template-tera-extends-first")
        }
        t if t.starts_with("Invalid syntax for `set`") => msg!("template-tera-set-syntax"),
        t if t.starts_with("This content would be ignored:") => {
            msg!("template-tera-child-content")
        }
        t if t.starts_with("Blocks cannot be written inside a") => {
            msg!("template-tera-block-inside")
        }
        t => {
            if let Some((quote, _)) = t.strip_prefix("String opened with ").and_then(ticked) {
                msg!("template-tera-string-unclosed", quote)
            } else if let Some(end) = quoted_after(t, "Closing comment tag ", " not found") {
                msg!("template-tera-comment-unclosed", end)
            } else if let Some(keyword) = t.strip_suffix(" can only be used in a for loop") {
                msg!("template-tera-loop-only", keyword)
            } else if let Some((name, _)) = t.split_once(" is a reserved keyword of Tera") {
                msg!("template-tera-reserved", name)
            } else if let Some(name) =
                quoted_after(t, "Keyword argument ", " is defined more than once").or_else(|| {
                    quoted_after(t, "Component argument ", " is defined more than once")
                })
            {
                msg!("template-tera-argument-twice", name)
            } else if let Some(field) = t
                .strip_prefix("Found invalid field of `loop`: ")
                .and_then(|rest| rest.split_once(". Only"))
                .map(|(field, _)| field)
            {
                msg!("template-tera-loop-field", field)
            } else if let Some(name) =
                quoted_after(t, "Template already contains a block named ", "")
            {
                msg!("template-tera-block-twice", name)
            } else if let Some((start, end)) = named_differently(t) {
                msg!("template-tera-end-name", start, end)
            } else {
                return None;
            }
        }
    };
    Some(Said::just(message))
}

/// The names of "block was named `a` in the opening tag, found `b` as name
/// in the end tag".
fn named_differently(text: &str) -> Option<(&str, &str)> {
    let (_, rest) = text.split_once(" was named ")?;
    let (start, rest) = ticked(rest)?;
    let rest = rest.strip_prefix(" in the opening tag, found ")?;
    let (end, rest) = ticked(rest)?;
    (rest == " as name in the end tag").then_some((start, end))
}

/// "Found {token} but …": what stood where something else was expected.
fn found(rest: &str) -> Option<Message> {
    const VALUE: &str = " but expected one of: integer, float, string, bool, ident,";
    const ENDIF: &str = " but was expecting `elif`, `else` or `endif`.";
    const MINUS: &str = " but `-` can only be followed by an integer or a float";
    if let Some((token, _)) = rest.split_once(VALUE) {
        return Some(msg!(
            "template-tera-expected-value",
            found = token_word(token)?
        ));
    }
    if let Some(token) = rest.strip_suffix(ENDIF) {
        return Some(msg!(
            "template-tera-expected-endif",
            found = token_word(token)?
        ));
    }
    if let Some(token) = rest.strip_suffix(MINUS) {
        return Some(msg!(
            "template-tera-minus-number",
            found = token_word(token)?
        ));
    }
    let (token, expected) = rest.split_once(" but expected ")?;
    let expected = expected.strip_suffix('.').unwrap_or(expected);
    Some(msg!(
        "template-tera-found-expected",
        found = token_word(token)?,
        expected = expected_word(expected)?
    ))
}

/// The messages of Tera's check of what templates name, made as they are
/// loaded, and of a filter that does not exist.
fn references(text: &str) -> Option<Said> {
    if let Some(name) = quoted_after(text, "Unknown filter ", "")
        .or_else(|| quoted_after(text, "Filter ", " is not registered"))
    {
        let hint = crate::diagnostic::nearest(name, super::FILTER_NAMES)
            .map(|near| msg!("template-did-you-mean", name = near));
        return Some(Said::just(msg!("template-tera-unknown-filter", name)).with_hint(hint));
    }
    let message = if let Some(name) = quoted_after(text, "Unknown test ", "") {
        msg!("template-tera-unknown-test", name)
    } else if let Some(name) = quoted_after(text, "Unknown function ", "") {
        msg!("template-tera-unknown-function", name)
    } else if let Some(name) = quoted_after(text, "Unknown component ", "") {
        msg!("template-tera-unknown-component", name)
    } else if let Some(name) = quoted_after(text, "Unknown template ", "") {
        msg!("template-tera-unknown-template", name)
    } else if let Some(name) =
        quoted_after(text, "Block ", " is not defined in any parent template")
    {
        msg!("template-tera-unknown-block", name)
    } else {
        return None;
    };
    Some(Said::just(message))
}

/// The messages Tera's renderer and its filters give.
fn rendering(text: &str) -> Option<Said> {
    // "Variable `x` is not defined. Available variables: a, b"
    if let Some(rest) = text.strip_prefix("Variable ")
        && let Some((name, after)) = ticked(rest)
    {
        if after == " exists but its value is undefined" {
            return Some(Said::just(msg!("template-tera-variable-no-value", name)));
        }
        let after = after.strip_prefix(" is not defined")?;
        let names = after
            .strip_prefix(". Available variables: ")
            .map(|names| msg!("template-tera-names-here", names));
        return Some(Said::just(msg!("template-not-defined", value = name)).with_hint(names));
    }
    // "Field `x` is not defined. Available fields: a, b"
    if let Some(rest) = text.strip_prefix("Field ")
        && let Some((field, after)) = ticked(rest)
    {
        let after = after.strip_prefix(" is not defined")?;
        let fields = after
            .strip_prefix(". Available fields: ")
            .map(|fields| msg!("template-fields-here", fields));
        return Some(Said::just(msg!("template-tera-field-undefined", field)).with_hint(fields));
    }
    let message = match text {
        "Tried to render a variable that is undefined" | "Tried to escape an undefined value" => {
            msg!("template-tera-print-undefined")
        }
        "Cannot index into an undefined value" => msg!("template-tera-index-undefined"),
        "Index expression is undefined" => msg!("template-tera-index-expression-undefined"),
        "Cannot slice an undefined value"
        | "Slice start is undefined"
        | "Slice end is undefined"
        | "Slice step is undefined" => msg!("template-tera-slice-undefined"),
        "Cannot divide by 0" => msg!("template-tera-divide-by-zero"),
        t => return rendering_with_names(t).map(Said::just),
    };
    Some(Said::just(message))
}

/// The messages of the renderer that name types or values.
fn rendering_with_names(text: &str) -> Option<Message> {
    if let Some(t) = quoted_after(text, "Iteration not possible on type ", "") {
        return Some(msg!("template-tera-not-iterable", kind = type_word(t)));
    }
    if let Some(t) = quoted_after(
        text,
        "Key/value iteration is not possible on type ",
        ", only on maps.",
    ) {
        return Some(msg!("template-tera-pairs-not-map", kind = type_word(t)));
    }
    if let Some(t) = quoted_after(
        text,
        "Math operations can only be done on numbers, found ",
        "",
    )
    .or_else(|| quoted_after(text, "Only numbers can be negated. This is a ", ""))
    .or_else(|| {
        quoted_after(
            text,
            "Only numbers can be used in arithmetic. This is a ",
            "",
        )
    }) {
        return Some(msg!("template-tera-math-not-number", kind = type_word(t)));
    }
    if let Some(rest) = text.strip_prefix("`+` requires both operands to be numbers, found ") {
        let (left, rest) = ticked(rest)?;
        let (right, _) = ticked(rest.strip_prefix(" and ")?)?;
        return Some(msg!(
            "template-tera-plus-not-numbers",
            left = type_word(left),
            right = type_word(right)
        ));
    }
    if let Some(rest) = text.strip_prefix("Cannot compare ") {
        let (left, rest) = ticked(rest)?;
        let (right, _) = ticked(rest.strip_prefix(" with ")?)?;
        return Some(msg!(
            "template-tera-cannot-compare",
            left = type_word(left),
            right = type_word(right)
        ));
    }
    if let Some(rest) = text.strip_prefix("Cannot sort: ") {
        let (left, rest) = ticked(rest)?;
        let (right, _) = ticked(rest.strip_prefix(" and ")?)?;
        return Some(msg!(
            "template-tera-cannot-sort",
            left = type_word(left),
            right = type_word(right)
        ));
    }
    if let Some(rest) = text.strip_prefix("Invalid type for the value, expected ") {
        let (expected, rest) = ticked(rest)?;
        let (got, _) = ticked(rest.strip_prefix(" but got ")?)?;
        return Some(msg!(
            "template-tera-wrong-type",
            expected = type_word(expected),
            got = type_word(got)
        ));
    }
    if let Some(name) = quoted_after(text, "Missing keyword argument ", "") {
        return Some(msg!("template-tera-missing-argument", name));
    }
    if let Some(rest) = text
        .strip_prefix("Value ")
        .or_else(|| text.strip_prefix("Number "))
        && let Some((value, after)) = ticked(rest)
        && after.starts_with(" is out of range for ")
    {
        return Some(msg!("template-tera-out-of-range", value));
    }
    if let Some((_, rest)) = text.split_once(" index must be an integer, got ") {
        let (t, _) = ticked(rest)?;
        return Some(msg!("template-tera-index-not-number", kind = type_word(t)));
    }
    if let Some(key) = text
        .strip_prefix("Map does not have a key ")
        .and_then(|rest| rest.strip_suffix(" and no default values were defined"))
    {
        return Some(msg!("template-tera-get-no-key", key));
    }
    if let Some(rest) = text.strip_prefix("The string ") {
        let (value, after) = ticked(rest)?;
        if after.starts_with(" cannot be converted to an int") {
            return Some(msg!("template-tera-not-whole-number", value));
        }
        if after.starts_with(" cannot be converted to a float") {
            return Some(msg!("template-tera-not-number", value));
        }
        return None;
    }
    if let Some(t) = text
        .strip_prefix("Value of type ")
        .and_then(|rest| rest.strip_suffix(" has no length"))
    {
        return Some(msg!("template-tera-no-length", kind = type_word(t)));
    }
    if let Some(rest) = text.strip_prefix("Value at index ") {
        let (index, rest) = rest.split_once(' ')?;
        let index: usize = index.parse().ok()?;
        let (_, field) = rest.split_once(" does not have an attribute at path: ")?;
        return Some(msg!(
            "template-tera-item-lacks-field",
            number = index + 1,
            field
        ));
    }
    if let Some(t) = quoted_after(
        text,
        "This filter can only be used on a number, received ",
        ".",
    ) {
        return Some(msg!(
            "template-tera-filter-needs-number",
            kind = type_word(t)
        ));
    }
    if let Some(rest) = text.strip_prefix("`in` cannot be used on a container of type ") {
        let (t, _) = ticked(rest)?;
        return Some(msg!("template-tera-in-not-container", kind = type_word(t)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    /// Tera's own messages, as Tera 2.4 words them, each recognised.
    const TERA_SAYS: &[&str] = &[
        "Found `%}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`",
        "Found `}` but expected }}.",
        "Found identifier but expected }}.",
        "Found `}}` but expected identifier.",
        "Found `%}` but was expecting `elif`, `else` or `endif`.",
        "Unexpected end of input",
        "Unknown tag",
        "String opened with `\"` is missing its closing `\"`",
        "Closing comment tag `#}` not found",
        "Unexpected character",
        "Invalid Integer",
        "unexpected escape character",
        "break can only be used in a for loop",
        "loop is a reserved keyword of Tera, it cannot be assigned to.",
        "in is a reserved keyword of Tera, it cannot be used as a loop variable.",
        "Keyword argument `a` is defined more than once",
        "Found invalid field of `loop`: foo. Only `index`, `index0`, `first`, `last` and `length` exist.",
        "block was named `a` in the opening tag, found `b` as name in the end tag",
        "`-` and `not` cannot be used consecutively.",
        "Unknown filter `dto`",
        "Unknown function `nosuch`",
        "Unknown test `nosuch`",
        "Unknown template `/etc/passwd`",
        "Variable `nope` is not defined. Available variables: l, m, n, s",
        "Variable `x` exists but its value is undefined",
        "Field `b` is not defined. Available fields: a",
        "Field `value` is not defined",
        "Invalid type for the value, expected `f64` but got `string`",
        "`+` requires both operands to be numbers, found `string` and `i64`",
        "Iteration not possible on type `i64`",
        "Key/value iteration is not possible on type `array`, only on maps.",
        "Cannot divide by 0",
        "Cannot compare `string` with `i64`",
        "The string `tekst` cannot be converted to an int in base 10",
        "Value of type i64 has no length",
        "Tried to render a variable that is undefined",
        "Array index must be an integer, got `string`.",
        "Map does not have a key z and no default values were defined",
        "Value at index 0 (a i64) does not have an attribute at path: x",
        "The string `tekst` cannot be converted to a float",
        "Slice end is undefined",
        "Cannot index into an undefined value",
        "Index expression is undefined",
        "Missing keyword argument `to`",
        "Value `-1` is out of range for `usize`",
    ];

    #[test]
    fn tera_s_messages_are_worded_in_the_catalogue() {
        for text in TERA_SAYS {
            let said = said(text);
            assert_ne!(said.message.id(), "foreign-said", "{text}");
            for lang in Lang::ALL {
                let worded = said.message.text(lang);
                assert!(!worded.contains("{$"), "{text}: {worded}");
                assert!(!worded.contains("template-"), "{text}: {worded}");
            }
        }
    }

    #[test]
    fn a_message_of_dokgen_s_comes_back_through_tera() {
        let message = msg!("template-kl-time", time = "halv seks");
        let err = carried(&message);
        assert_eq!(said(&err.to_string()).message, message);
    }

    #[test]
    fn what_is_not_known_is_tera_s_own() {
        let said = said("boom");
        assert_eq!(said.message.id(), "foreign-said");
        assert!(said.message.text(Lang::Da).contains("boom"));
    }

    #[test]
    fn the_parts_are_named_in_words() {
        let said = said(
            "Found `%}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`",
        );
        assert!(said.message.text(Lang::En).contains("`%}`"));
        let wrong = super::said("Invalid type for the value, expected `f64` but got `string`");
        assert_eq!(
            wrong.message.text(Lang::En),
            "the value is a text, but a number is needed here"
        );
        let names = super::said("Variable `nope` is not defined. Available variables: l, m");
        assert_eq!(names.message.text(Lang::En), "`nope` is not defined here");
        assert_eq!(names.hints.len(), 1);
    }
}
