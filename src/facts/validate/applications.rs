//! Checks of the law's references and of the applications: who applies
//! and signs, the councils' decisions, the ministry's decisions, the
//! phases, and which areas leave the cooperation.

use std::collections::BTreeMap;

use super::{Validator, all_of, hint};
use crate::facts::model::{Application, CouncilDecision, Id, Office, Provision};
use crate::msg;

impl<'a> Validator<'a> {
    /// The law's references have the shape of Danish law: a section is a
    /// number, with a letter after a space ("11 a"); subsections and
    /// numbers count from 1.
    pub(super) fn law(&mut self) {
        let Some(law) = &self.facts.law else { return };
        if law.act.number == 0 {
            let d = self.error("law.act.number", msg!("facts-act-number-zero"));
            hint(d, msg!("facts-act-number-zero-hint"));
        }
        if law.consolidated.as_ref().is_some_and(|c| c.number == 0) {
            let d = self.error(
                "law.consolidated.number",
                msg!("facts-consolidated-number-zero"),
            );
            hint(d, msg!("facts-consolidated-number-zero-hint"));
        }
        self.provision("law.dispensation", &law.dispensation);
        for (id, order) in &law.orders {
            if order.number == 0 {
                let d = self.error(
                    &format!("law.orders.{id}.number"),
                    msg!("facts-act-number-zero"),
                );
                hint(d, msg!("facts-act-number-zero-hint"));
            }
        }
        if let Some(conditions) = &law.conditions {
            self.provision("law.conditions", conditions);
        }
    }

    fn provision(&mut self, path: &str, p: &Provision) {
        if let Some(order) = &p.order {
            let known = self
                .facts
                .law
                .as_ref()
                .is_some_and(|l| l.orders.contains_key(order.as_str()));
            if !known {
                let d = self.error(
                    &format!("{path}.order"),
                    msg!("facts-provision-unknown-order", order = order.as_str()),
                );
                hint(
                    d,
                    msg!("facts-provision-unknown-order-hint", order = order.as_str()),
                );
            }
        }
        if !is_section(&p.section) {
            let d = self.error(
                &format!("{path}.section"),
                msg!("facts-section-invalid", section = &p.section),
            );
            hint(d, msg!("facts-section-invalid-hint"));
        }
        for (field, value, message) in [
            ("subsection", p.subsection, msg!("facts-subsection-zero")),
            ("number", p.number, msg!("facts-number-zero")),
        ] {
            if value == Some(0) {
                let d = self.error(&format!("{path}.{field}"), message);
                hint(d, msg!("facts-provision-zero-hint"));
            }
        }
    }

    pub(super) fn applications(&mut self) {
        let f = self.facts;
        for (id, app) in &f.applications {
            let base = format!("applications.{id}");
            if app.areas.is_empty() {
                let d = self.error(
                    &format!("{base}.areas"),
                    msg!("facts-application-without-areas"),
                );
                hint(d, msg!("facts-application-without-areas-hint"));
            }
            self.concerned(&base, app);
            for (k, r) in app.requests.iter().enumerate() {
                if let Some(p) = &r.provision {
                    self.provision(&format!("{base}.requests[{k}].provision"), p);
                }
            }
            if app.signatories.is_empty() {
                let d = self.error(
                    &format!("{base}.signatories"),
                    msg!("facts-application-unsigned"),
                );
                hint(d, msg!("facts-application-unsigned-hint"));
            }
            if app.addressee.is_none() {
                let d = self.error(
                    &base,
                    msg!("facts-addressee-unknown", date = app.date.to_string()),
                );
                hint(
                    d,
                    msg!(
                        "facts-addressee-unknown-hint",
                        first = crate::facts::ministry::first_day().to_string(),
                        last = crate::facts::ministry::CONFIRMED_UNTIL.to_string()
                    ),
                );
            }
            if app.start <= app.date {
                let d = self.error(
                    &format!("{base}.start"),
                    msg!(
                        "facts-start-not-after-date",
                        start = app.start.to_string(),
                        date = app.date.to_string()
                    ),
                );
                hint(d, msg!("facts-start-not-after-date-hint"));
            }
            self.officials_in_office(&base, app);
            self.council_decisions(&base, app);
            if let Some(decision) = &app.ministry_decision
                && decision.date < app.date
            {
                let d = self.error(
                    &format!("{base}.ministry_decision.date"),
                    msg!(
                        "facts-ministry-decision-early",
                        decided = decision.date.to_string(),
                        date = app.date.to_string()
                    ),
                );
                hint(d, msg!("facts-ministry-decision-early-hint"));
            }
        }
        if self.unread.files == 0 {
            self.phases();
            self.coverage();
        }
    }

