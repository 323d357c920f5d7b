//! A corpus of broken projects (`tests/bad/*.yaml`), each the default
//! project with one mistake an administrator could make. For each, the real
//! binary must fail with exit code 1 and a message that names the right
//! file and line; the whole message is snapshotted for review.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{assert_exit, copy_default_project, dokgen, edit, repo};
use serde::Deserialize;

/// One broken project: edits to the default project.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What is wrong, in a sentence.
    description: String,
    /// Text replaced in files of the default project.
    #[serde(default)]
    edits: Vec<Edit>,
    /// Files added to it.
    #[serde(default)]
    write: BTreeMap<String, String>,
    /// Text the error output must contain (its file and line, or the point
    /// of the message), whatever the snapshot says.
    expect: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    replace: String,
}

fn run_case(path: &Path) -> String {
    let case: Case = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    for e in &case.edits {
        edit(&project.path().join(&e.file), &e.find, &e.replace);
    }
    for (file, text) in &case.write {
        std::fs::write(project.path().join(file), text).unwrap();
    }
    let output = dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&output, 1);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&case.expect),
        "{} ({}): expected `{}` in:\n{stderr}",
        path.display(),
        case.description,
        case.expect
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    format!("{}\n\n{stderr}", case.description)
}

#[test]
fn every_broken_project_fails_with_a_message_that_points_at_the_mistake() {
    let mut cases: Vec<_> = std::fs::read_dir(repo().join("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "the corpus has {} cases", cases.len());
    for path in cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let report = run_case(&path);
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("bad", report);
        });
    }
}
