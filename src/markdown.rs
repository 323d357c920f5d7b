//! Markdown prose → Typst markup.
//!
//! Takes CommonMark text with the GFM extensions (tables, footnotes,
//! strikethrough, task lists), heading attributes and smart punctuation,
//! already rendered by Tera so its facts are filled in; gives Typst markup
//! that shows it, and the problems found on the way.
//!
//! Escaping is this module's own job: every piece of text goes through
//! [`escape::markup`], every string through [`escape::string_literal`], and
//! every embedded expression is closed with `;` so that the text after it
//! cannot continue it. Constructs are written in their function form
//! (`#strong[..];`, `#list(..)`) rather than as markup shorthands, which
//! depend on line starts and indentation; so converted prose means the same
//! wherever a template places it.
//!
//! Decisions, for constructs Typst has no safe equivalent for:
//! - raw HTML (inline and blocks) is shown as text, with a warning: nothing
//!   the writer typed disappears, and nothing is interpreted;
//! - a link is a link only to `http:`, `https:`, `mailto:` or to a `#label`
//!   that a heading of the same prose defines (`## Titel {#label}`); any
//!   other destination is shown as the link's text, with a warning;
//! - an image must be a file inside the project, found relative to the
//!   Markdown file; a missing file is an error, missing alt text a warning.
//!
//! With an [`ProseSource`], each block is preceded by a Typst comment that names
//! the Markdown file and line it comes from (`/*@ content/x.md:12 */`), so a
//! Typst error in converted prose can be reported where the writer can fix
//! it ([`origin_before`]).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::escape;
use crate::message::Message;
use crate::msg;

/// Where a piece of prose comes from.
#[derive(Debug, Clone, Copy)]
pub struct ProseSource<'a> {
    /// The project folder: images are looked up in it, and only in it.
    pub root: &'a Path,
    /// The Markdown file, relative to the project folder (`content/x.md`).
    pub file: &'a Path,
    /// For each line of the text given to [`to_typst`], the line of the
    /// file it came from (Tera may move lines); empty when they are the
    /// same.
    pub lines: &'a [Option<usize>],
}

/// How prose is converted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings<'a> {
    /// Added to every heading level, so that prose included under a section
    /// of level 1 can start its own headings at level 2 (offset 1).
    pub heading_offset: u8,
    /// Where the prose comes from, if it comes from a file.
    pub origin: Option<ProseSource<'a>>,
}

/// Something in the prose the writer should look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the Markdown text.
    pub range: Range<usize>,
    /// What happened, in a sentence.
    pub message: Message,
    /// An error stops the document; a warning does not.
    pub is_error: bool,
}

/// The result of a conversion.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    /// Typst markup, ready to be placed in markup position.
    pub typst: String,
    /// Problems found.
    pub problems: Vec<Problem>,
}

/// The Markdown extensions dokgen accepts.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Converts Markdown to Typst markup.
pub fn to_typst(markdown: &str, settings: &Settings<'_>) -> Converted {
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(markdown, parser_options())
        .into_offset_iter()
        .collect();
    let mut doc = Converter::new(markdown, settings, &events);
    // The file was screened for characters that do not show as it was
    // read; a reference (`&#x202E;`) can still write one.
    for (event, range) in &events {
        if let Some(c) = decoded(event).find_map(|t| crate::unseen::find(t).map(|(_, c)| c)) {
            let message = match markdown[range.clone()].contains(c) {
                true => crate::unseen::message(c),
                false => msg!(
                    "template-markdown-unseen-reference",
                    problem = crate::unseen::message(c)
                ),
            };
            doc.problem(range, message, true);
        }
    }
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    let main = doc.main_flow();
    doc.write(&main, &mut out);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if settings.origin.is_some() && !out.is_empty() {
        // Whatever follows the prose (template code) is not from its file.
        out.push_str(&format!("\n{MARKER_OPEN}{MARKER_END}{MARKER_CLOSE}"));
    }
    Converted {
        typst: out,
        problems: doc.problems,
    }
}

/// The texts of an event that pulldown-cmark decodes from references.
fn decoded<'a>(event: &'a Event<'_>) -> impl Iterator<Item = &'a str> {
    let texts: [Option<&str>; 2] = match event {
        Event::Text(t) => [Some(t), None],
        Event::Start(Tag::Link {
            dest_url, title, ..
        })
        | Event::Start(Tag::Image {
            dest_url, title, ..
        }) => [Some(dest_url), Some(title)],
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => [Some(info), None],
        _ => [None, None],
    };
    texts.into_iter().flatten()
}

/// The file and line of the nearest origin marker before `offset` in Typst
/// source made from converted prose, if there is one.
pub(crate) fn origin_before(typst: &str, offset: usize) -> Option<(PathBuf, usize)> {
    let mut offset = offset.min(typst.len());
    while !typst.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &typst[..offset];
    let start = before.rfind(MARKER_OPEN)? + MARKER_OPEN.len();
    let end = start + typst[start..].find(MARKER_CLOSE)?;
    let (file, line) = typst[start..end].rsplit_once(':')?;
    Some((PathBuf::from(file), line.parse().ok()?))
}

