//! `dokgen new`: a project for a new cooperation, from a few answers.
//!
//! Takes [`Answers`] (asked on a terminal by [`ask`], or read from an
//! answers file or the command line) and gives the files of a project that
//! `dokgen build` makes at once: `dokgen.yaml`, the fact files, the
//! application's declaration and prose, the JSON Schemas the files name
//! for editors, and a README saying what to do next. Every fact the answers
//! cannot give is a visible placeholder (`[indsæt …]`) and the application
//! is a draft, so the first build is a draft PDF and `dokgen check` lists
//! what is left to fill in, each at its file and line.
//!
//! The Danish of the files is in [`files`]; this module decides what they
//! say.

mod add;
pub mod ask;
mod files;

pub use crate::kinds::Wishes;
pub use add::{Addition, add};

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Error, Result, code_list};
use crate::msg;
use crate::schema;

pub use crate::kinds::letter::default_ministry;

/// What shapes a new case.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// The project's name [default: "Forpligtende samarbejde A–B"].
    #[serde(default)]
    pub name: Option<String>,
    /// The member municipalities, by their short names: `[Ærø, Svendborg]`.
    pub members: Vec<String>,
    /// The task areas of the cooperation.
    pub areas: Vec<AreaAnswer>,
    /// The areas the first application takes out of the cooperation, by
    /// name: every area if not given, and then the cooperation ends.
    #[serde(default)]
    pub leaving: Vec<String>,
    /// The first application's date [default: today].
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// From when it asks the areas to leave [default: 1 January after its
    /// date].
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// The ministry it is addressed to [default: the one responsible on
    /// the date, [`default_ministry`]].
    #[serde(default)]
    pub ministry: Option<String>,
}

/// A task area, as the answers give it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AreaAnswer {
    /// Its name in running text: "natur og miljø".
    pub name: String,
    /// The member that carries out its tasks, by short name.
    pub carried_out_by: String,
    /// The members it does so for, by short name: all if empty.
    #[serde(default)]
    pub on_behalf_of: Vec<String>,
    /// The member that keeps the political competence, if not the one that
    /// carries out the tasks.
    #[serde(default)]
    pub competence: Option<String>,
}

/// A member municipality of the new project.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Member {
    id: String,
    short_name: String,
}

/// A task area of the new project, with ids resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Area {
    id: String,
    name: String,
    carried_out_by: String,
    on_behalf_of: Vec<String>,
    competence: Option<String>,
}

/// The case the files describe: the answers checked, with ids.
#[derive(Debug, Clone)]
struct Case {
    name: String,
    members: Vec<Member>,
    areas: Vec<Area>,
    /// Ids of the areas the first application takes out.
    leaving: Vec<String>,
    ends: bool,
    date: NaiveDate,
    start: NaiveDate,
    ministry: String,
}

impl Answers {
    /// Reads an answers file (YAML, with the fields of [`Answers`]).
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, &err))?;
        crate::yaml::from_str(&text, path)
    }
}

/// An id from a name, as the fact files write ids: lower-case ASCII,
/// Danish letters spelt out (æ ae, ø oe, å aa), other signs as `-`.
pub use crate::id::from_name as id_of;

