//! An application letter (`kind: application`): the letter of one
//! application of the facts to the ministry, dated as the application.
//! Its template sees the application with the areas of the other phases
//! (`application`); a batch over the applications makes one letter each.
//!
//! A final letter (not a draft) is signed for every applicant (or carries
//! its council's decision in place of its signature), states each
//! applicant council's decision, cites the ministry's decision on every
//! earlier application and names a contact person with a telephone number
//! or an e-mail address.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::draft::{Draft, Files, New, declaration, ids, modeline, next_id, prose_files, scalar};
use super::{
    Collection, Content, Document, DocumentKind, Part, Registration, part_of, read_as, schema_of,
    to_value,
};
use crate::context::{ApplicationView, Resolver};
use crate::diagnostic::{Diagnostic, Result, code_list};
use crate::facts::derive::latest;
use crate::facts::ministry;
use crate::facts::model::{Application, ApplicationId, Facts, Id, ProsePath};
use crate::facts::validate::{Validator, contact_gaps};
use crate::message::Message;
use crate::msg;

/// An application letter's own field.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
pub(super) struct Letter {
    /// The application this document is the letter of, by id; a batch
    /// over the applications gives each letter its own.
    #[serde(default)]
    application: Option<ApplicationId>,
}

/// The kind.
pub(super) static KIND: Registration = Registration {
    name: "application",
    what: || msg!("typeset-kind-application"),
    collection: Some(Collection::Applications),
    fields: super::declaration::field_names::<Letter>,
    read: read_as::<Letter>,
    schema: schema_of::<Letter>,
    view: Some(Part {
        name: "application",
        description: "For an application letter: its application, with the areas of the other phases.",
        schema: part_of::<ApplicationView<'static>>,
    }),
    new: Some(New {
        words: &["application", "ansoegning"],
        draft,
    }),
};

/// The ministry an application of `date` is addressed to unless the
/// answers or the facts say otherwise: the one responsible for the law on
/// that date by dokgen's table, or the last the table knows.
pub fn default_ministry(date: NaiveDate) -> &'static str {
    ministry::on(date).map_or(
        ministry::MINISTRIES[ministry::MINISTRIES.len() - 1].name,
        |m| m.name,
    )
}

/// How old a population figure may be on a letter's date before the check
/// asks for a newer one: Danmarks Statistik publishes the population of 1
/// January in February, so on any day the newest figure is at most about
/// fourteen months old.
const FIGURE_AGE_DAYS: i64 = 456;

impl Letter {
    /// The letter's application, if the facts have it.
    fn application<'f>(&self, facts: &'f Facts) -> Option<&'f Application> {
        facts.applications.get(self.application.as_ref()?.as_str())
    }
}

