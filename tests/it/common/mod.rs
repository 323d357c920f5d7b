//! Helpers shared by the integration tests: a copy of the default project
//! to change, the real binary, and the text of a PDF as a reader sees it.

#![allow(dead_code)]

pub mod browser;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository, which is also the default project.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the default project (config, content, templates) into `dest`.
pub fn copy_default_project(dest: &Path) {
    std::fs::copy(repo().join("dokgen.yaml"), dest.join("dokgen.yaml")).unwrap();
    for dir in ["content", "templates"] {
        copy_dir(&repo().join(dir), &dest.join(dir));
    }
}

/// Copies the folder `from` with everything in it to `to`.
/// How many documents the default project makes: those it declares, and
/// the pages of its web publication (an index of each body, a page of
/// each item, the front page).
pub fn shipped_documents() -> usize {
    dokgen::Session::open(&repo()).unwrap().documents().len()
}

/// How many documents the default project declares (its
/// `content/documents/*.yaml`): how many PDFs a build writes beside its
/// web publication.
pub fn shipped_declarations() -> usize {
    std::fs::read_dir(repo().join("content/documents"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "yaml")
        })
        .count()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The real `dokgen` binary, as a command to run. Its user's
/// configuration (the key that seals manifests) is the tests' own, one for
/// all of them, not the person's who runs them; so is its locale, English
/// (`LANG=C`) whatever the locale of the person who runs the tests.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dokgen"));
    command.env("XDG_CONFIG_HOME", config_home());
    for var in ["DOKGEN_LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(var);
    }
    command.env("LANG", "C");
    command
}

/// The real binary under a Danish locale, as a Danish user runs it.
pub fn binary_in_danish() -> Command {
    let mut command = binary();
    command.env("LANG", "da_DK.UTF-8");
    command
}

/// The words of `text` a reader reads as its language: without the
/// source lines shown under a message (` 5 | …` and its caret), names in
/// backticks, quoted text, paths and file names, which are the user's.
pub fn prose_of(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let shown_source = trimmed
            .split_once('|')
            .is_some_and(|(gutter, _)| gutter.trim().chars().all(|c| c.is_ascii_digit()));
        if shown_source {
            continue;
        }
        // Quoted, or in brackets (a placeholder such as `[indsæt navn]`,
        // the values `[mulige værdier: da, en]` an argument takes).
        let mut inside = false;
        let mut brackets = 0usize;
        let mut kept = String::new();
        for c in line.chars() {
            match c {
                '`' | '"' | '«' | '»' => inside = !inside,
                '[' => brackets += 1,
                ']' => brackets = brackets.saturating_sub(1),
                _ if !inside && brackets == 0 => kept.push(c),
                _ => {}
            }
        }
        for word in kept.split_whitespace() {
            let bare = word
                .trim_end_matches(['.', ':', ',', ';', ')', '?'])
                .trim_start_matches('(');
            // Paths, file names, `--options`.
            if !bare.contains(['/', '.', '_', '@', '=', ':', '{', '}', '\\'])
                && !bare.starts_with('-')
            {
                out.push_str(bare);
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out
}

/// Words only English has, which Danish text must not contain.
pub const ENGLISH_ONLY: &[&str] = &[
    // Not "to", "have", "give", "under", "over": Danish words too.
    "the", "is", "not", "of", "and", "with", "an", "was", "has", "are", "cannot", "must", "this",
    "that", "which", "there", "no", "it", "its", "or", "on", "from", "by", "should", "does",
    "write", "expected", "found", "unknown", "missing", "error", "warning", "hint", "file", "line",
    "value", "says",
];

/// Words only Danish has, which English text must not contain.
pub const DANISH_ONLY: &[&str] = &[
    "og", "ikke", "skal", "er", "fejl", "advarsel", "råd", "eller", "til", "med", "en", "et",
    "den", "det", "der", "af", "på", "som", "kan", "har", "skriv", "fil", "linje", "værdi",
];

/// The words of `prose` that are in `words`.
pub fn words_of<'w>(prose: &str, words: &[&'w str]) -> Vec<&'w str> {
    let mut found: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            prose
                .split(|c: char| !c.is_alphabetic())
                .any(|p| p.eq_ignore_ascii_case(w))
        })
        .collect();
    found.dedup();
    found
}

/// The configuration folder of the tests' user.
pub fn config_home() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("config")
}

/// Runs the real `dokgen` binary with `args`.
pub fn dokgen(args: &[&str]) -> Output {
    binary().args(args).output().expect("dokgen runs")
}

/// Builds `project` into `output` with the real binary.
pub fn build(project: &Path, output: &Path) -> Output {
    dokgen(&[
        "build",
        project.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ])
}

