//! Views of meeting papers, annexes, contacts and the settlement.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Resolver, View};
use crate::annex;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::model::{
    AgendaItem, Annex, Attendee, Closed, Contact, Correction, ItemHeading, ItemPart, ItemRef,
    Meeting, MinistryDecision, Municipality, PaperStyle, Person, Position, ProsePath, Service,
    Settlement, Signing, StandardItem, Supplementary, Vote, VoteCounts,
};
use crate::facts::settlement::{self, Price, YearSettlement};
use crate::msg;

/// An annex, numbered, with what it names resolved.
pub(crate) type AnnexView<'a> = View<&'a Annex, AnnexDerived<'a>>;

/// An annex as templates see it: its facts, numbered, with the pages to
/// append and what it names (an item, a meeting, a decision) resolved.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "AnnexView")]
pub(crate) struct AnnexDerived<'a> {
    /// Its number, from 1: "Bilag 1".
    pub number: usize,
    /// Whether this version lists it by number and title only, without
    /// its pages: an annex that may not be published (`public: false`),
    /// in the public papers.
    pub withheld: bool,
    /// The images to append, one per page, as paths in the project: the
    /// image itself, or each page of a PDF as an SVG drawing that the
    /// typesetter makes from it (`/.dokgen/bilag/<file>/side-<n>.svg`).
    pub pages: Vec<String>,
    /// For an extract of minutes: the meeting and its item as the minutes
    /// show it.
    pub minutes: Option<ExtractView<'a>>,
    /// For a meeting's minutes: the meeting.
    pub meeting: Option<&'a Meeting>,
    /// For the ministry's decision on an application: who decided, and
    /// the decision (its date, case number and outcome).
    pub decision: Option<AnnexedDecision<'a>>,
}

/// The ministry's decision on an application, as an annex.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct AnnexedDecision<'a> {
    /// The ministry the application went to: "Økonomi- og
    /// Indenrigsministeriet".
    pub authority: &'a str,
    /// The decision.
    #[serde(flatten)]
    pub decision: &'a MinistryDecision,
}

/// An item of a meeting's minutes, to append as an extract
/// ("Uddrag af beslutningsprotokol").
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct ExtractView<'a> {
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Whether the council holds the meeting (see [`PapersView::council`]).
    pub council: bool,
    /// The item, with its headings in the secretariat's order and its
    /// decision.
    pub item: ItemView<'a>,
    /// The secretariat's own words, where it has its own.
    pub labels: &'a PaperStyle,
    /// Who took the minutes, named: who certifies the extract.
    pub minute_taker: Option<AttendeeView<'a>>,
    /// Where the municipality whose secretariat keeps the minutes dates
    /// its papers (its seat, or its name in running text): where the
    /// extract is certified.
    pub secretariat: &'a str,
}

/// Whom to contact: a person, named or the official on the letter's date.
pub(crate) type ContactView<'a> = View<&'a Contact, ContactNamed<'a>>;

/// A letter's contact as templates see it: the facts, with the person
/// named (the official on the letter's date, where the facts name an
/// office) and the municipality's official name.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "ContactView")]
pub(crate) struct ContactNamed<'a> {
    /// The person's name.
    pub name: &'a str,
    /// The person's title: "Kommunaldirektør".
    pub title: Option<&'a str>,
    /// The municipality's official name (the facts give its id).
    pub municipality: &'a str,
}

/// Which meeting papers a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaperKind {
    /// Dagsorden: before the meeting, the items it had when it went out.
    Agenda,
    /// Tillægsdagsorden: the items added after the agenda went out
    /// (`supplementary`), each with why it cannot wait.
    SupplementaryAgenda,
    /// Referat: after it, every item with its decision.
    Minutes,
    /// Udskrift af beslutningsprotokollen: one item (`item`) as the
    /// minutes record it, certified by the one who took them.
    Extract,
}

