//! Danish typography read back from the PDFs of the three shipped
//! projects: no line ends inside a date ("1. | januar"), between "§" and
//! its number, inside "kl. 17.30", between an amount and its unit ("2,5 |
//! mio. kr.", "10 | pct.") or between "stk." or "nr." and its number;
//! and no hyphenation that a typesetter refuses: a fragment under three
//! letters on either side of the break, or a fragment alone on the last
//! line of its paragraph; and no compound broken inside one of its parts
//! ("miljøom-rådet" for "miljø-området"). `cargo test --test it typography:: -- --nocapture`
//! lists every line-final hyphen with its fragments, and the count.

use crate::common;

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use crate::common::{assert_exit, build, have, repo};

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

/// The text of every PDF of `project`, line by line as set, by file
/// name; the project is built once per test binary. Poppler's
/// `pdftotext` keeps the lines as they are set (the Rust extractor joins
/// some of them) and puts an empty line between text blocks. `None` when
/// pdftotext is missing outside CI.
fn texts(project: &str) -> Option<&'static BTreeMap<String, String>> {
    static BUILT: OnceLock<Mutex<BTreeMap<String, &'static BTreeMap<String, String>>>> =
        OnceLock::new();
    if !have("pdftotext") {
        return None;
    }
    let mut built = BUILT.get_or_init(Default::default).lock().unwrap();
    let texts = built.entry(project.to_owned()).or_insert_with(|| {
        let out = tempfile::tempdir().unwrap();
        assert_exit(&build(&repo().join(project), out.path()), 0);
        let texts = common::pdfs(out.path())
            .into_keys()
            .map(|name| {
                let text = std::process::Command::new("pdftotext")
                    .arg(out.path().join(&name))
                    .arg("-")
                    .output()
                    .expect("pdftotext runs");
                assert!(text.status.success(), "pdftotext {name}");
                (name, String::from_utf8_lossy(&text.stdout).into_owned())
            })
            .collect();
        Box::leak(Box::new(texts))
    });
    Some(*texts)
}

/// Every bad break of `project`'s PDFs, by file.
fn breaks_in(project: &str) -> Vec<String> {
    let mut all = Vec::new();
    for (name, text) in texts(project).into_iter().flatten() {
        for b in bad_breaks(text) {
            all.push(format!("{name}: {b}"));
        }
    }
    all
}

/// A word that Typst hyphenated at a line end: its two fragments, and
/// whether the second is all there is on the last line of its paragraph.
#[derive(Debug, PartialEq)]
struct Hyphenation {
    left: String,
    right: String,
    paragraph_end: bool,
}

impl Hyphenation {
    /// What a typesetter refuses: a fragment under three letters on
    /// either side, or a fragment alone on a paragraph's last line.
    fn refused(&self) -> bool {
        self.left.chars().count() < 3 || self.right.chars().count() < 3 || self.paragraph_end
    }
}

/// Every line-final hyphen that Typst set in `text` (pdftotext output: a
/// hyphenation point comes out as a soft hyphen at the line end, a hyphen
/// of the text as "-").
fn hyphenations(text: &str) -> Vec<Hyphenation> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(head) = line.strip_suffix('\u{ad}') else {
            continue;
        };
        let Some(next) = lines.get(i + 1) else {
            continue;
        };
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<String>();
        let left = letters(head.rsplit([' ', '/', '-', '(']).next().unwrap_or(""));
        let first = next.split([' ', '/', '-']).next().unwrap_or("");
        let right = letters(first.split([')', ',', '.', ';', ':']).next().unwrap_or(""));
        let alone = !next.contains(' ');
        let last = lines
            .get(i + 2)
            .is_none_or(|l| l.is_empty() || l.starts_with('\u{c}'));
        found.push(Hyphenation {
            left,
            right,
            paragraph_end: alone && last,
        });
    }
    found
}