/// The prose files whose text stands in `typst`, by their origin markers.
pub(crate) fn printed_files(typst: &str) -> BTreeSet<PathBuf> {
    typst
        .split(MARKER_OPEN)
        .skip(1)
        .filter_map(|rest| rest.split_once(MARKER_CLOSE))
        .filter_map(|(inside, _)| inside.rsplit_once(':'))
        .map(|(file, _)| PathBuf::from(file))
        .collect()
}

const MARKER_OPEN: &str = "/*@ ";
const MARKER_CLOSE: &str = " */";
/// Ends a piece of prose; having no `:line`, it gives no origin.
const MARKER_END: &str = "end";

type Events<'e> = [(Event<'e>, Range<usize>)];

/// One conversion: the prose's events, what was found in a first pass
/// (footnote definitions, heading labels), and the problems.
struct Converter<'s, 'e> {
    settings: &'s Settings<'s>,
    events: &'s Events<'e>,
    /// Byte offsets where lines start, to find a block's line.
    line_starts: Vec<usize>,
    /// Footnote definitions: label → (index, event range of its content).
    footnotes: BTreeMap<String, (usize, Range<usize>)>,
    /// Footnotes already placed once (later references point to them).
    placed: BTreeSet<String>,
    /// Footnotes some reference points to.
    referenced: BTreeSet<String>,
    /// Labels that headings define.
    labels: BTreeSet<String>,
    /// The lists that are loose (a paragraph directly in one of their
    /// items), by the index of their start event; found in one pass, as a
    /// list nested a hundred thousand deep must not cost a pass per list.
    loose: BTreeSet<usize>,
    /// A prefix that keeps this prose's footnote labels apart from other
    /// prose in the same document.
    label_prefix: String,
    problems: Vec<Problem>,
}