/// The papers of a meeting: its agenda, its supplementary agenda, its
/// minutes or an extract of them, public or internal.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct PapersView<'a> {
    /// Which papers these are.
    pub papers: PaperKind,
    /// Whether these record the decisions: the minutes, or an extract of
    /// them.
    pub minutes: bool,
    /// Whether the closed items are included.
    pub internal: bool,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Who is called to it, named.
    pub members: Vec<AttendeeView<'a>>,
    /// Who took the minutes, named; in the minutes only.
    pub minute_taker: Option<AttendeeView<'a>>,
    /// The items this version shows. They keep their numbers from the full
    /// agenda, so the public and the internal version cite items alike.
    pub items: Vec<ItemView<'a>>,
    /// Whether the council holds the meeting (its meetings alone are
    /// public, and it alone closes an item "for lukkede døre").
    pub council: bool,
    /// Who signs the minutes, by name, as the meeting's `signing` says:
    /// every member who took part (and each substitute), or the chair and
    /// the one who took the minutes; in the minutes only.
    pub signatories: Vec<&'a str>,
    /// The secretariat's own words, where it gives them (its paper style);
    /// the template has the usual ones ("Det indstilles, at", "Sagsnr.:",
    /// "(Lukket)").
    pub labels: &'a PaperStyle,
    /// The corrections of the protocol that concern no single item, in
    /// the minutes only (an item's own are in its `corrections`).
    pub corrections: Vec<&'a Correction>,
    /// The name of the municipality whose secretariat keeps the papers,
    /// in running text: where an extract is certified ("Ishøj").
    pub secretariat: &'a str,
}

/// A person at a meeting, named: "Ole Bjørstorp (A), borgmester, Ishøj".
pub(crate) type AttendeeView<'a> = View<&'a Attendee, AttendeeNamed<'a>>;

/// A person at a meeting as templates see it: the facts, with the person
/// named (the official on the meeting's date, where the facts name an
/// office) and the municipality's name in running text.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "AttendeeView")]
pub(crate) struct AttendeeNamed<'a> {
    /// Full name.
    pub name: &'a str,
    /// An official's title: "Borgmester".
    pub title: Option<&'a str>,
    /// The municipality's name in running text (the facts give its id).
    pub municipality: Option<&'a str>,
}

/// An agenda item with its headings in the secretariat's order. A closed
/// item of the public papers is seen as [`AgendaItem::withheld`], a
/// standard item as [`AgendaItem::standard`].
pub(crate) type ItemView<'a> = View<Cow<'a, AgendaItem>, ItemDerived<'a>>;

/// An agenda item as templates see it: its facts (as far as this version
/// shows them), numbered, with its headings in the secretariat's order.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "ItemView")]
pub(crate) struct ItemDerived<'a> {
    /// Its number on the full agenda.
    pub number: usize,
    /// Whether it is one of the body's standard items ("Godkendelse af
    /// dagsorden"): a title, and in the minutes its decision, only.
    pub standard: bool,
    /// Whether this version shows only its number and neutral title: a
    /// closed item in the public papers.
    pub withheld: bool,
    /// The sections to print, in order.
    pub sections: Vec<SectionView<'a>>,
    /// The decision, in the minutes only.
    pub decision: Option<&'a str>,
    /// The annexes, numbered within the item.
    pub annexes: Vec<AnnexView<'a>>,
    /// The members at the meeting who were not there for this item: they
    /// came later or had left (`partly`), by name.
    pub away: Vec<&'a str>,
    /// Who took part in the item, by name: the members at the meeting and
    /// their substitutes, less those away and those with a conflict of
    /// interest in it.
    pub present: Vec<&'a str>,
    /// The number of votes on each side, where the decision was voted
    /// (`vote`): as the facts count them, or else each member who took
    /// part counted under their name or their party.
    pub votes: Option<VoteCounts>,
    /// The corrections entered in the protocol for this item after it was
    /// published, in the minutes only.
    pub corrections: Vec<&'a Correction>,
}

