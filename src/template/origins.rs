//! Where each piece of a rendered template came from.
//!
//! Tera keeps no map from its output back to the template, so dokgen makes
//! one. Before a template (or a prose file) is parsed, a marker is put into
//! its literal text at the first character of each line and after each
//! tag: an ASCII control character, the process's nonce, the number of the
//! *site* (template and byte offset), another control character. Tera
//! copies literal text to the output as it stands, so after rendering each
//! marker stands where its text landed, in loops and components too.
//! [`Markers::strip`] takes the markers out again and keeps where they
//! stood; [`Origins::locate`] turns a place in the output into the
//! template, line and column a person wrote.
//!
//! The escape function puts a *hole* marker where a value that prints
//! nothing is placed ([`write_hole`]): strict interpolation finds the holes
//! among the markers, at the line of the `{{ … }}` that made them.
//!
//! The output without markers is byte for byte what Tera makes of the
//! template as written, because a marker never stands where Tera's
//! whitespace control could remove what is around it: only before a
//! character that is not white space, or before a tag that does not trim
//! to its left. Text that Tera captures instead of printing (`{% set x %}`
//! blocks, `{% filter %}` sections, the bodies of component calls) gets no
//! markers, and the filters that turn text into Typst strings drop any that
//! a capture brought in through a component ([`without_markers`]). The
//! nonce is new with every run of dokgen, so a value in the facts cannot
//! pass for a marker.

use std::borrow::Cow;
use std::hash::{BuildHasher, Hasher};
use std::sync::LazyLock;

/// Opens a marker.
const OPEN: char = '\u{1}';
/// Closes a marker.
const CLOSE: char = '\u{2}';
/// Stands for the site number in a hole marker. Markers are made of
/// letters and digits between two control characters, which escaping
/// leaves as they are (the nonce is lower-case hexadecimal, and these
/// letters are upper-case).
const HOLE: char = 'H';
/// Begins the key in the marker of text that could not be made.
const FAILED: char = 'F';

/// A random number from the standard library's hasher keys: enough that a
/// fact cannot know it; not a secret.
static NONCE: LazyLock<String> = LazyLock::new(|| {
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("{:08x}", random as u32)
});

/// Writes the marker of a hole: a value that prints nothing was placed
/// here.
pub(crate) fn write_hole(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write!(out, "{OPEN}{}{HOLE}{CLOSE}", *NONCE)
}

/// The marker that stands in place of text that could not be made (a
/// prose file, a fact's text): its errors are reported if a document
/// prints it. `key` (letters and digits, which escaping leaves alone) says
/// which errors.
pub(crate) fn failed(key: &str) -> String {
    debug_assert!(key.chars().all(|c| c.is_ascii_alphanumeric()));
    format!("{OPEN}{}{FAILED}{key}{CLOSE}", *NONCE)
}

/// The first marker of failed text in `text`, if there is one: a filter
/// that turns text into a Typst string passes it on as it is, so that the
/// failure is found.
pub(crate) fn failed_in(text: &str) -> Option<&str> {
    let start = text.find(&format!("{OPEN}{}{FAILED}", *NONCE))?;
    let end = start + text[start..].find(CLOSE)? + CLOSE.len_utf8();
    Some(&text[start..end])
}

/// A place in a template that a marker stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Site {
    /// The template, by its index in the load's list of names.
    pub template: usize,
    /// The byte offset in the template as written.
    pub offset: usize,
}

/// The markers of one load of templates: their sites.
#[derive(Debug, Clone, Default)]
pub(crate) struct Markers {
    sites: Vec<Site>,
}

/// A template with its markers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Instrumented {
    /// The text Tera parses.
    pub text: String,
    /// Where markers were put, as (offset in `text`, length), in order:
    /// to turn a place Tera reports back into a place in the template.
    pub inserted: Vec<(usize, usize)>,
}

impl Instrumented {
    /// The offset in the template as written of `offset` in the text with
    /// markers.
    pub(crate) fn original_offset(&self, offset: usize) -> usize {
        let before: usize = self
            .inserted
            .iter()
            .take_while(|(at, _)| *at < offset)
            .map(|&(at, len)| len.min(offset - at))
            .sum();
        offset - before
    }
}

impl Markers {
    /// No markers yet.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The site a marker number stands for.
    pub(crate) fn site(&self, number: usize) -> Option<Site> {
        self.sites.get(number).copied()
    }

