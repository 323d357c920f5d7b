//! Which documents to make, and where they go: plan → make → record.
//!
//! Takes a [`Session`] and a [`Sink`]. Plans which documents need making
//! (with a sink that keeps a manifest, those whose inputs changed since it
//! was written), makes them in parallel with [`Session::make`], and hands
//! each PDF to the sink in the order of the documents. A document that
//! fails does not stop the others; all problems are reported at the end.
//! The sink on disk ([`DiskSink`]) holds the output folder's lock, writes
//! each file whole ([`output`]) and records what each PDF was made from in
//! `manifest.json` ([`manifest`]); the sink in memory ([`MemorySink`])
//! keeps the PDFs and takes no lock. `dokgen check` is a build into memory
//! of every document, so the two report the same problems.

mod notes;
pub(crate) mod output;
mod publish;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use output::OutputDir;

use crate::diagnostic::{Diagnostic, Error, Location, Result};
use crate::export::Format;
use crate::isolate::Isolation;
use crate::kinds::{self, Document};
use crate::plan::manifest::{self, Hashes, Manifest};
use crate::plan::seal::Key;
use crate::plan::{self, MadeFile, Plan, Records};
use crate::pool::{self, Priority};
use crate::session::{Made, Session};

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Make every document, even those whose inputs are unchanged.
    pub force: bool,
    /// How many documents to make at once; all cores if not given.
    pub jobs: Option<usize>,
    /// Also keep each document's generated Typst source beside its PDF
    /// (`<name>.typ`), for debugging templates.
    pub emit_typst: bool,
    /// Make each document in a worker process running this dokgen binary,
    /// whose memory, stack and time the system bounds ([`crate::isolate`]);
    /// in this process if not given.
    pub workers_run: Option<PathBuf>,
}

/// Where made documents go.
pub trait Sink: Sync {
    /// Keeps the file `name` (a PDF or an emitted source) and says where it
    /// is.
    fn put(&self, name: &str, bytes: &[u8]) -> Result<PathBuf>;

    /// The folder on disk whose manifest tells which documents are still
    /// current, and that manifest; none for a sink that keeps no record
    /// (then every document is made).
    fn previous(&self) -> Option<(&Path, &Manifest)> {
        None
    }

    /// Records what the build made, for a sink that keeps a record.
    fn record(&self, _manifest: &Manifest) -> Result<()> {
        Ok(())
    }

    /// Removes the file `name` a previous build kept and this one does
    /// not make; whether it was there to remove.
    fn remove(&self, _name: &str) -> bool {
        false
    }
}

/// The output folder on disk: locked while it is open, each file written
/// whole, and a manifest of what each PDF was made from.
pub struct DiskSink {
    out: OutputDir,
    previous: Manifest,
    /// Whether the folder's manifest was refused for its seal.
    unsealed: bool,
    /// The user's key that seals the manifest.
    key: Option<Key>,
}

impl DiskSink {
    /// Opens (and creates) the folder `dir` and takes its lock. Its
    /// manifest is believed only under this user's seal.
    pub fn open(dir: &Path) -> Result<Self> {
        let out = OutputDir::open(dir)?;
        let key = Key::of_user();
        let (previous, unsealed) = Manifest::read(out.path(), key.as_ref());
        Ok(Self {
            out,
            previous,
            unsealed,
            key,
        })
    }

    /// Whether the folder had a manifest that this user did not seal (made
    /// elsewhere, or changed since): its files are made anew.
    pub fn unsealed(&self) -> bool {
        self.unsealed
    }
}

impl Sink for DiskSink {
    fn put(&self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        self.out.write(name, bytes)
    }

    fn previous(&self) -> Option<(&Path, &Manifest)> {
        Some((self.out.path(), &self.previous))
    }

    fn record(&self, manifest: &Manifest) -> Result<()> {
        self.out
            .write(
                manifest::FILE,
                manifest.sealed_json(self.key.as_ref()).as_bytes(),
            )
            .map(|_| ())
    }

    fn remove(&self, name: &str) -> bool {
        self.out.remove(name)
    }
}

/// Whether the output folder `dir` holds a manifest that this user did
/// not seal (made elsewhere, or changed since): its PDFs are not vouched
/// for, and the next build makes them anew. Read without the folder's
/// lock; a folder that is not there has none.
pub fn unsealed(dir: &Path) -> bool {
    let key = Key::of_user();
    Manifest::read(dir, key.as_ref()).1
}

