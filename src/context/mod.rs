//! Facts → the template context of one document.
//!
//! Templates see the facts through these views, which add what can be
//! derived (a municipality's latest figure as of the document's date, its
//! growth and projection, an application's phase count and remaining areas,
//! findings about sizes) so that no template ever retypes or recomputes a
//! fact. The facts were validated before, so every reference resolves; a
//! reference that does not is still an error here, never a panic.

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

pub use papers::{
    AnnexView, ContactView, ItemView, Labels, PapersView, SectionView, SettlementView,
};

/// What is a document's own in its template context. A template sees two
/// parts merged into one Tera context: the facts as of the document's date
/// ([`SharedContext`], the same for every document of that date, so a build
/// makes it once per date; see `render::SharedContexts`), and this.
#[derive(Debug, Serialize)]
pub struct OwnContext<'a> {
    /// The document being made.
    pub document: DocumentView<'a>,
    /// The application this document is, if it is one, with the areas of
    /// the other phases.
    pub application: Option<ApplicationView<'a>>,
    /// The meeting papers this document is, if it is some.
    pub papers: Option<PapersView<'a>>,
    /// Files made for the document (annex pages as SVG), by the virtual
    /// path templates name them with; not seen by templates.
    #[serde(skip)]
    pub generated: crate::typeset::Generated,
    /// Files read to make the context (annex PDFs); not seen by templates.
    #[serde(skip)]
    pub read: Vec<std::path::PathBuf>,
}

/// The facts as templates see them on a date, with what can be derived.
#[derive(Debug, Serialize)]
pub struct SharedContext<'a> {
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
    /// Findings about sizes as of the date, in Danish.
    pub findings: Vec<String>,
    /// Meetings, milestones and applications in date order, in Danish.
    pub timeline: Vec<TimelineEntry>,
    /// All applications, by phase.
    pub applications: Vec<ApplicationView<'a>>,
    /// A regular expression for the proper names never to hyphenate (the
    /// municipalities' names in running text and `proper_names` from
    /// dokgen.yaml), with their endings and a following punctuation mark;
    /// none if there are no names.
    pub proper_names: Option<String>,
    /// The names in that pattern; rendering narrows the pattern to those
    /// the document contains. Not seen by templates.
    #[serde(skip)]
    pub proper_name_list: Vec<&'a str>,
    /// The service catalogue with its computed settlement.
    pub settlement: Option<SettlementView<'a>>,
}

/// A dated event on a timeline.
#[derive(Debug, Serialize)]
pub struct TimelineEntry {
    /// When.
    pub date: NaiveDate,
    /// What, in running Danish.
    pub text: String,
    /// Whether it lies after the document's date.
    pub planned: bool,
}

/// The project.
#[derive(Debug, Serialize)]
pub struct ProjectView<'a> {
    /// Its name from dokgen.yaml.
    pub name: &'a str,
}

/// The document.
#[derive(Debug, Serialize)]
pub struct DocumentView<'a> {
    /// The declaration file's stem: `strategi`.
    pub id: String,
    /// Title.
    pub title: &'a str,
    /// Date, ISO (`2017-06-26`); the `dato` filter formats it.
    pub date: NaiveDate,
    /// Status such as "Udkast".
    pub status: Option<&'a str>,
    /// What it is about (the PDF's subject), if the declaration says.
    pub subject: Option<&'a str>,
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
pub struct MunicipalityView<'a> {
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
    pub projection: Option<ProjectionView>,
}

/// A population figure.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView<'a> {
    /// The date it refers to.
    pub date: NaiveDate,
    /// Its year.
    pub year: i32,
    /// Inhabitants.
    pub value: i64,
    /// Its source.
    pub source: &'a str,
}

/// A projection, with the sentence that shows it as one.
#[derive(Debug, Serialize)]
pub struct ProjectionView {
    /// The numbers.
    #[serde(flatten)]
    pub projection: Projection,
    /// "Fremskrivning: … når Vallensbæk 20.000 indbyggere i 2040.", or
    /// none when the size is already reached.
    pub text: Option<String>,
}

/// The cooperation, with each area's executing municipality resolved.
#[derive(Debug, Serialize)]
pub struct CooperationView<'a> {
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
pub struct AreaView<'a> {
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
pub struct ScenarioView<'a> {
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
pub struct ApplicationView<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its phase, from 1.
    pub phase: u32,
    /// How many phases there are in all.
    pub phase_count: usize,
    /// The areas it asks to leave the cooperation.
    pub areas: Vec<AreaView<'a>>,
    /// The areas that later applications hold.
    pub later_areas: Vec<AreaView<'a>>,
    /// The areas that earlier applications held.
    pub earlier_areas: Vec<AreaView<'a>>,
    /// The areas still in the cooperation when this application is made
    /// (its own and the later ones), in the cooperation's order.
    pub current_areas: Vec<AreaView<'a>>,
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
pub struct SignatoryView<'a> {
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
pub struct RequestView<'a> {
    /// The area.
    pub area: AreaView<'a>,
    /// What is asked first.
    pub principal: &'a str,
    /// What is asked if that is refused.
    pub subsidiary: Option<&'a str>,
}

