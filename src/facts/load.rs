//! Reading the fact files of `content/`: each merged into one set of
//! facts ([`FactReader`]), with where each fact came from ([`Sources`]),
//! so later checks can point at its line; and the Markdown files the facts
//! name. Which files there are, and which of them are declarations rather
//! than facts, is told here too; the declarations themselves are read with
//! their kinds (`kinds`).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use super::model::{FactFile, Facts, Id, ProsePath};
use super::sources::Sources;
use crate::diagnostic::{Diagnostic, Location};
use crate::msg;
use crate::project::{FileKind, Project};
use crate::yaml;

/// The folder under `content/` that holds document declarations.
pub(crate) const DOCUMENTS_DIR: &str = "documents";

/// The ids defined by fact files that could not be read (a misspelt field,
/// a wrong type), read again leniently, so that the references of the
/// other files to them are not reported as unknown and every error is
/// found in one run.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unread {
    /// How many fact files could not be read.
    pub files: usize,
    /// Whether a file is not even YAML, or two files define one thing:
    /// then nothing can be said of references, and only the files'
    /// own problems are reported.
    pub unknowable: bool,
    /// Their ids, by what they name: `municipality`, `application`,
    /// `area`, `meeting`.
    pub ids: BTreeMap<&'static str, Vec<String>>,
}

impl Unread {
    /// Reads the ids of `text`, a fact file that could not be read as
    /// facts, as far as it is YAML at all.
    fn read(&mut self, text: &str) {
        self.files += 1;
        let Some(value) = crate::yaml::value(text) else {
            self.unknowable = true;
            return;
        };
        let keys = |section: &str| -> Vec<String> {
            value[section]
                .as_mapping()
                .map(|m| {
                    m.keys()
                        .filter_map(|k| k.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let ids_in = |list: &serde_yaml::Value| -> Vec<String> {
            list.as_sequence()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|item| item["id"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let found = [
            ("municipality", keys("municipalities")),
            ("application", keys("applications")),
            ("area", ids_in(&value["cooperation"]["areas"])),
            ("meeting", ids_in(&value["meetings"])),
        ];
        for (what, ids) in found {
            self.ids.entry(what).or_default().extend(ids);
        }
    }

    /// The ids of `what` that unread files define.
    pub(crate) fn ids(&self, what: &str) -> impl Iterator<Item = &str> {
        self.ids.get(what).into_iter().flatten().map(String::as_str)
    }
}

/// The fact files of a project as they are read, merged into one set of
/// facts: a file that cannot be read has its problems told, and its ids
/// read leniently ([`Unread`]).
#[derive(Default)]
pub(crate) struct FactReader {
    facts: Facts,
    /// Every YAML file read, facts and declarations.
    pub sources: Sources,
    /// Which file gave each single section.
    singles: BTreeMap<&'static str, PathBuf>,
    unread: Unread,
}

impl FactReader {
    /// Nothing read yet.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Reads the fact file `file` (relative to the project) from its
    /// `text` and merges it into the facts; its problems go to `problems`.
    /// Its text must be among the sources already.
    pub(crate) fn read(&mut self, text: &str, file: &Path, problems: &mut Vec<Diagnostic>) {
        match yaml::from_str::<FactFile>(text, file) {
            Ok(read) => {
                let before = problems.len();
                let mut merger = Merger {
                    sources: &mut self.sources,
                    singles: &mut self.singles,
                    problems,
                    file,
                };
                merger.merge(&mut self.facts, read);
                // Defined twice: which definition the references mean
                // cannot be told.
                self.unread.unknowable |= problems.len() > before;
            }
            Err(e) => {
                problems.extend(e.into_diagnostics());
                self.unread.read(text);
            }
        }
    }

    /// Counts a fact file whose text could not be read at all (not UTF-8,
    /// a character that does not show, over its limit): what it defines
    /// is not known, so nothing can be said of references.
    pub(crate) fn unreadable(&mut self) {
        self.unread.files += 1;
        self.unread.unknowable = true;
    }

    /// The merged facts, where each came from, and the ids of the files
    /// that could not be read.
    pub(crate) fn finish(mut self) -> (Facts, Sources, Unread) {
        super::ministry::address(&mut self.facts);
        (self.facts, self.sources, self.unread)
    }
}

/// Every `.yaml`/`.yml` file below `dir`, sorted by path so the result never
/// depends on the order the file system lists them in.
pub(crate) fn yaml_files(dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            // Anything but a folder goes to the door, which refuses a
            // symbolic link out of the project, a pipe or a device.
            Ok(entry) if !entry.file_type().is_dir() => {
                let path = entry.into_path();
                if matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("yaml" | "yml")
                ) {
                    files.push(path);
                }
            }
            Ok(_) => {}
            Err(err) => {
                // An error of walkdir is an io::Error, or a symbolic link
                // that leads back to a folder above it.
                let reason = match err.io_error() {
                    Some(io) => crate::diagnostic::io_reason(io),
                    None => msg!("facts-folder-loop"),
                };
                problems.push(
                    Diagnostic::error(msg!("facts-folder-unreadable", reason))
                        .in_file(err.path().unwrap_or(dir))
                        .hint(msg!("facts-folder-hint")),
                );
            }
        }
    }
    files
}

/// Whether `path` is the record of a published protocol (under
/// `content/protokol/`, [`super::protocol`]) rather than a fact file.
pub(crate) fn is_protocol_record(project: &Project, path: &Path) -> bool {
    path.strip_prefix(project.content_dir())
        .ok()
        .and_then(|rel| rel.components().next())
        .is_some_and(|first| first.as_os_str() == super::protocol::DIR)
}

/// Whether `path` is a document declaration (under `content/documents/`)
/// rather than a fact file.
pub(crate) fn is_document_declaration(project: &Project, path: &Path) -> bool {
    path.strip_prefix(project.content_dir())
        .ok()
        .and_then(|rel| rel.components().next())
        .is_some_and(|first| first.as_os_str() == DOCUMENTS_DIR)
}

/// Merges one fact file into the facts, recording where each part came
/// from and refusing anything defined twice.
struct Merger<'a> {
    sources: &'a mut Sources,
    /// Which file gave each single section.
    singles: &'a mut BTreeMap<&'static str, PathBuf>,
    problems: &'a mut Vec<Diagnostic>,
    file: &'a Path,
}

impl Merger<'_> {
    fn merge(&mut self, facts: &mut Facts, file: FactFile) {
        self.map(
            &mut facts.municipalities,
            file.municipalities,
            "municipalities",
        );
        self.map(&mut facts.applications, file.applications, "applications");
        self.single(&mut facts.cooperation, file.cooperation, "cooperation");
        self.single(&mut facts.law, file.law, "law");
        self.single(&mut facts.rules, file.rules, "rules");
        self.single(&mut facts.strategy, file.strategy, "strategy");
        self.single(&mut facts.settlement, file.settlement, "settlement");
        self.list(&mut facts.meetings, file.meetings, "meetings");
        self.list(&mut facts.milestones, file.milestones, "milestones");
        self.list(&mut facts.scenarios, file.scenarios, "scenarios");
    }

    fn map<T>(&mut self, into: &mut BTreeMap<Id, T>, from: BTreeMap<Id, T>, section: &str) {
        for (id, value) in from {
            let path = format!("{section}.{id}");
            if let Some(first) = self.sources.file_of(&path) {
                self.problems.push(
                    Diagnostic::error(msg!("facts-defined-twice", path = &path))
                        .in_file(self.file)
                        .located(self.sources.key_in(self.file, &path))
                        .hint(msg!("facts-defined-twice-hint", file = first.display())),
                );
                continue;
            }
            self.sources.add_origin(path.clone(), self.file, path);
            into.insert(id, value);
        }
    }

    fn single<T>(&mut self, into: &mut Option<T>, from: Option<T>, section: &'static str) {
        let Some(value) = from else { return };
        if let Some(first) = self.singles.get(section) {
            self.problems.push(
                Diagnostic::error(msg!("facts-section-twice", section))
                    .in_file(self.file)
                    .located(self.sources.key_in(self.file, section))
                    .hint(msg!(
                        "facts-section-twice-hint",
                        file = first.display(),
                        section
                    )),
            );
            return;
        }
        self.singles.insert(section, self.file.to_path_buf());
        self.sources
            .add_origin(section.to_owned(), self.file, section.to_owned());
        *into = Some(value);
    }

    fn list<T>(&mut self, into: &mut Vec<T>, from: Vec<T>, section: &str) {
        for (i, item) in from.into_iter().enumerate() {
            let merged = format!("{section}[{}]", into.len());
            self.sources
                .add_origin(merged, self.file, format!("{section}[{i}]"));
            into.push(item);
        }
    }
}

/// The Markdown files the facts name, each with the first place that
/// names it.
pub(crate) fn prose_refs<'f>(
    facts: &'f Facts,
    sources: &Sources,
) -> BTreeMap<&'f ProsePath, Option<Location>> {
    let mut refs: BTreeMap<&ProsePath, Option<Location>> = BTreeMap::new();
    if let Some(strategy) = &facts.strategy {
        for (i, line) in strategy.lines.iter().enumerate() {
            let at = sources.value(&format!("strategy.lines[{i}].prose"));
            refs.entry(&line.prose).or_insert(at);
        }
    }
    for (i, meeting) in facts.meetings.iter().enumerate() {
        for (j, item) in meeting.items.iter().enumerate() {
            for (field, path) in item.prose() {
                let at = sources.value(&format!("meetings[{i}].items[{j}].{field}"));
                refs.entry(path).or_insert(at);
            }
        }
    }
    refs
}