    /// `text`, the template with index `template`, with its markers.
    pub(crate) fn instrument(&mut self, template: usize, text: &str) -> Instrumented {
        let mut scan = Scan {
            text,
            out: Instrumented {
                text: String::with_capacity(text.len() + text.len() / 8),
                inserted: Vec::new(),
            },
            copied: 0,
        };
        let mut i = 0;
        // Captured text gets no markers; `{% set x %}` and the like nest.
        let mut capture = 0usize;
        // Whether this line has a marker, and whether the last tag closed
        // without trimming, so that the text after it may get one.
        let mut line_marked = false;
        let mut after_tag = false;
        // The end of a `{% raw %}` block, inside which nothing is a tag.
        let mut raw_end: Option<usize> = None;
        while i < text.len() {
            let rest = &text[i..];
            let in_raw = raw_end.is_some_and(|end| i < end);
            if !in_raw && raw_end.is_some() {
                raw_end = None;
            }
            if !in_raw && let Some(tag) = Tag::at(text, i) {
                if tag.kind != TagKind::Comment
                    && !tag.trims_left
                    && capture == 0
                    && (!line_marked || after_tag)
                {
                    scan.mark(i, self, template);
                    line_marked = true;
                }
                match tag.statement(text) {
                    Some(Statement::OpensCapture) => capture += 1,
                    Some(Statement::ClosesCapture) => capture = capture.saturating_sub(1),
                    Some(Statement::Raw) => raw_end = Some(Tag::end_of_raw(text, tag.end)),
                    None => {}
                }
                if text[i..tag.end].contains('\n') {
                    // A tag over several lines: the line it ends on has
                    // text of its own after it, if any.
                    line_marked = true;
                }
                after_tag = !tag.trims_right;
                i = tag.end;
                continue;
            }
            let c = rest.chars().next().expect("i is inside the text");
            if c == '\n' {
                line_marked = false;
                after_tag = false;
            } else if !c.is_whitespace() {
                if capture == 0 && (!line_marked || after_tag) {
                    scan.mark(i, self, template);
                    line_marked = true;
                }
                after_tag = false;
            }
            i += c.len_utf8();
        }
        scan.out.text.push_str(&text[scan.copied..]);
        scan.out
    }

    /// `rendered` without its markers, and where each stood.
    pub(crate) fn strip(&self, rendered: &str) -> (String, Origins) {
        let mut out = String::with_capacity(rendered.len());
        let mut origins = Origins::default();
        let mut rest = rendered;
        while let Some(at) = rest.find(OPEN) {
            out.push_str(&rest[..at]);
            let after = &rest[at + OPEN.len_utf8()..];
            match self.parse(after) {
                Some((Marker::Site(number), len)) => {
                    origins.marks.push((out.len(), number));
                    rest = &after[len..];
                }
                Some((Marker::Hole, len)) => {
                    origins.holes.push(Hole {
                        offset: out.len(),
                        marks_before: origins.marks.len(),
                    });
                    rest = &after[len..];
                }
                Some((Marker::Failed(path), len)) => {
                    origins.failed.push(path.to_owned());
                    rest = &after[len..];
                }
                None => {
                    out.push(OPEN);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        (out, origins)
    }

    /// The marker at the start of `text` (just after [`OPEN`]) and the
    /// length of what follows `OPEN`, if it is one of this load's.
    fn parse<'t>(&self, text: &'t str) -> Option<(Marker<'t>, usize)> {
        let rest = text.strip_prefix(NONCE.as_str())?;
        let end = rest.find(CLOSE)?;
        let len = NONCE.len() + end + CLOSE.len_utf8();
        if rest[..end] == *HOLE.encode_utf8(&mut [0; 4]) {
            return Some((Marker::Hole, len));
        }
        if let Some(path) = rest[..end].strip_prefix(FAILED) {
            return Some((Marker::Failed(path), len));
        }
        let number = rest[..end].parse().ok()?;
        self.sites.get(number)?;
        Some((Marker::Site(number), len))
    }
}

/// What a marker stands for.
enum Marker<'t> {
    /// A place in a template.
    Site(usize),
    /// A value that printed nothing.
    Hole,
    /// Text that could not be made, by its key.
    Failed(&'t str),
}

/// `text` without any markers: for filters that turn text into a Typst
/// string, where a marker would no longer be found.
pub(crate) fn without_markers(text: &str) -> Cow<'_, str> {
    if !text.contains(OPEN) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len_utf8()..];
        let marker = after
            .strip_prefix(NONCE.as_str())
            .and_then(|rest| rest.find(CLOSE))
            .map(|end| NONCE.len() + end);
        match marker {
            Some(end) => rest = &after[end + CLOSE.len_utf8()..],
            None => {
                out.push(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether `text` holds a character dokgen uses for its markers (a
/// template may not: its own text would be taken for one).
pub(crate) fn marker_char_in(text: &str) -> Option<usize> {
    text.find([OPEN, CLOSE])
}

/// Builds a template's marked text.
struct Scan<'t> {
    text: &'t str,
    out: Instrumented,
    /// How much of `text` is in `out`.
    copied: usize,
}

impl Scan<'_> {
    fn mark(&mut self, at: usize, markers: &mut Markers, template: usize) {
        self.out.text.push_str(&self.text[self.copied..at]);
        self.copied = at;
        let number = markers.sites.len();
        markers.sites.push(Site {
            template,
            offset: at,
        });
        let marker = format!("{OPEN}{}{number}{CLOSE}", *NONCE);
        self.out.inserted.push((self.out.text.len(), marker.len()));
        self.out.text.push_str(&marker);
    }
}

/// A value that printed nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hole {
    /// Where, in the text without markers.
    pub offset: usize,
    /// How many site markers came before it.
    marks_before: usize,
}

/// Where the markers of one rendered text stood, as offsets in the text
/// without markers, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origins {
    /// (offset, marker number).
    marks: Vec<(usize, usize)>,
    /// Where a value that prints nothing was placed.
    holes: Vec<Hole>,
    /// The keys of the text placed that could not be made.
    failed: Vec<String>,
}

impl Origins {
    /// Where values that print nothing were placed.
    pub(crate) fn holes(&self) -> &[Hole] {
        &self.holes
    }

