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

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::derive::{self, Combined, Growth, Projection};
use crate::facts::model::{
    Addressee, Application, Area, Facts, Id, Law, Meeting, Milestone, Municipality, Person,
    PopulationFigure, Range, Rules, Strategy, Terms,
};
use crate::facts::{Content, Document};
use crate::project::Project;

mod papers;

pub(crate) use papers::{AnnexView, ContactView, PapersView, SettlementView};

/// What is a document's own in its template context. A template sees two
/// parts merged into one Tera context: the facts as of the document's date
/// ([`SharedContext`], the same for every document of that date, so a build
/// makes it once per date; see `render::Renderer`), and this.
#[derive(Debug, Serialize)]
pub(crate) struct OwnContext<'a> {
    /// The document being made.
    pub document: DocumentView<'a>,
    /// The application this document is, if it is one, with the areas of
    /// the other phases.
    pub application: Option<ApplicationView<'a>>,
    /// The meeting papers this document is, if it is some.
    pub papers: Option<PapersView<'a>>,
}

/// The facts as templates see them on a date, with what can be derived.
#[derive(Debug, Serialize)]
pub(crate) struct SharedContext<'a> {
    /// The project's name.
    pub project: ProjectView<'a>,
    /// Municipalities by id.
    pub municipalities: BTreeMap<&'a str, MunicipalityView<'a>>,
    /// The cooperation.
    pub cooperation: Option<CooperationView<'a>>,
    /// The law.
    pub law: Option<&'a Law>,
    /// The domain rules.
    pub rules: Option<&'a Rules>,
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
#[derive(Debug, Serialize)]
pub(crate) struct TimelineEntry<'a> {
    /// When.
    pub date: NaiveDate,
    /// Whether it lies after the document's date.
    pub planned: bool,
    /// What happens: `kind` says which of the fields below it has.
    #[serde(flatten)]
    pub event: Event<'a>,
}

/// What happens on a timeline's date.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Event<'a> {
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
#[derive(Debug, Serialize)]
pub(crate) struct ProjectView<'a> {
    /// Its name from dokgen.yaml.
    pub name: &'a str,
}

/// The document.
#[derive(Debug, Serialize)]
pub(crate) struct DocumentView<'a> {
    /// The declaration file's stem: `strategi`.
    pub id: String,
    /// Title.
    pub title: std::borrow::Cow<'a, str>,
    /// Date, ISO (`2017-06-26`); the `dato` filter formats it.
    pub date: NaiveDate,
    /// Status such as "Udkast".
    pub status: Option<&'a str>,
    /// Whether it is a draft (marked "UDKAST" on every page).
    pub draft: bool,
    /// What it is about (the PDF's subject), if the declaration says.
    pub subject: Option<std::borrow::Cow<'a, str>>,
    /// For a document of a batch (`for_each`): its element's id.
    pub item_id: Option<&'a str>,
    /// The authoring municipalities' official names.
    pub authors: Vec<&'a str>,
    /// Keywords.
    pub keywords: &'a [String],
    /// The output file name without `.pdf`.
    pub output: &'a str,
    /// The document's named prose files (name → path under `content/`);
    /// the `prose` filter turns a path into Typst.
    pub prose: &'a BTreeMap<String, String>,
}

/// A municipality, with its figures as of the document's date.
#[derive(Debug, Serialize)]
pub(crate) struct MunicipalityView<'a> {
    /// Its id.
    pub id: &'a str,
    /// Official name.
    pub name: &'a str,
    /// Name in running text.
    pub short_name: &'a str,
    /// Postal address lines.
    pub address: &'a [String],
    /// The logo's path in the project, if it has one.
    pub logo: Option<&'a str>,
    /// The mayor in office on the document's date.
    pub mayor: Option<&'a Person>,
    /// The chief executive in office on the document's date.
    pub chief_executive: Option<&'a Person>,
    /// Every figure, oldest first.
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

/// A population figure.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureView<'a> {
    /// The date it refers to.
    pub date: NaiveDate,
    /// Its year.
    pub year: i32,
    /// Inhabitants.
    pub value: i64,
    /// Its source.
    pub source: &'a str,
}

/// The cooperation, with each area's executing municipality resolved.
#[derive(Debug, Serialize)]
pub(crate) struct CooperationView<'a> {
    /// Name in running text.
    pub name: &'a str,
    /// Since when.
    pub since: NaiveDate,
    /// Member ids.
    pub members: &'a [Id],
    /// Members' names in running text.
    pub member_names: Vec<&'a str>,
    /// The members' combined population, weighed against
    /// `rules.cooperation_base`.
    pub combined: Option<Combined>,
    /// Areas in their declared order.
    pub areas: Vec<AreaView<'a>>,
}

