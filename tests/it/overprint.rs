//! Nothing prints over anything: every page of every shipped PDF read back
//! as words with their boxes (poppler's `pdftotext -bbox`, a reader
//! independent of the typesetter), and no two words share ink. A project
//! with the longest area and body names of real Danish municipalities
//! builds without overprinting, its compounds broken in their cells.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{self, assert_exit, build, dokgen, have, repo};

/// A word as a PDF reader places it, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    page: usize,
    text: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

impl Word {
    /// The body of the word's letters: the box a reader gives runs from
    /// the font's ascender to its descender, so the boxes of close lines
    /// touch; the band from the baseline up to about the x-height is ink.
    fn ink(&self) -> (f64, f64, f64, f64) {
        let height = self.y_max - self.y_min;
        let baseline = self.y_max - 0.22 * height;
        (
            self.x_min + 0.5,
            baseline - 0.33 * height,
            self.x_max - 0.5,
            baseline,
        )
    }
}

/// The words of `pdf`, page by page.
fn words(pdf: &Path) -> Vec<Word> {
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext -bbox {}", pdf.display());
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// The words of `pdftotext -bbox` output.
fn parse(html: &str) -> Vec<Word> {
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let mut found = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, text) = rest.split_once('>').unwrap();
            let text = text.trim_end_matches("</word>");
            found.push(Word {
                page,
                text: text.to_owned(),
                x_min: attribute(tag, "xMin"),
                y_min: attribute(tag, "yMin"),
                x_max: attribute(tag, "xMax"),
                y_max: attribute(tag, "yMax"),
            });
        }
    }
    found
}

/// Each pair of words whose ink meets, as "page N: a / b".
fn overprints(words: &[Word]) -> Vec<String> {
    let mut by_page: BTreeMap<usize, Vec<&Word>> = BTreeMap::new();
    for w in words {
        by_page.entry(w.page).or_default().push(w);
    }
    let mut found = Vec::new();
    for (page, words) in by_page {
        for (i, a) in words.iter().enumerate() {
            let (ax0, ay0, ax1, ay1) = a.ink();
            for b in &words[i + 1..] {
                let (bx0, by0, bx1, by1) = b.ink();
                if ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1 {
                    found.push(format!("page {page}: {} / {}", a.text, b.text));
                }
            }
        }
    }
    found
}

/// Every overprint in the PDFs `project` makes, by file.
fn overprints_in(project: &Path) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project, out.path()), 0);
    let mut all = Vec::new();
    for name in common::pdfs(out.path()).into_keys() {
        for o in overprints(&words(&out.path().join(&name))) {
            all.push(format!("{name}: {o}"));
        }
    }
    all
}

fn shipped_project_prints_nothing_over_anything(project: &str) {
    if !have("pdftotext") {
        return;
    }
    let found = overprints_in(&repo().join(project));
    assert!(found.is_empty(), "{project}: {found:#?}");
}

#[test]
fn the_checker_finds_words_that_share_ink_and_not_words_on_close_lines() {
    let word = |page, text: &str, x: f64, y: f64, width: f64| Word {
        page,
        text: text.to_owned(),
        x_min: x,
        y_min: y,
        x_max: x + width,
        y_max: y + 13.6,
    };
    let html = r#"<page width="595" height="842">
<word xMin="70.0" yMin="100.0" xMax="190.0" yMax="113.6">Specialundervisningsområdet</word>
<word xMin="160.0" yMin="100.0" xMax="260.0" yMax="113.6">Frederikshavn</word>
</page>"#;
    let parsed = parse(html);
    assert_eq!(
        parsed,
        [
            word(1, "Specialundervisningsområdet", 70.0, 100.0, 120.0),
            word(1, "Frederikshavn", 160.0, 100.0, 100.0),
        ]
    );
    assert_eq!(
        overprints(&parsed),
        ["page 1: Specialundervisningsområdet / Frederikshavn"]
    );
    // Lines 13.4 pt apart, whose reader's boxes overlap by a hair, and two
    // neighbours that touch: no ink is shared.
    let close = [
        word(1, "første", 70.0, 100.0, 40.0),
        word(1, "anden", 70.0, 113.4, 40.0),
        word(1, "tredje", 110.0, 113.4, 40.0),
        word(2, "første", 70.0, 100.0, 40.0),
    ];
    assert_eq!(overprints(&close), Vec::<String>::new());
}

