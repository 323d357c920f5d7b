//! Danish typography read back from the PDFs of the three shipped
//! projects: no line ends inside a date ("1. | januar"), between "§" and
//! its number, inside "kl. 17.30", between an amount and its unit ("2,5 |
//! mio. kr.", "10 | pct.") or between "stk." or "nr." and its number.

mod common;

use std::path::Path;

use common::{assert_exit, build, have, repo};

/// The line breaks of `text` (one PDF's text, line by line) that split
/// what must stay together, each as "…end | start…".
fn bad_breaks(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut found = Vec::new();
    for pair in lines.windows(2) {
        let (end, start) = (pair[0], pair[1]);
        let last = end.split_whitespace().last().unwrap_or("");
        let first = start.split_whitespace().next().unwrap_or("");
        let is_number = |w: &str| {
            !w.is_empty()
                && w.chars().any(|c| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_digit() || ".,−-".contains(c))
        };
        let day = last.strip_suffix('.').is_some_and(|d| {
            !d.is_empty() && d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit())
        });
        let month = (1..=12)
            .filter_map(dokgen::danish::month_name)
            .any(|m| first.starts_with(m));
        let split = (day && month)
            || last == "§"
            || last == "§§"
            || last == "kl."
            || (is_number(last) && ["kr.", "pct.", "mio.", "mia."].contains(&first))
            || (["mio.", "mia."].contains(&last) && first == "kr.")
            || (["stk.", "nr."].contains(&last) && first.starts_with(|c: char| c.is_ascii_digit()));
        if split {
            let tail: String = end
                .chars()
                .rev()
                .take(30)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let head: String = start.chars().take(30).collect();
            found.push(format!("…{tail} | {head}…"));
        }
    }
    found
}

/// Builds `project` and returns every bad break of its PDFs, by file:
/// poppler's `pdftotext` keeps the lines as they are set (the Rust
/// extractor joins some of them).
fn breaks_in(project: &Path) -> Vec<String> {
    if !have("pdftotext") {
        return Vec::new();
    }
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project, out.path()), 0);
    let mut all = Vec::new();
    for name in common::pdfs(out.path()).keys() {
        let text = std::process::Command::new("pdftotext")
            .arg(out.path().join(name))
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(text.status.success(), "pdftotext {name}");
        for b in bad_breaks(&String::from_utf8_lossy(&text.stdout)) {
            all.push(format!("{name}: {b}"));
        }
    }
    all
}

#[test]
fn the_checker_finds_a_split_date_and_a_split_section() {
    let text = "Siden er tallet vokset til 16.294 pr. 1.\njanuar 2018, efter §\n11 a, kl.\n17.30, 2,5\nmio. kr. og 10\npct.";
    assert_eq!(bad_breaks(text).len(), 5, "{:?}", bad_breaks(text));
    assert!(bad_breaks("den 1. januar\n2018 efter § 11 a\ni loven").is_empty());
}

#[test]
fn no_line_of_the_default_project_splits_a_date_a_section_or_an_amount() {
    let found = breaks_in(&repo());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_line_of_the_dragoer_taarnby_project_splits_a_date_a_section_or_an_amount() {
    let found = breaks_in(&repo().join("examples/dragoer-taarnby"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_line_of_the_aeroe_svendborg_project_splits_a_date_a_section_or_an_amount() {
    let found = breaks_in(&repo().join("examples/aeroe-svendborg"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}
