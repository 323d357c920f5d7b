//! The Tera environment: templates, prose templates, autoescaping and the
//! Danish filters.
//!
//! Takes the project's templates folder and the Markdown prose; gives
//! Typst source for a document, with a map back to the template lines it
//! came from ([`origins`]), or Markdown text for a prose file, rendered with
//! a document's context.
//!
//! Every `.typ.tera` template and every `.md` prose file is autoescaped with
//! [`escape::write_markup`], so a value from the facts can only ever appear
//! as text. The filters that emit Typst on purpose (`typst_str`, `typst`,
//! `prose`) escape by construction and mark their output safe
//! ([`filters`]).

mod filters;
pub(crate) mod origins;
mod said;

/// The filters a template can use: dokgen's and Tera's (for a hint at a
/// misspelt one).
const FILTER_NAMES: &[&str] = &[
    "dato",
    "aar",
    "tal",
    "paragraf",
    "nr",
    "tal_ord",
    "ordenstal",
    "stort",
    "smaat",
    "genitiv",
    "kr",
    "pct",
    "kl",
    "liste",
    "eller",
    "typst_str",
    "typst",
    "prose",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
];

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use crate::builtin::Builtin;
use crate::diagnostic::{Diagnostic, Error, Location, Result};
use crate::escape;
use crate::id::ProsePath;
use crate::msg;
use crate::project::{FileKind, Project, Provenance};
use origins::{Hole, Instrumented, Markers, Origins};

/// The suffix of document templates and their partials.
pub(crate) const TEMPLATE_SUFFIX: &str = ".typ.tera";

/// Prose files are registered under this prefix, so their names can't clash
/// with templates and end in `.md` (which turns autoescaping on).
const PROSE_PREFIX: &str = "content/";

/// The name of the context variable that holds converted prose.
pub(crate) const PROSE_VAR: &str = "prose";

/// Templates, prose and the facts' texts, parsed and ready to render.
#[derive(Clone)]
pub(crate) struct Templates {
    /// The templates and prose: values are escaped into markup.
    tera: Tera,
    /// The facts' texts: values are put in as they are (the text is
    /// escaped where a template prints it).
    plain: Tera,
    /// The templates folder as messages name it, relative to the project:
    /// `templates`, or `../../templates` for a shared one.
    shown_dir: String,
    /// The built-in files the project uses (templates, the style library):
    /// those it does not override.
    builtins: Vec<&'static Builtin>,
    /// The templates, then the prose files, then the facts' texts, as
    /// written; markers refer to them by their index here.
    sources: Vec<Written>,
    /// How many of `sources` are templates.
    templates: usize,
    /// The markers of this load.
    markers: Markers,
}

