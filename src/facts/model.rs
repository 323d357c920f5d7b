//! The typed model of a project's facts.
//!
//! Each YAML file under `content/` is a [`FactFile`]: any of the sections
//! below, at its top level. Files are merged into one [`Facts`]; a section
//! that must exist once (the cooperation, the law, the rules, the strategy)
//! may be given by one file only, and an id may be defined once.
//!
//! Ids are ASCII (`vallensbaek`); names are proper Danish (`Vallensbæk`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// What the schemas tell an editor of a value's form; the checks in
// `validate` decide (and say why in words).

/// A time of day, `H:MM` or `HH:MM`.
const TIME_PATTERN: &str = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$";

/// A telephone number as printed: digits, spaces, and `+ - ( )`; or a
/// placeholder in brackets, `[indsæt telefonnummer]`, which is not yet a
/// fact (`dokgen check` lists it; the editor need not mark it).
const PHONE_PATTERN: &str = "^([+(]?[0-9][0-9 ()-]*|\\[indsæt[^\\]]*\\])$";

/// Something before an `@`, and a dotted domain after it; or a
/// placeholder in brackets.
const EMAIL_PATTERN: &str = "^([^@ ]+@[^. @][^ @]*\\.[^ @]+|\\[indsæt[^\\]]*\\])$";

pub use crate::id::{
    ApplicantId, ApplicationId, AreaId, Id, MeetingId, MemberId, MunicipalityId, OwnAreaId,
    ProsePath, Ref,
};

/// The facts: those of one YAML file under `content/`, each a section at
/// its top level, or those of every file merged (see the module's
/// introduction).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactFile {
    /// Municipalities by id.
    #[serde(default)]
    pub municipalities: BTreeMap<Id, Municipality>,
    /// The binding cooperation.
    pub cooperation: Option<Cooperation>,
    /// The law the cooperation rests on.
    pub law: Option<Law>,
    /// The rules of the domain, as data.
    pub rules: Option<Rules>,
    /// The strategy and its strategic lines.
    pub strategy: Option<Strategy>,
    /// Meetings and seminars.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Other dated events worth a place on a timeline.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Groups of municipalities to weigh against the size rules, such as a
    /// merger.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Dispensation applications by id.
    #[serde(default)]
    pub applications: BTreeMap<Id, Application>,
    /// The services the municipalities buy from each other, and their
    /// prices (strategic line 5: the BUM model).
    pub settlement: Option<Settlement>,
}

/// A municipality.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// The official name: "Ishøj Kommune".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// The name in running text: "Ishøj".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub short_name: String,
    /// The postal address, one line per entry.
    #[serde(deserialize_with = "crate::yaml::texts")]
    pub address: Vec<String>,
    /// The town its letters are dated from, where it is not `short_name`:
    /// "Ærøskøbing" for Ærø Kommune.
    #[serde(default)]
    pub seat: Option<String>,
    /// The logo, a PNG or SVG file inside the project (path relative to the
    /// project folder).
    #[serde(default)]
    pub logo: Option<String>,
    /// What a letter's sender block prints under the address: telephone,
    /// e-mail, web and CVR number, each where given.
    #[serde(default)]
    pub letterhead: Letterhead,
    /// The officials who sign on the municipality's behalf.
    pub officials: Officials,
    /// Inhabitants, one figure per date, oldest first.
    pub population: Vec<PopulationFigure>,
    /// How the municipality lays out the items of its meeting papers.
    #[serde(default)]
    pub meeting_papers: Option<PaperStyle>,
    /// What its council is called: `byråd` (Byrådet i Ishøj Kommune),
    /// `kommunalbestyrelse` (the law's word, and the default) or
    /// `borgerrepræsentation` (Copenhagen). dokgen names the council by it
    /// wherever it writes it.
    #[serde(default)]
    pub council: Council,
}

/// What a municipality calls its council.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Council {
    /// "Byrådet".
    #[serde(rename = "byråd")]
    Byraad,
    /// "Kommunalbestyrelsen".
    #[default]
    #[serde(rename = "kommunalbestyrelse")]
    Kommunalbestyrelse,
    /// "Borgerrepræsentationen".
    #[serde(rename = "borgerrepræsentation")]
    Borgerrepraesentation,
}

impl Council {
    /// The council in the definite form, capitalised: "Byrådet".
    pub fn name(self) -> &'static str {
        match self {
            Council::Byraad => "Byrådet",
            Council::Kommunalbestyrelse => "Kommunalbestyrelsen",
            Council::Borgerrepraesentation => "Borgerrepræsentationen",
        }
    }
}

impl Municipality {
    /// Its council as a body is named: "Byrådet i Ishøj Kommune".
    pub fn council_body(&self) -> String {
        format!("{} i {}", self.council.name(), self.name)
    }
}

/// A municipality's telephone, e-mail, web address and CVR number, as its
/// letters print them under the address.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Letterhead {
    /// The main telephone number, as it is printed: "43 57 75 75".
    #[serde(default)]
    #[schemars(regex(pattern = PHONE_PATTERN))]
    pub phone: Option<String>,
    /// The main e-mail address.
    #[serde(default)]
    #[schemars(regex(pattern = EMAIL_PATTERN))]
    pub email: Option<String>,
    /// The web address without the scheme: "ishoj.dk".
    #[serde(default)]
    pub web: Option<String>,
    /// The CVR number, eight digits: "11931316".
    #[serde(default)]
    pub cvr: Option<String>,
}

/// The headings of an agenda item, in the municipality's order. Ishøj
/// writes Resume, Sagsfremstilling, Økonomi, Indstilling, Beslutning,
/// Bilag; Vallensbæk begins with Beslutningstema and Indstilling.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperStyle {
    /// The headings in order. An item shows each heading it has text for;
    /// the recommendation always shows, and the decision in the minutes.
    pub headings: Vec<ItemHeading>,
    /// What introduces the "at"-clauses, if not the template's "Det
    /// indstilles, at": "Administrationen indstiller, at".
    #[serde(default)]
    pub recommendation_lead: Option<String>,
    /// What precedes an item's case number, if not the template's
    /// "Sagsnr.:".
    #[serde(default)]
    pub case_label: Option<String>,
    /// What follows a closed item's title, if not the template's
    /// "(Lukket)".
    #[serde(default)]
    pub closed_label: Option<String>,
    /// How a heading that names the meeting (`with_meeting`) writes its
    /// date, where the secretariat's system writes it otherwise than the
    /// papers' "19. juni 2017": `bindestreg` ("19-06-2017") or `kort`
    /// ("19.6.2017").
    #[serde(default)]
    pub heading_date: Option<DateForm>,
}

