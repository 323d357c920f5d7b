//! Typst source → a laid-out document, in-process.
//!
//! Takes the Typst source a template produced; gives its pages laid out
//! ([`Layout`]), which each output format then exports (`export`), or
//! diagnostics that point at the file and line Typst complained about.
//! A [`Typesetter`] is made once per session, so the standard library, the
//! fonts and the project's files are loaded once for all documents; told
//! that files changed, it reads them again.

pub(crate) mod budget;
mod compounds;
mod drawn;
pub(crate) mod fonts;
mod hyphens;
mod overprint;
mod said;
pub(crate) mod world;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::diagnostic::{Diagnostic, Error, Result, TracePoint};
use crate::export::Laid;
use crate::project::{Limits, Project};
use world::{DocumentWorld, Shared};

pub use drawn::{Run, Spot, runs};
pub use overprint::{Overprint, overprints};

/// Compiles documents of one project.
pub struct Typesetter {
    /// Shared with the thread each document is laid out on, which may
    /// outlive its document when it runs over its time budget.
    shared: Arc<Shared>,
}

/// One document to lay out.
pub struct Job<'a> {
    /// The output name: names the generated main file.
    pub name: &'a str,
    /// The Typst source.
    pub source: String,
    /// The document's date: Typst's `today()`.
    pub date: NaiveDate,
    /// A regular expression of the proper names in it that are never
    /// hyphenated, for the style library (see [`world::PROPER_NAMES`]).
    pub proper_names: Option<String>,
}

/// A laid-out document, and what an export needs to place its problems.
pub struct Layout {
    /// Its pages.
    pub document: PagedDocument,
    /// Warnings Typst gave.
    pub warnings: Vec<Diagnostic>,
    /// The world it was laid out in: its files name the places of
    /// diagnostics.
    world: DocumentWorld,
    /// Where text prints over text in it, if that was read already (to
    /// give back words held back from hyphenation): not read twice.
    pub(crate) overprints: Option<Vec<Overprint>>,
}

impl Layout {
    /// The files on disk it was made from, besides the main source: the
    /// style library, images, annexes (real paths, sorted).
    pub fn read(&self) -> Vec<PathBuf> {
        self.world.files_read()
    }
}

impl Laid for Layout {
    fn document(&self) -> &PagedDocument {
        &self.document
    }

    fn world(&self) -> &dyn World {
        &self.world
    }

    fn diagnostic(&self, diagnostic: &SourceDiagnostic) -> Diagnostic {
        convert(&self.world, diagnostic)
    }

    fn place(&self, diagnostic: Diagnostic, span: typst::syntax::Span) -> Diagnostic {
        locate(&self.world, diagnostic, span)
    }
}

impl Typesetter {
    /// Loads the fonts and sets up file access for `project`.
    pub fn new(project: &Project) -> Result<Self> {
        let templates = project.templates_dir();
        let fonts = fonts::load(
            &project.fonts_dir(),
            &project.bases(),
            &project.config.limits,
        )?;
        let shared = Shared::new(
            &project.root,
            &templates,
            fonts,
            project.config.limits.clone(),
        )
        .map_err(|err| Error::io(&templates, &err))?;
        Ok(Self {
            shared: Arc::new(shared),
        })
    }

    /// Reads the files at `paths` (or in folders among them) anew when next
    /// asked for them: an image, the style library, an annex changed.
    pub(crate) fn forget(&self, paths: &[std::path::PathBuf]) {
        self.shared.forget(paths);
    }

    /// Loads the project's fonts anew.
    pub(crate) fn reload_fonts(&mut self, project: &Project) -> Result<()> {
        let fonts = fonts::load(
            &project.fonts_dir(),
            &project.bases(),
            &project.config.limits,
        )?;
        self.shared = Arc::new(self.shared.with_fonts(fonts));
        Ok(())
    }

    /// A typesetter whose files come from `root` (templates from
    /// `root/templates`) and whose extra fonts, if any, from `fonts_dir`.
    pub fn for_folder(root: &Path, fonts_dir: &Path) -> Result<Self> {
        let base = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let fonts = fonts::load(fonts_dir, &[base], &Limits::default())?;
        let shared = Shared::new(root, &root.join("templates"), fonts, Limits::default())
            .map_err(|err| Error::io(root, &err))?;
        Ok(Self {
            shared: Arc::new(shared),
        })
    }