/// The facts as of `as_of`, as every document of that date sees them.
pub fn shared<'a>(
    project: &'a Project,
    content: &'a Content,
    as_of: NaiveDate,
) -> Result<SharedContext<'a>> {
    let facts = &content.facts;
    let r = Resolver::new(project, facts, Path::new("content"), as_of);
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
    let proper_name_list: Vec<&str> = facts
        .municipalities
        .values()
        .map(|m| m.short_name.as_str())
        .chain(project.config.proper_names.iter().map(String::as_str))
        .collect();
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
        findings: findings(facts, Some(as_of)),
        timeline: timeline(facts, &applications, as_of),
        applications,
        proper_names: proper_names_pattern(proper_name_list.iter().copied()),
        proper_name_list,
        settlement: r.settlement_view()?,
    })
}

/// What is `document`'s own: its declaration, its application with the
/// areas of the other phases, its meeting papers, and the files made or
/// read for them.
pub fn own<'a>(
    project: &'a Project,
    content: &'a Content,
    document: &'a Document,
) -> Result<OwnContext<'a>> {
    let facts = &content.facts;
    let spec = &document.spec;
    let r = Resolver::new(project, facts, &document.file, document.date);
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
            title: &spec.title,
            date: document.date,
            status: spec.status.as_deref(),
            subject: spec.subject.as_deref(),
            item_id: spec.item.as_deref(),
            authors,
            keywords: &spec.keywords,
            output: &spec.output,
            prose: &spec.prose,
        },
        application,
        papers: r.papers_view(spec)?,
        // Last: the views above fill them.
        generated: r.generated.take(),
        read: r.read.take(),
    })
}

/// `\b(?:Ishøj|Vallensbæk)\w*[.,;:!?]?`: the names, escaped, longest
/// first, with any ending and one punctuation mark.
pub fn proper_names_pattern<'n>(names: impl Iterator<Item = &'n str>) -> Option<String> {
    let mut names: Vec<String> = names
        .filter(|n| !n.trim().is_empty())
        .map(|n| {
            n.chars().fold(String::new(), |mut out, c| {
                if r"\.+*?()|[]{}^$#&-~".contains(c) {
                    out.push('\\');
                }
                out.push(c);
                out
            })
        })
        .collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    (!names.is_empty()).then(|| format!(r"\b(?:{})\w*[.,;:!?]?", names.join("|")))
}

/// Findings about the municipalities' sizes and the scenarios, as of
/// `as_of` (all figures when `None`), in Danish. `dokgen check` prints
/// them; templates see them as `findings`.
pub fn findings(facts: &Facts, as_of: Option<NaiveDate>) -> Vec<String> {
    let Some(rules) = &facts.rules else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in facts.municipalities.values() {
        out.extend(derive::size_findings(m, as_of, rules.sustainable_size));
    }
    let group = |ids: &[Id]| {
        ids.iter()
            .filter_map(|id| facts.municipalities.get(id))
            .collect::<Vec<_>>()
    };
    if let Some(c) = &facts.cooperation {
        let members = group(&c.members);
        let base = Range {
            min: rules.cooperation_base,
            max: u64::MAX,
        };
        if let Some(combined) = derive::combined(&members, as_of, base) {
            let names: Vec<&str> = members.iter().map(|m| m.short_name.as_str()).collect();
            out.push(format!(
                "{} har tilsammen {} indbyggere ({}) og {} kravet om mindst {} indbyggere i et forpligtende samarbejde.",
                crate::danish::list(&names, "og"),
                crate::danish::number(combined.total as f64, None),
                years(&combined),
                if combined.in_range { "opfylder" } else { "opfylder ikke" },
                crate::danish::number(rules.cooperation_base as f64, None),
            ));
        }
    }
    for s in &facts.scenarios {
        let members = group(&s.members);
        if let Some(combined) = derive::combined(&members, as_of, rules.merger_range) {
            let verdict = if combined.in_range {
                "inden for"
            } else if combined.below {
                "under"
            } else {
                "over"
            };
            out.push(format!(
                "{} giver {} indbyggere ({}), {verdict} intervallet {}–{}.",
                crate::danish::capitalize_first(&s.name),
                crate::danish::number(combined.total as f64, None),
                years(&combined),
                crate::danish::number(rules.merger_range.min as f64, None),
                crate::danish::number(rules.merger_range.max as f64, None),
            ));
        }
    }
    out
}

