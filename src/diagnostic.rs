//! Errors and warnings a person can act on.
//!
//! Every stage reports problems as [`Diagnostic`]s: where (file, line,
//! column), what went wrong, and a hint at the fix. An [`Error`] is one or
//! more diagnostics, so a run can report all of its problems at once.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::message::{Lang, Message};
use crate::msg;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// The build goes on, but the result may not be what was meant.
    Warning,
}

/// A place in a file, with the text of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, relative to the project.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The text of that line.
    pub snippet: String,
}

/// One problem, located as precisely as its stage can. (It crosses from
/// the process that made a document to the one that reports it as JSON.)
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, relative to the project where possible.
    pub file: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, counted in characters.
    pub column: Option<usize>,
    /// What went wrong.
    pub message: Message,
    /// The offending source line, shown under the message.
    pub snippet: Option<String>,
    /// How to fix it.
    pub hints: Vec<Message>,
    /// Where the work was that led to the problem, innermost first: the
    /// calls of Typst functions that ended in it.
    pub trace: Vec<TracePoint>,
}

/// A place on the way to a problem: "while calling `befolkningsgraf`" at
/// the line of the call.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TracePoint {
    /// What was being done there.
    pub what: Message,
    /// The file, relative to the project where possible.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(message: impl Into<Message>) -> Self {
        Self {
            severity: Severity::Error,
            file: None,
            line: None,
            column: None,
            message: message.into(),
            snippet: None,
            hints: Vec::new(),
            trace: Vec::new(),
        }
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(message: impl Into<Message>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Places the problem at a 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Places the problem at `location`, if it is known; otherwise leaves
    /// the diagnostic as it is.
    pub fn located(self, location: Option<Location>) -> Self {
        match location {
            Some(loc) => self
                .in_file(&loc.file)
                .at(loc.line, loc.column)
                .with_snippet(loc.snippet),
            None => self,
        }
    }

    /// Shows line `self.line` of `text`, the file's content, under the
    /// message.
    pub fn with_line_of(self, text: &str) -> Self {
        match self.line.and_then(|l| text.lines().nth(l.checked_sub(1)?)) {
            Some(line) => {
                let line = line.trim_end().to_owned();
                self.with_snippet(line)
            }
            None => self,
        }
    }

    /// Shows the source line under the message.
    pub fn with_snippet(mut self, snippet: impl Into<String>) -> Self {
        self.snippet = Some(snippet.into());
        self
    }

    /// Adds a hint at the fix.
    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Places the problem at a byte offset of `source`, the text of its file,
    /// and shows that line.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let offset = offset.min(source.len());
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = source[..offset].matches('\n').count() + 1;
        let column = source[line_start..offset].chars().count() + 1;
        self.at(line, column)
            .with_snippet(source[line_start..line_end].trim_end())
    }

    /// `file:line:column`, as much of it as is known.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?.display().to_string();
        Some(match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file,
        })
    }
}

impl Diagnostic {
    /// The diagnostic as text in the language of this process, with ANSI
    /// colours when `color` is set (for a terminal) and plain otherwise.
    pub fn render(&self, color: bool) -> String {
        self.render_in(Lang::current(), color)
    }

