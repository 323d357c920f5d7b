//! Which documents to make, in what order, and how they are written.
//!
//! Takes a [`Project`]; reads and checks its content, parses its templates
//! and loads its fonts once ([`Session`]), then for each declared document
//! renders its template, typesets it and writes `<output>/<name>.pdf`
//! ([`build`]), or typesets it without writing anything ([`check`]). A
//! document that fails does not stop the others; all problems are reported
//! at the end. A build holds the output folder's lock, writes each file
//! whole ([`output`]), records what each PDF was made from in
//! `manifest.json`, and leaves alone a document whose inputs are unchanged
//! since ([`manifest`]).

pub mod manifest;
pub mod output;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use manifest::{Entry, Hashes, Input, Manifest};
use output::OutputDir;

use crate::context;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::facts::{self, Content, Document};
use crate::project::Project;
use crate::render::{Rendered, locate_in_prose};
use crate::template::Templates;
use crate::typeset::{Job, Typesetter};

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the PDFs go; the project's `output/` if not given.
    pub output: Option<PathBuf>,
    /// Make every document, even those whose inputs are unchanged.
    pub force: bool,
    /// How many documents to make at once; all cores if not given.
    pub jobs: Option<usize>,
    /// Also write each document's generated Typst source beside its PDF
    /// (`<name>.typ`), for debugging templates.
    pub emit_typst: bool,
}

/// A PDF that was written.
#[derive(Debug, Clone)]
pub struct Written {
    /// Its path.
    pub path: PathBuf,
    /// Its page count.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its SHA-256.
    pub sha256: String,
}

/// What a build or check did, told as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// A PDF was written.
    Written(&'a Written),
    /// A PDF was left as it is: nothing it is made from has changed since
    /// the manifest was written.
    UpToDate(&'a Path),
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
    /// A document was checked: it renders and typesets without error.
    Checked(&'a Document),
    /// Something to look at that did not stop the work.
    Warning(&'a Diagnostic),
}

/// What `dokgen check` found.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// How many documents were checked.
    pub documents: usize,
    /// Findings about the facts, in Danish (sizes, projections, scenarios).
    pub notes: Vec<String>,
}

/// A project read and ready to make documents: content checked, templates
/// parsed, fonts loaded.
pub struct Session<'p> {
    project: &'p Project,
    content: Content,
    templates: Templates,
    typesetter: Typesetter,
    /// `SOURCE_DATE_EPOCH`, if set: every PDF's timestamp.
    source_date_epoch: Option<i64>,
    /// The facts as templates see them, once per date.
    shared: crate::render::SharedContexts,
    /// The inputs of every document: dokgen.yaml, the fact files, the
    /// templates and the project's fonts.
    common_inputs: Vec<PathBuf>,
}

impl<'p> Session<'p> {
    /// Reads and checks everything a build needs. Problems with the facts
    /// or templates are all reported here, before any document is made.
    pub fn open(project: &'p Project) -> Result<Self> {
        let content = facts::load(project)?;
        let templates = Templates::load(project, &content.prose)?;
        check_documents(&content, &templates)?;
        let typesetter = Typesetter::new(project)?;
        let common_inputs = common_inputs(project, &content, &templates);
        Ok(Self {
            project,
            content,
            templates,
            typesetter,
            source_date_epoch: source_date_epoch()?,
            shared: Default::default(),
            common_inputs,
        })
    }

    /// The checked content.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The Typst source of `document`.
    pub fn render(&self, document: &Document) -> Result<Rendered> {
        crate::render::render_shared(
            self.project,
            &self.content,
            &self.templates,
            document,
            &self.shared,
        )
    }

    /// Typesets `document` from its rendered source into a PDF in memory,
    /// with this session's fonts and Typst library (for benchmarks and
    /// tools; `build` writes the files).
    pub fn typeset(
        &self,
        document: &Document,
        rendered: Rendered,
    ) -> Result<crate::typeset::Typeset> {
        self.typesetter.typeset(self.job(document, rendered))
    }

    /// The manifest entry `document` would get, with the inputs known
    /// before it is made: the project settings, the facts, its declaration
    /// and prose, the templates and the project's fonts. What Typst reads
    /// (the style library, images, annexes) is added once it is made.
    fn entry(&self, document: &Document, hashes: &mut Hashes) -> Entry {
        let project = self.project;
        let own = std::iter::once(document.file.clone()).chain(
            crate::render::prose_for(&self.content, document).map(|p| Path::new("content").join(p)),
        );
        let mut inputs: Vec<Input> = self
            .common_inputs
            .iter()
            .cloned()
            .chain(own)
            .filter_map(|p| hashes.input(&p))
            .collect();
        inputs.sort_by(|a, b| a.path.cmp(&b.path));
        inputs.dedup();
        Entry {
            output: format!("{}.pdf", document.spec.output),
            sha256: String::new(),
            pages: 0,
            declaration: manifest::relative(&project.root, &project.root.join(&document.file)),
            standards: self.standards(document).to_vec(),
            source_date_epoch: self.source_date_epoch,
            dokgen: manifest::dokgen_build(),
            inputs,
        }
    }

    fn standards<'d>(&self, document: &'d Document) -> &'d [crate::typeset::standards::Standard] {
        document
            .spec
            .pdf_standards
            .as_deref()
            .unwrap_or(crate::typeset::standards::DEFAULT)
    }

    fn job<'d>(&self, document: &'d Document, rendered: Rendered) -> Job<'d> {
        Job {
            name: &document.spec.output,
            source: rendered.source,
            date: document.date,
            timestamp: self.source_date_epoch,
            standards: self.standards(document),
            generated: rendered.generated,
            ident: self.project.document_ident(&document.spec.output),
        }
    }
}

