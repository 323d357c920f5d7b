//! Meeting papers (`kind: papers`): the agenda or the minutes of one
//! meeting of the facts, public (a closed item by its number and neutral
//! title only) or internal (every item whole; its file name says
//! "intern"). Their template sees the meeting, its members and its items
//! with their headings in the secretariat's order (`papers`); a batch over
//! the meetings makes one set each.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::draft::{Draft, Files, New, declaration, modeline, next_id, scalar};
use super::{
    Collection, Content, Document, DocumentKind, Part, Registration, part_of, read_as, schema_of,
    to_value,
};
pub use crate::context::PaperKind;
use crate::context::{PapersView, Resolver};
use crate::diagnostic::{Diagnostic, Result};
use crate::facts::model::{Facts, MeetingId, ProsePath};
use crate::facts::validate::Validator;
use crate::msg;

/// Meeting papers' own fields.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub(super) struct Papers {
    /// The meeting this document is the papers of, by id; a batch over the
    /// meetings gives each document its own.
    #[serde(default)]
    meeting: Option<MeetingId>,
    /// The agenda (no apologies, no decisions; the default), the
    /// supplementary agenda, the minutes (with both), or an extract of
    /// the protocol for one item.
    #[serde(default)]
    papers: Option<PaperKind>,
    /// For an extract (`papers: extract`): the item, by the number the
    /// agenda prints.
    #[serde(default)]
    item: Option<u32>,
    /// The internal version, with the closed items whole; its file name
    /// must say "intern". The public version (the default) shows a closed
    /// item by number and neutral title only.
    #[serde(default)]
    internal: bool,
}

/// The kind.
pub(super) static KIND: Registration = Registration {
    name: "papers",
    what: || msg!("typeset-kind-papers"),
    collection: Some(Collection::Meetings),
    fields: super::declaration::field_names::<Papers>,
    read: read_as::<Papers>,
    schema: schema_of::<Papers>,
    view: Some(Part {
        name: "papers",
        description: "For meeting papers: the meeting, who is called to it, and its items as this version shows them.",
        schema: part_of::<PapersView<'static>>,
    }),
    new: Some(New {
        words: &["meeting", "moede"],
        draft,
    }),
};

impl Papers {
    /// Which papers these are: the agenda unless told.
    fn which(&self) -> PaperKind {
        self.papers.unwrap_or(PaperKind::Agenda)
    }

    /// Whether these record the decisions: the minutes or an extract.
    fn minutes(&self) -> bool {
        matches!(self.which(), PaperKind::Minutes | PaperKind::Extract)
    }
}

