//! Never a hole: every document of both shipped projects is read back from
//! its PDF as a reader reads it, and no sentence has a gap where an empty
//! value stood ("blandt andet på .", "… voksne. vurderes, når …"), no
//! placeholder is printed, and no Tera tag is left in it. And a draft says
//! so on every page, while a final document never does.

use std::path::Path;

use crate::common::{assert_exit, build, copy_default_project, edit, pdf_text, repo};

/// Words that end with a full stop and may be followed by a word in lower
/// case: Danish abbreviations, as the shipped documents use them.
const ABBREVIATIONS: &[&str] = &[
    "kl", "nr", "stk", "pct", "kr", "mio", "mia", "ca", "jf", "bl.a", "f.eks", "evt", "inkl", "mv",
    "dvs", "vedr", "pkt", "tlf", "pr",
];

/// What the usual placeholders look like in a PDF's text.
const PLACEHOLDERS: &[&str] = &["N.N.", "TODO", "XXX", "???", "[indsæt"];

/// The holes in `text`, a document's text: each with a little of what
/// stands around it.
fn holes(text: &str) -> Vec<String> {
    let text = without_leaders(text);
    let chars: Vec<char> = text.chars().collect();
    let around = |i: usize| -> String {
        chars[i.saturating_sub(30)..(i + 20).min(chars.len())]
            .iter()
            .collect()
    };
    let mut found = Vec::new();
    for i in 1..chars.len().saturating_sub(2) {
        // Punctuation after a space: "på ." or "a , b".
        if chars[i] == ' ' && matches!(chars[i + 1], '.' | ',') && chars[i - 1] != '.' {
            found.push(around(i));
        }
        // A sentence that begins in lower case.
        if chars[i] == '.' && chars[i + 1] == ' ' && chars[i + 2].is_lowercase() {
            let word: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace() && **c != '(')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let ordinal = word.chars().all(|c| c.is_ascii_digit());
            if !ordinal && !ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
                found.push(around(i));
            }
        }
    }
    for placeholder in PLACEHOLDERS {
        if let Some(at) = text.find(placeholder) {
            found.push(format!(
                "placeholder {placeholder}: {}",
                &text[at.saturating_sub(30)..]
            ));
        }
    }
    for tag in ["{{", "}}", "{%", "%}"] {
        if text.contains(tag) {
            found.push(format!("a Tera tag `{tag}` in the text"));
        }
    }
    found
}

/// `text` without the dot leaders of a table of contents (". . . . 4"):
/// runs of two dots or more, spaced, before a page number.
fn without_leaders(text: &str) -> String {
    let mut out = text.to_owned();
    let mut from = 0;
    while let Some(found) = out[from..].find(". .") {
        let at = from + found;
        let run: usize = out[at..]
            .chars()
            .take_while(|c| *c == '.' || *c == ' ')
            .map(char::len_utf8)
            .sum();
        if out[at + run..].starts_with(|c: char| c.is_ascii_digit()) {
            out.replace_range(at..at + run, " ");
            from = at + 1;
        } else {
            from = at + run;
        }
    }
    out
}

fn documents_without_holes(project: &Path) {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project, out.path()), 0);
    let mut all = Vec::new();
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pdf") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            all.extend(
                holes(&pdf_text(&path))
                    .into_iter()
                    .map(|h| format!("{name}: {h}")),
            );
        }
    }
    assert!(all.is_empty(), "holes:\n{}", all.join("\n"));
}

#[test]
fn the_checker_finds_the_holes_of_before() {
    // What the Dragør–Tårnby strategy printed before strict interpolation.
    let before = "Samarbejdet fungerer efter kommunens vurdering godt på flere områder, blandt andet på . Samarbejdet har også ulemper.";
    assert_eq!(holes(before).len(), 1, "{:?}", holes(before));
    assert_eq!(holes("for børn og voksne. vurderes, når").len(), 1);
    assert_eq!(holes("Kommunaldirektør N.N.").len(), 1);
    assert!(
        holes("kl. 17.30 den 19. juni 2017, jf. § 11 a, stk. 2 i loven. Baggrund . . . . . . 3")
            .is_empty()
    );
    // A leader of two dots, where an entry nearly fills its line, is a
    // leader too; two dots that end a sentence are not.
    assert!(holes("på natur- og miljøområdet . . 4 Det videre forløb").is_empty());
    assert_eq!(holes("blandt andet på . . Samarbejdet").len(), 1);
}

#[test]
fn no_document_of_the_default_project_has_a_hole() {
    documents_without_holes(&repo());
}

#[test]
fn no_document_of_the_dragoer_taarnby_project_has_a_hole() {
    documents_without_holes(&repo().join("examples/dragoer-taarnby"));
}

#[test]
fn no_document_of_the_aeroe_svendborg_project_has_a_hole() {
    documents_without_holes(&repo().join("examples/aeroe-svendborg"));
}

/// The text of each page of a PDF, without white space (the mark is
/// drawn at an angle, so its letters come out on lines of their own).
fn pages(pdf: &Path) -> Vec<String> {
    let document = lopdf::Document::load(pdf).unwrap();
    document
        .get_pages()
        .keys()
        .map(|&number| {
            let text = document.extract_text(&[number]).unwrap_or_default();
            text.split_whitespace().collect()
        })
        .collect()
}

#[test]
fn a_draft_is_marked_on_every_page_and_a_final_document_on_none() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    edit(
        &project.path().join("content/documents/ansoegning-1.yaml"),
        "application: ansoegning-1\n",
        "application: ansoegning-1\ndraft: true\n",
    );
    let out = project.path().join("output");
    assert_exit(&build(project.path(), &out), 0);
    let draft = pages(&out.join("ansoegning-1.pdf"));
    assert!(draft.len() >= 2, "{} pages", draft.len());
    for (i, page) in draft.iter().enumerate() {
        assert!(
            page.contains("UDKAST"),
            "page {} of the draft: {page}",
            i + 1
        );
    }
    // Letters and meeting papers have no status line that could say
    // "Udkast": the mark is the draft's alone.
    for name in [
        "ansoegning-2",
        "byraad-2017-09-05-dagsorden",
        "styregruppe-2017-06-19-referat",
    ] {
        for (i, page) in pages(&out.join(format!("{name}.pdf"))).iter().enumerate() {
            assert!(!page.contains("UDKAST"), "{name}, page {}: {page}", i + 1);
        }
    }
}