/// An area of the cooperation.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AreaView<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name in running text.
    pub name: &'a str,
    /// The id of the municipality that carries it out.
    pub carried_out_by: &'a str,
    /// That municipality's name in running text.
    pub carried_out_by_name: &'a str,
}

/// A group of municipalities and its combined size.
#[derive(Debug, Serialize)]
pub(crate) struct ScenarioView<'a> {
    /// Its id.
    pub id: &'a str,
    /// What it is.
    pub name: &'a str,
    /// Member ids.
    pub members: &'a [Id],
    /// The combined population, weighed against `rules.merger_range`.
    pub combined: Option<Combined>,
}

/// An application, placed among the others.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ApplicationView<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its phase, from 1.
    pub phase: u32,
    /// How many phases there are in all.
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
    /// From when.
    pub start: NaiveDate,
    /// The date of the application.
    pub date: NaiveDate,
    /// The applying municipalities' ids.
    pub applicants: &'a [Id],
    /// Their official names.
    pub applicant_names: Vec<&'a str>,
    /// Who signs: each signing municipality with its two officials.
    pub signatories: Vec<SignatoryView<'a>>,
    /// Principal and subsidiary requests, with their area.
    pub requests: Vec<RequestView<'a>>,
    /// The ministry.
    pub addressee: &'a Addressee,
    /// Case number.
    pub case_number: &'a str,
    /// Whom to contact.
    pub contact: Option<ContactView<'a>>,
    /// The annexes, numbered from 1.
    pub annexes: Vec<AnnexView<'a>>,
}

/// A municipality that signs, and the two people who sign for it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SignatoryView<'a> {
    /// The municipality's official name.
    pub municipality: &'a str,
    /// Its name in running text, for the place line above the signatures.
    pub short_name: &'a str,
    /// The mayor.
    pub mayor: &'a Person,
    /// The chief executive.
    pub chief_executive: &'a Person,
}

/// A request for an area.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RequestView<'a> {
    /// The area.
    pub area: AreaView<'a>,
    /// What is asked first.
    pub principal: &'a str,
    /// What is asked if that is refused.
    pub subsidiary: Option<&'a str>,
}

/// A document's title and subject where they name facts, as rendered.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentTexts {
    /// The rendered title.
    pub title: Option<String>,
    /// The rendered subject.
    pub subject: Option<String>,
}

/// The facts (as of `as_of`, with their texts rendered) as every document
/// of that date sees them.
pub(crate) fn shared<'a>(
    project: &'a Project,
    content: &'a Content,
    facts: &'a Facts,
    as_of: NaiveDate,
) -> Result<SharedContext<'a>> {
    let r = Resolver::new(content, facts, Path::new("content"), as_of);
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
        rules: facts.rules.as_ref(),
        strategy: facts.strategy.as_ref(),
        meeting: facts.meetings.iter().map(|m| (m.id.as_str(), m)).collect(),
        meetings,
        milestone: facts
            .milestones
            .iter()
            .filter_map(|m| m.id.as_deref().map(|id| (id, m)))
            .collect(),
        milestones,
        application_by_id: applications.iter().map(|a| (a.id, a.clone())).collect(),
        scenarios: r.scenario_views()?,
        timeline: timeline(facts, &applications, as_of),
        applications,
        settlement: r.settlement_view()?,
    })
}

/// What is `document`'s own: its declaration, its application with the
/// areas of the other phases, and its meeting papers.
pub(crate) fn own<'a>(
    content: &'a Content,
    facts: &'a Facts,
    document: &'a Document,
    texts: DocumentTexts,
) -> Result<OwnContext<'a>> {
    let spec = &document.spec;
    let r = Resolver::new(content, facts, &document.file, document.date);
    let authors = spec
        .authors
        .iter()
        .map(|id| r.municipality(id).map(|m| m.name.as_str()))
        .collect::<Result<Vec<_>>>()?;
    let application = spec
        .application
        .as_deref()
        .map(|id| r.application_detail(id))
        .transpose()?;
    Ok(OwnContext {
        document: DocumentView {
            id: document
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            title: texts
                .title
                .map_or(Cow::Borrowed(spec.title.as_str()), Cow::Owned),
            date: document.date,
            status: spec.status.as_deref(),
            draft: spec.draft,
            subject: texts
                .subject
                .map(Cow::Owned)
                .or_else(|| spec.subject.as_deref().map(Cow::Borrowed)),
            item_id: spec.item.as_deref(),
            authors,
            keywords: &spec.keywords,
            output: &spec.output,
            prose: &spec.prose,
        },
        application,
        papers: r.papers_view(spec)?,
    })
}