#[test]
fn no_page_of_the_default_project_prints_over_anything() {
    shipped_project_prints_nothing_over_anything(".");
}

#[test]
fn no_page_of_the_dragoer_taarnby_project_prints_over_anything() {
    shipped_project_prints_nothing_over_anything("examples/dragoer-taarnby");
}

#[test]
fn no_page_of_the_aeroe_svendborg_project_prints_over_anything() {
    shipped_project_prints_nothing_over_anything("examples/aeroe-svendborg");
}

/// The longest names of real municipalities and of their task areas
/// (Ringkøbing-Skjern, Vesthimmerland, Frederikshavn and Læsø; the areas as
/// secretariats write them) in the area table of a letter, where four
/// columns share the width: each compound breaks in its own cell.
#[test]
fn the_longest_real_names_in_the_area_table_break_in_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("laesoe");
    let out = dokgen(&[
        "new",
        project.to_str().unwrap(),
        "--member",
        "Læsø",
        "--member",
        "Frederikshavn",
        "--member",
        "Ringkøbing-Skjern",
        "--member",
        "Vesthimmerland",
        "--area",
        "specialundervisningsområdet=Frederikshavn for Læsø",
        "--area",
        "beskæftigelsesområdet=Vesthimmerland for Læsø",
        "--area",
        "socialpsykiatriområdet=Ringkøbing-Skjern for Læsø,Vesthimmerland",
        "--area",
        "genoptræningsområdet=Frederikshavn",
        "--competence",
        "specialundervisningsområdet=Læsø",
        "--competence",
        "beskæftigelsesområdet=Læsø",
        "--leaving",
        "specialundervisningsområdet",
        "--date",
        "2024-03-01",
    ]);
    assert_exit(&out, 0);
    let output = tempfile::tempdir().unwrap();
    let built = build(&project, output.path());
    assert_exit(&built, 0);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!stderr.contains("prints over"), "{stderr}");
    if !have("pdftotext") {
        return;
    }
    // The new project's letter is a draft: its mark, UDKAST, is drawn
    // across the page behind the text on purpose, letter by letter.
    let mut words = words(&output.path().join("ansoegning.pdf"));
    words.retain(|w| !(w.text.chars().count() == 1 && "UDKAST".contains(w.text.as_str())));
    assert_eq!(overprints(&words), Vec::<String>::new());
    // The compound is there, broken in its cell at a hyphen.
    let text: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    assert!(
        text.iter().any(|w| w.starts_with("Specialundervisnings")),
        "{text:?}"
    );
}

/// A Typst source a person has, typeset with `dokgen compile`, is held to
/// the same: a word that runs into the next cell is refused at its line,
/// and no PDF is written.
#[test]
fn a_source_compiled_by_hand_that_prints_over_itself_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("prøve.typ");
    std::fs::write(
        &file,
        "#import \"dokgen.typ\": *\n#show: dokument.with(titel: \"Prøve\")\n#set text(hyphenate: false)\n#table(columns: (2cm, 4cm), table.header([Område], [Kommune]), [Specialundervisningsområdet], [Frederikshavn Kommune])\n",
    )
    .unwrap();
    let out = dokgen(&[
        "compile",
        file.to_str().unwrap(),
        "--project",
        repo().to_str().unwrap(),
        "--date",
        "2024-01-01",
    ]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".generated.typ:4:65: text prints over other text on page 1: “Specialundervisningsområdet” runs into “Frederikshavn”"),
        "{stderr}"
    );
    assert!(!dir.path().join("prøve.pdf").exists());
}
