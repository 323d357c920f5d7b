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

use super::model::{Conflict, Correction, Dissent, Meeting, PartAttendance, Substitute, Vote};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::message::Lang;
use crate::msg;
use crate::project::{FileKind, Project};

/// The folder of the records, in the project's `content/`.
pub(crate) const DIR: &str = "protokol";

/// The longest id of a meeting whose protocol is recorded: its record's
/// file name is the id, which a file system takes up to 255 bytes.
pub(crate) const LONGEST_ID: usize = 100;

/// What a published protocol said: who was there, and what it recorded of
/// each item and standard item; and the corrections added to it since,
/// which may only grow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Record {
    /// The meeting, by id.
    pub meeting: String,
    /// When the protocol was published.
    pub published: NaiveDate,
    /// Who was there and who was not.
    pub attendance: Attendance,
    /// Each item and standard item as the protocol recorded it, by the
    /// number the agenda prints.
    pub items: Vec<Entry>,
    /// The corrections added since it was published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// The attendance a protocol records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Attendance {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent_without_notice: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub substitutes: Vec<Substitute>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partly: Vec<PartAttendance>,
}

impl Attendance {
    /// The attendance the facts give for `meeting`.
    pub(crate) fn of(meeting: &Meeting) -> Self {
        Attendance {
            absent: meeting.absent.clone(),
            absent_without_notice: meeting.absent_without_notice.clone(),
            substitutes: meeting.substitutes.clone(),
            partly: meeting.partly.clone(),
        }
    }

    /// The field of the meeting that differs from `now`: `absent`,
    /// `absent_without_notice`, `substitutes` or `partly`.
    pub(crate) fn changed(&self, now: &Attendance) -> Option<&'static str> {
        [
            ("absent", self.absent == now.absent),
            (
                "absent_without_notice",
                self.absent_without_notice == now.absent_without_notice,
            ),
            ("substitutes", self.substitutes == now.substitutes),
            ("partly", self.partly == now.partly),
        ]
        .into_iter()
        .find_map(|(field, same)| (!same).then_some(field))
    }
}

/// What the protocol says of one item or standard item: its title, its
/// recommendations, its decision (and, for a closed item, what may be
/// published of it), the vote, the dissents and the conflicts of interest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    /// The number the agenda prints.
    pub number: u32,
    /// The title, as the facts write it.
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_decision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dissents: Vec<Dissent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicted: Vec<Conflict>,
}

/// Where an entry of the record stands in the facts: an item (by its
/// index in `items`) or a standard item (in `standard_items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Item(usize),
    Standard(usize),
}

impl Place {
    /// Its path below the meeting: `items[2]`, `standard_items[0]`.
    pub(crate) fn path(self) -> String {
        match self {
            Place::Item(i) => format!("items[{i}]"),
            Place::Standard(i) => format!("standard_items[{i}]"),
        }
    }
}

impl Entry {
    /// Every entry the facts give for `meeting`, with its place, in the
    /// order of the numbers.
    pub(crate) fn all(meeting: &Meeting) -> Vec<(Place, Entry)> {
        let mut all: Vec<(Place, Entry)> = (0..meeting.items.len())
            .map(|i| (Place::Item(i), Entry::item(meeting, i)))
            .chain(
                (0..meeting.standard_items.len())
                    .map(|i| (Place::Standard(i), Entry::standard(meeting, i))),
            )
            .collect();
        all.sort_by_key(|(_, e)| e.number);
        all
    }

    /// The entry of `meeting`'s item at `index`.
    fn item(meeting: &Meeting, index: usize) -> Self {
        let item = &meeting.items[index];
        Entry {
            number: meeting.number_of(index) as u32,
            title: item.title.clone(),
            recommendations: item.recommendations.clone(),
            decision: item.decision.clone(),
            public_decision: item.closed.as_ref().and_then(|c| c.public_decision.clone()),
            vote: item.vote.clone(),
            dissents: item.dissents.clone(),
            conflicted: item.conflicted.clone(),
        }
    }

