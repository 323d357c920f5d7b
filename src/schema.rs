//! JSON Schemas of the files a project is made of, so that an editor with
//! the YAML language server completes and checks field names while an
//! administrator types. The schemas come from the same types that read the
//! files, so they cannot drift from what dokgen accepts.

use schemars::generate::SchemaSettings;

use crate::context::SharedContext;
use crate::facts::model::FactFile;
use crate::id::Scope;
use crate::kinds::{DeclarationFile, Own};
use crate::project::Config;

/// The kinds of file that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A fact file under `content/`.
    Facts,
    /// A document declaration under `content/documents/`.
    Document,
    /// `dokgen.yaml`.
    Project,
}

impl Kind {
    /// Every kind, in a stable order.
    pub const ALL: [Kind; 3] = [Kind::Facts, Kind::Document, Kind::Project];

    /// The file name the repository keeps the schema under.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Facts => "facts.schema.json",
            Kind::Document => "document.schema.json",
            Kind::Project => "project.schema.json",
        }
    }
}

/// The JSON Schema (draft 2020-12) of `kind`, pretty-printed, ending in a
/// newline.
pub fn json(kind: Kind) -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = match kind {
        Kind::Facts => generator.into_root_schema_for::<FactFile>(),
        Kind::Document => generator.into_root_schema_for::<DeclarationFile>(),
        Kind::Project => generator.into_root_schema_for::<Config>(),
    };
    let mut value = schema.to_value();
    for_editors(&mut value);
    let mut out = serde_json::to_string_pretty(&value).expect("a schema is valid JSON");
    out.push('\n');
    out
}

/// The ids a project defines, which its files name elsewhere.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Municipalities.
    pub municipalities: Vec<String>,
    /// The members of the cooperation.
    pub members: Vec<String>,
    /// The cooperation's areas.
    pub areas: Vec<String>,
    /// Meetings.
    pub meetings: Vec<String>,
    /// Applications.
    pub applications: Vec<String>,
    /// The kinds of meeting the project has (`kommunalbestyrelsesmøde`):
    /// suggested, not required.
    pub meeting_kinds: Vec<String>,
}

impl Known {
    /// The ids the project of `session` defines.
    pub fn of(session: &crate::session::Session) -> Self {
        let facts = &session.content().facts;
        let mut meeting_kinds: Vec<String> =
            facts.meetings.iter().map(|m| m.kind.clone()).collect();
        meeting_kinds.sort();
        meeting_kinds.dedup();
        Self {
            municipalities: facts.municipalities.keys().cloned().collect(),
            members: facts
                .cooperation
                .iter()
                .flat_map(|c| c.members.iter().map(|m| m.to_string()))
                .collect(),
            areas: facts
                .cooperation
                .iter()
                .flat_map(|c| c.areas.iter().map(|a| a.id.clone()))
                .collect(),
            meetings: facts.meetings.iter().map(|m| m.id.clone()).collect(),
            applications: facts.applications.keys().cloned().collect(),
            meeting_kinds,
        }
    }

    /// The ids a reference of `scope` may name, as far as an editor can
    /// tell without knowing where it stands: an applicant or an area of an
    /// application may be any municipality or area.
    fn of_scope(&self, scope: Scope) -> &[String] {
        match scope {
            Scope::Municipality | Scope::Applicant => &self.municipalities,
            Scope::Member if self.members.is_empty() => &self.municipalities,
            Scope::Member => &self.members,
            Scope::Area | Scope::OwnArea => &self.areas,
            Scope::Meeting => &self.meetings,
            Scope::Application => &self.applications,
        }
    }
}

/// Writes the schemas of the project of `session` into its `schema/`
/// folder ([`json_for`]); returns the files written.
pub fn write_for_project(
    session: &crate::session::Session,
) -> crate::diagnostic::Result<Vec<std::path::PathBuf>> {
    let known = Known::of(session);
    let dir = session.project().root.join("schema");
    std::fs::create_dir_all(&dir).map_err(|err| crate::Error::io(&dir, &err))?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(kind.file_name());
        std::fs::write(&path, json_for(kind, &known))
            .map_err(|err| crate::Error::io(&path, &err))?;
        written.push(path);
    }
    Ok(written)
}