    /// The keys of the text placed that could not be made.
    pub(crate) fn failed(&self) -> &[String] {
        &self.failed
    }

    /// The site and offset in its template of the byte `offset` of
    /// `output` (the rendered text without markers). The text from the
    /// nearest marker before it is followed in the template as long as it
    /// is the same there; where it is not (the output of a tag), the place
    /// is that tag.
    pub(crate) fn locate(
        &self,
        markers: &Markers,
        templates: &[&str],
        output: &str,
        offset: usize,
    ) -> Option<(usize, usize)> {
        let k = self.marks.partition_point(|(at, _)| *at <= offset);
        self.locate_after(k, markers, templates, output, offset)
    }

    /// The site and offset in its template of `hole`: found from the
    /// marker that came before it as Tera wrote them (several markers may
    /// stand at one place once the value between them printed nothing).
    pub(crate) fn locate_hole(
        &self,
        hole: &Hole,
        markers: &Markers,
        templates: &[&str],
        output: &str,
    ) -> Option<(usize, usize)> {
        self.locate_after(hole.marks_before, markers, templates, output, hole.offset)
    }

    /// The places of `offsets` (ascending), as [`Origins::locate`] gives
    /// each; the text after each marker is compared with its template once,
    /// not once for every offset after it, so that the lines of a long
    /// prose file are found in time linear in its length.
    pub(crate) fn locate_many(
        &self,
        markers: &Markers,
        templates: &[&str],
        output: &str,
        offsets: &[usize],
    ) -> Vec<Option<(usize, usize)>> {
        // The marker whose text was last compared, and how far it matched.
        let mut compared: Option<(usize, usize)> = None;
        let mut place = |offset: usize| -> Option<(usize, usize)> {
            let k = self.marks.partition_point(|(at, _)| *at <= offset);
            let (at, number) = *self.marks.get(k.checked_sub(1)?)?;
            let site = markers.site(number)?;
            let written = templates.get(site.template)?.get(site.offset..)?;
            let same = match compared {
                Some((marker, same)) if marker == k => same,
                _ => {
                    let end = self.marks.get(k).map_or(output.len(), |(next, _)| *next);
                    let same = common_prefix(output.get(at..end.min(output.len()))?, written);
                    compared = Some((k, same));
                    same
                }
            };
            Some((
                site.template,
                site.offset + same.min(offset.saturating_sub(at)),
            ))
        };
        offsets.iter().map(|&offset| place(offset)).collect()
    }

