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
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema is valid JSON");
    out.push('\n');
    out
}