/// A form of date, as the `dato` filter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateForm {
    /// "19. juni 2017".
    Lang,
    /// "19.6.2017".
    Kort,
    /// "19-06-2017".
    Bindestreg,
}

/// One heading of an agenda item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemHeading {
    /// Which part of the item it heads.
    pub part: ItemPart,
    /// The heading as printed: "Sagsfremstilling".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// For the decision: add the body and the meeting's date, as
    /// Vallensbæk does ("Beslutning Kommunalbestyrelsen den 24-04-2019").
    #[serde(default)]
    pub with_meeting: bool,
}

/// The parts of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemPart {
    /// Resume: the item in brief.
    Summary,
    /// Beslutningstema: what is to be decided.
    Theme,
    /// Lovgrundlag: the legal basis.
    LegalBasis,
    /// Sagsfremstilling: the case.
    Presentation,
    /// Økonomi: what it costs.
    Finances,
    /// Indstilling: "Det indstilles, at …".
    Recommendations,
    /// Beslutning: what the body decided.
    Decision,
    /// Bilag: the annexes.
    Annexes,
}

/// Under kommunestyrelseslovens § 32 a binding document is signed by the
/// mayor together with a person the council has authorised, in practice
/// the chief executive.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Officials {
    /// The mayor (borgmester): one person, or a list of persons with their
    /// terms (`from`, `until`).
    pub mayor: Terms,
    /// The chief executive (kommunaldirektør): one person, or a list of
    /// persons with their terms. May be left out where it is not known (a
    /// municipality whose officials sign needs it).
    #[serde(default)]
    pub chief_executive: Option<Terms>,
}

/// An office whose holders the facts know (`officials`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    /// The mayor (borgmester).
    Mayor,
    /// The chief executive (kommunaldirektør).
    ChiefExecutive,
}

impl Office {
    /// The office as a message names it: "chief executive",
    /// "kommunaldirektør".
    pub fn describe(self) -> crate::message::Message {
        match self {
            Office::Mayor => crate::msg!("facts-office-mayor"),
            Office::ChiefExecutive => crate::msg!("facts-office-chief-executive"),
        }
    }
}

impl Officials {
    /// The holders of `office`, if the facts know them.
    pub fn holders(&self, office: Office) -> Option<&Terms> {
        match office {
            Office::Mayor => Some(&self.mayor),
            Office::ChiefExecutive => self.chief_executive.as_ref(),
        }
    }

    /// Who holds `office` on `date`, if the facts know.
    pub fn on(&self, office: Office, date: NaiveDate) -> Option<&Person> {
        self.holders(office)?.on(date)
    }
}

/// A person who signs, and when they hold the office.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Full name.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// Title as it is printed under the signature: "Borgmester".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// The first day in office; open if not given.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The last day in office; open if not given.
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

impl Person {
    /// Whether the person holds the office on `date`.
    pub fn in_office(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }
}

/// The holders of an office: written as one person, or as a list of
/// persons with their terms, oldest first.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Terms(pub Vec<Person>);

impl Terms {
    /// Who holds the office on `date`.
    pub fn on(&self, date: NaiveDate) -> Option<&Person> {
        self.0.iter().find(|p| p.in_office(date))
    }
}

impl<'de> Deserialize<'de> for Terms {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};

        struct TermsVisitor;
        impl<'de> serde::de::Visitor<'de> for TermsVisitor {
            type Value = Terms;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                crate::yaml::expecting(f, crate::msg!("facts-wanted-terms"), None)
            }
            // The person's own fields are read in place, so an error in
            // one keeps its line and path.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Terms, A::Error> {
                Person::deserialize(MapAccessDeserializer::new(map)).map(|p| Terms(vec![p]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Terms, A::Error> {
                Vec::<Person>::deserialize(SeqAccessDeserializer::new(seq)).map(Terms)
            }
        }
        deserializer.deserialize_any(TermsVisitor)
    }
}

impl JsonSchema for Terms {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Terms".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = generator.subschema_for::<Person>();
        let many = generator.subschema_for::<Vec<Person>>();
        schemars::json_schema!({
            "description": "One person, or a list of persons with their terms (`from`, `until`), oldest first.",
            "anyOf": [one, many]
        })
    }
}

/// The number of inhabitants on a date, with its source.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PopulationFigure {
    /// The date the figure refers to (Danish statistics count on 1 January).
    pub date: NaiveDate,
    /// Inhabitants. Must be above zero (a negative figure is read so that
    /// the rule can say so, rather than a type error).
    pub value: i64,
    /// Where the figure comes from.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub source: String,
}

/// The binding cooperation between municipalities.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cooperation {
    /// Its name in running text.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// The member municipalities, by id.
    pub members: Vec<MunicipalityId>,
    /// When it began.
    pub since: NaiveDate,
    /// Whether the applications are to end the cooperation: then every
    /// area must leave it in one of them. Without it, an area that no
    /// application names stays in the cooperation (a partial exit).
    #[serde(default)]
    pub ends: bool,
    /// The task areas it covers.
    pub areas: Vec<Area>,
}

/// A task area of the cooperation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// ASCII id: `beskaeftigelse`.
    pub id: Id,
    /// The name in running text, lower case: "beskæftigelse".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// The member municipality that carries out the tasks.
    pub carried_out_by: MemberId,
    /// The members it carries them out for, by id: all members (itself
    /// included) if not given. On the islands the larger partner carries
    /// out the tasks for the island only: `on_behalf_of: [aeroe]`.
    #[serde(default)]
    pub on_behalf_of: Vec<MemberId>,
    /// The member that keeps the political competence, where it is not
    /// the one that carries out the tasks: an island that delegates the
    /// task solving and keeps the decisions.
    #[serde(default)]
    pub competence: Option<MemberId>,
}

impl Area {
    /// The members the tasks are carried out for: `on_behalf_of`, or all
    /// `members`.
    pub fn served<'a>(&'a self, members: &'a [MunicipalityId]) -> Vec<&'a str> {
        if self.on_behalf_of.is_empty() {
            members.iter().map(|m| m.as_str()).collect()
        } else {
            self.on_behalf_of.iter().map(|m| m.as_str()).collect()
        }
    }

    /// Whether the tasks are carried out for `member`.
    fn serves(&self, member: &str) -> bool {
        self.on_behalf_of.is_empty() || self.on_behalf_of.iter().any(|m| *m == member)
    }