    /// The place of `offset`, followed from the marker before the `k`-th.
    fn locate_after(
        &self,
        k: usize,
        markers: &Markers,
        templates: &[&str],
        output: &str,
        offset: usize,
    ) -> Option<(usize, usize)> {
        let (at, number) = *self.marks.get(k.checked_sub(1)?)?;
        let site = markers.site(number)?;
        let template = templates.get(site.template)?;
        let written = template.get(site.offset..)?;
        let made = output.get(at..offset.min(output.len()))?;
        Some((site.template, site.offset + common_prefix(made, written)))
    }
}

/// The length in bytes of the longest common beginning of `a` and `b`,
/// in whole characters.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// A Tera tag at some offset.
struct Tag {
    kind: TagKind,
    /// Whether it opens with `{{-`, `{%-` or `{#-`.
    trims_left: bool,
    /// Whether it closes with `-}}`, `-%}` or `-#}`.
    trims_right: bool,
    /// Its words, without delimiters and whitespace control.
    inner_start: usize,
    inner_end: usize,
    /// The offset after it.
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Expression,
    Statement,
    Comment,
}

/// What a statement does to the text after it.
enum Statement {
    /// Begins text that Tera captures instead of printing.
    OpensCapture,
    /// Ends it.
    ClosesCapture,
    /// Begins a raw block.
    Raw,
}

impl Tag {
    /// The tag that begins at `at` in `text`, if one does. A tag that is
    /// never closed runs to the end (Tera reports it).
    fn at(text: &str, at: usize) -> Option<Tag> {
        let rest = &text[at..];
        let (kind, close) = if rest.starts_with("{{") {
            (TagKind::Expression, "}}")
        } else if rest.starts_with("{%") {
            (TagKind::Statement, "%}")
        } else if rest.starts_with("{#") {
            (TagKind::Comment, "#}")
        } else {
            return None;
        };
        let trims_left = rest[2..].starts_with('-');
        let body = at + 2 + usize::from(trims_left);
        let close_at = if kind == TagKind::Comment {
            text[body..].find(close).map(|i| body + i)
        } else {
            find_outside_strings(text, body, close)
        };
        let (inner_end, end, trims_right) = match close_at {
            Some(c) => {
                let trims = c > body && text.as_bytes()[c - 1] == b'-';
                (c - usize::from(trims), c + close.len(), trims)
            }
            None => (text.len(), text.len(), false),
        };
        Some(Tag {
            kind,
            trims_left,
            trims_right,
            inner_start: body,
            inner_end: inner_end.max(body),
            end,
        })
    }

    /// What this tag of `text`, if a statement, does to the text after
    /// it.
    fn statement(&self, text: &str) -> Option<Statement> {
        if self.kind != TagKind::Statement {
            return None;
        }
        let inner = text[self.inner_start..self.inner_end].trim();
        let is_name = |w: &str| w.chars().all(|c| c.is_alphanumeric() || c == '_');
        match words(text, self).as_slice() {
            ["raw"] => Some(Statement::Raw),
            // `{% set x %}…{% endset %}`, not `{% set x = … %}`.
            ["set" | "set_global", name] if is_name(name) => Some(Statement::OpensCapture),
            ["filter", ..] => Some(Statement::OpensCapture),
            ["endset" | "endfilter"] => Some(Statement::ClosesCapture),
            // A component called with a body: `{% <kort> %}…{% </kort> %}`.
            _ if inner.starts_with("</") => Some(Statement::ClosesCapture),
            _ if inner.starts_with('<') => Some(Statement::OpensCapture),
            _ => None,
        }
    }

    /// The offset after the `{% endraw %}` that ends a raw block whose
    /// content begins at `from`: the content is taken as text up to the
    /// start of that tag.
    fn end_of_raw(text: &str, from: usize) -> usize {
        let mut i = from;
        while let Some(open) = text[i..].find("{%").map(|k| i + k) {
            if let Some(tag) = Tag::at(text, open)
                && words(text, &tag).first() == Some(&"endraw")
            {
                return open;
            }
            i = open + 2;
        }
        text.len()
    }
}

/// The words of a statement tag.
fn words<'t>(text: &'t str, tag: &Tag) -> Vec<&'t str> {
    text[tag.inner_start..tag.inner_end]
        .split_whitespace()
        .collect()
}

