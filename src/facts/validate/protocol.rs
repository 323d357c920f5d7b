//! Checks of a meeting's paper trail over time: the supplementary agenda
//! (items added after the agenda went out come last and say why they
//! cannot wait), the corrections of a protocol, and a published
//! protocol's record (what it said of an item is never changed, only
//! corrected by addition).

use super::{Validator, hint};
use crate::diagnostic::Diagnostic;
use crate::facts::model::Meeting;
use crate::facts::protocol::{self, Attendance, Entry};
use crate::msg;

impl Validator<'_> {
    /// The paper trail of every meeting.
    pub(super) fn protocols(&mut self) {
        for (i, meeting) in self.facts.meetings.iter().enumerate() {
            let base = format!("meetings[{i}]");
            self.supplementary(&base, meeting);
            self.corrections(&base, meeting);
            self.record(&base, meeting);
        }
        self.records();
    }

    /// Supplementary items come after the items the agenda went out with,
    /// each with the reason it cannot wait, sent after the agenda and by
    /// the meeting.
    fn supplementary(&mut self, base: &str, meeting: &Meeting) {
        let mut seen = false;
        for (j, item) in meeting.items.iter().enumerate() {
            let path = format!("{base}.items[{j}]");
            let Some(added) = &item.supplementary else {
                if seen {
                    let d = self.error(&path, msg!("facts-item-after-supplementary"));
                    hint(d, msg!("facts-item-after-supplementary-hint"));
                }
                continue;
            };
            seen = true;
            if added.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                let d = self.error(
                    &format!("{path}.supplementary"),
                    msg!("facts-supplementary-without-reason", title = &item.title),
                );
                hint(d, msg!("facts-supplementary-without-reason-hint"));
            }
            if let Some(sent) = added.sent {
                if sent > meeting.date {
                    let d = self.error(
                        &format!("{path}.supplementary.sent"),
                        msg!(
                            "facts-supplementary-after-meeting",
                            sent = sent.to_string(),
                            date = meeting.date.to_string()
                        ),
                    );
                    hint(d, msg!("facts-supplementary-after-meeting-hint"));
                } else if let Some(agenda) = meeting.agenda_sent
                    && sent < agenda
                {
                    let d = self.error(
                        &format!("{path}.supplementary.sent"),
                        msg!(
                            "facts-supplementary-before-agenda",
                            sent = sent.to_string(),
                            agenda = agenda.to_string()
                        ),
                    );
                    hint(d, msg!("facts-supplementary-before-agenda-hint"));
                }
            }
        }
        for (field, sent) in [
            ("agenda_sent", meeting.agenda_sent),
            ("material_sent", meeting.material_sent),
        ] {
            if let Some(sent) = sent
                && sent > meeting.date
            {
                let d = self.error(
                    &format!("{base}.{field}"),
                    msg!(
                        "facts-sent-after-meeting",
                        sent = sent.to_string(),
                        date = meeting.date.to_string()
                    ),
                );
                hint(d, msg!("facts-sent-after-meeting-hint"));
            }
        }
    }

    /// A correction names an item of the meeting and is dated after the
    /// meeting, and after the protocol was published where it was.
    fn corrections(&mut self, base: &str, meeting: &Meeting) {
        // The record's file is named by the id: a name the file system
        // takes.
        if meeting.published.is_some() && meeting.id.len() > protocol::LONGEST_ID {
            let d = self.error(
                &format!("{base}.id"),
                msg!(
                    "facts-published-id-too-long",
                    length = meeting.id.len(),
                    most = protocol::LONGEST_ID
                ),
            );
            hint(d, msg!("facts-published-id-too-long-hint"));
        }
        if let Some(published) = meeting.published
            && published < meeting.date
        {
            let d = self.error(
                &format!("{base}.published"),
                msg!(
                    "facts-published-before-meeting",
                    published = published.to_string(),
                    date = meeting.date.to_string()
                ),
            );
            hint(d, msg!("facts-published-before-meeting-hint"));
        }
        let earliest = meeting.published.unwrap_or(meeting.date).max(meeting.date);
        for (k, c) in meeting.corrections.iter().enumerate() {
            let path = format!("{base}.corrections[{k}]");
            // An item or a standard item ("Godkendelse af dagsorden").
            if let Some(number) = c.item
                && !meeting.numbers().contains(&(number as usize))
            {
                let numbers: Vec<String> =
                    meeting.numbers().iter().map(|n| n.to_string()).collect();
                let d = self.error(
                    &format!("{path}.item"),
                    msg!("facts-correction-unknown-item", number),
                );
                hint(
                    d,
                    msg!(
                        "facts-correction-unknown-item-hint",
                        numbers = super::either(&numbers)
                    ),
                );
            }
            if c.date < earliest {
                let d = self.error(
                    &format!("{path}.date"),
                    msg!(
                        "facts-correction-too-early",
                        date = c.date.to_string(),
                        earliest = earliest.to_string()
                    ),
                );
                hint(d, msg!("facts-correction-too-early-hint"));
            }
        }
    }

    /// What a published protocol said is what the facts say now: its
    /// record, where the project keeps one, is compared with the facts —
    /// the date, the attendance, every item and standard item, and the
    /// corrections added since (which may only grow).
    fn record(&mut self, base: &str, meeting: &Meeting) {
        let record = match protocol::read(self.project, &meeting.id) {
            Ok(Some(record)) => record,
            Ok(None) => return,
            Err(err) => {
                self.problems.extend(err.into_diagnostics());
                return;
            }
        };
        let file = protocol::path_of(&meeting.id);
        let published = record.published.to_string();
        if meeting.published != Some(record.published) {
            let d = self.error(
                &format!("{base}.published"),
                msg!(
                    "facts-published-date-differs",
                    recorded = published.as_str(),
                    file = file.display()
                ),
            );
            hint(d, msg!("facts-published-date-differs-hint"));
        }
        let changed_hint = || {
            msg!(
                "facts-published-protocol-changed-hint",
                file = file.display()
            )
        };
        if let Some(field) = record.attendance.changed(&Attendance::of(meeting)) {
            let d = self.error(
                &format!("{base}.{field}"),
                msg!(
                    "facts-published-attendance-changed",
                    field,
                    published = published.as_str()
                ),
            );
            hint(d, changed_hint());
        }
        let now = Entry::all(meeting);
        for was in &record.items {
            let Some((place, entry)) = now.iter().find(|(_, e)| e.number == was.number) else {
                let d = self.error(
                    &format!("{base}.items"),
                    msg!(
                        "facts-published-item-gone",
                        number = was.number,
                        title = &was.title,
                        published = published.as_str()
                    ),
                );
                hint(
                    d,
                    msg!("facts-published-item-gone-hint", file = file.display()),
                );
                continue;
            };
            let Some(field) = was.changed(entry) else {
                continue;
            };
            // At the field, or at the item where the field is gone.
            let d = self.error(
                &format!("{base}.{}.{field}", place.path()),
                msg!(
                    "facts-published-protocol-changed",
                    number = was.number,
                    field,
                    published = published.as_str()
                ),
            );
            if field == "decision"
                && let Some(decision) = &was.decision
            {
                hint(d, msg!("facts-published-decision-was", decision));
            }
            hint(d, changed_hint());
        }
        for (place, entry) in &now {
            if !record.items.iter().any(|was| was.number == entry.number) {
                let d = self.error(
                    &format!("{base}.{}", place.path()),
                    msg!(
                        "facts-published-item-added",
                        number = entry.number,
                        published = published.as_str()
                    ),
                );
                hint(d, msg!("facts-published-item-added-hint"));
            }
        }
        for c in &record.corrections {
            if !meeting.corrections.contains(c) {
                let d = self.error(
                    &format!("{base}.corrections"),
                    msg!("facts-published-correction-gone", date = c.date.to_string()),
                );
                hint(
                    d,
                    msg!(
                        "facts-published-correction-gone-hint",
                        file = file.display()
                    ),
                );
            }
        }
    }

    /// Every record of a published protocol names a meeting of the facts,
    /// by its own file name.
    pub(super) fn records(&mut self) {
        let folder = self.project.content_dir().join(protocol::DIR);
        let is_folder = std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir());
        let Some(entries) = is_folder.then(|| std::fs::read_dir(&folder).ok()).flatten() else {
            return;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| Some(name.strip_suffix(".yaml")?.to_owned()))
            .collect();
        names.sort();
        for id in names {
            let file = protocol::path_of(&id);
            // A meeting of a file that could not be read is not known to
            // be gone.
            let unread = self.unread.ids("meetings").any(|m| m == id);
            if self.facts.meeting(&id).is_none() && !unread && self.unread.files == 0 {
                self.problems.push(
                    Diagnostic::error(msg!("facts-protocol-record-orphan", id = id.as_str()))
                        .in_file(&file)
                        .hint(msg!("facts-protocol-record-orphan-hint")),
                );
                continue;
            }
            if let Ok(Some(record)) = protocol::read(self.project, &id)
                && record.meeting != id
            {
                self.problems.push(
                    Diagnostic::error(msg!(
                        "facts-protocol-record-misnamed",
                        meeting = record.meeting.as_str()
                    ))
                    .in_file(&file)
                    .hint(msg!("facts-protocol-record-misnamed-hint")),
                );
            }
        }
    }
}
