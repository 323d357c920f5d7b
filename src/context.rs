//! Facts → the template context of one document.
//!
//! Templates see the facts through these views, which add what can be
//! derived (a municipality's latest figure as of the document's date, an
//! application's phase count and remaining areas) so that no template ever
//! retypes or recomputes a fact.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Result};
use crate::facts::model::{
    Addressee, Application, Area, Facts, Id, Law, Meeting, Municipality, PopulationFigure, Rules,
    Strategy,
};
use crate::facts::{Content, Document};
use crate::project::Project;

/// What a document's template can see, serialised into Tera's context.
#[derive(Debug, Serialize)]
pub struct DocumentContext<'a> {
    /// The project's name.
    pub project: ProjectView<'a>,
    /// The document being made.
    pub document: DocumentView<'a>,
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
    pub meetings: &'a [Meeting],
    /// Meetings by id.
    pub meeting: BTreeMap<&'a str, &'a Meeting>,
    /// All applications, by phase.
    pub applications: Vec<ApplicationView<'a>>,
    /// The application this document is, if it is one.
    pub application: Option<ApplicationView<'a>>,
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
    /// Every figure, oldest first.
    pub population: Vec<FigureView<'a>>,
    /// The figures dated on or before the document's date.
    pub known: Vec<FigureView<'a>>,
    /// The newest of `known`.
    pub latest: Option<FigureView<'a>>,
}

/// A population figure.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView<'a> {
    /// The date it refers to.
    pub date: NaiveDate,
    /// Its year.
    pub year: i32,
    /// Inhabitants.
    pub value: u64,
    /// Its source.
    pub source: &'a str,
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
    /// From when.
    pub start: NaiveDate,
    /// The applying municipalities' ids.
    pub applicants: &'a [Id],
    /// Their official names.
    pub applicant_names: Vec<&'a str>,
    /// The ministry.
    pub addressee: &'a Addressee,
    /// Case number.
    pub case_number: &'a str,
}

/// Builds the context of `document`.
pub fn build<'a>(
    project: &'a Project,
    content: &'a Content,
    document: &'a Document,
) -> Result<DocumentContext<'a>> {
    let facts = &content.facts;
    let spec = &document.spec;
    let resolver = Resolver {
        facts,
        file: &document.file,
    };

    let authors = spec
        .authors
        .iter()
        .map(|id| resolver.municipality(id).map(|m| m.name.as_str()))
        .collect::<Result<Vec<_>>>()?;
    let municipalities = facts
        .municipalities
        .iter()
        .map(|(id, m)| (id.as_str(), municipality_view(id, m, spec.date)))
        .collect();
    let cooperation = facts
        .cooperation
        .as_ref()
        .map(|c| {
            Ok::<_, crate::diagnostic::Error>(CooperationView {
                name: &c.name,
                since: c.since,
                members: &c.members,
                member_names: c
                    .members
                    .iter()
                    .map(|id| resolver.municipality(id).map(|m| m.short_name.as_str()))
                    .collect::<Result<_>>()?,
                areas: c
                    .areas
                    .iter()
                    .map(|a| resolver.area_view(a))
                    .collect::<Result<_>>()?,
            })
        })
        .transpose()?;
    let applications = application_views(&resolver)?;
    let application = match &spec.application {
        Some(id) => Some(
            applications
                .iter()
                .find(|a| a.id == id)
                .cloned()
                .ok_or_else(|| resolver.unknown("application", id, facts.applications.keys()))?,
        ),
        None => None,
    };

    Ok(DocumentContext {
        project: ProjectView {
            name: &project.config.name,
        },
        document: DocumentView {
            id: document
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            title: &spec.title,
            date: spec.date,
            status: spec.status.as_deref(),
            authors,
            keywords: &spec.keywords,
            output: &spec.output,
            prose: &spec.prose,
        },
        municipalities,
        cooperation,
        law: facts.law.as_ref(),
        rules: facts.rules.as_ref(),
        strategy: facts.strategy.as_ref(),
        meetings: &facts.meetings,
        meeting: facts.meetings.iter().map(|m| (m.id.as_str(), m)).collect(),
        applications,
        application,
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

fn municipality_view<'a>(
    id: &'a str,
    m: &'a Municipality,
    as_of: NaiveDate,
) -> MunicipalityView<'a> {
    let mut population: Vec<FigureView<'a>> = m.population.iter().map(figure_view).collect();
    population.sort_by_key(|f| f.date);
    let known: Vec<FigureView<'a>> = population
        .iter()
        .filter(|f| f.date <= as_of)
        .cloned()
        .collect();
    MunicipalityView {
        id,
        name: &m.name,
        short_name: &m.short_name,
        address: &m.address,
        latest: known.last().cloned(),
        population,
        known,
    }
}

fn application_views<'a>(resolver: &Resolver<'a>) -> Result<Vec<ApplicationView<'a>>> {
    let facts = resolver.facts;
    let mut apps: Vec<(&'a Id, &'a Application)> = facts.applications.iter().collect();
    apps.sort_by_key(|(id, a)| (a.phase, id.as_str()));
    let areas_of = |a: &'a Application| -> Result<Vec<AreaView<'a>>> {
        a.areas
            .iter()
            .map(|id| resolver.area(id).and_then(|area| resolver.area_view(area)))
            .collect()
    };
    let mut views = Vec::with_capacity(apps.len());
    for (id, app) in &apps {
        let mut earlier = Vec::new();
        let mut later = Vec::new();
        for (_, other) in &apps {
            if other.phase < app.phase {
                earlier.extend(areas_of(other)?);
            } else if other.phase > app.phase {
                later.extend(areas_of(other)?);
            }
        }
        views.push(ApplicationView {
            id,
            phase: app.phase,
            phase_count: apps.len(),
            areas: areas_of(app)?,
            later_areas: later,
            earlier_areas: earlier,
            start: app.start,
            applicants: &app.applicants,
            applicant_names: app
                .applicants
                .iter()
                .map(|id| resolver.municipality(id).map(|m| m.name.as_str()))
                .collect::<Result<_>>()?,
            addressee: &app.addressee,
            case_number: &app.case_number,
        });
    }
    Ok(views)
}

/// Looks ids up, and says which ids exist when one does not.
struct Resolver<'a> {
    facts: &'a Facts,
    file: &'a std::path::Path,
}

impl<'a> Resolver<'a> {
    fn municipality(&self, id: &str) -> Result<&'a Municipality> {
        self.facts
            .municipalities
            .get(id)
            .ok_or_else(|| self.unknown("municipality", id, self.facts.municipalities.keys()))
    }

    fn area(&self, id: &str) -> Result<&'a Area> {
        let areas = self
            .facts
            .cooperation
            .as_ref()
            .map(|c| c.areas.as_slice())
            .unwrap_or_default();
        areas
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| self.unknown("area", id, areas.iter().map(|a| &a.id)))
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

    fn unknown<'k>(
        &self,
        what: &str,
        id: &str,
        known: impl Iterator<Item = &'k Id>,
    ) -> crate::diagnostic::Error {
        let known: Vec<String> = known.map(|k| format!("`{k}`")).collect();
        Diagnostic::error(format!("unknown {what} `{id}`"))
            .in_file(self.file)
            .hint(format!(
                "known ids: {}",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            ))
            .into()
    }
}
