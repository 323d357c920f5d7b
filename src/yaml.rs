//! The one place that knows which YAML crates dokgen uses.
//!
//! Everything else asks for a typed value from a file's text and gets either
//! the value or a [`Diagnostic`] that points at the line and column, and can
//! ask where any value of the file stands ([`Positions`]), so that a rule
//! broken by a well-typed fact still points at its line.
//!
//! serde_yaml does the typing; saphyr-parser, which reports the position of
//! every node, builds the index of positions.
//!
//! What the readers say is not passed on in their words ("did not find
//! expected '-' indicator", "invalid type: string, expected i64", chrono's
//! "trailing input"): `from_str` recognises their messages and says, in
//! the catalogue's words, what the user wrote and what is wanted ("the
//! line is indented less than the list it belongs to", "this must be a
//! whole number, not the text `tolv`", "the date 06-10-2025 has the day
//! first: write 2025-10-06"); a message it does not know is shown as the
//! tool's own (`foreign-said`). dokgen's own visitors refuse a value with
//! a [`Message`] through serde (`refuse`, `expecting`).

use std::collections::HashMap;
use std::path::Path;

use saphyr_parser::{Event, Parser, Span};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::diagnostic::{Diagnostic, Error};
use crate::message::Message;
use crate::msg;

/// Parses `text`, the content of `file`, into a `T`.
///
/// The file is screened first ([`screen`]): what serde_yaml would read
/// without a word, and wrongly, is refused at its line.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Error> {
    screen(text).map_err(|refusal| refusal.at(text, file))?;
    serde_yaml::from_str(text).map_err(|err| {
        let at = err.location().map(|l| (l.line(), l.column(), l.index()));
        let told = told(&err.to_string(), text, at);
        let mut diagnostic = Diagnostic::error(told.message).in_file(file);
        if let Some((_, _, index)) = at {
            diagnostic = diagnostic.at_offset(text, index);
        }
        for hint in told.hints {
            diagnostic = diagnostic.hint(hint);
        }
        diagnostic.into()
    })
}

/// `text` as a YAML value, for a file that is not read as facts (its
/// ids are looked for), or `None` where it is not YAML or is refused by
/// [`screen`] (an alias bomb would be expanded by serde_yaml).
pub(crate) fn value(text: &str) -> Option<serde_yaml::Value> {
    screen(text).ok()?;
    serde_yaml::from_str(text).ok()
}

/// What [`screen`] refuses, and where.
#[derive(Debug)]
pub struct Refusal {
    /// The 1-based line and column.
    at: (usize, usize),
    message: Message,
    hint: Message,
}

impl Refusal {
    fn at(self, text: &str, file: &Path) -> Error {
        let diagnostic = Diagnostic::error(self.message)
            .in_file(file)
            .at(self.at.0, self.at.1)
            .with_line_of(text);
        let snippet = diagnostic.snippet.as_deref().map(crate::unseen::shown);
        diagnostic
            .with_snippet(snippet.unwrap_or_default())
            .hint(self.hint)
            .into()
    }
}

/// How many more nodes than a file writes its aliases may add, beyond as
/// many as it writes: an anchor used a few times is a convenience, an
/// anchor used four hundred thousand times (2.8 MB of `- *a`) made
/// serde_yaml build 3.5 GB.
const ALIAS_ALLOWANCE: u64 = 10_000;

/// Refuses what serde_yaml would read without a word, before it reads:
///
/// - a key given twice in one mapping, at any depth, also written in
///   another form YAML reads as equal (`2024`, `+2024`, `0x7E8`, `"2024"`
///   as a year; `vallensbaek` and `"vallensbaek"` as an id). serde keeps
///   the last; a reviewer reads the first. The second is refused, at its
///   line.
/// - a character that turns the direction of text or does not show
///   ([`crate::unseen`]) in a value or key, also where an escape in
///   quotes writes it (`"\u202E"`).
/// - aliases that would make the file much larger than it is written
///   ([`ALIAS_ALLOWANCE`]): serde_yaml expands every alias.
///
/// A file that does not parse passes: serde_yaml reports its syntax error.
/// But a file that serde_yaml reads and this screen's parser does not is
/// refused: the two read YAML apart there (a quoted text continued on
/// lines indented less than its key, which libyaml takes), and what the
/// screen cannot read it cannot vouch for.
pub fn screen(text: &str) -> Result<(), Refusal> {
    let mut screen = Screen::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(read) => read,
            Err(err) => {
                // Read without building values: only whether it reads.
                if serde_yaml::from_str::<serde::de::IgnoredAny>(text).is_err() {
                    return Ok(());
                }
                let marker = err.marker();
                return Err(Refusal {
                    at: (marker.line(), marker.col() + 1),
                    message: msg!("yaml-read-apart", detail = apart(err.info())),
                    hint: msg!("yaml-read-apart-hint"),
                });
            }
        };
        screen.event(&event, (span.start.line(), span.start.col() + 1))?;
    }
    Ok(())
}

/// A key as YAML reads it, in each form that could equal another's: its
/// text, and for a plain scalar the number, truth or null it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Form {
    Text(String),
    Int(i128),
    Float(u64),
    Bool(bool),
    Null,
}

impl Form {
    fn of(text: &str, plain: bool) -> Vec<Form> {
        let mut forms = vec![Form::Text(text.to_owned())];
        if plain && let Some(resolved) = resolve(text) {
            // A number, truth or null also equals the text it is written
            // as canonically, as a map keyed by texts may read it.
            match &resolved {
                Form::Int(n) => forms.push(Form::Text(n.to_string())),
                Form::Bool(b) => forms.push(Form::Text(b.to_string())),
                Form::Null => forms.push(Form::Text("null".to_owned())),
                _ => {}
            }
            forms.push(resolved);
        }
        forms
    }
}

/// What a plain scalar resolves to under YAML 1.2's core schema, as
/// serde_yaml reads numbers (a sign, `0x`, `0o`, `0b`, leading zeros).
fn resolve(text: &str) -> Option<Form> {
    match text {
        "null" | "Null" | "NULL" | "~" | "" => return Some(Form::Null),
        "true" | "True" | "TRUE" => return Some(Form::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Form::Bool(false)),
        _ => {}
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, digits) = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|&(prefix, radix)| unsigned.strip_prefix(prefix).map(|d| (radix, d)))
        .unwrap_or((10, unsigned));
    if !digits.is_empty()
        && !digits.starts_with(['+', '-'])
        && let Ok(int) = i128::from_str_radix(digits, radix)
    {
        return Some(Form::Int(if negative { -int } else { int }));
    }
    let float: f64 = match text.trim_start_matches('+') {
        ".inf" | ".Inf" | ".INF" => f64::INFINITY,
        "-.inf" | "-.Inf" | "-.INF" => f64::NEG_INFINITY,
        t => t.parse().ok().filter(|f: &f64| !f.is_nan())?,
    };
    // 0.0 and -0.0 are one key.
    Some(Form::Float((float + 0.0).to_bits()))
}

#[derive(Default)]
struct Screen {
    stack: Vec<Node>,
    /// The size of each anchored node, in nodes, by anchor id.
    anchors: HashMap<usize, u64>,
    /// Nodes written in the file.
    written: u64,
    /// Nodes the aliases add.
    added: u64,
}

/// A mapping or sequence being read.
struct Node {
    anchor: usize,
    /// The node count when it started.
    from: u64,
    /// For a mapping: its keys so far.
    keys: Option<Keys>,
}

