//! Checks of meetings and their items, of annexes and contacts, and of the
//! documents that are meeting papers.

use super::{Validator, hint};
use crate::project::FileKind;
use chrono::NaiveDate;

use crate::facts::model::{Annex, Attendee, Contact, ItemPart, Meeting, Office};

/// The kinds of file an annex can be.
const ANNEX_FILES: &[&str] = &["pdf", "png", "jpg", "jpeg", "svg"];

impl<'a> Validator<'a> {
    pub(super) fn meetings(&mut self) {
        let f = self.facts;
        for (i, meeting) in f.meetings.iter().enumerate() {
            let base = format!("meetings[{i}]");
            if let Some(time) = &meeting.time
                && !is_time(time)
            {
                let d = self.error(
                    &format!("{base}.time"),
                    format!("`{time}` is not a time of day"),
                );
                hint(
                    d,
                    "write the time as HH:MM in quotes, e.g. `time: \"17:30\"`; it is printed as kl. 17.30",
                );
            }
            if let Some(id) = &meeting.secretariat {
                let path = format!("{base}.secretariat");
                if let Some(m) = f.municipalities.get(id.as_str())
                    && m.meeting_papers.is_none()
                    && !meeting.items.is_empty()
                {
                    let d = self.error(
                        &path,
                        format!("`{id}` has no `meeting_papers`, so its items have no headings"),
                    );
                    hint(
                        d,
                        format!(
                            "give municipalities.{id}.meeting_papers.headings: a list of `{{ part: presentation, title: Sagsfremstilling }}`"
                        ),
                    );
                }
            } else if !meeting.items.is_empty() {
                let d = self.error(&base, "the meeting has items but no secretariat");
                hint(
                    d,
                    "add `secretariat: <municipality id>`: its headings and their order are used for the items",
                );
            }
            self.attendees(&base, meeting);
            for (j, item) in meeting.items.iter().enumerate() {
                let path = format!("{base}.items[{j}]");
                if item.recommendations.is_empty() {
                    let d = self.error(
                        &format!("{path}.recommendations"),
                        "the item recommends nothing",
                    );
                    hint(
                        d,
                        "give one \"at\"-clause per decision, without the \"at\": `- styregruppen godkender strategien`",
                    );
                }
                for (k, r) in item.recommendations.iter().enumerate() {
                    let t = r.trim_start();
                    if t.starts_with("at ") || t.starts_with("At ") {
                        let d = self.error(
                            &format!("{path}.recommendations[{k}]"),
                            "the clause begins with \"at\", which the template adds",
                        );
                        hint(d, "write the clause without its leading \"at\"");
                    }
                }
                self.annexes(&format!("{path}.annexes"), &item.annexes);
            }
        }
        for (id, m) in &f.municipalities {
            let Some(style) = &m.meeting_papers else {
                continue;
            };
            let mut seen: Vec<ItemPart> = Vec::new();
            for (i, h) in style.headings.iter().enumerate() {
                let path = format!("municipalities.{id}.meeting_papers.headings[{i}]");
                if seen.contains(&h.part) {
                    let d = self.error(&format!("{path}.part"), "this part has a heading already");
                    hint(d, "give each part one heading");
                }
                seen.push(h.part);
                if h.with_meeting && h.part != ItemPart::Decision {
                    let d = self.error(
                        &format!("{path}.with_meeting"),
                        "only the decision's heading can name the meeting",
                    );
                    hint(d, "remove `with_meeting` here");
                }
            }
            for required in [ItemPart::Recommendations, ItemPart::Decision] {
                if !seen.contains(&required) {
                    let d = self.error(
                        &format!("municipalities.{id}.meeting_papers.headings"),
                        format!("no heading for `{}`", part_name(required)),
                    );
                    hint(
                        d,
                        "every item has a recommendation (Indstilling) and a decision (Beslutning); give both a heading",
                    );
                }
            }
        }
        for (id, app) in &f.applications {
            let base = format!("applications.{id}");
            if let Some(c) = &app.contact {
                if let Some(email) = &c.email
                    && !is_email(email)
                    && !self.is_placeholder(email)
                {
                    let d = self.error(
                        &format!("{base}.contact.email"),
                        format!("`{email}` is not an e-mail address"),
                    );
                    hint(d, "write it as name@domain.dk");
                }
                self.contact_person(&format!("{base}.contact"), c, app.date);
            }
            self.annexes(&format!("{base}.annexes"), &app.annexes);
        }
    }

