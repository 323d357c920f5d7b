//! Checks of meetings and their items, of annexes and contacts, and of the
//! documents that are meeting papers.

use super::{Validator, hint, unknown};
use crate::diagnostic::Diagnostic;
use crate::facts::load::Content;
use crate::facts::model::{Annex, ItemPart, Meeting, PaperKind};

/// The kinds of file an annex can be.
const ANNEX_FILES: &[&str] = &["pdf", "png", "jpg", "jpeg", "svg"];

impl<'a> Validator<'a> {
    pub(super) fn meetings(&mut self) {
        let f = self.facts;
        let municipalities = self.municipality_ids();
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
                self.reference(&path, id, "municipality", municipalities.iter().copied());
                if let Some(m) = f.municipalities.get(id)
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
                let applicants = app.applicants.iter().map(String::as_str);
                self.reference(
                    &format!("{base}.contact.municipality"),
                    &c.municipality,
                    "applicant",
                    applicants,
                );
                if let Some(email) = &c.email
                    && !is_email(email)
                {
                    let d = self.error(
                        &format!("{base}.contact.email"),
                        format!("`{email}` is not an e-mail address"),
                    );
                    hint(d, "write it as name@domain.dk");
                }
            }
            self.annexes(&format!("{base}.annexes"), &app.annexes);
        }
    }

    /// Each annex has a title or is an extract of minutes (whose item
    /// exists and holds a decision), and each with a file names a readable
    /// PDF or image in the project.
    fn annexes(&mut self, path: &str, annexes: &[Annex]) {
        let meetings = self.meeting_ids();
        for (i, annex) in annexes.iter().enumerate() {
            if let Some(at) = &annex.minutes {
                let base = format!("{path}[{i}].minutes");
                self.reference(
                    &format!("{base}.meeting"),
                    &at.meeting,
                    "meeting",
                    meetings.iter().copied(),
                );
                self.decided_item(&format!("{base}.item"), &at.meeting, at.item);
            } else if annex.title.is_none() {
                let d = self.error(&format!("{path}[{i}]"), "the annex has no title");
                hint(
                    d,
                    "give it a `title:`, or make it an extract of minutes with `minutes: { meeting: <id>, item: <number> }`",
                );
            }
            let Some(file) = &annex.file else { continue };
            let at = format!("{path}[{i}].file");
            let Some(on_disk) = self.project_file(&at, file, "annex", ANNEX_FILES) else {
                continue;
            };
            let is_pdf = on_disk
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            if !is_pdf {
                continue;
            }
            match crate::annex::pdf_page_count(&on_disk) {
                Ok(pages) => {
                    self.annex_pages.insert(file.clone(), pages);
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
        match m.items.get((number as usize).wrapping_sub(1)) {
            None => {
                let d = self.error(
                    path,
                    format!("the meeting `{meeting}` has no item {number}"),
                );
                hint(d, format!("its items are numbered 1–{}", m.items.len()));
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

    /// Meeting papers name a meeting with items; minutes need every
    /// decision.
    pub(super) fn papers(&mut self, content: &Content) {
        let meetings = self.meeting_ids();
        for document in &content.documents {
            let spec = &document.spec;
            let located = |d: Diagnostic, path: &str| {
                let at = self.sources.value_in(&document.file, path);
                d.in_file(&document.file).located(at)
            };
            let Some(id) = &spec.meeting else {
                if spec.papers.is_some() || spec.internal {
                    let field = if spec.papers.is_some() {
                        "papers"
                    } else {
                        "internal"
                    };
                    let d = Diagnostic::error(format!(
                        "{field}: only meeting papers have `{field}`, and the document names no meeting"
                    ))
                    .hint("add `meeting: <meeting id>`, or remove the field");
                    let d = located(d, field);
                    self.problems.push(d);
                }
                continue;
            };
            let Some((i, meeting)) = self.facts.meeting(id) else {
                // Unknown, or in a file that could not be read (whose
                // error is reported already).
                if let Some(d) = unknown("meeting", id, "meeting", meetings.iter().copied()) {
                    let d = located(d, "meeting");
                    self.problems.push(d);
                }
                continue;
            };
            // The items this version prints whole: a public version
            // lists a closed item by its number and neutral title only.
            let shown: Vec<_> = meeting
                .items
                .iter()
                .enumerate()
                .filter(|(_, item)| spec.internal || item.closed.is_none())
                .collect();
            if meeting.items.is_empty() {
                let d = Diagnostic::error(format!("meeting: the meeting `{id}` has no items"))
                    .hint(format!("give meetings[{i}] a list of `items:`"));
                let d = located(d, "meeting");
                self.problems.push(d);
            }
            // The file name says which version it is, so that internal
            // papers are never taken for the public ones.
            let named_internal = spec.output.contains("intern");
            if named_internal != spec.internal {
                let (message, fix) = if spec.internal {
                    (
                        format!(
                            "output: the internal papers are written to `{}.pdf`, a public name",
                            spec.output
                        ),
                        format!(
                            "name the file as internal: `output: {}-intern`",
                            spec.output
                        ),
                    )
                } else {
                    (
                        format!(
                            "output: the public papers are written to `{}.pdf`, an internal name",
                            spec.output
                        ),
                        "remove \"intern\" from the name, or set `internal: true`".to_owned(),
                    )
                };
                let d = located(Diagnostic::error(message).hint(fix), "output");
                self.problems.push(d);
            }
            if spec.papers == Some(PaperKind::Minutes) {
                for (j, item) in shown {
                    if item.decision.is_none() {
                        let d = self.error(
                            &format!("meetings[{i}].items[{j}]"),
                            format!(
                                "the minutes `{}` need the decision on \"{}\"",
                                document.file.display(),
                                item.title
                            ),
                        );
                        hint(
                            d,
                            "add `decision: Tiltrådt.` (or what was decided) to the item",
                        );
                    }
                }
            }
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