/// The keys of a mapping being read.
#[derive(Default)]
struct Keys {
    /// Each form of each key, with the line and column of the key.
    seen: HashMap<Form, (usize, usize)>,
    /// Whether the next node is a key (not a value).
    next_is_key: bool,
}

impl Screen {
    fn nodes(&self) -> u64 {
        self.written + self.added
    }

    fn event(&mut self, event: &Event<'_>, at: (usize, usize)) -> Result<(), Refusal> {
        // A tag (`!name`, with `%1A`-style escapes) names an enum's variant
        // to serde: it is text a reader does not see as such either.
        if let Event::Scalar(_, _, _, Some(tag))
        | Event::MappingStart(_, Some(tag))
        | Event::SequenceStart(_, Some(tag)) = event
            && let Some((_, c)) = crate::unseen::find(&format!("{}{}", tag.handle, tag.suffix))
        {
            return Err(Refusal {
                at,
                message: crate::unseen::message(c),
                hint: crate::unseen::hint(),
            });
        }
        match event {
            Event::Scalar(text, style, anchor, _) => {
                if let Some((_, c)) = crate::unseen::find(text) {
                    return Err(Refusal {
                        at,
                        message: crate::unseen::message(c),
                        hint: crate::unseen::hint(),
                    });
                }
                self.written += 1;
                if *anchor != 0 {
                    self.anchors.insert(*anchor, 1);
                }
                let plain = matches!(style, saphyr_parser::ScalarStyle::Plain);
                self.complete(Some(Form::of(text, plain)), at)
            }
            Event::Alias(anchor) => {
                // An alias inside the value it names stands for a value
                // without end, which readers unroll each their own way.
                if self.stack.iter().any(|node| node.anchor == *anchor) {
                    return Err(Refusal {
                        at,
                        message: msg!("yaml-alias-inside"),
                        hint: msg!("yaml-alias-inside-hint"),
                    });
                }
                self.written += 1;
                let size = self.anchors.get(anchor).copied().unwrap_or(1);
                self.added += size.saturating_sub(1);
                if self.added > self.written + ALIAS_ALLOWANCE {
                    return Err(Refusal {
                        at,
                        message: msg!("yaml-aliases-multiply", count = self.added),
                        hint: msg!("yaml-aliases-multiply-hint", allowance = ALIAS_ALLOWANCE),
                    });
                }
                // An alias used as a key is compared by nothing: its text
                // is the anchored scalar's, which was compared where it
                // stood.
                self.complete(None, at)
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                // A mapping or list as a key (`? { a: 1 }`): no fact has
                // one, and two readers may not agree on when two are alike.
                if let Some(Node {
                    keys:
                        Some(Keys {
                            next_is_key: true, ..
                        }),
                    ..
                }) = self.stack.last()
                {
                    return Err(Refusal {
                        at,
                        message: msg!("yaml-key-not-text"),
                        hint: msg!("yaml-key-not-text-hint"),
                    });
                }
                self.written += 1;
                let keys = matches!(event, Event::MappingStart(..)).then(|| Keys {
                    seen: HashMap::new(),
                    next_is_key: true,
                });
                self.stack.push(Node {
                    anchor: *anchor,
                    from: self.nodes() - 1,
                    keys,
                });
                Ok(())
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(node) = self.stack.pop()
                    && node.anchor != 0
                {
                    let size = self.nodes() - node.from;
                    self.anchors.insert(node.anchor, size);
                }
                self.complete(None, at)
            }
            _ => Ok(()),
        }
    }

    /// A node has been read; if it is a key, `forms` are its forms.
    fn complete(&mut self, forms: Option<Vec<Form>>, at: (usize, usize)) -> Result<(), Refusal> {
        let Some(Node {
            keys: Some(Keys { seen, next_is_key }),
            ..
        }) = self.stack.last_mut()
        else {
            return Ok(());
        };
        let was_key = *next_is_key;
        *next_is_key = !*next_is_key;
        if !was_key {
            return Ok(());
        }
        let Some(forms) = forms else {
            return Ok(());
        };
        if let Some((first, _)) = forms.iter().find_map(|f| seen.get(f)) {
            let shown = match &forms[0] {
                Form::Text(t) => t.clone(),
                other => format!("{other:?}"),
            };
            return Err(Refusal {
                at,
                message: msg!("yaml-key-twice", key = shown, first = *first),
                hint: msg!("yaml-key-twice-hint"),
            });
        }
        for form in forms {
            seen.insert(form, at);
        }
        Ok(())
    }
}

/// A message of serde, serde_yaml or chrono in dokgen's words: what the
/// user wrote and what is wanted, and what to do.
struct Told {
    message: Message,
    hints: Vec<Message>,
}

impl Told {
    fn new(message: Message) -> Self {
        Self {
            message,
            hints: Vec::new(),
        }
    }

    fn hint(mut self, hint: Message) -> Self {
        self.hints.push(hint);
        self
    }
}

/// What dokgen says for serde_yaml's error `raw` (as serde_yaml words
/// it), met in `text` at `at` (its 1-based line and column, and its byte
/// offset), if serde_yaml knows where.
fn told(raw: &str, text: &str, at: Option<(usize, usize, usize)>) -> Told {
    let index = at.map(|(_, _, index)| index.min(text.len()));
    let line = index.map_or("", |i| line_around(text, i));
    let column = at.map_or(1, |(_, column, _)| column);
    let mut told = match libyaml(raw) {
        Some((problem, context)) => syntax(problem, context, text, at, line),
        None => {
            let body = without_location(raw, at);
            match split_path(body) {
                Some((path, rest)) => {
                    let told = about_value(rest, text, index);
                    Told {
                        message: msg!("yaml-at", path, what = told.message),
                        hints: told.hints,
                    }
                }
                None => about_value(body, text, index),
            }
        }
    };
    // A tab among the spaces of the indentation, whatever the message.
    let indent: String = line
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .collect();
    let tab = msg!("yaml-tab-hint");
    if (indent.contains('\t') || line.chars().nth(column.saturating_sub(1)) == Some('\t'))
        && !told.hints.contains(&tab)
    {
        told.hints.insert(0, tab);
    }
    told
}

/// The line of `text` around byte `index`.
fn line_around(text: &str, index: usize) -> &str {
    let index = (0..=index)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let start = text[..index].rfind('\n').map_or(0, |i| i + 1);
    let end = text[index..].find('\n').map_or(text.len(), |i| index + i);
    text[start..end].trim_end_matches('\r')
}

/// `raw` without the " at line L column C" serde_yaml ends it with.
fn without_location(raw: &str, at: Option<(usize, usize, usize)>) -> &str {
    let Some((line, column, _)) = at else {
        return raw;
    };
    let suffix = format!(" at line {line} column {column}");
    raw.strip_suffix(suffix.as_str()).unwrap_or(raw)
}

/// The problems libyaml reports, as it words them: a syntax error.
const LIBYAML: &[&str] = &[
    "block sequence entries are not allowed in this context",
    "control characters are not allowed",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find URI escaped octet",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected '!'",
    "did not find expected '-' indicator",
    "did not find expected <document start>",
    "did not find expected <stream-start>",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected digit or '.' character",
    "did not find expected hexadecimal number",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected tag URI",
    "did not find expected version number",
    "did not find expected whitespace",
    "did not find expected whitespace or line break",
    "did not find the expected '>'",
    "expected low surrogate area",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "found an indentation indicator equal to 0",
    "found character that cannot start any token",
    "found duplicate %TAG directive",
    "found duplicate %YAML directive",
    "found extremely long version number",
    "found incompatible YAML document",
    "found invalid Unicode character escape code",
    "found undefined tag handle",
    "found unexpected ':'",
    "found unexpected document indicator",
    "found unexpected end of stream",
    "found unexpected non-alphabetical character",
    "found unknown directive name",
    "found unknown escape character",
    "incomplete UTF-16 character",
    "incomplete UTF-16 surrogate pair",
    "incomplete UTF-8 octet sequence",
    "input error",
    "input is too long",
    "invalid Unicode character",
    "invalid leading UTF-8 octet",
    "invalid length of a UTF-8 sequence",
    "invalid trailing UTF-8 octet",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
    "unexpected low surrogate area",
];

