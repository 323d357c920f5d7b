//! A document (`kind: document`): its template, the prose its
//! declaration names and the facts as of its date, with nothing of its
//! own in the facts. The strategy is one; so is any note a template makes,
//! and a batch over the municipalities makes one for each.

use std::path::PathBuf;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;

use super::draft::{Draft, Files, New, declaration, modeline, next_id, prose_files};
use super::{Collection, DocumentKind, Registration, read_as, schema_of};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::model::Facts;
use crate::msg;

/// A document: no fields beyond those every declaration has.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub(super) struct Plain {}

/// The kind.
pub(super) static KIND: Registration = Registration {
    name: "document",
    what: || msg!("typeset-kind-document"),
    collection: Some(Collection::Municipalities),
    fields: super::declaration::field_names::<Plain>,
    read: read_as::<Plain>,
    schema: schema_of::<Plain>,
    view: None,
    new: Some(New {
        words: &["document", "dokument"],
        draft,
    }),
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

/// `dokgen new document`: a document of a template, with a prose file for
/// each key the template places (and the strategic lines, where the
/// template places them and the facts have none), as a draft with
/// placeholders.
fn draft(d: &Draft<'_>) -> Result<Files> {
    let (wishes, date) = (d.wishes, d.date);
    let template = wishes
        .template
        .clone()
        .unwrap_or_else(|| "strategi.typ.tera".to_owned());
    let Some((_, text)) = d.templates.text_of(&template) else {
        let names: Vec<&str> = d
            .templates
            .all_names()
            .filter(|n| !n.contains('/'))
            .collect();
        return Err(Error::from(
            Diagnostic::error(msg!("typeset-document-new-no-template", template)).hint(msg!(
                "typeset-document-new-templates",
                templates = crate::diagnostic::code_list(&names)
            )),
        ));
    };
    let stem = template.trim_end_matches(crate::template::TEMPLATE_SUFFIX);
    let id = wishes.id.clone().unwrap_or_else(|| {
        next_id(stem, 1, |id| {
            d.documents.iter().any(|doc| doc.spec.output == id)
        })
    });
    let prose: Vec<(String, String)> = crate::template::placed_prose_keys(text)
        .into_iter()
        .map(|key| {
            let text = format!("[indsæt teksten til {key}]\n");
            (key, text)
        })
        .collect();
    let mut files = vec![(
        PathBuf::from(format!("content/documents/{id}.yaml")),
        declaration(&template, &id, "[indsæt titel]", date, "", &id, &prose),
    )];
    files.extend(prose_files(&id, &prose));
    // The strategy template places the strategic lines: a project without
    // them gets one to fill in.
    if text.contains("strategy.lines") && d.facts.strategy.is_none() {
        let mut facts = modeline(1, "facts");
        facts.push_str("# De strategiske sigtelinjer, tilføjet med `dokgen new document`.\nstrategy:\n  lines:\n    - number: 1\n      title: \"[indsæt sigtelinjens titel]\"\n      prose: prosa/sigtelinjer/1.md\n");
        files.push((PathBuf::from("content/strategi.yaml"), facts));
        files.push((
            PathBuf::from("content/prosa/sigtelinjer/1.md"),
            "[indsæt, hvad sigtelinjen går ud på]\n".to_owned(),
        ));
    }
    Ok(files)
}