    /// The applicants are the members the application's areas concern:
    /// each area's executing member and those it is carried out for.
    fn concerned(&mut self, base: &str, app: &Application) {
        let Some(c) = &self.facts.cooperation else {
            return;
        };
        let mut concerned: Vec<&str> = Vec::new();
        let mut by_area: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for area in c
            .areas
            .iter()
            .filter(|a| app.areas.iter().any(|x| *x == a.id))
        {
            for m in area.concerns(&c.members) {
                let m = m.as_str();
                by_area.entry(m).or_default().push(&area.name);
                if !concerned.contains(&m) {
                    concerned.push(m);
                }
            }
        }
        if concerned.is_empty() {
            return;
        }
        let names = |ids: &[&str]| crate::diagnostic::code_list(ids);
        for (i, applicant) in app.applicants.iter().enumerate() {
            let is_member = c.members.iter().any(|m| m == applicant);
            if is_member && !concerned.contains(&applicant.as_str()) {
                let d = self.error(
                    &format!("{base}.applicants[{i}]"),
                    msg!(
                        "facts-applicant-not-concerned",
                        applicant = applicant.as_str()
                    ),
                );
                hint(
                    d,
                    msg!(
                        "facts-applicant-not-concerned-hint",
                        concerned = names(&concerned),
                        applicant = applicant.as_str()
                    ),
                );
            }
        }
        for m in &concerned {
            if !app.applicants.iter().any(|a| a == m) {
                let d = self.error(
                    &format!("{base}.applicants"),
                    msg!(
                        "facts-concerned-not-applying",
                        member = *m,
                        areas = all_of(&by_area[m])
                    ),
                );
                hint(d, msg!("facts-concerned-not-applying-hint", member = *m));
            }
        }
    }

    /// Each signing municipality has a mayor and a chief executive in
    /// office on the application's date.
    fn officials_in_office(&mut self, base: &str, app: &Application) {
        for (i, id) in app.signatories.iter().enumerate() {
            let Some(m) = self.facts.municipalities.get(id.as_str()) else {
                continue;
            };
            for (office, terms) in [
                (Office::Mayor, Some(&m.officials.mayor)),
                (Office::ChiefExecutive, m.officials.chief_executive.as_ref()),
            ] {
                if terms.and_then(|t| t.on(app.date)).is_some() {
                    continue;
                }
                let known: Vec<String> = terms
                    .iter()
                    .flat_map(|t| &t.0)
                    .map(|p| {
                        let from = p.from.map(|d| d.to_string()).unwrap_or_default();
                        let until = p.until.map(|d| d.to_string()).unwrap_or_default();
                        format!("{} {from}–{until}", p.name)
                    })
                    .collect();
                let d = self.error(
                    &format!("{base}.signatories[{i}]"),
                    msg!(
                        "facts-signatory-not-in-office",
                        municipality = &m.name,
                        office = office.describe(),
                        date = app.date.to_string()
                    ),
                );
                let help = if known.is_empty() {
                    msg!("facts-signatory-no-holder-hint", id = id.as_str())
                } else {
                    msg!(
                        "facts-signatory-terms-hint",
                        terms = known.join(", "),
                        id = id.as_str()
                    )
                };
                hint(d, help);
            }
        }
    }