    /// The members an application for the area concerns: the one that
    /// carries it out and those it is carried out for, in the order of
    /// `members`.
    pub fn concerns<'a>(&'a self, members: &'a [MunicipalityId]) -> Vec<&'a MunicipalityId> {
        members
            .iter()
            .filter(|m| *self.carried_out_by == ***m || self.serves(m))
            .collect()
    }

    /// Whether the tasks are carried out for all `members`.
    pub fn for_all(&self, members: &[MunicipalityId]) -> bool {
        members.iter().all(|m| self.serves(m))
    }
}

/// The law the cooperation rests on.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// Its name in running text: "lov om forpligtende kommunale samarbejder".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// The act that made it: `{ number: 541, date: 2005-06-24 }`, printed
    /// "nr. 541 af 24. juni 2005" by the `nr` filter.
    pub act: ActNumber,
    /// The consolidated act now in force, if any: printed
    /// "lovbekendtgørelse nr. 789 af 24. juni 2024".
    #[serde(default)]
    pub consolidated: Option<ActNumber>,
    /// The provision that lets the minister take tasks out of a
    /// cooperation: `{ section: "11 a", subsection: 2 }`, printed
    /// "§ 11 a, stk. 2" by the `paragraf` filter.
    pub dispensation: Provision,
    /// The provision that lets the minister set conditions (dates,
    /// publication, transfer of staff): `{ section: "11 a", subsection: 3 }`.
    #[serde(default)]
    pub conditions: Option<Provision>,
    /// Executive orders (bekendtgørelser) a document cites besides the
    /// law, by id: `bek-656: { number: 656, date: 2005-06-29 }`, cited
    /// "bekendtgørelse nr. 656 af 29. juni 2005". A provision names one
    /// with `order:`.
    #[serde(default)]
    pub orders: BTreeMap<Id, Order>,
}

/// An executive order (bekendtgørelse), by its number and date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Its number: 656.
    pub number: u32,
    /// The date it was given: 2005-06-29.
    pub date: NaiveDate,
    /// Its title, where a document names it: "bekendtgørelse om …".
    #[serde(default)]
    pub title: Option<String>,
}

/// An act or a consolidated act, by its number and date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActNumber {
    /// Its number: 541.
    pub number: u32,
    /// The date it was given: 2005-06-24.
    pub date: NaiveDate,
}

/// A place in a law: a section (paragraf), and within it a subsection
/// (stykke) and a number (nummer).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// The section without "§": a number, with a letter after a space if
    /// it was inserted later: `"11 a"`, `"32"`.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub section: String,
    /// The subsection (stk.), from 1.
    #[serde(default)]
    pub subsection: Option<u32>,
    /// The number (nr.) within the section or subsection, from 1.
    #[serde(default)]
    pub number: Option<u32>,
    /// The executive order it is in, by its id in `law.orders`; without
    /// it, the provision is the law's.
    #[serde(default)]
    pub order: Option<Id>,
}

/// The rules of the domain, kept as data so they can change without code.
/// Each is optional: what is derived from a rule (a note, a chart's
/// line, a check) exists only where the rule is given.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Inhabitants a municipality needs to be sustainable on its own.
    #[serde(default)]
    pub sustainable_size: Option<u64>,
    /// Inhabitants a binding cooperation needs in all.
    #[serde(default)]
    pub cooperation_base: Option<u64>,
    /// The size a merged municipality should have.
    #[serde(default)]
    pub merger_range: Option<Range>,
    /// How many areas the first application may hold.
    #[serde(default)]
    pub first_phase_areas: Option<Range>,
}

/// An inclusive range.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest value allowed.
    pub min: u64,
    /// Highest value allowed.
    pub max: u64,
}

/// A strategy and its numbered strategic lines.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// The strategic lines, in order.
    pub lines: Vec<StrategicLine>,
}

/// One strategic line.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrategicLine {
    /// Its number, from 1.
    pub number: u32,
    /// Its heading.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// Its text, a Markdown file.
    pub prose: ProsePath,
}