impl<'s, 'e> Converter<'s, 'e> {
    fn new(markdown: &'s str, settings: &'s Settings<'s>, events: &'s Events<'e>) -> Self {
        let mut footnotes = BTreeMap::new();
        let mut labels = BTreeSet::new();
        let mut referenced = BTreeSet::new();
        let mut i = 0;
        while i < events.len() {
            match &events[i].0 {
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let end = matching_end(events, i);
                    let index = footnotes.len();
                    footnotes
                        .entry(label.to_string())
                        .or_insert((index, i + 1..end));
                }
                Event::FootnoteReference(label) => {
                    referenced.insert(label.to_string());
                }
                Event::Start(Tag::Heading { id: Some(id), .. }) if is_label(id) => {
                    labels.insert(id.to_string());
                }
                _ => {}
            }
            i += 1;
        }
        let label_prefix = settings
            .origin
            .map(|o| {
                o.file
                    .to_string_lossy()
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect()
            })
            .unwrap_or_else(|| "prose".to_owned());
        Self {
            settings,
            events,
            line_starts: std::iter::once(0)
                .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            footnotes,
            placed: BTreeSet::new(),
            referenced,
            labels,
            loose: loose_lists(events),
            label_prefix,
            problems: Vec::new(),
        }
    }

    /// The events outside footnote definitions (those are written where
    /// they are referenced).
    fn main_flow(&self) -> Vec<usize> {
        let mut flow = Vec::with_capacity(self.events.len());
        let mut i = 0;
        while i < self.events.len() {
            if let Event::Start(Tag::FootnoteDefinition(label)) = &self.events[i].0 {
                // A definition nobody refers to is kept where it stands
                // (its start event), so its text is not lost.
                if !self.referenced.contains(label.as_ref()) {
                    flow.push(i);
                }
                i = matching_end(self.events, i) + 1;
                continue;
            }
            flow.push(i);
            i += 1;
        }
        flow
    }

    fn write(&mut self, flow: &[usize], out: &mut String) {
        let mut w = Writer::default();
        for &i in flow {
            let (event, range) = &self.events[i];
            self.event(&mut w, i, event, range, out);
        }
        if let Some(range) = w.flattened {
            let message = msg!("template-markdown-too-deep", depth = MAX_NESTING);
            self.problem(&range, message, false);
        }
    }

    fn problem(&mut self, range: &Range<usize>, message: Message, is_error: bool) {
        self.problems.push(Problem {
            range: range.clone(),
            message,
            is_error,
        });
    }

    /// The origin marker for a block starting at byte `at`.
    fn marker(&self, at: usize, out: &mut String) {
        let Some(origin) = self.settings.origin else {
            return;
        };
        let rendered = self.line_starts.partition_point(|&s| s <= at);
        let line = if origin.lines.is_empty() {
            Some(rendered)
        } else {
            origin.lines.get(rendered - 1).copied().flatten()
        };
        let file = origin.file.to_string_lossy();
        // A path cannot end the comment early: it would need "*/".
        if let (Some(line), false) = (line, file.contains("*/")) {
            start_block(out);
            out.push_str(&format!("{MARKER_OPEN}{file}:{line}{MARKER_CLOSE}\n"));
        }
    }

    fn event(
        &mut self,
        w: &mut Writer,
        i: usize,
        event: &Event<'_>,
        range: &Range<usize>,
        out: &mut String,
    ) {
        if w.in_image && !matches!(event, Event::End(TagEnd::Image)) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(w, i, tag, range, out),
            Event::End(tag) => end(w, *tag, out),
            Event::Text(_) if w.in_code_block => {}
            Event::Text(text) => escape::push_markup(out, text),
            Event::Code(code) => {
                out.push_str("#raw(");
                out.push_str(&escape::string_literal(code));
                out.push_str(");");
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("#linebreak();\n"),
            Event::Rule => {
                self.marker(range.start, out);
                start_block(out);
                out.push_str("#line(length: 100%);\n\n");
            }
            Event::Html(html) | Event::InlineHtml(html) if w.comment(html) => {}
            Event::Html(html) | Event::InlineHtml(html) => {
                self.problem(range, msg!("template-markdown-html"), false);
                escape::push_markup(out, html);
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => escape::push_markup(out, text),
            Event::FootnoteReference(label) => self.footnote(label, out),
            Event::TaskListMarker(checked) => out.push_str(if *checked { "☑ " } else { "☐ " }),
        }
    }

    fn footnote(&mut self, label: &str, out: &mut String) {
        let Some((index, content)) = self.footnotes.get(label).cloned() else {
            // pulldown-cmark gives a reference only when a definition
            // exists; keep the text in case it ever does not.
            out.push_str(&escape::markup(&format!("[^{label}]")));
            return;
        };
        let name = format!("{}-fn-{index}", self.label_prefix);
        if self.placed.insert(label.to_owned()) {
            let mut inner = String::new();
            let flow: Vec<usize> = content.collect();
            self.write(&flow, &mut inner);
            out.push_str("#footnote[");
            out.push_str(inner.trim());
            out.push_str(&format!("] <{name}>"));
        } else {
            out.push_str(&format!("#footnote(<{name}>);"));
        }
    }

    fn start(
        &mut self,
        w: &mut Writer,
        i: usize,
        tag: &Tag<'_>,
        range: &Range<usize>,
        out: &mut String,
    ) {
        if matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::HtmlBlock
        ) {
            self.marker(range.start, out);
        }
        if matches!(
            tag,
            Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
        ) {
            start_block(out);
        }
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => {}
            Tag::Heading { level, id, .. } => {
                let level = heading_number(*level) + self.settings.heading_offset;
                out.push_str(&format!("#heading(level: {level})["));
                w.heading_labels.push(id.as_ref().map(|id| id.to_string()));
                if let Some(id) = id.as_ref().filter(|id| !is_label(id)) {
                    let id = id.to_string();
                    self.problem(range, msg!("template-markdown-bad-label", id), false);
                }
            }
            Tag::BlockQuote(_) => w.open(out, "#quote(block: true)[", range),
            Tag::CodeBlock(kind) => {
                w.in_code_block = true;
                out.push_str("#raw(block: true, ");
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next(),
                    CodeBlockKind::Indented => None,
                };
                if let Some(lang) = lang {
                    out.push_str("lang: ");
                    out.push_str(&escape::string_literal(lang));
                    out.push_str(", ");
                }
                out.push_str(&escape::string_literal(&code_block_text(self.events, i)));
                out.push_str(");\n\n");
            }
            Tag::List(start) => {
                let tight = !self.loose.contains(&i);
                let opener = match start {
                    Some(n) => format!("#enum(start: {n}, tight: {tight},\n"),
                    None => format!("#list(tight: {tight},\n"),
                };
                w.open(out, &opener, range);
            }
            // An item is written as one when its list is.
            Tag::Item if w.innermost_open() => out.push('['),
            Tag::Item => {}
            Tag::Table(alignments) => {
                let align: Vec<&str> = alignments.iter().map(alignment).collect();
                w.table_columns.push(alignments.len());
                out.push_str(&format!(
                    "#table(columns: {}, align: ({}{}),\n",
                    alignments.len(),
                    align.join(", "),
                    if align.len() == 1 { "," } else { "" }
                ));
            }
            Tag::TableHead => {
                w.row_cells = 0;
                out.push_str("table.header(");
            }
            Tag::TableRow => w.row_cells = 0,
            Tag::TableCell => {
                w.row_cells += 1;
                out.push('[');
            }
            Tag::Emphasis => w.open(out, "#emph[", range),
            Tag::Strong => w.open(out, "#strong[", range),
            Tag::Strikethrough => w.open(out, "#strike[", range),
            Tag::Superscript => w.open(out, "#super[", range),
            Tag::Subscript => w.open(out, "#sub[", range),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.link(w, *link_type, dest_url, range, out),
            Tag::Image { dest_url, .. } => self.image(w, i, dest_url, range, out),
            Tag::FootnoteDefinition(label) => {
                let message = msg!(
                    "template-markdown-footnote-unreferenced",
                    label = label.to_string()
                );
                self.problem(range, message, false);
                self.footnote(label, out);
            }
            Tag::MetadataBlock(_) => {}
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {}
        }
    }

    fn link(
        &mut self,
        w: &mut Writer,
        link_type: LinkType,
        dest: &str,
        range: &Range<usize>,
        out: &mut String,
    ) {
        let target = if link_type == LinkType::Email {
            Some(escape::string_literal(&format!("mailto:{dest}")))
        } else if let Some(label) = dest.strip_prefix('#') {
            if self.labels.contains(label) {
                Some(format!("<{label}>"))
            } else {
                let message = msg!("template-markdown-link-no-label", dest, label);
                self.problem(range, message, false);
                None
            }
        } else if is_allowed_destination(dest) {
            Some(escape::string_literal(dest))
        } else {
            if !dest.is_empty() {
                let message = msg!("template-markdown-link-scheme", dest);
                self.problem(range, message, false);
            }
            None
        };
        if let Some(target) = &target {
            out.push_str(&format!("#link({target})["));
        }
        w.links.push(target.is_some());
    }

    fn image(
        &mut self,
        w: &mut Writer,
        i: usize,
        dest: &str,
        range: &Range<usize>,
        out: &mut String,
    ) {
        let alt = image_alt(self.events, i);
        if alt.trim().is_empty() {
            self.problem(range, msg!("template-markdown-image-no-alt", dest), false);
        }
        match self.resolve_image(dest) {
            Ok(path) => {
                out.push_str("#box(image(");
                out.push_str(&escape::string_literal(&path));
                if !alt.trim().is_empty() {
                    out.push_str(", alt: ");
                    out.push_str(&escape::string_literal(&alt));
                }
                out.push_str("));");
            }
            Err(message) => {
                self.problem(range, message, true);
                out.push_str(&escape::markup(&alt));
            }
        }
        // The alt text is written once, above; the events that make it up
        // are skipped.
        w.in_image = true;
    }

    /// The Typst path (absolute within the project) of an image named
    /// `dest` in the prose.
    fn resolve_image(&self, dest: &str) -> Result<String, Message> {
        if dest.contains("://") || dest.starts_with("data:") {
            return Err(msg!("template-markdown-image-remote", dest));
        }
        let base = self
            .settings
            .origin
            .map(|o| o.file.parent().unwrap_or(Path::new("")).to_path_buf())
            .unwrap_or_default();
        let mut parts: Vec<String> = Vec::new();
        let joined = if dest.starts_with('/') {
            PathBuf::from(dest.trim_start_matches('/'))
        } else {
            base.join(dest)
        };
        for c in joined.components() {
            match c {
                Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
                Component::ParentDir => {
                    if parts.pop().is_none() {
                        return Err(msg!("template-markdown-image-outside", dest));
                    }
                }
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => {}
            }
        }
        let rel = parts.join("/");
        let Some(origin) = self.settings.origin else {
            return Err(msg!("template-markdown-image-no-file", dest));
        };
        if !origin.root.join(&rel).is_file() {
            return Err(msg!("template-markdown-image-missing", dest, path = rel));
        }
        Ok(format!("/{rel}"))
    }
}