    /// Each person at `meeting` is named, or an official in office on its
    /// date; a name is a person's, not a body's or an office's ("Byrådets
    /// medlemmer"); and each absentee is a member.
    fn attendees(&mut self, base: &str, meeting: &Meeting) {
        let people = meeting
            .members
            .iter()
            .enumerate()
            .map(|(k, a)| (format!("{base}.members[{k}]"), a))
            .chain(
                meeting
                    .minute_taker
                    .iter()
                    .map(|a| (format!("{base}.minute_taker"), a)),
            );
        let mut names = Vec::new();
        for (path, a) in people.collect::<Vec<_>>() {
            if let Some(name) = self.attendee(&path, a, meeting.date)
                && path.contains(".members[")
            {
                names.push(name);
            }
        }
        for (k, absent) in meeting.absent.iter().enumerate() {
            if meeting.members.is_empty() {
                // Members not listed: an absentee is still a person.
                if !is_person_name(absent) {
                    let d = self.error(
                        &format!("{base}.absent[{k}]"),
                        format!("`{absent}` is not a person's name"),
                    );
                    hint(d, "the minutes name each absentee: give the full name");
                }
            } else if !names.iter().any(|n| n == absent) {
                let d = self.error(
                    &format!("{base}.absent[{k}]"),
                    format!("`{absent}` is not among the meeting's members"),
                );
                let hint_text = if names.is_empty() {
                    "name the members in `members:` first; an absentee is one of them".to_owned()
                } else {
                    format!("write the name as `members` gives it: {}", names.join(", "))
                };
                hint(d, hint_text);
            }
        }
    }

    /// The name of the person at `path`, if it can be known; each problem
    /// with it is reported. Unlike a letter's contact, a person at a
    /// meeting is named in every version of the papers, so the name is
    /// always checked to be a person's.
    fn attendee(&mut self, path: &str, a: &Attendee, date: NaiveDate) -> Option<String> {
        if let Some(name) = &a.name
            && a.official.is_none()
            && !is_person_name(name)
        {
            let d = self.error(
                &format!("{path}.name"),
                format!("`{name}` is not a person's name"),
            );
            hint(
                d,
                "papers name people: give each member's full name (\"Ole Bjørstorp\"), with `party:` or `role:`; an official can be named by `official:` and `municipality:`",
            );
        }
        let who = Named {
            who: "the person",
            occasion: "the meeting's",
            instead: "give the person's `name:`",
        };
        self.named_person(
            path,
            &who,
            a.name.as_ref(),
            a.official,
            a.municipality.as_ref().map(|m| m.as_str()),
            date,
        )
    }

    /// A contact is a person by `name` or an `official` in office on the
    /// letter's date, not both.
    fn contact_person(&mut self, path: &str, c: &Contact, date: NaiveDate) {
        let who = Named {
            who: "the contact",
            occasion: "the letter's",
            instead: "name the contact with `name:` and `title:`",
        };
        self.named_person(
            path,
            &who,
            c.name.as_ref(),
            c.official,
            Some(c.municipality.as_str()),
            date,
        );
    }

    /// Who a reference to a person names: its `name`, or the `official`
    /// of `municipality` in office on `date`; not both, not neither. Each
    /// problem is reported at `path`, in the words of `who`.
    fn named_person(
        &mut self,
        path: &str,
        who: &Named,
        name: Option<&String>,
        official: Option<Office>,
        municipality: Option<&str>,
        date: NaiveDate,
    ) -> Option<String> {
        let Named {
            who,
            occasion,
            instead,
        } = who;
        match (name, official) {
            (Some(_), Some(_)) => {
                let d = self.error(
                    &format!("{path}.official"),
                    format!("{who} has both a name and an official"),
                );
                hint(
                    d,
                    "keep `name:` (a person) or `official:` (mayor or chief_executive), not both",
                );
                None
            }
            (None, None) => {
                let d = self.error(
                    path,
                    format!("{who} is given neither a name nor an official"),
                );
                hint(
                    d,
                    format!(
                        "give the person's `name:`, or `official: chief_executive` (or mayor) with `municipality:` for the municipality's official on {occasion} date"
                    ),
                );
                None
            }
            (Some(name), None) => Some(name.clone()),
            (None, Some(office)) => {
                let Some(id) = municipality else {
                    let d = self.error(
                        &format!("{path}.official"),
                        "the official has no municipality",
                    );
                    hint(d, "add `municipality: <id>`: whose official it is");
                    return None;
                };
                let m = self.facts.municipalities.get(id)?;
                match m.officials.on(office, date) {
                    Some(person) => Some(person.name.clone()),
                    None => {
                        let d = self.error(
                            &format!("{path}.official"),
                            format!(
                                "{} has no {} in office on {date}, {occasion} date",
                                m.name,
                                office.describe()
                            ),
                        );
                        hint(
                            d,
                            format!(
                                "add the holder of the office to municipalities.{id}.officials, or {instead}"
                            ),
                        );
                        None
                    }
                }
            }
        }
    }

