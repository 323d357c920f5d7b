//! A project kept open to show its documents while they are edited: the
//! state behind `dokgen serve`.
//!
//! A [`Preview`] holds one warm [`Session`] and, for each document, what a
//! reader sees of it: the pages of its last good layout as SVG, the files
//! a build would write, and its errors and warnings now. Told which files
//! changed ([`Preview::refresh`]), it has the session read them again and
//! makes again the documents whose inputs changed, as the build's planner
//! tells them ([`crate::plan`], with its records kept in memory): the
//! others are left as they are. Documents being looked at are made first,
//! and each is published as soon as it is made, so a page updates without
//! waiting for the rest. A document that fails keeps its last good pages.
//!
//! A page is kept as Typst laid it out and drawn when a browser asks for
//! it (see [`Page::raster`]): in pixels, by Typst's own rasteriser, at the
//! size the browser shows it, so it is crisp at any zoom and painted at
//! once (a vector drawing of a page holds thousands of glyphs, which a
//! browser takes some 150 ms to paint). A page whose frame did not change
//! keeps its name, so a browser asks only for the pages that changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};

use typst_layout::PagedDocument;

use crate::diagnostic::{Diagnostic, Error};
use crate::kinds::Document;
use crate::message::Message;
use crate::plan::manifest::{self, Entry, Hashes, Manifest};
use crate::plan::{self, MadeFile, Plan, Records};
use crate::pool::{self, Priority};
use crate::render::Rendered;
use crate::session::{Origin, Output, Session};
use crate::typeset::Run;

/// A project's documents as they are now, kept up to date.
pub struct Preview {
    root: PathBuf,
    session: RwLock<Option<Session>>,
    /// Where it tells which document it is making (`making NAME`, `made
    /// NAME`, one a line): the process that watches over `dokgen serve`
    /// knows so which document ended it, if one does.
    status: Mutex<Option<std::fs::File>>,
    /// What ended the process before this one, by the document it was
    /// making: told in place of making it, once.
    fallen: Mutex<HashMap<String, Message>>,
    /// Documents that ended a process: made again only when what they
    /// are made from changes, not at any change (as other failed ones).
    fell: Mutex<std::collections::HashSet<String>>,
    /// Documents one of which ended the process before this one: made
    /// one at a time, before the others, so that the next end names one.
    suspects: Mutex<Vec<String>>,
    /// What each document's files were last made from, or, for one that
    /// failed, what it was to be made from: the planner's records.
    records: Mutex<Manifest>,
    state: Mutex<State>,
    published: Condvar,
}

/// What the preview shows, at one version.
#[derive(Clone, Default)]
pub struct State {
    /// Counts every change published: a reader that saw an older version
    /// has something new to see.
    pub version: u64,
    /// The project's name, once it could be read.
    pub project: Option<String>,
    /// Errors that stop every document: the project or its facts cannot
    /// be read. Each document keeps its last good pages meanwhile.
    pub problems: Vec<Diagnostic>,
    /// The documents, in the order of their declarations.
    pub documents: Vec<Shown>,
}

impl Shown {
    /// The pages to show: those laid out anew, or those last made.
    pub fn pages(&self) -> &[Arc<Page>] {
        match (&self.laid, &self.good) {
            (Some(laid), _) => laid,
            (None, Some(good)) => &good.pages,
            (None, None) => &[],
        }
    }
}

impl State {
    /// The document `name`, if the state lists it.
    pub fn document(&self, name: &str) -> Option<&Shown> {
        self.documents.iter().find(|d| d.name == name)
    }

    fn document_mut(&mut self, name: &str) -> Option<&mut Shown> {
        self.documents.iter_mut().find(|d| d.name == name)
    }
}