/// One heading of an item and what stands under it.
pub(crate) type SectionView<'a> = View<&'a ItemHeading, SectionProse<'a>>;

/// A heading as templates see it: the secretariat's heading, with the
/// prose that stands under it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "SectionView")]
pub(crate) struct SectionProse<'a> {
    /// For a prose part: its Markdown file.
    pub prose: Option<&'a ProsePath>,
}

/// The service catalogue and its computed settlement.
pub(crate) type SettlementView<'a> = View<&'a Settlement, Settled<'a>>;

/// The settlement as templates see it: its facts, with each service's
/// unit price and each year's payments and net settlement.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "SettlementView")]
pub(crate) struct Settled<'a> {
    /// The services with their unit prices.
    pub services: Vec<View<&'a Service, Price>>,
    /// Each year's payments and net settlement.
    pub years: Vec<YearSettlement>,
}

impl<'a> Resolver<'a> {
    /// The annexes, numbered; with `pages` (the images the document
    /// appends, one per page) only if the document appends them, and of an
    /// annex that may not be published only if the document is `internal`.
    pub(super) fn annex_views(
        &self,
        annexes: &'a [Annex],
        pages: bool,
        internal: bool,
    ) -> Result<Vec<AnnexView<'a>>> {
        annexes
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let withheld = !a.public && !internal;
                let derived = AnnexDerived {
                    number: i + 1,
                    withheld,
                    pages: match &a.file {
                        Some(file) if pages && !withheld => self.annex_pages(file),
                        _ => Vec::new(),
                    },
                    minutes: a
                        .minutes
                        .as_ref()
                        .map(|at| self.extract_view(at))
                        .transpose()?,
                    meeting: a
                        .meeting
                        .as_ref()
                        .map(|id| {
                            self.facts.meeting(id).map(|(_, m)| m).ok_or_else(|| {
                                self.unknown(msg!(
                                    "template-context-unknown-meeting",
                                    id = id.as_str()
                                ))
                            })
                        })
                        .transpose()?,
                    decision: a
                        .decision
                        .as_ref()
                        .map(|id| {
                            let app =
                                self.facts.applications.get(id.as_str()).ok_or_else(|| {
                                    self.unknown(msg!(
                                        "template-context-unknown-application",
                                        id = id.as_str()
                                    ))
                                })?;
                            let decision = app.ministry_decision.as_ref().ok_or_else(|| {
                                self.unknown(msg!(
                                    "template-context-unknown-ministry-decision",
                                    id = id.as_str()
                                ))
                            })?;
                            Ok::<_, Error>(AnnexedDecision {
                                // Every application has one once checked.
                                authority: app.addressee.as_ref().map_or("", |a| a.name.as_str()),
                                decision,
                            })
                        })
                        .transpose()?,
                };
                Ok(View::new(a, derived))
            })
            .collect()
    }

    /// The item `at` as its meeting's minutes show it.
    fn extract_view(&self, at: &ItemRef) -> Result<ExtractView<'a>> {
        let (_, meeting) = self.facts.meeting(&at.meeting).ok_or_else(|| {
            self.unknown(msg!(
                "template-context-unknown-meeting",
                id = at.meeting.as_str()
            ))
        })?;
        let (index, item) = meeting.item_numbered(at.item).ok_or_else(|| {
            self.unknown(msg!(
                "template-context-unknown-item",
                meeting = at.meeting.as_str()
            ))
        })?;
        let style = self.paper_style(meeting)?;
        let number = meeting.number_of(index);
        // A document that appends an extract is public: a closed item
        // shows what may be published of it.
        let mut item = match &item.closed {
            Some(closed) => withheld(number, item, closed, true),
            None => self.item_view(style, number, item, true, false)?,
        };
        // An extract is the protocol's entry: the item's annexes are the
        // meeting's, numbered within it, and not the document's.
        without_annexes(&mut item);
        self.attend_items(meeting, std::slice::from_mut(&mut item))?;
        Ok(ExtractView {
            meeting,
            council: meeting.is_council(),
            item,
            labels: style,
            minute_taker: meeting
                .minute_taker
                .as_ref()
                .map(|a| self.attendee_view(a, meeting.date))
                .transpose()?,
            secretariat: self.secretariat_name(meeting)?,
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

    pub(super) fn contact_view(&self, c: &'a Contact, date: NaiveDate) -> Result<ContactView<'a>> {
        let m = self.municipality(&c.municipality)?;
        let official = c.official.and_then(|office| m.officials.on(office, date));
        let (name, title) = person_named(c.name.as_ref(), c.title.as_deref(), official)
            .ok_or_else(|| {
                Error::from(
                    Diagnostic::error(msg!(
                        "template-context-contact-no-person",
                        municipality = &m.name,
                        date = date.to_string()
                    ))
                    .in_file(self.file)
                    .hint(msg!("template-context-contact-hint")),
                )
            })?;
        Ok(View::new(
            c,
            ContactNamed {
                name,
                title,
                municipality: &m.name,
            },
        ))
    }

    /// The papers `which` of the meeting `id`, with its closed items whole
    /// if `internal`; for an extract, of the item the agenda numbers
    /// `item`.
    pub(crate) fn papers_view(
        &self,
        id: &str,
        which: PaperKind,
        internal: bool,
        item: Option<u32>,
    ) -> Result<PapersView<'a>> {
        let (_, meeting) = self
            .facts
            .meeting(id)
            .ok_or_else(|| self.unknown(msg!("template-context-unknown-meeting", id)))?;
        let style = self.paper_style(meeting)?;
        let minutes = matches!(which, PaperKind::Minutes | PaperKind::Extract);
        let regular = meeting.regular();
        let shows = |index: usize| shows(meeting, which, index, self.as_of, item);
        let with_standard = matches!(which, PaperKind::Agenda | PaperKind::Minutes);
        let standard = |position| {
            meeting
                .standard_items
                .iter()
                .filter(move |s| s.position == position && with_standard)
        };
        let mut items: Vec<ItemView<'a>> = standard(Position::First)
            .enumerate()
            .map(|(i, s)| standard_view(i + 1, s, minutes))
            .collect();
        let view = |i: usize, item: &'a AgendaItem| -> Result<ItemView<'a>> {
            let number = meeting.number_of(i);
            let mut view = match &item.closed {
                Some(closed) if !internal => withheld(number, item, closed, minutes),
                _ => self.item_view(style, number, item, minutes, internal)?,
            };
            if which == PaperKind::Extract {
                without_annexes(&mut view);
            }
            Ok(view)
        };
        for (i, item) in meeting.items.iter().enumerate().take(regular) {
            if shows(i) {
                items.push(view(i, item)?);
            }
        }
        let after = meeting.leading() + regular;
        items.extend(
            standard(Position::Last)
                .enumerate()
                .map(|(i, s)| standard_view(after + i + 1, s, minutes)),
        );
        for (i, item) in meeting.items.iter().enumerate().skip(regular) {
            if shows(i) {
                items.push(view(i, item)?);
            }
        }
        let attendee = |a| self.attendee_view(a, meeting.date);
        let members: Vec<AttendeeView<'a>> = meeting
            .members
            .iter()
            .map(attendee)
            .collect::<Result<_>>()?;
        attend(meeting, &members, &mut items, minutes, self.as_of);
        let names: Vec<&'a str> = members.iter().map(|m| m.derived.name).collect();
        let minute_taker = match &meeting.minute_taker {
            Some(a) if minutes => Some(attendee(a)?),
            _ => None,
        };
        let signatories = match meeting.signing {
            _ if which != PaperKind::Minutes => Vec::new(),
            Signing::All => names
                .iter()
                .copied()
                .filter(|n| !meeting.is_absent(n))
                .chain(meeting.substitutes.iter().map(|s| s.name.as_str()))
                .collect(),
            Signing::ChairAndSecretary => meeting
                .chair
                .as_deref()
                .into_iter()
                .chain(minute_taker.as_ref().map(|a| a.derived.name))
                .collect(),
            Signing::None => Vec::new(),
        };
        let corrections = match which {
            PaperKind::Minutes => meeting
                .corrections
                .iter()
                .filter(|c| c.item.is_none() && c.date <= self.as_of)
                .collect(),
            _ => Vec::new(),
        };
        Ok(PapersView {
            papers: which,
            minutes,
            internal,
            meeting,
            council: meeting.is_council(),
            signatories,
            members,
            minute_taker,
            items,
            labels: style,
            corrections,
            secretariat: self.secretariat_name(meeting)?,
        })
    }

    /// The name in running text of the municipality whose secretariat
    /// keeps `meeting`'s papers.
    fn secretariat_name(&self, meeting: &'a Meeting) -> Result<&'a str> {
        let m = self.secretariat(meeting)?;
        Ok(m.seat.as_deref().unwrap_or(m.short_name.as_str()))
    }

    /// The municipality whose secretariat keeps `meeting`'s papers.
    fn secretariat(&self, meeting: &'a Meeting) -> Result<&'a Municipality> {
        let id = meeting.secretariat.as_deref().ok_or_else(|| {
            self.unknown(msg!(
                "template-context-unknown-secretariat",
                meeting = &meeting.id
            ))
        })?;
        self.municipality(id)
    }

    /// Who of `meeting`'s members was away from and who took part in each
    /// of `items`, with its votes counted.
    fn attend_items(&self, meeting: &'a Meeting, items: &mut [ItemView<'a>]) -> Result<()> {
        let members: Vec<AttendeeView<'a>> = meeting
            .members
            .iter()
            .map(|a| self.attendee_view(a, meeting.date))
            .collect::<Result<_>>()?;
        attend(meeting, &members, items, true, self.as_of);
        Ok(())
    }

    /// `a` named: by the facts' name, or as the official in office on
    /// `date`.
    fn attendee_view(&self, a: &'a Attendee, date: NaiveDate) -> Result<AttendeeView<'a>> {
        let m = a
            .municipality
            .as_ref()
            .map(|id| self.municipality(id))
            .transpose()?;
        let official = a
            .official
            .zip(m)
            .and_then(|(office, m)| m.officials.on(office, date));
        let (name, title) = person_named(a.name.as_ref(), None, official).ok_or_else(|| {
            Error::from(
                Diagnostic::error(msg!(
                    "template-context-attendee-no-name",
                    date = date.to_string()
                ))
                .in_file(self.file)
                .hint(msg!("template-context-attendee-hint")),
            )
        })?;
        Ok(View::new(
            a,
            AttendeeNamed {
                name,
                title,
                municipality: m.map(|m| m.short_name.as_str()),
            },
        ))
    }

    /// The paper style of the municipality that keeps `meeting`'s papers.
    fn paper_style(&self, meeting: &'a Meeting) -> Result<&'a PaperStyle> {
        let secretariat = self.secretariat(meeting)?;
        secretariat.meeting_papers.as_ref().ok_or_else(|| {
            self.unknown(msg!(
                "template-context-unknown-paper-style",
                id = meeting.secretariat.as_ref().map_or("", |s| s.as_str())
            ))
        })
    }

    /// The item at `index` of its meeting, with its headings in `style`'s
    /// order; with its decision if it is shown in `minutes`.
    fn item_view(
        &self,
        style: &'a PaperStyle,
        number: usize,
        item: &'a AgendaItem,
        minutes: bool,
        internal: bool,
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
                shown.then_some(View::new(h, SectionProse { prose }))
            })
            .collect();
        Ok(View::new(
            Cow::Borrowed(item),
            ItemDerived {
                number,
                standard: false,
                withheld: false,
                sections,
                decision: item.decision.as_deref().filter(|_| minutes),
                annexes: self.annex_views(&item.annexes, true, internal)?,
                away: Vec::new(),
                present: Vec::new(),
                votes: None,
                corrections: Vec::new(),
            },
        ))
    }

    pub(super) fn settlement_view(&self) -> Result<Option<SettlementView<'a>>> {
        let Some(s) = &self.facts.settlement else {
            return Ok(None);
        };
        let settled = settlement::compute(s).map_err(|e| {
            let service = match &e {
                settlement::SettleError::Price(service, _)
                | settlement::SettleError::MissingVolume { service, .. }
                | settlement::SettleError::NegativeVolume { service, .. }
                | settlement::SettleError::TooLarge { service, .. } => service,
            };
            Diagnostic::error(msg!("template-context-settlement-failed", service))
                .in_file(self.file)
                .hint(msg!("template-context-settlement-hint"))
        })?;
        let services = s
            .services
            .iter()
            .zip(settled.services)
            .map(|(service, price)| View::new(service, price))
            .collect();
        Ok(Some(View::new(
            s,
            Settled {
                services,
                years: settled.years,
            },
        )))
    }
}

/// A closed item as the public papers show it: its number and neutral
/// title in its place, and nothing of its content (its title, case number
/// and text are empty, so that a template that prints them is told).
fn withheld<'a>(
    number: usize,
    item: &AgendaItem,
    closed: &'a Closed,
    minutes: bool,
) -> ItemView<'a> {
    let mut shown = AgendaItem::withheld(closed);
    // That it was added later, and when, but not why: the reason may
    // tell what the item is about.
    shown.supplementary = item.supplementary.as_ref().map(|s| Supplementary {
        sent: s.sent,
        reason: None,
    });
    View::new(
        Cow::Owned(shown),
        ItemDerived {
            number,
            standard: false,
            withheld: true,
            sections: Vec::new(),
            // In the minutes, what may be published of the decision.
            decision: closed.public_decision.as_deref().filter(|_| minutes),
            annexes: Vec::new(),
            away: Vec::new(),
            present: Vec::new(),
            votes: None,
            corrections: Vec::new(),
        },
    )
}

