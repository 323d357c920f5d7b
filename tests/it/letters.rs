//! Letters a ministry does not send back, read back from the PDFs and from
//! what `dokgen check` says: the ministry and the minister of each
//! document's date from dokgen's own table, every applicant signing or
//! enclosing its council's decision in place of a signature, and annexes
//! named by the documents they are.

use std::path::Path;

use crate::common::{assert_exit, build, copy_default_project, dokgen, edit, pdf_text, repo};

/// The text of `document`.pdf of the project at `project`, built into a
/// scratch folder.
fn built_text(project: &Path, document: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project, out.path()), 0);
    pdf_text(&out.path().join(format!("{document}.pdf")))
}

/// A copy of the default project with each `(file, find, replace)` made.
fn edited(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    for (file, find, replace) in edits {
        edit(&project.path().join(file), find, replace);
    }
    project
}

/// What `dokgen check` of `project` wrote to standard error; it must
/// succeed.
fn check_passes(project: &Path) -> String {
    let output = dokgen(&["check", project.to_str().unwrap()]);
    assert_exit(&output, 0);
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn says(text: &str, needle: &str) {
    assert!(text.contains(needle), "`{needle}` is not in:\n{text}");
}

#[test]
fn each_letter_goes_to_the_ministry_of_its_date_from_dokgens_table() {
    // No shipped application names its addressee: the table does.
    let default = repo();
    let letters = [
        (
            "",
            "ansoegning-1",
            [
                "Økonomi- og Indenrigsministeriet",
                "Slotsholmsgade 10",
                "1216 København K",
            ],
        ),
        (
            "",
            "ansoegning-2",
            [
                "Indenrigs- og Boligministeriet",
                "Stormgade 2-6",
                "1470 København K",
            ],
        ),
        (
            "examples/aeroe-svendborg",
            "ansoegning-specialundervisning",
            [
                "Social- og Indenrigsministeriet",
                "Holmens Kanal 22",
                "1060 København K",
            ],
        ),
    ];
    for (project, letter, lines) in letters {
        let text = built_text(&default.join(project), letter);
        // The addressee, line by line, before the letter's date.
        let head = &text[..text.find("Ansøgning om dispensation").unwrap()];
        for line in lines {
            says(head, line);
        }
    }
}

#[test]
fn the_minister_in_prose_is_the_one_of_the_documents_date() {
    // The strategy of August 2017 and the one of August 2020, from
    // `{{ ministry.minister }}`.
    says(
        &built_text(&repo(), "strategi"),
        "ansøgning om dispensation til økonomi- og indenrigsministeren",
    );
    says(
        &built_text(&repo().join("examples/dragoer-taarnby"), "strategi"),
        "sendes derefter til social- og indenrigsministeren",
    );
}

#[test]
fn an_addressee_that_is_not_the_ministry_of_the_date_is_warned() {
    let project = edited(&[(
        "content/ansoegninger.yaml",
        "    case_number: 18/04512\n",
        "    addressee:\n      name: Indenrigs- og Sundhedsministeriet\n      address: [Slotsholmsgade 10-12, 1216 København K]\n    case_number: 18/04512\n",
    )]);
    let stderr = check_passes(project.path());
    says(
        &stderr,
        "warning: content/ansoegninger.yaml:15:13: applications.ansoegning-1.addressee.name: the application is addressed to Indenrigs- og Sundhedsministeriet, but on 2018-09-03 the law on binding cooperation was under Økonomi- og Indenrigsministeriet",
    );
    says(
        &stderr,
        "leave `addressee` out and dokgen names Økonomi- og Indenrigsministeriet",
    );
    // The letter still goes where the project says.
    let letter = built_text(project.path(), "ansoegning-1");
    says(&letter, "Indenrigs- og Sundhedsministeriet");
    says(&letter, "Slotsholmsgade 10-12");
}

#[test]
fn a_minister_written_into_prose_by_another_title_is_warned_at_its_line() {
    let project = edited(&[(
        "content/prosa/sigtelinjer/4-jobcenter.md",
        "dispensation til {{ ministry.minister }}.",
        "dispensation til indenrigsministeren.",
    )]);
    let stderr = check_passes(project.path());
    says(
        &stderr,
        "warning: content/prosa/sigtelinjer/4-jobcenter.md:3:",
    );
    // On the date of the first document that prints the strategic lines'
    // prose (the steering group's agenda of June 2017 names them too).
    says(&stderr, "“indenrigsministeren” on 2017-");
    says(
        &stderr,
        ": the minister responsible for the law was økonomi- og indenrigsministeren",
    );
    assert!(!check_passes(&repo()).contains("the minister responsible"));
}

#[test]
fn an_annex_that_names_a_document_takes_its_title_and_date() {
    let letter = built_text(&repo(), "ansoegning-1");
    says(
        &letter,
        "Bilag 1: Udkast til strategi for det forpligtende samarbejde af 21. august 2017",
    );
    // The steering group's papers annex the draft strategy of Dragør too.
    says(
        &built_text(
            &repo().join("examples/dragoer-taarnby"),
            "styregruppe-2020-10-08-referat",
        ),
        "Udkast til strategi for det forpligtende samarbejde med Tårnby Kommune af 27. august 2020",
    );
}

#[test]
fn an_annex_titled_like_a_document_it_does_not_name_is_warned() {
    let project = edited(&[(
        "content/ansoegninger.yaml",
        "    annexes:\n      - document: strategi\n      - meeting: styregruppe-2017-06\n",
        "    annexes:\n      - title: Strategi for det forpligtende samarbejde\n      - meeting: styregruppe-2017-06\n",
    )]);
    let stderr = check_passes(project.path());
    says(
        &stderr,
        "applications.ansoegning-1.annexes[0].title: the annex “Strategi for det forpligtende samarbejde” looks like the document `strategi` (“Udkast til strategi for det forpligtende samarbejde” of 2017-08-21) but does not name it",
    );
    says(&stderr, "write `document: strategi` instead of the title");
    assert!(!check_passes(&repo()).contains("looks like the document"));
}

#[test]
fn a_council_that_does_not_sign_encloses_its_decision_in_place_of_a_signature() {
    let dragoer = built_text(&repo().join("examples/dragoer-taarnby"), "ansoegning-1");
    says(
        &dragoer,
        "Tiltrådt af kommunalbestyrelsen i Tårnby Kommune den 2. februar 2021, jf. bilag 4",
    );
    says(
        &dragoer,
        "Bilag 4: Udskrift af beslutningsprotokollen for kommunalbestyrelsen i Tårnby Kommune, mødet den 2. februar 2021, punkt 1",
    );
    let aeroe = built_text(
        &repo().join("examples/aeroe-svendborg"),
        "ansoegning-specialundervisning",
    );
    says(
        &aeroe,
        "Tiltrådt af byrådet i Svendborg Kommune den 28. januar 2020, jf. bilag 2",
    );
}

#[test]
fn no_shipped_letter_is_a_draft() {
    let letters = [
        ("", "ansoegning-1"),
        ("", "ansoegning-2"),
        ("examples/dragoer-taarnby", "ansoegning-1"),
        ("examples/aeroe-svendborg", "ansoegning-specialundervisning"),
    ];
    for (project, letter) in letters {
        // The draft's mark reads "UDKAST", or its letters one by one in the
        // order a reader meets them across the page.
        let text: String = built_text(&repo().join(project), letter)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            !text.contains("UDKAST") && !text.contains("TSAKDU"),
            "{project} {letter} is marked as a draft"
        );
    }
}

#[test]
fn a_subsidiary_request_cites_its_provision_in_an_executive_order() {
    let project = edited(&[
        (
            "content/samarbejde.yaml",
            "  conditions: { section: \"11 a\", subsection: 3 }\n",
            "  conditions: { section: \"11 a\", subsection: 3 }\n  orders:\n    bek-656: { number: 656, date: 2005-06-29 }\n",
        ),
        (
            "content/ansoegninger.yaml",
            "        subsidiary: \"at der oprettes en jobcentersatellit i {{ municipalities.ishoej.name }}\"\n",
            "        subsidiary: \"at der oprettes en jobcentersatellit i {{ municipalities.ishoej.name }}\"\n        provision: { section: \"13\", order: bek-656 }\n",
        ),
    ]);
    says(
        &built_text(project.path(), "ansoegning-2"),
        "og subsidiært om, at der oprettes en jobcentersatellit i Ishøj Kommune, jf. § 13 i bekendtgørelse nr. 656 af 29. juni 2005.",
    );
}
