//! Facts → the template context of one document.
//!
//! Templates see the facts through these views, which add what can be
//! derived (a municipality's latest figure as of the document's date, its
//! growth and projection, an application's phase count and remaining areas)
//! so that no template ever retypes or recomputes a fact. The views hold
//! numbers, dates, ids and the facts' own words; every sentence a reader
//! sees is written by a template. The facts were validated before, so
//! every reference resolves; a reference that does not is still an error
//! here, never a panic.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::derive::{self, Combined, Growth, Projection};
use crate::facts::ministry::{self, Ministry};
use crate::facts::model::{
    Application, Area, Cooperation, CouncilDecision, Facts, Id, Law, Meeting, Milestone,
    Municipality, Person, PopulationFigure, Range, Request, Rules, Scenario, Strategy, Terms,
};
use crate::message::Message;
use crate::msg;
use crate::project::Project;

mod papers;
mod view;

pub use papers::PaperKind;
pub(crate) use papers::{AnnexView, ContactView, PapersView, SettlementView, shows};
pub(crate) use view::View;

/// The facts as templates see them on a date, with what can be derived.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct SharedContext<'a> {
    /// The project's name.
    pub project: ProjectView<'a>,
    /// Municipalities by id.
    pub municipalities: BTreeMap<&'a str, MunicipalityView<'a>>,
    /// The cooperation.
    pub cooperation: Option<CooperationView<'a>>,
    /// The law.
    pub law: Option<&'a Law>,
    /// The ministry responsible for the law on the document's date, from
    /// dokgen's table: its `name`, its `minister` in running text
    /// ("økonomi- og indenrigsministeren") and its `address`. Absent on a
    /// date the table does not know.
    pub ministry: Option<&'static Ministry>,
    /// The domain rules: each absent where the facts do not give it.
    pub rules: &'a Rules,
    /// The strategy.
    pub strategy: Option<&'a Strategy>,
    /// Meetings in date order.
    pub meetings: Vec<&'a Meeting>,
    /// Meetings by id.
    pub meeting: BTreeMap<&'a str, &'a Meeting>,
    /// Milestones in date order.
    pub milestones: Vec<&'a Milestone>,
    /// Milestones that have an id, by id.
    pub milestone: BTreeMap<&'a str, &'a Milestone>,
    /// Applications by id (`applications` lists them by phase).
    pub application_by_id: BTreeMap<&'a str, ApplicationView<'a>>,
    /// Groups of municipalities weighed against the merger range.
    pub scenarios: Vec<ScenarioView<'a>>,
    /// Meetings, milestones and applications in date order, as far as
    /// they are known on the date; the template words each kind of event.
    pub timeline: Vec<TimelineEntry<'a>>,
    /// All applications, by phase.
    pub applications: Vec<ApplicationView<'a>>,
    /// The service catalogue with its computed settlement.
    pub settlement: Option<SettlementView<'a>>,
}

/// A dated event on a timeline.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct TimelineEntry<'a> {
    /// When.
    pub date: NaiveDate,
    /// Whether it lies after the document's date.
    pub planned: bool,
    /// What happens: `kind` says which of the fields below it has.
    #[serde(flatten)]
    pub event: TimelineEvent<'a>,
}

/// What happens on a timeline's date.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum TimelineEvent<'a> {
    /// A meeting or seminar (`meeting`).
    Meeting {
        /// The meeting.
        meeting: &'a Meeting,
    },
    /// Another dated event (`milestone`).
    Milestone {
        /// The milestone.
        milestone: &'a Milestone,
    },
    /// An application is sent (`application`).
    Application {
        /// The application, as the list of applications shows it.
        application: Box<ApplicationView<'a>>,
    },
}

/// The project.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct ProjectView<'a> {
    /// Its name from dokgen.yaml.
    pub name: &'a str,
}

/// A municipality, with its figures as of the document's date.
pub(crate) type MunicipalityView<'a> = View<&'a Municipality, MunicipalityDerived<'a>>;

