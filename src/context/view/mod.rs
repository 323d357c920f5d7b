//! A fact as a template sees it: the fact's own fields, and what is
//! derived from it.
//!
//! A [`View`] serialises as one map: every field of the model (`M`, a
//! type of `facts::model`), then every field of what is derived (`D`),
//! which takes the place of a model field of the same name (a list of
//! area ids becomes a list of areas, a municipality's figures gain their
//! year). So a field added to the model reaches the templates without a
//! line here, and no view lists a model's fields again. Its schema is the
//! two schemas merged the same way.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use serde::ser::{Error as _, SerializeMap};
use serde_json::Value;

mod fields;

/// A model (`fact`) with what is derived from it (`derived`).
#[derive(Debug, Clone)]
pub(crate) struct View<M, D> {
    /// The fact as the facts give it.
    pub fact: M,
    /// What is derived from it, and from the facts around it.
    pub derived: D,
}

impl<M, D> View<M, D> {
    /// `fact` with `derived`.
    pub(crate) fn new(fact: M, derived: D) -> Self {
        Self { fact, derived }
    }
}

impl<M: Serialize, D: Serialize> Serialize for View<M, D> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The derived fields' names, then the model's fields but those,
        // then the derived ones: written straight into one map, with no
        // value in between (a batch of hundreds of letters serialises a
        // view per municipality, per date).
        let mut derived = Vec::new();
        self.derived
            .serialize(fields::Names(&mut derived))
            .map_err(S::Error::custom)?;
        let mut map = serializer.serialize_map(None)?;
        self.fact.serialize(fields::Into {
            map: &mut map,
            skip: &derived,
        })?;
        self.derived.serialize(fields::Into {
            map: &mut map,
            skip: &[],
        })?;
        map.end()
    }
}

impl<M: JsonSchema, D: JsonSchema> JsonSchema for View<M, D> {
    fn schema_name() -> Cow<'static, str> {
        // Named by what it derives: `MunicipalityView`.
        D::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = M::json_schema(generator);
        let derived = D::json_schema(generator);
        let (Some(into), Some(from)) = (schema.as_object_mut(), derived.as_object()) else {
            return derived;
        };
        if let Some(own) = from.get("properties").and_then(|p| p.as_object()) {
            let entry = into
                .entry("properties")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let Some(map) = entry.as_object_mut() {
                map.extend(own.clone());
            }
        }
        let required: Vec<Value> = from
            .get("required")
            .and_then(|r| r.as_array())
            .cloned()
            .unwrap_or_default();
        if !required.is_empty() {
            let entry = into
                .entry("required")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Some(list) = entry.as_array_mut() {
                for name in required {
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
        }
        for key in ["description", "title"] {
            match from.get(key) {
                Some(text) => {
                    into.insert(key.into(), text.clone());
                }
                None => {
                    into.remove(key);
                }
            }
        }
        into.remove("additionalProperties");
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model.
    #[derive(Serialize, JsonSchema)]
    struct Fact {
        /// Its name.
        name: String,
        /// Ids of others.
        others: Vec<u8>,
        /// Left out.
        missing: Option<u8>,
    }

    /// What a view derives.
    #[derive(Serialize, JsonSchema)]
    struct Derived {
        /// The others, named.
        others: Vec<&'static str>,
        /// Its length.
        length: usize,
    }

    #[test]
    fn a_view_is_the_model_with_what_is_derived_in_place_of_its_fields() {
        let fact = Fact {
            name: "Ærø".into(),
            others: vec![1, 2],
            missing: None,
        };
        let view = View::new(
            &fact,
            Derived {
                others: vec!["Svendborg", "Langeland"],
                length: 3,
            },
        );
        assert_eq!(
            serde_json::to_value(&view).unwrap(),
            serde_json::json!({
                "name": "Ærø",
                "others": ["Svendborg", "Langeland"],
                "missing": null,
                "length": 3,
            })
        );
        let schema = serde_json::to_value(schemars::schema_for!(View<&Fact, Derived>)).unwrap();
        assert_eq!(schema["title"], "Derived");
        let properties = &schema["properties"];
        assert_eq!(properties["name"]["description"], "Its name.");
        assert_eq!(properties["others"]["description"], "The others, named.");
        assert_eq!(properties["length"]["type"], "integer");
    }

    #[test]
    fn a_part_that_is_not_a_struct_is_an_error() {
        let view = View::new(
            &7u8,
            Derived {
                others: Vec::new(),
                length: 0,
            },
        );
        assert!(serde_json::to_value(&view).is_err());
    }
}
