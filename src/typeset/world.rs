//! dokgen's Typst [`World`]: the whole contract between a document and the
//! compiler.
//!
//! - The main file is the Typst source a template produced, held in memory.
//! - Other files (`#import`, `#read`, `#image`) come from the project folder
//!   and nowhere else: a path that leaves it, also through a symbolic link,
//!   is refused. A file under `/templates/` that the project does not have
//!   is dokgen's built-in one, if there is one ([`crate::builtin`]).
//! - Packages are refused: dokgen fetches nothing.
//! - `today()` is the document's date, never the clock, so a rebuild gives
//!   the same document.
//! - dokgen's own data for a document lives under `/.dokgen/`: the proper
//!   names the style library keeps whole (`/.dokgen/egennavne.txt`), and
//!   the pages of PDF annexes as SVG drawings (made once per PDF, see
//!   [`crate::annex`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::fonts::FontStore;

use crate::builtin::{self, Builtin};
use crate::diagnostic::io_reason;
use crate::message::{Lang, Message};
use crate::msg;
use crate::project::{FileKind, Limits, read_inside};

/// The path at which a document's proper names are found: a regular
/// expression for Typst's `regex`, or nothing (see `dokument` in the style
/// library).
pub(crate) const PROPER_NAMES: &str = "/.dokgen/egennavne.txt";

/// The path at which a document's compounds of known parts are found: a
/// line each, the word in lower case and the runs of its letters never to
/// hyphenate (see `super::compounds` and `dokument` in the style library).
pub(crate) const COMPOUNDS: &str = "/.dokgen/sammensatte.txt";

/// What stays the same for every document of a session: the standard
/// library, the fonts, the project's files and the annex pages made so far.
pub(crate) struct Shared {
    library: LazyHash<Library>,
    fonts: FontStore,
    files: Files,
    /// The SVG pages of each PDF annex, by the hash of its bytes.
    annexes: Mutex<HashMap<u128, AnnexPages>>,
}

/// The pages of a PDF annex as SVG drawings, or why it cannot be read.
type AnnexPages = Arc<Result<Vec<Bytes>, Message>>;

/// Typst's standard library, with its HTML export switched on (the
/// `html` format); a document made for print is laid out as without it.
fn library() -> Library {
    use typst::{Feature, LibraryExt};
    Library::builder()
        .with_features([Feature::Html].into_iter().collect())
        .build()
}

impl Shared {
    /// Sets up the library, fonts and file access for the project at
    /// `root`, whose `/templates/` are read from `templates` (which may lie
    /// outside the project, when projects share a house style).
    pub(crate) fn new(
        root: &Path,
        templates: &Path,
        fonts: FontStore,
        limits: Limits,
    ) -> std::io::Result<Self> {
        let root = root.canonicalize()?;
        // A project without a templates folder fails later with a clearer
        // message (no template found); until then, it is just a folder.
        let templates = templates
            .canonicalize()
            .unwrap_or_else(|_| root.join("templates"));
        let loader = ProjectFiles {
            root,
            templates,
            limits,
            refusals: Refusals::default(),
        };
        Ok(Self::assemble(LazyHash::new(library()), fonts, loader))
    }

    /// A world of `library`, `fonts` and the files of `loader`, with
    /// nothing read yet.
    fn assemble(library: LazyHash<Library>, fonts: FontStore, loader: ProjectFiles) -> Self {
        Self {
            library,
            fonts,
            files: Files {
                loader,
                slots: Mutex::new(HashMap::new()),
            },
            annexes: Mutex::new(HashMap::new()),
        }
    }

    /// Forgets what was read from the files at `paths` (real paths, or
    /// folders they are in), so that the next document reads them again.
    pub(crate) fn forget(&self, paths: &[PathBuf]) {
        self.files.forget(paths);
    }

    /// The same files with other fonts (and nothing read yet).
    pub(crate) fn with_fonts(&self, fonts: FontStore) -> Self {
        Self::assemble(self.library.clone(), fonts, self.files.loader.clone())
    }

    /// The limits of what the project may make dokgen do.
    pub(crate) fn limits(&self) -> &Limits {
        &self.files.loader.limits
    }