/// A municipality as templates see it: its facts, with its officials and
/// figures as of the document's date.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "MunicipalityView")]
pub(crate) struct MunicipalityDerived<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its council in the definite form: "Byrådet", "Kommunalbestyrelsen".
    pub council_name: &'static str,
    /// Its council as a body is named: "Byrådet i Ishøj Kommune".
    pub council_body: String,
    /// The mayor in office on the document's date.
    pub mayor: Option<&'a Person>,
    /// The chief executive in office on the document's date.
    pub chief_executive: Option<&'a Person>,
    /// Every figure, oldest first, each with its year.
    pub population: Vec<FigureView<'a>>,
    /// The figures dated on or before the document's date.
    pub known: Vec<FigureView<'a>>,
    /// The newest of `known`.
    pub latest: Option<FigureView<'a>>,
    /// The growth from the first to the latest known figure.
    pub growth: Option<Growth>,
    /// Whether the latest figure reaches `rules.sustainable_size`.
    pub sustainable: Option<bool>,
    /// When the municipality reaches `rules.sustainable_size`, projected
    /// from its last two known figures.
    pub projection: Option<Projection>,
}

/// A population figure, with its year.
pub(crate) type FigureView<'a> = View<&'a PopulationFigure, FigureYear>;

/// A population figure as templates see it: its facts and its year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "FigureView")]
pub(crate) struct FigureYear {
    /// The year of its date.
    pub year: i32,
}

/// The cooperation, with each area's executing municipality resolved.
pub(crate) type CooperationView<'a> = View<&'a Cooperation, CooperationDerived<'a>>;

/// The cooperation as templates see it: its facts, with its members'
/// names, their combined size, and its areas resolved.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "CooperationView")]
pub(crate) struct CooperationDerived<'a> {
    /// Members' names in running text.
    pub member_names: Vec<&'a str>,
    /// The members' combined population, weighed against
    /// `rules.cooperation_base` (absent without that rule).
    pub combined: Option<Combined>,
    /// Areas in their declared order.
    pub areas: Vec<AreaView<'a>>,
    /// The areas no application names: they stay in the cooperation.
    pub staying_areas: Vec<AreaView<'a>>,
}

/// An area of the cooperation, with the municipalities it names resolved.
pub(crate) type AreaView<'a> = View<&'a Area, AreaDerived<'a>>;

/// An area as templates see it: its facts, with who carries it out for
/// whom named.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "AreaView")]
pub(crate) struct AreaDerived<'a> {
    /// The name in running text of the municipality that carries it out.
    pub carried_out_by_name: &'a str,
    /// The ids of the members it is carried out for (all members unless
    /// the facts say `on_behalf_of`).
    pub on_behalf_of: Vec<&'a str>,
    /// Their official names: "Ærø Kommune".
    pub on_behalf_of_names: Vec<&'a str>,
    /// Whether it is carried out for all members.
    pub for_all: bool,
    /// The member that keeps the political competence, by id, where it
    /// is not the one that carries out the tasks (absent otherwise).
    pub competence: Option<&'a str>,
    /// That member's official name.
    pub competence_name: Option<&'a str>,
}

/// A group of municipalities and its combined size.
pub(crate) type ScenarioView<'a> = View<&'a Scenario, ScenarioSize>;

/// A scenario as templates see it: its facts and its combined size.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "ScenarioView")]
pub(crate) struct ScenarioSize {
    /// The combined population, weighed against `rules.merger_range`.
    pub combined: Option<Combined>,
}

/// An application, placed among the others.
pub(crate) type ApplicationView<'a> = View<&'a Application, ApplicationDerived<'a>>;

