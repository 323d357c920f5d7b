//! Where every fact came from: which file, and where in it each value
//! stands, so that a check of the merged facts can point at the line a
//! person wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::Location;
use crate::yaml::Positions;

/// Which file each fact came from, and where in it each value stands.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sources {
    /// Each file's text and, made on first use (only messages need it),
    /// the positions of its values.
    files: BTreeMap<PathBuf, (String, OnceLock<Positions>)>,
    /// Merged path prefix → (file, path prefix in that file). They differ
    /// for list items: the third meeting overall may be the first of its
    /// file.
    origins: Vec<(String, PathBuf, String)>,
}

impl Sources {
    /// Where the value at `path` of the merged facts stands
    /// (`applications.ansoegning-1.areas[2]`), or its nearest parent.
    pub(crate) fn value(&self, path: &str) -> Option<Location> {
        let (file, file_path) = self.origin(path)?;
        self.value_in(&file, &file_path)
    }

    /// Where the value at exactly `path` of the merged facts stands, if a
    /// file gives one there (no parent stands in for it).
    pub(crate) fn exact_value(&self, path: &str) -> Option<Location> {
        let (file, file_path) = self.origin(path)?;
        let (text, positions) = self.files.get(&file)?;
        let positions = positions.get_or_init(|| Positions::of(text));
        positions
            .exact(&file_path)
            .map(|at| location(&file, text, at))
    }

    /// Where the value at `path` of the given file stands, if the file
    /// gives one exactly there.
    pub(crate) fn exact_value_in(&self, file: &Path, path: &str) -> Option<Location> {
        let (text, positions) = self.files.get(file)?;
        let positions = positions.get_or_init(|| Positions::of(text));
        positions.exact(path).map(|at| location(file, text, at))
    }

    /// Where the key of the entry at `path` stands (for unknown or
    /// misplaced entries), or its value.
    pub(crate) fn key(&self, path: &str) -> Option<Location> {
        let (file, file_path) = self.origin(path)?;
        self.key_in(&file, &file_path)
    }

    /// Where the key of the entry at `path` of the given file stands.
    pub(crate) fn key_in(&self, file: &Path, path: &str) -> Option<Location> {
        let (text, positions) = self.files.get(file)?;
        let positions = positions.get_or_init(|| Positions::of(text));
        positions.key(path).map(|at| location(file, text, at))
    }

    /// Where the value at `path` of the given file stands.
    pub(crate) fn value_in(&self, file: &Path, path: &str) -> Option<Location> {
        let (text, positions) = self.files.get(file)?;
        let positions = positions.get_or_init(|| Positions::of(text));
        positions.value(path).map(|at| location(file, text, at))
    }

    /// The file the fact at `path` comes from.
    pub(crate) fn file_of(&self, path: &str) -> Option<PathBuf> {
        self.origin(path).map(|(file, _)| file)
    }

    fn origin(&self, path: &str) -> Option<(PathBuf, String)> {
        self.origins
            .iter()
            .filter(|(prefix, ..)| {
                path.strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
            .max_by_key(|(prefix, ..)| prefix.len())
            .map(|(prefix, file, file_prefix)| {
                (
                    file.clone(),
                    format!("{file_prefix}{}", &path[prefix.len()..]),
                )
            })
    }

    /// Where `text` stands in the YAML files read, in the order of the
    /// files; not in comments, which are no facts.
    pub(crate) fn find_text(&self, text: &str) -> Vec<Location> {
        let mut found = Vec::new();
        for (file, (content, _)) in &self.files {
            for (at, _) in content.match_indices(text) {
                let line = content[..at].matches('\n').count() + 1;
                let start = content[..at].rfind('\n').map_or(0, |n| n + 1);
                if in_comment(&content[start..at]) {
                    continue;
                }
                found.push(Location {
                    file: file.clone(),
                    line,
                    column: content[start..at].chars().count() + 1,
                    snippet: content[start..]
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .trim_end()
                        .to_owned(),
                });
            }
        }
        found
    }

    /// Every YAML file read, relative to the project, sorted.
    pub(crate) fn files(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }

    pub(crate) fn add_file(&mut self, file: &Path, text: String) {
        self.files
            .insert(file.to_path_buf(), (text, OnceLock::new()));
    }

    pub(super) fn add_origin(&mut self, merged: String, file: &Path, in_file: String) {
        self.origins.push((merged, file.to_path_buf(), in_file));
    }
}

fn location(file: &Path, text: &str, (line, column): (usize, usize)) -> Location {
    Location {
        file: file.to_path_buf(),
        line,
        column,
        snippet: text
            .lines()
            .nth(line - 1)
            .unwrap_or_default()
            .trim_end()
            .to_owned(),
    }
}

/// Whether the end of `line` (from its start up to a place in it) lies in
/// a YAML comment: after a `#` that begins the line or follows a space,
/// outside a quoted scalar (a quote begins one only where a value begins,
/// so the apostrophe of "PDF'en" does not).
fn in_comment(line: &str) -> bool {
    let mut quote = None;
    let mut previous = ' ';
    for c in line.chars() {
        match (quote, c) {
            (None, '#') if previous.is_whitespace() => return true,
            (None, '"' | '\'') if previous.is_whitespace() || "[{,:".contains(previous) => {
                quote = Some(c);
            }
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        previous = c;
    }
    false
}