/// Where libyaml was when it met its problem: "while parsing a flow
/// sequence", and that construct's 1-based line and column if given.
struct Context<'a> {
    what: &'a str,
    at: Option<(usize, usize)>,
}

/// libyaml's problem and its context, if `raw` is one of libyaml's
/// messages ("did not find expected ',' or ']' at line 5 column 8, while
/// parsing a flow sequence at line 4 column 3").
fn libyaml(raw: &str) -> Option<(&str, Option<Context<'_>>)> {
    let end = [" at line ", " at position ", ", "]
        .iter()
        .filter_map(|m| raw.find(m))
        .min()
        .unwrap_or(raw.len());
    let problem = &raw[..end];
    if !LIBYAML.contains(&problem) {
        return None;
    }
    let rest = &raw[end..];
    let context = rest.find(", ").map(|i| {
        let context = &rest[i + 2..];
        match context.find(" at line ") {
            Some(at) => Context {
                what: &context[..at],
                at: line_and_column(&context[at + " at line ".len()..]),
            },
            None => Context {
                what: context.split(" at position ").next().unwrap_or(context),
                at: None,
            },
        }
    });
    Some((problem, context))
}

/// "4 column 3" as (4, 3).
fn line_and_column(text: &str) -> Option<(usize, usize)> {
    let (line, column) = text.split_once(" column ")?;
    let column: String = column.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// A syntax error in dokgen's words.
fn syntax(
    problem: &str,
    context: Option<Context<'_>>,
    text: &str,
    at: Option<(usize, usize, usize)>,
    line: &str,
) -> Told {
    let (here_line, here_column) = at.map_or((1, 1), |(l, c, _)| (l, c));
    let here = at.map_or("", |(_, _, index)| text.get(index..).unwrap_or_default());
    let context_what = context.as_ref().map_or("", |c| c.what);
    let (opened_line, opened_column) = context
        .as_ref()
        .and_then(|c| c.at)
        .unwrap_or((here_line, here_column));
    let plainly = msg!("yaml-syntax-hint");
    match problem {
        "found a tab character that violates indentation"
        | "found a tab character where an indentation space is expected" => {
            Told::new(msg!("yaml-tab")).hint(msg!("yaml-tab-hint"))
        }
        "found character that cannot start any token" => match here.chars().next() {
            Some('\t') | None => Told::new(msg!("yaml-tab")).hint(msg!("yaml-tab-hint")),
            Some(c) => {
                // In backticks, as a name; a backtick itself in double ones.
                let character = match c {
                    '`' => "`` ` ``".to_owned(),
                    c => format!("`{c}`"),
                };
                Told::new(msg!("yaml-cannot-begin", character)).hint(msg!("yaml-quote-hint"))
            }
        },
        "did not find expected ',' or ']'" => {
            Told::new(msg!("yaml-list-not-closed", line = opened_line))
                .hint(msg!("yaml-list-not-closed-hint"))
        }
        "did not find expected ',' or '}'" => {
            Told::new(msg!("yaml-fields-not-closed", line = opened_line))
                .hint(msg!("yaml-fields-not-closed-hint"))
        }
        "did not find expected node content" => Told::new(msg!("yaml-no-value")).hint(plainly),
        "mapping values are not allowed in this context" => {
            Told::new(msg!("yaml-colon-in-value")).hint(plainly)
        }
        "block sequence entries are not allowed in this context" => {
            Told::new(msg!("yaml-dash-after-field")).hint(plainly)
        }
        "did not find expected '-' indicator" => {
            let told = if here_column > opened_column {
                msg!("yaml-list-indented-less", line = opened_line)
            } else {
                msg!("yaml-list-without-dash", line = opened_line)
            };
            Told::new(told).hint(msg!("yaml-list-hint"))
        }
        "did not find expected key" => {
            let before = line
                .chars()
                .take(here_column.saturating_sub(1))
                .collect::<String>();
            let before = before.trim_end();
            if line.trim_start().starts_with('-') && before.trim().is_empty() {
                Told::new(msg!("yaml-list-item-misplaced")).hint(msg!("yaml-list-hint"))
            } else if before.ends_with(['"', '\'']) && !before.trim().is_empty() {
                Told::new(msg!("yaml-after-quote")).hint(msg!("yaml-quote-hint"))
            } else {
                Told::new(msg!("yaml-field-expected")).hint(plainly)
            }
        }
        "could not find expected ':'" => {
            Told::new(msg!("yaml-colon-missing", line = opened_line)).hint(plainly)
        }
        "found unexpected end of stream" | "found unexpected document indicator"
            if context_what.contains("quoted scalar") =>
        {
            Told::new(msg!("yaml-quote-not-closed", line = opened_line))
                .hint(msg!("yaml-quote-not-closed-hint"))
        }
        "found unexpected end of stream" => Told::new(msg!("yaml-ends-early")).hint(plainly),
        "found unknown escape character" | "did not find expected hexadecimal number" => {
            // From the backslash that begins it (a `\u` wants four digits).
            let before = at.map_or("", |(_, _, index)| text.get(..index).unwrap_or_default());
            let from = before
                .rfind('\\')
                .filter(|b| !before[*b..].contains('\n'))
                .map_or(here, |b| &text[b..]);
            let escape: String = from.chars().take(2).collect();
            Told::new(msg!("yaml-unknown-escape", escape)).hint(msg!("yaml-escape-hint"))
        }
        "found unexpected ':'" => Told::new(msg!("yaml-colon-in-value")).hint(plainly),
        "could not find expected directive name"
        | "found unknown directive name"
        | "found unexpected non-alphabetical character"
        | "did not find expected whitespace or line break"
        | "mapping keys are not allowed in this context"
            if context_what.contains("directive")
                || context_what.contains("tag")
                || problem.starts_with("mapping keys") =>
        {
            let character = if context_what.contains("directive") {
                "`%`"
            } else if context_what.contains("tag") {
                "`!`"
            } else {
                "`?`"
            };
            Told::new(msg!("yaml-cannot-begin", character)).hint(msg!("yaml-quote-hint"))
        }
        "found an indentation indicator equal to 0" => {
            Told::new(msg!("yaml-after-block-sign")).hint(plainly)
        }
        "did not find expected comment or line break" if context_what.contains("block scalar") => {
            Told::new(msg!("yaml-after-block-sign")).hint(plainly)
        }
        "did not find expected alphabetic or numeric character"
            if context_what.contains("alias") || context_what.contains("anchor") =>
        {
            let character = if context_what.contains("alias") {
                "`*`"
            } else {
                "`&`"
            };
            Told::new(msg!("yaml-alias-start", character)).hint(msg!("yaml-quote-hint"))
        }
        _ => Told::new(msg!("foreign-said", tool = "libyaml", text = problem)).hint(plainly),
    }
}

/// What saphyr-parser's message `info` says, where serde_yaml read the
/// file and saphyr-parser did not.
fn apart(info: &str) -> Message {
    match info {
        "invalid indentation in quoted scalar" => msg!("yaml-apart-quoted"),
        "invalid indentation in flow construct" => msg!("yaml-apart-flow"),
        "misplaced bracket" => msg!("yaml-apart-bracket"),
        "comments must be separated from other tokens by whitespace" => msg!("yaml-apart-comment"),
        "plain scalar cannot start with '-' followed by ,[]{}" => msg!("yaml-apart-dash"),
        "invalid indentation" => msg!("yaml-apart-indentation"),
        "':' must be followed by a valid YAML whitespace" => msg!("yaml-apart-colon"),
        "invalid trailing content after double-quoted scalar" => msg!("yaml-after-quote"),
        "while scanning a plain scalar, found a tab"
        | "tabs disallowed within this context (block indentation)"
        | "tabs disallowed in this context"
        | "tab cannot be used as indentation" => msg!("yaml-tab"),
        _ => msg!("foreign-said", tool = "saphyr", text = info),
    }
}

/// The phrases of serde's errors, and chrono's, that a message about a
/// value begins with, after the path of the value.
const VALUE_PHRASES: &[&str] = &[
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    "unknown variant `",
    "unknown field `",
    "missing field `",
    "duplicate field `",
    CARRIED,
];

/// The path serde_yaml puts before a message about a value
/// (`municipalities.ishoej.population[1].value`), and the message.
fn split_path(body: &str) -> Option<(&str, &str)> {
    for (i, _) in body.match_indices(": ") {
        let rest = &body[i + 2..];
        if VALUE_PHRASES.iter().any(|p| rest.starts_with(p)) || CHRONO.contains(&rest) {
            return Some((&body[..i], rest));
        }
    }
    if VALUE_PHRASES.iter().any(|p| body.starts_with(p)) {
        return None;
    }
    // A message of a visitor: a path has no spaces.
    let (path, rest) = body.split_once(": ")?;
    (!path.is_empty() && !path.contains(char::is_whitespace)).then_some((path, rest))
}

/// chrono's messages for a date it cannot read.
const CHRONO: &[&str] = &[
    "input is out of range",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "input is not enough for unique date and time",
    "no possible date and time matching input",
    "bad or unsupported format string",
    "impossible",
];

/// serde's, serde_yaml's or chrono's message `body` about a value, or
/// about the file as a whole, in dokgen's words.
fn about_value(body: &str, text: &str, index: Option<usize>) -> Told {
    let written = index.and_then(|i| scalar_at(text, i));
    if let Some((carried, _)) = carried(body).filter(|_| body.starts_with(CARRIED)) {
        return Told {
            message: carried.message,
            hints: carried.hints,
        };
    }
    if CHRONO.contains(&body) {
        return date(body, written.as_deref());
    }
    if let Some(rest) = body.strip_prefix("invalid type: ") {
        return typed(rest, false);
    }
    if let Some(rest) = body.strip_prefix("invalid value: ") {
        return typed(rest, true);
    }
    if let Some(value) = between(body, "unknown variant `", "`") {
        let mut told = Told::new(msg!("yaml-unknown-value", value));
        let expected = expected_names(body);
        let known: Vec<&str> = expected.iter().map(String::as_str).collect();
        match crate::diagnostic::nearest(value, &known) {
            Some(name) => told = told.hint(msg!("yaml-did-you-mean", name)),
            None if !known.is_empty() => {
                told = told.hint(msg!(
                    "yaml-values-here",
                    values = crate::diagnostic::code_list(&known)
                ));
            }
            None => {}
        }
        return told;
    }
    if let Some(field) = between(body, "unknown field `", "`") {
        let mut told = Told::new(msg!("yaml-unknown-field", field));
        let expected = expected_names(body);
        let known: Vec<&str> = expected.iter().map(String::as_str).collect();
        match crate::diagnostic::nearest(field, &known) {
            Some(name) => told = told.hint(msg!("yaml-did-you-mean", name)),
            None if !known.is_empty() => {
                told = told.hint(msg!(
                    "yaml-fields-here",
                    fields = crate::diagnostic::code_list(&known)
                ));
            }
            None => {}
        }
        return told;
    }
    if let Some(field) = body
        .strip_prefix("missing field `")
        .and_then(|f| f.strip_suffix('`'))
    {
        return Told::new(msg!("yaml-missing-field", field))
            .hint(msg!("yaml-missing-field-hint", field));
    }
    if let Some(field) = body
        .strip_prefix("duplicate field `")
        .and_then(|f| f.strip_suffix('`'))
    {
        return Told::new(msg!("yaml-duplicate-field", field)).hint(msg!("yaml-key-twice-hint"));
    }
    match body {
        "EOF while parsing a value" => Told::new(msg!("yaml-empty")),
        "recursion limit exceeded" => {
            Told::new(msg!("yaml-too-deep")).hint(msg!("yaml-too-deep-hint"))
        }
        "repetition limit exceeded" => Told::new(msg!("yaml-aliases-repeat")).hint(msg!(
            "yaml-aliases-multiply-hint",
            allowance = ALIAS_ALLOWANCE
        )),
        "unknown anchor" => {
            let alias = written.unwrap_or_default();
            Told::new(msg!("yaml-unknown-anchor", alias)).hint(msg!("yaml-quote-hint"))
        }
        _ if body.starts_with("deserializing from YAML containing more than one document") => {
            Told::new(msg!("yaml-documents")).hint(msg!("yaml-documents-hint"))
        }
        _ => Told::new(msg!("foreign-said", tool = "serde_yaml", text = body)),
    }
}

/// What serde found where it wanted another kind of value.
enum Found {
    Text(String),
    Integer(String),
    Decimal(String),
    Bool(String),
    List,
    Fields,
    Nothing,
}

/// What serde wanted.
enum Wanted {
    /// A whole number of a Rust type: `u32`.
    Whole(&'static str),
    Number,
    Text,
    Bool,
    List,
    /// Fields, of a struct if named.
    Fields(Option<String>),
    OneValue,
    /// The name of a field, as a key.
    FieldName,
    Date,
    /// What a visitor of dokgen's expects, with its hints.
    Said(Message, Vec<Message>),
}

impl Found {
    /// serde's `Unexpected`, as it words it: `string "x"`, `integer `5``.
    fn read(text: &str) -> Option<(Found, &str)> {
        if let Some(rest) = text.strip_prefix("string \"") {
            let (value, rest) = debug_string(rest)?;
            return Some((Found::Text(value), rest));
        }
        let ticked = |prefix: &str| -> Option<(String, &str)> {
            let rest = text.strip_prefix(prefix)?.strip_prefix('`')?;
            let end = rest.find('`')?;
            let mut after = &rest[end + 1..];
            for width in [" as u128", " as i128"] {
                after = after.strip_prefix(width).unwrap_or(after);
            }
            Some((rest[..end].to_owned(), after))
        };
        if let Some((n, rest)) = ticked("integer ") {
            return Some((Found::Integer(n), rest));
        }
        if let Some((f, rest)) = ticked("floating point ") {
            return Some((Found::Decimal(f), rest));
        }
        if let Some((b, rest)) = ticked("boolean ") {
            return Some((Found::Bool(b), rest));
        }
        if let Some((c, rest)) = ticked("character ") {
            return Some((Found::Text(c), rest));
        }
        for (word, found) in [
            ("sequence", Found::List),
            ("map", Found::Fields),
            ("unit value", Found::Nothing),
            ("Option value", Found::Nothing),
        ] {
            if let Some(rest) = text.strip_prefix(word) {
                return Some((found, rest));
            }
        }
        None
    }

    fn message(&self) -> Message {
        match self {
            Found::Text(value) => msg!("yaml-found-text", value = value.as_str()),
            Found::Integer(value) => msg!("yaml-found-number", value = value.as_str()),
            Found::Decimal(value) => msg!("yaml-found-decimal", value = value.as_str()),
            Found::Bool(value) => msg!("yaml-found-bool", value = value.as_str()),
            Found::List => msg!("yaml-found-list"),
            Found::Fields => msg!("yaml-found-fields"),
            Found::Nothing => msg!("yaml-found-nothing"),
        }
    }
}

impl Wanted {
    /// serde's `Expected`, as a type or a visitor words it.
    fn read(text: &str) -> Option<Wanted> {
        if let Some((carried, _)) = carried(text) {
            return Some(Wanted::Said(carried.message, carried.hints));
        }
        const WHOLE: &[&str] = &[
            "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128",
        ];
        if let Some(t) = WHOLE.iter().find(|t| **t == text) {
            return Some(Wanted::Whole(t));
        }
        if let Some(name) = text.strip_prefix("struct ") {
            return Some(Wanted::Fields(Some(name.to_owned())));
        }
        Some(match text {
            "f32" | "f64" => Wanted::Number,
            "a string" | "a borrowed string" | "string" | "a text" | "a character" | "char" => {
                Wanted::Text
            }
            "a boolean" => Wanted::Bool,
            "a sequence" => Wanted::List,
            "a map" => Wanted::Fields(None),
            "a YAML tag starting with '!'" | "variant identifier" => Wanted::OneValue,
            "field identifier" => Wanted::FieldName,
            "a formatted date string" => Wanted::Date,
            t if t.starts_with("enum ") => Wanted::OneValue,
            _ => return None,
        })
    }

    fn message(&self) -> Message {
        match self {
            Wanted::Whole(_) => msg!("yaml-wanted-whole"),
            Wanted::Number => msg!("yaml-wanted-number"),
            Wanted::Text => msg!("yaml-wanted-text"),
            Wanted::Bool => msg!("yaml-wanted-bool"),
            Wanted::List => msg!("yaml-wanted-list"),
            Wanted::Fields(_) => msg!("yaml-wanted-fields"),
            Wanted::OneValue => msg!("yaml-wanted-one-value"),
            Wanted::FieldName => msg!("yaml-wanted-field-name"),
            Wanted::Date => msg!("yaml-wanted-date"),
            Wanted::Said(message, _) => message.clone(),
        }
    }

    /// The smallest and largest whole number of its type.
    fn range(&self) -> Option<(&'static str, &'static str)> {
        let Wanted::Whole(t) = self else {
            return None;
        };
        Some(match *t {
            "u8" => ("0", "255"),
            "u16" => ("0", "65535"),
            "u32" => ("0", "4294967295"),
            "u64" => ("0", "18446744073709551615"),
            "u128" => ("0", "340282366920938463463374607431768211455"),
            "i8" => ("-128", "127"),
            "i16" => ("-32768", "32767"),
            "i32" => ("-2147483648", "2147483647"),
            "i64" => ("-9223372036854775808", "9223372036854775807"),
            _ => return None,
        })
    }
}

/// serde's "invalid type: <found>, expected <wanted>" (or "invalid
/// value: …") after its first words, in dokgen's.
fn typed(rest: &str, value: bool) -> Told {
    let read = Found::read(rest).and_then(|(found, after)| {
        let wanted = after.strip_prefix(", expected ")?;
        Some((found, Wanted::read(wanted)?))
    });
    let Some((found, wanted)) = read else {
        let words = if value {
            "invalid value: "
        } else {
            "invalid type: "
        };
        return Told::new(msg!(
            "foreign-said",
            tool = "serde",
            text = format!("{words}{rest}")
        ));
    };
    let mut told = match (&found, wanted.range()) {
        (Found::Integer(number), Some((min, max))) => Told::new(msg!(
            "yaml-number-out-of-range",
            number = number.as_str(),
            min,
            max
        )),
        (Found::Nothing, _) => {
            Told::new(msg!("yaml-wanted-but-nothing", wanted = wanted.message()))
        }
        _ => Told::new(msg!(
            "yaml-wanted-not",
            wanted = wanted.message(),
            found = found.message()
        )),
    };
    match (&found, &wanted) {
        (Found::Decimal(_), Wanted::Whole(_)) => told = told.hint(msg!("yaml-thousands-hint")),
        (Found::Text(_) | Found::Bool(_), Wanted::Whole(_)) => {
            told = told.hint(msg!("yaml-digits-hint"));
        }
        (_, Wanted::Fields(Some(name))) => match name.as_str() {
            "ActNumber" => told = told.hint(msg!("yaml-act-hint")),
            "Closed" => told = told.hint(msg!("yaml-closed-hint")),
            "Provision" => told = told.hint(msg!("yaml-provision-hint")),
            _ => {}
        },
        (_, Wanted::Date) => told = told.hint(msg!("yaml-date-hint")),
        (_, Wanted::Said(_, hints)) => {
            for hint in hints {
                told = told.hint(hint.clone());
            }
        }
        _ => {}
    }
    told
}

/// The text of a string as Rust's `{:?}` writes it, after its opening
/// quote, and what follows its closing quote.
fn debug_string(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                '0' => out.push('\0'),
                'u' => {
                    let (_, open) = chars.next()?;
                    if open != '{' {
                        return None;
                    }
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        if h == '}' {
                            break;
                        }
                        hex.push(h);
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// The scalar written at byte `index` of `text`, as written: without its
/// quotes, and, if plain, up to the end of its line, a comment, or (in
/// `[…]` or `{…}`) a comma or bracket.
fn scalar_at(text: &str, index: usize) -> Option<String> {
    let rest = text.get(index..)?;
    let line = rest
        .split('\n')
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r');
    if let Some(quoted) = line.strip_prefix('"') {
        return quoted.split('"').next().map(str::to_owned);
    }
    if let Some(quoted) = line.strip_prefix('\'') {
        return quoted.split('\'').next().map(str::to_owned);
    }
    let in_flow = text[..index]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.contains(['[', '{']));
    let mut value = line.split(" #").next().unwrap_or_default();
    if in_flow {
        value = value.split([',', ']', '}']).next().unwrap_or_default();
    }
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// What is wrong with `written` as a date, `YYYY-MM-DD`, in the words a
/// fact file's date gets (for a date on the command line); `None` if it
/// is one.
pub fn date_problem(written: &str) -> Option<Message> {
    let why = chrono::NaiveDate::parse_from_str(written, "%Y-%m-%d").err()?;
    Some(date(&why.to_string(), Some(written)).message)
}

/// chrono's message `why` about the date `written`, in dokgen's words.
fn date(why: &str, written: Option<&str>) -> Told {
    let hint = msg!("yaml-date-hint");
    let Some(written) = written else {
        return Told::new(msg!("yaml-date-unreadable-here")).hint(hint);
    };
    let date = written;
    let numbers = |separator: char| -> Option<Vec<u32>> {
        let parts: Vec<&str> = written.split(separator).collect();
        let all_digits = parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
        all_digits.then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
    };
    // Day first, as a Danish hand writes it: 06-10-2025, 6.10.2025, 6/10/2025.
    for separator in ['-', '.', '/'] {
        if let Some(n) = numbers(separator)
            && n.len() == 3
            && written
                .split(separator)
                .nth(2)
                .is_some_and(|y| y.len() == 4)
            && written
                .split(separator)
                .next()
                .is_some_and(|d| d.len() <= 2)
        {
            let (day, month, year) = (n[0], n[1], n[2]);
            let iso = format!("{year:04}-{month:02}-{day:02}");
            return Told::new(msg!("yaml-date-day-first", date, iso)).hint(hint);
        }
    }
    if let Some(n) = numbers('-')
        && n.len() == 3
        && written.split('-').next().is_some_and(|y| y.len() == 4)
    {
        let (year, month, day) = (n[0], n[1], n[2]);
        if !(1..=12).contains(&month) {
            return Told::new(msg!("yaml-date-no-month", date, month)).hint(hint);
        }
        let days = (28..=31)
            .rev()
            .find(|d| chrono::NaiveDate::from_ymd_opt(year as i32, month, *d).is_some());
        if let Some(days) = days
            && (day == 0 || day > days)
        {
            return Told::new(msg!("yaml-date-no-day", date, days)).hint(hint);
        }
    }
    if why == "premature end of input" {
        return Told::new(msg!("yaml-date-incomplete", date)).hint(hint);
    }
    Told::new(msg!("yaml-date-unreadable", date)).hint(hint)
}

/// A message carried through serde as text: dokgen's own visitors and
/// checks refuse a value with a [`Message`], and serde hands on only text.
/// It is written after [`CARRIED`] as JSON, and read back by [`told`].
#[derive(serde::Serialize, Deserialize)]
struct Carried {
    message: Message,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hints: Vec<Message>,
}

/// What opens a carried message: a character no YAML value holds as it
/// is (serde writes a value as `"\0"`).
const CARRIED: &str = "\u{0}dokgen:";

/// `message` (and `hints`) as text that [`from_str`] reads back.
fn carry(message: Message, hints: Vec<Message>) -> String {
    let json = serde_json::to_string(&Carried { message, hints }).unwrap_or_default();
    format!("{CARRIED}{json}")
}

/// The message carried in `text`, if it holds one, and what follows it.
fn carried(text: &str) -> Option<(Carried, &str)> {
    let start = text.find(CARRIED)? + CARRIED.len();
    let mut stream = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Carried>();
    let carried = stream.next()?.ok()?;
    let end = start + stream.byte_offset();
    Some((carried, &text[end..]))
}

/// An error of a visitor or a `deserialize_with` that refuses a value,
/// with dokgen's `message` and `hint`: `yaml::refuse(msg!(…), Some(msg!(…)))`.
/// Read through [`from_str`], the diagnostic says them at the value.
pub(crate) fn refuse<E: serde::de::Error>(message: Message, hint: Option<Message>) -> E {
    E::custom(carry(message, hint.into_iter().collect()))
}

/// Writes what a visitor expects as dokgen's `message` (a noun phrase
/// such as "a date"), for its `expecting`: a value of another kind is
/// then refused with it ("this must be …, not a list"), and `hint`.
pub(crate) fn expecting(
    f: &mut std::fmt::Formatter<'_>,
    message: Message,
    hint: Option<Message>,
) -> std::fmt::Result {
    f.write_str(&carry(message, hint.into_iter().collect()))
}

/// A text a fact must give, for `#[serde(deserialize_with = "…")]`.
///
/// YAML reads a bare `null` or `~` as nothing, and serde_yaml hands the
/// word itself to a `String`: "Ishøj Kommune og null ansøger". An empty
/// value is a hole. Both are refused at the value, with a hint. The check
/// is a visitor's, so that serde_yaml places its error at the scalar and
/// names the field, not the mapping around it.
pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_string(GivenText)
}

/// A text that may be left out, but if given must say something, as
/// [`text`] (with `#[serde(default)]` for the field left out).
pub(crate) fn optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    text(deserializer).map(Some)
}

/// A list of texts, each of which must be given, as [`text`].
pub(crate) fn texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Item(String);
    impl<'de> Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            text(deserializer).map(Item)
        }
    }
    let items = Vec::<Item>::deserialize(deserializer)?;
    Ok(items.into_iter().map(|Item(text)| text).collect())
}

