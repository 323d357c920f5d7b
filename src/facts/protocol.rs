//! The record of a published protocol.
//!
//! A protocol that has been approved and published is a document of
//! record: what it says of an item may be corrected only by an addition,
//! never changed (kommunestyrelseslovens § 13; the same holds for an
//! electronic protocol). The facts are edited freely, so dokgen keeps what
//! a protocol said when it was published: `dokgen build` writes
//! `content/protokol/<meeting>.yaml` the first time it meets a meeting with
//! `published`, and from then on `dokgen check` refuses facts whose entry
//! for an item differs from the record. The record is a file of the
//! project, to keep under version control with the facts; like everything
//! in a project it is read as data, through the project's door.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Conflict, Dissent, Meeting, Vote};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::message::Lang;
use crate::msg;
use crate::project::{FileKind, Project};

/// The folder of the records, in the project's `content/`.
pub(crate) const DIR: &str = "protokol";

/// What a published protocol said of each of its meeting's items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Record {
    /// The meeting, by id.
    pub meeting: String,
    /// When the protocol was published.
    pub published: NaiveDate,
    /// Each item as the protocol recorded it.
    pub items: Vec<Entry>,
}

/// What the protocol says of one item: its decision, the vote, the
/// dissents and the conflicts of interest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    /// The number the agenda prints.
    pub number: u32,
    /// The item's title, as the facts write it.
    pub title: String,
    /// The decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// The vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    /// The dissents entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dissents: Vec<Dissent>,
    /// The members with a conflict of interest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicted: Vec<Conflict>,
}

impl Entry {
    /// The entry the facts give for `meeting`'s item at `index`.
    pub(crate) fn of(meeting: &Meeting, index: usize) -> Self {
        let item = &meeting.items[index];
        Entry {
            number: meeting.number_of(index) as u32,
            title: item.title.clone(),
            decision: item.decision.clone(),
            vote: item.vote.clone(),
            dissents: item.dissents.clone(),
            conflicted: item.conflicted.clone(),
        }
    }

    /// What of the entry differs from `now`, by the field's name:
    /// `decision`, `vote`, `dissents` or `conflicted`.
    pub(crate) fn changed(&self, now: &Entry) -> Option<&'static str> {
        if self.decision != now.decision {
            Some("decision")
        } else if self.vote != now.vote {
            Some("vote")
        } else if self.dissents != now.dissents {
            Some("dissents")
        } else if self.conflicted != now.conflicted {
            Some("conflicted")
        } else {
            None
        }
    }
}

impl Record {
    /// The record of `meeting`'s protocol as the facts give it now, dated
    /// `published`.
    pub(crate) fn of(meeting: &Meeting, published: NaiveDate) -> Self {
        Record {
            meeting: meeting.id.to_string(),
            published,
            items: (0..meeting.items.len())
                .map(|i| Entry::of(meeting, i))
                .collect(),
        }
    }

    /// The record as its file holds it: a comment saying what it is, then
    /// the YAML.
    fn text(&self) -> Result<String> {
        let yaml = serde_yaml::to_string(self)
            .map_err(|e| Error::from(Diagnostic::error(msg!("io-other", text = e.to_string()))))?;
        let lang = Lang::current();
        let comment: String = msg!(
            "facts-protocol-record-comment",
            meeting = self.meeting.as_str(),
            published = self.published.to_string()
        )
        .text(lang)
        .lines()
        .map(|line| format!("# {line}\n"))
        .collect();
        Ok(format!("{comment}{yaml}"))
    }
}

/// Where the record of the meeting `id`'s protocol is kept, relative to
/// the project folder.
pub(crate) fn path_of(id: &str) -> PathBuf {
    Path::new("content").join(DIR).join(format!("{id}.yaml"))
}

/// The record of the meeting `id`'s protocol, if the project keeps one.
pub(crate) fn read(project: &Project, id: &str) -> Result<Option<Record>> {
    let path = project.root.join(path_of(id));
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let text = project.read_text(&path, FileKind::Facts)?;
    crate::yaml::from_str(&text, &path_of(id)).map(Some)
}

/// Writes the record of each meeting of `meetings` whose protocol is
/// published and not yet recorded; the files written, relative to the
/// project folder.
pub(crate) fn record(project: &Project, meetings: &[Meeting]) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for meeting in meetings {
        let Some(published) = meeting.published else {
            continue;
        };
        let relative = path_of(&meeting.id);
        let path = project.root.join(&relative);
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        let text = Record::of(meeting, published).text()?;
        project.write_inside(&path, text.as_bytes())?;
        written.push(relative);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A meeting with a standard item first and last, two items and a
    /// supplementary one.
    fn meeting() -> Meeting {
        serde_yaml::from_str(
            r#"
id: m
date: 2021-01-28
body: Kommunalbestyrelsen
kind: møde
subject: s
standard_items:
  - { title: Godkendelse af dagsorden }
  - { title: Eventuelt, position: last }
items:
  - { title: A, case_number: "1", recommendations: [a], decision: Godkendt. }
  - { title: B, case_number: "2", recommendations: [b], decision: Godkendt. }
  - title: C
    case_number: "3"
    recommendations: [c]
    decision: Godkendt.
    supplementary: { reason: Fristen udløber. }
"#,
        )
        .expect("a meeting")
    }

    #[test]
    fn a_supplementary_item_is_numbered_on_from_the_whole_agenda() {
        let m = meeting();
        assert_eq!(m.regular(), 2);
        let numbers: Vec<usize> = (0..3).map(|i| m.number_of(i)).collect();
        // 1 is the approval of the agenda, 4 "Eventuelt".
        assert_eq!(numbers, [2, 3, 5]);
        assert_eq!(m.item_numbered(5).map(|(i, _)| i), Some(2));
        assert!(m.item_numbered(4).is_none());
        assert!(m.item_numbered(1).is_none());
    }

    #[test]
    fn a_record_tells_which_part_of_an_entry_changed() {
        let m = meeting();
        let record = Record::of(&m, "2021-01-29".parse().unwrap());
        assert_eq!(record.items[2].number, 5);
        let mut changed = m.clone();
        assert_eq!(record.items[0].changed(&Entry::of(&changed, 0)), None);
        changed.items[0].decision = Some("Tiltrådt.".to_owned());
        assert_eq!(
            record.items[0].changed(&Entry::of(&changed, 0)),
            Some("decision")
        );
        // The record reads back as it was written.
        let text = record.text().unwrap();
        let read: Record = serde_yaml::from_str(&text).unwrap();
        assert_eq!(read, record);
    }
}