/// The prose keys a template's `text` places (`document.prose.<key>`), in
/// the order it first places them.
pub(crate) fn placed_prose_keys(text: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for (at, found) in text.match_indices("document.prose.") {
        let key: String = text[at + found.len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// A text a person wrote in the facts or a declaration that names other
/// facts with `{{ … }}`: it is rendered, as prose is, before it is used.
#[derive(Debug, Clone)]
pub(crate) struct FactText {
    /// Where it stands: its path in the merged facts
    /// (`meetings[1].items[0].title`), or `documents[3].title` for a
    /// document's title or subject.
    pub path: String,
    /// The text as written.
    pub text: String,
    /// Where its value begins in its YAML file.
    pub at: Option<Location>,
}

/// The error for a character of dokgen's markers in `text`, the file
/// `file`, if it holds one.
fn marker_character(file: &Path, text: &str) -> Option<Diagnostic> {
    let at = origins::marker_char_in(text)?;
    Some(
        Diagnostic::error(msg!("template-marker-character"))
            .in_file(file)
            .at_offset(text, at)
            .hint(msg!("template-marker-character-hint")),
    )
}

/// Where each line of `text` begins.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// A template or prose file as a person wrote it.
#[derive(Clone)]
struct Written {
    /// Its name in Tera: its path under the templates folder, or
    /// `content/` and its path there.
    name: String,
    /// Its file as messages name it, relative to the project.
    file: PathBuf,
    /// Its text.
    text: String,
    /// Where each line of its text begins, so that a place is found
    /// without counting the lines before it (prose may have a million).
    line_starts: Vec<usize>,
    /// Its text as Tera parsed it, with the markers.
    marked: Instrumented,
    /// For a fact's text, where its value begins in its YAML file.
    anchor: Option<Location>,
}

impl Written {
    /// The place of byte `at` of the text, as messages name it.
    fn location(&self, at: usize) -> Location {
        let text = &self.text;
        let at = at.min(text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= at)
            .max(1);
        let start = self.line_starts[line - 1];
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let column = text[start..at].chars().count() + 1;
        let snippet = text[start..end].trim_end().to_owned();
        match &self.anchor {
            None => Location {
                file: self.file.clone(),
                line,
                column,
                snippet,
            },
            // A fact's text stands in its YAML file from the anchor on;
            // on the anchor's line, after a quote if it is quoted.
            Some(anchor) if line == 1 => {
                let quoted = anchor
                    .snippet
                    .chars()
                    .nth(anchor.column - 1)
                    .is_some_and(|c| c == '"' || c == '\'');
                Location {
                    column: anchor.column + usize::from(quoted) + column - 1,
                    ..anchor.clone()
                }
            }
            Some(anchor) => Location {
                file: anchor.file.clone(),
                line: anchor.line + line - 1,
                column,
                snippet,
            },
        }
    }
}

/// The value a Tera expression at the start of `text` names: up to a
/// filter, the end of the tag or line, or (outside brackets) a space, a
/// comma or a closing bracket: `a.b`, `meeting['x'].date`, not `a.b for x
/// in y]`.
fn value_at(text: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '|' | '}' | '%' | '\n' => return &text[..i],
            '[' | '(' => depth += 1,
            ']' | ')' if depth == 0 => return &text[..i],
            ']' | ')' => depth -= 1,
            ' ' | ',' if depth == 0 => return &text[..i],
            _ => {}
        }
    }
    text
}

/// What a render writes, up to [`MAX_OUTPUT`]: a loop in a template or
/// prose that prints a long text many times stops there, not when memory
/// runs out.
#[derive(Default)]
struct Capped {
    bytes: Vec<u8>,
    /// Whether a write was refused.
    over: bool,
}

/// The most a template, prose file or fact's text may make, in bytes:
/// twenty times the largest prose file allowed by default.
const MAX_OUTPUT: usize = 100 * 1024 * 1024;

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT {
            self.over = true;
            return Err(std::io::Error::other("the text made is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A template's output: Typst source or Markdown, and where its pieces
/// came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Output {
    /// The text.
    pub text: String,
    /// Where each piece of it was written (see [`Templates::locate`]).
    pub(crate) origins: Origins,
}

impl Templates {
    /// Parses every template in the project's templates folder and every
    /// prose file.
    pub(crate) fn load(
        project: &Project,
        prose: &BTreeMap<ProsePath, String>,
        texts: &[FactText],
    ) -> Result<Self> {
        let dir = project.templates_dir();
        let shown_dir = crate::project::relative(&project.root, &dir);
        let mut written = Vec::new();
        let mut builtins = Vec::new();
        for file in project.template_files()? {
            if let Provenance::Builtin(builtin) = file.from {
                builtins.push(builtin);
            }
            if !file.name.ends_with(TEMPLATE_SUFFIX) {
                // A Typst file of the project's is read by Typst as it lays
                // a document out; it is read here once too, so that a
                // character that does not show is one error at its line,
                // not one at every document that imports it.
                if let Provenance::Project(path) = &file.from
                    && file.name.ends_with(".typ")
                {
                    project.read_text(path, FileKind::Template)?;
                }
                continue;
            }
            let (shown, text) = match &file.from {
                Provenance::Project(path) => (
                    Path::new(&shown_dir).join(&file.name),
                    project.read_text(path, FileKind::Template)?,
                ),
                Provenance::Builtin(builtin) => {
                    (PathBuf::from(builtin.shown()), builtin.text().to_owned())
                }
            };
            written.push((file.name, shown, text, None));
        }
        let templates = written.len();
        written.extend(prose.iter().map(|(path, text)| {
            (
                format!("{PROSE_PREFIX}{path}"),
                Path::new("content").join(path),
                text.clone(),
                None,
            )
        }));
        let plain_from = written.len();
        written.extend(texts.iter().map(|t| {
            let file = t.at.as_ref().map(|a| a.file.clone()).unwrap_or_default();
            (text_name(&t.path), file, t.text.clone(), t.at.clone())
        }));
        let mut markers = Markers::new();
        let mut problems = Vec::new();
        let sources: Vec<Written> = written
            .into_iter()
            .enumerate()
            .map(|(i, (name, file, text, anchor))| {
                problems.extend(marker_character(&file, &text));
                let marked = markers.instrument(i, &text);
                let line_starts = line_starts(&text);
                Written {
                    name,
                    file,
                    text,
                    line_starts,
                    marked,
                    anchor,
                }
            })
            .collect();
        if let Some(err) = Error::many(problems.into_iter().map(Error::from)) {
            return Err(err);
        }
        let mut tera = Tera::new();
        tera.set_escape_fn(escape_strictly);
        tera.autoescape_on([TEMPLATE_SUFFIX, ".md"]);
        filters::register(&mut tera);
        let added = tera.add_raw_templates(
            sources[..plain_from]
                .iter()
                .map(|w| (w.name.as_str(), w.marked.text.as_str())),
        );
        let mut plain = Tera::new();
        plain.set_escape_fn(plain_strictly);
        plain.autoescape_on([TEXT_SUFFIX]);
        filters::register(&mut plain);
        let added_plain = plain.add_raw_templates(
            sources[plain_from..]
                .iter()
                .map(|w| (w.name.as_str(), w.marked.text.as_str())),
        );
        let loaded = Self {
            tera,
            plain,
            shown_dir,
            builtins,
            sources,
            templates,
            markers,
        };
        added.map_err(|err| loaded.error(&err, None))?;
        added_plain.map_err(|err| loaded.error(&err, None))?;
        Ok(loaded)
    }

    /// These templates with the prose files of `changed` (each its path
    /// under `content/` and its new text) parsed anew, and nothing else:
    /// what a save of one prose file costs a session that is kept open,
    /// where loading them all again would parse every template and prose
    /// file. None if a file of `changed` is not among the prose loaded.
    pub(crate) fn with_prose(&self, changed: &[(String, String)]) -> Option<Result<Self>> {
        let mut next = self.clone();
        let mut parsed = Vec::new();
        for (path, text) in changed {
            let name = format!("{PROSE_PREFIX}{path}");
            let i = next.templates
                + next.sources[next.templates..]
                    .iter()
                    .position(|w| w.name == name)?;
            if let Some(problem) = marker_character(&next.sources[i].file, text) {
                return Some(Err(problem.into()));
            }
            let marked = next.markers.instrument(i, text);
            let written = &mut next.sources[i];
            written.line_starts = line_starts(text);
            written.text.clone_from(text);
            written.marked = marked;
            parsed.push(i);
        }
        let Self { tera, sources, .. } = &mut next;
        let added = tera.add_raw_templates(
            parsed
                .iter()
                .map(|&i| (sources[i].name.as_str(), sources[i].marked.text.as_str())),
        );
        Some(match added {
            Ok(()) => Ok(next),
            Err(err) => Err(next.error(&err, None)),
        })
    }

    /// The templates (not the prose).
    fn templates(&self) -> &[Written] {
        &self.sources[..self.templates]
    }

    /// Whether `name` is a loaded template.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.templates().iter().any(|w| w.name == name)
    }

    /// The files of the project's own templates (documents and partials),
    /// relative to the project, sorted.
    pub(crate) fn files(&self) -> impl Iterator<Item = &Path> {
        self.templates()
            .iter()
            .filter(|w| {
                w.file
                    .to_str()
                    .is_none_or(|f| !f.starts_with(crate::builtin::PREFIX))
            })
            .map(|w| w.file.as_path())
    }

    /// The text of the template `name` as written, and its file.
    pub(crate) fn text_of(&self, name: &str) -> Option<(&Path, &str)> {
        self.templates()
            .iter()
            .find(|w| w.name == name)
            .map(|w| (w.file.as_path(), w.text.as_str()))
    }

    /// The names of every template (documents and partials).
    pub(crate) fn all_names(&self) -> impl Iterator<Item = &str> {
        self.templates().iter().map(|w| w.name.as_str())
    }

    /// The built-in files the project uses: every built-in file it does
    /// not override, templates or not.
    pub(crate) fn builtins(&self) -> &[&'static Builtin] {
        &self.builtins
    }

    /// The templates folder relative to the project: `templates`, or
    /// `../../templates` for a shared one.
    pub(crate) fn dir(&self) -> &str {
        &self.shown_dir
    }

    /// The names of the templates a document can name (those at the top
    /// of the folder; partials are in folders below it), for hints.
    pub(crate) fn names(&self) -> Vec<&str> {
        self.templates()
            .iter()
            .map(|w| w.name.as_str())
            .filter(|n| !n.contains('/'))
            .collect()
    }

    /// What `expression` (the inside of a `{{ … }}`) gives in `context`,
    /// as text, unescaped.
    pub(crate) fn evaluate(&self, expression: &str, context: &tera::Context) -> Result<String> {
        let mut tera = Tera::new();
        filters::register(&mut tera);
        let text = format!("{{{{ {expression} }}}}");
        tera.add_raw_template("expression", &text)
            .and_then(|()| tera.render("expression", context))
            .map_err(|err| {
                let said = match err.kind() {
                    tera::ErrorKind::SyntaxError(report)
                    | tera::ErrorKind::RenderingError(report) => said::said(report.message()),
                    kind => said::said_of_kind(kind).unwrap_or_else(|| {
                        // The first line of Tera's text says what is wrong.
                        let text = kind.to_string();
                        let line = text.lines().next().unwrap_or_default();
                        said::said(line.strip_prefix("error: ").unwrap_or(line))
                    }),
                };
                Error::from(Diagnostic::error(said.message))
            })
    }

    /// Renders the template `name` into Typst source.
    pub(crate) fn render(&self, name: &str, context: &tera::Context) -> Result<Output> {
        self.render_marked(name, context)
    }

    /// Renders the prose file `path` (under `content/`) into Markdown, with
    /// its facts filled in and escaped.
    pub(crate) fn render_prose(&self, path: &str, context: &tera::Context) -> Result<Output> {
        self.render_marked(&format!("{PROSE_PREFIX}{path}"), context)
    }

    /// Renders the fact's text at `path` (see [`FactText`]) into plain
    /// text, with its facts filled in.
    pub(crate) fn render_text(&self, path: &str, context: &tera::Context) -> Result<String> {
        self.render_in(&self.plain, &text_name(path), context)
            .map(|output| output.text)
    }

    /// Whether the fact's text at `path` names facts and is rendered.
    pub(crate) fn has_text(&self, path: &str) -> bool {
        let name = text_name(path);
        self.sources.iter().any(|w| w.name == name)
    }

    fn render_marked(&self, name: &str, context: &tera::Context) -> Result<Output> {
        self.render_in(&self.tera, name, context)
    }

    fn render_in(&self, tera: &Tera, name: &str, context: &tera::Context) -> Result<Output> {
        filters::reset_range_budget();
        let mut written = Capped::default();
        let rendered = tera.render_to(name, context, &mut written);
        if written.over {
            let file = self
                .sources
                .iter()
                .find(|w| w.name == name)
                .map(|w| w.file.clone());
            let mut d = Diagnostic::error(msg!(
                "template-output-too-large",
                megabytes = MAX_OUTPUT / (1024 * 1024)
            ))
            .hint(msg!("template-output-too-large-hint"));
            if let Some(file) = file {
                d = d.in_file(file);
            }
            return Err(d.into());
        }
        rendered.map_err(|err| self.error(&err, Some(context)))?;
        // Tera writes whole strings, so the bytes are UTF-8.
        let marked = String::from_utf8_lossy(&written.bytes);
        let (text, origins) = self.markers.strip(&marked);
        let output = Output { text, origins };
        let holes: Vec<Diagnostic> = output
            .origins
            .holes()
            .iter()
            .map(|hole| self.hole(&output, hole))
            .collect();
        if holes.is_empty() {
            Ok(output)
        } else {
            Err(Error::from(holes))
        }
    }

    /// The template or prose place that wrote byte `offset` of `output`:
    /// its file (relative to the project), line and column.
    pub(crate) fn locate(&self, output: &Output, offset: usize) -> Option<Location> {
        let (source, at) = self.site_of(output, offset)?;
        Some(source.location(at))
    }

    /// The line of its file as written on which each of `offsets` of
    /// `output` (ascending) stands, in one pass over the output.
    pub(crate) fn lines_of(&self, output: &Output, offsets: &[usize]) -> Vec<Option<usize>> {
        let texts: Vec<&str> = self.sources.iter().map(|w| w.text.as_str()).collect();
        output
            .origins
            .locate_many(&self.markers, &texts, &output.text, offsets)
            .into_iter()
            .map(|site| site.map(|(index, at)| self.sources[index].location(at).line))
            .collect()
    }

    /// The source and byte offset in it that wrote byte `offset` of
    /// `output`.
    fn site_of(&self, output: &Output, offset: usize) -> Option<(&Written, usize)> {
        let texts: Vec<&str> = self.sources.iter().map(|w| w.text.as_str()).collect();
        let (index, at) = output
            .origins
            .locate(&self.markers, &texts, &output.text, offset)?;
        Some((&self.sources[index], at))
    }

    /// The error of a value that printed nothing in `output`: at the
    /// `{{ … }}` that placed it, naming it.
    fn hole(&self, output: &Output, hole: &Hole) -> Diagnostic {
        let texts: Vec<&str> = self.sources.iter().map(|w| w.text.as_str()).collect();
        let site = output
            .origins
            .locate_hole(hole, &self.markers, &texts, &output.text)
            .map(|(index, at)| (&self.sources[index], at));
        let Some((source, at)) = site else {
            return Diagnostic::error(msg!("template-hole-unplaced"))
                .hint(msg!("template-hole-hint"));
        };
        let expression = source.text[at..]
            .strip_prefix("{{")
            .and_then(|rest| rest.find("}}").map(|end| &rest[..end]))
            .map(|e| e.trim_matches(|c: char| c == '-' || c.is_whitespace()));
        let message = match expression {
            Some(expression) => msg!("template-hole", expression),
            None => msg!("template-hole-unnamed"),
        };
        let mut d = Diagnostic::error(message).located(Some(source.location(at)));
        if let Some(why) = expression.and_then(crate::context::why_empty) {
            d = d.hint(why);
        }
        d.hint(msg!("template-hole-hint"))
    }

    /// Turns a Tera error into a diagnostic at the template's (or prose
    /// file's) line and column, as written.
    /// The errors of a message in which Tera wrote its own reports (an
    /// unknown `include`, found while the templates are loaded): each
    /// `error: …` with its ` --> name:line:column` placed in the file as
    /// written, not in the text with dokgen's markers that Tera read.
    fn reported(&self, text: &str) -> Error {
        let mut found = Vec::new();
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            let Some(message) = line.strip_prefix("error: ") else {
                continue;
            };
            let place = lines.clone().find_map(|l| l.strip_prefix("--> "));
            let located = place.and_then(|place| self.place_in_marked(place));
            let said = said::said(message);
            let mut d = Diagnostic::error(said.message).located(located);
            for hint in said.hints {
                d = d.hint(hint);
            }
            if message.starts_with("Unknown template") {
                d = d.hint(msg!("template-include-hint"));
            }
            found.push(d);
        }
        if found.is_empty() {
            let text = origins::without_markers(text);
            return Diagnostic::error(said::said(&text).message).into();
        }
        Error::from(found)
    }

    /// The place `name:line:column` in a source's text with markers, as a
    /// place in the source as written.
    fn place_in_marked(&self, place: &str) -> Option<Location> {
        let (rest, column) = place.rsplit_once(':')?;
        let (name, line) = rest.rsplit_once(':')?;
        let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
        let written = self.sources.iter().find(|w| w.name == name)?;
        let marked = &written.marked.text;
        let start: usize = marked
            .split_inclusive('\n')
            .take(line.checked_sub(1)?)
            .map(str::len)
            .sum();
        let offset = start
            + marked[start..]
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf8)
                .sum::<usize>();
        Some(written.location(written.marked.original_offset(offset)))
    }

    fn error(&self, err: &tera::Error, context: Option<&tera::Context>) -> Error {
        let (tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report)) =
            err.kind()
        else {
            return match said::said_of_kind(err.kind()) {
                Some(said) => Diagnostic::error(said.message).into(),
                None => self.reported(&err.kind().to_string()),
            };
        };
        // Tera's own words decide the hints; the message is said in
        // dokgen's.
        let original = report.message();
        let said = said::said(original);
        let name = report.filename();
        let mut d = Diagnostic::error(said.message.clone());
        let mut hints = said.hints.clone();
        // The names the message is about, to choose hints by.
        let mut about = original.to_owned();
        // Whether the message says a value does not exist.
        let mut undefined = original.contains("is not defined")
            || original.contains("undefined")
            || original.contains("not found in context");
        match self.sources.iter().find(|w| w.name == name) {
            Some(w) => {
                let at = w.marked.original_offset(report.span().range.start);
                // "expected `&[Value]` but got `undefined`" does not say
                // what was undefined: the value before the filter does.
                let value = Some(value_at(&w.text[at..]).trim()).filter(|v| !v.is_empty());
                // "Field `date` is not defined" of a value that is not
                // there at all: the path says which.
                let field_of_nothing =
                    original.starts_with("Field `") && !original.contains("Available fields");
                if (original.contains("got `undefined`") || field_of_nothing)
                    && let Some(value) = value
                {
                    d.message = msg!("template-not-defined", value);
                    about.push_str(value);
                    undefined = true;
                    hints.clear();
                    if value.contains("latest") {
                        hints.push(msg!("template-latest-hint"));
                    }
                    match context.and_then(|c| stops_at(value, c)) {
                        Some((has, lacks, Holds::Names(names))) => {
                            let known: Vec<&str> = names.iter().map(String::as_str).collect();
                            if let Some(near) = crate::diagnostic::nearest(&lacks, &known) {
                                hints.push(msg!("template-did-you-mean", name = near));
                            }
                            hints.push(msg!(
                                "template-has-no",
                                has,
                                lacks,
                                names = known.join(", ")
                            ));
                        }
                        Some((has, lacks, Holds::Items(count))) => {
                            hints.push(msg!(
                                "template-list-has-no",
                                has,
                                lacks,
                                last = count.saturating_sub(1)
                            ));
                        }
                        None => hints.push(said.message.clone()),
                    }
                } else if let Some((fields, expression)) = original
                    .split_once("Available fields: ")
                    .map(|(_, fields)| fields)
                    .zip(expression_around(&w.text, at))
                {
                    // A field that is not there: a fact the facts leave
                    // out, or a misspelt name.
                    d.message = msg!("template-no-value", expression);
                    about.push_str(expression);
                    undefined = false;
                    hints.clear();
                    let known: Vec<&str> = fields.split(", ").collect();
                    let missing = original
                        .strip_prefix("Field `")
                        .and_then(|rest| rest.split('`').next());
                    if let Some(near) = missing.and_then(|m| crate::diagnostic::nearest(m, &known))
                    {
                        hints.push(msg!("template-did-you-mean", name = near));
                    }
                    hints.push(msg!("template-fields-here", fields));
                    hints.push(msg!("template-hole-hint"));
                }
                d = d.located(Some(w.location(at)));
            }
            None if !name.is_empty() => d = d.in_file(name),
            None => {}
        }
        for hint in hints {
            d = d.hint(hint);
        }
        if let Some(source) = std::error::Error::source(err) {
            d = d.hint(match source.downcast_ref::<std::io::Error>() {
                Some(io) => crate::diagnostic::io_reason(io),
                None => msg!("foreign-said", tool = "Tera", text = source.to_string()),
            });
        }
        if ["later_areas", "earlier_areas", "current_areas"]
            .iter()
            .any(|field| about.contains(field))
        {
            d = d.hint(msg!("template-areas-hint"));
        } else if undefined {
            d = d.hint(msg!("template-check-name-hint"));
        }
        d.into()
    }
}

