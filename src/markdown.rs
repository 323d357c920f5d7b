//! Markdown prose → Typst markup.
//!
//! Takes CommonMark text (already rendered by Tera, so facts are filled in)
//! and gives Typst markup that shows it. Escaping is this module's own job:
//! every piece of text goes through [`crate::escape`], every string through
//! [`escape::string_literal`], and every embedded expression is closed with
//! `;` so that the text after it cannot continue it.
//!
//! Constructs are written in their function form (`#strong[..];`,
//! `#list(..)`) rather than as Typst markup shorthands: the function form
//! does not depend on line starts or indentation, so converted prose means
//! the same wherever a template places it.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::escape;

/// How prose is converted.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Added to every heading level, so that prose included under a section
    /// of level 1 can start its own headings at level 2 (offset 1).
    pub heading_offset: u8,
}

/// Something in the prose that was converted, but maybe not as the writer
/// meant it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Byte range in the Markdown source.
    pub range: Range<usize>,
    /// What happened, in a sentence.
    pub message: String,
}

/// The result of a conversion.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    /// Typst markup, ready to be placed in markup position.
    pub typst: String,
    /// Things the writer should look at.
    pub warnings: Vec<Warning>,
}

/// Converts Markdown to Typst markup.
pub fn to_typst(markdown: &str, settings: &Settings) -> Converted {
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(markdown, parser_options())
        .into_offset_iter()
        .collect();
    let mut writer = Writer {
        settings,
        out: String::with_capacity(markdown.len() * 5 / 4),
        warnings: Vec::new(),
        links: Vec::new(),
        in_code_block: false,
    };
    for (i, (event, range)) in events.iter().enumerate() {
        writer.event(&events, i, event, range);
    }
    let trimmed = writer.out.trim_end().len();
    writer.out.truncate(trimmed);
    Converted {
        typst: writer.out,
        warnings: writer.warnings,
    }
}

/// The Markdown extensions dokgen accepts.
fn parser_options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

struct Writer<'s> {
    settings: &'s Settings,
    out: String,
    warnings: Vec<Warning>,
    /// For each open link: whether it is written as a Typst link (true) or
    /// as plain text because its destination is not one we allow (false).
    links: Vec<bool>,
    /// Inside a code block, whose text was already written whole.
    in_code_block: bool,
}

