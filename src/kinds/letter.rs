//! An application letter (`kind: application`): the letter of one
//! application of the facts to the ministry, dated as the application.
//! Its template sees the application with the areas of the other phases
//! (`application`); a batch over the applications makes one letter each.
//!
//! A final letter (not a draft) states each applicant council's decision,
//! cites the ministry's decision on every earlier application and names a
//! contact person with a telephone number and an e-mail address.

use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;

use super::{
    Collection, Content, Document, DocumentKind, Part, Registration, declaration, part_of, read_as,
    schema_of, to_value,
};
use crate::context::{ApplicationView, Resolver};
use crate::diagnostic::{Diagnostic, Result};
use crate::facts::derive::latest;
use crate::facts::model::{Application, Facts, Id, ProsePath};
use crate::facts::validate::{Validator, contact_gaps, hint};

/// An application letter's own field.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub(super) struct Letter {
    /// The application this document is the letter of, by id; a batch
    /// over the applications gives each letter its own.
    #[serde(default)]
    application: Option<Id>,
}

/// The kind.
pub(super) static KIND: Registration = Registration {
    name: "application",
    what: "an application letter",
    collection: Some(Collection::Applications),
    fields: declaration::field_names::<Letter>,
    read: read_as::<Letter>,
    schema: schema_of::<Letter>,
    view: Some(Part {
        name: "application",
        description: "For an application letter: its application, with the areas of the other phases.",
        schema: part_of::<ApplicationView<'static>>,
    }),
};

/// How old a population figure may be on a letter's date before the check
/// asks for a newer one: Danmarks Statistik publishes the population of 1
/// January in February, so on any day the newest figure is at most about
/// fourteen months old.
const FIGURE_AGE_DAYS: i64 = 456;

impl Letter {
    /// The letter's application, if the facts have it.
    fn application<'f>(&self, facts: &'f Facts) -> Option<(&Id, &'f Application)> {
        let id = self.application.as_ref()?;
        facts.applications.get(id).map(|app| (id, app))
    }
}

impl DocumentKind for Letter {
    fn kind(&self) -> &'static Registration {
        &KIND
    }

    fn element(&self, id: &str, facts: &Facts) -> (Arc<dyn DocumentKind>, Option<NaiveDate>) {
        let letter = Letter {
            application: Some(id.to_owned()),
        };
        let date = facts.applications.get(id).map(|a| a.date);
        (Arc::new(letter), date)
    }

    fn check(&self, v: &mut Validator<'_>, document: &Document) {
        let file = &document.file;
        let Some(id) = &self.application else {
            let at = v.sources().value_in(file, "");
            v.push(
                Diagnostic::error("an application letter names its application")
                    .in_file(file)
                    .located(at)
                    .hint("add `application: <application id>`"),
            );
            return;
        };
        let known = v.application_ids();
        v.reference_in(file, "application", id, "application", &known);
        let Some((_, app)) = self.application(v.facts()) else {
            return;
        };
        if app.date != document.date {
            let at = v.sources().value_in(file, "date");
            v.push(
                Diagnostic::error(format!(
                    "date: the document is dated {} but its application {}",
                    document.date, app.date
                ))
                .in_file(file)
                .located(at)
                .hint("a letter carries the date of its application; make the two dates equal"),
            );
        }
        if !document.spec.draft {
            final_letter(v, document, id);
        }
    }

    fn advise(&self, content: &Content, document: &Document) -> Vec<Diagnostic> {
        let facts = &content.facts;
        let Some((_, app)) = self.application(facts) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for id in facts.cooperation.iter().flat_map(|c| &c.members) {
            let Some(m) = facts.municipalities.get(id) else {
                continue;
            };
            let Some(figure) = latest(&m.population, Some(app.date)) else {
                continue;
            };
            if (app.date - figure.date).num_days() <= FIGURE_AGE_DAYS {
                continue;
            }
            out.push(
                Diagnostic::warning(format!(
                    "application: the letter of {} argues from {}'s population on {}, the newest figure the facts give",
                    app.date, m.name, figure.date
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "application"))
                .hint(format!(
                    "add the newest figure known on the letter's date to municipalities.{id}.population (Danmarks Statistik, Statistikbanken, FOLK1A)"
                )),
            );
        }
        out
    }

    /// The prose of the items it appends as extracts of minutes.
    fn prose<'f>(&self, facts: &'f Facts) -> Vec<&'f ProsePath> {
        self.application(facts)
            .into_iter()
            .flat_map(|(_, app)| &app.annexes)
            .filter_map(|annex| annex.minutes.as_ref())
            .filter_map(|at| facts.item(&at.meeting, at.item))
            .flat_map(|(_, item)| item.prose().map(|(_, p)| p))
            .collect()
    }

    fn view(&self, r: &Resolver<'_>) -> Result<Option<tera::Value>> {
        let Some(id) = &self.application else {
            return Ok(None);
        };
        to_value(&r.application_detail(id)?).map(Some)
    }

    /// A signatory whose name is a placeholder: the office it fills.
    fn placeholder(&self, facts: &Facts, placeholder: &str) -> Option<String> {
        let (_, application) = self.application(facts)?;
        application.signatories.iter().find_map(|id| {
            let m = facts.municipalities.get(id)?;
            [
                ("mayor", Some(&m.officials.mayor)),
                ("chief executive", m.officials.chief_executive.as_ref()),
            ]
            .into_iter()
            .find_map(|(office, terms)| {
                let person = terms?.on(application.date)?;
                person.name.contains(placeholder).then(|| {
                    format!(
                        "the {office} of {} on {} is `{}`: an official with an unknown name signs nothing",
                        m.name, application.date, person.name
                    )
                })
            })
        })
    }
}

