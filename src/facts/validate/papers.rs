//! Checks of meetings and their items, of annexes and contacts, and of the
//! documents that are meeting papers.

use super::{Role, Validator, hint};
use crate::message::Message;
use crate::msg;
use crate::project::FileKind;
use chrono::NaiveDate;

use crate::facts::model::{
    AgendaItem, Annex, Attendee, Contact, ItemPart, Meeting, Office, Signing,
};

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
                let d = self.error(&format!("{base}.time"), msg!("facts-time-invalid", time));
                hint(d, msg!("facts-time-invalid-hint"));
            }
            if let Some(ended) = &meeting.ended {
                if !is_time(ended) {
                    let d = self.error(
                        &format!("{base}.ended"),
                        msg!("facts-time-invalid", time = ended),
                    );
                    hint(d, msg!("facts-time-invalid-hint"));
                } else if let Some(start) = meeting.time.as_deref().filter(|t| is_time(t))
                    && minutes_of(ended) < minutes_of(start)
                {
                    let d = self.error(
                        &format!("{base}.ended"),
                        msg!("facts-meeting-ends-before-it-begins", ended, start),
                    );
                    hint(d, msg!("facts-meeting-ends-before-it-begins-hint"));
                }
            }
            if let Some(id) = &meeting.secretariat {
                let path = format!("{base}.secretariat");
                if let Some(m) = f.municipalities.get(id.as_str())
                    && m.meeting_papers.is_none()
                    && !meeting.items.is_empty()
                {
                    let d = self.error(
                        &path,
                        msg!("facts-secretariat-without-papers", id = id.as_str()),
                    );
                    hint(
                        d,
                        msg!("facts-secretariat-without-papers-hint", id = id.as_str()),
                    );
                }
            } else if !meeting.items.is_empty() {
                let d = self.error(&base, msg!("facts-meeting-without-secretariat"));
                hint(d, msg!("facts-meeting-without-secretariat-hint"));
            }
            self.attendees(&base, meeting);
            if !meeting.is_council() {
                for (j, item) in meeting.items.iter().enumerate() {
                    if let Some(closed) = &item.closed
                        && cites_section_10(&closed.basis)
                    {
                        let d = self.error(
                            &format!("{base}.items[{j}].closed.basis"),
                            msg!("facts-closed-under-section-10", body = &meeting.body),
                        );
                        hint(d, msg!("facts-closed-under-section-10-hint"));
                    }
                }
            }
            for (j, item) in meeting.items.iter().enumerate() {
                let path = format!("{base}.items[{j}]");
                if item.recommendations.is_empty() {
                    let d = self.error(
                        &format!("{path}.recommendations"),
                        msg!("facts-item-recommends-nothing"),
                    );
                    hint(d, msg!("facts-item-recommends-nothing-hint"));
                }
                for (k, r) in item.recommendations.iter().enumerate() {
                    let t = r.trim_start();
                    if t.starts_with("at ") || t.starts_with("At ") {
                        let d = self.error(
                            &format!("{path}.recommendations[{k}]"),
                            msg!("facts-clause-with-at"),
                        );
                        hint(d, msg!("facts-clause-with-at-hint"));
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
                    let d = self.error(&format!("{path}.part"), msg!("facts-heading-twice"));
                    hint(d, msg!("facts-heading-twice-hint"));
                }
                seen.push(h.part);
                if h.with_meeting && h.part != ItemPart::Decision {
                    let d = self.error(
                        &format!("{path}.with_meeting"),
                        msg!("facts-heading-with-meeting"),
                    );
                    hint(d, msg!("facts-heading-with-meeting-hint"));
                }
            }
            for required in [ItemPart::Recommendations, ItemPart::Decision] {
                if !seen.contains(&required) {
                    let d = self.error(
                        &format!("municipalities.{id}.meeting_papers.headings"),
                        msg!("facts-heading-missing", part = part_name(required)),
                    );
                    hint(d, msg!("facts-heading-missing-hint"));
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
                        msg!("facts-email-invalid", email),
                    );
                    hint(d, msg!("facts-email-invalid-hint"));
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
        // Each named member's party, for the votes.
        let mut parties = Vec::new();
        for (path, a) in people.collect::<Vec<_>>() {
            if let Some(name) = self.attendee(&path, a, meeting.date)
                && path.contains(".members[")
            {
                if let Some(party) = &a.party {
                    parties.push((name.clone(), party.clone()));
                }
                names.push(name);
            }
        }
        // A substitute votes for the party they stand in for.
        parties.extend(
            meeting
                .substitutes
                .iter()
                .filter_map(|s| Some((s.name.clone(), s.party.clone()?))),
        );
        let absentees = meeting
            .absent
            .iter()
            .enumerate()
            .map(|(k, name)| (format!("{base}.absent[{k}]"), name))
            .chain(
                meeting
                    .absent_without_notice
                    .iter()
                    .enumerate()
                    .map(|(k, name)| (format!("{base}.absent_without_notice[{k}]"), name)),
            );
        for (path, absent) in absentees.collect::<Vec<_>>() {
            if meeting.members.is_empty() {
                // Members not listed: an absentee is still a person.
                if !is_person_name(absent) {
                    let d = self.error(&path, msg!("facts-not-a-person", name = absent));
                    hint(d, msg!("facts-absentee-not-a-person-hint"));
                }
            } else if !names.iter().any(|n| n == absent) {
                let d = self.error(&path, msg!("facts-absentee-not-a-member", name = absent));
                let known: Vec<&str> = names.iter().map(String::as_str).collect();
                if let Some(near) = crate::diagnostic::nearest(absent, &known) {
                    hint(d, msg!("facts-did-you-mean", near));
                }
                let help = if names.is_empty() {
                    msg!("facts-absentee-no-members-hint")
                } else {
                    msg!("facts-absentee-names-hint", names = names.join(", "))
                };
                hint(d, help);
            }
        }
        self.attendance(base, meeting, &names);
        self.signing(base, meeting, &names);
        for (i, item) in meeting.items.iter().enumerate() {
            self.votes(
                &format!("{base}.items[{i}]"),
                meeting,
                i,
                item,
                &names,
                &parties,
            );
        }
    }

    /// The chair is a member who was there; minutes signed by the chair
    /// and the secretary name both.
    fn signing(&mut self, base: &str, meeting: &Meeting, names: &[String]) {
        if let Some(chair) = &meeting.chair {
            let path = format!("{base}.chair");
            if !names.is_empty() && !names.contains(chair) {
                let d = self.error(&path, msg!("facts-absentee-not-a-member", name = chair));
                hint(
                    d,
                    msg!("facts-absentee-names-hint", names = names.join(", ")),
                );
            } else if meeting.is_absent(chair) {
                let d = self.error(&path, msg!("facts-signatory-not-there", name = chair));
                hint(d, msg!("facts-signatory-not-there-hint"));
            }
        }
        if meeting.signing == Signing::ChairAndSecretary
            && !meeting.items.is_empty()
            && (meeting.chair.is_none() || meeting.minute_taker.is_none())
        {
            let d = self.error(
                &format!("{base}.signing"),
                msg!("facts-signing-without-chair"),
            );
            hint(d, msg!("facts-signing-without-chair-hint"));
        }
    }

    /// Who voted on an item took part in it: each side names members who
    /// did, or parties with a member who did, and no one is on two sides;
    /// a dissent is a member's (or a party's) who took part and did not
    /// vote for.
    fn votes(
        &mut self,
        base: &str,
        meeting: &Meeting,
        index: usize,
        item: &AgendaItem,
        names: &[String],
        parties: &[(String, String)],
    ) {
        let number = meeting.number_of(index);
        let members: Vec<&str> = names.iter().map(String::as_str).collect();
        let (_, present) = meeting.attendance(&members, item, number);
        let is_party = |e: &str| parties.iter().any(|(_, p)| p == e);
        let party_there = |e: &str| {
            parties
                .iter()
                .any(|(name, p)| p == e && present.contains(&name.as_str()))
        };
        // Where the facts list no members, the sides are the secretariat's
        // words, and the counts must be given.
        let listed = !names.is_empty();
        let mut known = names.join(", ");
        let mut letters: Vec<&str> = parties.iter().map(|(_, p)| p.as_str()).collect();
        letters.sort_unstable();
        letters.dedup();
        if !letters.is_empty() {
            known = format!("{known}; {}", letters.join(", "));
        }
        if let Some(vote) = &item.vote {
            let sides = [
                ("for", &vote.in_favour),
                ("against", &vote.against),
                ("abstaining", &vote.abstaining),
            ];
            let mut seen: Vec<&str> = Vec::new();
            for (side, entries) in sides {
                for (k, e) in entries.iter().enumerate() {
                    let path = format!("{base}.vote.{side}[{k}]");
                    if seen.contains(&e.as_str()) {
                        let d = self.error(&path, msg!("facts-vote-twice", name = e));
                        hint(d, msg!("facts-vote-twice-hint"));
                        continue;
                    }
                    seen.push(e);
                    if !listed {
                        continue;
                    }
                    if names.contains(e) || meeting.substitutes.iter().any(|s| s.name == *e) {
                        if !present.contains(&e.as_str()) {
                            let d =
                                self.error(&path, msg!("facts-vote-not-there", name = e, number));
                            hint(d, msg!("facts-vote-not-there-hint"));
                        }
                    } else if is_party(e) {
                        if !party_there(e) {
                            let d = self.error(
                                &path,
                                msg!("facts-vote-party-not-there", party = e, number),
                            );
                            hint(d, msg!("facts-vote-not-there-hint"));
                        }
                    } else {
                        let d = self.error(&path, msg!("facts-vote-unknown", name = e));
                        hint(d, msg!("facts-vote-known-hint", known = known.as_str()));
                    }
                }
            }
            if !listed && vote.counts.is_none() {
                let d = self.error(&format!("{base}.vote"), msg!("facts-vote-no-counts"));
                hint(d, msg!("facts-vote-no-counts-hint"));
            }
        }
        for (k, dissent) in item.dissents.iter().enumerate() {
            let path = format!("{base}.dissents[{k}].member");
            let e = dissent.member.as_str();
            if listed {
                let there = if names.iter().any(|n| n == e) {
                    present.contains(&e)
                } else if is_party(e) {
                    party_there(e)
                } else {
                    let d = self.error(&path, msg!("facts-vote-unknown", name = e));
                    hint(d, msg!("facts-vote-known-hint", known = known.as_str()));
                    continue;
                };
                if !there {
                    let d = self.error(&path, msg!("facts-dissent-not-there", name = e, number));
                    hint(d, msg!("facts-vote-not-there-hint"));
                    continue;
                }
            }
            // A member who voted for, or whose party did, has no dissent.
            let party = parties
                .iter()
                .find(|(n, _)| n == e)
                .map(|(_, p)| p.as_str());
            let voted_for = item.vote.as_ref().is_some_and(|v| {
                v.in_favour
                    .iter()
                    .any(|f| f == e || Some(f.as_str()) == party)
            });
            if voted_for {
                let d = self.error(&path, msg!("facts-dissent-voted-for", name = e));
                hint(d, msg!("facts-dissent-voted-for-hint"));
            }
        }
    }

    /// Who stood in, who came late or left early, and who had a conflict
    /// of interest in an item: each a member of the meeting (or a
    /// substitute), and not away where the facts say they took part.
    fn attendance(&mut self, base: &str, meeting: &Meeting, members: &[String]) {
        for (k, name) in meeting.absent_without_notice.iter().enumerate() {
            if meeting.absent.contains(name) {
                let d = self.error(
                    &format!("{base}.absent_without_notice[{k}]"),
                    msg!("facts-absent-twice", name),
                );
                hint(d, msg!("facts-absent-twice-hint"));
            }
        }
        let known = |name: &str| members.is_empty() || members.iter().any(|m| m == name);
        let names_hint = || msg!("facts-absentee-names-hint", names = members.join(", "));
        for (k, s) in meeting.substitutes.iter().enumerate() {
            let path = format!("{base}.substitutes[{k}]");
            if !is_person_name(&s.name) {
                let d = self.error(
                    &format!("{path}.name"),
                    msg!("facts-not-a-person", name = &s.name),
                );
                hint(d, msg!("facts-attendee-not-a-person-hint"));
            }
            if !known(&s.instead_of) {
                let d = self.error(
                    &format!("{path}.instead_of"),
                    msg!("facts-absentee-not-a-member", name = &s.instead_of),
                );
                hint(d, names_hint());
            } else if !meeting.is_absent(&s.instead_of) {
                let d = self.error(
                    &format!("{path}.instead_of"),
                    msg!(
                        "facts-substitute-for-present",
                        name = &s.name,
                        member = &s.instead_of
                    ),
                );
                hint(d, msg!("facts-substitute-for-present-hint"));
            }
        }
        let numbers = meeting.leading() + meeting.items.len() + meeting.trailing();
        for (k, p) in meeting.partly.iter().enumerate() {
            let path = format!("{base}.partly[{k}]");
            if !known(&p.member) {
                let d = self.error(
                    &format!("{path}.member"),
                    msg!("facts-absentee-not-a-member", name = &p.member),
                );
                hint(d, names_hint());
            } else if meeting.is_absent(&p.member) {
                let d = self.error(
                    &format!("{path}.member"),
                    msg!("facts-partly-but-absent", name = &p.member),
                );
                hint(d, msg!("facts-partly-but-absent-hint"));
            }
            for (field, number) in [("from_item", p.from_item), ("until_item", p.until_item)] {
                if let Some(number) = number
                    && (number == 0 || number as usize > numbers)
                {
                    let d = self.error(
                        &format!("{path}.{field}"),
                        msg!("facts-partly-no-such-item", number, count = numbers),
                    );
                    hint(d, msg!("facts-partly-items-hint"));
                }
            }
            match (p.from_item, p.until_item) {
                (None, None) => {
                    let d = self.error(&path, msg!("facts-partly-nothing", name = &p.member));
                    hint(d, msg!("facts-partly-items-hint"));
                }
                (Some(from), Some(until)) if from > until => {
                    let d = self.error(
                        &format!("{path}.until_item"),
                        msg!("facts-partly-reversed", from, until),
                    );
                    hint(d, msg!("facts-partly-items-hint"));
                }
                _ => {}
            }
        }
        let substitutes: Vec<&str> = meeting
            .substitutes
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        for (i, item) in meeting.items.iter().enumerate() {
            let number = meeting.number_of(i);
            for (k, c) in item.conflicted.iter().enumerate() {
                let path = format!("{base}.items[{i}].conflicted[{k}].member");
                let member = &c.member;
                if !known(member) && !substitutes.contains(&member.as_str()) {
                    let d = self.error(&path, msg!("facts-absentee-not-a-member", name = member));
                    hint(d, names_hint());
                } else if meeting.is_absent(member)
                    || meeting
                        .partly
                        .iter()
                        .any(|p| p.member == *member && !p.took_part_in(number))
                {
                    let d = self.error(
                        &path,
                        msg!("facts-conflicted-not-there", name = member, number),
                    );
                    hint(d, msg!("facts-conflicted-not-there-hint"));
                }
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
            let d = self.error(&format!("{path}.name"), msg!("facts-not-a-person", name));
            hint(d, msg!("facts-attendee-not-a-person-hint"));
        }
        let who = Named {
            who: msg!("facts-who-person"),
            occasion: msg!("facts-occasion-meeting"),
            instead: msg!("facts-instead-person"),
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
            who: msg!("facts-who-contact"),
            occasion: msg!("facts-occasion-letter"),
            instead: msg!("facts-instead-contact"),
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
                    msg!("facts-name-and-official", who = who.clone()),
                );
                hint(d, msg!("facts-name-and-official-hint"));
                None
            }
            (None, None) => {
                let d = self.error(
                    path,
                    msg!("facts-neither-name-nor-official", who = who.clone()),
                );
                hint(
                    d,
                    msg!(
                        "facts-neither-name-nor-official-hint",
                        occasion = occasion.clone()
                    ),
                );
                None
            }
            (Some(name), None) => Some(name.clone()),
            (None, Some(office)) => {
                let Some(id) = municipality else {
                    let d = self.error(
                        &format!("{path}.official"),
                        msg!("facts-official-without-municipality"),
                    );
                    hint(d, msg!("facts-official-without-municipality-hint"));
                    return None;
                };
                let m = self.facts.municipalities.get(id)?;
                match m.officials.on(office, date) {
                    Some(person) => Some(person.name.clone()),
                    None => {
                        let d = self.error(
                            &format!("{path}.official"),
                            msg!(
                                "facts-official-not-in-office",
                                municipality = &m.name,
                                office = office.describe(),
                                date = date.to_string(),
                                occasion = occasion.clone()
                            ),
                        );
                        hint(
                            d,
                            msg!(
                                "facts-official-not-in-office-hint",
                                id,
                                instead = instead.clone()
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
                        msg!("facts-annex-no-ministry-decision", id = id.as_str()),
                    );
                    hint(
                        d,
                        msg!("facts-annex-no-ministry-decision-hint", id = id.as_str()),
                    );
                }
            }
            let named = [
                annex.minutes.is_some(),
                annex.meeting.is_some(),
                annex.decision.is_some(),
                annex.document.is_some(),
            ];
            if named.iter().filter(|&&n| n).count() > 1 {
                let d = self.error(&format!("{path}[{i}]"), msg!("facts-annex-several"));
                hint(d, msg!("facts-annex-several-hint"));
            }
            match &annex.title {
                None if !named.contains(&true) => {
                    let d = self.error(&format!("{path}[{i}]"), msg!("facts-annex-untitled"));
                    hint(d, msg!("facts-annex-untitled-hint"));
                }
                Some(title)
                    if refers_to_an_event(title) && !title.chars().any(|c| c.is_ascii_digit()) =>
                {
                    let d = self.error(
                        &format!("{path}[{i}].title"),
                        msg!("facts-annex-title-undated", title),
                    );
                    hint(d, msg!("facts-annex-title-undated-hint"));
                }
                _ => {}
            }
            let Some(file) = &annex.file else { continue };
            let at = format!("{path}[{i}].file");
            let Some(bytes) =
                self.project_file(&at, file, Role::Annex, FileKind::Annex, ANNEX_FILES)
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
                    let d = self.error(&at, msg!("facts-annex-not-a-pdf", file, reason = why));
                    hint(d, msg!("facts-annex-not-a-pdf-hint"));
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
                    msg!("facts-item-missing", meeting, number = number.to_string()),
                );
                let (first, last) = (m.number_of(0), m.number_of(m.items.len().max(1) - 1));
                let (first, last) = (first.to_string(), last.to_string());
                let numbers = match (m.leading() > 0, first == last) {
                    (true, true) => msg!("facts-item-numbers-one-after-standard", first),
                    (false, true) => msg!("facts-item-numbers-one", first),
                    (true, false) => msg!("facts-item-numbers-range-after-standard", first, last),
                    (false, false) => msg!("facts-item-numbers-range", first, last),
                };
                hint(d, numbers);
                None
            }
            Some(item) if item.decision.is_none() => {
                let d = self.error(
                    path,
                    msg!(
                        "facts-item-without-decision",
                        number = number.to_string(),
                        meeting
                    ),
                );
                hint(d, msg!("facts-item-without-decision-hint"));
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
/// Whether a legal basis for closing an item cites kommunestyrelseslovens
/// § 10 (the council's closed doors), however its spaces are written.
fn cites_section_10(basis: &str) -> bool {
    let plain: String = basis
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect::<String>()
        .to_lowercase();
    plain.contains("kommunestyrelseslov")
        && plain
            .match_indices("§ 10")
            .any(|(i, _)| !plain[i + "§ 10".len()..].starts_with(|c: char| c.is_ascii_digit()))
}

/// The minutes since midnight of a time `HH:MM` (0 where it is not one).
fn minutes_of(time: &str) -> u32 {
    time.split_once(':')
        .and_then(|(h, m)| Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?))
        .unwrap_or(0)
}

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
    who: Message,
    occasion: Message,
    instead: Message,
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
pub(crate) fn contact_gaps(c: &Contact) -> Vec<(Option<&'static str>, Message, Message)> {
    let mut gaps = Vec::new();
    if let Some(name) = &c.name {
        if !is_person_name(name) {
            gaps.push((
                Some("name"),
                msg!("facts-contact-is-an-office", name),
                msg!("facts-contact-is-an-office-hint"),
            ));
        } else if c.title.is_none() {
            gaps.push((
                Some("name"),
                msg!("facts-contact-without-title", name),
                msg!("facts-contact-without-title-hint"),
            ));
        }
    }
    // A telephone number or an e-mail address: a letter names the way the
    // municipality is reached, and one that is known is enough.
    if c.phone.is_none() && c.email.is_none() {
        gaps.push((
            None,
            msg!("facts-contact-unreachable"),
            msg!("facts-contact-unreachable-hint"),
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
