//! Document kinds: a declaration that says its kind with `kind:` makes
//! the same documents as one whose fields say it, and `dokgen explain`
//! shows each kind's part of the context under its own name.

use crate::common;
use crate::common::{assert_exit, build, copy_default_project, dokgen, edit, pdfs};

/// The default project with `kind:` written into every declaration whose
/// fields imply it, built; and the project as it is, built.
#[test]
fn a_kind_said_makes_the_same_pdfs_as_the_kind_its_fields_imply() {
    let implied = tempfile::tempdir().unwrap();
    copy_default_project(implied.path());
    let said = tempfile::tempdir().unwrap();
    copy_default_project(said.path());
    let documents = said.path().join("content/documents");
    let mut kinds = Vec::new();
    for entry in std::fs::read_dir(&documents).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let kind = if text.contains("\napplication:") {
            "application"
        } else if text.contains("\nmeeting:") {
            "papers"
        } else {
            "document"
        };
        edit(&path, "\ntemplate:", &format!("\nkind: {kind}\ntemplate:"));
        kinds.push(kind);
    }
    for kind in ["document", "application", "papers"] {
        assert!(kinds.contains(&kind), "no declaration of kind {kind}");
    }
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_exit(&build(implied.path(), a.path()), 0);
    assert_exit(&build(said.path(), b.path()), 0);
    let (implied, said) = (pdfs(a.path()), pdfs(b.path()));
    assert_eq!(implied.len(), common::shipped_declarations());
    assert!(
        implied == said,
        "the PDFs differ: {:?}",
        implied
            .keys()
            .filter(|k| implied.get(*k) != said.get(*k))
            .collect::<Vec<_>>()
    );
}

/// The names at the top of what `dokgen explain` says `document` can use.
fn top_level_names(document: &str) -> Vec<String> {
    let output = dokgen(&["explain", document, "--project", env!("CARGO_MANIFEST_DIR")]);
    assert_exit(&output, 0);
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.get(2..))
        .filter(|rest| !rest.starts_with(' '))
        .filter_map(|rest| rest.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn each_kind_has_its_own_part_of_the_context_and_a_document_has_none() {
    let letter = top_level_names("ansoegning-1");
    assert!(letter.contains(&"application".to_owned()), "{letter:?}");
    assert!(!letter.contains(&"papers".to_owned()), "{letter:?}");
    let papers = top_level_names("styregruppe-2017-06-19-referat");
    assert!(papers.contains(&"papers".to_owned()), "{papers:?}");
    assert!(!papers.contains(&"application".to_owned()), "{papers:?}");
    let strategy = top_level_names("strategi");
    assert!(strategy.contains(&"document".to_owned()), "{strategy:?}");
    for part in ["application", "papers"] {
        assert!(!strategy.contains(&part.to_owned()), "{strategy:?}");
    }
}
