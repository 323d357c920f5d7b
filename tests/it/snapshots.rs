//! The generated Typst source of each document of the shipped projects,
//! snapshotted so that every change to templates, prose or facts is
//! reviewed as a diff.

use std::path::Path;

use dokgen::Session;

/// Snapshots every document of the project in `dir` (relative to the
/// repository), named by its output with `prefix` before it.
fn snapshot_project(dir: &str, prefix: &str, documents: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let session = Session::open(&root).unwrap();
    assert_eq!(session.documents().len(), documents);
    for document in session.documents() {
        let rendered = session.render(document).unwrap();
        assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
        let name = format!("{prefix}{}", document.spec.output);
        insta::assert_snapshot!(name, rendered.source());
    }
}

#[test]
fn generated_typst_of_the_default_documents() {
    snapshot_project(".", "", crate::common::shipped_documents());
}

#[test]
fn generated_typst_of_the_dragoer_taarnby_documents() {
    snapshot_project("examples/dragoer-taarnby", "dragoer-taarnby@", 20);
}

#[test]
fn generated_typst_of_the_aeroe_svendborg_documents() {
    snapshot_project("examples/aeroe-svendborg", "aeroe-svendborg@", 6);
}