/// Meetings, milestones and applications in date order; those after
/// `as_of` are planned.
fn timeline<'a>(
    facts: &'a Facts,
    applications: &[ApplicationView<'a>],
    as_of: NaiveDate,
) -> Vec<TimelineEntry<'a>> {
    let mut entries: Vec<(NaiveDate, Event<'a>)> = Vec::new();
    // An event after the document's date is shown only if it was planned
    // by then: a strategy of 2017 does not know the decisions of 2021.
    let known = |date: NaiveDate, planned_from: Option<NaiveDate>| {
        date <= as_of || planned_from.is_some_and(|p| p <= as_of)
    };
    for meeting in &facts.meetings {
        if known(meeting.date, meeting.planned_from) {
            entries.push((meeting.date, Event::Meeting { meeting }));
        }
    }
    for milestone in &facts.milestones {
        if known(milestone.date, milestone.planned_from) {
            entries.push((milestone.date, Event::Milestone { milestone }));
        }
    }
    for a in applications {
        let planned_from = facts.applications.get(a.id).and_then(|f| f.planned_from);
        if known(a.date, planned_from) {
            entries.push((
                a.date,
                Event::Application {
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
pub(crate) fn why_empty(expression: &str) -> Option<&'static str> {
    let path = expression.split('|').next()?.trim();
    let field = path
        .rsplit(['.', '['])
        .next()?
        .trim_end_matches([']', '"', '\'']);
    Some(match field {
        "later_areas" => {
            "`later_areas` lists the areas of the applications after this one: it is empty in the last application"
        }
        "earlier_areas" => {
            "`earlier_areas` lists the areas of the applications before this one: it is empty in the first application"
        }
        "current_areas" => {
            "`current_areas` lists the areas still in the cooperation when the application is made"
        }
        "known" => {
            "`known` lists the figures dated on or before the document's date: it is empty if all are later"
        }
        "requests" => {
            "`requests` lists an application's principal and subsidiary requests, if it has any"
        }
        "annexes" => "`annexes` lists the annexes, if there are any",
        "absent" => "`absent` lists those who sent apologies, if anyone did",
        "members" => "`members` lists those called to the meeting, if the facts name them",
        "subject" | "status" | "decision" | "time" | "place" | "logo" | "phone" | "email"
        | "title" => "the facts leave this value out",
        _ => return None,
    })
}

fn figure_view(f: &PopulationFigure) -> FigureView<'_> {
    FigureView {
        date: f.date,
        year: f.date.year(),
        value: f.value,
        source: &f.source,
    }
}

/// Looks ids up as of the document's date.
struct Resolver<'a> {
    facts: &'a Facts,
    /// The page count of every PDF annex.
    annex_pages: &'a BTreeMap<String, usize>,
    /// The cooperation's areas by id.
    areas_by_id: std::collections::HashMap<&'a str, &'a Area>,
    file: &'a std::path::Path,
    as_of: NaiveDate,
}

impl<'a> Resolver<'a> {
    /// Looks up the facts of `content` as of `as_of` for the declaration
    /// `file` (named in messages).
    fn new(content: &'a Content, facts: &'a Facts, file: &'a Path, as_of: NaiveDate) -> Self {
        Self {
            facts,
            annex_pages: &content.annex_pages,
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

    fn municipality(&self, id: &str) -> Result<&'a Municipality> {
        self.facts
            .municipalities
            .get(id)
            .ok_or_else(|| self.unknown("municipality", id))
    }

    fn area(&self, id: &str) -> Result<&'a Area> {
        self.areas_by_id
            .get(id)
            .copied()
            .ok_or_else(|| self.unknown("area", id))
    }

    fn area_view(&self, area: &'a Area) -> Result<AreaView<'a>> {
        let by = self.municipality(&area.carried_out_by)?;
        Ok(AreaView {
            id: &area.id,
            name: &area.name,
            carried_out_by: &area.carried_out_by,
            carried_out_by_name: &by.short_name,
        })
    }

    fn areas(&self, ids: &[Id]) -> Result<Vec<AreaView<'a>>> {
        ids.iter()
            .map(|id| self.area(id).and_then(|a| self.area_view(a)))
            .collect()
    }

    fn members(&self, ids: &[Id]) -> Result<Vec<&'a Municipality>> {
        ids.iter().map(|id| self.municipality(id)).collect()
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
        let threshold = self.facts.rules.as_ref().map(|r| r.sustainable_size);
        let projection = threshold.and_then(|t| derive::projection(&m.population, as_of, t));
        let mut population: Vec<FigureView<'a>> = m.population.iter().map(figure_view).collect();
        population.sort_by_key(|f| f.date);
        MunicipalityView {
            id,
            name: &m.name,
            short_name: &m.short_name,
            address: &m.address,
            logo: m.logo.as_deref(),
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
        }
    }

    fn cooperation_view(
        &self,
        c: &'a crate::facts::model::Cooperation,
    ) -> Result<CooperationView<'a>> {
        let members = self.members(&c.members)?;
        let combined = self.facts.rules.as_ref().and_then(|rules| {
            let base = Range {
                min: rules.cooperation_base,
                max: u64::MAX,
            };
            derive::combined(&members, Some(self.as_of), base)
        });
        Ok(CooperationView {
            name: &c.name,
            since: c.since,
            members: &c.members,
            member_names: members.iter().map(|m| m.short_name.as_str()).collect(),
            combined,
            areas: c
                .areas
                .iter()
                .map(|a| self.area_view(a))
                .collect::<Result<_>>()?,
        })
    }

    fn scenario_views(&self) -> Result<Vec<ScenarioView<'a>>> {
        self.facts
            .scenarios
            .iter()
            .map(|s| {
                let members = self.members(&s.members)?;
                let combined = self.facts.rules.as_ref().and_then(|rules| {
                    derive::combined(&members, Some(self.as_of), rules.merger_range)
                });
                Ok(ScenarioView {
                    id: &s.id,
                    name: &s.name,
                    members: &s.members,
                    combined,
                })
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
        apps.iter()
            .map(|(id, app)| self.application_view(id, app, &apps, false))
            .collect()
    }

    /// The application `id` as its own letter sees it: with the areas of
    /// the other phases and the pages of its annexes.
    fn application_detail(&self, id: &str) -> Result<ApplicationView<'a>> {
        let apps = self.phases();
        let (id, app) = apps
            .iter()
            .find(|(other, _)| other.as_str() == id)
            .ok_or_else(|| self.unknown("application", id))?;
        self.application_view(id, app, &apps, true)
    }

    fn application_view(
        &self,
        id: &'a str,
        app: &'a Application,
        apps: &[(&'a Id, &'a Application)],
        detailed: bool,
    ) -> Result<ApplicationView<'a>> {
        let (mut earlier, mut later, mut current) = (None, None, None);
        if detailed {
            let (mut before, mut after) = (Vec::new(), Vec::new());
            for (_, other) in apps {
                if other.phase < app.phase {
                    before.extend(self.areas(&other.areas)?);
                } else if other.phase > app.phase {
                    after.extend(self.areas(&other.areas)?);
                }
            }
            let gone: std::collections::HashSet<&str> = before.iter().map(|e| e.id).collect();
            current = Some(
                self.facts
                    .cooperation
                    .iter()
                    .flat_map(|c| &c.areas)
                    .filter(|a| !gone.contains(a.id.as_str()))
                    .map(|a| self.area_view(a))
                    .collect::<Result<_>>()?,
            );
            earlier = Some(before);
            later = Some(after);
        }
        Ok(ApplicationView {
            id,
            phase: app.phase,
            phase_count: apps.len(),
            areas: self.areas(&app.areas)?,
            current_areas: current,
            later_areas: later,
            earlier_areas: earlier,
            start: app.start,
            date: app.date,
            applicants: &app.applicants,
            applicant_names: self
                .members(&app.applicants)?
                .iter()
                .map(|m| m.name.as_str())
                .collect(),
            signatories: self
                .members(&app.signatories)?
                .into_iter()
                .map(|m| {
                    let holder = |terms: Option<&'a Terms>, office: &str| {
                        terms.and_then(|t| t.on(app.date)).ok_or_else(|| {
                            Error::from(
                                Diagnostic::error(format!(
                                    "{} has no {office} in office on {}",
                                    m.name, app.date
                                ))
                                .in_file(self.file)
                                .hint("run `dokgen check` to see which term is missing"),
                            )
                        })
                    };
                    Ok(SignatoryView {
                        municipality: &m.name,
                        short_name: &m.short_name,
                        mayor: holder(Some(&m.officials.mayor), "mayor")?,
                        chief_executive: holder(
                            m.officials.chief_executive.as_ref(),
                            "chief executive",
                        )?,
                    })
                })
                .collect::<Result<_>>()?,
            requests: app
                .requests
                .iter()
                .map(|r| {
                    Ok(RequestView {
                        area: self.area(&r.area).and_then(|a| self.area_view(a))?,
                        principal: &r.principal,
                        subsidiary: r.subsidiary.as_deref(),
                    })
                })
                .collect::<Result<_>>()?,
            addressee: &app.addressee,
            case_number: &app.case_number,
            contact: app
                .contact
                .as_ref()
                .map(|c| self.contact_view(c))
                .transpose()?,
            annexes: self.annex_views(&app.annexes, detailed),
        })
    }

    fn unknown(&self, what: &str, id: &str) -> Error {
        Diagnostic::error(format!("unknown {what} `{id}`"))
            .in_file(self.file)
            .hint("run `dokgen check` to see which reference is broken")
            .into()
    }
}
