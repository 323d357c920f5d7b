//! Views of meeting papers, annexes, contacts and the settlement.

use chrono::NaiveDate;
use serde::Serialize;

use super::Resolver;
use crate::danish;
use crate::diagnostic::{Diagnostic, Result};
use crate::facts::model::{
    AgendaItem, Annex, Contact, DocumentSpec, ItemPart, Meeting, PaperKind, ProsePath,
};
use crate::facts::settlement::{self, PricedService, YearSettlement};

/// An annex, numbered.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexView<'a> {
    /// Its number, from 1: "Bilag 1".
    pub number: usize,
    /// Its title.
    pub title: &'a str,
    /// The file as the facts name it (`bilag/x.pdf`), if it has one.
    pub file: Option<&'a str>,
    /// The images to append, one per page, as virtual paths: the image
    /// itself, or each page of a PDF turned into SVG.
    pub pages: Vec<String>,
}

/// Whom to contact.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView<'a> {
    /// A name or an office.
    pub name: &'a str,
    /// A title.
    pub title: Option<&'a str>,
    /// The municipality's official name.
    pub municipality: &'a str,
    /// Telephone.
    pub phone: Option<&'a str>,
    /// E-mail.
    pub email: Option<&'a str>,
}

/// The papers of a meeting: its agenda or its minutes, public or internal.
#[derive(Debug, Serialize)]
pub struct PapersView<'a> {
    /// "dagsorden" or "referat".
    pub kind: &'static str,
    /// Whether this is the minutes.
    pub minutes: bool,
    /// Whether the closed items are included.
    pub internal: bool,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// The meeting's time, "kl. 17.30".
    pub time: Option<String>,
    /// The items this version shows. They keep their numbers from the full
    /// agenda, so the public and the internal version cite items alike.
    pub items: Vec<ItemView<'a>>,
    /// The secretariat's words: "Det indstilles, at", "Sagsnr.:",
    /// "(Lukket)".
    pub labels: Labels<'a>,
}

/// The fixed words of a municipality's papers.
#[derive(Debug, Serialize)]
pub struct Labels<'a> {
    /// What introduces the "at"-clauses.
    pub recommendation_lead: &'a str,
    /// What precedes a case number.
    pub case_number: &'a str,
    /// What follows a closed item's title.
    pub closed: &'a str,
}

/// An agenda item with its headings in the secretariat's order.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    /// Its number on the full agenda.
    pub number: usize,
    /// Title.
    pub title: &'a str,
    /// Case number.
    pub case_number: &'a str,
    /// Whether it is closed.
    pub closed: bool,
    /// The sections to print, in order.
    pub sections: Vec<SectionView<'a>>,
    /// The "at"-clauses.
    pub recommendations: &'a [String],
    /// The decision, in the minutes only.
    pub decision: Option<&'a str>,
    /// The annexes, numbered within the item.
    pub annexes: Vec<AnnexView<'a>>,
}

/// One heading of an item and what stands under it.
#[derive(Debug, Serialize)]
pub struct SectionView<'a> {
    /// Which part.
    pub part: ItemPart,
    /// The heading as printed.
    pub title: String,
    /// For a prose part: its Markdown file.
    pub prose: Option<&'a ProsePath>,
}

/// The service catalogue and its computed settlement.
#[derive(Debug, Serialize)]
pub struct SettlementView<'a> {
    /// The orderers' ids.
    pub orderers: &'a [String],
    /// The services with their unit prices.
    pub services: Vec<PricedService>,
    /// Each year's payments and net settlement.
    pub years: Vec<YearSettlement>,
}

