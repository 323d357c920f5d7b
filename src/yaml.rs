//! The one place that knows which YAML crates dokgen uses.
//!
//! Everything else asks for a typed value from a file's text and gets either
//! the value or a [`Diagnostic`] that points at the line and column, and can
//! ask where any value of the file stands ([`Positions`]), so that a rule
//! broken by a well-typed fact still points at its line.
//!
//! serde_yaml does the typing; saphyr-parser, which reports the position of
//! every node, builds the index of positions.

use std::collections::HashMap;
use std::path::Path;

use saphyr_parser::{Event, Parser, Span};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::diagnostic::{Diagnostic, Error};

/// Parses `text`, the content of `file`, into a `T`.
///
/// The file is screened first ([`screen`]): what serde_yaml would read
/// without a word, and wrongly, is refused at its line.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Error> {
    screen(text).map_err(|refusal| refusal.at(text, file))?;
    serde_yaml::from_str(text).map_err(|err| {
        let message = tidy_message(&err.to_string());
        let mut diagnostic = Diagnostic::error(message.clone()).in_file(file);
        if let Some(loc) = err.location() {
            diagnostic = diagnostic.at_offset(text, loc.index());
        }
        let line = diagnostic.snippet.clone().unwrap_or_default();
        for hint in hints(&message, &line) {
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
    message: String,
    hint: String,
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
                    message: format!(
                        "YAML readers read this file differently from here on ({})",
                        err.info()
                    ),
                    hint: "write it more plainly: a quoted text on one line or as a block (`|`), each key of a mapping indented alike".to_owned(),
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
                hint: crate::unseen::HINT.to_owned(),
            });
        }
        match event {
            Event::Scalar(text, style, anchor, _) => {
                if let Some((_, c)) = crate::unseen::find(text) {
                    return Err(Refusal {
                        at,
                        message: crate::unseen::message(c),
                        hint: crate::unseen::HINT.to_owned(),
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
                        message: "this alias stands inside the value it names".to_owned(),
                        hint: "write the value out; an anchor names a value that is complete where the alias stands".to_owned(),
                    });
                }
                self.written += 1;
                let size = self.anchors.get(anchor).copied().unwrap_or(1);
                self.added += size.saturating_sub(1);
                if self.added > self.written + ALIAS_ALLOWANCE {
                    return Err(Refusal {
                        at,
                        message: format!(
                            "the aliases of this file stand for {} nodes more than it writes, which YAML reads as if each were written out",
                            self.added
                        ),
                        hint: "write the values out, or use an anchor a few times only; aliases may add as many nodes as the file writes, and 10 000 more".to_owned(),
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
                        message: "a key here is a mapping or a list; dokgen reads texts and numbers as keys".to_owned(),
                        hint: "write the key as a text, `name: value`".to_owned(),
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
                message: format!(
                    "the key `{shown}` is given twice in this mapping (first at line {first}): YAML would keep this one, while a reader of the file sees the first"
                ),
                hint: "keep one of them; a key may appear once in a mapping, also when written in another form that YAML reads as the same (`2024`, `+2024`, `\"2024\"`)".to_owned(),
            });
        }
        for form in forms {
            seen.insert(form, at);
        }
        Ok(())
    }
}