/// An application as templates see it: its facts, placed among the other
/// applications, with everything it names resolved.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "ApplicationView")]
pub(crate) struct ApplicationDerived<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its place among the applications, from 1 (its phase).
    pub phase: usize,
    /// How many applications there are in all: phase wording belongs
    /// only where there is more than one.
    pub phase_count: usize,
    /// The areas it asks to leave the cooperation.
    pub areas: Vec<AreaView<'a>>,
    /// The areas that later applications hold. Only a document's own
    /// `application` has it (so that a batch of hundreds of letters does
    /// not list every other letter's areas in each); elsewhere the field is
    /// absent, and a template that asks for it is told so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub later_areas: Option<Vec<AreaView<'a>>>,
    /// The areas that earlier applications held (a document's own
    /// `application` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier_areas: Option<Vec<AreaView<'a>>>,
    /// The areas still in the cooperation when this application is made
    /// (its own and the later ones), in the cooperation's order (a
    /// document's own `application` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_areas: Option<Vec<AreaView<'a>>>,
    /// The areas that remain in the cooperation once this application is
    /// granted: the later applications' and those that stay, in the
    /// cooperation's order (a document's own `application` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining_areas: Option<Vec<AreaView<'a>>>,
    /// The remaining areas that a member carries out for only some
    /// members, grouped by who carries them out, for whom and who keeps
    /// the competence, so that a letter says it once for each group (a
    /// document's own `application` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining_delegated: Option<Vec<Delegated<'a>>>,
    /// Whether the cooperation ends with this application: no area
    /// remains after it.
    pub ends_cooperation: bool,
    /// The applying municipalities' official names.
    pub applicant_names: Vec<&'a str>,
    /// Who signs: each signing municipality with its two officials.
    pub signatories: Vec<SignatoryView<'a>>,
    /// Principal and subsidiary requests, with their area.
    pub requests: Vec<RequestView<'a>>,
    /// How many of the requests have a subsidiary request.
    pub subsidiary_count: usize,
    /// Each applicant council's decision to apply, in the order of the
    /// applicants.
    pub decisions: Vec<DecisionView<'a>>,
    /// The official name of the municipality whose case number it is:
    /// the contact's, or the first applicant's.
    pub case_owner: &'a str,
    /// Whom to contact.
    pub contact: Option<ContactView<'a>>,
    /// The annexes, numbered from 1.
    pub annexes: Vec<AnnexView<'a>>,
}

/// Areas one member carries out on others' behalf, alike in who carries
/// them out, for whom, and who keeps the political competence.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct Delegated<'a> {
    /// The member that carries them out, by id.
    pub carried_out_by: &'a str,
    /// The official names of the members they are carried out for.
    pub on_behalf_of_names: Vec<&'a str>,
    /// The official name of the member that keeps the competence, where
    /// it is not the one that carries them out.
    pub competence_name: Option<&'a str>,
    /// The areas' names, in the cooperation's order.
    pub names: Vec<&'a str>,
}

/// The areas of `areas` carried out for only some members, grouped.
fn delegated<'a>(areas: &[AreaView<'a>]) -> Vec<Delegated<'a>> {
    let mut groups: Vec<Delegated<'a>> = Vec::new();
    for a in areas.iter().filter(|a| !a.derived.for_all) {
        let carrier = a.fact.carried_out_by.as_str();
        let found = groups.iter_mut().find(|g| {
            g.carried_out_by == carrier
                && g.on_behalf_of_names == a.derived.on_behalf_of_names
                && g.competence_name == a.derived.competence_name
        });
        match found {
            Some(g) => g.names.push(&a.fact.name),
            None => groups.push(Delegated {
                carried_out_by: carrier,
                on_behalf_of_names: a.derived.on_behalf_of_names.clone(),
                competence_name: a.derived.competence_name,
                names: vec![&a.fact.name],
            }),
        }
    }
    groups
}

/// A municipality that signs, and the two people who sign for it.
pub(crate) type SignatoryView<'a> = View<&'a Municipality, Signing<'a>>;

/// A signing municipality as templates see it: its facts, with where its
/// letters are dated from and who signs.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "SignatoryView")]
pub(crate) struct Signing<'a> {
    /// Where its letters are dated from: its seat, or its short name.
    pub place: &'a str,
    /// The mayor.
    pub mayor: &'a Person,
    /// The chief executive.
    pub chief_executive: &'a Person,
}

/// An applicant council's decision to apply.
pub(crate) type DecisionView<'a> = View<&'a CouncilDecision, DecisionDerived<'a>>;