impl Case {
    /// Checks `answers` and gives them ids; `today` is the default date.
    fn from(answers: &Answers, today: NaiveDate) -> Result<Self> {
        let mut problems = Vec::new();
        let members: Vec<Member> = answers
            .members
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .map(|n| Member {
                id: id_of(n),
                short_name: n.strip_suffix(" Kommune").unwrap_or(n).to_owned(),
            })
            .collect();
        if members.len() < 2 {
            problems.push(
                Diagnostic::error(msg!("new-too-few-members"))
                    .hint(msg!("new-too-few-members-hint")),
            );
        }
        for (i, m) in members.iter().enumerate() {
            let member = &m.short_name;
            if m.id.is_empty() {
                problems.push(Diagnostic::error(msg!("new-member-no-letters", member)));
            } else if members[..i].iter().any(|o| o.id == m.id) {
                problems.push(Diagnostic::error(msg!("new-member-twice", member)));
            }
        }
        let member = |member: &str, area: &str, problems: &mut Vec<Diagnostic>| {
            let id = id_of(member.strip_suffix(" Kommune").unwrap_or(member));
            if members.iter().any(|m| m.id == id) {
                Some(id)
            } else {
                let names: Vec<&str> = members.iter().map(|m| m.short_name.as_str()).collect();
                problems.push(
                    Diagnostic::error(msg!("new-area-not-a-member", area, member))
                        .hint(msg!("new-members-are", members = code_list(&names))),
                );
                None
            }
        };
        let mut areas: Vec<Area> = Vec::new();
        for a in &answers.areas {
            let name = a.name.trim().to_owned();
            let id = id_of(&name);
            if id.is_empty() {
                problems.push(Diagnostic::error(msg!("new-area-no-letters", area = &name)));
                continue;
            }
            if areas.iter().any(|o| o.id == id) {
                problems.push(Diagnostic::error(msg!("new-area-twice", area = &name)));
                continue;
            }
            let carried_out_by = member(&a.carried_out_by, &name, &mut problems);
            let on_behalf_of: Vec<String> = a
                .on_behalf_of
                .iter()
                .filter_map(|n| member(n, &name, &mut problems))
                .collect();
            let competence = a
                .competence
                .as_deref()
                .and_then(|n| member(n, &name, &mut problems));
            areas.push(Area {
                id,
                name,
                carried_out_by: carried_out_by.unwrap_or_default(),
                on_behalf_of,
                competence,
            });
        }
        if answers.areas.is_empty() {
            problems.push(Diagnostic::error(msg!("new-no-areas")).hint(msg!("new-no-areas-hint")));
        }
        let mut leaving = Vec::new();
        for name in &answers.leaving {
            let id = id_of(name);
            match areas.iter().find(|a| a.id == id) {
                Some(a) => leaving.push(a.id.clone()),
                None => {
                    let names: Vec<&str> = areas.iter().map(|a| a.name.as_str()).collect();
                    problems.push(
                        Diagnostic::error(msg!("new-leaving-unknown", area = name))
                            .hint(msg!("new-areas-are", areas = code_list(&names))),
                    );
                }
            }
        }
        if leaving.is_empty() {
            leaving = areas.iter().map(|a| a.id.clone()).collect();
        }
        let date = answers.date.unwrap_or(today);
        let start = answers.start.unwrap_or_else(|| {
            NaiveDate::from_ymd_opt(chrono::Datelike::year(&date) + 1, 1, 1).unwrap_or(date)
        });
        if start <= date {
            problems.push(
                Diagnostic::error(msg!(
                    "new-start-not-after-date",
                    start = start.to_string(),
                    date = date.to_string()
                ))
                .hint(msg!("new-start-not-after-date-hint")),
            );
        }
        if let Some(err) = Error::many(problems.into_iter().map(Error::from)) {
            return Err(err);
        }
        let short: Vec<&str> = members.iter().map(|m| m.short_name.as_str()).collect();
        let name = answers
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| format!("Forpligtende samarbejde {}", short.join("–")));
        let ends = leaving.len() == areas.len();
        Ok(Self {
            name,
            members,
            areas,
            leaving,
            ends,
            date,
            start,
            ministry: answers
                .ministry
                .clone()
                .filter(|m| !m.trim().is_empty())
                .unwrap_or_else(|| default_ministry(date).to_owned()),
        })
    }

    /// The members an application for the leaving areas concerns: those
    /// that carry them out and those they are carried out for, in the
    /// members' order.
    fn applicants(&self) -> Vec<&Member> {
        self.members
            .iter()
            .filter(|m| {
                self.areas
                    .iter()
                    .filter(|a| self.leaving.contains(&a.id))
                    .any(|a| {
                        a.on_behalf_of.is_empty()
                            || a.carried_out_by == m.id
                            || a.on_behalf_of.contains(&m.id)
                    })
            })
            .collect()
    }
}