/// A meeting or seminar.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// ASCII id.
    pub id: Id,
    /// When.
    pub date: NaiveDate,
    /// Who met: "Byrådet i Ishøj Kommune".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub body: String,
    /// What kind of meeting: "seminar", "styregruppemøde".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub kind: String,
    /// What was discussed.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub subject: String,
    /// What was decided, if anything, in running text (for timelines).
    #[serde(default)]
    pub decision: Option<String>,
    /// From when the event was planned. A document dated before the event
    /// shows it on its timeline, as planned, only from this date on;
    /// without it, only documents dated after the event show it.
    #[serde(default)]
    pub planned_from: Option<NaiveDate>,
    /// The municipality whose secretariat writes the meeting papers, by
    /// id: its paper style sets the headings of the items.
    #[serde(default)]
    pub secretariat: Option<MunicipalityId>,
    /// When the meeting begins, `HH:MM`: "17:30".
    #[serde(default)]
    #[schemars(regex(pattern = TIME_PATTERN))]
    pub time: Option<String>,
    /// Where it is held: "Mødelokale 1, Ishøj Rådhus".
    #[serde(default)]
    pub place: Option<String>,
    /// Who is called to the meeting, each by name (with party or role
    /// where the body is political) or as a municipality's official.
    #[serde(default)]
    pub members: Vec<Attendee>,
    /// Who sent apologies (afbud), by the names of `members`.
    #[serde(default)]
    pub absent: Vec<String>,
    /// Who stayed away without sending apologies (fraværende), by the
    /// names of `members`.
    #[serde(default)]
    pub absent_without_notice: Vec<String>,
    /// Who stood in for an absent member (stedfortrædere): each by name,
    /// with the absent member's name in `instead_of`.
    #[serde(default)]
    pub substitutes: Vec<Substitute>,
    /// Members who took part in some of the items only, arriving late or
    /// leaving early: from and until which items, by the numbers the
    /// agenda prints.
    #[serde(default)]
    pub partly: Vec<PartAttendance>,
    /// Who took the minutes (referent), named in the minutes.
    #[serde(default)]
    pub minute_taker: Option<Attendee>,
    /// What kind of body meets: the council (`council`, whose meetings
    /// are public, kommunestyrelseslovens § 10), a committee
    /// (`committee`) or another body, such as a steering group
    /// (`other`). Without it, a body or kind of meeting that names the
    /// council ("byråd", "kommunalbestyrelse", "borgerrepræsentation") is
    /// the council, and any other is not.
    #[serde(default)]
    pub body_kind: Option<BodyKind>,
    /// When the meeting ended, `HH:MM`: the minutes close with "Mødet
    /// hævet kl. 19.45".
    #[serde(default)]
    #[schemars(regex(pattern = TIME_PATTERN))]
    pub ended: Option<String>,
    /// The member who chairs the meeting, by name as in `members`.
    #[serde(default)]
    pub chair: Option<String>,
    /// Who signs the minutes (the protocol): every member who took part
    /// (`all`, kommunestyrelseslovens § 13, stk. 1), only the chair and
    /// the one who took the minutes (`chair_and_secretary`, as in
    /// Copenhagen, or where a body's own rules say so), or no one
    /// (`none`: a body whose minutes are not signed).
    #[serde(default)]
    pub signing: Signing,
    /// The items on the agenda, in order; they are numbered from 1, after
    /// the standard items placed first. A reference to an item (`item:`)
    /// gives the number the agenda prints.
    #[serde(default)]
    pub items: Vec<AgendaItem>,
    /// The body's standard items, where its agenda has them: "Godkendelse
    /// af dagsorden" first, "Meddelelser" or "Eventuelt" last. They are
    /// numbered with the other items.
    #[serde(default)]
    pub standard_items: Vec<StandardItem>,
    /// When the agenda went out to the members. The council's agenda goes
    /// out at least 4 weekdays before the meeting (kommunestyrelseslovens
    /// § 8, stk. 4); `dokgen check` warns where it went out later.
    #[serde(default)]
    pub agenda_sent: Option<NaiveDate>,
    /// When the material for the items was there for the members to read:
    /// at least 3 weekdays before the council's meeting (§ 8, stk. 4);
    /// `dokgen check` warns where it was later.
    #[serde(default)]
    pub material_sent: Option<NaiveDate>,
    /// When the minutes (the protocol) were approved and published. From
    /// then on what the protocol says of each item is a record: `dokgen
    /// build` keeps it in `content/protokol/<id>.yaml`, and `dokgen check`
    /// refuses a change to it; a correction is made only by addition
    /// (`corrections`).
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// What of the meeting's record is made up for illustration, where
    /// the real record is not known (an example project, a course): the
    /// papers say so on their first page. "Medlemmernes navne, fremmøde
    /// og afstemninger er opdigtet.".
    #[serde(default, deserialize_with = "crate::yaml::optional_text")]
    pub illustrative: Option<String>,
    /// Corrections of the protocol after it was published, each an
    /// addition with its date (kommunestyrelseslovens § 13: a protocol is
    /// corrected only by addition, never by changing what it said).
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// A correction of a published protocol: an addition with its date, to
/// an item or to the protocol as a whole.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// When the correction was entered.
    pub date: NaiveDate,
    /// The item it corrects, by the number the agenda prints; without it,
    /// the correction concerns the protocol as a whole.
    #[serde(default)]
    pub item: Option<u32>,
    /// What it says: "Beslutningen skal lyde: »Godkendt med den ændring,
    /// at …«".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub text: String,
}

/// An item added after the agenda went out (a tillægsdagsorden): it is
/// numbered on from the agenda and says why it cannot wait.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supplementary {
    /// When the supplementary agenda went out.
    #[serde(default)]
    pub sent: Option<NaiveDate>,
    /// Why the case cannot wait until the next meeting
    /// (kommunestyrelseslovens § 8, stk. 4): "Ansøgningsfristen er den
    /// 1. september.".
    #[serde(default, deserialize_with = "crate::yaml::optional_text")]
    pub reason: Option<String>,
}

/// A standard item of a body's agenda: a title in its place, and in the
/// minutes what was decided or said.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandardItem {
    /// "Godkendelse af dagsorden", "Meddelelser", "Eventuelt".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// Before the other items (`first`, the default) or after them
    /// (`last`).
    #[serde(default)]
    pub position: Position,
    /// What the minutes say under it: "Godkendt.", "Intet.".
    #[serde(default)]
    pub decision: Option<String>,
}

/// Where a standard item stands on the agenda.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Before the other items.
    #[default]
    First,
    /// After the other items.
    Last,
}

impl Meeting {
    /// How many standard items come before the other items.
    pub fn leading(&self) -> usize {
        self.standard_items
            .iter()
            .filter(|s| s.position == Position::First)
            .count()
    }

    /// Who of `members` (by name) was away from the item the agenda prints
    /// as `number` (came later or had left), and who took part in it:
    /// those at the meeting and the substitutes, less those away and those
    /// with a conflict of interest in `item`.
    pub fn attendance<'m>(
        &'m self,
        members: &[&'m str],
        item: &AgendaItem,
        number: usize,
    ) -> (Vec<&'m str>, Vec<&'m str>) {
        let at_meeting = members.iter().copied().filter(|m| !self.is_absent(m));
        let away: Vec<&str> = at_meeting
            .clone()
            .filter(|m| {
                self.partly
                    .iter()
                    .any(|p| p.member == *m && !p.took_part_in(number))
            })
            .collect();
        let present = at_meeting
            .chain(self.substitutes.iter().map(|s| s.name.as_str()))
            .filter(|m| !away.contains(m) && !item.conflicted.iter().any(|c| c.member == *m))
            .collect();
        (away, present)
    }

    /// Whether the council holds the meeting, whose meetings alone are
    /// public (kommunestyrelseslovens § 10): as `body_kind` says, or else
    /// as the body's or the meeting's name does.
    pub fn is_council(&self) -> bool {
        match self.body_kind {
            Some(kind) => kind == BodyKind::Council,
            None => {
                let named = format!("{} {}", self.body, self.kind).to_lowercase();
                ["byråd", "kommunalbestyrelse", "borgerrepræsentation"]
                    .iter()
                    .any(|word| named.contains(word))
            }
        }
    }

    /// Whether `name` is absent from the whole meeting, with or without
    /// apologies.
    pub fn is_absent(&self, name: &str) -> bool {
        self.absent.iter().any(|a| a == name)
            || self.absent_without_notice.iter().any(|a| a == name)
    }

    /// How many standard items come after the items.
    pub fn trailing(&self) -> usize {
        self.standard_items
            .iter()
            .filter(|s| s.position == Position::Last)
            .count()
    }

