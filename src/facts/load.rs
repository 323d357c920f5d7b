//! Reading `content/`: every YAML file, in sorted order, merged into one set
//! of facts; every document declaration under `content/documents/`; and
//! every Markdown file either of them names.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use super::model::{DocumentSpec, FactFile, Facts, Id, ProsePath};
use super::yaml;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::project::Project;

/// The folder under `content/` that holds document declarations.
pub const DOCUMENTS_DIR: &str = "documents";

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
}

/// A declared document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The declaration file, relative to the project.
    pub file: PathBuf,
    /// What it declares, with the project's defaults filled in.
    pub spec: DocumentSpec,
}

/// Loads and merges `content/`. All problems found are reported together.
pub fn load(project: &Project) -> Result<Content> {
    let mut problems = Vec::new();
    let mut facts = Facts::default();
    let mut documents = Vec::new();
    let mut origins = Origins::default();

    for path in yaml_files(&project.content_dir(), &mut problems) {
        let rel = project.relative(&path).to_path_buf();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                problems
                    .push(Diagnostic::error(format!("cannot read the file: {err}")).in_file(&rel));
                continue;
            }
        };
        if is_document_declaration(project, &path) {
            match yaml::from_str::<DocumentSpec>(&text, &rel) {
                Ok(spec) => documents.push(Document { file: rel, spec }),
                Err(e) => problems.extend(e.into_diagnostics()),
            }
        } else {
            match yaml::from_str::<FactFile>(&text, &rel) {
                Ok(file) => merge(&mut facts, file, &rel, &mut origins, &mut problems),
                Err(e) => problems.extend(e.into_diagnostics()),
            }
        }
    }
    facts.meetings.sort_by_key(|m| m.date);
    for document in &mut documents {
        apply_defaults(project, document, &mut problems);
    }
    let prose = load_prose(project, &documents, &origins, &mut problems);
    match Error::many(problems.into_iter().map(Error::from)) {
        Some(err) => Err(err),
        None => Ok(Content {
            facts,
            documents,
            prose,
        }),
    }
}

/// Every `.yaml`/`.yml` file below `dir`, sorted by path so the result never
/// depends on the order the file system lists them in.
fn yaml_files(dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
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

/// Which file gave each id and each single section, for messages about
/// duplicates and references.
#[derive(Default)]
struct Origins {
    sections: BTreeMap<&'static str, PathBuf>,
    ids: BTreeMap<(&'static str, Id), PathBuf>,
    prose_refs: BTreeMap<ProsePath, PathBuf>,
}

fn merge(
    facts: &mut Facts,
    file: FactFile,
    rel: &Path,
    origins: &mut Origins,
    problems: &mut Vec<Diagnostic>,
) {
    merge_map(
        &mut facts.municipalities,
        file.municipalities,
        "municipalities",
        rel,
        origins,
        problems,
    );
    merge_map(
        &mut facts.applications,
        file.applications,
        "applications",
        rel,
        origins,
        problems,
    );
    merge_single(
        &mut facts.cooperation,
        file.cooperation,
        "cooperation",
        rel,
        origins,
        problems,
    );
    merge_single(&mut facts.law, file.law, "law", rel, origins, problems);
    merge_single(
        &mut facts.rules,
        file.rules,
        "rules",
        rel,
        origins,
        problems,
    );
    if let Some(strategy) = &file.strategy {
        for line in &strategy.lines {
            origins
                .prose_refs
                .entry(line.prose.clone())
                .or_insert_with(|| rel.to_path_buf());
        }
    }
    merge_single(
        &mut facts.strategy,
        file.strategy,
        "strategy",
        rel,
        origins,
        problems,
    );
    facts.meetings.extend(file.meetings);
}

fn merge_map<T>(
    into: &mut BTreeMap<Id, T>,
    from: BTreeMap<Id, T>,
    section: &'static str,
    rel: &Path,
    origins: &mut Origins,
    problems: &mut Vec<Diagnostic>,
) {
    for (id, value) in from {
        if let Some(first) = origins.ids.get(&(section, id.clone())) {
            problems.push(
                Diagnostic::error(format!("`{section}.{id}` is defined twice"))
                    .in_file(rel)
                    .hint(format!(
                        "it is also defined in {}; keep one of them",
                        first.display()
                    )),
            );
            continue;
        }
        origins.ids.insert((section, id.clone()), rel.to_path_buf());
        into.insert(id, value);
    }
}

fn merge_single<T>(
    into: &mut Option<T>,
    from: Option<T>,
    section: &'static str,
    rel: &Path,
    origins: &mut Origins,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(value) = from else { return };
    if let Some(first) = origins.sections.get(section) {
        problems.push(
            Diagnostic::error(format!("the section `{section}` is given twice"))
                .in_file(rel)
                .hint(format!(
                    "it is also given in {}; a project has one `{section}`",
                    first.display()
                )),
        );
        return;
    }
    origins.sections.insert(section, rel.to_path_buf());
    *into = Some(value);
}

fn apply_defaults(project: &Project, document: &mut Document, problems: &mut Vec<Diagnostic>) {
    let defaults = &project.config.defaults;
    let spec = &mut document.spec;
    if spec.authors.is_empty() {
        spec.authors = defaults.authors.clone();
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
                .hint("add `authors: [<municipality id>]`, or `defaults: authors:` in dokgen.yaml"),
        );
    }
}

/// Reads every Markdown file that facts or documents name.
fn load_prose(
    project: &Project,
    documents: &[Document],
    origins: &Origins,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<ProsePath, String> {
    let mut refs: BTreeMap<ProsePath, PathBuf> = origins.prose_refs.clone();
    for document in documents {
        for path in document.spec.prose.values() {
            refs.entry(path.clone())
                .or_insert_with(|| document.file.clone());
        }
    }

    let mut prose = BTreeMap::new();
    for (path, referrer) in refs {
        if !is_plain_relative(&path) {
            problems.push(
                Diagnostic::error(format!("the prose file `{path}` is outside content/"))
                    .in_file(&referrer)
                    .hint("prose paths are relative to content/ and may not use `..` or start with `/`"),
            );
            continue;
        }
        let full = project.content_dir().join(&path);
        match std::fs::read_to_string(&full) {
            Ok(text) => {
                prose.insert(path, text);
            }
            Err(err) => problems.push(
                Diagnostic::error(format!(
                    "cannot read the prose file `content/{path}`: {err}"
                ))
                .in_file(&referrer)
                .hint(
                    "prose paths are relative to content/; check the spelling or create the file",
                ),
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