/// State of the writer within one flow of events.
#[derive(Default)]
struct Writer {
    /// Inside a code block, whose text was already written whole.
    in_code_block: bool,
    /// For each open link: written as a Typst link (true) or as text.
    links: Vec<bool>,
    /// For each open heading: its label, if any.
    heading_labels: Vec<Option<String>>,
    /// For each open table: its number of columns.
    table_columns: Vec<usize>,
    /// Cells written in the current row.
    row_cells: usize,
    /// Inside an image, whose alt text was already written whole.
    in_image: bool,
    /// For each open quote, list or inline style: whether it was written
    /// (false past [`MAX_NESTING`]).
    nesting: Vec<bool>,
    /// How many of `nesting` were written.
    depth: usize,
    /// Where nesting was first cut, if it was.
    flattened: Option<Range<usize>>,
    /// Inside an HTML comment (`<!-- … -->`) of several lines.
    in_comment: bool,
}

impl Writer {
    /// Whether `html` is (part of) a comment, `<!-- … -->`: a note for
    /// whoever edits the file, which the document never prints. A block
    /// comment comes line by line; the line with `-->` ends it.
    fn comment(&mut self, html: &str) -> bool {
        let html = html.trim();
        if self.in_comment {
            self.in_comment = !html.contains("-->");
            return true;
        }
        let Some(rest) = html.strip_prefix("<!--") else {
            return false;
        };
        self.in_comment = !rest.contains("-->");
        true
    }
}

/// How deep quotes, lists and inline styles nest in the Typst written.
/// Typst's parser has a depth limit, and Markdown has none (`>>>>>…`);
/// deeper levels are written flat, their text kept.
const MAX_NESTING: usize = 12;