    /// The number the agenda prints for `items[index]`: the standard
    /// items placed first come before the items, those placed last after
    /// them, and a supplementary item is numbered on from the whole
    /// agenda.
    pub fn number_of(&self, index: usize) -> usize {
        if index < self.regular() {
            index + 1 + self.leading()
        } else {
            index + 1 + self.leading() + self.trailing()
        }
    }

    /// The number the agenda prints for `standard_items[index]`: those
    /// placed first before the items, those placed last after the items
    /// the agenda went out with.
    pub fn standard_number(&self, index: usize) -> usize {
        let item = &self.standard_items[index];
        let before = self.standard_items[..index]
            .iter()
            .filter(|s| s.position == item.position)
            .count();
        match item.position {
            Position::First => before + 1,
            Position::Last => self.leading() + self.regular() + before + 1,
        }
    }

    /// Every number the agenda prints, in order: the standard items' and
    /// the items'.
    pub fn numbers(&self) -> Vec<usize> {
        let mut all: Vec<usize> = (0..self.items.len())
            .map(|i| self.number_of(i))
            .chain((0..self.standard_items.len()).map(|i| self.standard_number(i)))
            .collect();
        all.sort_unstable();
        all
    }

    /// The item the agenda prints as `number`, with its index in `items`;
    /// none if `number` is a standard item's or beyond the items.
    pub fn item_numbered(&self, number: u32) -> Option<(usize, &AgendaItem)> {
        let index = (0..self.items.len()).find(|&i| self.number_of(i) == number as usize)?;
        Some((index, &self.items[index]))
    }

    /// How many items the agenda had when it went out: those before the
    /// first supplementary item.
    pub fn regular(&self) -> usize {
        self.items
            .iter()
            .take_while(|i| i.supplementary.is_none())
            .count()
    }
}

/// A person at a meeting: by `name`, or as a municipality's `official` on
/// the meeting's date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// The person's full name: "Ole Bjørstorp". Leave it out to name an
    /// `official` instead.
    #[serde(default)]
    pub name: Option<String>,
    /// Instead of `name`: the `mayor` or `chief_executive` of
    /// `municipality` on the meeting's date, from its officials.
    #[serde(default)]
    pub official: Option<Office>,
    /// The municipality the person comes from, by id; needed with
    /// `official`.
    #[serde(default)]
    pub municipality: Option<MunicipalityId>,
    /// The party's letter, where the body is political: "A".
    #[serde(default)]
    pub party: Option<String>,
    /// The person's role in the body or office: "formand", "direktør for
    /// social og sundhed".
    #[serde(default)]
    pub role: Option<String>,
}

/// An item on a meeting's agenda (a dagsordenspunkt).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item's title: "Strategi for det forpligtende samarbejde".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// The case number: "17/1234".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub case_number: String,
    /// A closed item ("Lukket"): the public papers list it in its place
    /// by number and neutral title only; the internal papers print it
    /// whole, with the legal basis for closing it.
    #[serde(default)]
    pub closed: Option<Closed>,
    /// Resume, a Markdown file.
    #[serde(default)]
    pub summary: Option<ProsePath>,
    /// Beslutningstema, a Markdown file.
    #[serde(default)]
    pub theme: Option<ProsePath>,
    /// Lovgrundlag, a Markdown file.
    #[serde(default)]
    pub legal_basis: Option<ProsePath>,
    /// Sagsfremstilling, a Markdown file.
    #[serde(default)]
    pub presentation: Option<ProsePath>,
    /// Økonomi, a Markdown file.
    #[serde(default)]
    pub finances: Option<ProsePath>,
    /// The "at"-clauses of the recommendation, one per decision, without
    /// the leading "at": "styregruppen godkender strategien".
    #[serde(deserialize_with = "crate::yaml::texts")]
    pub recommendations: Vec<String>,
    /// What was decided ("Tiltrådt."): the minutes print it, the agenda
    /// shows none.
    #[serde(default)]
    pub decision: Option<String>,
    /// The item's annexes.
    #[serde(default)]
    pub annexes: Vec<Annex>,
    /// Members with a conflict of interest in the case (inhabilitet,
    /// kommunestyrelseslovens § 14): they take no part in the item.
    #[serde(default)]
    pub conflicted: Vec<Conflict>,
    /// How the decision was voted, where it was not unanimous: for,
    /// against and abstaining, by party letter or by member's name.
    #[serde(default)]
    pub vote: Option<Vote>,
    /// The body that finally decides the case, where this one recommends
    /// it on ("Sagen afgøres i: Byrådet").
    #[serde(default)]
    pub decided_by: Option<String>,
    /// What members had entered in the protocol on this item: a dissent
    /// (mindretalsudtalelse, kommunestyrelseslovens § 13, stk. 2), by
    /// member.
    #[serde(default)]
    pub dissents: Vec<Dissent>,
    /// An item added after the agenda went out (tillægsdagsorden): when,
    /// and why it cannot wait. Supplementary items come after the others
    /// and are numbered on from the whole agenda.
    #[serde(default)]
    pub supplementary: Option<Supplementary>,
}

/// How an item's decision was voted. Each side names party letters ("A")
/// or members by name; the count of a side is its members who took part
/// in the item, or `counts` where the facts do not list the members.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Who voted for ("For stemte").
    #[serde(default, rename = "for")]
    pub in_favour: Vec<String>,
    /// Who voted against ("Imod stemte").
    #[serde(default)]
    pub against: Vec<String>,
    /// Who abstained ("Undlod at stemme").
    #[serde(default)]
    pub abstaining: Vec<String>,
    /// The number of votes on each side, where the members are not listed
    /// in the facts (a council of 25 whose members the project does not
    /// name).
    #[serde(default)]
    pub counts: Option<VoteCounts>,
}

/// The number of votes on each side.
#[derive(Debug, Clone, PartialEq, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteCounts {
    /// For.
    #[serde(default, rename = "for")]
    pub in_favour: u32,
    /// Against.
    #[serde(default)]
    pub against: u32,
    /// Abstaining.
    #[serde(default)]
    pub abstaining: u32,
}

/// A member's dissent entered in the protocol.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dissent {
    /// The member, by name as in `members`, or a party by its letter.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub member: String,
    /// What is entered, as the member worded it.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub text: String,
}

/// What kind of body holds a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// The council (byrådet, kommunalbestyrelsen): its meetings are public.
    Council,
    /// A standing or special committee of the council: its meetings are
    /// not public.
    Committee,
    /// Another body, such as a cooperation's steering group.
    Other,
}

/// Who signs a meeting's minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    /// Every member who took part in the meeting.
    #[default]
    All,
    /// The chair and the one who took the minutes.
    ChairAndSecretary,
    /// No one: the minutes have no signing page.
    None,
}