/// Takes a text that says something, and refuses one that does not.
struct GivenText;

impl serde::de::Visitor<'_> for GivenText {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        expecting(f, msg!("yaml-wanted-text"), None)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
        refuse_nothing(text).map_err(|(message, hint)| refuse(message, Some(hint)))?;
        Ok(text.to_owned())
    }
}

/// Why a text says nothing, and what to do; `Ok` for one that says
/// something.
fn refuse_nothing(text: &str) -> Result<(), (Message, Message)> {
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        let code = format!("U+{:04X}", u32::from(c));
        return Err((
            msg!("yaml-text-control", code),
            msg!("yaml-text-control-hint"),
        ));
    }
    match text.trim() {
        word @ ("null" | "Null" | "NULL" | "~") => {
            Err((msg!("yaml-text-null", word), msg!("yaml-text-nothing-hint")))
        }
        "" => Err((msg!("yaml-text-empty"), msg!("yaml-text-nothing-hint"))),
        _ => Ok(()),
    }
}

/// The text between `start` and the next `end` in `text`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

/// The names in serde's "expected one of `a`, `b`" or "expected `a`".
fn expected_names(message: &str) -> Vec<String> {
    let Some(at) = message.find("expected") else {
        return Vec::new();
    };
    message[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Where the values of one YAML file stand, by path:
/// `municipalities.vallensbaek.population[3].value`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Positions {
    values: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
    /// The keys of the top-level mapping, in the order of the file, with
    /// where each stands.
    top: Vec<(String, (usize, usize))>,
}

impl Positions {
    /// Indexes `text`. A file that does not parse gives an empty index (its
    /// syntax error is reported by [`from_str`]).
    pub(crate) fn of(text: &str) -> Self {
        let mut index = Indexer::default();
        for event in Parser::new_from_str(text) {
            match event {
                Ok((event, span)) => index.event(&event, span),
                Err(_) => break,
            }
        }
        index.positions
    }

    /// The 1-based line and column of the value at `path`, or of its
    /// nearest ancestor that has one.
    pub(crate) fn value(&self, path: &str) -> Option<(usize, usize)> {
        ancestors(path).find_map(|p| self.values.get(p).copied())
    }

    /// The 1-based line and column of the value at exactly `path`, if the
    /// file has one there.
    pub(crate) fn exact(&self, path: &str) -> Option<(usize, usize)> {
        self.values.get(path).copied()
    }

    /// The keys of the file's top-level mapping, in the order written, each
    /// with its 1-based line and column.
    pub(crate) fn top_level_keys(&self) -> &[(String, (usize, usize))] {
        &self.top
    }

    /// The 1-based line and column of the key of the mapping entry at
    /// `path`, or of the value if it has no key (a list item).
    pub(crate) fn key(&self, path: &str) -> Option<(usize, usize)> {
        self.keys.get(path).copied().or_else(|| self.value(path))
    }
}

/// `a.b[2].c`, `a.b[2]`, `a.b`, `a`, ``.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let current = next?;
        next = current
            .rfind(['.', '['])
            .map(|i| &current[..i])
            .or(if current.is_empty() { None } else { Some("") });
        Some(current)
    })
}

