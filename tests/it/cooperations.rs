//! The three shipped projects, each a different shape of cooperation, read
//! back from their PDFs: Ishøj–Vallensbæk ends its cooperation in two
//! applications, Dragør–Tårnby took three areas out and kept two, and
//! Svendborg carries out Ærø's tasks on the island's behalf. The letters
//! say which areas remain and who carries them out for whom, phase wording
//! stands only where there are phases, the law is cited to its subsection,
//! the councils' decisions are stated with their dates, and the extract of
//! minutes a letter appends is the minutes word for word.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::common::{assert_exit, build, pdf_text, repo};

/// The projects, by name, with their folders in the repository.
const PROJECTS: [(&str, &str); 3] = [
    ("default", "."),
    ("dragoer-taarnby", "examples/dragoer-taarnby"),
    ("aeroe-svendborg", "examples/aeroe-svendborg"),
];

/// The text of every PDF of every project, by project and file stem, built
/// once for all tests.
fn texts() -> &'static BTreeMap<(&'static str, String), String> {
    static TEXTS: OnceLock<BTreeMap<(&'static str, String), String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let scratch = tempfile::tempdir().unwrap();
        let mut texts = BTreeMap::new();
        for (name, dir) in PROJECTS {
            let out = scratch.path().join(name);
            assert_exit(&build(&repo().join(dir), &out), 0);
            for entry in std::fs::read_dir(&out).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "pdf") {
                    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                    texts.insert((name, stem), pdf_text(&path));
                }
            }
        }
        texts
    })
}