    /// The diagnostic as text in `lang`, coloured if `color` is set.
    pub fn render_in(&self, lang: Lang, color: bool) -> String {
        let paint = |code: &str, text: &str| {
            if color {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_owned()
            }
        };
        let (label, label_color) = match self.severity {
            Severity::Error => (msg!("diagnostic-error"), "1;31"),
            Severity::Warning => (msg!("diagnostic-warning"), "1;33"),
        };
        let mut out = paint(label_color, &label.text(lang));
        out.push_str(": ");
        if let Some(location) = self.location() {
            out.push_str(&paint("1", &location));
            out.push_str(": ");
        }
        out.push_str(&self.message.text(lang));
        if let Some(snippet) = &self.snippet {
            let (snippet, column) = window(snippet, self.column);
            let gutter = self.line.map(|l| l.to_string()).unwrap_or_default();
            let bar = paint("34", "|");
            out.push_str(&format!("\n {} {bar} {snippet}", paint("34", &gutter)));
            if let Some(column) = column {
                let pad = " ".repeat(gutter.len());
                // Tabs stay tabs, so the caret lines up under them.
                let indent: String = snippet
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!(
                    "\n {pad} {bar} {indent}{}",
                    paint(label_color, "^")
                ));
            }
        }
        let note = format!("= {}:", msg!("diagnostic-note").text(lang));
        for point in &self.trace {
            let place = format!("{}:{}:{}", point.file.display(), point.line, point.column);
            let what = msg!("diagnostic-trace", what = point.what.clone(), place);
            out.push_str(&format!("\n  {} {}", paint("36", &note), what.text(lang)));
        }
        let hint = format!("= {}:", msg!("diagnostic-hint").text(lang));
        for h in &self.hints {
            out.push_str(&format!("\n  {} {}", paint("36", &hint), h.text(lang)));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// One or more diagnostics that stopped the work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// The diagnostics, in the order they were found.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The diagnostics, owned.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Collects several errors into one.
    pub fn many(errors: impl IntoIterator<Item = Error>) -> Option<Self> {
        let diagnostics: Vec<Diagnostic> = errors.into_iter().flat_map(|e| e.diagnostics).collect();
        (!diagnostics.is_empty()).then_some(Self { diagnostics })
    }

    /// An error about reading or writing a file.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        let reason = io_reason(err);
        let diagnostic =
            Diagnostic::error(msg!("io-cannot-access", path = path, reason)).in_file(path);
        match err.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                diagnostic.hint(msg!("io-disk-full")).into()
            }
            _ => diagnostic.into(),
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Self {
            diagnostics: vec![diagnostic],
        }
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Self { diagnostics }
    }
}

impl Error {
    /// Every diagnostic, one after the other, in the language of this
    /// process, coloured if `color` is set.
    pub fn render(&self, color: bool) -> String {
        self.render_in(Lang::current(), color)
    }

    /// Every diagnostic in `lang`, coloured if `color` is set.
    pub fn render_in(&self, lang: Lang, color: bool) -> String {
        let all: Vec<String> = self
            .diagnostics
            .iter()
            .map(|d| d.render_in(lang, color))
            .collect();
        all.join("\n")
    }
}