impl<'a> Resolver<'a> {
    /// The annexes, numbered; with `pages` (their files turned into the
    /// images the document appends) only if the document appends them.
    pub(super) fn annex_views(
        &self,
        annexes: &'a [Annex],
        pages: bool,
    ) -> Result<Vec<AnnexView<'a>>> {
        annexes
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let pages = match &a.file {
                    _ if !pages => Vec::new(),
                    Some(file) if file.to_ascii_lowercase().ends_with(".pdf") => {
                        self.read.borrow_mut().push(self.root.join(file));
                        let svgs = crate::annex::pdf_pages_as_svg(&self.root.join(file)).map_err(
                            |why| {
                                Diagnostic::error(format!("cannot read the annex `{file}`: {why}"))
                                    .in_file(self.file)
                            },
                        )?;
                        let folder = file.replace(['/', '\\', '.'], "-");
                        let mut generated = self.generated.borrow_mut();
                        svgs.into_iter()
                            .enumerate()
                            .map(|(k, svg)| {
                                let path = format!("/.dokgen/bilag/{folder}/side-{}.svg", k + 1);
                                generated.insert(
                                    path.clone(),
                                    typst::foundations::Bytes::from_string(svg),
                                );
                                path
                            })
                            .collect()
                    }
                    Some(file) => vec![format!("/{file}")],
                    None => Vec::new(),
                };
                Ok(AnnexView {
                    number: i + 1,
                    title: &a.title,
                    file: a.file.as_deref(),
                    pages,
                })
            })
            .collect()
    }

    pub(super) fn contact_view(&self, c: &'a Contact) -> Result<ContactView<'a>> {
        Ok(ContactView {
            name: &c.name,
            title: c.title.as_deref(),
            municipality: &self.municipality(&c.municipality)?.name,
            phone: c.phone.as_deref(),
            email: c.email.as_deref(),
        })
    }

    pub(super) fn papers_view(&self, spec: &DocumentSpec) -> Result<Option<PapersView<'a>>> {
        let Some(id) = &spec.meeting else {
            return Ok(None);
        };
        let meeting = self
            .facts
            .meetings
            .iter()
            .find(|m| m.id == *id)
            .ok_or_else(|| self.unknown("meeting", id))?;
        let minutes = spec.papers == Some(PaperKind::Minutes);
        let secretariat = meeting
            .secretariat
            .as_deref()
            .ok_or_else(|| self.unknown("secretariat of the meeting", id))?;
        let style = self
            .municipality(secretariat)?
            .meeting_papers
            .as_ref()
            .ok_or_else(|| self.unknown("paper style of", secretariat))?;
        let items = meeting
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| spec.internal || !item.closed)
            .map(|(i, item)| {
                let sections = style
                    .headings
                    .iter()
                    .filter_map(|h| {
                        let prose = prose_of(item, h.part);
                        let shown = match h.part {
                            ItemPart::Recommendations | ItemPart::Decision => true,
                            ItemPart::Annexes => !item.annexes.is_empty(),
                            _ => prose.is_some(),
                        };
                        shown.then(|| SectionView {
                            part: h.part,
                            title: if h.with_meeting {
                                decision_heading(&h.title, meeting)
                            } else {
                                h.title.clone()
                            },
                            prose,
                        })
                    })
                    .collect();
                Ok(ItemView {
                    number: i + 1,
                    title: &item.title,
                    case_number: &item.case_number,
                    closed: item.closed,
                    sections,
                    recommendations: &item.recommendations,
                    decision: item.decision.as_deref().filter(|_| minutes),
                    annexes: self.annex_views(&item.annexes, true)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Some(PapersView {
            kind: if minutes { "referat" } else { "dagsorden" },
            minutes,
            internal: spec.internal,
            meeting,
            time: meeting.time.as_deref().and_then(danish::time),
            items,
            labels: Labels {
                recommendation_lead: &style.recommendation_lead,
                case_number: &style.case_label,
                closed: &style.closed_label,
            },
        }))
    }

    pub(super) fn settlement_view(&self) -> Result<Option<SettlementView<'a>>> {
        let Some(s) = &self.facts.settlement else {
            return Ok(None);
        };
        let settled = settlement::compute(s).map_err(|e| {
            Diagnostic::error(format!("the settlement cannot be computed: {e:?}"))
                .in_file(self.file)
                .hint("run `dokgen check` to see which price or volume is wrong")
        })?;
        Ok(Some(SettlementView {
            orderers: &s.orderers,
            services: settled.services,
            years: settled.years,
        }))
    }
}

/// The prose file of a part, if the item has one.
fn prose_of(item: &AgendaItem, part: ItemPart) -> Option<&ProsePath> {
    item.prose_parts()
        .find(|(_, p, _)| *p == part)
        .map(|(_, _, path)| path)
}

/// "Beslutning Styregruppen den 19-06-2017", as Vallensbæk heads its
/// decisions.
fn decision_heading(title: &str, meeting: &Meeting) -> String {
    format!(
        "{title} {} den {}",
        danish::capitalize_first(&meeting.body),
        dash_date(meeting.date)
    )
}

/// "19-06-2017".
fn dash_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}
