//! A project opened to make documents: the one place a document is made.
//!
//! A [`Session`] owns everything a document is made from: the project's
//! settings, its checked content, its parsed templates, the facts as
//! templates see them on each date, and the typesetter with its fonts,
//! files and Typst's memoised work. [`Session::make`] makes one document:
//! render, lay out, export each of its formats, with every problem at the
//! line a person wrote (Markdown, YAML or `.tera`). `dokgen build`, `check`
//! and `compile` all call it; a long-lived caller (a watcher, a server)
//! keeps the session and tells it which files changed
//! ([`Session::changed`]), and it reads again only what they touch.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Error, Location, Result};
use crate::export::pdf::Standard;
use crate::export::{self, Artifact, Format, Settings};
use crate::kinds::{self, Content, Document};
use crate::message::Message;
use crate::msg;
use crate::project::{CONFIG_FILE, FileKind, Project};
use crate::render::{Rendered, Renderer};
use crate::template::{TEMPLATE_SUFFIX, Templates};
use crate::typeset::budget::{Budget, Work};
use crate::typeset::{Job, Layout, Spot, Typesetter};

/// A project read and ready to make documents.
pub struct Session {
    // Shared with the thread a document is rendered on, which may outlive
    // the render when it runs over its time budget.
    project: Arc<Project>,
    content: Arc<Content>,
    templates: Arc<Templates>,
    renderer: Arc<Renderer>,
    typesetter: Typesetter,
    /// `SOURCE_DATE_EPOCH`, if set: every PDF's timestamp.
    source_date_epoch: Option<i64>,
    /// Changed files that could not be read in, and why: until they can,
    /// every document fails with these errors.
    pending: Option<(Vec<PathBuf>, Error)>,
}

/// A document made, or the reasons it could not be.
#[derive(Debug)]
pub struct Made {
    /// The generated Typst source, if rendering got that far.
    pub source: Option<String>,
    /// What did not stop it: prose, Typst and the formats' warnings.
    pub warnings: Vec<Diagnostic>,
    /// Its files, or every error.
    pub output: Result<Output>,
}

/// A document's files in memory, one per format, and the layout they were
/// exported from.
#[derive(Debug)]
pub struct Output {
    /// The files, in the order of the document's formats.
    pub files: Vec<Artifact>,
    /// How many pages the layout has.
    pub pages: usize,
    /// The files on disk Typst read to make it, besides those every
    /// document is made from: the style library, images, annexes (real
    /// paths, sorted).
    pub read: Vec<PathBuf>,
    /// The laid-out pages the files were exported from: what a preview
    /// draws. None where the document was made in a process of its own
    /// (`crate::isolate`), which sends only its files.
    pub layout: Option<typst_layout::PagedDocument>,
    /// Where text prints over text in `layout`, where the layout read
    /// that already.
    pub(crate) overprints: Option<Vec<crate::typeset::Overprint>>,
}

impl Output {
    /// These files under the names `document` is written to
    /// ([`Document::outputs`]): a published document's web page in the
    /// publication's folder, and its PDF there too.
    fn named(mut self, document: &Document) -> Self {
        let files = std::mem::take(&mut self.files);
        self.files = document
            .outputs()
            .into_iter()
            .filter_map(|(format, name)| {
                let file = files.iter().find(|f| f.format == format)?;
                Some(Artifact {
                    file_name: name,
                    ..file.clone()
                })
            })
            .collect();
        self
    }

    /// The file of `format`, if the document is made in it.
    pub fn file(&self, format: Format) -> Option<&Artifact> {
        self.files.iter().find(|f| f.format == format)
    }
}

/// Where a person wrote something a document shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A line of a prose file.
    Prose(Location),
    /// A fact: its path in the facts (`rules.sustainable_size`, or
    /// `title` of the document's declaration), where its value stands, and
    /// the template line that printed it.
    Fact {
        /// The fact's path.
        path: String,
        /// Where its value is written.
        at: Location,
        /// The `{{ … }}` that printed it.
        printed_by: Location,
    },
    /// A template line (text it holds, or a value it computed).
    Template(Location),
    /// Another Typst file of the project: the style library.
    Typst(Location),
}

/// What a change of files made a session read again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reloaded {
    /// `dokgen.yaml`, and with it everything.
    pub settings: bool,
    /// The facts, declarations and prose of `content/`.
    pub content: bool,
    /// The Tera templates.
    pub templates: bool,
    /// The project's fonts.
    pub fonts: bool,
    /// Files Typst reads (the style library, images, annexes).
    pub files: bool,
}

/// What is told a document's pages once they are laid out, before they
/// are exported ([`Session::make_traced_then`]).
pub type OnLaidOut<'a> = dyn Fn(&typst_layout::PagedDocument) + Sync + 'a;