    /// Each decision is an applicant's, once, at a meeting item in the
    /// facts that holds a decision, or by body and date; and none is
    /// later than the application.
    fn council_decisions(&mut self, base: &str, app: &Application) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, d) in app.decisions.iter().enumerate() {
            let path = format!("{base}.decisions[{i}]");
            if seen.contains(&d.municipality.as_str()) {
                let e = self.error(
                    &format!("{path}.municipality"),
                    msg!(
                        "facts-decision-twice",
                        municipality = d.municipality.as_str()
                    ),
                );
                hint(e, msg!("facts-decision-twice-hint"));
            }
            seen.push(d.municipality.as_str());
            if d.in_place_of_signature {
                self.extract_annexed(&path, app, d);
            }
            let date = match (&d.meeting, &d.body, d.date) {
                (Some(meeting), None, None) => {
                    let Some(number) = d.item else {
                        let e = self.error(&path, msg!("facts-decision-without-item"));
                        hint(e, msg!("facts-decision-without-item-hint"));
                        continue;
                    };
                    match self.decided_item(&format!("{path}.item"), meeting, number) {
                        Some(m) => m.date,
                        None => continue,
                    }
                }
                (None, Some(_), Some(date)) => date,
                (Some(_), _, _) => {
                    let e = self.error(&path, msg!("facts-decision-meeting-and-body"));
                    hint(e, msg!("facts-decision-meeting-and-body-hint"));
                    continue;
                }
                (None, _, _) => {
                    let e = self.error(&path, msg!("facts-decision-nowhere"));
                    hint(e, msg!("facts-decision-nowhere-hint"));
                    continue;
                }
            };
            if date > app.date {
                let e = self.error(
                    &path,
                    msg!(
                        "facts-decision-after-application",
                        decided = date.to_string(),
                        date = app.date.to_string()
                    ),
                );
                hint(e, msg!("facts-decision-after-application-hint"));
            }
        }
    }

    /// A decision in place of a signature is annexed as the extract of
    /// its item, so the ministry reads the council's own record.
    fn extract_annexed(&mut self, path: &str, app: &Application, d: &CouncilDecision) {
        let annexed = |meeting: &str, item: u32| {
            app.annexes.iter().any(|a| {
                a.minutes
                    .as_ref()
                    .is_some_and(|at| at.meeting == meeting && at.item == item)
            })
        };
        let ok = match (&d.meeting, d.item) {
            (Some(meeting), Some(item)) => annexed(meeting.as_str(), item),
            _ => false,
        };
        if ok {
            return;
        }
        let name = self
            .facts
            .municipalities
            .get(d.municipality.as_str())
            .map_or(d.municipality.as_str(), |m| m.name.as_str());
        let e = self.error(
            &format!("{path}.in_place_of_signature"),
            msg!("facts-decision-in-place-not-annexed", municipality = name),
        );
        let help = match (&d.meeting, d.item) {
            (Some(meeting), Some(item)) => msg!(
                "facts-decision-in-place-not-annexed-hint",
                meeting = meeting.as_str(),
                item = item.to_string()
            ),
            _ => msg!("facts-decision-in-place-no-meeting-hint"),
        };
        hint(e, help);
    }

    /// Phases are numbered 1, 2, … without gaps or repeats, given by every
    /// application or by none, and the first holds as many areas as the
    /// rules allow, where they say.
    fn phases(&mut self) {
        let f = self.facts;
        let with: Vec<&Id> = f
            .applications
            .iter()
            .filter(|(_, a)| a.phase.is_some())
            .map(|(id, _)| id)
            .collect();
        if !with.is_empty() && with.len() < f.applications.len() {
            let without = f.applications.iter().find(|(_, a)| a.phase.is_none());
            if let Some((id, _)) = without {
                let d = self.error(&format!("applications.{id}"), msg!("facts-phase-missing"));
                hint(d, msg!("facts-phase-missing-hint"));
            }
        }
        let mut by_phase: BTreeMap<u32, Vec<&Id>> = BTreeMap::new();
        for (id, app) in &f.applications {
            if let Some(phase) = app.phase {
                by_phase.entry(phase).or_default().push(id);
            }
        }
        for (phase, ids) in &by_phase {
            for id in ids.iter().skip(1) {
                let d = self.error(
                    &format!("applications.{id}.phase"),
                    msg!(
                        "facts-phase-twice",
                        phase = phase.to_string(),
                        other = ids[0].as_str()
                    ),
                );
                hint(d, msg!("facts-phase-twice-hint"));
            }
        }
        for (expected, (&phase, ids)) in (1..).zip(&by_phase) {
            if phase != expected {
                let d = self.error(
                    &format!("applications.{}.phase", ids[0]),
                    msg!(
                        "facts-phase-gap",
                        phase = phase.to_string(),
                        expected = expected.to_string()
                    ),
                );
                hint(d, msg!("facts-phase-gap-hint"));
                break;
            }
        }
        let allowed = f.rules.as_ref().and_then(|r| r.first_phase_areas);
        let first = f
            .applications_by_phase()
            .first()
            .map(|(id, app)| (*id, *app));
        let (Some(allowed), Some((first, app))) = (allowed, first) else {
            return;
        };
        let count = app.areas.len() as u64;
        if count < allowed.min || count > allowed.max {
            let d = self.error(
                &format!("applications.{first}.areas"),
                msg!(
                    "facts-first-phase-areas",
                    count,
                    min = allowed.min.to_string(),
                    max = allowed.max.to_string()
                ),
            );
            hint(d, msg!("facts-first-phase-areas-hint"));
        }
    }

    /// No area leaves twice; where the cooperation is to end, every area
    /// leaves in one application.
    fn coverage(&mut self) {
        let f = self.facts;
        if f.applications.is_empty() {
            return;
        }
        let mut holders: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (id, app) in f.applications_by_phase() {
            for (i, area) in app.areas.iter().enumerate() {
                let holding = holders.entry(area).or_default();
                if let Some(first) = holding.first() {
                    let message = msg!(
                        "facts-area-in-two-applications",
                        area = area.as_str(),
                        first = *first,
                        second = id.as_str()
                    );
                    let d = self.error(&format!("applications.{id}.areas[{i}]"), message);
                    hint(d, msg!("facts-area-in-two-applications-hint"));
                }
                holding.push(id);
            }
        }
        let Some(c) = f.cooperation.as_ref().filter(|c| c.ends) else {
            return;
        };
        let all: Vec<&str> = f.applications.keys().map(|id| id.as_str()).collect();
        let names = crate::diagnostic::code_list(&all);
        for (i, area) in c.areas.iter().enumerate() {
            if !holders.contains_key(area.id.as_str()) {
                let d = self.error(
                    &format!("cooperation.areas[{i}].id"),
                    msg!("facts-area-in-no-application", area = &area.id),
                );
                hint(
                    d,
                    msg!(
                        "facts-area-in-no-application-hint",
                        applications = &names,
                        count = all.len()
                    ),
                );
            }
        }
    }
}

/// A section of a law: a number from 1, with a letter after a space if it
/// was inserted later ("11 a").
fn is_section(s: &str) -> bool {
    let (number, letter) = match s.split_once(' ') {
        Some((n, l)) => (n, Some(l)),
        None => (s, None),
    };
    let number_ok = !number.is_empty()
        && !number.starts_with('0')
        && number.bytes().all(|b| b.is_ascii_digit());
    let letter_ok =
        letter.is_none_or(|l| l.len() == 1 && l.bytes().all(|b| b.is_ascii_lowercase()));
    number_ok && letter_ok
}

#[cfg(test)]
mod tests {
    use super::is_section;

    #[test]
    fn sections_are_numbers_with_an_optional_letter() {
        for good in ["11 a", "32", "1", "85 b"] {
            assert!(is_section(good), "{good}");
        }
        for bad in [
            "§ 11 a",
            "11a",
            "11 a, stk. 2",
            "",
            "011",
            "11 A",
            "11  a",
            "11 ab",
        ] {
            assert!(!is_section(bad), "{bad}");
        }
    }
}
