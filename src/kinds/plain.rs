//! A document (`kind: document`): its template, the prose its
//! declaration names and the facts as of its date, with nothing of its
//! own in the facts. The strategy is one; so is any note a template makes,
//! and a batch over the municipalities makes one for each.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Collection, DocumentKind, Registration, declaration, read_as, schema_of};
use crate::facts::model::Facts;

/// A document: no fields beyond those every declaration has.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub(super) struct Plain {}

/// The kind.
pub(super) static KIND: Registration = Registration {
    name: "document",
    what: "a document",
    collection: Some(Collection::Municipalities),
    fields: declaration::field_names::<Plain>,
    read: read_as::<Plain>,
    schema: schema_of::<Plain>,
    view: None,
};

impl DocumentKind for Plain {
    fn kind(&self) -> &'static Registration {
        &KIND
    }

    fn element(
        &self,
        _id: &str,
        _facts: &Facts,
    ) -> (Arc<dyn DocumentKind>, Option<chrono::NaiveDate>) {
        (Arc::new(self.clone()), None)
    }
}
