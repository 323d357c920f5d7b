//! Checks of the law's references and of the applications: who applies
//! and signs, the councils' decisions, the ministry's decisions, the
//! phases, and which areas leave the cooperation.

use std::collections::BTreeMap;

use super::{Validator, hint};
use crate::facts::model::{Application, Id, Provision};

impl<'a> Validator<'a> {
    /// The law's references have the shape of Danish law: a section is a
    /// number, with a letter after a space ("11 a"); subsections and
    /// numbers count from 1.
    pub(super) fn law(&mut self) {
        let Some(law) = &self.facts.law else { return };
        if law.act.number == 0 {
            let d = self.error("law.act.number", "an act is numbered from 1");
            hint(
                d,
                "write the number of the act: `act: { number: 541, date: 2005-06-24 }`",
            );
        }
        if law.consolidated.as_ref().is_some_and(|c| c.number == 0) {
            let d = self.error(
                "law.consolidated.number",
                "a consolidated act is numbered from 1",
            );
            hint(
                d,
                "write its number: `consolidated: { number: 789, date: 2024-06-24 }`",
            );
        }
        self.provision("law.dispensation", &law.dispensation);
        if let Some(conditions) = &law.conditions {
            self.provision("law.conditions", conditions);
        }
    }

    fn provision(&mut self, path: &str, p: &Provision) {
        if !is_section(&p.section) {
            let d = self.error(
                &format!("{path}.section"),
                format!("`{}` is not a section of a law", p.section),
            );
            hint(
                d,
                "write the section without § and the subsection apart: `{ section: \"11 a\", subsection: 2 }`; the `paragraf` filter prints \"§ 11 a, stk. 2\"",
            );
        }
        for (field, value) in [("subsection", p.subsection), ("number", p.number)] {
            if value == Some(0) {
                let d = self.error(
                    &format!("{path}.{field}"),
                    format!("a {field} counts from 1"),
                );
                hint(d, "stk. 1 is the first subsection, nr. 1 the first number");
            }
        }
    }

    pub(super) fn applications(&mut self) {
        let f = self.facts;
        for (id, app) in &f.applications {
            let base = format!("applications.{id}");
            if app.areas.is_empty() {
                let d = self.error(&format!("{base}.areas"), "the application names no areas");
                hint(d, "list the areas it asks to leave the cooperation, by id");
            }
            self.concerned(&base, app);
            if app.signatories.is_empty() {
                let d = self.error(
                    &format!("{base}.signatories"),
                    "nobody signs the application",
                );
                hint(
                    d,
                    "list the municipalities whose mayor and chief executive sign, e.g. `[ishoej, vallensbaek]`",
                );
            }
            if app.start <= app.date {
                let d = self.error(
                    &format!("{base}.start"),
                    format!(
                        "the areas would leave on {}, not after the application's date {}",
                        app.start, app.date
                    ),
                );
                hint(
                    d,
                    "an application asks the minister for a change from a later date: give `start` after `date`",
                );
            }
            self.officials_in_office(&base, app);
            self.council_decisions(&base, app);
            if let Some(decision) = &app.ministry_decision
                && decision.date < app.date
            {
                let d = self.error(
                    &format!("{base}.ministry_decision.date"),
                    format!(
                        "the ministry decided on {} but the application is dated {}",
                        decision.date, app.date
                    ),
                );
                hint(
                    d,
                    "the decision comes after the application: check both dates",
                );
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
                    format!("`{applicant}` is not concerned by the application's areas"),
                );
                hint(
                    d,
                    format!(
                        "its areas are carried out by and for {}; remove `{applicant}`, or add an area it takes part in",
                        names(&concerned)
                    ),
                );
            }
        }
        for m in &concerned {
            if !app.applicants.iter().any(|a| a == m) {
                let areas = crate::danish::list(&by_area[m], "and");
                let d = self.error(
                    &format!("{base}.applicants"),
                    format!("`{m}` takes part in {areas} but does not apply"),
                );
                hint(
                    d,
                    format!(
                        "the minister acts on application from the councils concerned: add `{m}` to the applicants"
                    ),
                );
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
                ("mayor", Some(&m.officials.mayor)),
                ("chief executive", m.officials.chief_executive.as_ref()),
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
                    format!(
                        "{} has no {office} in office on {}, the application's date",
                        m.name, app.date
                    ),
                );
                let known = if known.is_empty() {
                    "no holder of the office is known".to_owned()
                } else {
                    format!("the terms known are {}", known.join(", "))
                };
                hint(
                    d,
                    format!(
                        "{known}; add the holder of the office to municipalities.{id}.officials"
                    ),
                );
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
                    format!("`{}` has a decision already", d.municipality),
                );
                hint(e, "each council's decision to apply is given once");
            }
            seen.push(d.municipality.as_str());
            let date = match (&d.meeting, &d.body, d.date) {
                (Some(meeting), None, None) => {
                    let Some(number) = d.item else {
                        let e = self.error(&path, "the decision names a meeting but not its item");
                        hint(e, "add `item: <the item's number on the agenda>`");
                        continue;
                    };
                    match self.decided_item(&format!("{path}.item"), meeting, number) {
                        Some(m) => m.date,
                        None => continue,
                    }
                }
                (None, Some(_), Some(date)) => date,
                (Some(_), _, _) => {
                    let e = self.error(
                        &path,
                        "the decision names a meeting and also a body or date",
                    );
                    hint(
                        e,
                        "a meeting in the facts has its body and date; give either `meeting` and `item`, or `body` and `date`",
                    );
                    continue;
                }
                (None, _, _) => {
                    let e = self.error(&path, "the decision says neither where nor when");
                    hint(
                        e,
                        "give `meeting` and `item` for a meeting in the facts, or `body` (\"Kommunalbestyrelsen i Tårnby Kommune\") and `date`",
                    );
                    continue;
                }
            };
            if date > app.date {
                let e = self.error(
                    &path,
                    format!(
                        "the council decided on {date}, after the application's date {}",
                        app.date
                    ),
                );
                hint(
                    e,
                    "an application is sent once the councils have decided to apply",
                );
            }
        }
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
                let d = self.error(
                    &format!("applications.{id}"),
                    "the application has no phase, but others have",
                );
                hint(
                    d,
                    "give every application its `phase: 1, 2, …`, or none (then they are taken by date)",
                );
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
                    format!("phase {phase} is also the phase of `{}`", ids[0]),
                );
                hint(d, "each application has its own phase: 1, 2, …");
            }
        }
        for (expected, (&phase, ids)) in (1..).zip(&by_phase) {
            if phase != expected {
                let d = self.error(
                    &format!("applications.{}.phase", ids[0]),
                    format!("phase {phase} where phase {expected} was expected"),
                );
                hint(
                    d,
                    "number the phases 1, 2, … in the order the applications are sent",
                );
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
                format!(
                    "the first application holds {count} areas, but {}–{} are allowed",
                    allowed.min, allowed.max
                ),
            );
            hint(
                d,
                "move areas to a later application, or change or remove `rules.first_phase_areas`",
            );
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
                    let message =
                        format!("the area `{area}` is in two applications: `{first}` and `{id}`");
                    let d = self.error(&format!("applications.{id}.areas[{i}]"), message);
                    hint(
                        d,
                        "an area leaves the cooperation once; remove it from one of them",
                    );
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
                    format!("the area `{}` is in no application", area.id),
                );
                hint(
                    d,
                    format!(
                        "the cooperation `ends`, so every area leaves it in one application: add it to one of {names}, or remove `ends: true` to keep it in the cooperation"
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
