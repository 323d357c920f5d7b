//! Views of meeting papers, annexes, contacts and the settlement.

use serde::Serialize;

use super::Resolver;
use crate::annex;
use crate::diagnostic::{Diagnostic, Result};
use crate::facts::model::{
    AgendaItem, Annex, Closed, Contact, DocumentSpec, ItemPart, ItemRef, Meeting, PaperKind,
    PaperStyle, ProsePath,
};
use crate::facts::settlement::{self, PricedService, YearSettlement};

/// An annex, numbered.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AnnexView<'a> {
    /// Its number, from 1: "Bilag 1".
    pub number: usize,
    /// Its title, where the facts give one (an extract of minutes may
    /// leave it to the template).
    pub title: Option<&'a str>,
    /// The file as the facts name it (`bilag/x.pdf`), if it has one.
    pub file: Option<&'a str>,
    /// The images to append, one per page, as paths in the project: the
    /// image itself, or each page of a PDF as an SVG drawing that the
    /// typesetter makes from it (`/.dokgen/bilag/<file>/side-<n>.svg`).
    pub pages: Vec<String>,
    /// For an extract of minutes: the meeting and its item as the minutes
    /// show it.
    pub minutes: Option<ExtractView<'a>>,
}

/// An item of a meeting's minutes, to append as an extract
/// ("Uddrag af beslutningsprotokol").
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtractView<'a> {
    /// The meeting.
    pub meeting: &'a Meeting,
    /// The item, with its headings in the secretariat's order and its
    /// decision.
    pub item: ItemView<'a>,
    /// The secretariat's own words.
    pub labels: Labels<'a>,
}

/// Whom to contact.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContactView<'a> {
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
pub(crate) struct PapersView<'a> {
    /// Whether this is the minutes (otherwise the agenda).
    pub minutes: bool,
    /// Whether the closed items are included.
    pub internal: bool,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// The items this version shows. They keep their numbers from the full
    /// agenda, so the public and the internal version cite items alike.
    pub items: Vec<ItemView<'a>>,
    /// The secretariat's own words, where it gives them; the template has
    /// the usual ones ("Det indstilles, at", "Sagsnr.:", "(Lukket)").
    pub labels: Labels<'a>,
}

/// The fixed words of a municipality's papers, where it has its own.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Labels<'a> {
    /// What introduces the "at"-clauses.
    pub recommendation_lead: Option<&'a str>,
    /// What precedes a case number.
    pub case_number: Option<&'a str>,
    /// What follows a closed item's title.
    pub closed: Option<&'a str>,
}

/// An agenda item with its headings in the secretariat's order.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ItemView<'a> {
    /// Its number on the full agenda.
    pub number: usize,
    /// Title.
    pub title: &'a str,
    /// Case number.
    pub case_number: &'a str,
    /// Why and how it is closed, if it is.
    pub closed: Option<&'a Closed>,
    /// Whether this version shows only its number and neutral title: a
    /// closed item in the public papers.
    pub withheld: bool,
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
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SectionView<'a> {
    /// Which part.
    pub part: ItemPart,
    /// The heading as the secretariat words it.
    pub title: &'a str,
    /// Whether the heading goes on to name the body and the meeting's
    /// date, as Vallensbæk heads its decisions ("Beslutning
    /// Styregruppen den 19-06-2017").
    pub with_meeting: bool,
    /// For a prose part: its Markdown file.
    pub prose: Option<&'a ProsePath>,
}

/// The service catalogue and its computed settlement.
#[derive(Debug, Serialize)]
pub(crate) struct SettlementView<'a> {
    /// The orderers' ids.
    pub orderers: &'a [String],
    /// The services with their unit prices.
    pub services: Vec<PricedService>,
    /// Each year's payments and net settlement.
    pub years: Vec<YearSettlement>,
}