/// Why a file could not be read or written, in words of the catalogue
/// where the system's reason is a common one.
pub fn io_reason(err: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => msg!("io-not-found"),
        ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        ErrorKind::IsADirectory => msg!("io-is-a-directory"),
        ErrorKind::NotADirectory => msg!("io-not-a-directory"),
        ErrorKind::ReadOnlyFilesystem => msg!("io-read-only"),
        ErrorKind::AlreadyExists => msg!("io-already-exists"),
        ErrorKind::InvalidData => msg!("io-invalid-data"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => msg!("io-full"),
        _ => msg!("io-other", text = err.to_string()),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

/// The byte offset where 1-based line `line` of `text` starts (the end of
/// the text past its last line). Counts `\n` only, so lines ending in
/// `\r\n` come out right too.
pub(crate) fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// The characters of a snippet shown around its column: a line longer
/// than this is cut to a window around the column, with `…` where it was
/// cut (a line of megabytes makes no message of megabytes).
const SNIPPET_WINDOW: usize = 400;

/// `snippet` cut to [`SNIPPET_WINDOW`] characters around `column`, and the
/// column in what is shown.
fn window(snippet: &str, column: Option<usize>) -> (String, Option<usize>) {
    let length = snippet.chars().count();
    if length <= SNIPPET_WINDOW {
        return (snippet.to_owned(), column);
    }
    let at = column.unwrap_or(1).saturating_sub(1).min(length);
    let start = at.saturating_sub(SNIPPET_WINDOW / 2);
    let end = (start + SNIPPET_WINDOW).min(length);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(snippet.chars().skip(start).take(end - start));
    if end < length {
        shown.push('…');
    }
    let column = column.map(|_| at - start + 1 + usize::from(start > 0));
    (shown, column)
}

/// Names as code, for messages: "`ishoej`, `vallensbaek`".
pub(crate) fn code_list<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    quoted.join(", ")
}

/// The name in `known` nearest to `name`, if it is near enough to be a
/// typo of it: the "did you mean …?" of unknown ids and fields.
pub(crate) fn nearest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(name, k), *k))
        .filter(|(distance, k)| *distance <= (k.chars().count() / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

/// A result whose error is a list of diagnostics.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_around_its_column() {
        let line = format!("{}FEJL{}", "a".repeat(5000), "b".repeat(5000));
        let (shown, column) = window(&line, Some(5001));
        assert!(
            shown.chars().count() <= SNIPPET_WINDOW + 2,
            "{}",
            shown.len()
        );
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let column = column.unwrap();
        let caret: String = shown.chars().skip(column - 1).take(4).collect();
        assert_eq!(caret, "FEJL");
        assert_eq!(window("kort", Some(2)), ("kort".to_owned(), Some(2)));
    }

    #[test]
    fn lines_start_after_each_newline_whatever_ends_them() {
        let text = "a\r\nbb\r\nccc";
        assert_eq!(line_start(text, 1), 0);
        assert_eq!(line_start(text, 2), 3);
        assert_eq!(line_start(text, 3), 7);
        assert_eq!(&text[line_start(text, 3)..], "ccc");
        assert_eq!(line_start(text, 9), text.len());
    }

    #[test]
    fn the_nearest_name_is_suggested_only_for_typos() {
        let known = ["ishoej", "vallensbaek"];
        assert_eq!(nearest("valensbaek", &known), Some("vallensbaek"));
        assert_eq!(nearest("vallensbæk", &known), Some("vallensbaek"));
        assert_eq!(nearest("ishoj", &known), Some("ishoej"));
        assert_eq!(nearest("dragoer", &known), None);
    }

    #[test]
    fn colours_only_when_asked() {
        let d = Diagnostic::error(msg!("io-not-found"))
            .in_file("a.yaml")
            .at(1, 1)
            .hint(msg!("io-disk-full"));
        assert!(!d.render_in(Lang::En, false).contains('\x1b'));
        let coloured = d.render_in(Lang::En, true);
        assert!(coloured.contains("\x1b[1;31merror\x1b[0m"), "{coloured:?}");
        assert!(
            coloured.contains("\x1b[36m= hint:\x1b[0m the disk is full"),
            "{coloured:?}"
        );
    }

    #[test]
    fn offset_gives_line_column_and_caret() {
        let source = "a: 1\nbb: [x\n";
        let d = Diagnostic::error(msg!("io-not-found"))
            .in_file("content/x.yaml")
            .at_offset(source, 9)
            .hint(msg!("io-read-only"));
        assert_eq!(d.location().unwrap(), "content/x.yaml:2:5");
        assert_eq!(
            d.render_in(Lang::En, false),
            "error: content/x.yaml:2:5: there is no such file or folder\n 2 | bb: [x\n   |     ^\n  = hint: the disk is read-only"
        );
    }

    #[test]
    fn a_diagnostic_is_worded_in_the_language_asked_for() {
        let d = Diagnostic::warning(msg!("io-not-found"))
            .in_file("content/x.yaml")
            .at(2, 5)
            .hint(msg!("io-read-only"));
        assert_eq!(
            d.render_in(Lang::Da, false),
            "advarsel: content/x.yaml:2:5: filen eller mappen findes ikke\n  = råd: disken er skrivebeskyttet"
        );
    }
}
