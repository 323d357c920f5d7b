//! What is a document's own in its template context: the document itself
//! ([`DocumentView`]) and its kind's part (`application`, `papers`).
//!
//! A template sees two parts merged into one Tera context: the facts as of
//! the document's date (`context::SharedContext`, the same for every
//! document of that date, so a build makes it once per date; see
//! `render::Renderer`), and this.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use serde::ser::SerializeMap;

use super::{Content, Declaration, Document, KINDS};
use crate::context::{Resolver, View};
use crate::diagnostic::Result;
use crate::facts::model::Facts;

/// The document: its declaration, with what is settled or rendered.
pub(crate) type DocumentView<'a> = View<&'a Declaration, DocumentDerived<'a>>;

/// The document as templates see it: its declaration, with its date
/// settled, its title and subject rendered where they name facts, and its
/// authors named.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "DocumentView")]
pub(crate) struct DocumentDerived<'a> {
    /// The declaration file's stem: `strategi`.
    pub id: String,
    /// Title, with the facts it names.
    pub title: Cow<'a, str>,
    /// Date, ISO (`2017-06-26`): declared, or its batch element's; the
    /// `dato` filter formats it.
    pub date: NaiveDate,
    /// What it is about (the PDF's subject), with the facts it names, if
    /// the declaration says.
    pub subject: Option<Cow<'a, str>>,
    /// For a document of a batch (`for_each`): its element's id.
    pub item_id: Option<&'a str>,
    /// The authoring municipalities' official names (the declaration
    /// gives their ids).
    pub authors: Vec<&'a str>,
}

/// A document's title and subject where they name facts, as rendered.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentTexts {
    /// The rendered title.
    pub title: Option<String>,
    /// The rendered subject.
    pub subject: Option<String>,
}

/// A document's own part of the template context.
#[derive(Debug)]
pub(crate) struct Own<'a> {
    /// The document being made.
    document: DocumentView<'a>,
    /// Its kind's part, under the name the kind gives it.
    kind: Option<(&'static str, tera::Value)>,
    /// Where it stands in the web publication, if it is published.
    web: Option<&'a super::WebPlace>,
}

impl Serialize for Own<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("document", &self.document)?;
        if let Some((name, value)) = &self.kind {
            map.serialize_entry(name, value)?;
        }
        map.serialize_entry("web", &self.web)?;
        map.end()
    }
}

/// What is `document`'s own: its declaration as the template sees it, and
/// its kind's part (an application letter's application with the areas
/// of the other phases, meeting papers' meeting and items). `facts` are
/// those of its date, with their texts rendered.
pub(crate) fn own<'a>(
    content: &'a Content,
    facts: &'a Facts,
    document: &'a Document,
    texts: DocumentTexts,
) -> Result<Own<'a>> {
    let spec = &document.spec;
    let r = Resolver::new(facts, &content.annex_pages, &document.file, document.date);
    let authors = spec
        .authors
        .iter()
        .map(|id| r.municipality(id).map(|m| m.name.as_str()))
        .collect::<Result<Vec<_>>>()?;
    let kind = match (&document.kind.kind().view, document.kind.view(&r)?) {
        (Some(part), Some(value)) => Some((part.name, value)),
        _ => None,
    };
    let derived = DocumentDerived {
        id: document
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        title: texts
            .title
            .map_or(Cow::Borrowed(spec.title.as_str()), Cow::Owned),
        date: document.date,
        subject: texts
            .subject
            .map(Cow::Owned)
            .or_else(|| spec.subject.as_deref().map(Cow::Borrowed)),
        item_id: spec.item.as_deref(),
        authors,
    };
    Ok(Own {
        document: View::new(spec, derived),
        kind,
        web: document.web.as_ref().map(|w| &*w.place),
    })
}

impl JsonSchema for Own<'_> {
    fn schema_name() -> Cow<'static, str> {
        "Own".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        own_schema(generator)
    }
}

/// The schema of a document's own part of the context: `document`, and
/// each kind's part, of which a document has its own kind's only.
fn own_schema(generator: &mut SchemaGenerator) -> Schema {
    let mut properties = serde_json::Map::new();
    let mut document = generator
        .subschema_for::<DocumentView<'static>>()
        .to_value();
    if let Some(map) = document.as_object_mut() {
        map.insert("description".into(), "The document being made.".into());
    }
    properties.insert("document".into(), document);
    for kind in KINDS {
        if let Some(part) = &kind.view {
            let mut schema = (part.schema)(generator).to_value();
            if let Some(map) = schema.as_object_mut() {
                map.insert("description".into(), part.description.into());
            }
            properties.insert(part.name.into(), schema);
        }
    }
    let mut web = generator.subschema_for::<super::WebPlace>().to_value();
    if let Some(map) = web.as_object_mut() {
        map.insert(
            "description".into(),
            "For a page of the web publication (`publication:` in dokgen.yaml): where it stands and what it links to; none in a document that is not published.".into(),
        );
    }
    properties.insert("web".into(), web);
    schemars::json_schema!({
        "type": "object",
        "properties": properties,
        "required": ["document"],
    })
}