impl Writer<'_> {
    fn event(
        &mut self,
        all: &[(Event<'_>, Range<usize>)],
        i: usize,
        event: &Event<'_>,
        range: &Range<usize>,
    ) {
        match event {
            Event::Start(tag) => self.start(all, i, tag, range),
            Event::End(tag) => self.end(*tag),
            Event::Text(_) if self.in_code_block => {}
            Event::Text(text) => self.out.push_str(&escape::markup(text)),
            Event::Code(code) => {
                self.out.push_str("#raw(");
                self.out.push_str(&escape::string_literal(code));
                self.out.push_str(");");
            }
            Event::SoftBreak => self.out.push('\n'),
            Event::HardBreak => self.out.push_str("#linebreak();\n"),
            Event::Rule => {
                self.start_block();
                self.out.push_str("#line(length: 100%);\n\n");
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                // Raw HTML is never passed through: it is shown as text, so
                // nothing the writer typed disappears without a trace.
                self.warn(range, "raw HTML is shown as text, not interpreted");
                self.out.push_str(&escape::markup(html));
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.out.push_str(&escape::markup(text));
            }
            Event::FootnoteReference(label) => {
                self.warn(
                    range,
                    "footnotes are not supported yet; the reference is shown as text",
                );
                self.out.push_str(&escape::markup(&format!("[^{label}]")));
            }
            Event::TaskListMarker(checked) => {
                self.out.push_str(if *checked { "☒ " } else { "☐ " });
            }
        }
    }

    fn start(
        &mut self,
        all: &[(Event<'_>, Range<usize>)],
        i: usize,
        tag: &Tag<'_>,
        range: &Range<usize>,
    ) {
        if matches!(
            tag,
            Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::List(_)
        ) {
            self.start_block();
        }
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                let level = heading_number(*level) + self.settings.heading_offset;
                self.out.push_str(&format!("#heading(level: {level})["));
            }
            Tag::BlockQuote(_) => self.out.push_str("#quote(block: true)["),
            Tag::CodeBlock(kind) => {
                self.in_code_block = true;
                self.out.push_str("#raw(block: true, ");
                if let CodeBlockKind::Fenced(info) = kind {
                    let lang = info.split_whitespace().next().unwrap_or("");
                    if !lang.is_empty() {
                        self.out.push_str("lang: ");
                        self.out.push_str(&escape::string_literal(lang));
                        self.out.push_str(", ");
                    }
                }
                self.out
                    .push_str(&escape::string_literal(&code_block_text(all, i)));
                self.out.push_str(");\n\n");
            }
            Tag::List(start) => {
                let tight = list_is_tight(all, i);
                match start {
                    Some(n) => self
                        .out
                        .push_str(&format!("#enum(start: {n}, tight: {tight},\n")),
                    None => self.out.push_str(&format!("#list(tight: {tight},\n")),
                }
            }
            Tag::Item => self.out.push('['),
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            Tag::Link { dest_url, .. } => {
                if is_allowed_destination(dest_url) {
                    self.out.push_str("#link(");
                    self.out.push_str(&escape::string_literal(dest_url));
                    self.out.push_str(")[");
                    self.links.push(true);
                } else {
                    if !dest_url.is_empty() {
                        self.warn(range, &format!("the link to `{dest_url}` is shown as text: only http, https and mailto links are allowed"));
                    }
                    self.links.push(false);
                }
            }
            Tag::Image { dest_url, .. } => {
                self.warn(range, &format!("images are not supported in prose yet; `{dest_url}` is shown as its alt text"));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.out.push_str("\n\n"),
            TagEnd::CodeBlock => self.in_code_block = false,
            TagEnd::Heading(_) => self.out.push_str("];\n\n"),
            TagEnd::BlockQuote(_) => self.out.push_str("];\n\n"),
            TagEnd::List(_) => self.out.push_str(");\n\n"),
            TagEnd::Item => {
                let trimmed = self.out.trim_end().len();
                self.out.truncate(trimmed);
                self.out.push_str("],\n");
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.out.push_str("];"),
            TagEnd::Link => self.close_link(),
            _ => {}
        }
    }

    fn close_link(&mut self) {
        // Links shown as text opened nothing, so there is nothing to close.
        if self.links.pop() == Some(true) {
            self.out.push_str("];");
        }
    }

    /// Block constructs start on a line of their own, which keeps the
    /// generated source readable (an item's text, then its nested list).
    fn start_block(&mut self) {
        if !(self.out.is_empty() || self.out.ends_with('\n') || self.out.ends_with('[')) {
            self.out.push('\n');
        }
    }

    fn warn(&mut self, range: &Range<usize>, message: &str) {
        self.warnings.push(Warning {
            range: range.clone(),
            message: message.to_owned(),
        });
    }
}

/// The text of the code block that starts at `all[i]`, written whole when
/// the block starts; the writer then skips the block's own text events.
fn code_block_text(all: &[(Event<'_>, Range<usize>)], i: usize) -> String {
    let mut text = String::new();
    for (event, _) in &all[i + 1..] {
        match event {
            Event::Text(t) => text.push_str(t),
            _ => break,
        }
    }
    text
}

/// A list is tight when none of its own items holds a paragraph.
fn list_is_tight(all: &[(Event<'_>, Range<usize>)], i: usize) -> bool {
    let mut depth = 0usize;
    for (event, _) in &all[i + 1..] {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) if depth == 0 => return true,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Paragraph) if depth == 0 => return false,
            _ => {}
        }
    }
    true
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
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
            ident: "test".into(),
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
            to_typst(md, &Settings { heading_offset: 1 }).typst,
            "#heading(level: 2)[Baggrund];\n\n#heading(level: 3)[Detaljer \\{\\#detaljer\\}];\n\nTekst\\."
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
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].message.contains("file:///etc/passwd"));
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
        assert_eq!(out.warnings.len(), 2);
    }
}