fn text(project: &'static str, document: &str) -> &'static str {
    texts()
        .get(&(project, document.to_owned()))
        .unwrap_or_else(|| panic!("{project} has no {document}.pdf"))
}

/// The letters to the ministry of every project.
const LETTERS: [(&str, &str); 4] = [
    ("default", "ansoegning-1"),
    ("default", "ansoegning-2"),
    ("dragoer-taarnby", "ansoegning-1"),
    ("aeroe-svendborg", "ansoegning-specialundervisning"),
];

fn assert_says(project: &'static str, document: &str, sentence: &str) {
    let text = text(project, document);
    assert!(
        text.contains(sentence),
        "{project}/{document} does not say `{sentence}`:\n{text}"
    );
}

#[test]
fn each_letter_names_the_areas_that_remain_in_the_cooperation() {
    assert_says(
        "default",
        "ansoegning-1",
        "Imødekommes ansøgningen, omfatter det forpligtende samarbejde fortsat beskæftigelse og det sociale område.",
    );
    assert_says(
        "default",
        "ansoegning-2",
        "Imødekommes den principale anmodning, omfatter det forpligtende samarbejde ikke længere nogen opgaveområder, og samarbejdet ophører med virkning fra den 1. januar 2022. Imødekommes for beskæftigelse kun den subsidiære anmodning, forbliver beskæftigelse i samarbejdet.",
    );
    assert_says(
        "dragoer-taarnby",
        "ansoegning-1",
        "Imødekommes ansøgningen, omfatter det forpligtende samarbejde fortsat natur- og miljøområdet og beskæftigelsesområdet.",
    );
    assert_says(
        "aeroe-svendborg",
        "ansoegning-specialundervisning",
        "Imødekommes ansøgningen, omfatter det forpligtende samarbejde fortsat natur- og miljøområdet.",
    );
}

#[test]
fn delegation_says_who_carries_out_the_tasks_for_whom() {
    // Svendborg carries out the tasks for Ærø, which keeps the political
    // competence: the letter says so, and its table has a column for each.
    assert_says(
        "aeroe-svendborg",
        "ansoegning-specialundervisning",
        "Svendborg Kommune varetager fortsat opgaverne inden for natur- og miljøområdet på Ærø Kommunes vegne, mens Ærø Kommune bevarer den politiske kompetence.",
    );
    assert_says(
        "aeroe-svendborg",
        "ansoegning-specialundervisning",
        "Opgaveområde Varetages af På vegne af Politisk kompetence hos Status Natur- og miljøområdet Svendborg Kommune Ærø Kommune Ærø Kommune Forbliver",
    );
    // Where every area is carried out for all members, neither the
    // sentence nor the columns appear.
    for (project, letter) in &LETTERS[..3] {
        let text = text(project, letter);
        assert!(!text.contains("politiske kompetence"), "{project}/{letter}");
        assert!(
            text.contains("Opgaveområde Varetages af ") && !text.contains("På vegne af"),
            "{project}/{letter}:\n{text}"
        );
    }
}

#[test]
fn a_project_with_one_application_has_no_phase_wording() {
    let phased = [
        "Faseplan",
        "Ansøgning nr.",
        "ansøgning nr.",
        "nr. 1 af",
        "den næste ansøgning",
        "forrige ansøgning",
    ];
    for project in ["dragoer-taarnby", "aeroe-svendborg"] {
        for ((p, document), text) in texts() {
            if *p != project {
                continue;
            }
            for words in phased {
                assert!(
                    !text.contains(words),
                    "{project}/{document} says `{words}`:\n{text}"
                );
            }
        }
    }
    // The default project's two applications keep theirs.
    assert_says("default", "ansoegning-1", "Faseplan");
    assert_says("default", "ansoegning-2", "Denne ansøgning er nr. 2 af 2");
}

#[test]
fn every_letter_cites_the_law_to_its_subsection() {
    for (project, letter) in LETTERS {
        assert_says(
            project,
            letter,
            "efter § 11 a, stk. 2, i lov om forpligtende kommunale samarbejder",
        );
        let text = text(project, letter);
        assert!(!text.contains("§ 11 a i"), "{project}/{letter}");
        // The conditions the minister may set are stk. 3 (the sentence may
        // run over a page break, where the page's furniture comes between).
        assert!(
            text.contains("Efter § 11 a, stk. 3, i lov om")
                && text.contains("kan ministeren fastsætte vilkår"),
            "{project}/{letter}:\n{text}"
        );
    }
}

#[test]
fn the_councils_decisions_are_stated_with_their_dates() {
    let stated = [
        (
            "default",
            "ansoegning-1",
            "Ansøgningen er godkendt af byrådet i Ishøj Kommune den 28. august 2018 (dagsordenens punkt 2, jf. bilag 3) og af kommunalbestyrelsen i Vallensbæk Kommune den 22. august 2018.",
        ),
        (
            "default",
            "ansoegning-2",
            "Ansøgningen er godkendt af byrådet i Ishøj Kommune den 25. maj 2021 og af kommunalbestyrelsen i Vallensbæk Kommune den 19. maj 2021.",
        ),
        (
            "dragoer-taarnby",
            "ansoegning-1",
            "Ansøgningen er godkendt af kommunalbestyrelsen i Dragør Kommune den 28. januar 2021 (dagsordenens punkt 2, jf. bilag 3) og af kommunalbestyrelsen i Tårnby Kommune den 2. februar 2021 (dagsordenens punkt 1, jf. bilag 4).",
        ),
        (
            "aeroe-svendborg",
            "ansoegning-specialundervisning",
            "Ansøgningen er godkendt af kommunalbestyrelsen i Ærø Kommune den 30. januar 2020 (dagsordenens punkt 1, jf. bilag 1) og af byrådet i Svendborg Kommune den 28. januar 2020 (dagsordenens punkt 1, jf. bilag 2).",
        ),
    ];
    for (project, letter, sentence) in stated {
        assert_says(project, letter, sentence);
    }
}

#[test]
fn a_later_letter_cites_the_ministrys_decision_on_the_earlier_one() {
    assert_says(
        "default",
        "ansoegning-2",
        "Ved afgørelse af 13. december 2018 (sagsnr. 2018-14231) imødekom Økonomi- og Indenrigsministeriet kommunernes første ansøgning, så natur og miljø, genoptræning og specialundervisning udgik af samarbejdet med virkning fra den 1. januar 2019.",
    );
    assert!(!text("default", "ansoegning-1").contains("Ved afgørelse af"));
}

/// The text of agenda item `number` in `text`, from its number and title
/// to the end, to `until` (the next item's heading), to what closes the
/// protocol or the extract ("Mødet hævet", the signatures, the
/// certification) or to the item's annexes, without the page furniture: "Side n af m", the
/// running `header` of each page and a draft's mark.
fn item_text(text: &str, number: u32, title: &str, until: Option<&str>, header: &str) -> String {
    let start = text
        .rfind(&format!("{number}. {title}"))
        .unwrap_or_else(|| panic!("`{number}. {title}` is not in:\n{text}"));
    let end = until
        .into_iter()
        // What closes the protocol or the extract, and the item's list of
        // annexes (the meeting's, which an extract leaves out).
        .chain([
            "Mødet hævet",
            "Underskrifter",
            "Udskriftens rigtighed bekræftes",
            "Bilag Bilag 1:",
        ])
        .filter_map(|u| text[start..].find(u))
        .min()
        .map_or(text.len(), |at| start + at);
    // A draft's mark behind each page is page furniture too.
    let mut item = text[start..end]
        .replace(header, " ")
        .replace("U D K A S T", " ");
    while let Some(at) = item.find("Side ") {
        let rest = &item[at + 5..];
        let words: Vec<&str> = rest.splitn(4, ' ').collect();
        if words.len() >= 3 && words[1] == "af" {
            let len = 5 + words[0].len() + 4 + words[2].len();
            item.replace_range(at..at + len, " ");
        } else {
            break;
        }
    }
    // A hyphen of the text before a space ("Økonomi- og") is joined as
    // `pdf_text` joins it where it falls at a line end, and a line that
    // breaks after a slash ("natur/ miljø") is joined too, so that the two
    // texts compare alike wherever their lines break.
    item.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "")
        .replace("/ ", "/")
}