/// A member standing in for another at a meeting (a stedfortræder).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Substitute {
    /// The person's full name: "Kirsten Holm".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// The party's letter, where the body is political: "A".
    #[serde(default)]
    pub party: Option<String>,
    /// The absent member the person stands in for, by name as in
    /// `members`.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub instead_of: String,
}

/// A member who took part in some of a meeting's items only.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartAttendance {
    /// The member, by name as in `members`.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub member: String,
    /// The first item the member took part in (arrived at), by the number
    /// the agenda prints; without it, from the start.
    #[serde(default)]
    pub from_item: Option<u32>,
    /// The last item the member took part in (left after), by the number
    /// the agenda prints; without it, to the end.
    #[serde(default)]
    pub until_item: Option<u32>,
}

impl PartAttendance {
    /// Whether the member took part in the item the agenda prints as
    /// `number`.
    pub fn took_part_in(&self, number: usize) -> bool {
        let number = u32::try_from(number).unwrap_or(u32::MAX);
        self.from_item.is_none_or(|from| number >= from)
            && self.until_item.is_none_or(|until| number <= until)
    }
}

/// A member's conflict of interest in an item (inhabilitet).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The member, by name as in `members`.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub member: String,
    /// Why, in a few words, as the minutes may state it: "er ansat i
    /// Vestegnens Brandvæsen".
    #[serde(default)]
    pub reason: Option<String>,
}

/// Why and how an item is closed.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    /// The neutral title the public papers show after "Lukket punkt:":
    /// "Forhandlingsmandat".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub public_title: String,
    /// The legal basis for closing it, as the internal papers state it:
    /// "kommunestyrelseslovens § 10, jf. offentlighedslovens § 30, nr. 2".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub basis: String,
    /// What the public minutes may say of the decision, as far as
    /// confidentiality allows (kommunestyrelseslovens § 8, stk. 7):
    /// "Styregruppen gav administrationerne et forhandlingsmandat.".
    /// Without it, the public minutes show the item's number and neutral
    /// title only.
    #[serde(default, deserialize_with = "crate::yaml::optional_text")]
    pub public_decision: Option<String>,
}

impl AgendaItem {
    /// A closed item as the public papers know it: that it is closed, and
    /// why (its neutral title), and nothing of its content.
    pub fn withheld(closed: &Closed) -> Self {
        Self {
            closed: Some(closed.clone()),
            ..Self::empty()
        }
    }

    /// A body's standard item as an item of the agenda: its title, and
    /// what the minutes say under it.
    pub fn standard(item: &StandardItem) -> Self {
        Self {
            title: item.title.clone(),
            decision: item.decision.clone(),
            ..Self::empty()
        }
    }

    /// An item with nothing in it.
    fn empty() -> Self {
        Self {
            title: String::new(),
            case_number: String::new(),
            closed: None,
            summary: None,
            theme: None,
            legal_basis: None,
            presentation: None,
            finances: None,
            recommendations: Vec::new(),
            decision: None,
            annexes: Vec::new(),
            conflicted: Vec::new(),
            vote: None,
            decided_by: None,
            dissents: Vec::new(),
            supplementary: None,
        }
    }

    /// The item's prose files with their field names and parts, in the
    /// order of the fields.
    pub fn prose(&self) -> impl Iterator<Item = (&'static str, &ProsePath)> {
        self.prose_parts().map(|(field, _, path)| (field, path))
    }

    /// The item's prose files as (field, part, path).
    pub fn prose_parts(&self) -> impl Iterator<Item = (&'static str, ItemPart, &ProsePath)> {
        [
            ("summary", ItemPart::Summary, &self.summary),
            ("theme", ItemPart::Theme, &self.theme),
            ("legal_basis", ItemPart::LegalBasis, &self.legal_basis),
            ("presentation", ItemPart::Presentation, &self.presentation),
            ("finances", ItemPart::Finances, &self.finances),
        ]
        .into_iter()
        .filter_map(|(field, part, path)| path.as_ref().map(|p| (field, part, p)))
    }
}

/// An annex: listed by number and title, and appended if it has a file
/// or is an extract of minutes.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// Its title: "Strategi for det forpligtende samarbejde". An extract
    /// of minutes may leave it out: the template words it.
    #[serde(default)]
    pub title: Option<String>,
    /// A PDF, PNG, JPEG or SVG file inside the project (path relative to
    /// the project folder), appended after the document.
    #[serde(default)]
    pub file: Option<String>,
    /// An extract of the minutes of a meeting in the facts
    /// ("Uddrag af beslutningsprotokol"): the item as the minutes print
    /// it, made from the same facts.
    #[serde(default)]
    pub minutes: Option<ItemRef>,
    /// The minutes of a meeting in the facts, by id, as a listed annex:
    /// its title names the meeting and its date ("Referat af mødet i …
    /// den 19. juni 2017") unless `title` is given.
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    /// The ministry's decision on an application in the facts, by the
    /// application's id: its title names the ministry, the date and the
    /// case number unless `title` is given.
    #[serde(default)]
    pub decision: Option<ApplicationId>,
    /// A document of the project, by its output name or its declaration's
    /// file name (`strategi`): the
    /// annex is titled with the document's title and date from its
    /// declaration ("Udkast til strategi for … af 21. august 2017")
    /// unless `title` is given. It is listed, not appended.
    #[serde(default)]
    pub document: Option<String>,
    /// Whether the annex may be published (the default). An annex of a
    /// meeting's item that may not (`public: false`, a "lukket bilag") is
    /// listed in the public papers by its number and title with "(lukket
    /// bilag)", and its pages are only in the internal papers.
    #[serde(default = "yes")]
    pub public: bool,
}

/// The default of a flag that is on unless turned off.
fn yes() -> bool {
    true
}

/// An item of a meeting in the facts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    /// The meeting, by id.
    pub meeting: MeetingId,
    /// The item's number on its agenda, from 1.
    pub item: u32,
}

/// A dated event that is not a meeting: a decision taking effect, a
/// deadline.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// When.
    pub date: NaiveDate,
    /// What happens, in running text.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub title: String,
    /// An id, for prose that names the milestone:
    /// `{{ milestone["ophoer"].date | dato }}`.
    #[serde(default)]
    pub id: Option<Id>,
    /// From when the event was planned. A document dated before the event
    /// shows it on its timeline, as planned, only from this date on;
    /// without it, only documents dated after the event show it.
    #[serde(default)]
    pub planned_from: Option<NaiveDate>,
}