/// A council's decision as templates see it: its facts, with the council
/// named and, for a meeting in the facts, the meeting's body, date and
/// the item's case number and decision.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "DecisionView")]
pub(crate) struct DecisionDerived<'a> {
    /// The municipality's official name (the facts give its id).
    pub municipality: &'a str,
    /// Its name in running text.
    pub short_name: &'a str,
    /// Who decided: "Kommunalbestyrelsen i Dragør Kommune".
    pub body: &'a str,
    /// When.
    pub date: NaiveDate,
    /// The item's case number, for a meeting in the facts.
    pub case_number: Option<&'a str>,
    /// What the minutes say was decided ("Godkendt."), for a meeting in
    /// the facts.
    pub decision: Option<&'a str>,
    /// The number of the application's annex that is an extract of the
    /// minutes of this decision, if one is.
    pub annex: Option<usize>,
}

/// A request for an area.
pub(crate) type RequestView<'a> = View<&'a Request, RequestArea<'a>>;

/// A request as templates see it: its facts, with its area resolved.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "RequestView")]
pub(crate) struct RequestArea<'a> {
    /// The area.
    pub area: AreaView<'a>,
    /// The provision the subsidiary request rests on, as a letter cites
    /// it: "§ 13 i bekendtgørelse nr. 656 af 29. juni 2005", "§ 2, stk. 1,
    /// i lov om forpligtende kommunale samarbejder".
    pub citation: Option<String>,
}

/// `p` as cited in running text, in its executive order or in `law`.
fn citation(p: &crate::facts::model::Provision, law: Option<&Law>) -> Option<String> {
    let source = match &p.order {
        Some(id) => {
            let order = law?.orders.get(id.as_str())?;
            format!(
                "bekendtgørelse {}",
                crate::danish::act_number(order.number, order.date)
            )
        }
        None => law?.name.clone(),
    };
    Some(crate::danish::provision_in(
        &p.section,
        p.subsection,
        p.number,
        &source,
    ))
}

/// The facts (as of `as_of`, with their texts rendered) as every document
/// of that date sees them; `annex_pages` holds the page count of each PDF
/// annex.
pub(crate) fn shared<'a>(
    project: &'a Project,
    facts: &'a Facts,
    annex_pages: &'a BTreeMap<String, usize>,
    as_of: NaiveDate,
) -> Result<SharedContext<'a>> {
    let r = Resolver::new(facts, annex_pages, Path::new("content"), as_of);
    let municipalities = facts
        .municipalities
        .iter()
        .map(|(id, m)| (id.as_str(), r.municipality_view(id, m)))
        .collect();
    let cooperation = facts
        .cooperation
        .as_ref()
        .map(|c| r.cooperation_view(c))
        .transpose()?;
    let applications = r.application_views()?;
    let mut meetings: Vec<&Meeting> = facts.meetings.iter().collect();
    meetings.sort_by_key(|m| m.date);
    let mut milestones: Vec<&Milestone> = facts.milestones.iter().collect();
    milestones.sort_by_key(|m| m.date);
    Ok(SharedContext {
        project: ProjectView {
            name: &project.config.name,
        },
        municipalities,
        cooperation,
        law: facts.law.as_ref(),
        ministry: ministry::on(as_of),
        rules: r.rules(),
        strategy: facts.strategy.as_ref(),
        meeting: facts.meetings.iter().map(|m| (m.id.as_str(), m)).collect(),
        meetings,
        milestone: facts
            .milestones
            .iter()
            .filter_map(|m| m.id.as_deref().map(|id| (id, m)))
            .collect(),
        milestones,
        application_by_id: applications
            .iter()
            .map(|a| (a.derived.id, a.clone()))
            .collect(),
        scenarios: r.scenario_views()?,
        timeline: timeline(facts, &applications, as_of),
        applications,
        settlement: r.settlement_view()?,
    })
}

