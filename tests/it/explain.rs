//! `dokgen explain`: what a document's template and prose can use, and
//! what a line's `{{ … }}` give; and the undefined-value errors that say
//! what there is instead.

use crate::common;

use crate::common::{assert_exit, dokgen, repo};

fn explain(args: &[&str]) -> String {
    let project = repo();
    let mut all = vec!["explain"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--project", project.to_str().unwrap()]);
    let out = dokgen(&all);
    assert_exit(&out, 0);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn explain_lists_the_later_areas_of_an_application_with_their_value_and_use() {
    let text = explain(&["ansoegning-1"]);
    let line = text
        .lines()
        .find(|l| l.trim_start_matches(['*', ' ']).starts_with("later_areas "))
        .unwrap_or_else(|| panic!("no later_areas in:\n{text}"));
    assert!(
        line.contains("list of 2: beskæftigelse, det sociale område"),
        "{line}"
    );
    // The template and its prose use the application and its areas.
    for used in ["application ", "areas "] {
        let line = text
            .lines()
            .find(|l| l.trim_start_matches(['*', ' ']).starts_with(used))
            .unwrap();
        assert!(line.starts_with('*'), "{line}");
    }
    assert!(
        text.contains(
            "Prose keys the template places (document.prose.<key>): ansoegning, baggrund, begrundelse, faseplan, overgang"
        ),
        "{text}"
    );
}

#[test]
fn explain_shows_one_value_when_asked() {
    let text = explain(&["ansoegning-1", "application.later_areas"]);
    assert!(text.contains("application.later_areas"), "{text}");
    assert!(!text.contains("municipalities"), "{text}");
}

#[test]
fn explain_at_a_line_gives_the_value_of_each_placeholder() {
    let text = explain(&[
        "ansoegning-1",
        "--at",
        "content/prosa/ansoegning/ansoegning.md:1",
    ]);
    assert!(
        text.contains("{{ application.start | dato }}  →  \"1. januar 2019\""),
        "{text}"
    );
    assert!(
        text.contains(
            "{{ application.applicant_names | liste }}  →  \"Ishøj Kommune og Vallensbæk Kommune\""
        ),
        "{text}"
    );
}

#[test]
fn explain_of_an_unknown_document_or_value_names_the_nearest() {
    let project = repo();
    let p = project.to_str().unwrap();
    let out = dokgen(&["explain", "ansoegning-3", "--project", p]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the project has no document `ansoegning-3`"),
        "{stderr}"
    );
    assert!(stderr.contains("ansoegning-1"), "{stderr}");

    let out = dokgen(&[
        "explain",
        "ansoegning-1",
        "application.later_area",
        "--project",
        p,
    ]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `later_areas`?"), "{stderr}");
}

#[test]
fn an_unknown_key_in_brackets_lists_the_keys_there_are() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    let prose = dir.path().join("content/prosa/ansoegning/ansoegning.md");
    let mut text = std::fs::read_to_string(&prose).unwrap();
    text.push_str("\n{{ application_by_id[\"ansoegning-3\"].date | dato }}\n");
    std::fs::write(&prose, text).unwrap();
    let out = dokgen(&["check", dir.path().to_str().unwrap()]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "`application_by_id` has no `ansoegning-3`; it has ansoegning-1, ansoegning-2"
        ),
        "{stderr}"
    );
}

#[test]
fn explain_at_reads_a_declaration_but_no_file_outside_the_project() {
    let text = explain(&[
        "ansoegning-1",
        "--at",
        "content/documents/ansoegning-1.yaml:4",
    ]);
    assert!(
        text.contains("→  \"§ 11 a, stk. 2, i lov om forpligtende kommunale samarbejder\""),
        "{text}"
    );
    let project = repo();
    let out = dokgen(&[
        "explain",
        "ansoegning-1",
        "--at",
        "../../../../../../etc/hostname:1",
        "--project",
        project.to_str().unwrap(),
    ]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is neither a template nor a file of the project"),
        "{stderr}"
    );
}