/// Meetings, milestones and applications in date order; those after
/// `as_of` are planned.
fn timeline(
    facts: &Facts,
    applications: &[ApplicationView<'_>],
    as_of: NaiveDate,
) -> Vec<TimelineEntry> {
    let cap = crate::danish::capitalize_first;
    let mut entries: Vec<(NaiveDate, String)> = Vec::new();
    // An event after the document's date is shown only if it was planned
    // by then: a strategy of 2017 does not know the decisions of 2021.
    let known = |date: NaiveDate, planned_from: Option<NaiveDate>| {
        date <= as_of || planned_from.is_some_and(|p| p <= as_of)
    };
    for m in &facts.meetings {
        if known(m.date, m.planned_from) {
            entries.push((
                m.date,
                format!("{}: {} om {}", cap(&m.body), m.kind, m.subject),
            ));
        }
    }
    for m in &facts.milestones {
        if known(m.date, m.planned_from) {
            entries.push((m.date, cap(&m.title)));
        }
    }
    for a in applications {
        let planned_from = facts.applications.get(a.id).and_then(|f| f.planned_from);
        if !known(a.date, planned_from) {
            continue;
        }
        let areas: Vec<&str> = a.areas.iter().map(|area| area.name).collect();
        let text = format!(
            "Ansøgning nr. {} om dispensation: {}",
            a.phase,
            crate::danish::list(&areas, "og")
        );
        entries.push((a.date, text));
    }
    entries.sort_by_key(|(date, _)| *date);
    entries
        .into_iter()
        .map(|(date, text)| TimelineEntry {
            date,
            text,
            planned: date > as_of,
        })
        .collect()
}

/// "2018" or "2018–2020", the years a combined figure rests on.
fn years(c: &Combined) -> String {
    if c.from_year == c.to_year {
        c.from_year.to_string()
    } else {
        format!("tal fra {}–{}", c.from_year, c.to_year)
    }
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
    /// The project folder, where annex files are.
    root: &'a std::path::Path,
    /// Files made for the document on the way (annex pages as SVG).
    generated: std::cell::RefCell<crate::typeset::Generated>,
    /// Files read on the way (annex PDFs), for the manifest.
    read: std::cell::RefCell<Vec<std::path::PathBuf>>,
    /// The cooperation's areas by id.
    areas_by_id: std::collections::HashMap<&'a str, &'a Area>,
    file: &'a std::path::Path,
    as_of: NaiveDate,
}

impl<'a> Resolver<'a> {
    /// Looks up `facts` as of `as_of` for the declaration `file` (named in
    /// messages); annex files are found below the project folder.
    fn new(project: &'a Project, facts: &'a Facts, file: &'a Path, as_of: NaiveDate) -> Self {
        Self {
            facts,
            root: &project.root,
            generated: Default::default(),
            read: Default::default(),
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
        let projection = threshold.and_then(|t| {
            derive::projection(&m.population, as_of, t).map(|p| ProjectionView {
                text: derive::projection_text(&m.short_name, &p, t),
                projection: p,
            })
        });
        let mut population: Vec<FigureView<'a>> = m.population.iter().map(figure_view).collect();
        population.sort_by_key(|f| f.date);
        MunicipalityView {
            id,
            name: &m.name,
            short_name: &m.short_name,
            address: &m.address,
            logo: m.logo.as_deref(),
            mayor: m.officials.mayor.on(self.as_of),
            chief_executive: m.officials.chief_executive.on(self.as_of),
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
        let mut apps: Vec<(&'a Id, &'a Application)> = self.facts.applications.iter().collect();
        apps.sort_by_key(|(id, a)| (a.phase, id.as_str()));
        apps
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
        let mut earlier = Vec::new();
        let mut later = Vec::new();
        let mut current_areas = Vec::new();
        if detailed {
            for (_, other) in apps {
                if other.phase < app.phase {
                    earlier.extend(self.areas(&other.areas)?);
                } else if other.phase > app.phase {
                    later.extend(self.areas(&other.areas)?);
                }
            }
            let gone: std::collections::HashSet<&str> = earlier.iter().map(|e| e.id).collect();
            current_areas = self
                .facts
                .cooperation
                .iter()
                .flat_map(|c| &c.areas)
                .filter(|a| !gone.contains(a.id.as_str()))
                .map(|a| self.area_view(a))
                .collect::<Result<_>>()?;
        }
        Ok(ApplicationView {
            id,
            phase: app.phase,
            phase_count: apps.len(),
            areas: self.areas(&app.areas)?,
            current_areas,
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
                    let holder = |terms: &'a Terms, office: &str| {
                        terms.on(app.date).ok_or_else(|| {
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
                        mayor: holder(&m.officials.mayor, "mayor")?,
                        chief_executive: holder(&m.officials.chief_executive, "chief executive")?,
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
            annexes: self.annex_views(&app.annexes, detailed)?,
        })
    }

    fn unknown(&self, what: &str, id: &str) -> Error {
        Diagnostic::error(format!("unknown {what} `{id}`"))
            .in_file(self.file)
            .hint("run `dokgen check` to see which reference is broken")
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::proper_names_pattern;

    #[test]
    fn proper_names_become_one_escaped_pattern_longest_first() {
        let names = ["Ishøj", "Lyngby-Taarbæk", "Ishøj", ""];
        assert_eq!(
            proper_names_pattern(names.into_iter()).as_deref(),
            Some(r"\b(?:Lyngby\-Taarbæk|Ishøj)\w*[.,;:!?]?")
        );
        assert_eq!(proper_names_pattern(std::iter::empty()), None);
    }
}
