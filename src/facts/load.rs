//! Reading `content/`: every YAML file, in sorted order, merged into one set
//! of facts; every document declaration under `content/documents/`; and
//! every Markdown file either of them names. Where each fact came from is
//! kept ([`Sources`]), so later checks can point at its line.

use chrono::Datelike;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use walkdir::WalkDir;

use super::batch::{self, Declared};
use super::model::{DocumentSpec, FactFile, Facts, Id, ProsePath};
use super::sources::Sources;
use crate::diagnostic::{Diagnostic, Location};
use crate::export::pdf::Standard;
use crate::project::{FileKind, Project};
use crate::yaml;

/// The folder under `content/` that holds document declarations.
pub(crate) const DOCUMENTS_DIR: &str = "documents";

/// Everything `content/` holds.
#[derive(Debug, Clone)]
pub struct Content {
    /// The merged facts.
    pub facts: Facts,
    /// The documents to make, in the order of their files' names.
    pub documents: Vec<Document>,
    /// Markdown text of every referenced prose file, by its path under
    /// `content/`.
    pub prose: BTreeMap<ProsePath, String>,
    /// Where every fact and declaration stands in its file.
    pub(crate) sources: Sources,
    /// The page count of every PDF annex, by its path as the facts name it
    /// (filled in by the checks, which open each annex).
    pub(crate) annex_pages: BTreeMap<String, usize>,
}

/// A declared document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The declaration file, relative to the project.
    pub file: PathBuf,
    /// What it declares, with the project's defaults filled in.
    pub spec: DocumentSpec,
    /// Its date: declared, or its batch element's.
    pub date: NaiveDate,
    /// The PDF standards it meets: declared, or the project's.
    pub standards: Vec<Standard>,
    /// The formats it is made in: declared, or the project's.
    pub formats: Vec<crate::export::Format>,
}

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
        let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
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

/// The years a document may be dated in: its date becomes Typst's
/// `today()` and the PDF's timestamp, which hold years of four digits.
const DOCUMENT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Loads and merges `content/`, as far as it can be read: the problems of
/// files that cannot be read, and the ids those files define, come with
/// what could.
pub(crate) fn load(project: &Project) -> (Content, Vec<Diagnostic>, Unread) {
    let mut unread = Unread::default();
    let mut problems = Vec::new();
    let mut facts = Facts::default();
    let mut declarations = Vec::new();
    let mut sources = Sources::default();
    let mut singles = BTreeMap::new();

    for path in yaml_files(&project.content_dir(), &mut problems) {
        let rel = project.relative(&path).to_path_buf();
        let text = match project.read_text(&path, FileKind::Facts) {
            Ok(text) => text,
            Err(err) => {
                problems.extend(err.into_diagnostics());
                continue;
            }
        };
        sources.add_file(&rel, text.clone());
        if is_document_declaration(project, &path) {
            match yaml::from_str::<DocumentSpec>(&text, &rel) {
                Ok(spec) => declarations.push(Declared { file: rel, spec }),
                Err(e) => problems.extend(e.into_diagnostics()),
            }
        } else {
            match yaml::from_str::<FactFile>(&text, &rel) {
                Ok(file) => {
                    let before = problems.len();
                    let mut merger = Merger {
                        sources: &mut sources,
                        singles: &mut singles,
                        problems: &mut problems,
                        file: &rel,
                    };
                    merger.merge(&mut facts, file);
                    // Defined twice: which definition the references mean
                    // cannot be told.
                    unread.unknowable |= problems.len() > before;
                }
                Err(e) => {
                    problems.extend(e.into_diagnostics());
                    unread.read(&text);
                }
            }
        }
    }
    let mut documents = Vec::new();
    for mut declared in batch::expand(declarations, &facts, &sources, &mut problems) {
        apply_defaults(project, &mut declared, &sources, &mut problems);
        let Some(date) = declared.spec.date else {
            problems.push(
                Diagnostic::error("the document has no date")
                    .in_file(&declared.file)
                    .located(sources.value_in(&declared.file, ""))
                    .hint("add `date: 2017-08-21`: it is shown in the document and dates the PDF"),
            );
            continue;
        };
        if !DOCUMENT_YEARS.contains(&date.year()) {
            problems.push(
                Diagnostic::error(format!("{date} is not a date a document can have"))
                    .in_file(&declared.file)
                    .located(sources.value_in(&declared.file, "date"))
                    .hint(format!(
                        "a document is dated in the years {} to {}; write the date as YYYY-MM-DD, e.g. 2017-08-21",
                        DOCUMENT_YEARS.start(),
                        DOCUMENT_YEARS.end()
                    )),
            );
            continue;
        }
        let standards = match &declared.spec.pdf_standards {
            Some(list) => list.clone(),
            None => project.pdf_standards().to_vec(),
        };
        let formats = match &declared.spec.formats {
            Some(list) => list.clone(),
            None => project.formats().to_vec(),
        };
        documents.push(Document {
            file: declared.file,
            spec: declared.spec,
            date,
            standards,
            formats,
        });
    }
    let prose = load_prose(project, &facts, &documents, &sources, &mut problems);
    let content = Content {
        facts,
        documents,
        prose,
        sources,
        annex_pages: BTreeMap::new(),
    };
    (content, problems, unread)
}