/// What to do about a YAML or type error, told from serde_yaml's message
/// and the offending line.
fn hints(message: &str, line: &str) -> Vec<String> {
    let mut out = Vec::new();
    if line.starts_with(' ') && line.trim_start_matches(' ').starts_with('\t')
        || line.starts_with('\t')
    {
        out.push("YAML indents with spaces only; this line is indented with a tab".to_owned());
    }
    if let Some(value) = between(message, "unknown variant `", "`") {
        let expected = expected_names(message);
        let known: Vec<&str> = expected.iter().map(String::as_str).collect();
        match crate::diagnostic::nearest(value, &known) {
            Some(name) => out.push(format!("did you mean `{name}`?")),
            None if !known.is_empty() => out.push(format!(
                "the values here are {}",
                crate::diagnostic::code_list(&known)
            )),
            None => {}
        }
    } else if let Some(field) = between(message, "unknown field `", "`") {
        let expected = expected_names(message);
        let known: Vec<&str> = expected.iter().map(String::as_str).collect();
        match crate::diagnostic::nearest(field, &known) {
            Some(name) => out.push(format!("did you mean `{name}`?")),
            None if !known.is_empty() => out.push(format!(
                "the fields here are {}",
                crate::diagnostic::code_list(&known)
            )),
            None => {}
        }
    } else if message.contains("the text holds the control character") {
        out.push("remove the character (it may have come in with text copied from another program, or as a `\\0`-style escape in quotes)".to_owned());
    } else if message.contains("is not a percentage dokgen can settle") {
        out.push(
            "give a percentage from 0 to 1000 with at most two decimals, e.g. `5` or `2.5`"
                .to_owned(),
        );
    } else if message.ends_with(NOTHING) {
        out.push("write the text; while it is not known, write a placeholder such as `[indsæt navn]`, which `dokgen check` lists and a final document never prints".to_owned());
    } else if let Some(field) = between(message, "missing field `", "`") {
        out.push(format!(
            "add `{field}:` to this entry (docs/reference.md lists the fields)"
        ));
    } else if message.contains("expected struct ActNumber") {
        out.push("an act is written as its number and date: `{ number: 541, date: 2005-06-24 }`; the `nr` filter prints \"nr. 541 af 24. juni 2005\"".to_owned());
    } else if message.contains("expected struct Closed") {
        out.push("a closed item gives the neutral title the public papers show and the legal basis for closing it: `closed: { public_title: Forhandlingsmandat, basis: \"kommunestyrelseslovens § 10, jf. offentlighedslovens § 30, nr. 2\" }`".to_owned());
    } else if message.contains("expected struct Provision") {
        out.push("a place in a law is written in parts: `{ section: \"11 a\", subsection: 2 }`; the `paragraf` filter prints \"§ 11 a, stk. 2\"".to_owned());
    } else if message.contains("invalid type: floating point")
        && (message.contains("expected i64") || message.contains("expected u"))
    {
        out.push("write whole numbers without a thousands point: 12399, not 12.399".to_owned());
    } else if message.contains("expected i64")
        || message.contains("expected u64")
        || message.contains("expected u32")
    {
        out.push("write a whole number with digits only, e.g. 12399".to_owned());
    } else if message.contains("input contains invalid characters")
        || message.contains("premature end of input")
        || message.contains("input is out of range")
        || message.contains("input is not enough for unique date")
        || message.contains("trailing input")
    {
        out.push(
            "write dates as YYYY-MM-DD, e.g. 2017-05-17, and check that the day exists".to_owned(),
        );
    } else if message.contains("did not find expected ',' or ']'") {
        out.push(
            "a list opened with `[` is not closed, or two of its items lack a comma between them"
                .to_owned(),
        );
    } else if message.contains("did not find expected")
        || message.contains("mapping values are not allowed")
    {
        out.push("check the indentation, that every `key: value` has a space after the colon, and that every quote is closed (the mistake may be on a line above); quote text that contains `: `".to_owned());
    }
    out
}

/// A text a fact must give, for `#[serde(deserialize_with = "…")]`.
///
/// YAML reads a bare `null` or `~` as nothing, and serde_yaml hands the
/// word itself to a `String`: "Ishøj Kommune og null ansøger". An empty
/// value is a hole. Both are refused at the value, with a hint (see
/// [`hints`]). The check is a visitor's, so that serde_yaml places its
/// error at the scalar and names the field, not the mapping around it.
pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_string(GivenText)
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
        f.write_str("a text")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<String, E> {
        refuse_nothing(text).map_err(E::custom)?;
        Ok(text.to_owned())
    }
}

/// The message for a text that says nothing; `Ok` for one that says something.
fn refuse_nothing(text: &str) -> Result<(), String> {
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(format!(
            "the text holds the control character U+{:04X}, which no document can print",
            u32::from(c)
        ));
    }
    match text.trim() {
        "null" | "Null" | "NULL" | "~" => {
            Err(format!("`{}` is not a text: {NOTHING}", text.trim()))
        }
        "" => Err(format!("the text is empty: {NOTHING}")),
        _ => Ok(()),
    }
}

/// The end of [`refuse_nothing`]'s messages, which [`hints`] looks for.
const NOTHING: &str = "this value must be given";

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

/// serde_yaml appends " at line L column C" to its messages; the diagnostic
/// shows the location itself.
fn tidy_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(err.message.contains("invalid type"), "{}", err.message);
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

    #[test]
    fn an_unknown_field_is_an_error() {
        let err = from_str::<Sample>("name: Ishøj\nyaer: 2017\n", Path::new("x.yaml")).unwrap_err();
        let err = &err.diagnostics()[0];
        assert!(
            err.message.contains("unknown field `yaer`"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(2));
    }

    fn refused(text: &str) -> String {
        screen(text)
            .map(|()| String::new())
            .unwrap_or_else(|r| format!("{}:{}: {}", r.at.0, r.at.1, r.message))
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
