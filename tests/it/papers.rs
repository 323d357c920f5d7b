//! Meeting papers as Danish practice has them, read back from every PDF of
//! the three shipped projects: an agenda shows neither apologies nor a
//! decision; minutes name who took them; every internal file says so in its
//! name and on its first page, and no public file holds a closed item's
//! content, only its number and neutral title. And `dokgen check` warns
//! where a secretariat should look before sending.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::common::{assert_exit, build, copy_default_project, dokgen, edit, have, pdf_text, repo};
use serde_yaml::Value;

/// Each paper of `project` (a PDF whose name says "dagsorden" or
/// "referat"), by file name: its whole text, and its first page's text.
fn papers(project: &Path) -> BTreeMap<String, (String, String)> {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project, out.path()), 0);
    common::pdfs(out.path())
        .into_keys()
        .filter(|name| name.contains("dagsorden") || name.contains("referat"))
        .map(|name| {
            let path = out.path().join(&name);
            let first = if have("pdftotext") {
                let page = Command::new("pdftotext")
                    .args(["-f", "1", "-l", "1"])
                    .arg(&path)
                    .arg("-")
                    .output()
                    .expect("pdftotext runs");
                String::from_utf8_lossy(&page.stdout)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                String::new()
            };
            (name, (pdf_text(&path), first))
        })
        .collect()
}

/// The closed items of each of `project`'s meetings, by meeting id:
/// (title, case number, neutral title).
fn closed_items(project: &Path) -> BTreeMap<String, Vec<(String, String, String)>> {
    let text = std::fs::read_to_string(project.join("content/moeder.yaml")).unwrap();
    let facts: Value = serde_yaml::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for meeting in facts["meetings"].as_sequence().into_iter().flatten() {
        let id = meeting["id"].as_str().unwrap().to_owned();
        let items = meeting["items"].as_sequence().into_iter().flatten();
        let closed = items
            .filter_map(|item| {
                let closed = item.get("closed")?;
                Some((
                    item["title"].as_str()?.to_owned(),
                    item["case_number"].as_str()?.to_owned(),
                    closed["public_title"].as_str()?.to_owned(),
                ))
            })
            .collect();
        out.insert(id, closed);
    }
    out
}

/// The meeting of each of `project`'s papers, by PDF name.
fn meetings_of_papers(project: &Path) -> BTreeMap<String, String> {
    let dir = project.join("content/documents");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).ok()?;
            let spec: Value = serde_yaml::from_str(&text).ok()?;
            let meeting = spec.get("meeting")?.as_str()?.to_owned();
            Some((format!("{}.pdf", spec["output"].as_str()?), meeting))
        })
        .collect()
}

/// Whether `text` has `word` as a word of its own (not "Beslutningstema").
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

/// Every rule of the papers, for one project; each breach is listed.
fn breaches(project: &Path) -> Vec<String> {
    let closed = closed_items(project);
    let meeting_of = meetings_of_papers(project);
    let mut found = Vec::new();
    for (name, (text, first_page)) in papers(project) {
        let internal_name = name.contains("intern");
        if name.contains("dagsorden") {
            for after in ["Afbud", "Beslutning", "Referent", "Godkendt", "Tiltrådt"] {
                if has_word(&text, after) {
                    found.push(format!("{name}: the agenda prints `{after}`"));
                }
            }
        } else if !has_word(&text, "Referent") {
            found.push(format!("{name}: the minutes do not name who took them"));
        }
        let says_internal = text.contains("Intern udgave");
        if internal_name != says_internal {
            found.push(format!(
                "{name}: the name and the text disagree on whether it is internal"
            ));
        }
        if internal_name && have("pdftotext") && !first_page.contains("må ikke offentliggøres") {
            found.push(format!(
                "{name}: the first page does not say it is internal"
            ));
        }
        let meeting = meeting_of
            .get(&name)
            .unwrap_or_else(|| panic!("{name} names no meeting"));
        for (title, case_number, public_title) in &closed[meeting] {
            if internal_name {
                continue;
            }
            if text.contains(title.as_str()) || text.contains(&format!("Sagsnr.: {case_number}")) {
                found.push(format!(
                    "{name}: the public papers hold the closed item `{title}`"
                ));
            }
            if !text.contains(&format!("Lukket punkt: {public_title}")) {
                found.push(format!(
                    "{name}: the closed item `{public_title}` is not listed in its place"
                ));
            }
        }
    }
    found
}