/// The JSON Schema of `kind` for one project: as [`json`], with each kind
/// of reference (its definition, `MunicipalityId`, which every field that
/// names a municipality refers to) limited to the ids the project defines,
/// so that an editor marks a misspelt `carried_out_by` and completes the
/// ids; and a meeting's `kind` suggesting those the project uses. Written
/// into a project by `dokgen new` and `dokgen schema --project`.
pub fn json_for(kind: Kind, known: &Known) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&json(kind)).expect("a schema is valid JSON");
    if let Some(defs) = value.get_mut("$defs").and_then(|d| d.as_object_mut()) {
        for (name, def) in defs.iter_mut() {
            let Some(scope) = Scope::by_schema_name(name) else {
                continue;
            };
            let ids = known.of_scope(scope);
            // None yet: any id, rather than none.
            if let (false, Some(map)) = (ids.is_empty(), def.as_object_mut()) {
                map.insert("enum".into(), ids.to_vec().into());
            }
        }
    }
    if kind == Kind::Facts
        && !known.meeting_kinds.is_empty()
        && let Some(field) = value.pointer_mut("/$defs/Meeting/properties/kind")
        && let Some(map) = field.as_object_mut()
    {
        map.insert("examples".into(), known.meeting_kinds.clone().into());
    }
    let mut out = serde_json::to_string_pretty(&value).expect("a schema is valid JSON");
    out.push('\n');
    out
}

/// The tables of fields of every kind of file, in Markdown: for each kind
/// its top level, then each kind of value it holds, in the order they are
/// first met. Made from the same schemas as [`json`], so the reference
/// cannot drift from what dokgen reads (the tables of `docs/reference.md`
/// are this text; `tests/it/schema.rs` compares them).
pub fn markdown() -> String {
    let mut out = String::new();
    let mut printed = Vec::new();
    for kind in Kind::ALL {
        let schema: serde_json::Value =
            serde_json::from_str(&json(kind)).expect("a schema is valid JSON");
        let title = match kind {
            Kind::Facts => "Fact files (`content/*.yaml`)",
            Kind::Document => "Document declarations (`content/documents/*.yaml`)",
            Kind::Project => "The project file (`dokgen.yaml`)",
        };
        section(&mut out, title, &schema, &mut printed);
    }
    section(
        &mut out,
        "What a template and its prose see",
        &context_schema(),
        &mut printed,
    );
    out
}

/// The values a template sees, as one schema: the facts of its date
/// ([`SharedContext`]) and the document's own part ([`Own`]).
fn context_schema() -> serde_json::Value {
    let generator = || SchemaSettings::draft2020_12().into_generator();
    let mut shared = generator()
        .into_root_schema_for::<SharedContext<'static>>()
        .to_value();
    let own = generator()
        .into_root_schema_for::<Own<'static>>()
        .to_value();
    for part in ["properties", "$defs"] {
        if let (Some(into), Some(from)) = (
            shared.get_mut(part).and_then(|p| p.as_object_mut()),
            own.get(part).and_then(|p| p.as_object()),
        ) {
            into.extend(from.clone());
        }
    }
    if let Some(required) = own.get("required").cloned()
        && let Some(into) = shared.get_mut("required").and_then(|r| r.as_array_mut())
    {
        into.extend(required.as_array().cloned().unwrap_or_default());
    }
    for_editors(&mut shared);
    shared
}

/// The tables of one kind of file (or of the context): its top level,
/// then each kind of value it holds, in the order they are first met, but
/// those `printed` before.
fn section(out: &mut String, title: &str, schema: &serde_json::Value, printed: &mut Vec<String>) {
    out.push_str(&format!("#### {title}\n\n"));
    let defs = schema.get("$defs").cloned().unwrap_or_default();
    let mut order: Vec<String> = Vec::new();
    table(out, schema, &mut order);
    let mut next = 0;
    while let Some(name) = order.get(next).cloned() {
        next += 1;
        let Some(def) = defs.get(&name) else { continue };
        if printed.contains(&name) {
            continue;
        }
        printed.push(name.clone());
        out.push_str(&format!("##### {name}\n\n"));
        if let Some(text) = def.get("description").and_then(|d| d.as_str()) {
            out.push_str(&format!("{}\n\n", text.replace('\n', " ")));
        }
        table(out, def, &mut order);
    }
}