/// Every hyphenation a typesetter refuses in `project`'s PDFs, by file,
/// after printing every line-final hyphen with its fragments and the
/// count (`cargo test --test it typography:: -- --nocapture` is the measure).
fn refused_hyphenations_in(project: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut count = 0;
    for (name, text) in texts(project).into_iter().flatten() {
        for h in hyphenations(text) {
            count += 1;
            let mark = if h.refused() { "REFUSED" } else { "ok" };
            let end = if h.paragraph_end {
                " (paragraph end)"
            } else {
                ""
            };
            println!("{project}: {name}: {}-/{}{end} {mark}", h.left, h.right);
            if h.refused() {
                all.push(format!("{name}: {}-/{}{end}", h.left, h.right));
            }
        }
    }
    println!(
        "{project}: {count} line-final hyphens, {} refused",
        all.len()
    );
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
    let found = breaks_in(".");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_line_of_the_dragoer_taarnby_project_splits_a_date_a_section_or_an_amount() {
    let found = breaks_in("examples/dragoer-taarnby");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_line_of_the_aeroe_svendborg_project_splits_a_date_a_section_or_an_amount() {
    let found = breaks_in("examples/aeroe-svendborg");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_hyphenation_checker_finds_short_fragments_and_paragraph_ends() {
    let text = "der skal sø\u{ad}\nge om dispensation\nen ny an\u{ad}\nsøgning.\n\nhovedstads\u{ad}\nområdet er\nmange af ansøgnin\u{ad}\ngerne.\n";
    let found: Vec<bool> = hyphenations(text)
        .iter()
        .map(Hyphenation::refused)
        .collect();
    assert_eq!(found, [true, true, false, true], "{:?}", hyphenations(text));
    assert_eq!(
        hyphenations("kommunal\u{ad}\nbestyrelsen har")[0],
        Hyphenation {
            left: "kommunal".into(),
            right: "bestyrelsen".into(),
            paragraph_end: false
        }
    );
}

#[test]
fn no_hyphenation_of_the_default_project_leaves_a_short_fragment_or_ends_a_paragraph() {
    let found = refused_hyphenations_in(".");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_hyphenation_of_the_dragoer_taarnby_project_leaves_a_short_fragment_or_ends_a_paragraph() {
    let found = refused_hyphenations_in("examples/dragoer-taarnby");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_hyphenation_of_the_aeroe_svendborg_project_leaves_a_short_fragment_or_ends_a_paragraph() {
    let found = refused_hyphenations_in("examples/aeroe-svendborg");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Compounds of the shipped projects, each with the only places a
/// typesetter breaks it: where its parts meet. Written out here by hand,
/// apart from the parts dokgen knows, so that the two are checked against
/// each other.
const COMPOUNDS: &[(&str, &[&str])] = &[
    ("kommunalbestyrelse", &["kommunal"]),
    ("kommunaldirektør", &["kommunal"]),
    ("miljøområde", &["miljø"]),
    (
        "specialundervisningsområde",
        &["special", "specialundervisnings"],
    ),
    ("specialundervisning", &["special"]),
    ("beslutningsprotokol", &["beslutnings"]),
    ("protokoltilførsl", &["protokol"]),
    ("indbyggertal", &["indbygger"]),
    ("befolkningstal", &["befolknings"]),
    ("økonomiudvalg", &["økonomi"]),
    ("psykologfaglig", &["psykolog"]),
    ("indenrigsministeri", &["indenrigs"]),
    ("styregruppe", &["styre"]),
];

/// Every compound of [`COMPOUNDS`] in `project`'s PDFs broken inside one
/// of its parts, by file.
fn compounds_broken_inside_a_part(project: &str) -> Vec<String> {
    let mut all = Vec::new();
    for (name, text) in texts(project).into_iter().flatten() {
        for h in hyphenations(text) {
            let word = format!("{}{}", h.left, h.right).to_lowercase();
            let left = h.left.to_lowercase();
            let bad = COMPOUNDS.iter().any(|(compound, joints)| {
                word.starts_with(compound)
                    && left.chars().count() <= compound.chars().count()
                    && !joints.contains(&left.as_str())
            });
            if bad {
                all.push(format!("{name}: {}-/{}", h.left, h.right));
            }
        }
    }
    all
}

#[test]
fn no_compound_of_the_default_project_breaks_inside_a_part() {
    let found = compounds_broken_inside_a_part(".");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_compound_of_the_dragoer_taarnby_project_breaks_inside_a_part() {
    let found = compounds_broken_inside_a_part("examples/dragoer-taarnby");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_compound_of_the_aeroe_svendborg_project_breaks_inside_a_part() {
    let found = compounds_broken_inside_a_part("examples/aeroe-svendborg");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// In a column too narrow for them, compounds break where their parts
/// meet, read back from the PDF: "Miljø-/området", "kommunal-/bestyrelsen".
#[test]
fn a_compound_in_a_narrow_column_breaks_where_its_parts_meet() {
    if !have("pdftotext") {
        return;
    }
    assert_breaks_in_a_narrow_column(
        "Miljøområdet og kommunalbestyrelsen i en by",
        &["Miljø-/området", "kommunal-/bestyrelsen"],
    );
}

/// A compound a template turns into capitals (`upper` of a string, unlike
/// `upper` of content, changes the text itself) is written otherwise than
/// in the source, and still breaks where its parts meet.
#[test]
fn a_compound_set_in_capitals_breaks_where_its_parts_meet() {
    if !have("pdftotext") {
        return;
    }
    assert_breaks_in_a_narrow_column("Et #upper(\"miljøområdet\") i en by", &["MILJØ-/OMRÅDET"]);
}

/// Asserts that the words hyphenated at the ends of lines, read back from
/// the PDF, are `expected` when `markup` is set in a column 2.2 cm wide:
/// "Miljø-/området".
fn assert_breaks_in_a_narrow_column(markup: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("smal.typ");
    std::fs::write(
        &file,
        format!(
            "#import \"dokgen.typ\": *\n#show: dokument.with(titel: \"Smal\")\n#block(width: 2.2cm)[{markup}]\n"
        ),
    )
    .unwrap();
    let out = common::binary()
        .args(["compile", file.to_str().unwrap(), "--project"])
        .arg(repo())
        .args(["--date", "2024-01-01"])
        .output()
        .unwrap();
    assert_exit(&out, 0);
    let text = std::process::Command::new("pdftotext")
        .arg(dir.path().join("smal.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let found: Vec<String> = hyphenations(&text)
        .iter()
        .map(|h| format!("{}-/{}", h.left, h.right))
        .collect();
    assert_eq!(found, expected, "{text}");
}