    /// Each annex has a title or is an extract of minutes (whose item
    /// exists and holds a decision), and each with a file names a readable
    /// PDF or image in the project.
    fn annexes(&mut self, path: &str, annexes: &[Annex]) {
        for (i, annex) in annexes.iter().enumerate() {
            if let Some(at) = &annex.minutes {
                let base = format!("{path}[{i}].minutes");
                self.decided_item(&format!("{base}.item"), &at.meeting, at.item);
            }
            if let Some(id) = &annex.decision {
                let at = format!("{path}[{i}].decision");
                if self
                    .facts
                    .applications
                    .get(id.as_str())
                    .is_some_and(|a| a.ministry_decision.is_none())
                {
                    let d = self.error(
                        &at,
                        format!("the application `{id}` has no ministry decision to annex"),
                    );
                    hint(
                        d,
                        format!(
                            "add `ministry_decision: {{ date: …, case_number: \"…\", outcome: granted }}` to applications.{id}"
                        ),
                    );
                }
            }
            let named = [
                annex.minutes.is_some(),
                annex.meeting.is_some(),
                annex.decision.is_some(),
            ];
            if named.iter().filter(|&&n| n).count() > 1 {
                let d = self.error(
                    &format!("{path}[{i}]"),
                    "the annex is more than one of an extract (`minutes`), a meeting's minutes (`meeting`) and a decision (`decision`)",
                );
                hint(d, "give each its own annex");
            }
            match &annex.title {
                None if !named.contains(&true) => {
                    let d = self.error(&format!("{path}[{i}]"), "the annex has no title");
                    hint(
                        d,
                        "give it a `title:`, or name what it is: `minutes: { meeting: <id>, item: <number> }` (an extract), `meeting: <id>` (a meeting's minutes) or `decision: <application id>` (the ministry's decision)",
                    );
                }
                Some(title)
                    if refers_to_an_event(title) && !title.chars().any(|c| c.is_ascii_digit()) =>
                {
                    let d = self.error(
                        &format!("{path}[{i}].title"),
                        format!("the annex title `{title}` refers to a meeting or a decision but not to its date"),
                    );
                    hint(
                        d,
                        "name the meeting (`meeting: <id>`) or the decision (`decision: <application id>`) instead of the title, and dokgen words the title with its date; or write the date into the title",
                    );
                }
                _ => {}
            }
            let Some(file) = &annex.file else { continue };
            let at = format!("{path}[{i}].file");
            let Some(bytes) = self.project_file(&at, file, "annex", FileKind::Annex, ANNEX_FILES)
            else {
                continue;
            };
            let is_pdf = std::path::Path::new(file)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            if !is_pdf {
                continue;
            }
            match crate::annex::pdf_page_count(bytes) {
                Ok(pages) => {
                    self.annex_pages.insert(file.clone(), pages);
                    let place = self.sources.value(&at);
                    self.annex_named.entry(file.clone()).or_insert((at, place));
                }
                Err(why) => {
                    let d = self.error(&at, format!("`{file}` cannot be read as a PDF: {why}"));
                    hint(
                        d,
                        "export the annex again as PDF, or give it as a PNG or SVG image",
                    );
                }
            }
        }
    }

    /// The item `number` of the meeting `meeting`, named at `path`, where
    /// the meeting is in the facts, the item exists and it records a
    /// decision; each of those that fails is reported (an unknown meeting
    /// is the reference check's to report).
    pub(super) fn decided_item(
        &mut self,
        path: &str,
        meeting: &str,
        number: u32,
    ) -> Option<&'a Meeting> {
        let (_, m) = self.facts.meeting(meeting)?;
        match m.item_numbered(number).map(|(_, item)| item) {
            None => {
                let d = self.error(
                    path,
                    format!("the meeting `{meeting}` has no item {number}"),
                );
                let (first, last) = (m.number_of(0), m.number_of(m.items.len().max(1) - 1));
                let standard = match (m.leading() > 0, first == last) {
                    (true, true) => " (the standard items before it are numbered first)",
                    (true, false) => " (the standard items before them are numbered first)",
                    (false, _) => "",
                };
                let numbers = if first == last {
                    format!("its one item is numbered {first}")
                } else {
                    format!("its items are numbered {first}–{last}")
                };
                hint(d, format!("{numbers}{standard}"));
                None
            }
            Some(item) if item.decision.is_none() => {
                let d = self.error(
                    path,
                    format!("item {number} of `{meeting}` records no decision"),
                );
                hint(
                    d,
                    "give the item its `decision:` (\"Godkendt.\"): what the council decided is cited and extracted from it",
                );
                None
            }
            Some(_) => Some(m),
        }
    }
}

