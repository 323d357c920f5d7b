//! Which documents need making: the one planner of `dokgen build`,
//! `dokgen check` and the preview of `dokgen serve`.
//!
//! What a document was made from is recorded per file it was made into
//! ([`manifest::Entry`]): the build of dokgen, the settings, and every
//! input with its SHA-256 (the project's settings, facts, templates and
//! fonts, the document's declaration and prose, and every file Typst read
//! for it). A document is current, and need not be made, while a record
//! says the same of it now; the build keeps its records in the output
//! folder's `manifest.json` and also checks that the files there are the
//! ones recorded, the preview keeps them in memory. Inputs are hashed
//! once per plan, on every core ([`crate::pool`]).

pub mod manifest;
pub(crate) mod seal;

use std::path::{Path, PathBuf};

use manifest::{Entry, Hashes, Input, Manifest};

use crate::facts;
use crate::kinds::Document;
use crate::pool::{self, Priority};
use crate::session::Session;

/// What is to be done with a document.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Its entries, one per format, with the inputs known before it is
    /// made; none where no record is kept.
    pub wanted: Vec<Entry>,
    /// Its entries from the record, those there are.
    pub previous: Vec<Entry>,
    /// Whether the record has an entry for each of its formats and each
    /// is current: the document need not be made.
    pub current: bool,
}

/// Where a plan's records come from.
#[derive(Debug, Clone, Copy)]
pub struct Records<'a> {
    /// What the documents were last made from.
    pub made: &'a Manifest,
    /// The folder the recorded files were written to, where they must
    /// still be as recorded; none for files kept in memory.
    pub folder: Option<&'a Path>,
}

/// Plans every document of `session` on `workers` threads: against
/// `records`, its wanted entries and whether those recorded are current
/// (never, if `force`); without records, every document is to be made.
pub fn plan(
    session: &Session,
    records: Option<Records<'_>>,
    force: bool,
    workers: usize,
) -> Vec<Plan> {
    let documents = session.documents();
    let Some(records) = records else {
        return documents.iter().map(|_| Plan::default()).collect();
    };
    let common = common_inputs(session);
    let mut plans: Vec<Plan> = documents.iter().map(|_| Plan::default()).collect();
    pool::run(
        documents,
        workers,
        Priority::Normal,
        || Hashes::new(session.project()),
        |hashes, document| {
            let wanted = entries(session, &common, document, hashes);
            let previous: Vec<Entry> = wanted
                .iter()
                .filter_map(|w| records.made.entry(&w.output).cloned())
                .collect();
            let current = !force
                && previous.len() == wanted.len()
                && previous
                    .iter()
                    .zip(&wanted)
                    .all(|(k, w)| Manifest::is_current(k, w, records.folder, hashes));
            Plan {
                wanted,
                previous,
                current,
            }
        },
        |i, plan| plans[i] = plan,
    );
    plans
}

/// A made file, as a record needs it.
#[derive(Debug, Clone)]
pub struct MadeFile {
    /// Its name.
    pub output: String,
    /// Its SHA-256.
    pub sha256: String,
    /// The page count of its layout.
    pub pages: usize,
}

impl Plan {
    /// The entries of the document once made into `files`, Typst having
    /// read `read` for it (hashed with `hashes`): the wanted entries, each
    /// with its file's hash and pages and every input.
    pub(crate) fn made(
        &self,
        files: &[MadeFile],
        read: &[PathBuf],
        hashes: &mut Hashes,
    ) -> Vec<Entry> {
        let read: Vec<Input> = read.iter().filter_map(|p| hashes.input(p)).collect();
        files
            .iter()
            .filter_map(|file| {
                let mut entry = self
                    .wanted
                    .iter()
                    .find(|e| e.output == file.output)?
                    .clone();
                entry.sha256 = file.sha256.clone();
                entry.pages = file.pages;
                entry.inputs.extend(read.iter().cloned());
                entry.inputs.sort_by(|a, b| a.path.cmp(&b.path));
                entry.inputs.dedup();
                Some(entry)
            })
            .collect()
    }
}

/// The inputs every document is made from: dokgen.yaml, the fact files
/// (not the declarations: each document has its own, but for those the
/// facts' annexes name, whose title and date stand in the annex), the
/// templates (the
/// project's own, and every built-in file it uses, which Typst's list of
/// files read leaves out) and the project's fonts.
fn common_inputs(session: &Session) -> Vec<PathBuf> {
    let project = session.project();
    let content = session.content();
    let declarations = Path::new("content").join(facts::load::DOCUMENTS_DIR);
    let mut paths: Vec<PathBuf> = vec![PathBuf::from(crate::project::CONFIG_FILE)];
    paths.extend(
        content
            .sources
            .files()
            .filter(|f| !f.starts_with(&declarations))
            .map(Path::to_path_buf),
    );
    paths.extend(
        content
            .annexed_declarations()
            .into_iter()
            .map(Path::to_path_buf),
    );
    let templates = session.templates();
    paths.extend(templates.files().map(Path::to_path_buf));
    paths.extend(
        templates
            .builtins()
            .iter()
            .map(|b| PathBuf::from(b.shown())),
    );
    let fonts = project.fonts_dir();
    if fonts.is_dir() {
        paths.extend(
            walkdir::WalkDir::new(&fonts)
                .sort_by_file_name()
                .into_iter()
                .flatten()
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path),
        );
    }
    paths
}

/// The manifest entries `document` would get, one per format, with the
/// inputs known before it is made: the project settings, the facts, its
/// declaration and prose, the templates and the project's fonts. What
/// Typst reads (the style library, images, annexes) is added once it is
/// made.
fn entries(
    session: &Session,
    common: &[PathBuf],
    document: &Document,
    hashes: &mut Hashes,
) -> Vec<Entry> {
    let project = session.project();
    let own = std::iter::once(document.file.clone()).chain(
        session
            .content()
            .prose_for(document)
            .map(|p| Path::new("content").join(p)),
    );
    let mut inputs: Vec<Input> = common
        .iter()
        .cloned()
        .chain(own)
        .filter_map(|p| hashes.input(&p))
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs.dedup();
    let declaration = crate::project::relative(&project.root, &project.root.join(&document.file));
    document
        .outputs()
        .into_iter()
        .map(|(format, output)| Entry {
            output,
            format,
            sha256: String::new(),
            pages: 0,
            declaration: declaration.clone(),
            standards: document.standards.clone(),
            source_date_epoch: session.source_date_epoch(),
            dokgen: manifest::dokgen_build(),
            inputs: inputs.clone(),
        })
        .collect()
}