/// The first `close` at or after `from` in `text` that is not inside a
/// string literal of Tera's (`"…"`, `'…'`, `` `…` ``).
fn find_outside_strings(text: &str, from: usize, close: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            q @ (b'"' | b'\'' | b'`') => {
                let end = text[i + 1..].find(q as char)?;
                i += end + 2;
            }
            _ if text[i..].starts_with(close) => return Some(i),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders `template` with Tera as written and with markers, and
    /// checks that stripping the markers gives the same text.
    fn same_output(template: &str, context: &tera::Context) -> (String, Origins, Markers) {
        let mut plain = tera::Tera::new();
        plain.add_raw_template("t", template).unwrap();
        let expected = plain.render("t", context).unwrap();
        let mut markers = Markers::new();
        let marked = markers.instrument(0, template);
        let mut tera = tera::Tera::new();
        tera.add_raw_template("t", &marked.text).unwrap();
        let rendered = tera.render("t", context).unwrap();
        let (stripped, origins) = markers.strip(&rendered);
        assert_eq!(
            stripped, expected,
            "markers changed the output of:\n{template}"
        );
        (stripped, origins, markers)
    }

    fn context() -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("items", &["a", "b", "c"]);
        ctx.insert("x", "værdi");
        ctx
    }

    #[test]
    fn whitespace_control_gives_the_same_text_with_markers() {
        for template in [
            "linje et\n  {{- x }}\nlinje to {{ x -}}   \n  slut\n",
            "{%- for i in items -%}\n  [{{ i }}]\n{%- endfor %}\nefter\n",
            "{% for i in items %}\n  {%- if i == \"b\" -%} B {%- else %}{{ i }}{% endif -%}\n{% endfor %}",
            "  {# kommentar -#}\n  tekst {#- igen #}  mere\n",
            "{% set y = \"%} {{ \" ~ x %}{{ y }} og {{ x }}\n",
            "{% set blok %}\n  fanget {{ x }}\n{% endset %}[{{ blok | trim }}]\n",
            "{% filter upper %}\n  stort {{ x }}\n{% endfilter %}\n",
            "{% raw %}\n  {{ ikke et udtryk }}\n{% endraw %}\nefter\n",
            "{%- set a = 1 -%}\n{%- set b = 2 -%}\n{{ a }} og {{ b }}.\n\n  Andet afsnit.\n",
            "#show: f.with(\n  titel: {{ x | safe }},\n{%- set e = \"s\" %}\n  egen: {{ e }},\n)\n",
        ] {
            same_output(template, &context());
        }
    }

    #[test]
    fn a_place_in_the_output_maps_to_its_template_line_and_column() {
        let template = "= Overskrift\n{% for i in items %}\nPunkt {{ i }}: slut\n{% endfor %}Til sidst #fejl\n";
        let (output, origins, markers) = same_output(template, &context());
        let locate = |needle: &str, nth: usize| {
            let offset = output.match_indices(needle).nth(nth).unwrap().0;
            let (_, at) = origins
                .locate(&markers, &[template], &output, offset)
                .unwrap();
            let line = template[..at].matches('\n').count() + 1;
            let column = at - template[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
            (line, column)
        };
        assert_eq!(locate("Overskrift", 0), (1, 3));
        // Every pass of the loop is its template line.
        assert_eq!(locate("Punkt", 0), (3, 1));
        assert_eq!(locate("Punkt", 2), (3, 1));
        // Text after an expression is found again after the tag.
        assert_eq!(locate(": slut", 1), (3, 14));
        // The output of an expression is the expression.
        assert_eq!(locate("b", 0), (3, 7));
        assert_eq!(locate("#fejl", 0), (4, 23));
    }

    #[test]
    fn a_fact_cannot_pass_for_a_marker() {
        let mut markers = Markers::new();
        markers.instrument(0, "tekst\n");
        let forged = format!("{OPEN}00000000 0{CLOSE} og {OPEN}0{CLOSE} og {OPEN}H{CLOSE}");
        let (stripped, origins) = markers.strip(&forged);
        assert_eq!(stripped, forged);
        assert!(origins.marks.is_empty() && origins.holes.is_empty());
    }

    #[test]
    fn holes_are_taken_out_and_kept() {
        let markers = Markers::new();
        let mut hole = Vec::new();
        write_hole(&mut hole).unwrap();
        let hole = String::from_utf8(hole).unwrap();
        let (stripped, origins) = markers.strip(&format!("på {hole}."));
        assert_eq!(stripped, "på .");
        assert_eq!(origins.holes()[0].offset, "på ".len());
        assert_eq!(without_markers(&format!("a{hole}b")), "ab");
    }

    #[test]
    fn places_reported_in_the_marked_text_map_back() {
        let mut markers = Markers::new();
        let marked = markers.instrument(0, "ab\n  cd {{ x }}\n");
        // The nonce is hexadecimal and may hold "cd": the text's own
        // follows the marker's closing character.
        let at = marked.text.find("\u{2}cd").unwrap() + 1;
        assert_eq!(marked.original_offset(at), 5);
        let at = marked.text.find("{{").unwrap();
        assert_eq!(marked.original_offset(at), 8);
    }
}