/// The field name of a part, as the YAML writes it.
fn part_name(part: ItemPart) -> String {
    serde_json::to_value(part)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// `HH:MM`, 00:00–23:59.
fn is_time(s: &str) -> bool {
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    s.split_once(':')
        .is_some_and(|(h, m)| digits(h) && digits(m) && m.len() == 2)
        && crate::danish::time(s).is_some()
}

/// How the checks of a reference to a person speak of it: "the contact",
/// dated by "the letter's" date, and what to write instead of an official
/// not in office.
struct Named {
    who: &'static str,
    occasion: &'static str,
    instead: &'static str,
}

/// Whether an annex title refers to a meeting or a decision ("Referat af
/// styregruppens møde", "Ministeriets afgørelse"), and so needs its date.
fn refers_to_an_event(title: &str) -> bool {
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|word| {
            word == "beslutning"
                || ["referat", "afgørelse", "møde", "protokol"]
                    .iter()
                    .any(|event| word.contains(event))
        })
}

/// What a final letter's contact lacks: a person (not an office), a
/// title, a telephone number and an e-mail address; each as (field, what
/// is wrong, hint).
pub(crate) fn contact_gaps(c: &Contact) -> Vec<(Option<&'static str>, String, &'static str)> {
    let mut gaps = Vec::new();
    if let Some(name) = &c.name {
        if !is_person_name(name) {
            gaps.push((
                Some("name"),
                format!("the final letter's contact `{name}` is an office, not a person"),
                "name the person (`name:` and `title:`) or the official (`official: chief_executive`); the office goes in `unit:`",
            ));
        } else if c.title.is_none() {
            gaps.push((
                Some("name"),
                format!("the final letter's contact {name} has no title"),
                "add the person's `title:` (\"Chefkonsulent\")",
            ));
        }
    }
    if c.phone.is_none() {
        gaps.push((
            None,
            "the final letter's contact has no telephone number".to_owned(),
            "add `phone:` (\"43 57 75 75\"), or mark the letter `draft: true` until it is known",
        ));
    }
    if c.email.is_none() {
        gaps.push((
            None,
            "the final letter's contact has no e-mail address".to_owned(),
            "add `email:`, or mark the letter `draft: true` until it is known",
        ));
    }
    gaps
}

/// Whether `name` reads as a person's full name: two words or more, each
/// capitalised but for the particles of names ("von", "de", "la"), and
/// not an office's ("Direktionssekretariatet", "Byrådets medlemmer").
fn is_person_name(name: &str) -> bool {
    const PARTICLES: [&str; 7] = ["af", "de", "la", "le", "van", "von", "der"];
    !names_an_office(name)
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w))
}

/// Whether a contact's name reads as an office rather than a person: one
/// word ("Direktionssekretariatet"), or a word of an organisation's name.
fn names_an_office(name: &str) -> bool {
    const UNITS: [&str; 12] = [
        "sekretariat",
        "afdeling",
        "kontor",
        "center",
        "centret",
        "forvaltning",
        "direktion",
        "service",
        "enhed",
        "team",
        "kommune",
        "administration",
    ];
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    words.len() < 2 || words.iter().any(|w| UNITS.iter().any(|u| w.contains(u)))
}

/// Something before an @ and a dotted domain after it.
fn is_email(s: &str) -> bool {
    s.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !s.contains(' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_hours_and_minutes() {
        for ok in ["17:30", "9:00", "00:00", "23:59"] {
            assert!(is_time(ok), "{ok}");
        }
        for bad in ["17.30", "24:00", "17:3", "17:60", "kl. 17", ""] {
            assert!(!is_time(bad), "{bad}");
        }
    }

    #[test]
    fn part_names_are_the_yaml_names() {
        assert_eq!(part_name(ItemPart::LegalBasis), "legal_basis");
    }
}