/// What a value holds where a path stops having a value: names (of a map's
/// fields), or a number of items (of a list).
enum Holds {
    Names(Vec<String>),
    Items(usize),
}

/// Where the path `expression` (`a.b`, `a["b"]`, `a[0]`) stops having a
/// value in `context`: the part that has one, the name it lacks there, and
/// the names it has. `None` where the first name has no value (a
/// template's own variable, or no value at all) or the path has none.
fn stops_at(expression: &str, context: &tera::Context) -> Option<(String, String, Holds)> {
    let mut parts = Vec::new();
    let mut rest = expression.trim();
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            parts.push(inner[..end].trim().trim_matches(['"', '\'']).to_owned());
            rest = &inner[end + 1..];
        } else {
            let rest_of = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_of.find(['.', '[']).unwrap_or(rest_of.len());
            parts.push(rest_of[..end].trim().to_owned());
            rest = &rest_of[end..];
        }
    }
    let (head, tail) = parts.split_first()?;
    let mut value = context.get(head)?;
    let mut has = head.clone();
    for part in tail {
        let (next, holds) = if let Some(map) = value.as_map() {
            let next = map
                .iter()
                .find(|(k, _)| k.to_string() == *part)
                .map(|(_, v)| v);
            let mut names: Vec<String> = map.keys().map(ToString::to_string).collect();
            names.sort();
            (next, Holds::Names(names))
        } else if let Some(items) = value.as_array() {
            let next = part.parse::<usize>().ok().and_then(|i| items.get(i));
            (next, Holds::Items(items.len()))
        } else {
            return None;
        };
        match next {
            Some(v) => {
                value = v;
                has = if part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    format!("{has}.{part}")
                } else {
                    format!("{has}[\"{part}\"]")
                };
            }
            None => return Some((has, part.clone(), holds)),
        }
    }
    None
}