    /// The virtual path under which a document's generated source is
    /// compiled. It sits in `templates/`, so that a template's relative
    /// paths (`#import "dokgen.typ"`) resolve as its author expects.
    pub(crate) fn main_path(name: &str) -> String {
        format!("/templates/{name}.generated.typ")
    }

    /// The file by which diagnostics name the generated source of the
    /// document `name` ([`Typesetter::main_path`] without its slash).
    pub(crate) fn main_file(name: &str) -> String {
        format!("templates/{name}.generated.typ")
    }

    /// Lays `job` out: its pages, with Typst's warnings.
    pub fn compile(&self, job: &Job<'_>) -> Result<(PagedDocument, Vec<Diagnostic>)> {
        let layout = self.lay_out(job)?;
        Ok((layout.document, layout.warnings))
    }

    /// Lays `job` out; then, while the layout hyphenates a word where a
    /// typesetter would not (see [`hyphens`]), again with those words kept
    /// whole, at most [`HYPHENATION_ROUNDS`] times more. Compounds of
    /// known parts are broken only at their joints (see [`compounds`]).
    pub fn lay_out(&self, job: &Job<'_>) -> Result<Layout> {
        let budget =
            budget::Budget::start(self.shared.limits().budget(), budget::Work::Typesetting);
        let compounds = compounds::Compounds::in_source(&job.source);
        let mut whole = BTreeSet::new();
        let mut plain = BTreeSet::new();
        let world = self.world(job, &compounds, &whole, &plain);
        let (mut world, (mut document, mut warnings)) = budget.run(world, compile_in)?;
        for _ in 0..HYPHENATION_ROUNDS {
            let refused = hyphens::refused(&document);
            if refused.is_subset(&whole) {
                break;
            }
            whole.extend(refused);
            let again = self.world(job, &compounds, &whole, &plain);
            (world, (document, warnings)) = budget.run(again, compile_in)?;
        }
        // A word kept whole, or a compound allowed to break only at its
        // joints, that then runs out of its box (in a narrow table cell) is
        // better broken where the patterns allow: it is given back to
        // hyphenation. (The layout is read for overprints here only where
        // a word was held back; what is read is handed on to the check
        // when the document is made, unless it is laid out again.)
        let held_back = !whole.is_empty() || !compounds.is_empty();
        let found = held_back.then(|| overprint::overprints(&document));
        let overflowing: BTreeSet<String> = found
            .iter()
            .flatten()
            .flat_map(|o| o.text.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .filter(|w| !w.is_empty())
            .collect();
        let held: Vec<&String> = overflowing
            .iter()
            .filter(|w| whole.contains(*w) || compounds.contains(w))
            .collect();
        let mut overprints = found;
        if !held.is_empty() {
            for word in held {
                whole.remove(word);
                plain.insert(word.to_lowercase());
            }
            let again = self.world(job, &compounds, &whole, &plain);
            (world, (document, warnings)) = budget.run(again, compile_in)?;
            overprints = None;
        }
        Ok(Layout {
            document,
            warnings,
            world,
            overprints,
        })
    }

    /// Makes `job` as a web page only, never laid out in pages: its bytes
    /// and warnings, and the files on disk it was made from.
    pub fn web_page(&self, job: &Job<'_>) -> Result<(Vec<u8>, Vec<Diagnostic>, Vec<PathBuf>)> {
        let budget =
            budget::Budget::start(self.shared.limits().budget(), budget::Work::Typesetting);
        // A web page is not hyphenated: it has no compounds to divide.
        let none = BTreeSet::new();
        let world = self.world(job, &compounds::Compounds::default(), &none, &none);
        let (world, (bytes, warnings)) = budget.run(world, |world| {
            crate::export::html::page(world, &|d| convert(world, d))
        })?;
        let read = world.files_read();
        Ok((bytes, warnings, read))
    }

    /// The world `job` is laid out in, with its `compounds` broken at
    /// their joints but the words of `whole`, kept whole, and those of
    /// `plain`, left to the patterns.
    fn world(
        &self,
        job: &Job<'_>,
        compounds: &compounds::Compounds,
        whole: &BTreeSet<String>,
        plain: &BTreeSet<String>,
    ) -> DocumentWorld {
        let names = hyphens::keep_whole(job.proper_names.as_deref(), whole);
        let skip: BTreeSet<String> = whole.union(plain).cloned().collect();
        DocumentWorld::new(
            self.shared.clone(),
            &Self::main_path(job.name),
            job.source.clone(),
            job.date,
            names.as_deref(),
            compounds.listed(&skip),
        )
    }
}

/// How many times a document is laid out again to keep whole the words
/// whose hyphenation was refused: each round can move lines so that
/// another word breaks badly, and three rounds settle every page of the
/// shipped projects.
const HYPHENATION_ROUNDS: usize = 3;

fn compile_in(world: &DocumentWorld) -> Result<(PagedDocument, Vec<Diagnostic>)> {
    let compiled = typst::compile::<PagedDocument>(world);
    let mut warnings: Vec<Diagnostic> = compiled
        .warnings
        .iter()
        .map(|d| convert(world, d))
        .collect();
    warnings.dedup();
    let document = compiled
        .output
        .map_err(|errors| convert_all(world, &errors))?;
    Ok((document, warnings))
}

fn convert_all(world: &DocumentWorld, errors: &[SourceDiagnostic]) -> Error {
    Error::from(errors.iter().map(|d| convert(world, d)).collect::<Vec<_>>())
}

/// The text of a laid-out document, run by run in the order Typst placed
/// it, each run on its own line. Meant for checks and tests that ask "does
/// this text appear": spacing and reading order are approximate.
pub fn plain_text(document: &PagedDocument) -> String {
    let mut out = String::new();
    for page in document.pages() {
        let mut previous = HashSet::new();
        walk_text(&page.frame, &mut out, &mut previous);
    }
    out
}

/// Appends the text of `frame`'s runs. `previous` holds the source places
/// (span and offset) of the run before: when a cluster is drawn from two
/// fonts (a letter from one, its mark from another), Typst makes a run for
/// each, and both carry the cluster's text; it is written once.
fn walk_text(frame: &Frame, out: &mut String, previous: &mut HashSet<(typst::syntax::Span, u16)>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk_text(&group.frame, out, previous),
            FrameItem::Text(text) => {
                // The text behind the glyphs, in logical order and once:
                // several glyphs can share a range, and right-to-left
                // glyphs come in visual order.
                let mut ranges: Vec<std::ops::Range<usize>> = text
                    .glyphs
                    .iter()
                    .filter(|g| !previous.contains(&g.span))
                    .map(|g| g.range())
                    .collect();
                ranges.sort_by_key(|r| r.start);
                let mut end = 0;
                for range in ranges {
                    let start = range.start.max(end);
                    if start < range.end {
                        out.push_str(&text.text[start..range.end]);
                        end = range.end;
                    }
                }
                out.push('\n');
                *previous = text.glyphs.iter().map(|g| g.span).collect();
            }
            _ => {}
        }
    }
}