/// Panics with the binary's output unless it exited with `code`.
pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The text of a PDF as a reader extracts it (pdf-extract, in Rust), with
/// words that Typst hyphenated at a line end joined again and all white
/// space folded to single spaces.
pub fn pdf_text(pdf: &Path) -> String {
    let bytes = std::fs::read(pdf).unwrap_or_else(|err| panic!("{}: {err}", pdf.display()));
    let text = pdf_extract::extract_text_from_mem(&with_widths_spelled_out(&bytes))
        .unwrap_or_else(|err| panic!("{} is not a readable PDF: {err}", pdf.display()));
    // A hyphenation point comes out as "-", " -" or a soft hyphen at a
    // line end, with white space around it: the word is joined again,
    // unless the next line goes on with "og" or "eller": then the hyphen
    // is a suspended one ("natur-/og miljø"), which stays.
    let mut joined = String::with_capacity(text.len());
    let mut kept = String::with_capacity(text.len());
    let mut pieces = text.split("-\n").peekable();
    while let Some(piece) = pieces.next() {
        kept.push_str(piece);
        let Some(next) = pieces.peek() else { break };
        let word = next.trim_start().split(char::is_whitespace).next();
        kept.push_str(if matches!(word, Some("og" | "eller")) {
            "- "
        } else {
            "\u{ad}"
        });
    }
    let mut rest = kept.replace(" -\n", "\u{ad}");
    while let Some(at) = rest.find('\u{ad}') {
        joined.push_str(rest[..at].trim_end());
        rest = rest[at + '\u{ad}'.len_utf8()..].trim_start().to_owned();
    }
    joined.push_str(&rest);
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `pdf` with the glyph widths of its fonts written one by one.
///
/// A font's widths (`/W`, ISO 32000-1, 9.7.4.3) may be written as ranges,
/// `first last width`, as Typst writes them. pdf-extract 0.12 misreads
/// that form (it takes no width from it), so every glyph is 0 wide to it,
/// and it starts a new word wherever a new run of text begins: between
/// the parts of a word set in two styles ("kommunal b estyrelsen"). A
/// reader that reads the widths (poppler, a viewer) joins them. Written
/// one by one (`first [width width …]`), the same widths are read right.
fn with_widths_spelled_out(pdf: &[u8]) -> Vec<u8> {
    use lopdf::Object;
    let Ok(mut document) = lopdf::Document::load_mem(pdf) else {
        return pdf.to_vec();
    };
    for object in document.objects.values_mut() {
        let Ok(dict) = object.as_dict_mut() else {
            continue;
        };
        let Ok(Object::Array(widths)) = dict.get(b"W") else {
            continue;
        };
        let number = |o: &Object| match o {
            Object::Integer(i) => Some(*i),
            Object::Real(r) => Some(*r as i64),
            _ => None,
        };
        let mut spelled = Vec::new();
        let mut i = 0;
        while i < widths.len() {
            match (widths.get(i + 1), widths.get(i + 2)) {
                (Some(Object::Array(_)), _) => {
                    spelled.extend(widths[i..i + 2].iter().cloned());
                    i += 2;
                }
                (Some(last), Some(width)) => {
                    let (Some(first), Some(last)) = (number(&widths[i]), number(last)) else {
                        return pdf.to_vec();
                    };
                    let each = vec![width.clone(); (last - first + 1).max(0) as usize];
                    spelled.push(Object::Integer(first));
                    spelled.push(Object::Array(each));
                    i += 3;
                }
                _ => return pdf.to_vec(),
            }
        }
        dict.set("W", Object::Array(spelled));
    }
    let mut out = Vec::new();
    match document.save_to(&mut out) {
        Ok(()) => out,
        Err(_) => pdf.to_vec(),
    }
}

/// Every PDF in `dir`, by file name, with its bytes.
pub fn pdfs(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

/// Edits a file of a copied project in place.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "`{from}` is not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// The 1-based line of the first occurrence of `needle` in a file.
pub fn line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in {}", path.display()));
    text[..at].matches('\n').count() + 1
}

/// The Typst source dokgen generates for the document `output` of the
/// project at `dir`.
pub fn dokgen_render(dir: &Path, output: &str) -> String {
    let session = dokgen::Session::open(dir).unwrap();
    let document = session
        .documents()
        .iter()
        .find(|d| d.spec.output == output)
        .unwrap_or_else(|| panic!("no document `{output}`"));
    session.render(document).unwrap().source().to_owned()
}

/// Whether `tool` (qpdf, pdffonts, pdftotext, chromium, chromedriver) can
/// be run; under CI a
/// missing tool fails the test, elsewhere the check says it was skipped.
pub fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok()
        || Command::new(tool).arg("-v").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is not installed; .ci/run installs it (apt-get install qpdf poppler-utils chromium chromium-driver)"
        );
        eprintln!(
            "skipped: {tool} is not installed (apt-get install qpdf poppler-utils chromium chromium-driver)"
        );
    }
    found
}