/// A group of municipalities, weighed against the size rules.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// ASCII id.
    pub id: Id,
    /// What it is, in running text: "en sammenlægning af Ishøj og
    /// Vallensbæk".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// Its municipalities, by id.
    pub members: Vec<MunicipalityId>,
}

/// An application to leave areas out of the cooperation (§ 11 a, stk. 2).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Which application this is, from 1, where there are several; without
    /// it, applications are taken in the order of their dates.
    #[serde(default)]
    pub phase: Option<u32>,
    /// The areas it asks to leave the cooperation, by id.
    pub areas: Vec<AreaId>,
    /// The date from which the areas should leave.
    pub start: NaiveDate,
    /// The municipalities that apply, by id.
    pub applicants: Vec<MemberId>,
    /// The ministry the application goes to. Leave it out and dokgen names
    /// the ministry responsible for the law on the application's date,
    /// with its address, from its own table (in the README); one given
    /// that disagrees with the table is warned about.
    #[serde(default)]
    pub addressee: Option<Addressee>,
    /// The case number in the applicants' records.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub case_number: String,
    /// The date of the application.
    pub date: NaiveDate,
    /// The municipalities whose mayor and chief executive sign, by id.
    pub signatories: Vec<ApplicantId>,
    /// What is asked for an area beyond leaving the cooperation: a
    /// principal request and, failing that, a subsidiary one.
    #[serde(default)]
    pub requests: Vec<Request>,
    /// Each applicant council's decision to apply: the law acts "efter
    /// ansøgning fra kommunalbestyrelserne". A final letter needs one per
    /// applicant.
    #[serde(default)]
    pub decisions: Vec<CouncilDecision>,
    /// The ministry's decision on the application, once it has come: a
    /// later application cites it.
    #[serde(default)]
    pub ministry_decision: Option<MinistryDecision>,
    /// Whom the ministry may contact about the application.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// The annexes, numbered from 1 in this order.
    #[serde(default)]
    pub annexes: Vec<Annex>,
    /// From when the event was planned. A document dated before the event
    /// shows it on its timeline, as planned, only from this date on;
    /// without it, only documents dated after the event show it.
    #[serde(default)]
    pub planned_from: Option<NaiveDate>,
}

/// A council's decision to apply: at a meeting in the facts (`meeting`,
/// `item`), or by body and date where the meeting is not in the facts.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CouncilDecision {
    /// The applicant whose council decided, by id.
    pub municipality: ApplicantId,
    /// The meeting in the facts where it was decided, by id; its body and
    /// date are the decision's.
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    /// The item's number on the meeting's agenda, from 1: required with
    /// `meeting`, where it must hold the decision.
    #[serde(default)]
    pub item: Option<u32>,
    /// Who decided, where the meeting is not in the facts:
    /// "Kommunalbestyrelsen i Tårnby Kommune".
    #[serde(default)]
    pub body: Option<String>,
    /// When, where the meeting is not in the facts.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Whether the decision, annexed as an extract of the minutes, stands
    /// in place of the municipality's signature on a joint letter: the
    /// council's own record that it applies. Needs `meeting` and `item`,
    /// and an annex of the application that is their extract
    /// (`minutes: { meeting: …, item: … }`).
    #[serde(default)]
    pub in_place_of_signature: bool,
}

/// The ministry's decision on an application.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MinistryDecision {
    /// The date of the ministry's letter.
    pub date: NaiveDate,
    /// The ministry's case number: "2018 - 12345".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub case_number: String,
    /// What it decided.
    pub outcome: Outcome,
}

/// What the ministry decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The application was granted.
    Granted,
    /// It was granted for some of its areas or on other terms.
    PartlyGranted,
    /// It was refused.
    Refused,
}

/// The person to contact about a letter: named, or one of the
/// municipality's officials on the letter's date. A final letter names a
/// person (an office alone is not a contact) with a telephone number or an
/// e-mail address, or both.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The person's full name: "Mette Vestergaard". Leave it out to name
    /// an `official` instead.
    #[serde(default)]
    pub name: Option<String>,
    /// The person's title: "Chefkonsulent". An official's title comes
    /// from the officials.
    #[serde(default)]
    pub title: Option<String>,
    /// Instead of `name`: the municipality's `mayor` or `chief_executive`
    /// on the letter's date, from its officials.
    #[serde(default)]
    pub official: Option<Office>,
    /// The unit the person works in: "Direktionssekretariatet".
    #[serde(default)]
    pub unit: Option<String>,
    /// The municipality the contact works for, by id.
    pub municipality: ApplicantId,
    /// Telephone, as it is printed: "43 57 75 75".
    #[serde(default)]
    #[schemars(regex(pattern = PHONE_PATTERN))]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    #[schemars(regex(pattern = EMAIL_PATTERN))]
    pub email: Option<String>,
}

/// The services the municipalities buy from each other, priced at cost
/// (strategic line 5). dokgen computes the unit prices, the payments and
/// the net settlement; see `facts::settlement`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    /// The years settled; every service gives a volume for every orderer
    /// and year.
    pub years: Vec<i32>,
    /// The municipalities that order services, by id.
    pub orderers: Vec<MunicipalityId>,
    /// The service catalogue.
    pub services: Vec<Service>,
}

/// A service one municipality provides to the others.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// ASCII id.
    pub id: Id,
    /// Its name: "Genoptræningsforløb efter sundhedsloven".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// The municipality that provides it, by id.
    pub provider: MunicipalityId,
    /// What one unit is, singular: "forløb", "time", "elev".
    #[serde(deserialize_with = "crate::yaml::text")]
    pub unit: String,
    /// The parts of its cost price.
    pub cost: CostPrice,
    /// Units each municipality orders per year: `vallensbaek: { 2018: 120 }`.
    pub volumes: BTreeMap<Id, BTreeMap<i32, i64>>,
}

/// The parts of a service's cost price. A provider may not charge less
/// than its total cost.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CostPrice {
    /// Salary of one full-time equivalent a year, pension included, in
    /// kroner.
    pub salary_per_fte: i64,
    /// Units one full-time equivalent delivers a year.
    pub units_per_fte: i64,
    /// The share of management, in percent of the salary (0–1000, at most
    /// two decimals).
    #[serde(deserialize_with = "crate::facts::settlement::percent")]
    #[schemars(range(min = 0, max = 1000))]
    pub management_pct: f64,
    /// The surcharge for leave and sickness, in percent of the salary
    /// (0–1000, at most two decimals).
    #[serde(deserialize_with = "crate::facts::settlement::percent")]
    #[schemars(range(min = 0, max = 1000))]
    pub absence_pct: f64,
    /// Travel per unit, in kroner.
    #[serde(default)]
    pub travel_per_unit: i64,
}