/// `item` without its annexes or their heading.
fn without_annexes(item: &mut ItemView<'_>) {
    item.derived.annexes.clear();
    item.derived
        .sections
        .retain(|s| s.fact.part != ItemPart::Annexes);
}

/// Who of `members` was away from and who took part in each of `items`,
/// with its votes counted; in the `minutes`, the corrections entered for
/// each item shown whole by `as_of`, the papers' date.
fn attend<'a>(
    meeting: &'a Meeting,
    members: &[AttendeeView<'a>],
    items: &mut [ItemView<'a>],
    minutes: bool,
    as_of: NaiveDate,
) {
    let names: Vec<&'a str> = members.iter().map(|m| m.derived.name).collect();
    // A substitute votes for the party they stand in for.
    let parties: Vec<(&str, &str)> = members
        .iter()
        .filter_map(|m| Some((m.derived.name, m.fact.party.as_deref()?)))
        .chain(
            meeting
                .substitutes
                .iter()
                .filter_map(|s| Some((s.name.as_str(), s.party.as_deref()?))),
        )
        .collect();
    for item in items {
        let number = item.derived.number;
        let (away, present) = meeting.attendance(&names, &item.fact, number);
        item.derived.votes = item
            .fact
            .vote
            .as_ref()
            .map(|vote| counted(vote, &present, &parties));
        item.derived.away = away;
        item.derived.present = present;
        if minutes && !item.derived.withheld {
            item.derived.corrections = meeting
                .corrections
                .iter()
                .filter(|c| c.item == Some(number as u32) && c.date <= as_of)
                .collect();
        }
    }
}

/// The name and title of a person the facts give by `name` (with the
/// `title` they give, if any) or as an `official` in office; none if
/// neither.
fn person_named<'a>(
    name: Option<&'a String>,
    title: Option<&'a str>,
    official: Option<&'a Person>,
) -> Option<(&'a str, Option<&'a str>)> {
    match (name, official) {
        (Some(name), _) => Some((name, title)),
        (None, Some(person)) => Some((&person.name, Some(&person.title))),
        (None, None) => None,
    }
}