impl Session {
    /// Opens the project in `dir` and reads and checks everything a
    /// document is made from. Problems with the facts or templates are all
    /// reported here, before any document is made.
    pub fn open(dir: &Path) -> Result<Self> {
        let project = Project::open(dir)?;
        let content = kinds::load(&project)?;
        let templates = templates_for(&project, &content)?;
        check_documents(&content, &templates)?;
        let typesetter = Typesetter::new(&project)?;
        Ok(Self {
            renderer: Arc::new(Renderer::new(&project, &content)),
            project: Arc::new(project),
            content: Arc::new(content),
            templates: Arc::new(templates),
            typesetter,
            source_date_epoch: source_date_epoch()?,
            pending: None,
        })
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The checked content: facts, documents, prose.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The documents to make, in the order of their declarations.
    pub fn documents(&self) -> &[Document] {
        &self.content.documents
    }

    /// The templates.
    pub(crate) fn templates(&self) -> &Templates {
        &self.templates
    }

    /// `SOURCE_DATE_EPOCH`, if it dates every PDF.
    pub fn source_date_epoch(&self) -> Option<i64> {
        self.source_date_epoch
    }

    /// The Typst source of `document`.
    ///
    /// The render runs on a thread of its own within the document's time
    /// budget, as its typesetting does: a template or prose whose loops do
    /// not end in time is an error naming the document.
    pub fn render(&self, document: &Document) -> Result<Rendered> {
        self.usable()?;
        let (renderer, project) = (self.renderer.clone(), self.project.clone());
        let (content, templates) = (self.content.clone(), self.templates.clone());
        // The renderer knows a document by where it stands in the content
        // (its declaration's texts are found so), so the thread takes the
        // content's own; a document from elsewhere goes as a copy.
        let which = match content
            .documents
            .iter()
            .position(|d| std::ptr::eq(d, document))
        {
            Some(index) => Ok(index),
            None => Err(document.clone()),
        };
        let budget = Budget::start(self.project.config.limits.budget(), Work::Rendering);
        guarded(document, || {
            budget.run((), move |()| {
                let document = match &which {
                    Ok(index) => &content.documents[*index],
                    Err(copy) => copy,
                };
                renderer.render(&project, &content, &templates, document)
            })
        })
        .and_then(|rendered| rendered)
        .map(|((), rendered)| rendered)
        .map_err(|err| self.at_declaration(document, err))
    }

    /// The values `document`'s template and prose see, by name, as JSON.
    pub fn values(&self, document: &Document) -> Result<Vec<(String, serde_json::Value)>> {
        self.usable()?;
        self.renderer
            .values(&self.project, &self.content, &self.templates, document)
    }

    /// What the template expression `expression` gives for `document`.
    pub fn evaluate(&self, document: &Document, expression: &str) -> Result<String> {
        self.usable()?;
        self.renderer.evaluate(
            &self.project,
            &self.content,
            &self.templates,
            document,
            expression,
        )
    }

    /// The names of every template (documents and partials).
    pub fn template_names(&self) -> Vec<String> {
        self.templates.all_names().map(str::to_owned).collect()
    }

    /// The prose files `document` may place, as paths under `content/`.
    pub fn prose_of<'a>(&'a self, document: &'a Document) -> Vec<&'a String> {
        self.content.prose_for(document).collect()
    }

    /// The text of the template `name` (its path under the templates
    /// folder), and its file as messages name it.
    pub fn template_text(&self, name: &str) -> Option<(&Path, &str)> {
        self.templates.text_of(name)
    }

    /// Makes `document`: renders its template, lays it out and exports
    /// it in each of its formats, in memory.
    pub fn make(&self, document: &Document) -> Made {
        self.make_traced(document).0
    }

    /// Makes `document` as [`Session::make`] does, and gives its rendered
    /// source too where rendering got that far: what traces a page of it
    /// back to the lines a person wrote ([`Session::origin`]).
    pub fn make_traced(&self, document: &Document) -> (Made, Option<Rendered>) {
        self.traced(document, None)
    }

    /// Makes `document` as [`Session::make_traced`] does, and hands its
    /// pages to `laid` as soon as they are laid out, before they are
    /// exported (where nothing was found printed over anything yet): a
    /// preview shows them meanwhile, and the export then runs at a lower
    /// priority than the work of drawing them.
    pub fn make_traced_then(
        &self,
        document: &Document,
        laid: &OnLaidOut<'_>,
    ) -> (Made, Option<Rendered>) {
        self.traced(document, Some(laid))
    }

    fn traced(
        &self,
        document: &Document,
        laid: Option<&OnLaidOut<'_>>,
    ) -> (Made, Option<Rendered>) {
        match self.render(document) {
            Ok(rendered) => (self.typeset_then(document, &rendered, laid), Some(rendered)),
            Err(err) => (
                Made {
                    source: None,
                    warnings: Vec::new(),
                    output: Err(err),
                },
                None,
            ),
        }
    }

    /// Lays `document` out from its rendered source and exports it in each
    /// of its formats: the second half of [`Session::make`].
    pub fn typeset(&self, document: &Document, rendered: &Rendered) -> Made {
        self.typeset_then(document, rendered, None)
    }

    /// [`Session::typeset`], handing the pages to `laid`, if given, once
    /// laid out.
    fn typeset_then(
        &self,
        document: &Document,
        rendered: &Rendered,
        laid: Option<&OnLaidOut<'_>>,
    ) -> Made {
        let name = &document.spec.output;
        let generated = PathBuf::from(Typesetter::main_file(name));
        let shown = format!("{name}.typ");
        let job = Job {
            name,
            source: rendered.source().to_owned(),
            date: document.date,
            proper_names: rendered.proper_names.clone(),
        };
        let settings = self.settings(name, document.date, &document.standards);
        let exported = guarded(document, || {
            self.export(&job, &settings, &document.formats, laid, |d| {
                rendered.relocate(&self.templates, &generated, &shown, d)
            })
        });
        let (warnings, output) = exported.unwrap_or_else(|err| (Vec::new(), Err(err)));
        let output = output
            .and_then(|output| self.refuse_overprints(document, rendered, output))
            .map(|output| output.named(document))
            .map_err(|err| self.at_declaration(document, err));
        Made {
            source: Some(rendered.source().to_owned()),
            warnings: rendered.warnings.iter().cloned().chain(warnings).collect(),
            output,
        }
    }

    /// `output` of `document`, unless text prints over other text or runs
    /// out into the margin somewhere in it: then each place, at the fact,
    /// prose or template line that wrote the text that runs over.
    fn refuse_overprints(
        &self,
        document: &Document,
        rendered: &Rendered,
        output: Output,
    ) -> Result<Output> {
        refused_overprints(output, |pages, o, d| {
            match self.origin(document, rendered, pages, o.page, o.at) {
                Some(Origin::Fact {
                    path,
                    at,
                    printed_by,
                }) => d.located(Some(at)).hint(msg!(
                    "session-overprint-printed-by",
                    path,
                    template = printed_by.file.display().to_string(),
                    line = printed_by.line
                )),
                // A loop's value names no fact, but its words may stand in
                // one: the fact is where to mend it.
                Some(Origin::Template(at)) => match self.fact_holding(&o.text) {
                    Some(fact) => d.located(Some(fact)).hint(msg!(
                        "session-overprint-printed-at",
                        template = at.file.display().to_string(),
                        line = at.line
                    )),
                    None => d.located(Some(at)),
                },
                Some(Origin::Prose(at) | Origin::Typst(at)) => d.located(Some(at)),
                None => d
                    .in_file(&document.file)
                    .located(self.content.sources.value_in(&document.file, "template")),
            }
        })
    }

    /// `output` of the Typst source of `job` (one a person has), unless
    /// text prints over other text or out into the margin somewhere in it:
    /// then each place, at its line of the source.
    fn refuse_overprints_of(&self, job: &Job<'_>, output: Output) -> Result<Output> {
        refused_overprints(output, |pages, o, d| {
            let place = (job.name, job.source.as_str(), job.date);
            match self.typesetter.spot(pages, place, o.page, o.at) {
                Some(Spot::Generated(offset)) => d
                    .in_file(Typesetter::main_file(job.name))
                    .at_offset(&job.source, offset),
                Some(Spot::File(at)) => d.located(Some(at)),
                None => d,
            }
        })
    }

    /// Where the facts hold the longest word of `text`, as printed or with
    /// a small first letter (a template may capitalise it).
    fn fact_holding(&self, text: &str) -> Option<Location> {
        let word = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .max_by_key(|w| w.chars().count())
            .filter(|w| w.chars().count() >= 4)?;
        let small = crate::danish::lowercase_first(word);
        [word, small.as_str()]
            .into_iter()
            .find_map(|w| self.content.sources.find_text(w).into_iter().next())
    }

    /// Places the errors of `document`'s typesetting that no file holds (a
    /// time budget spent) at its declaration's `template:` line, naming the
    /// document and its template.
    pub(crate) fn at_declaration(&self, document: &Document, err: Error) -> Error {
        let spec = &document.spec;
        let placed = err.into_diagnostics().into_iter().map(|d| {
            if d.file.is_some() {
                return d;
            }
            Diagnostic {
                message: msg!(
                    "session-document",
                    output = &spec.output,
                    template = &spec.template,
                    what = d.message.clone()
                ),
                ..d
            }
            .in_file(&document.file)
            .located(self.content.sources.value_in(&document.file, "template"))
        });
        Error::from(placed.collect::<Vec<_>>())
    }

    /// Typesets `source`, a Typst file a person has (such as a source
    /// `dokgen build --emit typst` wrote, and then edited), as the document
    /// `name` of date `date`, with the project's fonts, templates, proper
    /// names and standards, in `formats` (the project's, unless a person
    /// named others): the files a build makes of the same source.
    pub fn compile(&self, name: &str, source: String, date: NaiveDate, formats: &[Format]) -> Made {
        let job = Job {
            name,
            source: source.clone(),
            date,
            proper_names: self.proper_names_in(&source),
        };
        let settings = self.settings(name, date, self.project.pdf_standards());
        let (warnings, output) = match self.usable() {
            Ok(()) => self.export(&job, &settings, formats, None, |d| d),
            Err(err) => (Vec::new(), Err(err)),
        };
        let output = output.and_then(|output| self.refuse_overprints_of(&job, output));
        Made {
            source: Some(source),
            warnings,
            output,
        }
    }

    /// Lays `job` out, hands its pages to `laid` (if given; the export then
    /// runs at a lower priority), and exports it in `formats`; its warnings
    /// and errors are placed by `relocate`, and the errors one per place.
    fn export(
        &self,
        job: &Job<'_>,
        settings: &Settings<'_>,
        formats: &[Format],
        laid: Option<&OnLaidOut<'_>>,
        relocate: impl Fn(Diagnostic) -> Diagnostic,
    ) -> (Vec<Diagnostic>, Result<Output>) {
        let failed = |err: Error| {
            Error::from(one_per_place(
                err.into_diagnostics().into_iter().map(&relocate).collect(),
            ))
        };
        // A document that is only a web page is never laid out in pages.
        if formats == [Format::Html] {
            return match self.typesetter.web_page(job) {
                Ok((bytes, warnings, read)) => (
                    warnings.into_iter().map(&relocate).collect(),
                    Ok(Output {
                        files: vec![Artifact {
                            format: Format::Html,
                            file_name: Format::Html.file_name(job.name),
                            bytes,
                            warnings: Vec::new(),
                        }],
                        pages: 0,
                        read,
                        layout: None,
                        overprints: None,
                    }),
                ),
                Err(err) => (Vec::new(), Err(failed(err))),
            };
        }
        let exported = self.typesetter.lay_out(job).and_then(|layout| {
            let shown = laid.filter(|_| layout.overprints.as_ref().is_none_or(Vec::is_empty));
            if let Some(laid) = shown {
                laid(&layout.document);
            }
            // The export too runs within the budget: an image can take
            // minutes to draw into a PDF.
            let read = layout.read();
            let budget = Budget::start(self.project.config.limits.budget(), Work::Exporting)
                .behind(shown.is_some());
            let (ident, date, timestamp) =
                (settings.ident.clone(), settings.date, settings.timestamp);
            let (standards, wanted, name) = (
                settings.standards.to_vec(),
                formats.to_vec(),
                job.name.to_owned(),
            );
            budget
                .run(layout, move |layout| {
                    let settings = Settings {
                        ident,
                        date,
                        timestamp,
                        standards: &standards,
                    };
                    wanted
                        .iter()
                        .map(|&format| export::export(format, layout, &name, &settings))
                        .collect::<Result<Vec<Artifact>>>()
                })
                .map_err(|err| self.blame_annexes(err, &read, job, settings, formats))
        });
        match exported {
            Ok((layout, mut files)) => {
                let Layout {
                    document, warnings, ..
                } = &layout;
                let warnings = warnings
                    .iter()
                    .cloned()
                    .chain(
                        files
                            .iter_mut()
                            .flat_map(|f| std::mem::take(&mut f.warnings)),
                    )
                    .map(&relocate)
                    .collect();
                let output = Output {
                    pages: document.pages().len(),
                    read: layout.read(),
                    files,
                    layout: Some(layout.document),
                    overprints: layout.overprints,
                };
                (warnings, Ok(output))
            }
            Err(err) => (Vec::new(), Err(failed(err))),
        }
    }

    /// Places the problems of an export that Typst could not place (a
    /// rule of a PDF standard broken somewhere in the file: clip paths
    /// nested too deep) at the annex that breaks it, if one does: each PDF
    /// annex among the files `read` is exported alone, with the same settings, and
    /// a problem it has too is reported at the fact that names the annex.
    fn blame_annexes(
        &self,
        err: Error,
        read: &[PathBuf],
        job: &Job<'_>,
        settings: &Settings<'_>,
        formats: &[Format],
    ) -> Error {
        if err.diagnostics().iter().all(|d| d.file.is_some()) {
            return err;
        }
        let mut blamed: Vec<(Message, &String, Option<Location>)> = Vec::new();
        for (file, &pages) in &self.content.annex_pages {
            if !read.iter().any(|r| r.ends_with(file)) {
                continue;
            }
            let Some((path, place)) = self.content.annex_named.get(file) else {
                continue;
            };
            let images: String = (1..=pages)
                .map(|k| {
                    format!(
                        "#image({}, alt: \"Bilag\")\n",
                        crate::escape::string_literal(&crate::annex::page_path(file, k))
                    )
                })
                .collect();
            let probe = Job {
                name: job.name,
                source: format!("#set document(title: [Bilag])\n#set text(lang: \"da\")\n{images}"),
                date: job.date,
                proper_names: None,
            };
            let Ok(laid) = self.typesetter.lay_out(&probe) else {
                continue;
            };
            for &format in formats {
                if let Err(own) = export::export(format, &laid, job.name, settings) {
                    blamed.extend(
                        own.into_diagnostics()
                            .into_iter()
                            .map(|d| (d.message, path, place.clone())),
                    );
                }
            }
        }
        let placed = err.into_diagnostics().into_iter().map(|d| {
            let annex = blamed
                .iter()
                .find(|(message, ..)| d.file.is_none() && *message == d.message);
            match annex {
                Some((_, path, place)) => Diagnostic {
                    message: msg!(
                        "session-annex-breaks-standard",
                        path = path.as_str(),
                        what = d.message.clone()
                    ),
                    hints: Vec::new(),
                    ..d
                }
                .located(place.clone())
                .hint(msg!("session-annex-breaks-standard-hint")),
                None => d,
            }
        });
        Error::from(placed.collect::<Vec<_>>())
    }

    /// The regular expression of the project's proper names that `source`
    /// contains, as the style library reads it.
    pub fn proper_names_in(&self, source: &str) -> Option<String> {
        self.renderer.proper_names_in(source)
    }

    /// What the formats are told of the document `name` of `date`.
    fn settings<'a>(&self, name: &str, date: NaiveDate, standards: &'a [Standard]) -> Settings<'a> {
        Settings {
            ident: self.project.document_ident(name),
            date,
            timestamp: self.source_date_epoch,
            standards,
        }
    }

    /// Where a person wrote the text drawn at (`x`, `y`) points from the
    /// top left of page `page` (0-based) of `pages`, which were laid out
    /// from `rendered`, the source of `document`: the prose line, the fact,
    /// the template line, or the style library's line. None where no text
    /// is, or no person wrote it.
    pub fn origin(
        &self,
        document: &Document,
        rendered: &Rendered,
        pages: &typst_layout::PagedDocument,
        page: usize,
        point: (f64, f64),
    ) -> Option<Origin> {
        let spot = self.typesetter.spot(
            pages,
            (&document.spec.output, rendered.source(), document.date),
            page,
            point,
        )?;
        let offset = match spot {
            Spot::Generated(offset) => offset,
            Spot::File(at) => return Some(Origin::Typst(at)),
        };
        let (at, expression) = rendered.written_at(&self.templates, offset)?;
        if at.file.extension().is_some_and(|e| e == "md") {
            return Some(Origin::Prose(at));
        }
        match expression.and_then(|e| self.fact_printed_by(document, &e)) {
            Some((path, fact)) => Some(Origin::Fact {
                path,
                at: fact,
                printed_by: at,
            }),
            None => Some(Origin::Template(at)),
        }
    }

    /// The fact a template expression prints, if it names one as it
    /// stands in a file: `document.title` in the document's declaration,
    /// `rules.sustainable_size` in the facts. Values the context derives,
    /// and loop variables, name no fact.
    fn fact_printed_by(&self, document: &Document, expression: &str) -> Option<(String, Location)> {
        let path = expression.split('|').next()?.trim();
        let plain = !path.is_empty()
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'));
        if !plain {
            return None;
        }
        let sources = &self.content.sources;
        match path.strip_prefix("document.") {
            Some(key) => sources
                .exact_value_in(&document.file, key)
                .map(|at| (key.to_owned(), at)),
            None => sources.exact_value(path).map(|at| (path.to_owned(), at)),
        }
    }

    /// Takes in that the files at `paths` changed, were added or were
    /// removed: reads again what they touch, and only that. Paths are
    /// absolute, or relative to the project folder. If what changed cannot
    /// be read (a fact file with an error), the session keeps what it had,
    /// returns the errors, and every document fails with them until a
    /// later change mends it.
    pub fn changed(&mut self, paths: &[PathBuf]) -> Result<Reloaded> {
        let mut all: Vec<PathBuf> = self
            .pending
            .take()
            .map(|(pending, _)| pending)
            .unwrap_or_default();
        all.extend(paths.iter().map(|p| real_path(&self.project.root.join(p))));
        let result = self.reload(&all);
        if let Err(err) = &result {
            self.pending = Some((all, err.clone()));
        }
        result
    }

    fn reload(&mut self, paths: &[PathBuf]) -> Result<Reloaded> {
        let mut what = Reloaded::default();
        let mut files = Vec::new();
        for path in paths {
            let touched = self.touched_by(path);
            if touched.files {
                files.push(path.clone());
            }
            what.settings |= touched.settings;
            what.content |= touched.content;
            what.templates |= touched.templates;
            what.fonts |= touched.fonts;
            what.files |= touched.files;
        }
        if what.settings {
            *self = Self::open(&self.project.root.clone())?;
            return Ok(Reloaded {
                settings: true,
                content: true,
                templates: true,
                fonts: true,
                files: true,
            });
        }
        // Nothing is replaced until all that changed has been read and
        // checked. Prose is parsed with the templates, so new content
        // means parsing them again too (a matter of milliseconds).
        if what.content
            && let Some(prose) = self.prose_changed(paths)
        {
            // Only prose changed: the facts stay as they are, the prose is
            // parsed again with the templates.
            let mut content_prose = self.content.prose.clone();
            content_prose.extend(prose.iter().cloned());
            let templates = match self.templates.with_prose(&prose) {
                Some(templates) => templates?,
                None => {
                    Templates::load(&self.project, &content_prose, &kinds::texts(&self.content))?
                }
            };
            check_documents(&self.content, &templates)?;
            let mut content = (*self.content).clone();
            content.prose = content_prose;
            self.content = Arc::new(content);
            self.templates = Arc::new(templates);
            what.templates = true;
        } else if what.content {
            let content = kinds::load(&self.project)?;
            let templates = templates_for(&self.project, &content)?;
            check_documents(&content, &templates)?;
            self.renderer = Arc::new(Renderer::new(&self.project, &content));
            self.content = Arc::new(content);
            self.templates = Arc::new(templates);
            what.templates = true;
        } else if what.templates {
            let templates = templates_for(&self.project, &self.content)?;
            check_documents(&self.content, &templates)?;
            self.templates = Arc::new(templates);
        }
        if what.fonts {
            self.typesetter.reload_fonts(&self.project)?;
        }
        if what.files {
            self.typesetter.forget(&files);
        }
        Ok(what)
    }

    /// The new texts of the prose files among `paths`, if every file of
    /// `content/` among them is a prose file the documents already use
    /// and can be read; none if facts or declarations changed, or a file
    /// is new, gone or unreadable (then everything is read again, and
    /// checked).
    fn prose_changed(&self, paths: &[PathBuf]) -> Option<Vec<(String, String)>> {
        let content_dir = self.project.content_dir();
        let real_dir = content_dir.canonicalize().ok()?;
        let mut texts = Vec::new();
        for path in paths {
            let Ok(rel) = path
                .strip_prefix(&real_dir)
                .or_else(|_| path.strip_prefix(&content_dir))
            else {
                continue;
            };
            let key = rel.to_str()?.replace('\\', "/");
            if !self.content.prose.contains_key(&key) {
                // An editor's temporary file, gone by now (written, then
                // renamed over the file saved), changes nothing; a fact
                // file or prose file that went away does.
                let read = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    ["yaml", "yml", "md"].contains(&e.to_ascii_lowercase().as_str())
                });
                if !path.exists() && !read {
                    continue;
                }
                return None;
            }
            let bytes = self.project.read(path, FileKind::Prose).ok()?;
            texts.push((key, String::from_utf8(bytes).ok()?));
        }
        Some(texts)
    }

    /// What a change to `path` touches.
    fn touched_by(&self, path: &Path) -> Reloaded {
        let project = &self.project;
        let templates = project.templates_dir();
        let is = |ext: &[&str]| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ext.contains(&e.to_ascii_lowercase().as_str()))
        };
        let mut touched = Reloaded::default();
        if path == project.root.join(CONFIG_FILE) {
            touched.settings = true;
        } else if path.starts_with(
            templates
                .canonicalize()
                .unwrap_or_else(|_| templates.clone()),
        ) || path.starts_with(&templates)
        {
            if path.to_string_lossy().ends_with(TEMPLATE_SUFFIX) {
                touched.templates = true;
            } else {
                touched.files = true;
            }
        } else if path.starts_with(project.fonts_dir()) {
            touched.fonts = true;
        } else if path.starts_with(project.content_dir()) && is(&["yaml", "yml", "md"]) {
            touched.content = true;
        } else if !path.starts_with(project.default_output_dir()) {
            // An image, a logo, an annex: Typst reads it again; an annex's
            // pages are counted again with the facts. (What dokgen writes
            // to output/ is not what it reads.)
            touched.files = true;
            touched.content = path
                .strip_prefix(&project.root)
                .ok()
                .and_then(|rel| rel.to_str())
                .is_some_and(|rel| self.content.annex_pages.contains_key(rel));
        }
        touched
    }

    /// Whether documents can be made, or the errors of files that changed
    /// and could not be read in.
    fn usable(&self) -> Result<()> {
        match &self.pending {
            Some((_, err)) => Err(err.clone()),
            None => Ok(()),
        }
    }
}