/// A principal request for an area, and what is asked if it is refused.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The area, by id.
    pub area: OwnAreaId,
    /// What is asked first.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub principal: String,
    /// What is asked if the principal request is refused.
    #[serde(default)]
    pub subsidiary: Option<String>,
    /// The provision the subsidiary request rests on, cited after it:
    /// `{ section: "13", order: bek-656 }` ("jf. § 13 i bekendtgørelse
    /// nr. 656 af 29. juni 2005"), or a section of the law.
    #[serde(default)]
    pub provision: Option<Provision>,
}

/// A ministry and its address.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    /// The ministry's name at the time: it changes with the government.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// Its postal address, one line per entry.
    #[serde(deserialize_with = "crate::yaml::texts")]
    pub address: Vec<String>,
}

/// All facts of a project, merged from its files: the same sections as
/// one file's (serde names the type in messages about a file, so the type
/// is named for the file).
pub type Facts = FactFile;

impl FactFile {
    /// The text fields a person writes in the facts, which may name other
    /// facts with `{{ … }}` as prose does, each with its path in the merged
    /// facts (`meetings[1].items[0].recommendations[2]`): the strategic
    /// lines' titles; meetings' subjects and decisions, and their items'
    /// titles, at-clauses, decisions and annex titles; milestones' titles;
    /// applications' requests, annex titles and contact's title. Ids,
    /// dates, numbers, names and addresses are plain data.
    pub(crate) fn texts_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut out: Vec<(String, &mut String)> = Vec::new();
        if let Some(strategy) = &mut self.strategy {
            for (i, line) in strategy.lines.iter_mut().enumerate() {
                out.push((format!("strategy.lines[{i}].title"), &mut line.title));
            }
        }
        for (i, m) in self.meetings.iter_mut().enumerate() {
            let base = format!("meetings[{i}]");
            out.push((format!("{base}.subject"), &mut m.subject));
            if let Some(decision) = &mut m.decision {
                out.push((format!("{base}.decision"), decision));
            }
            for (j, item) in m.items.iter_mut().enumerate() {
                let base = format!("{base}.items[{j}]");
                out.push((format!("{base}.title"), &mut item.title));
                for (k, at) in item.recommendations.iter_mut().enumerate() {
                    out.push((format!("{base}.recommendations[{k}]"), at));
                }
                if let Some(decision) = &mut item.decision {
                    out.push((format!("{base}.decision"), decision));
                }
                annex_titles(&mut out, &base, &mut item.annexes);
            }
        }
        for (i, m) in self.milestones.iter_mut().enumerate() {
            out.push((format!("milestones[{i}].title"), &mut m.title));
        }
        for (id, app) in &mut self.applications {
            let base = format!("applications.{id}");
            for (k, r) in app.requests.iter_mut().enumerate() {
                out.push((format!("{base}.requests[{k}].principal"), &mut r.principal));
                if let Some(subsidiary) = &mut r.subsidiary {
                    out.push((format!("{base}.requests[{k}].subsidiary"), subsidiary));
                }
            }
            annex_titles(&mut out, &base, &mut app.annexes);
            if let Some(title) = app.contact.as_mut().and_then(|c| c.title.as_mut()) {
                out.push((format!("{base}.contact.title"), title));
            }
        }
        out
    }

    /// The meeting `id` and its place in [`Facts::meetings`].
    pub fn meeting(&self, id: &str) -> Option<(usize, &Meeting)> {
        self.meetings.iter().enumerate().find(|(_, m)| m.id == id)
    }

    /// The applications in the order they are sent: by phase where they
    /// have one, then by date and id.
    pub fn applications_by_phase(&self) -> Vec<(&Id, &Application)> {
        let mut apps: Vec<(&Id, &Application)> = self.applications.iter().collect();
        apps.sort_by_key(|(id, a)| (a.phase, a.date, id.as_str()));
        apps
    }

    /// The item `number` (from 1) of the meeting `meeting`, with the
    /// meeting.
    pub fn item(&self, meeting: &str, number: u32) -> Option<(&Meeting, &AgendaItem)> {
        let (_, m) = self.meeting(meeting)?;
        let (_, item) = m.item_numbered(number)?;
        Some((m, item))
    }
}

impl FactFile {
    /// Every annex of the facts with its path: the applications' and the
    /// meeting items'.
    pub(crate) fn annexes_mut(&mut self) -> Vec<(String, &mut Annex)> {
        let mut out = Vec::new();
        for (i, m) in self.meetings.iter_mut().enumerate() {
            for (j, item) in m.items.iter_mut().enumerate() {
                for (k, annex) in item.annexes.iter_mut().enumerate() {
                    out.push((format!("meetings[{i}].items[{j}].annexes[{k}]"), annex));
                }
            }
        }
        for (id, app) in &mut self.applications {
            for (k, annex) in app.annexes.iter_mut().enumerate() {
                out.push((format!("applications.{id}.annexes[{k}]"), annex));
            }
        }
        out
    }

    /// Every annex of the facts with its path and the date of what lists
    /// it (the meeting's, or the application's).
    pub(crate) fn annexes(&self) -> Vec<(String, NaiveDate, &Annex)> {
        let mut out = Vec::new();
        for (i, m) in self.meetings.iter().enumerate() {
            for (j, item) in m.items.iter().enumerate() {
                for (k, annex) in item.annexes.iter().enumerate() {
                    let path = format!("meetings[{i}].items[{j}].annexes[{k}]");
                    out.push((path, m.date, annex));
                }
            }
        }
        for (id, app) in &self.applications {
            for (k, annex) in app.annexes.iter().enumerate() {
                out.push((format!("applications.{id}.annexes[{k}]"), app.date, annex));
            }
        }
        out
    }
}

/// Pushes the titles of `annexes` under `base` to the fact texts.
fn annex_titles<'a>(out: &mut Vec<(String, &'a mut String)>, base: &str, annexes: &'a mut [Annex]) {
    for (k, annex) in annexes.iter_mut().enumerate() {
        if let Some(title) = &mut annex.title {
            out.push((format!("{base}.annexes[{k}].title"), title));
        }
    }
}