impl DocumentKind for Papers {
    fn kind(&self) -> &'static Registration {
        &KIND
    }

    fn element(&self, id: &str, facts: &Facts) -> (Arc<dyn DocumentKind>, Option<NaiveDate>) {
        let papers = Papers {
            meeting: Some(MeetingId::new(id)),
            ..self.clone()
        };
        let date = facts.meeting(id).map(|(_, m)| m.date);
        (Arc::new(papers), date)
    }

    /// Meeting papers name a meeting with items, and say in their file
    /// name whether they are internal; minutes need every decision and a
    /// minute taker.
    fn check(&self, v: &mut Validator<'_>, document: &Document) {
        let spec = &document.spec;
        let file = &document.file;
        let located = |v: &Validator<'_>, d: Diagnostic, path: &str| {
            let at = v.sources().value_in(file, path);
            d.in_file(file).located(at)
        };
        let Some(id) = &self.meeting else {
            let d = Diagnostic::error(msg!("typeset-papers-no-meeting"))
                .hint(msg!("typeset-papers-no-meeting-hint"));
            let d = located(v, d, "");
            v.push(d);
            return;
        };
        let Some((i, meeting)) = v.facts().meeting(id) else {
            // Unknown, or in a file that could not be read (whose error is
            // reported already).
            v.references_in(file, self);
            return;
        };
        // The items this version prints whole: a public version lists a
        // closed item by its number and neutral title only.
        let shown: Vec<_> = meeting
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| self.internal || item.closed.is_none())
            .collect();
        if meeting.items.is_empty() {
            let d = Diagnostic::error(msg!("typeset-papers-no-items", id = id.as_str()))
                .hint(msg!("typeset-papers-no-items-hint", index = i));
            let d = located(v, d, "meeting");
            v.push(d);
        }
        // The file name says which version it is, so that internal papers
        // are never taken for the public ones.
        let written_to = document
            .formats
            .first()
            .map_or_else(|| spec.output.clone(), |f| f.file_name(&spec.output));
        let named_internal = spec.output.contains("intern");
        if named_internal != self.internal {
            let (message, fix) = if self.internal {
                (
                    msg!(
                        "typeset-papers-internal-public-name",
                        file = written_to.as_str()
                    ),
                    msg!(
                        "typeset-papers-internal-public-name-hint",
                        output = spec.output.as_str()
                    ),
                )
            } else {
                (
                    msg!(
                        "typeset-papers-public-internal-name",
                        file = written_to.as_str()
                    ),
                    msg!("typeset-papers-public-internal-name-hint"),
                )
            };
            let d = located(v, Diagnostic::error(message).hint(fix), "output");
            v.push(d);
        }
        match (self.which(), self.item) {
            (PaperKind::Extract, None) => {
                let d = Diagnostic::error(msg!("typeset-papers-extract-no-item"))
                    .hint(msg!("typeset-papers-extract-no-item-hint"));
                let d = located(v, d, "papers");
                v.push(d);
            }
            (PaperKind::Extract, Some(number)) if meeting.item_numbered(number).is_none() => {
                // An item's, not a standard item's.
                let numbers: Vec<String> = (0..meeting.items.len())
                    .map(|j| meeting.number_of(j).to_string())
                    .collect();
                let d = Diagnostic::error(msg!(
                    "typeset-papers-extract-unknown-item",
                    number,
                    id = id.as_str()
                ))
                .hint(msg!(
                    "typeset-papers-extract-unknown-item-hint",
                    numbers = crate::message::list(
                        numbers.iter().map(crate::message::Arg::from).collect(),
                        crate::message::Join::Or
                    )
                ));
                let d = located(v, d, "item");
                v.push(d);
            }
            (PaperKind::Extract, Some(_)) if document.date < meeting.date => {
                let d = Diagnostic::error(msg!(
                    "typeset-papers-extract-before-meeting",
                    date = document.date.to_string(),
                    meeting = meeting.date.to_string()
                ))
                .hint(msg!("typeset-papers-extract-before-meeting-hint"));
                let d = located(v, d, "date");
                v.push(d);
            }
            (PaperKind::Extract, Some(_)) => {}
            (_, Some(_)) => {
                let d = Diagnostic::error(msg!("typeset-papers-item-without-extract"))
                    .hint(msg!("typeset-papers-item-without-extract-hint"));
                let d = located(v, d, "item");
                v.push(d);
            }
            (PaperKind::SupplementaryAgenda, None) if meeting.regular() == meeting.items.len() => {
                let d = Diagnostic::error(msg!(
                    "typeset-papers-no-supplementary-items",
                    id = id.as_str()
                ))
                .hint(msg!("typeset-papers-no-supplementary-items-hint"));
                let d = located(v, d, "papers");
                v.push(d);
            }
            _ => {}
        }
        if !self.minutes() {
            return;
        }
        if meeting.minute_taker.is_none() {
            let path = format!("meetings[{i}]");
            let at = v.sources().value(&path);
            v.push(
                Diagnostic::error(msg!(
                    "typeset-papers-no-minute-taker",
                    path,
                    file = file.display()
                ))
                .located(at)
                .hint(msg!("typeset-papers-no-minute-taker-hint")),
            );
        }
        let extract = self
            .item
            .and_then(|n| meeting.item_numbered(n))
            .map(|(j, _)| j);
        for (j, item) in shown {
            if self.which() == PaperKind::Extract && extract != Some(j) {
                continue;
            }
            if item.decision.is_none() {
                let path = format!("meetings[{i}].items[{j}]");
                let at = v.sources().value(&path);
                v.push(
                    Diagnostic::error(msg!(
                        "typeset-papers-no-decision",
                        path,
                        file = file.display(),
                        title = item.title.as_str()
                    ))
                    .located(at)
                    .hint(msg!("typeset-papers-no-decision-hint")),
                );
            }
        }
    }

    /// The council's public minutes publish what may be said of a closed
    /// item's decision (kommunestyrelseslovens § 8, stk. 7): a closed item
    /// with a decision and no public wording of it is worth a look.
    fn advise(&self, content: &Content, document: &Document) -> Vec<Diagnostic> {
        let file = &document.file;
        let mut out = Vec::new();
        if self.which() != PaperKind::Minutes || self.internal {
            return out;
        }
        let Some((i, meeting)) = self
            .meeting
            .as_deref()
            .and_then(|id| content.facts.meeting(id))
        else {
            return out;
        };
        // The duty binds the council; a committee or a steering group
        // publishes what it chooses.
        if !meeting.is_council() {
            return out;
        }
        for (j, item) in meeting.items.iter().enumerate() {
            let Some(closed) = &item.closed else { continue };
            if item.decision.is_some() && closed.public_decision.is_none() {
                let path = format!("meetings[{i}].items[{j}].closed");
                out.push(
                    Diagnostic::warning(msg!(
                        "typeset-papers-closed-decision-unpublished",
                        path = &path,
                        file = file.display(),
                        number = meeting.number_of(j)
                    ))
                    .located(content.sources.value(&path))
                    .hint(msg!("typeset-papers-closed-decision-unpublished-hint")),
                );
            }
        }
        out
    }

    /// The prose of the meeting's items.
    fn prose<'f>(&self, facts: &'f Facts) -> Vec<&'f ProsePath> {
        self.meeting
            .as_deref()
            .and_then(|id| facts.meeting(id))
            .into_iter()
            .flat_map(|(_, m)| m.items.iter().flat_map(|item| item.prose().map(|(_, p)| p)))
            .collect()
    }

    /// The public agenda, supplementary agenda and minutes; each item they
    /// print whole has a page (as [`crate::context`]'s papers view shows
    /// them: the supplementary agenda those items sent by its date).
    fn publishes(&self, facts: &Facts, date: NaiveDate) -> Option<super::web::Published> {
        if self.internal || self.which() == PaperKind::Extract {
            return None;
        }
        let (_, meeting) = facts.meeting(self.meeting.as_deref()?)?;
        let items = meeting
            .items
            .iter()
            .enumerate()
            .filter(|(i, item)| {
                item.closed.is_none()
                    && crate::context::shows(meeting, self.which(), *i, date, None)
            })
            .map(|(i, _)| meeting.number_of(i))
            .collect();
        Some(super::web::Published {
            meeting: meeting.id.to_string(),
            which: self.which(),
            items,
        })
    }

    fn view(&self, r: &Resolver<'_>) -> Result<Option<tera::Value>> {
        let Some(id) = &self.meeting else {
            return Ok(None);
        };
        to_value(&r.papers_view(id, self.which(), self.internal, self.item)?).map(Some)
    }
}