/// Meetings, milestones and applications in date order; those after
/// `as_of` are planned.
fn timeline<'a>(
    facts: &'a Facts,
    applications: &[ApplicationView<'a>],
    as_of: NaiveDate,
) -> Vec<TimelineEntry<'a>> {
    let mut entries: Vec<(NaiveDate, TimelineEvent<'a>)> = Vec::new();
    // An event after the document's date is shown only if it was planned
    // by then: a strategy of 2017 does not know the decisions of 2021.
    let known = |date: NaiveDate, planned_from: Option<NaiveDate>| {
        date <= as_of || planned_from.is_some_and(|p| p <= as_of)
    };
    for meeting in &facts.meetings {
        if known(meeting.date, meeting.planned_from) {
            entries.push((meeting.date, TimelineEvent::Meeting { meeting }));
        }
    }
    for milestone in &facts.milestones {
        if known(milestone.date, milestone.planned_from) {
            entries.push((milestone.date, TimelineEvent::Milestone { milestone }));
        }
    }
    for a in applications {
        if known(a.fact.date, a.fact.planned_from) {
            entries.push((
                a.fact.date,
                TimelineEvent::Application {
                    application: Box::new(a.clone()),
                },
            ));
        }
    }
    // Stable: events of one day keep the order above.
    entries.sort_by_key(|(date, _)| *date);
    entries
        .into_iter()
        .map(|(date, event)| TimelineEntry {
            date,
            planned: date > as_of,
            event,
        })
        .collect()
}

/// Why a value of the context can be empty, for the message of a
/// template or prose file that places it: found by the last field of the
/// expression (`first.later_areas | liste(attr="name")` → `later_areas`).
pub(crate) fn why_empty(expression: &str) -> Option<Message> {
    let path = expression.split('|').next()?.trim();
    let field = path
        .rsplit(['.', '['])
        .next()?
        .trim_end_matches([']', '"', '\'']);
    Some(match field {
        "later_areas" => msg!("template-empty-later-areas"),
        "earlier_areas" => msg!("template-empty-earlier-areas"),
        "current_areas" => msg!("template-empty-current-areas"),
        "known" => msg!("template-empty-known"),
        "requests" => msg!("template-empty-requests"),
        "annexes" => msg!("template-empty-annexes"),
        "absent" => msg!("template-empty-absent"),
        "members" => msg!("template-empty-members"),
        "subject" | "status" | "decision" | "time" | "place" | "logo" | "phone" | "email"
        | "title" => msg!("template-empty-left-out"),
        _ => return None,
    })
}

fn figure_view(f: &PopulationFigure) -> FigureView<'_> {
    View::new(
        f,
        FigureYear {
            year: f.date.year(),
        },
    )
}

/// Looks ids up as of a document's date, and makes the views of what
/// they name.
pub(crate) struct Resolver<'a> {
    facts: &'a Facts,
    /// The page count of every PDF annex.
    annex_pages: &'a BTreeMap<String, usize>,
    /// The cooperation's areas by id.
    areas_by_id: std::collections::HashMap<&'a str, &'a Area>,
    file: &'a std::path::Path,
    pub(super) as_of: NaiveDate,
}

impl<'a> Resolver<'a> {
    /// Looks up `facts` as of `as_of` for the declaration `file` (named in
    /// messages); `annex_pages` holds the page count of each PDF annex.
    pub(crate) fn new(
        facts: &'a Facts,
        annex_pages: &'a BTreeMap<String, usize>,
        file: &'a Path,
        as_of: NaiveDate,
    ) -> Self {
        Self {
            facts,
            annex_pages,
            areas_by_id: facts
                .cooperation
                .iter()
                .flat_map(|c| &c.areas)
                .map(|a| (a.id.as_str(), a))
                .collect(),
            file,
            as_of,
        }
    }