#[test]
fn the_default_projects_papers_follow_meeting_practice() {
    let found = breaches(&repo());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_dragoer_taarnby_papers_follow_meeting_practice() {
    let found = breaches(&repo().join("examples/dragoer-taarnby"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_aeroe_svendborg_papers_follow_meeting_practice() {
    let found = breaches(&repo().join("examples/aeroe-svendborg"));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn check_warns_about_an_amount_without_an_economy_section() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    edit(
        &project.path().join("content/moeder.yaml"),
        "        finances: prosa/moeder/styregruppe/fagsystem-oekonomi.md\n",
        "",
    );
    edit(
        &project
            .path()
            .join("content/prosa/moeder/styregruppe/fagsystem-sag.md"),
        "forlænges med et år,",
        "forlænges med et år til en pris af 1,2 mio. kr.,",
    );
    let output = dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&output, 0);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: content/moeder.yaml:59:9: meetings[1].items[2]: the item \"Forhandlingsmandat om fagsystem til jobcentret\" names an amount (1,2 mio.) but has no Økonomi section"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("add `finances: <prose file>`"), "{stderr}");
    // With the section, no warning.
    let shipped = dokgen(&["check", repo().to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&shipped.stderr).contains("Økonomi section"));
}

#[test]
fn check_warns_about_a_letter_that_argues_from_old_figures() {
    let output = dokgen(&["check", repo().to_str().unwrap()]);
    assert_exit(&output, 0);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The second letter (June 2021) has only Ishøj's figure of 2018.
    assert!(
        stderr.contains(
            "application: the letter of 2021-06-01 argues from Ishøj Kommune's population on 2018-01-01, the newest figure the facts give"
        ),
        "{stderr}"
    );
    // The first letter (September 2018) has the figures of that January.
    assert!(!stderr.contains("the letter of 2018-09-03"), "{stderr}");
}

/// The default project with each `(find, replace)` of `edits` made in its
/// meetings (content/moeder.yaml), built: the project, and the folder of
/// its PDFs.
fn meetings_edited(edits: &[(&str, &str)]) -> (tempfile::TempDir, tempfile::TempDir) {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let facts = project.path().join("content/moeder.yaml");
    for (find, replace) in edits {
        edit(&facts, find, replace);
    }
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    (project, out)
}

/// The text of a paper of the steering group's meeting in `out`, by the
/// end of its name (`referat-intern`, `dagsorden`).
fn steering_group_paper(out: &tempfile::TempDir, version: &str) -> String {
    pdf_text(
        &out.path()
            .join(format!("styregruppe-2017-06-19-{version}.pdf")),
    )
}

/// The default project's steering group meeting with attendance given:
/// an apology with a substitute, a member who left after item 2, and a
/// conflict of interest in item 1: the project, and its internal minutes
/// as text.
fn minutes_with_attendance() -> (tempfile::TempDir, String) {
    let (project, out) = meetings_edited(&[
        (
            "    absent: []\n    minute_taker: { official: chief_executive, municipality: vallensbaek }\n",
            "    absent: [Kåre Svarre Jakobsen]\n    substitutes:\n      - { name: Lone Bang, instead_of: Kåre Svarre Jakobsen }\n    partly:\n      - { member: Ole Bjørstorp, until_item: 2 }\n    minute_taker: { official: chief_executive, municipality: vallensbaek }\n    ended: \"15:40\"\n",
        ),
        (
            "            file: content/bilag/tidsplan-for-strategien.pdf\n      - title: Afregning af ydelser mellem kommunerne\n",
            "            file: content/bilag/tidsplan-for-strategien.pdf\n        conflicted:\n          - { member: Henrik Rasmussen, reason: er bestyrelsesmedlem i leverandørens selskab }\n        vote: { for: [Ole Bjørstorp, Lone Bang], against: [Lars Hansen] }\n        decided_by: Byrådet i Ishøj Kommune\n        dissents:\n          - { member: Lars Hansen, text: Strategien bør afvente budgettet. }\n      - title: Afregning af ydelser mellem kommunerne\n",
        ),
    ]);
    let text = steering_group_paper(&out, "referat-intern");
    (project, text)
}

#[test]
fn the_minutes_name_who_stood_in_and_who_took_part_in_some_items_only() {
    let (_, text) = minutes_with_attendance();
    assert!(text.contains("Afbud Kåre Svarre Jakobsen"), "{text}");
    assert!(
        text.contains("Stedfortrædere Lone Bang for Kåre Svarre Jakobsen"),
        "{text}"
    );
    assert!(
        text.contains("Deltog delvis Ole Bjørstorp (til og med punkt 2)"),
        "{text}"
    );
}

#[test]
fn the_minutes_say_under_an_item_who_had_a_conflict_of_interest_and_who_was_away() {
    let (_, text) = minutes_with_attendance();
    assert!(
        text.contains(
            "budgettet. Henrik Rasmussen erklærede sig inhabil (er bestyrelsesmedlem i leverandørens selskab), hvilket styregruppen for det forpligtende samarbejde godkendte, og Henrik Rasmussen deltog ikke i behandlingen af punktet."
        ),
        "{text}"
    );
    // Ole Bjørstorp left after item 2: away for item 3 only.
    assert_eq!(
        text.matches("Fraværende under punktet: Ole Bjørstorp.")
            .count(),
        1,
        "{text}"
    );
}

#[test]
fn the_minutes_print_the_vote_the_dissent_and_the_body_that_decides() {
    let (_, text) = minutes_with_attendance();
    assert!(
        text.contains(
            "For stemte: Ole Bjørstorp og Lone Bang (2). Imod stemte: Lars Hansen (1). Lars Hansen ønskede følgende tilført protokollen: Strategien bør afvente budgettet."
        ),
        "{text}"
    );
    assert!(
        text.contains("Sagsnr.: 17/2104 Sagen afgøres i: Byrådet i Ishøj Kommune"),
        "{text}"
    );
}

#[test]
fn the_minutes_end_with_the_time_and_a_signature_for_each_who_took_part() {
    let (_, text) = minutes_with_attendance();
    assert!(
        text.contains("Godkendt. Fraværende under punktet: Ole Bjørstorp. Mødet hævet kl. 15.40."),
        "{text}"
    );
    // Every member who took part (the absent one not, the substitute too).
    assert!(
        text.contains(
            "Underskrifter Protokollen er godkendt og underskrevet af: Ole Bjørstorp Henrik Rasmussen Lars Hansen Lone Bang"
        ),
        "{text}"
    );
}

#[test]
fn minutes_signed_by_the_chair_and_the_secretary_name_those_two() {
    let (_, out) = meetings_edited(&[(
        "    absent: []\n    minute_taker: { official: chief_executive, municipality: vallensbaek }\n",
        "    absent: []\n    chair: Henrik Rasmussen\n    signing: chair_and_secretary\n    minute_taker: { official: chief_executive, municipality: vallensbaek }\n",
    )]);
    let text = steering_group_paper(&out, "referat");
    assert!(
        text.contains("underskrevet af: Henrik Rasmussen Lars Hansen Side"),
        "{text}"
    );
}

#[test]
fn a_template_sees_who_took_part_in_each_item() {
    let (project, _) = minutes_with_attendance();
    let present = |item: usize| {
        let output = dokgen(&[
            "explain",
            "styregruppe-2017-06-19-referat-intern",
            &format!("papers.items.{item}.present"),
            "--project",
            project.path().to_str().unwrap(),
        ]);
        assert_exit(&output, 0);
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        text.lines()
            .find_map(|l| l.split_once(".present").map(|(_, v)| v.trim().to_owned()))
            .unwrap_or(text)
    };
    // Item 1: without the conflicted member and the absent one, with the
    // substitute.
    assert_eq!(
        present(0),
        "list of 3: Ole Bjørstorp, Lars Hansen, Lone Bang"
    );
    assert_eq!(
        present(1),
        "list of 4: Ole Bjørstorp, Henrik Rasmussen, Lars Hansen, Lone Bang"
    );
    // Item 3: the member who left after item 2 is away.
    assert_eq!(
        present(2),
        "list of 3: Henrik Rasmussen, Lars Hansen, Lone Bang"
    );
}

#[test]
fn only_the_council_closes_an_item_for_closed_doors() {
    // The steering group's meeting, held as the council's (`body_kind`),
    // may cite kommunestyrelseslovens § 10.
    let (_, out) = meetings_edited(&[
        (
            "    secretariat: vallensbaek\n",
            "    secretariat: vallensbaek\n    body_kind: council\n",
        ),
        (
            "          basis: \"offentlighedslovens §\\u00a030, nr.\\u00a02, og §\\u00a033, nr.\\u00a03\"",
            "          basis: \"kommunestyrelseslovens §\\u00a010, jf. offentlighedslovens §\\u00a030, nr.\\u00a02\"",
        ),
    ]);
    let text = steering_group_paper(&out, "referat-intern");
    assert!(
        text.contains(
            "Punktet behandles for lukkede døre efter kommunestyrelseslovens § 10, jf. offentlighedslovens § 30, nr. 2."
        ),
        "{text}"
    );
}

#[test]
fn the_public_minutes_publish_what_may_be_said_of_a_closed_items_decision() {
    // The shipped steering group's closed item has a public wording.
    let (_, out) = meetings_edited(&[]);
    let public = steering_group_paper(&out, "referat");
    assert!(
        public.contains(
            "3. Lukket punkt: Forhandlingsmandat Styregruppen gav administrationerne et forhandlingsmandat."
        ),
        "{public}"
    );
    assert!(!public.contains("forlængelse"), "{public}");
    // The agenda has no decision to publish.
    let agenda = steering_group_paper(&out, "dagsorden");
    assert!(!agenda.contains("forhandlingsmandat."), "{agenda}");
}
