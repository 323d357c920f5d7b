//! `dokgen new application|meeting|document` inside a project: the facts,
//! the declaration and the prose of one more, with placeholders, in new
//! files (a project's own files are never rewritten). What each kind
//! writes is the kind's (`kinds`); here it is written, and taken back
//! again if the project would not build.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::write;
use crate::diagnostic::{Diagnostic, Error, Result, code_list};
use crate::kinds::{Draft, Registration, Wishes};
use crate::msg;
use crate::schema;
use crate::session::Session;

/// What to add: a document of one kind, as `dokgen new <word>` asks.
#[derive(Clone, Copy)]
pub struct Addition(&'static Registration);

impl std::fmt::Debug for Addition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Addition").field(&self.0.name).finish()
    }
}

impl Addition {
    /// The addition a word names: `application`, `meeting`, `document`
    /// (or `ansoegning`, `moede`, `dokument`).
    pub fn parse(word: &str) -> Option<Self> {
        Registration::by_word(word).map(Self)
    }

    /// What it adds, in words: "a letter of application".
    pub fn what(&self) -> crate::message::Message {
        (self.0.what)()
    }
}

/// Adds `what` to the project at `dir`; returns the files written,
/// relative to the project. Nothing is written if what is added cannot be
/// made at once (as a draft), or if a document that was made before no
/// longer would be (a letter that now needs a phase plan).
pub fn add(dir: &Path, what: Addition, wishes: &Wishes, today: NaiveDate) -> Result<Vec<PathBuf>> {
    let session = Session::open(dir)?;
    let date = wishes.date.unwrap_or(today);
    // The documents that were made before, which the addition must not
    // break.
    let fine: Vec<PathBuf> = session
        .documents()
        .iter()
        .filter(|d| session.render(d).is_ok())
        .map(|d| d.file.clone())
        .collect();
    let new = what
        .0
        .new
        .as_ref()
        .expect("a kind `dokgen new` names adds one");
    let files = (new.draft)(&Draft {
        facts: &session.content().facts,
        documents: session.documents(),
        templates: session.templates(),
        wishes,
        date,
    })?;
    let root = &session.project().root;
    let taken: Vec<String> = files
        .iter()
        .filter(|(path, _)| root.join(path).exists())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !taken.is_empty() {
        return Err(Diagnostic::error(msg!(
            "new-add-taken",
            files = code_list(&taken),
            count = taken.len()
        ))
        .hint(msg!("new-add-taken-hint"))
        .into());
    }
    // The folders this makes, to remove again if nothing is added.
    let mut made: Vec<PathBuf> = files
        .iter()
        .flat_map(|(path, _)| {
            root.join(path)
                .ancestors()
                .skip(1)
                .map(Path::to_path_buf)
                .collect::<Vec<_>>()
        })
        .filter(|dir| dir.starts_with(root) && !dir.exists())
        .collect();
    made.sort();
    made.dedup();
    made.sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
    let mut written: Vec<PathBuf> = files.iter().map(|(path, _)| path.clone()).collect();
    // What is added is a draft that is made at once, or nothing is added
    // (also where a file cannot be written).
    let added = files
        .iter()
        .try_for_each(|(path, text)| write(root, path, text))
        .and_then(|()| builds(dir, &written, &fine));
    match added {
        Ok(unprinted) => {
            // Prose the new document does not print in this project (the
            // BUM annex where there is no settlement) is not added.
            for (prose, declaration, key) in &unprinted {
                let _ = std::fs::remove_file(root.join(prose));
                let path = root.join(declaration);
                if let Ok(text) = std::fs::read_to_string(&path) {
                    let kept: String = text
                        .lines()
                        .filter(|l| !l.trim_start().starts_with(&format!("{key}: ")))
                        .map(|l| format!("{l}\n"))
                        .collect();
                    std::fs::write(&path, kept).map_err(|err| Error::io(&path, &err))?;
                }
                written.retain(|w| w != prose);
            }
            for dir in &made {
                let _ = std::fs::remove_dir(dir);
            }
            refresh_schemas(dir)?;
            Ok(written)
        }
        Err(err) => {
            for path in &written {
                let _ = std::fs::remove_file(root.join(path));
            }
            for dir in &made {
                let _ = std::fs::remove_dir(dir);
            }
            Err(err)
        }
    }
}

/// Writes the project's schemas again with its new ids, where they are a
/// project's own (`dokgen new` wrote them, or `dokgen schema --project`),
/// not the general ones.
fn refresh_schemas(dir: &Path) -> Result<()> {
    let facts = dir.join("schema").join(schema::Kind::Facts.file_name());
    let own =
        std::fs::read_to_string(&facts).is_ok_and(|text| text != schema::json(schema::Kind::Facts));
    if own {
        schema::write_for_project(&Session::open(dir)?)?;
    }
    Ok(())
}

/// Whether the project at `dir`, with the files `written`, still opens,
/// the documents declared among them render, and so do those that did
/// before (`fine`); if so, the prose files among `written` that the new
/// documents do not print, each with its declaration and key (a template
/// may place a text only where the project has the facts for it).
fn builds(
    dir: &Path,
    written: &[PathBuf],
    fine: &[PathBuf],
) -> Result<Vec<(PathBuf, PathBuf, String)>> {
    let session = Session::open(dir)?;
    let mut problems = Vec::new();
    let mut unprinted = Vec::new();
    for document in session.documents() {
        let err = match session.render(document) {
            Ok(rendered) => {
                if written.contains(&document.file) {
                    let printed = rendered.printed_prose();
                    for (key, prose) in &document.spec.prose {
                        let file = Path::new("content").join(prose);
                        if written.contains(&file) && !printed.contains(&file) {
                            unprinted.push((file, document.file.clone(), key.clone()));
                        }
                    }
                }
                continue;
            }
            Err(err) => err,
        };
        let hint = if written.contains(&document.file) {
            msg!("new-add-template-needs")
        } else if fine.contains(&document.file) {
            msg!("new-add-would-break", file = document.file.display())
        } else {
            continue;
        };
        let mut errors = err.into_diagnostics();
        if let Some(first) = errors.first_mut() {
            *first = first.clone().hint(hint);
        }
        problems.extend(errors);
    }
    match problems.is_empty() {
        true => Ok(unprinted),
        false => Err(Error::from(problems)),
    }
}