/// Every `.yaml`/`.yml` file below `dir`, sorted by path so the result never
/// depends on the order the file system lists them in.
fn yaml_files(dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
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
            Err(err) => problems.push(
                Diagnostic::error(format!("cannot read the folder: {err}"))
                    .in_file(err.path().unwrap_or(dir))
                    .hint("a project needs a content/ folder with the facts as YAML files"),
            ),
        }
    }
    files
}

fn is_document_declaration(project: &Project, path: &Path) -> bool {
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
                    Diagnostic::error(format!("`{path}` is defined twice"))
                        .in_file(self.file)
                        .located(self.sources.key_in(self.file, &path))
                        .hint(format!(
                            "it is also defined in {}; keep one of them",
                            first.display()
                        )),
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
                Diagnostic::error(format!("the section `{section}` is given twice"))
                    .in_file(self.file)
                    .located(self.sources.key_in(self.file, section))
                    .hint(format!(
                        "it is also given in {}; a project has one `{section}`",
                        first.display()
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

fn apply_defaults(
    project: &Project,
    document: &mut Declared,
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) {
    let defaults = &project.config.defaults;
    let spec = &mut document.spec;
    if spec.authors.is_empty() {
        spec.authors = defaults.authors.clone();
    }
    if let Some(list) = &spec.pdf_standards
        && let Err(e) = crate::export::pdf::standards::configure(list)
    {
        problems.push(
            e.diagnostic("pdf_standards")
                .in_file(&document.file)
                .located(sources.value_in(&document.file, "pdf_standards")),
        );
    }
    if let Some(list) = &spec.formats
        && let Err(why) = crate::export::check_list(list)
    {
        problems.push(
            Diagnostic::error(format!("formats: {why}"))
                .in_file(&document.file)
                .located(sources.value_in(&document.file, "formats"))
                .hint(crate::project::FORMATS_HINT),
        );
    }
    for keyword in &defaults.keywords {
        if !spec.keywords.contains(keyword) {
            spec.keywords.push(keyword.clone());
        }
    }
    if spec.authors.is_empty() {
        problems.push(
            Diagnostic::error("the document names no authors")
                .in_file(&document.file)
                .located(sources.value_in(&document.file, ""))
                .hint("add `authors: [<municipality id>]`, or `defaults: authors:` in dokgen.yaml"),
        );
    }
}

/// Reads every Markdown file that facts or documents name.
fn load_prose(
    project: &Project,
    facts: &Facts,
    documents: &[Document],
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<ProsePath, String> {
    // Each prose path with the first place that names it.
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
    for document in documents {
        for (name, path) in &document.spec.prose {
            let at = sources.value_in(&document.file, &format!("prose.{name}"));
            refs.entry(path).or_insert(at);
        }
    }

    let mut prose = BTreeMap::new();
    for (path, at) in refs {
        if !is_plain_relative(path) {
            problems.push(
                Diagnostic::error(format!("the prose file `{path}` is outside content/"))
                    .located(at)
                    .hint("prose paths are relative to content/ and may not use `..` or start with `/`"),
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
                Diagnostic::error(format!(
                    "the prose file `content/{path}` is not read: {}",
                    refused.reason
                ))
                .located(at)
                .hint("prose paths are relative to content/")
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