    /// The municipality `id`.
    pub(crate) fn municipality(&self, id: &str) -> Result<&'a Municipality> {
        self.facts
            .municipalities
            .get(id)
            .ok_or_else(|| self.unknown(msg!("template-context-unknown-municipality", id)))
    }

    fn area(&self, id: &str) -> Result<&'a Area> {
        self.areas_by_id
            .get(id)
            .copied()
            .ok_or_else(|| self.unknown(msg!("template-context-unknown-area", id)))
    }

    fn area_view(&self, area: &'a Area) -> Result<AreaView<'a>> {
        let by = self.municipality(&area.carried_out_by)?;
        let members = self
            .facts
            .cooperation
            .as_ref()
            .map_or(&[][..], |c| &c.members[..]);
        let served = area.served(members);
        let competence = area
            .competence
            .as_ref()
            .filter(|c| **c != area.carried_out_by)
            .map(|c| c.as_str());
        Ok(View::new(
            area,
            AreaDerived {
                carried_out_by_name: &by.short_name,
                on_behalf_of_names: self
                    .members(&served)?
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect(),
                on_behalf_of: served,
                for_all: area.for_all(members),
                competence,
                competence_name: competence
                    .map(|id| self.municipality(id).map(|m| m.name.as_str()))
                    .transpose()?,
            },
        ))
    }

    fn areas<I: AsRef<str>>(&self, ids: &[I]) -> Result<Vec<AreaView<'a>>> {
        ids.iter()
            .map(|id| self.area(id.as_ref()).and_then(|a| self.area_view(a)))
            .collect()
    }

    fn members<I: AsRef<str>>(&self, ids: &[I]) -> Result<Vec<&'a Municipality>> {
        ids.iter()
            .map(|id| self.municipality(id.as_ref()))
            .collect()
    }

    fn municipality_view(&self, id: &'a str, m: &'a Municipality) -> MunicipalityView<'a> {
        let as_of = Some(self.as_of);
        let known = derive::known(&m.population, as_of);
        let growth = match (known.first(), known.last()) {
            (Some(a), Some(b)) if a.date < b.date => {
                derive::growth(&m.population, a.date.year(), b.date.year())
            }
            _ => None,
        };
        let threshold = self.rules().sustainable_size;
        let projection = threshold.and_then(|t| derive::projection(&m.population, as_of, t));
        let mut population: Vec<FigureView<'a>> = m.population.iter().map(figure_view).collect();
        population.sort_by_key(|f| f.fact.date);
        let derived = MunicipalityDerived {
            id,
            council_name: m.council.name(),
            council_body: m.council_body(),
            mayor: m.officials.mayor.on(self.as_of),
            chief_executive: m
                .officials
                .chief_executive
                .as_ref()
                .and_then(|t| t.on(self.as_of)),
            sustainable: threshold
                .zip(known.last())
                .map(|(t, f)| derive::reaches(f.value, t)),
            latest: known.last().map(|f| figure_view(f)),
            known: known.into_iter().map(figure_view).collect(),
            population,
            growth,
            projection,
        };
        View::new(m, derived)
    }

    fn cooperation_view(
        &self,
        c: &'a crate::facts::model::Cooperation,
    ) -> Result<CooperationView<'a>> {
        let members = self.members(&c.members)?;
        let combined = self.rules().cooperation_base.and_then(|min| {
            let base = Range { min, max: u64::MAX };
            derive::combined(&members, Some(self.as_of), base)
        });
        let areas: Vec<AreaView<'a>> = c
            .areas
            .iter()
            .map(|a| self.area_view(a))
            .collect::<Result<_>>()?;
        let applied: std::collections::HashSet<&str> = self
            .facts
            .applications
            .values()
            .flat_map(|a| a.areas.iter().map(|id| id.as_str()))
            .collect();
        Ok(View::new(
            c,
            CooperationDerived {
                member_names: members.iter().map(|m| m.short_name.as_str()).collect(),
                combined,
                staying_areas: areas
                    .iter()
                    .filter(|a| !applied.contains(a.fact.id.as_str()))
                    .cloned()
                    .collect(),
                areas,
            },
        ))
    }

    /// The rules, or none of them.
    fn rules(&self) -> &'a Rules {
        const NONE: Rules = Rules {
            sustainable_size: None,
            cooperation_base: None,
            merger_range: None,
            first_phase_areas: None,
        };
        self.facts.rules.as_ref().unwrap_or(&NONE)
    }

    fn scenario_views(&self) -> Result<Vec<ScenarioView<'a>>> {
        self.facts
            .scenarios
            .iter()
            .map(|s| {
                let members = self.members(&s.members)?;
                let combined = self
                    .rules()
                    .merger_range
                    .and_then(|range| derive::combined(&members, Some(self.as_of), range));
                Ok(View::new(s, ScenarioSize { combined }))
            })
            .collect()
    }

    /// The applications by phase.
    fn phases(&self) -> Vec<(&'a Id, &'a Application)> {
        self.facts.applications_by_phase()
    }

    /// Every application by phase, as the others are listed: without the
    /// areas of the other phases or the pages of the annexes, so that a
    /// batch of hundreds of letters does not make each letter's context
    /// grow with their number.
    fn application_views(&self) -> Result<Vec<ApplicationView<'a>>> {
        let apps = self.phases();
        (0..apps.len())
            .map(|i| self.application_view(&apps, i, false))
            .collect()
    }

    /// The application `id` as its own letter sees it: with the areas of
    /// the other phases and the pages of its annexes.
    pub(crate) fn application_detail(&self, id: &str) -> Result<ApplicationView<'a>> {
        let apps = self.phases();
        let i = apps
            .iter()
            .position(|(other, _)| other.as_str() == id)
            .ok_or_else(|| self.unknown(msg!("template-context-unknown-application", id)))?;
        self.application_view(&apps, i, true)
    }

    /// The application at `place` of `apps` (in the order they are sent).
    fn application_view(
        &self,
        apps: &[(&'a Id, &'a Application)],
        place: usize,
        detailed: bool,
    ) -> Result<ApplicationView<'a>> {
        let (id, app) = apps[place];
        let areas_of = |range: &[(&'a Id, &'a Application)]| -> std::collections::HashSet<&'a str> {
            range
                .iter()
                .flat_map(|(_, a)| a.areas.iter().map(|id| id.as_str()))
                .collect()
        };
        let all_areas = self.facts.cooperation.iter().flat_map(|c| &c.areas);
        let gone_after = areas_of(&apps[..=place]);
        let ends_cooperation = all_areas
            .clone()
            .all(|a| gone_after.contains(a.id.as_str()));
        let (mut earlier, mut later, mut current, mut remaining) = (None, None, None, None);
        if detailed {
            let collect = |ids: &dyn Fn(&Area) -> bool| -> Result<Vec<AreaView<'a>>> {
                all_areas
                    .clone()
                    .filter(|a| ids(a))
                    .map(|a| self.area_view(a))
                    .collect()
            };
            let gone_before = areas_of(&apps[..place]);
            let mut before = Vec::new();
            for (_, other) in &apps[..place] {
                before.extend(self.areas(&other.areas)?);
            }
            let mut after = Vec::new();
            for (_, other) in &apps[place + 1..] {
                after.extend(self.areas(&other.areas)?);
            }
            current = Some(collect(&|a| !gone_before.contains(a.id.as_str()))?);
            remaining = Some(collect(&|a| !gone_after.contains(a.id.as_str()))?);
            earlier = Some(before);
            later = Some(after);
        }
        let requests: Vec<RequestView<'a>> = app
            .requests
            .iter()
            .map(|r| {
                Ok(View::new(
                    r,
                    RequestArea {
                        area: self.area(&r.area).and_then(|a| self.area_view(a))?,
                        citation: r
                            .provision
                            .as_ref()
                            .and_then(|p| citation(p, self.facts.law.as_ref())),
                    },
                ))
            })
            .collect::<Result<_>>()?;
        Ok(View::new(
            app,
            ApplicationDerived {
                id,
                phase: place + 1,
                phase_count: apps.len(),
                areas: self.areas(&app.areas)?,
                current_areas: current,
                later_areas: later,
                earlier_areas: earlier,
                remaining_delegated: remaining.as_deref().map(delegated),
                remaining_areas: remaining,
                ends_cooperation,
                applicant_names: self
                    .members(&app.applicants)?
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect(),
                signatories: self
                    .members(&app.signatories)?
                    .into_iter()
                    .map(|m| self.signatory_view(m, app.date))
                    .collect::<Result<_>>()?,
                subsidiary_count: requests
                    .iter()
                    .filter(|r| r.fact.subsidiary.is_some())
                    .count(),
                requests,
                decisions: self.decision_views(app)?,
                case_owner: match &app.contact {
                    Some(c) => &self.municipality(&c.municipality)?.name,
                    None => &self.municipality(&app.applicants[0])?.name,
                },
                contact: app
                    .contact
                    .as_ref()
                    .map(|c| self.contact_view(c, app.date))
                    .transpose()?,
                annexes: self.annex_views(&app.annexes, detailed, false)?,
            },
        ))
    }

    /// A signing municipality with its mayor and chief executive on `date`.
    fn signatory_view(&self, m: &'a Municipality, date: NaiveDate) -> Result<SignatoryView<'a>> {
        let holder = |terms: Option<&'a Terms>, office: fn(&str, String) -> Message| {
            terms.and_then(|t| t.on(date)).ok_or_else(|| {
                Error::from(
                    Diagnostic::error(office(&m.name, date.to_string()))
                        .in_file(self.file)
                        .hint(msg!("template-context-missing-term-hint")),
                )
            })
        };
        Ok(View::new(
            m,
            Signing {
                place: m.seat.as_deref().unwrap_or(&m.short_name),
                mayor: holder(Some(&m.officials.mayor), |municipality, date| {
                    msg!("template-context-no-mayor", municipality, date)
                })?,
                chief_executive: holder(
                    m.officials.chief_executive.as_ref(),
                    |municipality, date| {
                        msg!("template-context-no-chief-executive", municipality, date)
                    },
                )?,
            },
        ))
    }

    /// The councils' decisions to apply, in the order of the applicants.
    fn decision_views(&self, app: &'a Application) -> Result<Vec<DecisionView<'a>>> {
        let mut decisions: Vec<&CouncilDecision> = app.decisions.iter().collect();
        decisions.sort_by_key(|d| app.applicants.iter().position(|a| *a == d.municipality));
        decisions
            .into_iter()
            .map(|d| {
                let m = self.municipality(&d.municipality)?;
                let (body, date, case_number, decision) = match (&d.meeting, d.item) {
                    (Some(meeting), Some(number)) => {
                        let (meeting, item) =
                            self.facts.item(meeting, number).ok_or_else(|| {
                                self.unknown(msg!(
                                    "template-context-unknown-item",
                                    meeting = meeting.as_str()
                                ))
                            })?;
                        (
                            meeting.body.as_str(),
                            meeting.date,
                            Some(item.case_number.as_str()),
                            item.decision.as_deref(),
                        )
                    }
                    _ => (
                        d.body.as_deref().ok_or_else(|| {
                            self.unknown(msg!(
                                "template-context-unknown-decision-body",
                                municipality = d.municipality.as_str()
                            ))
                        })?,
                        d.date.ok_or_else(|| {
                            self.unknown(msg!(
                                "template-context-unknown-decision-date",
                                municipality = d.municipality.as_str()
                            ))
                        })?,
                        None,
                        None,
                    ),
                };
                let annex = app.annexes.iter().position(|a| {
                    a.minutes.as_ref().is_some_and(|at| {
                        Some(&at.meeting) == d.meeting.as_ref() && Some(at.item) == d.item
                    })
                });
                Ok(View::new(
                    d,
                    DecisionDerived {
                        municipality: &m.name,
                        short_name: &m.short_name,
                        body,
                        date,
                        case_number,
                        decision,
                        annex: annex.map(|i| i + 1),
                    },
                ))
            })
            .collect()
    }

    /// The error of a reference that leads nowhere, `message`: `dokgen
    /// check` reports it first, with its line.
    fn unknown(&self, message: Message) -> Error {
        Diagnostic::error(message)
            .in_file(self.file)
            .hint(msg!("template-context-broken-reference-hint"))
            .into()
    }
}