/// The templates of `project`, with the prose and the texts of `content`.
fn templates_for(project: &Project, content: &Content) -> Result<Templates> {
    Templates::load(project, &content.prose, &kinds::texts(content))
}

/// The first of the errors that stand at one place of one file, with a
/// hint that counts the others: one mistake in a template line often
/// makes Typst stumble many times over the code it wrote there.
fn one_per_place(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<(Diagnostic, usize)> = Vec::new();
    for d in diagnostics {
        let place = |x: &Diagnostic| (x.file.clone(), x.line, x.column);
        match out
            .iter_mut()
            .find(|(first, _)| d.line.is_some() && place(first) == place(&d))
        {
            Some((_, more)) => *more += 1,
            None => out.push((d, 0)),
        }
    }
    out.into_iter()
        .map(|(d, more)| match more {
            0 => d,
            count => d.hint(msg!("session-more-errors", count)),
        })
        .collect()
}

/// `path` with its folder's real path, so that it compares with the
/// project's folders (the file itself may be gone).
pub(crate) fn real_path(path: &Path) -> PathBuf {
    match (
        path.parent().and_then(|p| p.canonicalize().ok()),
        path.file_name(),
    ) {
        (Some(parent), Some(name)) => parent.join(name),
        _ => path.to_path_buf(),
    }
}