    /// The pages of the PDF annex in `bytes` as SVG drawings, made the first
    /// time they are asked for.
    fn annex_pages(&self, bytes: &Bytes) -> AnnexPages {
        let key = typst::utils::hash128(bytes);
        let cached = self
            .annexes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        if let Some(pages) = cached {
            return pages;
        }
        // Made outside the lock, so that other documents go on meanwhile;
        // two threads that make the same pages at once make equal ones.
        let pages = Arc::new(
            crate::annex::pdf_pages(bytes)
                .map(|svgs| svgs.into_iter().map(Bytes::from_string).collect()),
        );
        self.annexes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, pages.clone());
        pages
    }
}

/// One document's view of the world.
pub(crate) struct DocumentWorld {
    shared: Arc<Shared>,
    main: Source,
    today: Datetime,
    /// The regular expression of the proper names in this document, as
    /// the style library reads it from [`PROPER_NAMES`] (empty: none).
    proper_names: Bytes,
    /// Its compounds, as the style library reads them from [`COMPOUNDS`].
    compounds: Bytes,
    /// The files read from disk, for the manifest of inputs.
    read: Mutex<HashSet<FileId>>,
}

impl DocumentWorld {
    /// A world whose main file is `source`, known as `virtual_path` (which
    /// must be absolute within the project, e.g. `/output/strategi.typ`),
    /// whose `today()` is `date`, whose proper names are matched by
    /// `proper_names`, and whose compounds are `compounds`.
    pub(crate) fn new(
        shared: Arc<Shared>,
        virtual_path: &str,
        source: String,
        date: NaiveDate,
        proper_names: Option<&str>,
        compounds: String,
    ) -> Self {
        let vpath =
            VirtualPath::new(virtual_path).expect("dokgen names main files with plain paths");
        let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
        Self {
            shared,
            main: Source::new(id, source),
            today: to_datetime(date),
            proper_names: Bytes::from_string(proper_names.unwrap_or_default().to_owned()),
            compounds: Bytes::from_string(compounds),
            read: Mutex::new(HashSet::new()),
        }
    }

    /// Page `page` of the PDF annex `file`, as an SVG drawing.
    fn annex_page(&self, file: &str, page: usize) -> FileResult<Bytes> {
        let vpath = VirtualPath::new(file).map_err(|_| FileError::AccessDenied)?;
        let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let bytes = self.file(id)?;
        match &*self.shared.annex_pages(&bytes) {
            Ok(pages) => pages
                .get(page - 1)
                .cloned()
                .ok_or(FileError::NotFound(PathBuf::from(crate::annex::page_path(
                    file, page,
                )))),
            Err(why) => Err(self.shared.files.loader.refuse(Refusal::new(msg!(
                "typeset-file-annex-not-pdf",
                file,
                why = why.clone()
            )))),
        }
    }

    /// The files on disk this document read (templates, images, fonts are
    /// not files here), as real paths, sorted.
    pub(crate) fn files_read(&self) -> Vec<PathBuf> {
        let read = self.read.lock().unwrap_or_else(|e| e.into_inner());
        let mut paths: Vec<PathBuf> = read
            .iter()
            .filter_map(|id| match self.shared.files.loader.resolve(*id) {
                Ok(Found::Disk(path)) => Some(path),
                _ => None,
            })
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    /// What dokgen said of a file it refused Typst, by the text Typst
    /// was given for it (and quotes in its own message).
    pub(crate) fn refusal(&self, text: &str) -> Option<Refusal> {
        self.shared.files.loader.refusal(text)
    }

    /// The project folder, to name a file Typst names by its real path.
    pub(crate) fn root(&self) -> &Path {
        &self.shared.files.loader.root
    }

    fn note_read(&self, id: FileId) {
        self.read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id);
    }

    /// The file `id` as messages name it: relative to the project folder
    /// (a shared templates folder outside it as `../../templates/…`), or
    /// as Typst knows it where it is not a file on disk (the main source,
    /// `templates/<name>.generated.typ`).
    pub(crate) fn shown_path(&self, id: FileId) -> String {
        let loader = &self.shared.files.loader;
        match loader.resolve(id) {
            Ok(Found::Disk(real)) if id != self.main.id() => {
                crate::project::relative(&loader.root, &real)
            }
            Ok(Found::Builtin(builtin)) if id != self.main.id() => builtin.shown(),
            _ => id.vpath().get_without_slash().to_owned(),
        }
    }
}

