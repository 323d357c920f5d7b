//! A declaration, `content/documents/*.yaml`: the fields every document
//! has, and the kind it is of with that kind's own fields.
//!
//! A declaration is read twice from its text: once for the common fields
//! ([`Declaration`]), once for its kind's (each kind's type). So each
//! error keeps the line and column serde_yaml gives it. A field that is
//! neither is an error at its key; one that belongs to another kind says
//! so.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Collection, DocumentKind, KINDS, Registration};
use crate::diagnostic::{Diagnostic, code_list, nearest};
use crate::export::Format;
use crate::export::pdf::Standard;
use crate::facts::model::{Id, MunicipalityId, ProsePath};
use crate::message::{Lang, Message};
use crate::msg;
pub(super) use crate::probe::field_names;
use crate::yaml::{self, Positions};

/// What a declaration says of its document, whatever its kind.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub struct Declaration {
    /// The template under `templates/`: `strategi.typ.tera`.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub template: String,
    /// The output file name without its extension (`.pdf`).
    #[serde(deserialize_with = "crate::yaml::text")]
    pub output: String,
    /// The document's title (also the PDF's title).
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// The document's date: shown in it, and Typst's `today()`. A batch
    /// over applications or meetings may leave it out: each document then
    /// has its element's date.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The municipalities that author it, by id (the PDF's author);
    /// dokgen.yaml's `defaults.authors` if not given.
    #[serde(default)]
    pub authors: Vec<MunicipalityId>,
    /// Keywords for the PDF's metadata.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A status such as "Udkast".
    #[serde(default)]
    pub status: Option<String>,
    /// A document still being written: made even where it prints a
    /// placeholder (with a warning instead of an error), and marked
    /// "UDKAST" on every page.
    #[serde(default)]
    pub draft: bool,
    /// What the document is about, for the PDF's subject; templates make
    /// one from the facts if it is not given.
    #[serde(default)]
    pub subject: Option<String>,
    /// The PDF standards the document meets: `[a-2a, ua-1]` (PDF/A-2a and
    /// PDF/UA-1) unless dokgen.yaml's defaults or this field say otherwise;
    /// `[]` for a plain tagged PDF.
    #[serde(default)]
    pub pdf_standards: Option<Vec<Standard>>,
    /// The formats it is made in: `[pdf]` unless dokgen.yaml's defaults or
    /// this field say otherwise.
    #[serde(default)]
    pub formats: Option<Vec<Format>>,
    /// Make one document per element of a collection of facts; `output`,
    /// `title`, `subject` and prose paths may then name the element's
    /// fields in braces: `output: brev-{id}`. A batch over applications
    /// makes application letters, one over meetings their papers.
    #[serde(default)]
    pub for_each: Option<Collection>,
    /// For a document of a batch: its element's id (set by dokgen).
    #[serde(skip)]
    #[schemars(skip)]
    pub item: Option<Id>,
    /// Named Markdown files the template places: `baggrund: strategi/baggrund.md`.
    #[serde(default)]
    pub prose: BTreeMap<String, ProsePath>,
    /// The kind of document: `document` (a strategy, a note), `application`
    /// (an application's letter: give `application`) or `papers` (a
    /// meeting's agenda or minutes: give `meeting` and `papers`). Without
    /// it, the fields say: `application` makes a letter, `meeting` papers,
    /// a batch over applications or meetings the same; anything else is a
    /// document.
    #[serde(default)]
    #[schemars(schema_with = "kind_schema")]
    pub kind: Option<String>,
}

/// A declaration file as an editor sees it: the fields every declaration
/// has, and those of each kind (a declaration gives its own kind's).
pub struct DeclarationFile;

impl JsonSchema for DeclarationFile {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Declaration".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = Declaration::json_schema(generator);
        for kind in KINDS {
            let own = (kind.schema)(generator);
            let (Some(into), Some(from)) = (
                schema.get_mut("properties").and_then(|p| p.as_object_mut()),
                own.get("properties").and_then(|p| p.as_object()),
            ) else {
                continue;
            };
            for (name, field) in from {
                let mut field = field.clone();
                if let Some(map) = field.as_object_mut()
                    && let Some(serde_json::Value::String(text)) = map.get("description").cloned()
                {
                    let mut chars = text.chars();
                    let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
                    let text = format!("{}{}", first.unwrap_or_default(), chars.as_str());
                    map.insert(
                        "description".into(),
                        format!("For {}: {text}", (kind.what)().text(Lang::En)).into(),
                    );
                }
                into.insert(name.clone(), field);
            }
        }
        schema.insert("additionalProperties".into(), false.into());
        schema
    }
}

/// The names `kind:` takes, from the kinds there are.
fn kind_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    schemars::json_schema!({ "type": ["string", "null"], "enum": names })
}