/// Runs `work` for `document`; a panic in it (a library's, on input it
/// did not expect) becomes an error naming the document and its template,
/// so that one document fails and the others are made.
fn guarded<T>(document: &Document, work: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Error::from(
            Diagnostic::error(msg!(
                "session-internal-error",
                output = &document.spec.output,
                template = &document.spec.template,
                what
            ))
            .in_file(&document.file)
            .hint(msg!("session-bug-hint")),
        )
    })
}

/// The longest output name, in bytes: with `.pdf` and the build's
/// temporary suffix it stays below the 255 bytes of a file name.
const MAX_OUTPUT_NAME: usize = 200;

/// Whether `name` is one Windows reserves for a device, with or without
/// an extension: a PDF of that name could not be opened there.
fn is_reserved_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// Characters a file name may not hold on Windows (or anywhere, for the
/// slashes); a double quote would also end the name a download is given.
const NOT_IN_NAMES: &[char] = &['/', '\\', '"', '*', ':', '<', '>', '?', '|'];

/// What an output name is as a file on a system that folds case and
/// Unicode forms (Windows, macOS): two names alike here are one file there.
fn one_file(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc().flat_map(char::to_lowercase).nfc().collect()
}

/// Every document names a template that exists and an output name that is
/// a plain file name used by no other document.
fn check_documents(content: &Content, templates: &Templates) -> Result<()> {
    let mut problems = Vec::new();
    let mut outputs: std::collections::BTreeMap<String, (&Path, &String)> = Default::default();
    for document in &content.documents {
        let spec = &document.spec;
        if !templates.contains(&spec.template) {
            problems.push(
                Diagnostic::error(msg!("session-no-template", template = &spec.template))
                    .in_file(&document.file)
                    .located(content.sources.value_in(&document.file, "template"))
                    .hint(msg!(
                        "session-templates-are",
                        names = templates.names().join(", "),
                        folder = templates.dir(),
                    )),
            );
        }
        let plain = !spec.output.is_empty()
            && !spec.output.starts_with('.')
            && !spec.output.ends_with(['.', ' '])
            && !spec.output.contains(NOT_IN_NAMES)
            && !spec.output.ends_with(".pdf")
            && !spec.output.chars().any(crate::unseen::refused)
            && spec.output.len() <= MAX_OUTPUT_NAME
            && !is_reserved_name(&spec.output);
        if !plain {
            let characters = NOT_IN_NAMES
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" ");
            problems.push(
                Diagnostic::error(msg!(
                    "session-output-not-plain",
                    output = spec.output.escape_debug().to_string()
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "output"))
                .hint(msg!(
                    "session-output-not-plain-hint",
                    characters,
                    most = MAX_OUTPUT_NAME
                )),
            );
        }
        if let Some((first, written)) =
            outputs.insert(one_file(&spec.output), (&document.file, &spec.output))
        {
            let coded = |name: &str| -> String {
                name.chars()
                    .map(|c| match c.is_ascii() {
                        true => c.to_string(),
                        false => c.escape_unicode().to_string(),
                    })
                    .collect()
            };
            let output = &spec.output;
            let message = if written == output {
                msg!("session-output-twice", output)
            } else if written.to_lowercase() == output.to_lowercase() {
                msg!(
                    "session-output-twice-case",
                    output,
                    first = written,
                    second = output
                )
            } else {
                msg!(
                    "session-output-twice-encoding",
                    output,
                    first = coded(written),
                    second = coded(output)
                )
            };
            problems.push(
                Diagnostic::error(message)
                    .in_file(&document.file)
                    .located(content.sources.value_in(&document.file, "output"))
                    .hint(msg!("session-output-twice-hint", file = first.display())),
            );
        }
    }
    if content.documents.is_empty() {
        problems.push(
            Diagnostic::error(msg!("session-no-documents"))
                .in_file("content/documents")
                .hint(msg!("session-no-documents-hint")),
        );
    }
    match Error::many(problems.into_iter().map(Error::from)) {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// The timestamp reproducible builds agree on
/// (<https://reproducible-builds.org/specs/source-date-epoch/>), if set.
fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(text) if text.trim().is_empty() => Ok(None),
        Ok(text) => text.trim().parse::<i64>().map(Some).map_err(|_| {
            Diagnostic::error(msg!("session-epoch", value = text.as_str()))
                .hint(msg!("session-epoch-hint"))
                .into()
        }),
    }
}

