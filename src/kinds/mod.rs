//! Document kinds: what a document is, and what it needs of the facts.
//!
//! Every declaration under `content/documents/` makes documents of one
//! kind: a plain [`document`](plain) (a strategy, a note: its template and
//! prose, the facts as of its date), an [`application`](letter) letter (an
//! application of the facts, with the areas of the other phases), or
//! [`papers`] of a meeting (its agenda or minutes, public or internal). A
//! declaration says its kind with `kind:`, or its fields say it (one that
//! names an `application` is a letter, one that names a `meeting` is its
//! papers, and a batch says it by its collection).
//!
//! Each kind is one module that owns what it needs, behind the
//! [`DocumentKind`] trait: the fields of its declaration and their
//! schema, the batch it can be made over, its checks of the facts, the
//! prose it places, its part of the template context, and the hints of
//! its placeholders. A new kind is a module with a [`Registration`] and
//! one line in [`KINDS`].
//!
//! Takes a project (its `content/` folder); gives [`Content`]: the facts,
//! the documents to make with their kinds, and the prose they place
//! ([`load`]).

mod batch;
mod declaration;
pub(crate) mod draft;
pub(crate) mod letter;
mod load;
mod own;
mod papers;
mod plain;
pub(crate) mod web;

use std::fmt::Debug;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::{Schema, SchemaGenerator};
use serde::de::DeserializeOwned;

pub use batch::Collection;
pub use declaration::{Declaration, DeclarationFile};
pub use draft::Wishes;
pub(crate) use draft::{Draft, New};
pub use load::{Content, Document, load};
pub use papers::PaperKind;
pub use web::{Site, WebFile, WebPlace};

pub(crate) use load::{advice, document_text, texts};
pub(crate) use own::{DocumentTexts, Own, own};

use crate::context::Resolver;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::model::{Facts, ProsePath};
use crate::facts::validate::Validator;
use crate::message::Message;
use crate::msg;

/// Every kind of document, in the order `kind:` lists them.
pub(crate) static KINDS: &[&Registration] = &[&plain::KIND, &letter::KIND, &papers::KIND];

/// A kind of document: its name, its fields, and how they are read.
pub(crate) struct Registration {
    /// Its name, as `kind:` writes it: `application`.
    pub name: &'static str,
    /// What a document of it is, in a message: "an application letter".
    pub what: fn() -> Message,
    /// The collection a batch of its documents is made over
    /// (`for_each:`), if any; a batch over it is of this kind.
    pub collection: Option<Collection>,
    /// The fields its declarations have besides the common ones.
    pub fields: fn() -> &'static [&'static str],
    /// Reads those fields from a declaration's text.
    pub read: fn(&str, &Path) -> Result<Arc<dyn DocumentKind>>,
    /// The JSON Schema of those fields.
    pub schema: fn(&mut SchemaGenerator) -> Schema,
    /// Its part of the template context, if it has one.
    pub view: Option<Part>,
    /// What `dokgen new` adds of it to a project, if it adds one.
    pub new: Option<New>,
}

/// A kind's part of the template context.
pub(crate) struct Part {
    /// Its name in the context: `application`.
    pub name: &'static str,
    /// What it is, for the field reference.
    pub description: &'static str,
    /// Its schema.
    pub schema: fn(&mut SchemaGenerator) -> Schema,
}

impl Registration {
    /// The kind `name` names.
    pub(crate) fn named(name: &str) -> Option<&'static Registration> {
        KINDS.iter().copied().find(|k| k.name == name)
    }

    /// The kind whose `dokgen new` the word `word` asks for.
    pub(crate) fn by_word(word: &str) -> Option<&'static Registration> {
        KINDS
            .iter()
            .copied()
            .find(|k| k.new.as_ref().is_some_and(|n| n.words.contains(&word)))
    }

    /// The kind whose own field `field` is, if it is any kind's.
    pub(crate) fn owning(field: &str) -> Option<&'static Registration> {
        KINDS
            .iter()
            .copied()
            .find(|k| (k.fields)().contains(&field))
    }

    /// The names of every kind, for messages: "`document`, `application`
    /// or `papers`".
    pub(crate) fn names() -> Vec<&'static str> {
        KINDS.iter().map(|k| k.name).collect()
    }
}

/// A document's kind, with the fields its declaration gives it.
pub(crate) trait DocumentKind: Debug + Send + Sync {
    /// The kind.
    fn kind(&self) -> &'static Registration;

    /// The fields of the document made for the element `id` of a batch
    /// over the kind's collection, and the element's date (the document's
    /// unless the declaration gives one).
    fn element(&self, id: &str, facts: &Facts) -> (Arc<dyn DocumentKind>, Option<NaiveDate>);

    /// Checks a document of this kind against the facts, reporting to `v`
    /// at the lines a person wrote.
    fn check(&self, _v: &mut Validator<'_>, _document: &Document) {}

    /// What a secretariat should look at before sending a document of
    /// this kind, though nothing is wrong enough to refuse.
    fn advise(&self, _content: &Content, _document: &Document) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// The prose files of the facts a document of this kind places.
    fn prose<'f>(&self, _facts: &'f Facts) -> Vec<&'f ProsePath> {
        Vec::new()
    }

    /// Its part of the template context, under the name its registration
    /// gives; none for a kind without one.
    fn view(&self, _r: &Resolver<'_>) -> Result<Option<tera::Value>> {
        Ok(None)
    }

    /// What a document of this kind publishes on the web where the
    /// project publishes ([`web`]): none but public meeting papers.
    fn publishes(&self, _facts: &Facts, _date: NaiveDate) -> Option<web::Published> {
        None
    }

    /// Why `placeholder`, found in a document of this kind, is not a fact
    /// it can be made with, where the kind knows better than the place it
    /// stands: the office a signatory's name fills.
    fn placeholder(&self, _facts: &Facts, _placeholder: &str) -> Option<Message> {
        None
    }
}

/// Reads a kind's fields (`T`) from a declaration's text.
fn read_as<T>(text: &str, file: &Path) -> Result<Arc<dyn DocumentKind>>
where
    T: DocumentKind + DeserializeOwned + 'static,
{
    Ok(Arc::new(crate::yaml::from_str::<T>(text, file)?))
}

/// The JSON Schema of a kind's fields (`T`).
fn schema_of<T: schemars::JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    T::json_schema(generator)
}

/// The JSON Schema of a kind's part of the context (`T`), named in the
/// schema's definitions.
fn part_of<T: schemars::JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// `value` as the template context holds it.
fn to_value<T: serde::Serialize>(value: &T) -> Result<tera::Value> {
    tera::Value::try_from_serializable(value).map_err(|err| {
        let reason = msg!("foreign-said", tool = "Tera", text = err.to_string());
        Error::from(Diagnostic::error(msg!(
            "typeset-kind-context-failed",
            reason
        )))
    })
}