impl Writer {
    /// Opens a nesting construct with `opener`, unless that would nest too
    /// deep.
    fn open(&mut self, out: &mut String, opener: &str, range: &Range<usize>) {
        let written = self.depth < MAX_NESTING;
        if written {
            self.depth += 1;
            out.push_str(opener);
        } else if self.flattened.is_none() {
            self.flattened = Some(range.clone());
        }
        self.nesting.push(written);
    }

    /// Closes the innermost nesting construct with `closer`, or with
    /// `instead` if it was not written.
    fn close(&mut self, out: &mut String, closer: &str, instead: &str) {
        if self.nesting.pop() == Some(true) {
            self.depth -= 1;
            out.push_str(closer);
        } else {
            out.push_str(instead);
        }
    }

    /// Whether the innermost nesting construct was written.
    fn innermost_open(&self) -> bool {
        self.nesting.last() == Some(&true)
    }
}

fn end(w: &mut Writer, tag: TagEnd, out: &mut String) {
    match tag {
        TagEnd::Paragraph => out.push_str("\n\n"),
        TagEnd::CodeBlock => w.in_code_block = false,
        TagEnd::Heading(_) => {
            out.push(']');
            match w.heading_labels.pop().flatten().filter(|l| is_label(l)) {
                Some(label) => out.push_str(&format!(" <{label}>\n\n")),
                None => out.push_str(";\n\n"),
            }
        }
        TagEnd::BlockQuote(_) => w.close(out, "];\n\n", "\n\n"),
        TagEnd::List(_) => w.close(out, ");\n\n", "\n\n"),
        TagEnd::Item if w.innermost_open() => {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push_str("],\n");
        }
        TagEnd::Item => out.push_str("\n\n"),
        TagEnd::Table => {
            w.table_columns.pop();
            out.push_str(");\n\n");
        }
        TagEnd::TableHead => {
            pad_row(w, out);
            out.push_str("),\n");
        }
        TagEnd::TableRow => {
            pad_row(w, out);
            out.push('\n');
        }
        TagEnd::TableCell => out.push_str("], "),
        TagEnd::Emphasis
        | TagEnd::Strong
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript => w.close(out, "];", ""),
        // Links shown as text opened nothing, so there is nothing to close.
        TagEnd::Link => close_link(w, out),
        TagEnd::Image => w.in_image = false,
        TagEnd::HtmlBlock => out.push_str("\n\n"),
        _ => {}
    }
}

fn close_link(w: &mut Writer, out: &mut String) {
    if w.links.pop() == Some(true) {
        out.push_str("];");
    }
}

/// A row with fewer cells than the table has columns gets empty ones.
fn pad_row(w: &Writer, out: &mut String) {
    let columns = w.table_columns.last().copied().unwrap_or(0);
    for _ in w.row_cells..columns {
        out.push_str("[], ");
    }
}

/// Block constructs start on a line of their own, which keeps the
/// generated source readable (an item's text, then its nested list).
fn start_block(out: &mut String) {
    if !(out.is_empty() || out.ends_with('\n') || out.ends_with('[')) {
        out.push('\n');
    }
}

/// The index of the `End` that closes the `Start` at `i`.
fn matching_end(events: &Events<'_>, i: usize) -> usize {
    let mut depth = 0usize;
    for (j, (event, _)) in events.iter().enumerate().skip(i) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// The text of the code block that starts at `events[i]`, written whole
/// when the block starts; the writer then skips the block's own text.
fn code_block_text(events: &Events<'_>, i: usize) -> String {
    let mut text = String::new();
    for (event, _) in &events[i + 1..] {
        match event {
            Event::Text(t) => text.push_str(t),
            _ => break,
        }
    }
    text
}

/// The plain text of an image's description (its alt text).
fn image_alt(events: &Events<'_>, i: usize) -> String {
    let end = matching_end(events, i);
    let mut alt = String::new();
    for (event, _) in &events[i + 1..end] {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => alt.push_str(t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}

/// The lists of `events` that are loose, by the index of their start: a
/// paragraph stands directly in one of their items (not in a list nested
/// in it).
fn loose_lists(events: &Events<'_>) -> BTreeSet<usize> {
    let mut open = Vec::new();
    let mut loose = BTreeSet::new();
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::List(_)) => open.push(i),
            Event::End(TagEnd::List(_)) => {
                open.pop();
            }
            Event::Start(Tag::Paragraph) => {
                if let Some(&list) = open.last() {
                    loose.insert(list);
                }
            }
            _ => {}
        }
    }
    loose
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

fn alignment(a: &Alignment) -> &'static str {
    match a {
        Alignment::None => "auto",
        Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Right => "right",
    }
}

/// Whether `id` can be written as a Typst label `<id>`.
fn is_label(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && !id.ends_with(['.', ':'])
}