/// Writes a new project for `answers` into `dir`, which must not exist or
/// be empty; returns the files written, relative to `dir`. `today` is the
/// application's date unless the answers give one.
pub fn create(dir: &Path, answers: &Answers, today: NaiveDate) -> Result<Vec<PathBuf>> {
    let case = Case::from(answers, today)?;
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied || (dir.exists() && !dir.is_dir()) {
        return Err(Diagnostic::error(msg!("new-dir-occupied", dir))
            .hint(msg!("new-dir-occupied-hint"))
            .into());
    }
    let mut written = Vec::new();
    for (path, text) in files::project(&case) {
        write(dir, &path, &text)?;
        written.push(path);
    }
    // The schemas know the new project's ids (`dokgen schema --project`
    // writes them again when there are more).
    let known = crate::session::Session::open(dir)
        .map(|session| schema::Known::of(&session))
        .unwrap_or_default();
    for kind in schema::Kind::ALL {
        let path = Path::new("schema").join(kind.file_name());
        write(dir, &path, &schema::json_for(kind, &known))?;
        written.push(path);
    }
    Ok(written)
}

/// Writes `text` to `dir/path`, making its folders.
fn write(dir: &Path, path: &Path, text: &str) -> Result<()> {
    let full = dir.join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, &err))?;
    }
    std::fs::write(&full, text).map_err(|err| Error::io(&full, &err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    #[test]
    fn answers_that_do_not_fit_are_refused_in_either_language() {
        let answers = Answers {
            name: None,
            members: vec!["Ærø".into(), "Svendborg".into(), "ærø".into()],
            areas: vec![AreaAnswer {
                name: "natur og miljø".into(),
                carried_out_by: "Fanø".into(),
                on_behalf_of: Vec::new(),
                competence: None,
            }],
            leaving: vec!["skole".into()],
            date: None,
            start: NaiveDate::from_ymd_opt(2026, 1, 1),
            ministry: None,
        };
        let err = Case::from(&answers, today()).unwrap_err();
        let ids: Vec<&str> = err.diagnostics().iter().map(|d| d.message.id()).collect();
        assert_eq!(
            ids,
            [
                "new-member-twice",
                "new-area-not-a-member",
                "new-leaving-unknown",
                "new-start-not-after-date"
            ]
        );
        let fanoe = &err.diagnostics()[1];
        assert_eq!(
            fanoe.message.text(Lang::En),
            "the area `natur og miljø`: `Fanø` is not a member"
        );
        assert_eq!(
            fanoe.message.text(Lang::Da),
            "området `natur og miljø`: `Fanø` er ikke medlem af samarbejdet"
        );
        assert_eq!(
            fanoe.hints[0].text(Lang::Da),
            "medlemmerne er `Ærø`, `Svendborg`, `ærø`"
        );
    }

    #[test]
    fn a_folder_with_something_in_it_is_not_made_a_project() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("noget.txt"), "mit").unwrap();
        let answers = Answers {
            name: None,
            members: vec!["Ærø".into(), "Svendborg".into()],
            areas: vec![AreaAnswer {
                name: "natur og miljø".into(),
                carried_out_by: "Svendborg".into(),
                on_behalf_of: Vec::new(),
                competence: None,
            }],
            leaving: Vec::new(),
            date: None,
            start: None,
            ministry: None,
        };
        let err = create(dir.path(), &answers, today()).unwrap_err();
        let refusal = &err.diagnostics()[0];
        assert!(
            refusal
                .message
                .text(Lang::En)
                .ends_with("exists and is not an empty folder")
        );
        assert!(
            refusal
                .message
                .text(Lang::Da)
                .ends_with("findes allerede og er ikke en tom mappe")
        );
    }
}