/// A standard item in its place: its title, and in the minutes what was
/// decided (as `decision`, with no headings).
fn standard_view(number: usize, item: &StandardItem, minutes: bool) -> ItemView<'_> {
    View::new(
        Cow::Owned(AgendaItem::standard(item)),
        ItemDerived {
            number,
            standard: true,
            withheld: false,
            sections: Vec::new(),
            decision: item.decision.as_deref().filter(|_| minutes),
            annexes: Vec::new(),
            away: Vec::new(),
            present: Vec::new(),
            votes: None,
            corrections: Vec::new(),
        },
    )
}

/// The votes on each side of `vote`: its `counts` where the facts give
/// them, else each of `present` counted under their name or under their
/// party (`parties`: each member's name and party letter).
fn counted(vote: &Vote, present: &[&str], parties: &[(&str, &str)]) -> VoteCounts {
    if let Some(counts) = vote.counts {
        return counts;
    }
    let side = |entries: &[String]| -> u32 {
        let count = present
            .iter()
            .filter(|m| {
                let party = parties.iter().find(|(n, _)| n == *m).map(|(_, p)| *p);
                entries.iter().any(|e| e == *m || Some(e.as_str()) == party)
            })
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    };
    VoteCounts {
        in_favour: side(&vote.in_favour),
        against: side(&vote.against),
        abstaining: side(&vote.abstaining),
    }
}