impl DocumentKind for Letter {
    fn kind(&self) -> &'static Registration {
        &KIND
    }

    fn element(&self, id: &str, facts: &Facts) -> (Arc<dyn DocumentKind>, Option<NaiveDate>) {
        let letter = Letter {
            application: Some(ApplicationId::new(id)),
        };
        let date = facts.applications.get(id).map(|a| a.date);
        (Arc::new(letter), date)
    }

    fn check(&self, v: &mut Validator<'_>, document: &Document) {
        let file = &document.file;
        let Some(id) = &self.application else {
            let at = v.sources().value_in(file, "");
            v.push(
                Diagnostic::error(msg!("typeset-letter-no-application"))
                    .in_file(file)
                    .located(at)
                    .hint(msg!("typeset-letter-no-application-hint")),
            );
            return;
        };
        v.references_in(file, self);
        let Some(app) = self.application(v.facts()) else {
            return;
        };
        if app.date != document.date {
            let at = v.sources().value_in(file, "date");
            v.push(
                Diagnostic::error(msg!(
                    "typeset-letter-date",
                    date = document.date.to_string(),
                    application_date = app.date.to_string()
                ))
                .in_file(file)
                .located(at)
                .hint(msg!("typeset-letter-date-hint")),
            );
        }
        if !document.spec.draft {
            final_letter(v, document, id);
        }
    }

    fn advise(&self, content: &Content, document: &Document) -> Vec<Diagnostic> {
        let facts = &content.facts;
        let Some(app) = self.application(facts) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for id in facts.cooperation.iter().flat_map(|c| &c.members) {
            let Some(m) = facts.municipalities.get(id.as_str()) else {
                continue;
            };
            let Some(figure) = latest(&m.population, Some(app.date)) else {
                continue;
            };
            if (app.date - figure.date).num_days() <= FIGURE_AGE_DAYS {
                continue;
            }
            out.push(
                Diagnostic::warning(msg!(
                    "typeset-letter-old-population",
                    date = app.date.to_string(),
                    municipality = m.name.as_str(),
                    figure_date = figure.date.to_string()
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "application"))
                .hint(msg!("typeset-letter-old-population-hint", id = id.as_str())),
            );
        }
        out
    }

    /// The prose of the items it appends as extracts of minutes.
    fn prose<'f>(&self, facts: &'f Facts) -> Vec<&'f ProsePath> {
        self.application(facts)
            .into_iter()
            .flat_map(|app| &app.annexes)
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
    fn placeholder(&self, facts: &Facts, placeholder: &str) -> Option<Message> {
        let application = self.application(facts)?;
        application.signatories.iter().find_map(|id| {
            let m = facts.municipalities.get(id.as_str())?;
            [
                (
                    msg!("typeset-letter-office-mayor"),
                    Some(&m.officials.mayor),
                ),
                (
                    msg!("typeset-letter-office-chief-executive"),
                    m.officials.chief_executive.as_ref(),
                ),
            ]
            .into_iter()
            .find_map(|(office, terms)| {
                let person = terms?.on(application.date)?;
                person.name.contains(placeholder).then(|| {
                    msg!(
                        "typeset-letter-unnamed-signatory",
                        office,
                        municipality = m.name.as_str(),
                        date = application.date.to_string(),
                        name = person.name.as_str()
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
            .get(applicant.as_str())
            .map_or(applicant.as_str(), |m| m.name.as_str());
        problems.push(
            Diagnostic::error(msg!(
                "typeset-letter-no-council-decision",
                municipality = name
            ))
            .hint(msg!(
                "typeset-letter-no-council-decision-hint",
                id = id.as_str(),
                applicant = applicant.as_str()
            )),
        );
    }
    // Every applicant signs (its mayor and the person its council has
    // authorised, kommunestyrelseslovens § 32), or encloses its council's
    // decision in its place.
    for applicant in &app.applicants {
        let signs = app.signatories.iter().any(|s| s == applicant);
        let encloses = app
            .decisions
            .iter()
            .any(|d| d.municipality == *applicant && d.in_place_of_signature);
        if signs || encloses {
            continue;
        }
        let name = f
            .municipalities
            .get(applicant.as_str())
            .map_or(applicant.as_str(), |m| m.name.as_str());
        let path = format!("applications.{id}.signatories");
        v.push(
            Diagnostic::error(msg!(
                "typeset-kind-at",
                path = path.as_str(),
                message = msg!("typeset-letter-applicant-unsigned", municipality = name)
            ))
            .located(v.sources().value(&path))
            .hint(msg!(
                "typeset-letter-applicant-unsigned-hint",
                applicant = applicant.as_str()
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
            Diagnostic::error(msg!(
                "typeset-letter-no-ministry-decision",
                earlier = earlier.as_str()
            ))
            .hint(msg!(
                "typeset-letter-no-ministry-decision-hint",
                earlier = earlier.as_str()
            )),
        );
    }
    for d in problems {
        v.push(d.in_file(&document.file).located(at.clone()));
    }
    let base = format!("applications.{id}.contact");
    match &app.contact {
        None => {
            let path = format!("applications.{id}");
            let at = v.sources().value(&path);
            v.push(
                Diagnostic::error(msg!("typeset-letter-no-contact", path))
                    .located(at)
                    .hint(msg!("typeset-letter-no-contact-hint")),
            );
        }
        Some(c) => {
            for (field, message, help) in contact_gaps(c) {
                let path = field.map_or(base.clone(), |f| format!("{base}.{f}"));
                let at = v.sources().value(&path);
                v.push(
                    Diagnostic::error(msg!("typeset-kind-at", path, message))
                        .located(at)
                        .hint(help),
                );
            }
        }
    }
}

/// `dokgen new application`: an application of the areas no application
/// names yet (or those wished), its letter and the letter's prose, as a
/// draft with placeholders.
fn draft(d: &Draft<'_>) -> Result<Files> {
    let (facts, wishes, date) = (d.facts, d.wishes, d.date);
    let Some(cooperation) = &facts.cooperation else {
        return Err(Diagnostic::error(msg!("typeset-letter-new-no-cooperation"))
            .hint(msg!("typeset-letter-new-no-cooperation-hint"))
            .into());
    };
    let applied: Vec<&str> = facts
        .applications
        .values()
        .flat_map(|a| a.areas.iter().map(|id| id.as_str()))
        .collect();
    let mut areas = Vec::new();
    for wanted in &wishes.areas {
        let id = crate::id::from_name(wanted);
        match cooperation
            .areas
            .iter()
            .find(|a| a.id == *wanted || a.id == id || crate::id::from_name(&a.name) == id)
        {
            Some(area) => areas.push(area),
            None => {
                let names: Vec<&str> = cooperation.areas.iter().map(|a| a.id.as_str()).collect();
                return Err(Diagnostic::error(msg!(
                    "typeset-letter-new-unknown-area",
                    area = wanted.as_str()
                ))
                .hint(msg!("typeset-letter-new-areas", areas = code_list(&names)))
                .into());
            }
        }
    }
    if areas.is_empty() {
        areas = cooperation
            .areas
            .iter()
            .filter(|a| !applied.contains(&a.id.as_str()))
            .collect();
    }
    if areas.is_empty() {
        return Err(Diagnostic::error(msg!("typeset-letter-new-no-areas-left"))
            .hint(msg!("typeset-letter-new-no-areas-left-hint"))
            .into());
    }
    let id = wishes.id.clone().unwrap_or_else(|| {
        next_id("ansoegning", facts.applications.len() + 1, |id| {
            facts.applications.contains_key(id)
        })
    });
    let applicants: Vec<&str> = cooperation
        .members
        .iter()
        .filter(|m| {
            areas
                .iter()
                .any(|a| a.concerns(&cooperation.members).contains(m))
        })
        .map(|id| id.as_str())
        .collect();
    let phase = facts
        .applications
        .values()
        .filter_map(|a| a.phase)
        .max()
        .map(|p| p + 1);
    let start = wishes.start.unwrap_or_else(|| {
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&date) + 1, 1, 1).unwrap_or(date)
    });
    let addressee = facts
        .applications
        .values()
        .max_by_key(|a| a.date)
        .and_then(|a| a.addressee.as_ref())
        .map_or(default_ministry(date), |a| a.name.as_str());
    let names: Vec<(&str, &str)> = applicants
        .iter()
        .map(|id| {
            let short = facts
                .municipalities
                .get(*id)
                .map_or(*id, |m| m.short_name.as_str());
            (*id, short)
        })
        .collect();
    let mut facts_text = modeline(1, "facts");
    facts_text.push_str(&format!(
        "# Ansøgningen {id}, tilføjet med `dokgen new application`.\napplications:\n"
    ));
    facts_text.push_str(&application_entry(&NewApplication {
        id: &id,
        phase,
        areas: areas.iter().map(|a| a.id.as_str()).collect(),
        start,
        date,
        councils: applicants
            .iter()
            .map(|id| {
                facts.municipalities.get(*id).map_or_else(
                    || format!("Kommunalbestyrelsen i {id}"),
                    |m| m.council_body(),
                )
            })
            .collect(),
        applicants: names,
        ministry: addressee,
    }));
    let prose = application_prose(applicants.len() > 1);
    let mut files = vec![
        (PathBuf::from(format!("content/{id}.yaml")), facts_text),
        (
            PathBuf::from(format!("content/documents/{id}.yaml")),
            declaration(
                "ansoegning.typ.tera",
                &id,
                "Ansøgning om dispensation efter {{ law.dispensation | paragraf(i=law.name) }}",
                date,
                &format!("application: {id}\n"),
                &id,
                &prose,
            ),
        ),
    ];
    files.extend(prose_files(&id, &prose));
    Ok(files)
}

/// An application as `dokgen new` writes it.
pub(crate) struct NewApplication<'a> {
    pub(crate) id: &'a str,
    pub(crate) phase: Option<u32>,
    /// Area ids.
    pub(crate) areas: Vec<&'a str>,
    pub(crate) start: chrono::NaiveDate,
    pub(crate) date: chrono::NaiveDate,
    /// Ids and short names.
    pub(crate) applicants: Vec<(&'a str, &'a str)>,
    /// Each applicant's council as a body is named, in the same order:
    /// "Byrådet i Ishøj Kommune".
    pub(crate) councils: Vec<String>,
    pub(crate) ministry: &'a str,
}

/// The entry of `app` under `applications:`, with a placeholder for what
/// is not known yet and, as comments, the councils' decisions to give.
pub(crate) fn application_entry(app: &NewApplication<'_>) -> String {
    let ids_of = || ids(app.applicants.iter().map(|(id, _)| *id));
    let (first, first_name) = app.applicants.first().copied().unwrap_or_default();
    let mut out = format!("  {}:\n", app.id);
    if let Some(phase) = app.phase {
        out.push_str(&format!("    phase: {phase}\n"));
    }
    out.push_str(&format!(
        "    areas: {}\n    # Fra hvornår områderne udgår.\n    start: {}\n    applicants: {}\n",
        ids(app.areas.iter().copied()),
        app.start,
        ids_of()
    ));
    match ministry::on(app.date).filter(|m| m.name == app.ministry) {
        Some(m) => out.push_str(&format!(
            "    # Brevet stiles til det ministerium, der havde ansvaret for loven på\n    # ansøgningens dato, efter dokgens tabel over ministerier (se README):\n    # {}. Angiv `addressee`, hvis det skal til et andet.\n",
            m.name
        )),
        None => out.push_str(&format!(
            "    # Ministeriet skifter navn med regeringen, og dokgens tabel kender\n    # ikke ministeriet på brevets dato: tjek, hvilket ministerium der har\n    # ansvaret for loven.\n    addressee:\n      name: {}\n      address:\n        - \"[indsæt ministeriets vej og husnummer]\"\n        - \"[indsæt postnummer og by]\"\n",
            scalar(app.ministry)
        )),
    }
    out.push_str(&format!(
        "    case_number: \"[indsæt {first_name} Kommunes sagsnummer]\"\n    date: {}\n",
        app.date
    ));
    out.push_str(&format!(
        "    # Borgmester og kommunaldirektør skriver under for hver kommune\n    # (kommunestyrelseslovens § 32). En kommune, der ikke skriver under,\n    # vedlægger i stedet sin beslutning: `in_place_of_signature: true` på\n    # beslutningen og udskriften af punktet som bilag.\n    signatories: {}\n",
        ids_of()
    ));
    out.push_str("    # Kommunalbestyrelsernes beslutninger om at søge, når de foreligger\n    # (et brev, der ikke er et udkast, skal nævne dem alle):\n    # decisions:\n");
    for ((id, _), body) in app.applicants.iter().zip(&app.councils) {
        out.push_str(&format!(
            "    #   - {{ municipality: {id}, body: {body}, date: {} }}\n",
            app.date
        ));
    }
    out.push_str(&format!(
        "    contact:\n      official: chief_executive\n      municipality: {first}\n      phone: \"[indsæt telefonnummer]\"\n      email: \"[indsæt e-mailadresse]\"\n"
    ));
    out
}

/// The prose of an application letter, by the key its template places it
/// under, from more than one applicant (`together`).
pub(crate) fn application_prose(together: bool) -> Vec<(String, String)> {
    let together = if together { " i fællesskab" } else { "" };
    let prose = vec![
        (
            "ansoegning",
            format!(
                "{{{{ application.applicant_names | liste }}}} ansøger hermed{together} efter {{{{ law.dispensation | paragraf(i=law.name) }}}} om, at {{{{ application.areas | liste(attr=\"name\") }}}} udgår af {{{{ cooperation.name }}}} med virkning fra den {{{{ application.start | dato }}}}.\n"
            ),
        ),
        (
            "baggrund",
            "{{ [municipalities[id].name for id in cooperation.members] | liste }} har siden den {{ cooperation.since | dato }} indgået i et forpligtende samarbejde efter {{ law.name }}, jf. lovbekendtgørelse {{ law.consolidated | nr }}.\n\n[indsæt baggrunden: hvordan samarbejdet blev etableret, og hvordan det har fungeret]\n".to_owned(),
        ),
        (
            "begrundelse",
            "[indsæt begrundelsen: hvorfor opgaverne inden for {{ application.areas | liste(attr=\"name\") }} løses bedre uden for samarbejdet]\n".to_owned(),
        ),
        (
            "overgang",
            "[indsæt, hvordan opgaverne overgår den {{ application.start | dato }}, og hvad det betyder for borgerne]\n\nEfter {{ law.conditions | paragraf(i=law.name) }} kan ministeren efter inddragelse af kommunalbestyrelserne fastsætte vilkår for tilladelsen, herunder om overførsel af ansatte mellem kommunerne og om de overførte ansattes rettigheder.\n".to_owned(),
        ),
        // The letter places it only where there is more than one
        // application.
        (
            "faseplan",
            "[indsæt faseplanen (vises kun ved flere ansøgninger): hvilke områder der udgår med hvilken ansøgning, og hvornår]\n".to_owned(),
        ),
    ];
    prose.into_iter().map(|(k, t)| (k.to_owned(), t)).collect()
}