/// Turns a Typst diagnostic into ours, located in its file, in the
/// catalogue's words ([`said`]).
fn convert(world: &DocumentWorld, diag: &SourceDiagnostic) -> Diagnostic {
    let refusal = |text: &str| world.refusal(text);
    let cx = said::Context {
        refusal: &refusal,
        root: world.root(),
    };
    let (message, hints) = said::message(&diag.message, &cx);
    let out = match diag.severity {
        TypstSeverity::Error => Diagnostic::error(message),
        TypstSeverity::Warning => Diagnostic::warning(message),
    };
    let mut out = locate(world, out, diag.span);
    out.hints.extend(hints);
    out.hints
        .extend(diag.hints.iter().filter_map(|hint| said::hint(&hint.v)));
    for point in &diag.trace {
        let Some(id) = point.span.id() else { continue };
        let (Some(range), Ok(source)) = (world.range(point.span), world.source(id)) else {
            continue;
        };
        let (line, column) = line_column(source.text(), range.start);
        out.trace.push(TracePoint {
            what: said::trace(&point.v),
            file: world.shown_path(id).into(),
            line,
            column,
        });
    }
    out
}

/// `out`, placed at `span` in the file it names.
fn locate(
    world: &DocumentWorld,
    mut out: Diagnostic,
    span: impl Into<typst::syntax::DiagSpan>,
) -> Diagnostic {
    let span: typst::syntax::DiagSpan = span.into();
    if let Some(id) = span.id() {
        out = out.in_file(world.shown_path(id));
        if let (Some(range), Ok(source)) = (world.range(span), world.source(id)) {
            out = out.at_offset(source.text(), range.start);
        }
    }
    out
}