/// The prose file of a part, if the item has one.
fn prose_of(item: &AgendaItem, part: ItemPart) -> Option<&ProsePath> {
    item.prose_parts()
        .find(|(_, p, _)| *p == part)
        .map(|(_, _, path)| path)
}

/// Whether the papers `which` of `meeting`, dated `as_of`, print its item
/// at `index` (in the facts' order): the agenda the items it went out
/// with, the supplementary agenda those added later and sent by its date
/// (a second supplementary agenda is papers of its own), the minutes all,
/// an extract the item numbered `item`.
pub(crate) fn shows(
    meeting: &Meeting,
    which: PaperKind,
    index: usize,
    as_of: NaiveDate,
    item: Option<u32>,
) -> bool {
    let regular = meeting.regular();
    match which {
        PaperKind::Agenda => index < regular,
        PaperKind::SupplementaryAgenda => {
            index >= regular
                && meeting.items[index]
                    .supplementary
                    .as_ref()
                    .and_then(|s| s.sent)
                    .is_none_or(|sent| sent <= as_of)
        }
        PaperKind::Minutes => true,
        PaperKind::Extract => item.is_some_and(|n| meeting.number_of(index) == n as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(yaml: &str) -> Vote {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn a_party_counts_its_members_who_took_part_and_a_name_counts_one() {
        let parties = [("Anna", "A"), ("Bo", "A"), ("Carl", "V"), ("Dorte", "Ø")];
        // Bo was away for the item.
        let present = ["Anna", "Carl", "Dorte", "Erik"];
        let counts = counted(
            &vote("{ for: [A, Erik], against: [Ø], abstaining: [V] }"),
            &present,
            &parties,
        );
        assert_eq!(
            (counts.in_favour, counts.against, counts.abstaining),
            (2, 1, 1)
        );
    }

    #[test]
    fn counts_the_facts_give_are_the_counts() {
        let counts = counted(
            &vote("{ for: [A, C, V], against: [Ø], counts: { for: 17, against: 2 } }"),
            &[],
            &[],
        );
        assert_eq!(
            (counts.in_favour, counts.against, counts.abstaining),
            (17, 2, 0)
        );
    }
}