/// The path of the `{{ … }}` around byte `at` of `text`: `seminar.place`
/// of `{{ seminar.place | stort }}`.
fn expression_around(text: &str, at: usize) -> Option<&str> {
    let open = text[..at].rfind("{{")?;
    if text[open..at].contains("}}") {
        return None;
    }
    let inner = &text[open + 2..];
    let end = inner.find(['|', '}'])?;
    Some(inner[..end].trim_matches(|c: char| c == '-' || c.is_whitespace()))
        .filter(|e| !e.is_empty())
}

/// The suffix of the names of the facts' texts in Tera.
const TEXT_SUFFIX: &str = ".txt";

/// The name in Tera of the fact's text at `path`.
fn text_name(path: &str) -> String {
    format!("{path}{TEXT_SUFFIX}")
}

/// The escape function of the facts' texts: the text as it is (it is
/// escaped where a template prints it), and where a value prints nothing,
/// the marker of a hole.
fn plain_strictly(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if text.trim().is_empty() {
        origins::write_hole(out)
    } else {
        out.write_all(text.as_bytes())
    }
}

/// The escape function of every template and prose file: the text as
/// Typst markup ([`escape::write_markup`]), and where a value prints
/// nothing, the marker of a hole.
fn escape_strictly(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if text.trim().is_empty() {
        origins::write_hole(out)
    } else {
        escape::write_markup(text, out)
    }
}