impl<'a> Resolver<'a> {
    /// The annexes, numbered; with `pages` (the images the document
    /// appends, one per page) only if the document appends them.
    pub(super) fn annex_views(
        &self,
        annexes: &'a [Annex],
        pages: bool,
    ) -> Result<Vec<AnnexView<'a>>> {
        annexes
            .iter()
            .enumerate()
            .map(|(i, a)| {
                Ok(AnnexView {
                    number: i + 1,
                    title: a.title.as_deref(),
                    file: a.file.as_deref(),
                    pages: match &a.file {
                        Some(file) if pages => self.annex_pages(file),
                        _ => Vec::new(),
                    },
                    minutes: a
                        .minutes
                        .as_ref()
                        .map(|at| self.extract_view(at))
                        .transpose()?,
                })
            })
            .collect()
    }

    /// The item `at` as its meeting's minutes show it.
    fn extract_view(&self, at: &ItemRef) -> Result<ExtractView<'a>> {
        let (_, meeting) = self
            .facts
            .meeting(&at.meeting)
            .ok_or_else(|| self.unknown("meeting", &at.meeting))?;
        let index = (at.item as usize)
            .checked_sub(1)
            .filter(|&k| k < meeting.items.len())
            .ok_or_else(|| self.unknown("item of the meeting", &at.meeting))?;
        let style = self.paper_style(meeting)?;
        Ok(ExtractView {
            meeting,
            item: self.item_view(style, index, &meeting.items[index], true)?,
            labels: labels(style),
        })
    }

    /// The pages of the annex `file`: the image itself, or each page of a
    /// PDF (whose page count the checks found) as the SVG drawing the
    /// typesetter makes of it.
    fn annex_pages(&self, file: &str) -> Vec<String> {
        match self.annex_pages.get(file) {
            Some(&count) => (1..=count).map(|k| annex::page_path(file, k)).collect(),
            None => vec![format!("/{file}")],
        }
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
        let (_, meeting) = self
            .facts
            .meeting(id)
            .ok_or_else(|| self.unknown("meeting", id))?;
        let minutes = spec.papers == Some(PaperKind::Minutes);
        let style = self.paper_style(meeting)?;
        let items = meeting
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| match &item.closed {
                Some(closed) if !spec.internal => Ok(withheld(i, closed)),
                _ => self.item_view(style, i, item, minutes),
            })
            .collect::<Result<_>>()?;
        Ok(Some(PapersView {
            minutes,
            internal: spec.internal,
            meeting,
            items,
            labels: labels(style),
        }))
    }

    /// The paper style of the municipality that keeps `meeting`'s papers.
    fn paper_style(&self, meeting: &'a Meeting) -> Result<&'a PaperStyle> {
        let secretariat = meeting
            .secretariat
            .as_deref()
            .ok_or_else(|| self.unknown("secretariat of the meeting", &meeting.id))?;
        self.municipality(secretariat)?
            .meeting_papers
            .as_ref()
            .ok_or_else(|| self.unknown("paper style of", secretariat))
    }

    /// The item at `index` of its meeting, with its headings in `style`'s
    /// order; with its decision if it is shown in `minutes`.
    fn item_view(
        &self,
        style: &'a PaperStyle,
        index: usize,
        item: &'a AgendaItem,
        minutes: bool,
    ) -> Result<ItemView<'a>> {
        let sections = style
            .headings
            .iter()
            .filter_map(|h| {
                let prose = prose_of(item, h.part);
                let shown = match h.part {
                    ItemPart::Recommendations => true,
                    // What was decided belongs to the minutes.
                    ItemPart::Decision => minutes,
                    ItemPart::Annexes => !item.annexes.is_empty(),
                    _ => prose.is_some(),
                };
                shown.then_some(SectionView {
                    part: h.part,
                    title: &h.title,
                    with_meeting: h.with_meeting,
                    prose,
                })
            })
            .collect();
        Ok(ItemView {
            number: index + 1,
            title: &item.title,
            case_number: &item.case_number,
            closed: item.closed.as_ref(),
            withheld: false,
            sections,
            recommendations: &item.recommendations,
            decision: item.decision.as_deref().filter(|_| minutes),
            annexes: self.annex_views(&item.annexes, true)?,
        })
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

/// A closed item as the public papers show it: its number and neutral
/// title in its place, and nothing of its content (its title, case number
/// and text are empty, so that a template that prints them is told).
fn withheld(index: usize, closed: &Closed) -> ItemView<'_> {
    ItemView {
        number: index + 1,
        title: "",
        case_number: "",
        closed: Some(closed),
        withheld: true,
        sections: Vec::new(),
        recommendations: &[],
        decision: None,
        annexes: Vec::new(),
    }
}

/// The fixed words of `style`.
fn labels(style: &PaperStyle) -> Labels<'_> {
    Labels {
        recommendation_lead: style.recommendation_lead.as_deref(),
        case_number: style.case_label.as_deref(),
        closed: style.closed_label.as_deref(),
    }
}

/// The prose file of a part, if the item has one.
fn prose_of(item: &AgendaItem, part: ItemPart) -> Option<&ProsePath> {
    item.prose_parts()
        .find(|(_, p, _)| *p == part)
        .map(|(_, _, path)| path)
}