/// Reads the declaration `file` from its `text`: its common fields and
/// its kind with the kind's fields; every problem goes to `problems`.
pub(super) fn read(
    text: &str,
    file: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Declaration, Arc<dyn DocumentKind>)> {
    let declaration = match yaml::from_str::<Declaration>(text, file) {
        Ok(declaration) => declaration,
        Err(err) => {
            problems.extend(err.into_diagnostics());
            return None;
        }
    };
    let positions = Positions::of(text);
    let at = |message: Message, (line, column): (usize, usize)| {
        Diagnostic::error(message)
            .in_file(file)
            .at(line, column)
            .with_line_of(text)
    };
    let kind = match kind_of(&declaration, &positions) {
        Ok(kind) => kind,
        Err((message, hints, place)) => {
            let mut d = at(message, place);
            d.hints = hints;
            problems.push(d);
            return None;
        }
    };
    let mut unknown = false;
    let common = field_names::<Declaration>();
    let own = (kind.fields)();
    for (key, (line, column)) in positions.top_level_keys() {
        if common.contains(&key.as_str()) || own.contains(&key.as_str()) {
            continue;
        }
        unknown = true;
        let place = (*line, *column);
        let d = match Registration::owning(key) {
            Some(other) => at(
                msg!(
                    "typeset-kind-field-of-another",
                    field = key,
                    other = (other.what)(),
                    kind = (kind.what)()
                ),
                place,
            )
            .hint(msg!(
                "typeset-kind-field-of-another-hint",
                field = key,
                other = (other.what)()
            )),
            None => {
                let names: Vec<&str> = common.iter().chain(own).copied().collect();
                let mut d = at(
                    msg!(
                        "typeset-kind-unknown-field",
                        field = key,
                        expected = code_list(&names)
                    ),
                    place,
                );
                if let Some(name) = nearest(key, &names) {
                    d = d.hint(msg!("typeset-kind-did-you-mean", name));
                }
                d
            }
        };
        problems.push(d);
    }
    let fields = (kind.read)(text, file).map_err(|err| problems.extend(err.into_diagnostics()));
    match (unknown, fields) {
        (false, Ok(fields)) => Some((declaration, fields)),
        _ => None,
    }
}

/// A message, its hints, and where it stands.
type Placed = (Message, Vec<Message>, (usize, usize));

/// The kind `declaration` is of: the one `kind:` names, or the one its
/// fields or its batch's collection say, or a plain document.
fn kind_of(
    declaration: &Declaration,
    positions: &Positions,
) -> Result<&'static Registration, Placed> {
    let place = |field: &str| positions.value(field).unwrap_or((1, 1));
    let by_collection = declaration
        .for_each
        .and_then(|c| KINDS.iter().copied().find(|k| k.collection == Some(c)));
    if let Some(name) = &declaration.kind {
        let Some(kind) = Registration::named(name) else {
            let names = Registration::names();
            let mut hints = vec![msg!("typeset-kind-the-kinds", kinds = code_list(&names))];
            if let Some(near) = nearest(name, &names) {
                hints.insert(0, msg!("typeset-kind-did-you-mean", name = near));
            }
            return Err((msg!("typeset-kind-unknown", name), hints, place("kind")));
        };
        if let (Some(collection), Some(other)) = (declaration.for_each, by_collection)
            && !std::ptr::eq(other, kind)
        {
            return Err((
                msg!(
                    "typeset-kind-batch-makes-another",
                    collection = collection.name(),
                    other = (other.what)(),
                    kind = (kind.what)()
                ),
                vec![msg!(
                    "typeset-kind-batch-makes-another-hint",
                    name = other.name
                )],
                place("for_each"),
            ));
        }
        return Ok(kind);
    }
    // The kinds whose own fields the declaration gives, with the first
    // such field of each.
    let mut named: Vec<(&'static Registration, &str, (usize, usize))> = Vec::new();
    for (key, at) in positions.top_level_keys() {
        if let Some(kind) = Registration::owning(key)
            && !named.iter().any(|(k, ..)| std::ptr::eq(*k, kind))
        {
            named.push((kind, key, *at));
        }
    }
    match named.as_slice() {
        [(first, first_field, _), (second, second_field, at), ..] => Err((
            msg!(
                "typeset-kind-two-kinds",
                second_field = *second_field,
                second = (second.what)(),
                first_field = *first_field,
                first = (first.what)()
            ),
            vec![msg!(
                "typeset-kind-two-kinds-hint",
                second = (second.what)()
            )],
            *at,
        )),
        [(kind, _, _)] => match by_collection {
            Some(other) if !std::ptr::eq(other, *kind) => Err((
                msg!(
                    "typeset-kind-batch-fields-of-another",
                    collection = declaration.for_each.map_or("", |c| c.name()),
                    other = (other.what)(),
                    kind = (kind.what)()
                ),
                vec![msg!(
                    "typeset-kind-batch-fields-of-another-hint",
                    kind = (kind.what)()
                )],
                place("for_each"),
            )),
            _ => Ok(kind),
        },
        [] => Ok(by_collection.unwrap_or(KINDS[0])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_fields_are_the_declarations() {
        let common = field_names::<Declaration>();
        assert_eq!(common[..3], ["template", "output", "title"]);
        assert!(common.contains(&"kind") && !common.contains(&"item"));
    }
}
