//! Checks of a meeting's paper trail over time: the supplementary agenda
//! (items added after the agenda went out come last and say why they
//! cannot wait), the corrections of a protocol, and a published
//! protocol's record (what it said of an item is never changed, only
//! corrected by addition).

use super::{Validator, hint};
use crate::facts::model::Meeting;
use crate::facts::protocol::{self, Entry};
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
            if let Some(number) = c.item
                && meeting.item_numbered(number).is_none()
            {
                let numbers: Vec<String> = (0..meeting.items.len())
                    .map(|j| meeting.number_of(j).to_string())
                    .collect();
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

    /// What a published protocol said of each item is what the facts say
    /// now: its record, where the project keeps one, is compared item by
    /// item.
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
        for was in &record.items {
            let Some((j, _)) = meeting.item_numbered(was.number) else {
                let d = self.error(
                    &format!("{base}.items"),
                    msg!(
                        "facts-published-item-gone",
                        number = was.number,
                        title = &was.title,
                        published = record.published.to_string()
                    ),
                );
                hint(
                    d,
                    msg!("facts-published-item-gone-hint", file = file.display()),
                );
                continue;
            };
            let now = Entry::of(meeting, j);
            if let Some(field) = was.changed(&now) {
                // At the field, or at the item where the field is gone.
                let d = self.error(
                    &format!("{base}.items[{j}].{field}"),
                    msg!(
                        "facts-published-protocol-changed",
                        number = was.number,
                        field,
                        published = record.published.to_string()
                    ),
                );
                if field == "decision"
                    && let Some(decision) = &was.decision
                {
                    hint(d, msg!("facts-published-decision-was", decision));
                }
                hint(
                    d,
                    msg!(
                        "facts-published-protocol-changed-hint",
                        file = file.display()
                    ),
                );
            }
        }
    }
}