/// One document as the preview shows it.
#[derive(Clone)]
pub struct Shown {
    /// Its output name (`strategi`), which names it in the preview.
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its declaration, relative to the project.
    pub declared_in: PathBuf,
    /// The errors that stopped it when it was last made; none if it was
    /// made.
    pub errors: Vec<Diagnostic>,
    /// Its warnings from when it was last made.
    pub warnings: Vec<Diagnostic>,
    /// Its last good pages, PDF and layout; none before it was first made.
    pub good: Option<Arc<Good>>,
    /// Its pages as laid out anew while its files are still being made:
    /// shown in the place of those of `good` meanwhile.
    pub laid: Option<Vec<Arc<Page>>>,
    /// How long it last took to make.
    pub took: Option<Duration>,
}

/// A document as it was last made without error.
pub struct Good {
    /// Its pages, drawn.
    pub pages: Vec<Arc<Page>>,
    /// The files a build writes of it, one per format (a published
    /// document's PDF twice: beside the publication and in it).
    pub output: Output,
    /// The SHA-256 of each of those files, in their order.
    pub made: Vec<String>,
    /// The laid-out pages they were exported from.
    layout: PagedDocument,
    rendered: Rendered,
    document: Document,
}

/// One page, as laid out.
pub struct Page {
    /// The page Typst laid out (its frames are shared, not copied).
    laid: typst_layout::Page,
    /// A name for exactly this page: a hash of its frame, in hexadecimal.
    pub id: String,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// Its runs of text, with where they stand: a layer of text over the
    /// drawing, to select, copy and find.
    pub runs: Vec<Run>,
    /// A hash of its frame.
    frame: u128,
    /// Its last drawings in pixels, by scale: the browser asks again for
    /// the same one when it switches back to a document, or draws the
    /// page at two sizes (zooming in and out again).
    rasters: Mutex<Vec<(u32, Arc<Vec<u8>>)>>,
}

/// The fewest and most pixels a page is drawn with per point: a page shown
/// small, and one zoomed far in on a screen of three pixels to a CSS pixel.
const SCALES: (f64, f64) = (0.25, 8.0);

/// How long the documents not looked at wait, after those looked at were
/// made, for a newer save before they are made: a pause in the saves.
const PAUSE: Duration = Duration::from_millis(150);

/// How many drawings in pixels a page keeps.
const RASTERS_KEPT: usize = 2;

impl Page {
    /// The page as a PNG image of `scale` pixels per point (within
    /// [`SCALES`], to 1/1024), white where nothing is drawn.
    pub fn raster(&self, scale: f64) -> Arc<Vec<u8>> {
        let scale = scale.clamp(SCALES.0, SCALES.1);
        let key = (scale * 1024.0).round() as u32;
        let mut kept = self.rasters.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, png)) = kept.iter().find(|(k, _)| *k == key) {
            return Arc::clone(png);
        }
        drop(kept);
        let png = Arc::new(png_of(&self.laid, f64::from(key) / 1024.0));
        kept = self.rasters.lock().unwrap_or_else(|e| e.into_inner());
        kept.retain(|(k, _)| *k != key);
        kept.insert(0, (key, Arc::clone(&png)));
        kept.truncate(RASTERS_KEPT);
        png
    }

    /// The page as an SVG drawing (for a reader that wants vectors).
    pub fn svg(&self) -> String {
        typst_svg::svg(&self.laid, &typst_svg::SvgOptions::default())
    }
}

/// `page` drawn with `scale` pixels per point, as a PNG image,
/// compressed for speed rather than size, since it goes no further than
/// the machine's own browser. The page is white, so every pixel is opaque
/// and the rasteriser's premultiplied colours are the colours.
fn png_of(page: &typst_layout::Page, scale: f64) -> Vec<u8> {
    use image::ImageEncoder;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(scale),
        ..Default::default()
    };
    let pixmap = typst_render::render(page, &options);
    let mut png = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut png,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Up,
    );
    // Encoding into memory fails only on sizes the scale bounds exclude.
    let _ = encoder.write_image(
        pixmap.data(),
        pixmap.width(),
        pixmap.height(),
        image::ExtendedColorType::Rgba8,
    );
    png
}

