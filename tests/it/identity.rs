//! The PDFs of the shipped projects are the bytes recorded in
//! `tests/pdf-sha256.txt`. A change that should not change any document (a
//! redesign, a speed-up, a new feature elsewhere) shows here if it does; a
//! change that should (new wording, a template mended) records the new
//! bytes, reviewed like a snapshot:
//!
//! ```sh
//! DOKGEN_RECORD_PDFS=1 cargo test --test it identity::
//! ```

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{assert_exit, repo};

/// The recorded list: `<project>/<file>.pdf <sha256>` per line.
const RECORD: &str = "tests/pdf-sha256.txt";

/// The shipped projects, by the name the list gives them.
const PROJECTS: [(&str, &str); 3] = [
    ("default", "."),
    ("dragoer-taarnby", "examples/dragoer-taarnby"),
    ("aeroe-svendborg", "examples/aeroe-svendborg"),
];

/// Builds `project` into `out` as a user does, without a
/// `SOURCE_DATE_EPOCH` (each PDF is dated by its document).
fn build(project: &Path, out: &Path) {
    let output = crate::common::binary()
        .args([
            "build",
            project.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ])
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("dokgen runs");
    assert_exit(&output, 0);
}

#[test]
fn the_pdfs_of_the_shipped_projects_are_the_recorded_bytes() {
    let scratch = tempfile::tempdir().unwrap();
    let mut made = BTreeMap::new();
    for (name, dir) in PROJECTS {
        let out = scratch.path().join(name);
        build(&repo().join(dir), &out);
        for (file, bytes) in common::pdfs(&out) {
            made.insert(
                format!("{name}/{file}"),
                dokgen::plan::manifest::sha256(&bytes),
            );
        }
    }
    let listed: String = made.iter().map(|(f, sha)| format!("{f} {sha}\n")).collect();
    if std::env::var_os("DOKGEN_RECORD_PDFS").is_some() {
        std::fs::write(repo().join(RECORD), &listed).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(repo().join(RECORD)).unwrap();
    let differ: Vec<&str> = listed
        .lines()
        .filter(|line| !recorded.lines().any(|r| r == *line))
        .chain(
            recorded
                .lines()
                .filter(|r| !listed.lines().any(|l| l == *r)),
        )
        .collect();
    assert!(
        differ.is_empty(),
        "PDFs differ from {RECORD} (made, then recorded):\n{}\nIf the change is meant, record it: DOKGEN_RECORD_PDFS=1 cargo test --test it identity::",
        differ.join("\n")
    );
}