/// Walks parser events, keeping track of the path of the current node.
#[derive(Default)]
struct Indexer {
    positions: Positions,
    stack: Vec<Frame>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

impl Indexer {
    fn event(&mut self, event: &Event<'_>, span: Span) {
        let at = (span.start.line(), span.start.col() + 1);
        match event {
            Event::Scalar(text, ..) => {
                let depth = self.stack.len();
                if let Some(Frame::Map {
                    path,
                    key: key @ None,
                }) = self.stack.last_mut()
                {
                    let child = join(path, text);
                    if path.is_empty() && depth == 1 {
                        self.positions.top.push((text.to_string(), at));
                    }
                    self.positions.keys.insert(child, at);
                    *key = Some(text.to_string());
                } else {
                    let path = self.child_path();
                    self.positions.values.insert(path, at);
                }
            }
            Event::Alias(_) => {
                let path = self.child_path();
                self.positions.values.insert(path, at);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A collection used as a mapping key has no path of its own.
                let path = if matches!(self.stack.last(), Some(Frame::Map { key: None, .. })) {
                    if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                        *key = Some("?".to_owned());
                    }
                    "?".to_owned()
                } else {
                    self.child_path()
                };
                self.positions.values.insert(path.clone(), at);
                self.stack.push(match event {
                    Event::MappingStart(..) => Frame::Map { path, key: None },
                    _ => Frame::Seq { path, next: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }

    /// The path of the value about to be read, moving its parent on.
    fn child_path(&mut self) -> String {
        match self.stack.last_mut() {
            Some(Frame::Map { path, key }) => join(path, &key.take().unwrap_or_default()),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                format!("{path}[{}]", *next - 1)
            }
            None => String::new(),
        }
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        year: u32,
    }

    #[test]
    fn a_wrong_type_points_at_its_line() {
        let err = from_str::<Sample>("name: Ishøj\nyear: tyve\n", Path::new("x.yaml")).unwrap_err();
        let err = &err.diagnostics()[0];
        assert_eq!(err.location().unwrap(), "x.yaml:2:7");
        assert_eq!(
            err.message.text(Lang::En),
            "year: this must be a whole number, not the text `tyve`"
        );
    }

    #[test]
    fn positions_follow_paths_through_maps_and_lists() {
        let text = "municipalities:\n  vallensbaek:\n    name: Vallensbæk\n    population:\n      - date: 2007-01-01\n        value: 12144\n      - { date: 2008-01-01, value: 12399 }\n";
        let p = Positions::of(text);
        assert_eq!(p.value("municipalities.vallensbaek.name"), Some((3, 11)));
        assert_eq!(p.key("municipalities.vallensbaek.name"), Some((3, 5)));
        assert_eq!(
            p.value("municipalities.vallensbaek.population[0].value"),
            Some((6, 16))
        );
        assert_eq!(
            p.value("municipalities.vallensbaek.population[1].value"),
            Some((7, 36))
        );
        assert_eq!(
            p.value("municipalities.vallensbaek.population[1]"),
            Some((7, 9))
        );
        // A path without a value of its own falls back to its parent.
        assert_eq!(p.value("municipalities.vallensbaek.logo"), Some((3, 5)));
    }

    #[test]
    fn ancestors_walk_up_to_the_root() {
        let all: Vec<&str> = ancestors("a.b[2].c").collect();
        assert_eq!(all, ["a.b[2].c", "a.b[2]", "a.b", "a", ""]);
    }

    /// The hints told for serde_yaml's `raw` message at the start of
    /// `line`, in English.
    fn hints(raw: &str, line: &str) -> Vec<String> {
        told(raw, line, Some((1, 1, 0)))
            .hints
            .iter()
            .map(|h| h.text(Lang::En))
            .collect()
    }

    #[test]
    fn hints_for_common_mistakes() {
        let h = hints(
            "a.b: unknown field `carried_by`, expected one of `id`, `name`, `carried_out_by`",
            "  carried_by: x",
        );
        assert_eq!(h, ["did you mean `carried_out_by`?"]);
        let h = hints(
            "x: unknown field `zzz`, expected `name` or `title`",
            "zzz: 1",
        );
        assert_eq!(h, ["the fields here are `name`, `title`"]);
        let h = hints("found character that cannot start any token", "\tname: x");
        assert!(h[0].contains("tab"), "{h:?}");
        let h = hints(
            "a: invalid type: floating point `12.399`, expected i64",
            "value: 12.399",
        );
        assert!(h[0].contains("12399"), "{h:?}");
        let h = hints(
            "a.date: input contains invalid characters",
            "date: 17-05-2017",
        );
        assert!(h[0].contains("YYYY-MM-DD"), "{h:?}");
        let h = hints("a.date: trailing input", "date: 01-08-2027");
        assert!(h[0].contains("YYYY-MM-DD"), "{h:?}");
        assert_eq!(
            hints("a: missing field `name`", "a:"),
            ["add `name:` to this entry (docs/reference.md lists the fields)"]
        );
    }

    /// The message told for serde_yaml's error on `text`, as `T`, in
    /// `lang`.
    fn said<T: DeserializeOwned + std::fmt::Debug>(text: &str, lang: Lang) -> String {
        let err = from_str::<T>(text, Path::new("x.yaml")).unwrap_err();
        err.diagnostics()[0].message.text(lang)
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Dated {
        date: chrono::NaiveDate,
        #[serde(default)]
        figures: Vec<i64>,
        #[serde(default)]
        year: Option<u32>,
    }

    #[test]
    fn a_date_written_day_first_says_how_to_write_it() {
        for written in ["06-10-2025", "06.10.2025", "6/10/2025", "6.10.2025"] {
            let text = format!("date: {written}\n");
            assert_eq!(
                said::<Dated>(&text, Lang::En),
                format!("date: the date {written} has the day first: write 2025-10-06")
            );
            assert_eq!(
                said::<Dated>(&text, Lang::Da),
                format!("date: datoen {written} har dagen først: skriv 2025-10-06")
            );
        }
    }

    #[test]
    fn a_date_that_does_not_exist_or_is_not_a_date_says_so() {
        let en = |text: &str| said::<Dated>(text, Lang::En);
        assert!(
            en("date: 2017-02-30\n").contains("February")
                || en("date: 2017-02-30\n").contains("28 days"),
            "{}",
            en("date: 2017-02-30\n")
        );
        assert!(
            en("date: 2017-13-01\n").contains("no month 13"),
            "{}",
            en("date: 2017-13-01\n")
        );
        assert!(
            en("date: 2017-05\n").contains("not complete"),
            "{}",
            en("date: 2017-05\n")
        );
        assert!(
            en("date: 17. maj 2017\n").contains("`17. maj 2017` is not a date"),
            "{}",
            en("date: 17. maj 2017\n")
        );
        assert!(
            en("date: [1]\n").contains("must be a date"),
            "{}",
            en("date: [1]\n")
        );
    }

    #[test]
    fn a_value_of_the_wrong_kind_says_what_was_written_and_what_is_wanted() {
        let text = "date: 2017-05-17\nfigures: [1, tolv]\n";
        assert_eq!(
            said::<Dated>(text, Lang::En),
            "figures[1]: this must be a whole number, not the text `tolv`"
        );
        assert_eq!(
            said::<Dated>(text, Lang::Da),
            "figures[1]: her skal stå et helt tal, ikke teksten `tolv`"
        );
        let text = "date: 2017-05-17\nfigures: 12\n";
        assert_eq!(
            said::<Dated>(text, Lang::En),
            "figures: this must be a list, not the number `12`"
        );
        let text = "date: 2017-05-17\nyear: -5\n";
        assert!(
            said::<Dated>(text, Lang::En).contains("from 0 to 4294967295"),
            "{}",
            said::<Dated>(text, Lang::En)
        );
        let text = "date: 2017-05-17\nyear: 5000000000\n";
        assert!(said::<Dated>(text, Lang::Da).contains("fra 0 til 4294967295"));
        assert_eq!(
            said::<Dated>("figures: []\n", Lang::Da),
            "feltet `date` mangler"
        );
    }

    #[test]
    fn syntax_errors_say_what_the_user_did() {
        let en = |text: &str| said::<serde_yaml::Value>(text, Lang::En);
        let da = |text: &str| said::<serde_yaml::Value>(text, Lang::Da);
        let list = "items:\n  - name: a\n   value: 3\n";
        assert!(
            en(list).contains("indented less than the list it belongs to"),
            "{}",
            en(list)
        );
        assert!(da(list).contains("rykket mindre ind"), "{}", da(list));
        let open = "members: [ishoej, vallensbaek\nsince: 2007-01-01\n";
        assert!(en(open).contains("`[` on line 1"), "{}", en(open));
        let colon = "title: Mødet: kl. 10\n";
        assert!(en(colon).contains("`: `"), "{}", en(colon));
        let tab = "a:\n\tb: 1\n";
        assert!(en(tab).contains("tab"), "{}", en(tab));
        assert!(da(tab).contains("tabulator"), "{}", da(tab));
        let quote = "a: \"Mødet\n";
        assert!(
            en(quote).contains("quote opened on line 1"),
            "{}",
            en(quote)
        );
        let escape = "a: \"C:\\mappe\"\n";
        assert!(en(escape).contains("`\\m`"), "{}", en(escape));
        let colonless = "a:\n  b: 1\n  c 2\n  d: 3\n";
        assert!(
            en(colonless).contains("`:` after the field name on line 3 is missing"),
            "{}",
            en(colonless)
        );
        for text in [list, open, colon, tab, quote, escape, colonless] {
            assert!(!da(text).contains("siger (på engelsk)"), "{}", da(text));
        }
    }

    #[test]
    fn a_message_carried_through_serde_comes_out_whole() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Named {
            #[serde(deserialize_with = "text")]
            name: String,
        }
        let err = from_str::<Named>("name: ~\n", Path::new("x.yaml")).unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!(
            d.message.text(Lang::En),
            "name: `~` is not a text: this value must be given"
        );
        assert!(d.hints[0].text(Lang::Da).contains("[indsæt navn]"));
    }

    #[test]
    fn an_unknown_field_is_an_error() {
        let err = from_str::<Sample>("name: Ishøj\nyaer: 2017\n", Path::new("x.yaml")).unwrap_err();
        let err = &err.diagnostics()[0];
        assert_eq!(err.message.text(Lang::En), "unknown field `yaer`");
        assert_eq!(err.message.text(Lang::Da), "ukendt felt `yaer`");
        assert_eq!(err.line, Some(2));
    }

    fn refused(text: &str) -> String {
        screen(text)
            .map(|()| String::new())
            .unwrap_or_else(|r| format!("{}:{}: {}", r.at.0, r.at.1, r.message.text(Lang::En)))
    }

    #[test]
    fn a_key_twice_is_refused_at_the_second_in_any_form_yaml_reads_as_equal() {
        for (text, at) in [
            ("a: 1\na: 2\n", "2:1"),
            ("v: { 2019: 1, 2019: 2 }\n", "1:15"),
            ("v: { 2019: 1, +2019: 2 }\n", "1:15"),
            ("v: { 2019: 1, 0x7E3: 2 }\n", "1:15"),
            ("v: { 2019: 1, 02019: 2 }\n", "1:15"),
            ("v: { \"2019\": 1, 2019: 2 }\n", "1:17"),
            ("v: { 'id': 1, id: 2 }\n", "1:15"),
            ("v: { \"\\x41\": 1, A: 2 }\n", "1:17"),
            ("v: { true: 1, True: 2 }\n", "1:15"),
            ("v: { ~: 1, null: 2 }\n", "1:12"),
            ("v: { ~: 1, \"null\": 2 }\n", "1:12"),
            ("v: { 0x7E3: 1, \"2019\": 2 }\n", "1:16"),
            ("v: { true: 1, 'true': 2 }\n", "1:15"),
            ("v: { 1.0: 1, 1.00: 2 }\n", "1:14"),
            ("a:\n  - b: { c: { d: 1, d: 2 } }\n", "2:21"),
        ] {
            let got = refused(text);
            assert!(
                got.starts_with(&format!("{at}: the key")),
                "{text:?}: {got}"
            );
        }
    }

    #[test]
    fn keys_that_differ_and_the_same_key_in_other_mappings_pass() {
        for text in [
            "v: { 2018: 1, 2019: 2 }\n",
            "a: { x: 1 }\nb: { x: 1 }\n",
            "- { id: a }\n- { id: a }\n",
            "v: { a: 1, A: 2 }\n",
        ] {
            assert_eq!(refused(text), "", "{text:?}");
        }
    }

    #[test]
    fn an_escape_that_writes_a_character_that_does_not_show_is_refused() {
        let got = refused("name: \"Vallens\\u202Ebæk\"\n");
        assert!(got.starts_with("1:7: the text holds U+202E"), "{got}");
        let got = refused("\"a\\u200Bb\": 1\n");
        assert!(got.starts_with("1:1: the text holds U+200B"), "{got}");
    }

    #[test]
    fn aliases_may_add_no_more_than_the_file_writes_and_an_allowance() {
        let few = "a: &a [1, 2, 3]\nb: *a\nc: *a\n";
        assert_eq!(refused(few), "");
        let anchor = format!("a: &a [{}]\n", vec!["1"; 100].join(","));
        let many = format!("{anchor}b: [{}]\n", vec!["*a"; 200].join(","));
        assert!(
            refused(&many).contains("the aliases of this file stand for"),
            "{}",
            refused(&many)
        );
    }

    #[test]
    fn what_yaml_readers_read_apart_is_refused() {
        // A quoted text whose next line is indented less than its key:
        // libyaml (serde_yaml) reads it, and the key after it twice.
        let text = "a:\n  - b: 1\n    t: \"x\ny\"\n    p: 1\n    p: 2\n";
        assert!(serde_yaml::from_str::<serde::de::IgnoredAny>(text).is_ok());
        let got = refused(text);
        assert!(
            got.contains("YAML readers read this file differently"),
            "{got}"
        );
        // What neither reads is left to serde_yaml's message.
        assert_eq!(refused("a: [1, 2\n"), "");
    }

    #[test]
    fn a_tag_that_writes_a_character_that_does_not_show_is_refused() {
        // Found by the fuzz target: `%1A` in a tag is U+001A.
        let got = refused("!%1A1\n:@::");
        assert!(got.contains("the text holds U+001A"), "{got}");
    }

    #[test]
    fn a_mapping_or_list_as_a_key_is_refused() {
        let got = refused("? { a: 1 }\n: x\n");
        assert!(
            got.starts_with("1:3: a key here is a mapping or a list"),
            "{got}"
        );
        let got = refused("? [1, 2]\n: x\n");
        assert!(got.contains("a key here is a mapping or a list"), "{got}");
    }

    #[test]
    fn an_alias_inside_the_value_it_names_is_refused() {
        assert!(refused("a: &a [1, *a]\n").contains("inside the value it names"));
        assert!(refused("a: &a { b: *a }\n").contains("inside the value it names"));
    }
}