/// The table of the fields of the object `schema` (nothing for a value
/// without fields), noting in `order` each kind of value it refers to.
fn table(out: &mut String, schema: &serde_json::Value, order: &mut Vec<String>) {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(|r| r.as_array())
        .map(|r| r.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    if let Some(properties) = schema.get("properties").and_then(|p| p.as_object()) {
        out.push_str("| field | type | meaning |\n|---|---|---|\n");
        for (name, field) in properties {
            let optional = if required.contains(&name.as_str()) {
                ""
            } else {
                "*optional*: "
            };
            let meaning = field
                .get("description")
                .and_then(|d| d.as_str())
                .unwrap_or_default()
                .replace("\n\n", "<br>")
                .replace('\n', " ")
                .replace('|', "\\|");
            out.push_str(&format!(
                "| `{name}` | {} | {optional}{meaning} |\n",
                type_of(field, order)
            ));
        }
        out.push('\n');
    } else {
        let values = choices(schema);
        if !values.is_empty() {
            out.push_str("| value | meaning |\n|---|---|\n");
            for (value, meaning) in values {
                out.push_str(&format!(
                    "| `{value}` | {} |\n",
                    meaning.replace('|', "\\|")
                ));
            }
            out.push('\n');
        } else {
            for inner in ["anyOf", "oneOf"] {
                for choice in schema
                    .get(inner)
                    .and_then(|c| c.as_array())
                    .into_iter()
                    .flatten()
                {
                    type_of(choice, order);
                }
            }
        }
    }
}

/// The values an enumeration allows, each with its meaning.
fn choices(schema: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for choice in schema
        .get("oneOf")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
    {
        if let Some(value) = choice.get("const").and_then(|c| c.as_str()) {
            let meaning = choice
                .get("description")
                .and_then(|d| d.as_str())
                .unwrap_or_default();
            out.push((value.to_owned(), meaning.to_owned()));
        }
    }
    for value in schema
        .get("enum")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
    {
        if let Some(value) = value.as_str() {
            out.push((value.to_owned(), String::new()));
        }
    }
    out
}

/// A field's type in words, with links to the kinds of value it holds.
fn type_of(schema: &serde_json::Value, order: &mut Vec<String>) -> String {
    if let Some(reference) = schema.get("$ref").and_then(|r| r.as_str()) {
        let name = reference.rsplit('/').next().unwrap_or(reference).to_owned();
        if !order.contains(&name) {
            order.push(name.clone());
        }
        return format!("[{name}](#{})", name.to_lowercase());
    }
    for inner in ["anyOf", "oneOf"] {
        if let Some(choices) = schema.get(inner).and_then(|c| c.as_array()) {
            let kinds: Vec<String> = choices
                .iter()
                .filter(|c| c.get("type").and_then(|t| t.as_str()) != Some("null"))
                .map(|c| type_of(c, order))
                .collect();
            return kinds.join(" or ");
        }
    }
    if let Some(value) = schema.get("const").and_then(|c| c.as_str()) {
        return format!("`{value}`");
    }
    let kind = match schema.get("type") {
        Some(serde_json::Value::String(t)) => t.clone(),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str())
            .find(|t| *t != "null")
            .unwrap_or("null")
            .to_owned(),
        _ => String::new(),
    };
    match kind.as_str() {
        "array" => match schema.get("items") {
            Some(items) => format!("list of {}", type_of(items, order)),
            None => "list".to_owned(),
        },
        "object" => match schema.get("additionalProperties") {
            Some(values) if values.is_object() => {
                format!("map of id to {}", type_of(values, order))
            }
            _ => "map".to_owned(),
        },
        "string" => match schema.get("format").and_then(|f| f.as_str()) {
            Some("date") => "date".to_owned(),
            _ => "text".to_owned(),
        },
        "integer" => "whole number".to_owned(),
        "number" => "number".to_owned(),
        "boolean" => "`true` or `false`".to_owned(),
        _ => "any".to_owned(),
    }
}