/// `output`, unless text prints over other text or runs out into the
/// margin in its layout: then an error for each place, placed by `place`
/// (given the pages, the place and what is said of it), once per line.
fn refused_overprints(
    output: Output,
    place: impl Fn(&typst_layout::PagedDocument, &crate::typeset::Overprint, Diagnostic) -> Diagnostic,
) -> Result<Output> {
    let mut output = output;
    let read = output.overprints.take();
    let Some(pages) = &output.layout else {
        return Ok(output);
    };
    let found = read.unwrap_or_else(|| crate::typeset::overprints(pages));
    if found.is_empty() {
        return Ok(output);
    }
    let mut problems: Vec<Diagnostic> = Vec::new();
    for o in &found {
        let d = place(pages, o, Diagnostic::error(overprint_message(o)));
        push_once(&mut problems, d.hint(msg!("session-overprint-hint")));
    }
    Err(Error::from(problems))
}

/// What is said of text that prints over other text or runs out into
/// the margin.
fn overprint_message(o: &crate::typeset::Overprint) -> Message {
    let (page, text) = (o.page + 1, shortened(&o.text));
    match &o.over {
        Some(over) => msg!("session-overprint", page, text, over = shortened(over)),
        None => msg!("session-off-page", page, text),
    }
}

/// Adds `d` to `problems` unless one stands at the same place.
fn push_once(problems: &mut Vec<Diagnostic>, d: Diagnostic) {
    if !problems
        .iter()
        .any(|p| p.file == d.file && p.line == d.line && p.column == d.column)
    {
        problems.push(d);
    }
}

/// `text` as a message quotes it: its first words, if it is long.
fn shortened(text: &str) -> String {
    const MOST: usize = 60;
    let text = text.trim();
    if text.chars().count() <= MOST {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MOST).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_can_live_in_another_thread_and_serve_several() {
        // A watcher or a server keeps the session on a thread of its own
        // and makes documents from it on several.
        fn send_and_sync<T: Send + Sync>() {}
        send_and_sync::<Session>();
    }

    #[test]
    fn a_panic_while_making_a_document_is_an_error_naming_it() {
        let session = Session::open(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let document = &session.documents()[0];
        let err = guarded(document, || -> () {
            panic!("a library met what it did not expect")
        })
        .unwrap_err();
        let text = err.render_in(crate::message::Lang::En, false);
        assert!(
            text.contains(&format!("`{}`", document.spec.output)),
            "{text}"
        );
        assert!(text.contains(&document.spec.template), "{text}");
        assert!(
            text.contains("a library met what it did not expect"),
            "{text}"
        );
        assert!(guarded(document, || 7).is_ok_and(|n| n == 7));
    }
}