/// `dokgen new meeting`: a meeting with one item of the first member's
/// secretariat, its agenda and the item's prose, as a draft with
/// placeholders.
fn draft(d: &Draft<'_>) -> Result<Files> {
    let (facts, wishes, date) = (d.facts, d.wishes, d.date);
    let id = wishes.id.clone().unwrap_or_else(|| {
        next_id(&format!("moede-{date}"), 1, |id| {
            facts.meetings.iter().any(|m| m.id == id)
        })
    });
    let secretariat = facts
        .cooperation
        .as_ref()
        .and_then(|c| c.members.first().map(|m| m.as_str()))
        .or_else(|| facts.municipalities.keys().next().map(String::as_str))
        .unwrap_or_default();
    if facts
        .municipalities
        .get(secretariat)
        .is_none_or(|m| m.meeting_papers.is_none())
    {
        return Err(
            Diagnostic::error(msg!("typeset-papers-new-no-headings", secretariat))
                .hint(msg!("typeset-papers-new-no-headings-hint", secretariat))
                .into(),
        );
    }
    let body = facts.municipalities.get(secretariat).map_or(
        "[indsæt udvalg eller kommunalbestyrelse]".to_owned(),
        |m| m.council_body(),
    );
    let mut text = modeline(1, "facts");
    text.push_str(&format!(
        "# Mødet {id}, tilføjet med `dokgen new meeting`.\nmeetings:\n  - id: {id}\n    date: {date}\n    body: {}\n    kind: møde\n    subject: \"[indsæt mødets emne]\"\n    # Den kommune, hvis overskrifter punkterne følger.\n    secretariat: {secretariat}\n    # Mødets klokkeslæt (skrives 17:00, trykkes kl. 17.00).\n    # time: \"17:00\"\n    place: \"[indsæt mødested]\"\n    # Hvornår dagsordenen blev sendt ud (kommunestyrelseslovens § 8, stk. 4:\n    # mindst 4 hverdage før kommunalbestyrelsens møde).\n    # agenda_sent: ÅÅÅÅ-MM-DD\n    items:\n      - title: \"[indsæt punktets titel]\"\n        case_number: \"[indsæt sagsnummer]\"\n        presentation: prosa/{id}/sagsfremstilling.md\n        recommendations:\n          - \"[indsæt indstillingen, uden det indledende »at«]\"\n",
        scalar(&body)
    ));
    let presentation =
        "[indsæt sagsfremstillingen: hvad sagen drejer sig om, og hvad der skal besluttes]\n";
    let output = format!("{id}-dagsorden");
    Ok(vec![
        (PathBuf::from(format!("content/{id}.yaml")), text),
        (
            PathBuf::from(format!("content/documents/{output}.yaml")),
            declaration(
                "moede.typ.tera",
                &output,
                &format!("Dagsorden til mødet den {{{{ meeting[\"{id}\"].date | dato }}}}"),
                date,
                &format!("meeting: {id}\npapers: agenda\n"),
                &id,
                &[],
            ),
        ),
        (
            PathBuf::from(format!("content/prosa/{id}/sagsfremstilling.md")),
            presentation.to_owned(),
        ),
    ])
}