#[test]
fn the_minutes_extract_is_the_minutes_word_for_word() {
    let cases = [
        (
            "default",
            "ansoegning-1",
            "Ansøgning om dispensation efter § 11 a, stk. 2, i lov om forpligtende kommunale samarbejder · 3. september 2018",
            "byraad-2018-08-28-referat",
            "Byrådet i Ishøj Kommune · Referat · 28. august 2018",
            2,
            "Ansøgning om dispensation fra det forpligtende samarbejde med Vallensbæk Kommune",
            Some("3. Tilskud til foreningen Ishøj Strands Venner"),
        ),
        (
            "dragoer-taarnby",
            "ansoegning-1",
            "Ansøgning om dispensation efter § 11 a, stk. 2, i lov om forpligtende kommunale samarbejder · 4. februar 2021",
            "kommunalbestyrelse-2021-01-28-referat",
            "Kommunalbestyrelsen i Dragør Kommune · Referat · 28. januar 2021",
            2,
            "Ansøgning om dispensation fra det forpligtende samarbejde med Tårnby Kommune",
            Some("3. Forlængelse af aftale om vintertjeneste"),
        ),
        (
            "aeroe-svendborg",
            "ansoegning-specialundervisning",
            "Ansøgning om dispensation efter § 11 a, stk. 2, i lov om forpligtende kommunale samarbejder · 10. februar 2020",
            "kommunalbestyrelse-2020-01-30-referat",
            "Kommunalbestyrelsen i Ærø Kommune · Referat · 30. januar 2020",
            1,
            "Ansøgning om dispensation for specialundervisningen i samarbejdet med Svendborg Kommune",
            None,
        ),
    ];
    for (project, letter, letter_header, minutes, minutes_header, number, title, until) in cases {
        let extract = item_text(text(project, letter), number, title, None, letter_header);
        let original = item_text(text(project, minutes), number, title, until, minutes_header);
        assert_eq!(
            extract, original,
            "{project}: {letter} and {minutes} differ"
        );
        assert!(extract.contains("Godkendt."), "{extract}");
    }
}

#[test]
fn rules_that_are_not_given_leave_no_trace() {
    // Ærø–Svendborg gives only the cooperation's base: no 20.000 line, no
    // merger, no first-phase rule; its chart gives each municipality its
    // own scale (an island of 6.000 beside a partner of 59.000).
    let strategy = text("aeroe-svendborg", "strategi");
    // (Its chart's axes run from zero, so "20.000" may stand at a tick.)
    for absent in ["20.000 indbyggere", "grænsen", "sammenlægning"] {
        assert!(!strategy.contains(absent), "`{absent}` in:\n{strategy}");
    }
    assert!(
        strategy.contains("Figur 1: Indbyggertal pr. 1. januar (hver kommune med sin egen skala)"),
        "{strategy}"
    );
    assert_says(
        "default",
        "strategi",
        "Figur 1: Indbyggertal pr. 1. januar og grænsen på 20.000 indbyggere",
    );
}

#[test]
fn no_project_names_another_projects_municipalities() {
    let names = [
        ("default", ["Ishøj", "Vallensbæk"]),
        ("dragoer-taarnby", ["Dragør", "Tårnby"]),
        ("aeroe-svendborg", ["Ærø", "Svendborg"]),
    ];
    for ((project, document), text) in texts() {
        for (owner, pair) in names {
            let named = pair.iter().any(|name| text.contains(name));
            if owner == *project {
                assert!(named, "{project}/{document} names neither of {pair:?}");
            } else {
                assert!(
                    !named,
                    "{project}/{document} names one of {pair:?}:\n{text}"
                );
            }
        }
    }
}