/// Builds every document of `project`. `on_event` hears of each PDF as it
/// is written or found up to date, and of each warning, in the order of the
/// documents whatever order they are made in, and of the progress as it
/// happens. Returns the written PDFs, or every error; the manifest is
/// written either way, for the documents that have a PDF.
///
/// Documents are made in parallel on `options.jobs` threads (all cores by
/// default), sharing the fonts, the Typst library and Typst's memoised
/// work; the PDFs are the same bytes as when made one by one.
pub fn build(
    project: &Project,
    options: &Options,
    on_event: impl FnMut(Event<'_>),
) -> Result<Vec<Written>> {
    let mut on_event = once_per_warning(on_event);
    let session = Session::open(project)?;
    let output_dir = options
        .output
        .clone()
        .unwrap_or_else(|| project.default_output_dir());
    let out = OutputDir::open(&output_dir)?;
    let previous = Manifest::read(out.path());
    let mut hashes = Hashes::new(&project.root);
    let documents = &session.content.documents;
    let total = documents.len();
    on_event(Event::Progress { done: 0, total });

    // What each document needs: nothing (up to date), or to be made. The
    // inputs and the PDFs from before are hashed on all cores.
    let workers = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let chunk = total.div_ceil(workers).max(1);
    let plans: Vec<Plan> = std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|part| {
                let (session, previous, out) = (&session, &previous, &out);
                scope.spawn(move || {
                    let mut hashes = Hashes::new(&session.project.root);
                    part.iter()
                        .map(|document| {
                            let wanted = session.entry(document, &mut hashes);
                            let kept = previous.entry(&wanted.output).cloned();
                            let current = !options.force
                                && kept.as_ref().is_some_and(|k| {
                                    Manifest::is_current(k, &wanted, out.path(), &mut hashes)
                                });
                            Plan {
                                wanted,
                                kept,
                                current,
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("planning does not panic"))
            .collect()
    });
    let to_make: Vec<usize> = (0..total).filter(|&i| !plans[i].current).collect();
    let mut done = total - to_make.len();
    if done > 0 {
        on_event(Event::Progress { done, total });
    }

    let workers = workers.min(to_make.len().max(1));
    let mut results: Vec<Option<Result<Made>>> = (0..total).map(|_| None).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (session, out, to_make, next) = (&session, &out, &to_make, &next);
            scope.spawn(move || {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = to_make.get(k) else { break };
                    let made = build_one(session, &documents[i], out, options.emit_typst);
                    if tx.send((i, made)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, made) in rx {
            results[i] = Some(made);
            done += 1;
            on_event(Event::Progress { done, total });
            // Keep Typst's memoised work from growing without bound in
            // long runs: what no recent document used goes.
            if done.is_multiple_of(4 * workers) {
                comemo::evict(4);
            }
        }
    });

    // The outcome, in the order of the documents.
    let mut manifest = Manifest::default();
    let mut written = Vec::new();
    let mut errors = Vec::new();
    for ((document, plan), result) in documents.iter().zip(plans).zip(results) {
        let Some(result) = result else {
            let kept = plan.kept.expect("an up-to-date document has an entry");
            on_event(Event::UpToDate(&out.path().join(&kept.output)));
            manifest.documents.push(kept);
            continue;
        };
        match result {
            Ok(made) => {
                for warning in &made.warnings {
                    on_event(Event::Warning(warning));
                }
                on_event(Event::Written(&made.written));
                let mut entry = plan.wanted;
                entry.sha256 = made.written.sha256.clone();
                entry.pages = made.written.pages;
                entry
                    .inputs
                    .extend(made.read.iter().filter_map(|p| hashes.input(p)));
                entry.inputs.sort_by(|a, b| a.path.cmp(&b.path));
                entry.inputs.dedup();
                manifest.documents.push(entry);
                written.push(made.written);
            }
            Err(err) => {
                on_event(Event::Failed(document));
                errors.push(err);
                // The PDF from before is still there, untouched: its entry
                // still describes it.
                if let Some(kept) = plan.kept {
                    manifest.documents.push(kept);
                }
            }
        }
    }
    out.write(manifest::FILE, manifest.to_json().as_bytes())?;
    match Error::many(errors) {
        Some(err) => Err(err),
        None => Ok(written),
    }
}

/// What a build does with a document.
struct Plan {
    /// Its manifest entry, with the inputs known before it is made.
    wanted: Entry,
    /// Its entry from the previous build, if any.
    kept: Option<Entry>,
    /// Whether that entry is current: the document need not be made.
    current: bool,
}

/// A document made: its PDF, the files read for it, and its warnings.
struct Made {
    written: Written,
    read: Vec<PathBuf>,
    warnings: Vec<Diagnostic>,
}

/// Checks everything a build would do (facts, references, rules, templates,
/// prose and typesetting) without writing a file.
pub fn check(project: &Project, on_event: impl FnMut(Event<'_>)) -> Result<CheckReport> {
    let mut on_event = once_per_warning(on_event);
    let session = Session::open(project)?;
    let mut errors = Vec::new();
    for document in &session.content.documents {
        let result = session.render(document).and_then(|rendered| {
            for warning in &rendered.warnings {
                on_event(Event::Warning(warning));
            }
            let source = rendered.source.clone();
            let job = session.job(document, rendered);
            // Exported too (in memory), so that the PDF standards are
            // checked as a build checks them.
            let typeset = session
                .typesetter
                .typeset(job)
                .map_err(|err| locate_in_prose(&source, err))?;
            for warning in &located(&source, typeset.warnings) {
                on_event(Event::Warning(warning));
            }
            Ok(())
        });
        match result {
            Ok(()) => on_event(Event::Checked(document)),
            Err(err) => errors.push(err),
        }
    }
    if let Some(err) = Error::many(errors) {
        return Err(err);
    }
    Ok(CheckReport {
        documents: session.content.documents.len(),
        notes: context::findings(&session.content.facts, None),
    })
}

/// The inputs every document of `project` is made from: dokgen.yaml, the
/// fact files (not the declarations: each document has its own), the
/// templates and the project's fonts.
fn common_inputs(project: &Project, content: &Content, templates: &Templates) -> Vec<PathBuf> {
    let declarations = Path::new("content").join(facts::load::DOCUMENTS_DIR);
    let mut paths: Vec<PathBuf> = vec![PathBuf::from(crate::project::CONFIG_FILE)];
    paths.extend(
        content
            .sources
            .files()
            .filter(|f| !f.starts_with(&declarations))
            .map(Path::to_path_buf),
    );
    let dir = project.templates_dir();
    paths.extend(templates.files().iter().map(|name| dir.join(name)));
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

/// The timestamp reproducible builds agree on
/// (<https://reproducible-builds.org/specs/source-date-epoch/>), if set.
fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(text) if text.trim().is_empty() => Ok(None),
        Ok(text) => text.trim().parse::<i64>().map(Some).map_err(|_| {
            Diagnostic::error(format!("SOURCE_DATE_EPOCH is `{text}`, not a number of seconds"))
                .hint("set it to whole seconds since 1970-01-01 UTC, e.g. `SOURCE_DATE_EPOCH=1503273600`, or unset it to date each PDF by its document")
                .into()
        }),
    }
}

/// Typst's warnings, those in converted prose placed at their Markdown line.
fn located(source: &str, warnings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if warnings.is_empty() {
        return warnings;
    }
    locate_in_prose(source, Error::from(warnings)).into_diagnostics()
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

fn build_one(
    session: &Session<'_>,
    document: &Document,
    out: &OutputDir,
    emit_typst: bool,
) -> Result<Made> {
    let spec = &document.spec;
    let mut rendered = session.render(document)?;
    let mut warnings = std::mem::take(&mut rendered.warnings);
    let source = rendered.source.clone();
    let mut read = std::mem::take(&mut rendered.read);
    let typst_name = format!("{}.typ", spec.output);
    if emit_typst {
        out.write(&typst_name, source.as_bytes())?;
    }
    let typeset = session.typesetter.typeset(session.job(document, rendered)).map_err(|err| {
        let err = locate_in_prose(&source, err);
        // Keep the generated source, so the line in the message can be read.
        let Ok(debug_path) = out.write(&typst_name, source.as_bytes()) else {
            return err;
        };
        let note = Diagnostic::error(format!("`{}` could not be typeset", document.file.display()))
            .in_file(&document.file)
            .hint(format!(
                "the generated Typst source is in {}; `templates/{}.generated.typ` in the messages above means that file",
                debug_path.display(),
                spec.output
            ));
        Error::from(err.into_diagnostics().into_iter().chain([note]).collect::<Vec<_>>())
    })?;
    warnings.extend(located(&source, typeset.warnings));
    let path = out.write(&format!("{}.pdf", spec.output), &typeset.pdf)?;
    read.extend(typeset.read);
    Ok(Made {
        written: Written {
            path,
            pages: typeset.pages,
            bytes: typeset.pdf.len(),
            sha256: manifest::sha256(&typeset.pdf),
        },
        read,
        warnings,
    })
}

/// Every document names a template that exists and an output name that is
/// a plain file name used by no other document.
fn check_documents(content: &Content, templates: &Templates) -> Result<()> {
    let mut problems = Vec::new();
    let mut outputs: BTreeMap<&str, &Path> = BTreeMap::new();
    for document in &content.documents {
        let spec = &document.spec;
        if !templates.contains(&spec.template) {
            problems.push(
                Diagnostic::error(format!("the template `{}` does not exist", spec.template))
                    .in_file(&document.file)
                    .located(content.sources.value_in(&document.file, "template"))
                    .hint(format!(
                        "templates in templates/: {}",
                        templates.names().join(", ")
                    )),
            );
        }
        let plain = !spec.output.is_empty()
            && !spec.output.starts_with('.')
            && !spec.output.contains(['/', '\\'])
            && !spec.output.ends_with(".pdf");
        if !plain {
            problems.push(
                Diagnostic::error(format!(
                    "`output: {}` is not a plain file name",
                    spec.output
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "output"))
                .hint(
                    "give the PDF's name without folder and without .pdf, e.g. `output: strategi`",
                ),
            );
        }
        if let Some(first) = outputs.insert(&spec.output, &document.file) {
            problems.push(
                Diagnostic::error(format!(
                    "two documents are written to `{}.pdf`",
                    spec.output
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "output"))
                .hint(format!(
                    "{} uses the same `output`; give each document its own",
                    first.display()
                )),
            );
        }
    }
    if content.documents.is_empty() {
        problems.push(
            Diagnostic::error("the project declares no documents")
                .in_file("content/documents")
                .hint("add a YAML file per document under content/documents/ with template, output, title and date"),
        );
    }
    match Error::many(problems.into_iter().map(Error::from)) {
        Some(err) => Err(err),
        None => Ok(()),
    }
}