/// The 1-based line and column (in characters) of byte `offset` of
/// `source`.
pub(crate) fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = source[..offset].matches('\n').count() + 1;
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(source: &str) -> Job<'_> {
        Job {
            name: "test",
            source: source.to_owned(),
            date: NaiveDate::from_ymd_opt(2017, 5, 17).unwrap(),
            proper_names: None,
        }
    }

    /// A project folder inside a scratch folder, so there is an "outside".
    fn scratch() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(root.join("templates/data.txt"), "inde i projektet").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "hemmelig").unwrap();
        (dir, root)
    }

    fn compile_error(typesetter: &Typesetter, source: &str) -> String {
        match typesetter.compile(&job(source)) {
            Ok(_) => panic!("`{source}` compiled"),
            Err(err) => err.render_in(crate::message::Lang::En, false),
        }
    }

    #[test]
    fn files_inside_the_project_can_be_read() {
        let (_dir, root) = scratch();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let (document, _) = typesetter.compile(&job("#read(\"data.txt\")")).unwrap();
        assert!(plain_text(&document).contains("inde i projektet"));
    }

    #[test]
    fn paths_that_leave_the_project_are_refused() {
        let (dir, root) = scratch();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let err = compile_error(&typesetter, "#read(\"../../secret.txt\")");
        assert!(err.contains("leads outside the project folder"), "{err}");
        assert!(!err.contains("--root"), "a typst-cli hint leaked: {err}");
        // An absolute path means the project root, not the file system's.
        let err = compile_error(&typesetter, "#read(\"/etc/passwd\")");
        assert!(err.contains("file not found"), "{err}");
        assert!(!err.contains("root:x:0:0"));
        // A symbolic link inside the project that points outside it.
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            root.join("templates/link.txt"),
        )
        .unwrap();
        let err = compile_error(&typesetter, "#read(\"link.txt\")");
        assert!(err.contains("leads outside the project folder"), "{err}");
    }

    #[test]
    fn only_the_files_said_to_have_changed_are_read_again() {
        let (_dir, root) = scratch();
        let root = root.canonicalize().unwrap();
        let (a, b) = (root.join("templates/a.txt"), root.join("templates/b.txt"));
        std::fs::write(&a, "A1").unwrap();
        std::fs::write(&b, "B1").unwrap();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let text = |t: &Typesetter| {
            plain_text(
                &t.compile(&job("#read(\"a.txt\") #read(\"b.txt\")"))
                    .unwrap()
                    .0,
            )
        };
        assert!(text(&typesetter).contains("A1"));
        std::fs::write(&a, "A2").unwrap();
        std::fs::write(&b, "B2").unwrap();
        typesetter.forget(std::slice::from_ref(&a));
        let seen = text(&typesetter);
        assert!(seen.contains("A2") && seen.contains("B1"), "{seen}");
        // A folder stands for everything in it.
        typesetter.forget(&[root.join("templates")]);
        assert!(text(&typesetter).contains("B2"));
    }

    #[test]
    fn packages_are_refused_with_a_clear_message() {
        let (_dir, root) = scratch();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let err = compile_error(&typesetter, "#import \"@preview/cetz:0.3.0\": *");
        assert!(
            err.contains("packages are not available in dokgen"),
            "{err}"
        );
    }

    #[test]
    fn today_is_the_documents_date() {
        let (_dir, root) = scratch();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let (document, _) = typesetter
            .compile(&job("#datetime.today().display(\"[year]-[month]-[day]\")"))
            .unwrap();
        assert!(plain_text(&document).contains("2017-05-17"));
    }

    #[test]
    fn a_file_in_fonts_that_is_no_font_is_an_error() {
        let (_dir, root) = scratch();
        std::fs::create_dir_all(root.join("fonts")).unwrap();
        std::fs::write(root.join("fonts/broken.ttf"), "not a font").unwrap();
        let err = match Typesetter::for_folder(&root, &root.join("fonts")) {
            Ok(_) => panic!("a broken font was accepted"),
            Err(err) => err.render_in(crate::message::Lang::En, false),
        };
        assert!(
            err.contains("broken.ttf") && err.contains("not a font"),
            "{err}"
        );
    }

    #[test]
    fn errors_point_at_the_line_of_the_generated_source() {
        let (_dir, root) = scratch();
        let typesetter = Typesetter::for_folder(&root, &root.join("fonts")).unwrap();
        let err = compile_error(&typesetter, "Tekst\n#nonexistent(1)\n");
        assert!(err.contains("templates/test.generated.typ:2:2"), "{err}");
        assert!(err.contains("unknown variable: nonexistent"), "{err}");
    }
}