/// Only web and mail links become links; anything else (a local file, a
/// `javascript:` URL, an empty destination) is shown as its text.
fn is_allowed_destination(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::message::Lang;
    use crate::typeset::{self, Job, Typesetter};

    fn convert(md: &str) -> String {
        to_typst(md, &Settings::default()).typst
    }

    /// One typesetter for all tests: fonts are loaded once.
    static TYPESETTER: LazyLock<Typesetter> = LazyLock::new(|| {
        let root = tempfile::tempdir().expect("temporary folder").keep();
        Typesetter::for_folder(&root, &root.join("fonts")).expect("typesetter")
    });

    /// Compiles converted markup and returns its text with all white space
    /// removed, since line breaking moves spaces around.
    fn compiled_text(typst: &str) -> String {
        let job = Job {
            name: "test",
            source: format!("#set text(lang: \"da\")\n{typst}"),
            date: chrono::NaiveDate::from_ymd_opt(2017, 5, 17).unwrap(),
            proper_names: None,
        };
        let (document, _) = TYPESETTER
            .compile(&job)
            .unwrap_or_else(|err| panic!("{err}\n--- source ---\n{typst}"));
        squeeze(&typeset::plain_text(&document))
    }

    fn squeeze(text: &str) -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
            .collect()
    }

    #[test]
    fn paragraphs_and_inline_styles() {
        insta::assert_snapshot!(convert("Første *afsnit* med **fed** og ~~overstreget~~ tekst.\n\nAndet `kode` afsnit."), @r#"
        Første #emph[afsnit]; med #strong[fed]; og #strike[overstreget]; tekst\.

        Andet #raw("kode"); afsnit\.
        "#);
    }

    #[test]
    fn headings_take_the_offset() {
        let md = "# Baggrund\n\n## Detaljer {#detaljer}\n\nTekst.";
        assert_eq!(
            to_typst(
                md,
                &Settings {
                    heading_offset: 1,
                    origin: None
                }
            )
            .typst,
            "#heading(level: 2)[Baggrund];\n\n#heading(level: 3)[Detaljer] <detaljer>\n\nTekst\\."
        );
    }

    #[test]
    fn tight_and_loose_lists() {
        insta::assert_snapshot!(convert("- en\n- to\n  1. indlejret\n  2. liste\n\n3. tre\n\n4. fire"), @r"
        #list(tight: true,
        [en],
        [to
        #enum(start: 1, tight: true,
        [indlejret],
        [liste],
        );],
        );

        #enum(start: 3, tight: false,
        [tre],
        [fire],
        );
        ");
    }

    #[test]
    fn links_only_to_the_web_and_mail() {
        let out = to_typst(
            "[Ishøj](https://ishoej.dk), [post](mailto:a@b.dk), [fil](file:///etc/passwd), [tom]()",
            &Settings::default(),
        );
        assert_eq!(
            out.typst,
            "#link(\"https://ishoej.dk\")[Ishøj];\\, #link(\"mailto:a@b.dk\")[post];\\, fil\\, tom"
        );
        assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
        assert!(
            out.problems[0]
                .message
                .text(Lang::En)
                .contains("file:///etc/passwd")
        );
    }

    #[test]
    fn typst_syntax_in_prose_is_text() {
        let md = "#panic('x') og $x$ <a> @b = c // ikke en kommentar /* heller ikke */ #read(\"/etc/passwd\")";
        let typst = convert(md);
        // Smart punctuation turns straight quotes into typographic ones.
        let expected = md
            .replace("'x'", "‘x’")
            .replace("\"/etc/passwd\"", "“/etc/passwd”");
        assert_eq!(compiled_text(&typst), squeeze(&expected));
    }

    #[test]
    fn line_start_markers_in_prose_are_text() {
        // Each line would start a Typst heading, list, enum or term.
        let md = "tekst\n= ikke en overskrift\n\\- ikke et punkt\n\\+ ikke nummereret\n1\\. heller ikke\n/ term: nej";
        let typst = convert(md);
        let expected =
            "tekst= ikke en overskrift- ikke et punkt+ ikke nummereret1. heller ikke/ term: nej";
        assert_eq!(compiled_text(&typst), squeeze(expected));
    }

    #[test]
    fn every_construct_of_the_subset_compiles_to_its_text() {
        let md = "# Overskrift\n\nAfsnit med *kursiv*, **fed**, `kode` og [link](https://example.org).\n\n- punkt ét\n- punkt to\n\n1. første\n2. anden\n\n> citat\n\n```rust\nlet x = 1;\n```\n\n---\n\nSlut.";
        let text = compiled_text(&convert(md));
        let mut rest = text.as_str();
        for fragment in [
            "Overskrift",
            "Afsnitmedkursiv,fed,kodeoglink.",
            "punktét",
            "punktto",
            "1.første",
            "2.anden",
            "citat",
            "letx=1;",
            "Slut.",
        ] {
            let at = rest
                .find(fragment)
                .unwrap_or_else(|| panic!("`{fragment}` missing in `{text}`"));
            rest = &rest[at + fragment.len()..];
        }
    }

    #[test]
    fn raw_html_is_shown_as_text_with_a_warning() {
        let out = to_typst("Tekst <b>fed</b>", &Settings::default());
        assert_eq!(out.typst, "Tekst \\<b\\>fed\\<\\/b\\>");
        assert_eq!(out.problems.len(), 2);
    }

    #[test]
    fn a_comment_is_a_note_for_the_editor_and_never_printed() {
        let md = "Før <!-- en note --> efter.\n\n<!--\nflere linjer\nmed *note*\n-->\n\nSidste afsnit.\n\n<!-- én linje -->\n\nSlut.";
        let out = to_typst(md, &Settings::default());
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let text = compiled_text(&out.typst);
        for gone in ["note", "flere", "linjer", "én", "<!--", "-->"] {
            assert!(!text.contains(gone), "`{gone}` in {text}");
        }
        for kept in ["Før", "efter.", "Sidste", "afsnit.", "Slut."] {
            assert!(text.contains(kept), "`{kept}` not in {text}");
        }
    }

    /// One document with every construct, snapshotted whole
    /// (`src/snapshots/`), so any change to the converter's output is
    /// reviewed as a diff.
    #[test]
    fn every_construct_snapshot() {
        let md = "# Overskrift {#top}\n\nAfsnit med *kursiv*, **fed**, ~~streg~~, `kode`,\nblødt linjeskift og hårdt  \nlinjeskift. \"Citat\" -- og --- tankestreger...\n\n\
                  > Blokcitat med [link](https://ishoej.dk) og [intern](#top).\n\n\
                  1. et\n2. to\n   - indlejret\n   - [x] opgave\n\n\
                  5. løs\n\n6. liste\n\n\
                  | A | B | C |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n\
                  ```rust\nfn main() {}\n```\n\n    indrykket kode\n\n---\n\n\
                  Note[^1] og <post@ishoej.dk> og <b>html</b> &amp; &copy;.\n\n[^1]: Fodnoten.\n";
        insta::assert_snapshot!(convert(md));
        let text = compiled_text(&convert(md));
        assert!(
            text.contains("Overskrift") && text.contains("Fodnoten."),
            "{text}"
        );
    }

    /// Found by the fuzzer (fuzz/): 132 nested block quotes gave Typst
    /// "maximum parsing depth exceeded".
    #[test]
    fn deeply_nested_quotes_lists_and_emphasis_compile_flat() {
        for md in [
            format!("{}#h[\0h", ">".repeat(132)),
            format!("{}dyb", "- ".repeat(100)),
            format!("{}dyb{}", "*a _b ".repeat(60), "_ b* a".repeat(60)),
        ] {
            let out = to_typst(&md, &Settings::default());
            let (errors, _) = typst::syntax::parse(&out.typst).errors_and_warnings();
            assert!(errors.is_empty(), "{errors:?}");
            let text = compiled_text(&out.typst);
            assert!(text.contains('h') || text.contains("dyb"), "{text}");
            assert!(
                out.problems
                    .iter()
                    .any(|p| p.message.text(Lang::En).contains("nested more than")),
                "{:?}",
                out.problems
            );
        }
    }

    #[test]
    fn tables_have_a_header_row_and_column_alignment() {
        let md = "| Kommune | Indbyggere |\n|:--|--:|\n| Ishøj | 22.988 |\n| Vallensbæk |\n";
        let typst = convert(md);
        assert_eq!(
            typst,
            "#table(columns: 2, align: (left, right),\ntable.header([Kommune], [Indbyggere], ),\n[Ishøj], [22\\.988], \n[Vallensbæk], [], \n);"
        );
        assert_eq!(
            compiled_text(&typst),
            "KommuneIndbyggereIshøj22.988Vallensbæk"
        );
    }

    #[test]
    fn footnotes_in_any_order_and_referenced_twice() {
        let md = "Først[^b] og så[^a], igen[^b].\n\n[^a]: Note A.\n[^b]: Note *B*.\n";
        let typst = convert(md);
        assert_eq!(
            typst,
            "Først#footnote[Note #emph[B];\\.] <prose-fn-1> og så#footnote[Note A\\.] <prose-fn-0>\\, igen#footnote(<prose-fn-1>);\\."
        );
        let text = compiled_text(&typst);
        assert!(text.starts_with("Først1også2,igen1."), "{text}");
        assert!(text.ends_with("1NoteB.2NoteA."), "{text}");
        // A reference without a definition stays text, as in CommonMark.
        assert_eq!(compiled_text(&convert("Se[^mangler].")), "Se[^mangler].");
    }

    #[test]
    fn task_lists_show_their_boxes() {
        let typst = convert("- [x] aftalt\n- [ ] åben\n");
        assert_eq!(typst, "#list(tight: true,\n[☑ aftalt],\n[☐ åben],\n);");
        assert_eq!(compiled_text(&typst), "•☑aftalt•☐åben");
    }

    #[test]
    fn code_blocks_keep_their_language_and_text() {
        let typst = convert("```yaml\nnavn: \"#x\"\n```\n\n    indrykket $kode$\n");
        assert_eq!(
            typst,
            "#raw(block: true, lang: \"yaml\", \"navn: \\\"#x\\\"\\n\");\n\n#raw(block: true, \"indrykket $kode$\\n\");"
        );
        assert_eq!(compiled_text(&typst), "navn:\"#x\"indrykket$kode$");
    }

    #[test]
    fn label_links_reach_headings_and_others_are_text() {
        let md = "## Økonomi {#oekonomi}\n\nSe [afsnittet](#oekonomi) og [intet](#findes-ikke).";
        let out = to_typst(md, &Settings::default());
        assert!(
            out.typst.contains("#link(<oekonomi>)[afsnittet];"),
            "{}",
            out.typst
        );
        assert!(out.typst.contains(" og intet\\."), "{}", out.typst);
        assert_eq!(out.problems.len(), 1);
        assert!(
            out.problems[0]
                .message
                .text(Lang::En)
                .contains("#findes-ikke")
        );
        assert!(compiled_text(&out.typst).contains("Seafsnittetogintet."));
    }

    #[test]
    fn autolinks_reference_links_and_entities() {
        let md = "<https://ishoej.dk> <post@ishoej.dk> [ref][r] &amp; &copy; &#8212;\n\n[r]: https://vallensbaek.dk";
        let typst = convert(md);
        assert!(
            typst.contains("#link(\"https://ishoej.dk\")[https\\:\\/\\/ishoej\\.dk];"),
            "{typst}"
        );
        assert!(
            typst.contains("#link(\"mailto:post@ishoej.dk\")[post\\@ishoej\\.dk];"),
            "{typst}"
        );
        assert!(
            typst.contains("#link(\"https://vallensbaek.dk\")[ref];"),
            "{typst}"
        );
        assert_eq!(
            compiled_text(&typst),
            "https://ishoej.dkpost@ishoej.dkref&©—"
        );
    }

    #[test]
    fn images_must_exist_inside_the_project_and_keep_their_alt_text() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("content/prosa")).unwrap();
        let svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";
        std::fs::write(root.path().join("content/kort.svg"), svg).unwrap();
        let file = Path::new("content/prosa/x.md");
        let origin = ProseSource {
            root: root.path(),
            file,
            lines: &[],
        };
        let settings = Settings {
            heading_offset: 0,
            origin: Some(origin),
        };

        let ok = to_typst("![Kort over Ishøj](../kort.svg)", &settings);
        let expected = "#box(image(\"/content/kort.svg\", alt: \"Kort over Ishøj\"));";
        assert!(ok.typst.contains(expected), "{}", ok.typst);
        assert!(ok.problems.is_empty(), "{:?}", ok.problems);

        let md = "Tekst\n\n![Kort](kort.png)";
        let missing = to_typst(md, &settings);
        assert_eq!(missing.problems.len(), 1);
        assert!(missing.problems[0].is_error);
        assert!(
            missing.problems[0]
                .message
                .text(Lang::En)
                .contains("does not exist"),
            "{:?}",
            missing.problems
        );
        assert_eq!(&md[missing.problems[0].range.clone()], "![Kort](kort.png)");

        let outside = to_typst("![x](../../../etc/passwd)", &settings);
        assert!(
            outside.problems[0]
                .message
                .text(Lang::En)
                .contains("outside the project"),
            "{:?}",
            outside.problems
        );
        let remote = to_typst("![x](https://example.org/a.png)", &settings);
        assert!(
            remote.problems[0]
                .message
                .text(Lang::En)
                .contains("does not download"),
            "{:?}",
            remote.problems
        );
        let no_alt = to_typst("![](../kort.svg)", &settings);
        assert!(
            !no_alt.problems[0].is_error
                && no_alt.problems[0]
                    .message
                    .text(Lang::En)
                    .contains("no alt text")
        );
    }

    #[test]
    fn every_block_is_marked_with_its_file_and_line() {
        let root = Path::new("/tmp");
        let file = Path::new("content/x.md");
        // Line 1 of the rendered text came from line 3 of the file, and so on.
        let lines = [Some(3), None, Some(5)];
        let origin = ProseSource {
            root,
            file,
            lines: &lines,
        };
        let settings = Settings {
            heading_offset: 0,
            origin: Some(origin),
        };
        let typst = to_typst("Første\n\nAndet", &settings).typst;
        assert_eq!(
            typst,
            "/*@ content/x.md:3 */\nFørste\n\n/*@ content/x.md:5 */\nAndet\n/*@ end */"
        );
        let at = typst.find("Andet").unwrap();
        assert_eq!(
            origin_before(&typst, at),
            Some((PathBuf::from("content/x.md"), 5))
        );
        assert_eq!(origin_before(&typst, 2), None);
        // An offset inside a character is taken as the character's start.
        assert_eq!(
            origin_before("/*@ x.md:2 */\nø", 15),
            Some((PathBuf::from("x.md"), 2))
        );
        // After the prose, code is the template's own.
        let after = format!("{typst}\n#fejl");
        assert_eq!(origin_before(&after, after.len() - 2), None);
        assert_eq!(compiled_text(&typst), "FørsteAndet");
    }
}