/// What [`Preview::refresh`] did to one document.
#[derive(Debug, Clone)]
pub enum Update {
    /// A document was made anew.
    Made {
        /// Its name.
        name: String,
        /// How long it took.
        took: Duration,
        /// Its warnings that it did not have before.
        new_warnings: Vec<Diagnostic>,
    },
    /// A document could not be made.
    Failed {
        /// Its name.
        name: String,
        /// Why.
        errors: Vec<Diagnostic>,
    },
    /// The project cannot be read (its settings or facts have errors), so
    /// no document can be made.
    Unreadable(Vec<Diagnostic>),
}

impl Preview {
    /// A preview of the project in `root`, with nothing made yet: the
    /// first [`Preview::refresh`] opens the project and makes every
    /// document. A project that cannot be opened still has a preview,
    /// which shows why until a change of files mends it.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            session: RwLock::new(None),
            status: Mutex::new(None),
            fallen: Mutex::new(HashMap::new()),
            fell: Mutex::new(std::collections::HashSet::new()),
            suspects: Mutex::new(Vec::new()),
            records: Mutex::new(Manifest::default()),
            state: Mutex::new(State::default()),
            published: Condvar::new(),
        }
    }

    /// Tells `file`, a line for each, which document it begins and ends
    /// making.
    pub fn report_to(&self, file: std::fs::File) {
        *self.status.lock().unwrap_or_else(|e| e.into_inner()) = Some(file);
    }

    /// Takes in that the process before this one ended, while making the
    /// documents `names`, for `why`: one document is shown as failed for
    /// that reason and made again when what it is made from changes;
    /// several are made one at a time, first, to find which.
    pub fn after_an_end(&self, names: Vec<String>, why: Message) {
        if let [name] = names.as_slice() {
            self.fallen
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(name.clone(), why);
            self.fell
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(name.clone());
        } else {
            *self.suspects.lock().unwrap_or_else(|e| e.into_inner()) = names;
        }
    }

    fn tell(&self, what: &str, name: &str) {
        use std::io::Write;
        if let Some(file) = self
            .status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            let _ = writeln!(file, "{what} {name}").and_then(|()| file.flush());
        }
    }

    /// Takes in that the files at `paths` changed, were added or were
    /// removed, and makes again the documents they touch, those named in
    /// `first` before the others. Each outcome is told to `on_update` as
    /// it is published.
    pub fn refresh(
        &self,
        paths: &[PathBuf],
        first: &[String],
        superseded: &(dyn Fn() -> bool + Sync),
        mut on_update: impl FnMut(&Update) + Send,
    ) {
        let files_changed = {
            let mut session = self.session.write().unwrap_or_else(|e| e.into_inner());
            match reload(&self.root, &mut session, paths) {
                Ok(files) => files,
                Err(err) => {
                    let problems = err.into_diagnostics();
                    self.publish(|state| state.problems.clone_from(&problems));
                    on_update(&Update::Unreadable(problems));
                    return;
                }
            }
        };
        let session = self.session.read().unwrap_or_else(|e| e.into_inner());
        let Some(session) = session.as_ref() else {
            return;
        };
        self.list(session);
        let documents = session.documents();
        let workers = pool::workers(None);
        let plans = {
            let records = self.records.lock().unwrap_or_else(|e| e.into_inner());
            let records = Records {
                made: &records,
                folder: None,
            };
            plan::plan(session, Some(records), false, workers)
        };
        // A document that failed may be mended by a file no record names
        // (an image it lacked), or by a font.
        let fell = self.fell.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let failed = |i: usize| {
            let name = &documents[i].spec.output;
            !fell.contains(name)
                && self
                    .lock()
                    .document(name)
                    .is_some_and(|shown| !shown.errors.is_empty())
        };
        let to_make: Vec<usize> = (0..documents.len())
            .filter(|&i| !plans[i].current || (files_changed && failed(i)))
            .collect();
        // The documents looked at are made before the others; the others
        // at a lower priority, so that the browser drawing what is looked
        // at is not kept waiting on a small machine.
        let suspects =
            std::mem::take(&mut *self.suspects.lock().unwrap_or_else(|e| e.into_inner()));
        let (one_by_one, to_make): (Vec<usize>, Vec<usize>) = to_make
            .into_iter()
            .partition(|&i| suspects.contains(&documents[i].spec.output));
        let (now, later): (Vec<usize>, Vec<usize>) = to_make
            .into_iter()
            .partition(|&i| first.contains(&documents[i].spec.output));
        let mut made: Vec<Option<Vec<Entry>>> = vec![None; documents.len()];
        let looked_at = !now.is_empty();
        for (group, priority, workers) in [
            (one_by_one, Priority::Normal, 1),
            (now, Priority::Normal, workers),
            (later, Priority::Background, workers),
        ] {
            // The others wait for a pause in the saves once what is looked
            // at was made: the browser draws it meanwhile, and a save that
            // comes while someone types is not kept waiting for documents
            // begun for the save before (no layout can be stopped).
            if priority == Priority::Background && looked_at && !group.is_empty() {
                let until = Instant::now() + PAUSE;
                while Instant::now() < until && !superseded() {
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            pool::run(
                &group,
                workers,
                priority,
                || Hashes::new(session.project()),
                // A document not begun when a newer change came is left to
                // the refresh of that change: the newest edit wins, and a
                // burst of saves never queues remakes.
                |hashes, &i| {
                    (!superseded())
                        .then(|| self.make_one(session, &documents[i], &plans[i], hashes))
                },
                |k, made_one| {
                    if let Some((update, entries)) = made_one {
                        on_update(&update);
                        made[group[k]] = Some(entries);
                    }
                },
            );
        }
        // The records of the documents not made are as they were.
        let documents = plans
            .into_iter()
            .zip(made)
            .flat_map(|(plan, made)| made.unwrap_or(plan.previous))
            .collect();
        *self.records.lock().unwrap_or_else(|e| e.into_inner()) = Manifest {
            documents,
            ..Manifest::default()
        };
        // What no document of the last three rounds used goes, so that
        // memory stays level over a long session of edits, and the memory
        // freed goes back to the system (glibc keeps it otherwise: 360 MB
        // resident after a fact every document shows was edited five
        // times, against 260 MB so).
        comemo::evict(3);
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: malloc_trim only returns free memory to the system.
        unsafe {
            libc::malloc_trim(0);
        }
    }

    /// The state now.
    pub fn state(&self) -> State {
        self.lock().clone()
    }

    /// Waits until a version newer than `seen` is published, or `timeout`
    /// passes; gives the state then.
    pub fn wait(&self, seen: u64, timeout: Duration) -> State {
        let state = self.lock();
        let (state, _) = self
            .published
            .wait_timeout_while(state, timeout, |s| s.version <= seen)
            .unwrap_or_else(|e| e.into_inner());
        state.clone()
    }

    /// The page drawing named `id`, of any document: of the pages shown
    /// as laid out, or of those last made (which a page may still ask for
    /// while the new ones go out).
    pub fn page(&self, id: &str) -> Option<Arc<Page>> {
        let state = self.lock();
        state
            .documents
            .iter()
            .flat_map(|d| {
                let good = d.good.as_ref().map(|g| g.pages.as_slice());
                d.laid.iter().flatten().chain(good.into_iter().flatten())
            })
            .find(|page| page.id == id)
            .cloned()
    }

    /// The document `name` as last made without error: its pages, PDF
    /// and layout.
    pub fn good(&self, name: &str) -> Option<Arc<Good>> {
        self.lock().document(name)?.good.clone()
    }

    /// Where a person wrote the text drawn at (`x`, `y`) points from the
    /// top left of page `page` (0-based) of the document `name`, as last
    /// made without error.
    pub fn origin(&self, name: &str, page: usize, point: (f64, f64)) -> Option<Origin> {
        let good = self.good(name)?;
        let session = self.session.read().unwrap_or_else(|e| e.into_inner());
        session
            .as_ref()?
            .origin(&good.document, &good.rendered, &good.layout, page, point)
    }

    /// Calls `f` with the session, if the project could be opened: for
    /// work that goes with a refresh (writing the PDFs).
    pub fn with_session<T>(&self, f: impl FnOnce(&Session) -> T) -> Option<T> {
        let session = self.session.read().unwrap_or_else(|e| e.into_inner());
        session.as_ref().map(f)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Changes the state with `change` and tells every waiting reader;
    /// gives what `change` gives.
    fn publish<T>(&self, change: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self.lock();
        let out = change(&mut state);
        state.version += 1;
        self.published.notify_all();
        out
    }

    /// Lists the session's documents in the state, keeping what is known
    /// of those that were there before, in the order of their
    /// declarations; clears the problems of a project that could not be
    /// read. Published only where that changes what is shown (a new
    /// version sends the whole state to every page).
    fn list(&self, session: &Session) {
        let mut state = self.lock();
        let documents: Vec<Shown> = session
            .documents()
            .iter()
            .map(|document| {
                let mut shown = state
                    .document(&document.spec.output)
                    .cloned()
                    .unwrap_or_else(|| Shown::new(document));
                if shown.good.is_none() {
                    shown.title = declared_title(document);
                }
                shown.declared_in = document.file.clone();
                shown
            })
            .collect();
        let project = Some(session.project().config.name.clone());
        let listed = |d: &Shown| (d.name.clone(), d.title.clone(), d.declared_in.clone());
        let same = state.problems.is_empty()
            && state.project == project
            && state
                .documents
                .iter()
                .map(listed)
                .eq(documents.iter().map(listed));
        if same {
            return;
        }
        state.documents = documents;
        state.project = project;
        state.problems.clear();
        state.version += 1;
        self.published.notify_all();
    }

    /// Makes one document, draws its pages and publishes it; gives what
    /// to tell and the records of what it was made from: its entries once
    /// made, or, where it failed, those of the inputs it was to be made
    /// from (so that it is made again when one of them changes).
    fn make_one(
        &self,
        session: &Session,
        document: &Document,
        plan: &Plan,
        hashes: &mut Hashes,
    ) -> (Update, Vec<Entry>) {
        let started = Instant::now();
        let name = document.spec.output.clone();
        let before = self.good(&name);
        // The pages drawn as soon as they were laid out, shown while the
        // files are made: the made document's pages.
        let laid = std::sync::OnceLock::new();
        let fallen = self
            .fallen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&name);
        let (made, rendered) = match fallen {
            Some(why) => {
                let err = session.at_declaration(document, Diagnostic::error(why).into());
                let made = crate::session::Made {
                    source: None,
                    warnings: Vec::new(),
                    output: Err(err),
                };
                (made, None)
            }
            None => {
                self.fell
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&name);
                self.tell("making", &name);
                // The pages are shown as soon as they are laid out; the
                // files (the PDF) follow.
                let show = |layout: &PagedDocument| {
                    let pages = laid.get_or_init(|| draw(layout, before.as_deref()));
                    self.publish(|state| {
                        if let Some(shown) = state.document_mut(&name) {
                            shown.laid = Some(pages.clone());
                        }
                    });
                };
                let made = session.make_traced_then(document, &show);
                self.tell("made", &name);
                made
            }
        };
        let warnings = made.warnings;
        let mut entries = plan.wanted.clone();
        let good = made.output.map(|mut output| {
            let files: Vec<MadeFile> = output
                .files
                .iter()
                .map(|f| MadeFile {
                    output: f.file_name.clone(),
                    sha256: manifest::sha256(&f.bytes),
                    pages: output.pages,
                })
                .collect();
            entries = plan.made(&files, &output.read, hashes);
            // A web page alone (an item's page of the web publication)
            // has no pages to draw: the preview shows it as a web page.
            let layout = output.layout.take().unwrap_or_else(|| {
                typst_layout::PagedDocument::new(Default::default(), Default::default())
            });
            Good {
                pages: laid
                    .into_inner()
                    .unwrap_or_else(|| draw(&layout, before.as_deref())),
                layout,
                made: files.into_iter().map(|f| f.sha256).collect(),
                output,
                rendered: rendered.expect("a made document was rendered"),
                document: document.clone(),
            }
        });
        let took = started.elapsed();
        let update = self.publish(|state| {
            let Some(shown) = state.document_mut(&name) else {
                // Its declaration was removed meanwhile: nothing to show.
                return outcome(name, took, &good, warnings);
            };
            let new_warnings = warnings
                .iter()
                .filter(|w| !shown.warnings.contains(w))
                .cloned()
                .collect();
            let told = outcome(name, took, &good, new_warnings);
            shown.warnings = warnings;
            shown.took = Some(took);
            shown.laid = None;
            match good {
                Ok(good) => {
                    use typst::model::Document as _;
                    if let Some(title) = &good.layout.info().title {
                        shown.title = title.to_string();
                    }
                    shown.errors.clear();
                    shown.good = Some(Arc::new(good));
                }
                Err(err) => shown.errors = err.into_diagnostics(),
            }
            told
        });
        (update, entries)
    }
}