/// Made files kept in memory, by name; no lock, no record.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// An empty sink.
    pub fn new() -> Self {
        Self::default()
    }

    /// The files kept, by name.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_owned(), bytes.to_vec());
        Ok(PathBuf::from(name))
    }
}

/// A file that was kept: one of a document's formats.
#[derive(Debug, Clone)]
pub struct Written {
    /// Its file name: the document's output name and the format's
    /// extension.
    pub name: String,
    /// Where the sink keeps it.
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// The page count of its layout.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its SHA-256.
    pub sha256: String,
}

impl Written {
    /// What a record keeps of it.
    fn record(&self) -> MadeFile {
        MadeFile {
            output: self.name.clone(),
            sha256: self.sha256.clone(),
            pages: self.pages,
        }
    }
}

/// What a build did, told as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// A file of a document was made and kept.
    Written(&'a Document, &'a Written),
    /// A document was made, and each of its files kept.
    Made(&'a Document),
    /// A file was left as it is: nothing it is made from has changed since
    /// the manifest was written.
    UpToDate(&'a Path),
    /// A document was left as it is, each of its files up to date.
    Current(&'a Document),
    /// A file was copied into the web publication as it is (an annex),
    /// this many bytes.
    Copied(&'a Path, usize),
    /// A file of the web publication that it no longer has was removed.
    Removed(&'a Path),
    /// A document could not be made; its errors come with the result.
    Failed(&'a Document),
    /// How far the build is: documents finished of all, in any order (for
    /// a progress bar). Told first with 0 finished.
    Progress {
        /// Finished so far (made, up to date or failed).
        done: usize,
        /// All documents.
        total: usize,
    },
    /// Something to look at that did not stop the work.
    Warning(&'a Diagnostic),
}

/// Makes the documents of `session` that need making and gives them to
/// `sink`. `on_event` hears of each file as it is kept or found up to
/// date, and of each warning, in the order of the documents whatever order
/// they are made in, and of the progress as it happens. Returns the kept
/// files, or every error; a sink's record is written either way, for the
/// documents that have files.
///
/// Documents are planned ([`crate::plan`]) and made in parallel on
/// `options.jobs` threads (all cores by default, [`crate::pool`]),
/// sharing the fonts, the Typst library and Typst's memoised work; the
/// files are the same bytes as when made one by one.
pub fn run(
    session: &Session,
    options: &Options,
    sink: &dyn Sink,
    on_event: impl FnMut(Event<'_>),
) -> Result<Vec<Written>> {
    let mut on_event = once_per_warning(on_event);
    let documents = session.documents();
    let total = documents.len();
    on_event(Event::Progress { done: 0, total });
    let workers = pool::workers(options.jobs);
    let records = sink.previous().map(|(folder, made)| Records {
        made,
        folder: Some(folder),
    });
    let plans = plan::plan(session, records, options.force, workers);
    let to_make: Vec<usize> = (0..total).filter(|&i| !plans[i].current).collect();
    let mut done = total - to_make.len();
    if done > 0 {
        on_event(Event::Progress { done, total });
    }
    let kept = make(session, options, sink, &to_make, workers, || {
        done += 1;
        on_event(Event::Progress { done, total });
    });
    record(session, sink, plans, kept, &mut on_event)
}

/// Keeps the record of each published protocol of `session`'s facts
/// that has none yet ([`crate::facts::protocol`]): what the protocol says
/// of each item from then on may only be corrected by addition. Returns
/// the records written, relative to the project folder.
pub fn record_protocols(session: &Session) -> Result<Vec<PathBuf>> {
    crate::facts::protocol::record(session.project(), &session.content().facts.meetings)
}

/// A made document as the sink kept it: where its files are, the files
/// Typst read for it, and its warnings.
struct Kept {
    files: Result<(Vec<Written>, Vec<PathBuf>)>,
    warnings: Vec<Diagnostic>,
}

/// Makes the documents `to_make` (indices into the session's documents)
/// on `workers` threads, each handing its files to `sink` at once (so
/// that a batch of hundreds holds no more than a few PDFs in memory);
/// `finished` hears of each as it is done. Returns each document's
/// outcome by its index.
fn make(
    session: &Session,
    options: &Options,
    sink: &dyn Sink,
    to_make: &[usize],
    workers: usize,
    mut finished: impl FnMut(),
) -> Vec<Option<Kept>> {
    let documents = session.documents();
    let mut results: Vec<Option<Kept>> = (0..documents.len()).map(|_| None).collect();
    let mut count = 0;
    let isolation = options.workers_run.as_ref().map(|program| {
        Isolation::new(
            session,
            program.clone(),
            pool::at_once(workers, to_make.len()),
        )
    });
    pool::run(
        to_make,
        workers,
        Priority::Normal,
        || isolation.as_ref().map(Isolation::slot),
        |slot, &i| {
            let made = match slot {
                Some(slot) => slot.make(session, &documents[i]),
                None => session.make(&documents[i]),
            };
            keep(sink, options, &documents[i].spec.output, made)
        },
        |k, kept| {
            results[to_make[k]] = Some(kept);
            finished();
            count += 1;
            // Keep Typst's memoised work from growing without bound in
            // long runs: what no recent document used goes.
            if count % (4 * workers) == 0 {
                comemo::evict(4);
            }
        },
    );
    results
}

/// Tells of each document in the order of the documents, and writes the
/// sink's record.
fn record(
    session: &Session,
    sink: &dyn Sink,
    plans: Vec<Plan>,
    kept: Vec<Option<Kept>>,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<Vec<Written>> {
    let mut hashes = Hashes::new(session.project());
    let mut manifest = Manifest::default();
    let mut written = Vec::new();
    let mut errors = Vec::new();
    for ((document, plan), outcome) in session.documents().iter().zip(plans).zip(kept) {
        let Some(made) = outcome else {
            for before in plan.previous {
                if let Some((dir, _)) = sink.previous() {
                    on_event(Event::UpToDate(&dir.join(&before.output)));
                }
                manifest.documents.push(before);
            }
            on_event(Event::Current(document));
            continue;
        };
        for warning in &made.warnings {
            on_event(Event::Warning(warning));
        }
        match made.files {
            Ok((files, read)) => {
                let made: Vec<MadeFile> = files.iter().map(Written::record).collect();
                manifest
                    .documents
                    .extend(plan.made(&made, &read, &mut hashes));
                for file in files {
                    on_event(Event::Written(document, &file));
                    written.push(file);
                }
                on_event(Event::Made(document));
            }
            Err(err) => {
                on_event(Event::Failed(document));
                errors.push(err);
                // The files from before are still there, untouched: their
                // entries still describe them.
                manifest.documents.extend(plan.previous);
            }
        }
    }
    publish::finish(
        session.project(),
        session.content(),
        sink,
        &mut manifest,
        &mut errors,
        on_event,
    );
    // A manifest that cannot be written (a full disk) is one more error,
    // told with those of the documents that could not be written either.
    if let Err(err) = sink.record(&manifest) {
        errors.push(err);
    }
    // A mistake in prose or facts that several documents share is one
    // mistake: each error is told once.
    let mut seen = HashSet::new();
    let errors = errors
        .into_iter()
        .flat_map(Error::into_diagnostics)
        .filter(|d| seen.insert(d.clone()))
        .collect::<Vec<_>>();
    match errors.is_empty() {
        true => Ok(written),
        false => Err(Error::from(errors)),
    }
}

/// Gives a made document's files (and, if asked, its source) to the
/// sink.
fn keep(sink: &dyn Sink, options: &Options, name: &str, made: Made) -> Kept {
    let Made {
        source,
        warnings,
        output,
    } = made;
    let put = || {
        if options.emit_typst
            && let Some(source) = &source
        {
            sink.put(&format!("{name}.typ"), source.as_bytes())?;
        }
        let output = output?;
        let written = output
            .files
            .iter()
            .map(|file| {
                Ok(Written {
                    name: file.file_name.clone(),
                    path: sink.put(&file.file_name, &file.bytes)?,
                    format: file.format,
                    pages: output.pages,
                    bytes: file.bytes.len(),
                    sha256: manifest::sha256(&file.bytes),
                })
            })
            .collect::<Result<Vec<Written>>>()?;
        Ok((written, output.read))
    };
    Kept {
        files: put(),
        warnings,
    }
}

/// What `dokgen check` found.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// How many documents were checked.
    pub documents: usize,
    /// Findings about the facts (sizes, projections, scenarios).
    pub notes: Vec<crate::message::Message>,
    /// What a secretariat should look at before sending, though nothing
    /// is wrong enough to refuse: an item that names an amount without an
    /// Økonomi section, a letter that argues from old figures.
    pub warnings: Vec<Diagnostic>,
    /// What is left to fill in: every place in the facts, the
    /// declarations and the prose where a placeholder stands (one per
    /// line), whether or not a document prints it yet.
    pub unfilled: Vec<Unfilled>,
}

/// Checks everything a build would do (facts, references, rules, templates,
/// prose, typesetting and the PDF standards) without writing a file: every
/// document is made into memory, so the problems are those of a build
/// (in workers running `workers_run`, if given, as [`Options`] says).
pub fn check(
    session: &Session,
    workers_run: Option<PathBuf>,
    on_event: impl FnMut(Event<'_>),
) -> Result<CheckReport> {
    let options = Options {
        force: true,
        workers_run,
        ..Options::default()
    };
    run(session, &options, &MemorySink::new(), on_event)?;
    Ok(CheckReport {
        documents: session.documents().len(),
        notes: notes::findings(&session.content().facts),
        warnings: kinds::advice(session.project(), session.content()),
        unfilled: unfilled(session),
    })
}

/// Every place in the project's content where one of its placeholders
/// stands, sorted by file and line, one per line, each with whether a
/// document prints it now.
pub fn unfilled(session: &Session) -> Vec<Unfilled> {
    let content = session.content();
    let mut found = Vec::new();
    for placeholder in session.project().placeholders() {
        found.extend(content.sources.find_text(placeholder));
        for (path, text) in &content.prose {
            for (at, _) in text.match_indices(placeholder) {
                found.push(location_in(&Path::new("content").join(path), text, at));
            }
        }
    }
    // A fact that is not given at all has no placeholder to find: a
    // municipality's population figures, which every application shows.
    let no_figures: Vec<Location> = content
        .facts
        .municipalities
        .iter()
        .filter(|(_, m)| m.population.is_empty())
        .filter_map(|(id, _)| {
            content
                .sources
                .value(&format!("municipalities.{id}.population"))
        })
        .collect();
    found.extend(no_figures.iter().cloned());
    found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    found.dedup_by(|b, a| a.file == b.file && a.line == b.line);
    let sources: Vec<String> = session
        .documents()
        .iter()
        .filter_map(|d| session.render(d).ok())
        .map(|r| r.source().to_owned())
        .collect();
    let printed = |text: &str| {
        let escaped = crate::escape::markup(text);
        sources
            .iter()
            .any(|s| s.contains(text) || s.contains(escaped.as_str()))
    };
    found
        .into_iter()
        .map(|at| {
            let printed = if no_figures.contains(&at) {
                printed(NO_FIGURE)
            } else if at.file.extension().is_some_and(|e| e == "md") {
                // Prose holds facts in its placeholders; its file is
                // printed where its origin marker stands.
                printed(&format!("/*@ {}:", at.file.display()))
            } else {
                let rest: String = at.snippet.chars().skip(at.column - 1).collect();
                let whole = match rest.find(']') {
                    Some(end) if rest.starts_with('[') => &rest[..=end],
                    _ => rest.split('"').next().unwrap_or_default(),
                };
                printed(whole)
            };
            Unfilled { at, printed }
        })
        .collect()
}

/// Where byte `at` of `text`, the content of `file`, stands: its 1-based
/// line and column (in characters) and the line itself.
fn location_in(file: &Path, text: &str, at: usize) -> Location {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    Location {
        file: file.to_path_buf(),
        line: text[..at].matches('\n').count() + 1,
        column: text[line_start..at].chars().count() + 1,
        snippet: text[line_start..line_end].trim_end().to_owned(),
    }
}

/// What the built-in population table (`partials/befolkning.typ.tera`)
/// prints for a municipality with no figure.
const NO_FIGURE: &str = "[indsæt indbyggertal]";

/// A place where a placeholder stands for a fact or text not yet given.
#[derive(Debug, Clone)]
pub struct Unfilled {
    /// Where it stands.
    pub at: Location,
    /// Whether a document prints it now.
    pub printed: bool,
}

/// Prose shared by several documents would warn once per document: pass
/// each warning on once.
fn once_per_warning(mut on_event: impl FnMut(Event<'_>)) -> impl FnMut(Event<'_>) {
    let mut warned = HashSet::new();
    move |event| match event {
        Event::Warning(d) if !warned.insert(d.clone()) => {}
        event => on_event(event),
    }
}