    /// The entry of `meeting`'s standard item at `index`.
    fn standard(meeting: &Meeting, index: usize) -> Self {
        let item = &meeting.standard_items[index];
        Entry {
            number: meeting.standard_number(index) as u32,
            title: item.title.clone(),
            recommendations: Vec::new(),
            decision: item.decision.clone(),
            public_decision: None,
            vote: None,
            dissents: Vec::new(),
            conflicted: Vec::new(),
        }
    }

    /// The field of the entry that differs from `now`, by its name in the
    /// facts.
    pub(crate) fn changed(&self, now: &Entry) -> Option<&'static str> {
        [
            ("title", self.title == now.title),
            (
                "recommendations",
                self.recommendations == now.recommendations,
            ),
            ("decision", self.decision == now.decision),
            (
                "closed.public_decision",
                self.public_decision == now.public_decision,
            ),
            ("vote", self.vote == now.vote),
            ("dissents", self.dissents == now.dissents),
            ("conflicted", self.conflicted == now.conflicted),
        ]
        .into_iter()
        .find_map(|(field, same)| (!same).then_some(field))
    }
}

impl Record {
    /// The record of `meeting`'s protocol as the facts give it now, dated
    /// `published`.
    pub(crate) fn of(meeting: &Meeting, published: NaiveDate) -> Self {
        Record {
            meeting: meeting.id.to_string(),
            published,
            attendance: Attendance::of(meeting),
            items: Entry::all(meeting).into_iter().map(|(_, e)| e).collect(),
            corrections: meeting.corrections.clone(),
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
    // An id that is not one (the checks say so) names no file.
    if !crate::id::is_valid(id) {
        return Ok(None);
    }
    let path = project.root.join(path_of(id));
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let text = project.read_text(&path, FileKind::Facts)?;
    crate::yaml::from_str(&text, &path_of(id)).map(Some)
}

/// Writes the record of each meeting of `meetings` whose protocol is
/// published and not yet recorded, and adds to a record the corrections
/// entered since; the files written, relative to the project folder. A
/// record is only ever added to: what it holds stays, and what differs
/// from it is the checks' to refuse (they ran before).
pub(crate) fn record(project: &Project, meetings: &[Meeting]) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for meeting in meetings {
        let Some(published) = meeting
            .published
            .filter(|_| crate::id::is_valid(&meeting.id) && meeting.id.len() <= LONGEST_ID)
        else {
            continue;
        };
        let relative = path_of(&meeting.id);
        let path = project.root.join(&relative);
        let record = match read(project, &meeting.id)? {
            None => Record::of(meeting, published),
            Some(mut kept) => {
                let new: Vec<&Correction> = meeting
                    .corrections
                    .iter()
                    .filter(|c| !kept.corrections.contains(c))
                    .collect();
                if new.is_empty() {
                    continue;
                }
                kept.corrections.extend(new.into_iter().cloned());
                kept
            }
        };
        project.write_inside(&path, record.text()?.as_bytes())?;
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
        // The standard items and the items, by number.
        let numbers: Vec<u32> = record.items.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert_eq!(m.numbers(), [1, 2, 3, 4, 5]);
        let mut changed = m.clone();
        let now = |m: &Meeting| {
            Entry::all(m)
                .into_iter()
                .map(|(_, e)| e)
                .collect::<Vec<_>>()
        };
        assert_eq!(record.items[1].changed(&now(&changed)[1]), None);
        changed.items[0].decision = Some("Tiltrådt.".to_owned());
        assert_eq!(record.items[1].changed(&now(&changed)[1]), Some("decision"));
        changed.items[0].title = "A2".to_owned();
        assert_eq!(record.items[1].changed(&now(&changed)[1]), Some("title"));
        changed.absent.push("Lone Bang".to_owned());
        assert_eq!(
            record.attendance.changed(&Attendance::of(&changed)),
            Some("absent")
        );
        // The record reads back as it was written.
        let text = record.text().unwrap();
        let read: Record = serde_yaml::from_str(&text).unwrap();
        assert_eq!(read, record);
    }
}