/// A final letter states each applicant council's decision and cites the
/// ministry's decision on every earlier application, and names a contact
/// person; a draft may still lack them.
fn final_letter(v: &mut Validator<'_>, document: &Document, id: &Id) {
    let f = v.facts();
    let order = f.applications_by_phase();
    let Some(place) = order.iter().position(|(other, _)| *other == id) else {
        return;
    };
    let app = order[place].1;
    let at = v.sources().value_in(&document.file, "application");
    let mut problems = Vec::new();
    for applicant in &app.applicants {
        if app.decisions.iter().any(|d| d.municipality == *applicant) {
            continue;
        }
        let name = f
            .municipalities
            .get(applicant)
            .map_or(applicant.as_str(), |m| m.name.as_str());
        problems.push(
            Diagnostic::error(format!(
                "application: the letter states no decision of {name}'s council to apply"
            ))
            .hint(format!(
                "add it to applications.{id}.decisions: `- {{ municipality: {applicant}, meeting: <meeting id>, item: <number> }}`, or `body:` and `date:`; or mark the letter `draft: true` until the council has decided"
            )),
        );
    }
    // Earlier: in an earlier phase, or, without phases, sent on an earlier
    // day (applications of one day are sent together).
    let earlier_than = |other: &Application| match (other.phase, app.phase) {
        (Some(a), Some(b)) => a < b,
        _ => other.date < app.date,
    };
    for (earlier, before) in &order[..place] {
        if before.ministry_decision.is_some() || !earlier_than(before) {
            continue;
        }
        problems.push(
            Diagnostic::error(format!(
                "application: the letter cites no ministry decision on the earlier application `{earlier}`"
            ))
            .hint(format!(
                "add `ministry_decision: {{ date: …, case_number: \"…\", outcome: granted }}` to applications.{earlier}"
            )),
        );
    }
    for d in problems {
        v.push(d.in_file(&document.file).located(at.clone()));
    }
    let base = format!("applications.{id}.contact");
    match &app.contact {
        None => {
            let d = v.error(
                &format!("applications.{id}"),
                "the final letter names no contact person",
            );
            hint(
                d,
                "add `contact: { official: chief_executive, municipality: <id>, phone: …, email: … }` or a person by `name:` and `title:`; or mark the letter `draft: true`",
            );
        }
        Some(c) => {
            for (field, message, help) in contact_gaps(c) {
                let path = field.map_or(base.clone(), |f| format!("{base}.{f}"));
                let d = v.error(&path, message);
                hint(d, help);
            }
        }
    }
}
