//! Batch documents: one declaration, one document per element of a
//! collection of facts (`for_each: municipalities`, `applications` or
//! `meetings`).
//!
//! The declaration's `output`, `title`, `subject` and prose paths may name
//! the element's fields in braces (`output: brev-{id}`,
//! `title: "Brev til {name}"`). Each collection belongs to a kind, which
//! gives each document its element (a letter is its application's, with
//! its date; papers are their meeting's, with its date). Templates see
//! the element's id as `document.item_id`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Declaration, DocumentKind};
use crate::diagnostic::{Diagnostic, code_list};
use crate::facts::model::Facts;
use crate::facts::sources::Sources;
use crate::msg;

/// A collection of facts a batch declaration makes a document for each
/// element of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// One document per municipality.
    Municipalities,
    /// One letter per application (its `application` and date).
    Applications,
    /// One set of papers per meeting (its `meeting` and date).
    Meetings,
}

impl Collection {
    /// The collection's name in the facts.
    pub fn name(self) -> &'static str {
        match self {
            Self::Municipalities => "municipalities",
            Self::Applications => "applications",
            Self::Meetings => "meetings",
        }
    }
}

/// A declaration as read, before batches are expanded and dates resolved.
#[derive(Debug, Clone)]
pub(super) struct Declared {
    /// The declaration file, relative to the project.
    pub file: PathBuf,
    /// What it declares.
    pub spec: Declaration,
    /// Its kind, with the kind's fields.
    pub kind: Arc<dyn DocumentKind>,
}

/// The declared documents with every batch declaration expanded, in the
/// order of the declarations and, within one, of the collection.
pub(super) fn expand(
    documents: Vec<Declared>,
    facts: &Facts,
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Declared> {
    let mut out = Vec::new();
    for document in documents {
        let Some(collection) = document.spec.for_each else {
            out.push(document);
            continue;
        };
        let at = |field: &str| sources.value_in(&document.file, field);
        let items = elements(facts, collection);
        if items.is_empty() {
            problems.push(
                Diagnostic::error(msg!("typeset-batch-empty", collection = collection.name()))
                    .in_file(&document.file)
                    .located(at("for_each"))
                    .hint(msg!(
                        "typeset-batch-empty-hint",
                        collection = collection.name()
                    )),
            );
            continue;
        }
        if !document.spec.output.contains('{') {
            problems.push(
                Diagnostic::error(msg!(
                    "typeset-batch-one-output",
                    output = document.spec.output.as_str()
                ))
                .in_file(&document.file)
                .located(at("output"))
                .hint(msg!("typeset-batch-one-output-hint")),
            );
            continue;
        }
        for (id, fields) in items {
            let fill = |field: &str, pattern: &str, problems: &mut Vec<Diagnostic>| {
                fill(pattern, &fields).map_err(|unknown| {
                    problems.push(
                        Diagnostic::error(msg!(
                            "typeset-batch-unknown-field",
                            field,
                            name = unknown,
                            collection = collection.name()
                        ))
                        .in_file(&document.file)
                        .located(at(field))
                        .hint(msg!("typeset-batch-fields", fields = field_names(&fields))),
                    );
                })
            };
            let mut spec = document.spec.clone();
            let output = fill("output", &spec.output, problems);
            let title = fill("title", &spec.title, problems);
            let subject = spec
                .subject
                .as_ref()
                .map(|s| fill("subject", s, problems))
                .transpose();
            let mut prose = BTreeMap::new();
            for (name, path) in &spec.prose {
                if let Ok(path) = fill(&format!("prose.{name}"), path, problems) {
                    prose.insert(name.clone(), path);
                }
            }
            // An unknown field is the same for every element: say it once.
            let (Ok(output), Ok(title), Ok(subject)) = (output, title, subject) else {
                break;
            };
            spec.output = output;
            spec.title = title;
            spec.subject = subject;
            spec.prose = prose;
            spec.item = Some(id.clone());
            let (kind, own_date) = document.kind.element(&id, facts);
            spec.date = spec.date.or(own_date);
            out.push(Declared {
                file: document.file.clone(),
                spec,
                kind,
            });
        }
    }
    out
}

/// The elements of a collection as (id, fields), in a stable order.
fn elements(facts: &Facts, collection: Collection) -> Vec<(String, BTreeMap<String, String>)> {
    fn with_id<T: Serialize>(id: &str, value: &T) -> (String, BTreeMap<String, String>) {
        let mut fields = BTreeMap::new();
        if let Ok(Value::Object(map)) = serde_json::to_value(value) {
            for (k, v) in map {
                let text = match v {
                    Value::String(s) => s,
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                fields.insert(k, text);
            }
        }
        fields.insert("id".to_owned(), id.to_owned());
        (id.to_owned(), fields)
    }
    match collection {
        Collection::Municipalities => facts
            .municipalities
            .iter()
            .map(|(id, m)| with_id(id, m))
            .collect(),
        Collection::Applications => facts
            .applications
            .iter()
            .map(|(id, a)| with_id(id, a))
            .collect(),
        Collection::Meetings => facts.meetings.iter().map(|m| with_id(&m.id, m)).collect(),
    }
}

/// `pattern` with each `{field}` replaced; the unknown field's name if one
/// is not there. Tera's tags (`{{ … }}`, `{% … %}`, `{# … #}`) are left
/// as they are: a title may name facts, as prose does.
fn fill(pattern: &str, fields: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let tag = [("{{", "}}"), ("{%", "%}"), ("{#", "#}")]
            .into_iter()
            .find(|(start, _)| rest[open..].starts_with(start));
        if let Some((_, end)) = tag {
            let close = rest[open..]
                .find(end)
                .map_or(rest.len(), |i| open + i + end.len());
            out.push_str(&rest[open..close]);
            rest = &rest[close..];
            continue;
        }
        let Some(close) = after.find('}').filter(|_| rest[open..].starts_with('{')) else {
            out.push_str(&rest[open..open + 1]);
            rest = after;
            continue;
        };
        let name = after[..close].trim();
        match fields.get(name) {
            Some(value) => out.push_str(value),
            None => return Err(name.to_owned()),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn field_names(fields: &BTreeMap<String, String>) -> String {
    let names: Vec<&str> = fields.keys().map(String::as_str).collect();
    code_list(&names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> BTreeMap<String, String> {
        [("id", "ishoej"), ("name", "Ishøj Kommune")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn fields_are_filled_in_by_name() {
        assert_eq!(fill("brev-{id}", &fields()).unwrap(), "brev-ishoej");
        assert_eq!(
            fill("Brev til { name }", &fields()).unwrap(),
            "Brev til Ishøj Kommune"
        );
        assert_eq!(fill("no fields", &fields()).unwrap(), "no fields");
        assert_eq!(
            fill("{name} af {{ cooperation.since | dato }}", &fields()).unwrap(),
            "Ishøj Kommune af {{ cooperation.since | dato }}"
        );
        assert_eq!(
            fill("{% if x %}{id}{% endif %}", &fields()).unwrap(),
            "{% if x %}ishoej{% endif %}"
        );
        assert_eq!(fill("{nme}", &fields()).unwrap_err(), "nme");
    }
}