/// Reads the Markdown files of `refs` (each with the first place that
/// names it, where a problem is told).
pub(crate) fn read_prose(
    project: &Project,
    refs: BTreeMap<&ProsePath, Option<Location>>,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<ProsePath, String> {
    let mut prose = BTreeMap::new();
    for (path, at) in refs {
        if !is_plain_relative(path) {
            problems.push(
                Diagnostic::error(msg!("facts-prose-outside", path = path.as_str()))
                    .located(at)
                    .hint(msg!("facts-prose-outside-hint")),
            );
            continue;
        }
        let file = project.content_dir().join(path);
        match project.read(&file, FileKind::Prose) {
            Ok(bytes) => match crate::project::utf8(bytes, &Path::new("content").join(path)) {
                Ok(text) => {
                    prose.insert(path.clone(), text);
                }
                Err(err) => problems.extend(err.into_diagnostics()),
            },
            Err(refused) => problems.push(
                Diagnostic::error(msg!(
                    "facts-prose-not-read",
                    path = path.as_str(),
                    reason = refused.reason
                ))
                .located(at)
                .hint(msg!("facts-prose-relative-hint"))
                .hint(refused.hint),
            ),
        }
    }
    prose
}

/// A relative path that stays below its base: no root, no `..`.
fn is_plain_relative(path: &str) -> bool {
    let path = Path::new(path);
    !path.as_os_str().is_empty()
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}