fn to_datetime(date: NaiveDate) -> Datetime {
    // Month and day always fit in a u8; the year is whatever the fact says.
    Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
        .expect("a chrono date is a valid Typst date")
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            self.note_read(id);
            self.shared.files.source(id)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        if id.root() == &VirtualRoot::Project {
            let path = id.vpath().get_with_slash();
            if path == PROPER_NAMES {
                return Ok(self.proper_names.clone());
            }
            if path == COMPOUNDS {
                return Ok(self.compounds.clone());
            }
            if let Some((file, page)) = crate::annex::parse_page_path(path) {
                return self.annex_page(file, page);
            }
        }
        self.note_read(id);
        self.shared.files.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// The project's files as Typst has read them: each is read once, until
/// it is said to have changed.
struct Files {
    loader: ProjectFiles,
    slots: Mutex<HashMap<FileId, Slot>>,
}

/// What is known of one file.
#[derive(Default)]
struct Slot {
    /// Its bytes, or why it cannot be read.
    file: Option<FileResult<Bytes>>,
    /// Its text as Typst source.
    source: Option<FileResult<Source>>,
    /// Its source from before it changed, which parses the new text
    /// incrementally.
    stale: Option<Source>,
}

impl Files {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<FileId, Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let mut slots = self.lock();
        let slot = slots.entry(id).or_default();
        slot.file
            .get_or_insert_with(|| self.loader.load(id))
            .clone()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut slots = self.lock();
        let slot = slots.entry(id).or_default();
        if let Some(source) = &slot.source {
            return source.clone();
        }
        let bytes = slot
            .file
            .get_or_insert_with(|| self.loader.load(id))
            .clone();
        let source = bytes.and_then(|bytes| {
            let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes))
                .map_err(|_| FileError::InvalidUtf8)?;
            Ok(match slot.stale.take() {
                Some(mut stale) => {
                    stale.replace(text);
                    stale
                }
                None => Source::new(id, text.to_owned()),
            })
        });
        slot.source = Some(source.clone());
        source
    }

    /// Forgets the files at `paths` or in folders among them, those that no
    /// longer lead anywhere (they were removed) and those that could not be
    /// read (they may be there now).
    fn forget(&self, paths: &[PathBuf]) {
        let loader = &self.loader;
        for (id, slot) in self.lock().iter_mut() {
            let changed = match loader.resolve(*id) {
                Ok(Found::Disk(real)) => paths.iter().any(|p| real.starts_with(p)),
                // A file of the project's may have been removed, so that
                // the built-in one is used now.
                Ok(Found::Builtin(builtin)) => {
                    let would_be = loader.templates.join(builtin.name);
                    paths.iter().any(|p| would_be.starts_with(p))
                }
                Err(_) => true,
            };
            let failed = matches!(slot.file, Some(Err(_)));
            if changed || failed {
                let stale = match slot.source.take() {
                    Some(Ok(source)) => Some(source),
                    _ => slot.stale.take(),
                };
                *slot = Slot {
                    stale,
                    ..Slot::default()
                };
            }
        }
    }
}

/// Loads files from the project folder, and only from there; `/templates/`
/// from the project's templates folder, or else from dokgen's built-in
/// templates.
#[derive(Clone)]
pub(crate) struct ProjectFiles {
    root: PathBuf,
    templates: PathBuf,
    /// The size limits of the files it reads.
    limits: Limits,
    /// Why each file was refused, by the text Typst was given for it.
    refusals: Refusals,
}

/// Why dokgen refused Typst a file, in the catalogue's words.
///
/// Typst takes the reason for a file it cannot have as a text
/// ([`FileError::Other`]) and quotes it in its own message ("failed to
/// load file (…)"). That text is the refusal's English; the refusal
/// itself is kept beside it, so that the diagnostic made of Typst's
/// message says it in the reader's language, with its hints
/// ([`DocumentWorld::refusal`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// What is wrong.
    pub message: Message,
    /// What to do.
    pub hints: Vec<Message>,
}

impl Refusal {
    /// A refusal saying `message`, with no hint yet.
    pub(crate) fn new(message: Message) -> Self {
        Self {
            message,
            hints: Vec::new(),
        }
    }

    /// Adds a hint.
    pub(crate) fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The text Typst is given: the message in English, which also
    /// names the refusal in [`Refusals`].
    fn text(&self) -> String {
        self.message.text(Lang::En)
    }
}

/// The refusals given so far, shared by every copy of the loader.
type Refusals = Arc<Mutex<HashMap<String, Refusal>>>;

