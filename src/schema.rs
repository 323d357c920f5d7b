//! JSON Schemas of the files a project is made of, so that an editor with
//! the YAML language server completes and checks field names while an
//! administrator types. The schemas come from the same types that read the
//! files, so they cannot drift from what dokgen accepts.

use schemars::generate::SchemaSettings;

use crate::facts::model::{DocumentSpec, FactFile};
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
        Kind::Document => generator.into_root_schema_for::<DocumentSpec>(),
        Kind::Project => generator.into_root_schema_for::<Config>(),
    };
    let mut value = schema.to_value();
    for_editors(&mut value);
    let mut out = serde_json::to_string_pretty(&value).expect("a schema is valid JSON");
    out.push('\n');
    out
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
    fn a_wrapped_doc_comment_becomes_one_line_and_a_list_keeps_its_items() {
        assert_eq!(
            paragraphs("The date of\nthe meeting.\n\nEither:\n- a name\n- an office"),
            "The date of the meeting.\n\nEither:\n- a name\n- an office"
        );
    }
}