/// Shapes a schema for the YAML language server's hover and completion:
/// each description as whole paragraphs (the doc comments it comes from are
/// wrapped at 80 columns, and a hover would break the line at each wrap),
/// also as `markdownDescription` so that `code` shows as code; and no
/// `default: null`, which completion would insert as the value.
fn for_editors(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("default").is_some_and(serde_json::Value::is_null) {
                map.remove("default");
            }
            if let Some(serde_json::Value::String(text)) = map.get("description") {
                let text = paragraphs(text);
                map.insert("description".into(), text.clone().into());
                map.insert("markdownDescription".into(), text.into());
            }
            map.values_mut().for_each(for_editors);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(for_editors),
        _ => {}
    }
}

/// `text` with the line breaks inside its paragraphs made spaces; list
/// items (lines that begin with `-`) keep their line.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| {
            let mut out = String::new();
            for line in paragraph.lines() {
                let line = line.trim();
                if !out.is_empty() {
                    out.push(if line.starts_with("- ") { '\n' } else { ' ' });
                }
                out.push_str(line);
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_whole_paragraphs_and_no_default_is_null() {
        for kind in Kind::ALL {
            let schema: serde_json::Value = serde_json::from_str(&json(kind)).unwrap();
            let text = schema.to_string();
            assert!(!text.contains("\"default\":null"), "{kind:?}");
            fn walk(v: &serde_json::Value) {
                match v {
                    serde_json::Value::Object(map) => {
                        if let Some(d) = map.get("description").and_then(|d| d.as_str()) {
                            for paragraph in d.split("\n\n") {
                                for line in paragraph.lines().skip(1) {
                                    assert!(line.starts_with("- "), "a wrapped line: {d:?}");
                                }
                            }
                            assert_eq!(map.get("markdownDescription"), map.get("description"));
                        }
                        map.values().for_each(walk);
                    }
                    serde_json::Value::Array(items) => items.iter().for_each(walk),
                    _ => {}
                }
            }
            walk(&schema);
        }
    }

    #[test]
    fn a_projects_schemas_limit_each_kind_of_reference_to_its_ids() {
        let known = Known {
            municipalities: vec!["aeroe".into(), "svendborg".into(), "odense".into()],
            members: vec!["aeroe".into(), "svendborg".into()],
            areas: vec!["natur".into()],
            meetings: vec!["moede-1".into()],
            applications: vec!["ansoegning".into()],
            meeting_kinds: Vec::new(),
        };
        let facts: serde_json::Value =
            serde_json::from_str(&json_for(Kind::Facts, &known)).unwrap();
        let allowed = |def: &str| facts["$defs"][def]["enum"].clone();
        assert_eq!(
            allowed("MunicipalityId"),
            serde_json::json!(["aeroe", "svendborg", "odense"])
        );
        assert_eq!(
            allowed("MemberId"),
            serde_json::json!(["aeroe", "svendborg"])
        );
        assert_eq!(allowed("AreaId"), serde_json::json!(["natur"]));
        assert_eq!(allowed("MeetingId"), serde_json::json!(["moede-1"]));
        // A field that names a member refers to the members' definition.
        assert_eq!(
            facts["$defs"]["Area"]["properties"]["carried_out_by"]["$ref"],
            "#/$defs/MemberId"
        );
        let document: serde_json::Value =
            serde_json::from_str(&json_for(Kind::Document, &known)).unwrap();
        assert_eq!(
            document["$defs"]["ApplicationId"]["enum"],
            serde_json::json!(["ansoegning"])
        );
        assert_eq!(
            document["properties"]["authors"]["items"]["$ref"],
            "#/$defs/MunicipalityId"
        );
    }

    #[test]
    fn a_wrapped_doc_comment_becomes_one_line_and_a_list_keeps_its_items() {
        assert_eq!(
            paragraphs("The date of\nthe meeting.\n\nEither:\n- a name\n- an office"),
            "The date of the meeting.\n\nEither:\n- a name\n- an office"
        );
    }
}