/// What making the document `name` comes to, as told to the terminal.
fn outcome(
    name: String,
    took: Duration,
    good: &crate::diagnostic::Result<Good>,
    new_warnings: Vec<Diagnostic>,
) -> Update {
    match good {
        Ok(_) => Update::Made {
            name,
            took,
            new_warnings,
        },
        Err(err) => Update::Failed {
            name,
            errors: err.diagnostics().to_vec(),
        },
    }
}

impl Shown {
    fn new(document: &Document) -> Self {
        Self {
            name: document.spec.output.clone(),
            title: declared_title(document),
            declared_in: document.file.clone(),
            errors: Vec::new(),
            warnings: Vec::new(),
            good: None,
            laid: None,
            took: None,
        }
    }
}

/// A document's title as declared, if it is plain text (a title made
/// from facts is known once the document is made), or its name.
fn declared_title(document: &Document) -> String {
    let title = &document.spec.title;
    match title.contains("{{") || title.contains("{%") {
        true => document.spec.output.clone(),
        false => title.clone(),
    }
}

/// Opens the session if there is none yet, or has it read the changed
/// files again; says whether files Typst reads or fonts changed (which no
/// generated source shows).
fn reload(root: &Path, session: &mut Option<Session>, paths: &[PathBuf]) -> Result<bool, Error> {
    match session {
        Some(open) => {
            let reloaded = open.changed(paths)?;
            Ok(reloaded.files || reloaded.fonts)
        }
        None => {
            *session = Some(Session::open(root)?);
            Ok(true)
        }
    }
}

/// The pages of `layout`; a page whose frame is the same as one of
/// `before` is that page, with its drawings.
fn draw(layout: &PagedDocument, before: Option<&Good>) -> Vec<Arc<Page>> {
    let old: HashMap<u128, &Arc<Page>> = before
        .map(|good| good.pages.iter().map(|p| (p.frame, p)).collect())
        .unwrap_or_default();
    layout
        .pages()
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let frame = typst::utils::hash128(&page.frame);
            if let Some(same) = old.get(&frame) {
                return Arc::clone(same);
            }
            Arc::new(Page {
                id: format!("{frame:032x}"),
                width: page.frame.width().to_pt(),
                height: page.frame.height().to_pt(),
                runs: crate::typeset::runs(layout, i),
                laid: page.clone(),
                frame,
                rasters: Mutex::new(Vec::new()),
            })
        })
        .collect()
}