/// Whether Typst may read `path` from a shared templates folder outside
/// the project: a folder of templates, which may sit beside anything.
fn shared_kind(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        ext.as_deref(),
        Some("typ" | "tera" | "css" | "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp")
    )
}

/// Where a file is found.
pub(crate) enum Found {
    /// On disk, inside the project (or its templates folder): its real path.
    Disk(PathBuf),
    /// Built into dokgen: a template or the style library that the project
    /// does not override.
    Builtin(&'static Builtin),
}

impl ProjectFiles {
    /// Where `id` is, if it lies inside the project or is built in.
    pub(crate) fn resolve(&self, id: FileId) -> FileResult<Found> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(self.refuse(
                Refusal::new(msg!("typeset-file-package", spec = spec.to_string()))
                    .hint(msg!("typeset-file-package-hint")),
            ));
        }
        let (base, path) = match id.vpath().get_with_slash().strip_prefix("/templates/") {
            Some(rest) => {
                let rest = VirtualPath::new(rest).map_err(|_| FileError::AccessDenied)?;
                let path = rest.realize(&self.templates).map_err(FileError::Realize)?;
                if !path.exists()
                    && let Some(builtin) = builtin::get(rest.get_without_slash())
                {
                    return Ok(Found::Builtin(builtin));
                }
                (&self.templates, path)
            }
            None => (
                &self.root,
                id.vpath().realize(&self.root).map_err(FileError::Realize)?,
            ),
        };
        // `VirtualPath` cannot climb above the root with `..`, but a symbolic
        // link inside the project could still point outside it.
        let shown = id.vpath().get_with_slash();
        let real = path.canonicalize().map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => FileError::NotFound(path.clone()),
            _ => self.refuse(Refusal::new(msg!(
                "typeset-file-unreadable",
                path = shown,
                reason = io_reason(&err)
            ))),
        })?;
        if !real.starts_with(base) {
            return Err(self.refuse(Refusal::new(msg!("typeset-file-outside", path = shown))));
        }
        Ok(Found::Disk(real))
    }

    /// The error that gives Typst `refusal`, kept to be said again in
    /// the catalogue's words.
    fn refuse(&self, refusal: Refusal) -> FileError {
        let text = refusal.text();
        self.refusals
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(text.clone(), refusal);
        FileError::Other(Some(text.into()))
    }

    /// The refusal Typst was given `text` for, if it was one.
    fn refusal(&self, text: &str) -> Option<Refusal> {
        self.refusals
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(text)
            .cloned()
    }

    /// The bytes of the file `id`.
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        match self.resolve(id)? {
            Found::Builtin(builtin) => Ok(Bytes::new(builtin.bytes)),
            Found::Disk(path) if path.is_dir() => Err(FileError::IsDirectory),
            Found::Disk(path) if !path.starts_with(&self.root) && !shared_kind(&path) => Err(self
                .refuse(Refusal::new(msg!(
                    "typeset-file-not-shared-kind",
                    path = id.vpath().get_with_slash()
                )))),
            Found::Disk(path) => {
                let kind = FileKind::of(&path);
                let bases = [self.root.clone(), self.templates.clone()];
                let bytes = read_inside(&bases, &path, &self.limits, kind).map_err(|refused| {
                    self.refuse(
                        Refusal::new(msg!(
                            "typeset-file-not-read",
                            path = id.vpath().get_with_slash(),
                            reason = refused.reason
                        ))
                        .hint(refused.hint),
                    )
                })?;
                if path.extension().is_some_and(|e| e == "typ")
                    && let Some(refusal) = unseen_in(&bytes, id)
                {
                    return Err(self.refuse(refusal));
                }
                Ok(Bytes::new(bytes))
            }
        }
    }
}

/// A Typst file of the project's with a character that turns the direction
/// of text or does not show ([`crate::unseen`]) is not read: the refusal
/// names its line and column.
fn unseen_in(bytes: &[u8], id: FileId) -> Option<Refusal> {
    let text = std::str::from_utf8(bytes).ok()?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (at, c) = crate::unseen::find(body)?;
    let (line, column) = super::line_column(body, at);
    Some(
        Refusal::new(msg!(
            "typeset-file-unseen",
            path = id.vpath().get_with_slash(),
            line,
            column,
            what = crate::unseen::message(c)
        ))
        .hint(crate::unseen::hint()),
    )
}
