//! The templates built into dokgen: a project without a templates folder
//! builds from them, a project's own file overrides one file only,
//! `dokgen templates` says where each comes from, `--eject` copies them,
//! and the manifest records which were built in.

use crate::common;

use std::path::Path;

use crate::common::{assert_exit, build, copy_dir, dokgen, pdf_text, pdfs, repo};

/// The default project without its templates folder, in `dir`.
fn without_templates(dir: &Path) {
    std::fs::copy(repo().join("dokgen.yaml"), dir.join("dokgen.yaml")).unwrap();
    copy_dir(&repo().join("content"), &dir.join("content"));
}

#[test]
fn a_project_without_templates_builds_the_same_pdfs_as_with_the_ejected_copies() {
    let bare = tempfile::tempdir().unwrap();
    without_templates(bare.path());
    let out_bare = bare.path().join("output");
    assert_exit(&build(bare.path(), &out_bare), 0);

    let ejected = tempfile::tempdir().unwrap();
    without_templates(ejected.path());
    let p = ejected.path().to_str().unwrap();
    let eject = dokgen(&["templates", "--eject", "--project", p]);
    assert_exit(&eject, 0);
    assert!(ejected.path().join("templates/dokgen.typ").is_file());
    assert!(
        ejected
            .path()
            .join("templates/partials/person.typ.tera")
            .is_file()
    );
    let out_ejected = ejected.path().join("output");
    assert_exit(&build(ejected.path(), &out_ejected), 0);

    let (a, b) = (pdfs(&out_bare), pdfs(&out_ejected));
    assert_eq!(a.len(), common::shipped_declarations(), "{:?}", a.keys());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between built-in and ejected templates"
        );
    }
}

#[test]
fn the_manifest_records_built_in_files_by_hash_and_a_projects_own_by_path() {
    let dir = tempfile::tempdir().unwrap();
    without_templates(dir.path());
    let p = dir.path().to_str().unwrap();
    assert_exit(
        &dokgen(&["templates", "--eject", "strategi.typ.tera", "--project", p]),
        0,
    );
    let out = dir.path().join("output");
    assert_exit(&build(dir.path(), &out), 0);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let entry = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["output"] == "strategi.pdf")
        .unwrap();
    let inputs: Vec<(&str, &str)> = entry["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["path"].as_str().unwrap(), i["sha256"].as_str().unwrap()))
        .collect();
    let style = dokgen::builtin::get("dokgen.typ").unwrap();
    assert!(
        inputs.contains(&(
            "dokgen:templates/dokgen.typ",
            &dokgen::plan::manifest::sha256(style.bytes)
        )),
        "{inputs:?}"
    );
    assert!(
        inputs
            .iter()
            .any(|(p, _)| *p == "templates/strategi.typ.tera"),
        "{inputs:?}"
    );
    assert!(
        !inputs
            .iter()
            .any(|(p, _)| *p == "dokgen:templates/strategi.typ.tera"),
        "{inputs:?}"
    );
    assert!(
        entry["dokgen"]
            .as_str()
            .unwrap()
            .starts_with(env!("CARGO_PKG_VERSION"))
    );

    // Nothing changed: the next build leaves every document alone.
    let again = build(dir.path(), &out);
    assert_exit(&again, 0);
    let all = common::shipped_documents();
    assert!(String::from_utf8_lossy(&again.stdout).contains(&format!("0 made, {all} up to date")));
}

#[test]
fn overriding_one_file_changes_only_the_documents_made_with_it() {
    let dir = tempfile::tempdir().unwrap();
    without_templates(dir.path());
    let out = dir.path().join("output");
    assert_exit(&build(dir.path(), &out), 0);
    let before = pdfs(&out);

    let p = dir.path().to_str().unwrap();
    assert_exit(
        &dokgen(&[
            "templates",
            "--eject",
            "templates/strategi.typ.tera",
            "--project",
            p,
        ]),
        0,
    );
    common::edit(
        &dir.path().join("templates/strategi.typ.tera"),
        "= Baggrund",
        "= Baggrund og formål",
    );
    // (Every document is made again: a template may include any other.)
    assert_exit(&build(dir.path(), &out), 0);
    assert!(pdf_text(&out.join("strategi.pdf")).contains("Baggrund og formål"));
    let after = pdfs(&out);
    for (name, bytes) in &before {
        if name != "strategi.pdf" {
            assert!(bytes == &after[name], "{name} changed");
        }
    }

    // `dokgen templates` says which file is the project's.
    let listed = dokgen(&["templates", "--project", p]);
    assert_exit(&listed, 0);
    let listed = String::from_utf8_lossy(&listed.stdout);
    let line = |name: &str| {
        listed
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} not listed:\n{listed}"))
            .to_owned()
    };
    assert!(
        line("strategi.typ.tera").contains("instead of the built-in one"),
        "{listed}"
    );
    assert!(line("dokgen.typ").ends_with("built in"), "{listed}");
}

#[test]
fn eject_leaves_a_projects_own_file_alone_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    without_templates(dir.path());
    let own = dir.path().join("templates/dokgen.typ");
    std::fs::create_dir_all(own.parent().unwrap()).unwrap();
    std::fs::write(&own, "// mine\n").unwrap();
    let p = dir.path().to_str().unwrap();

    let refused = dokgen(&["templates", "--eject", "dokgen.typ", "--project", p]);
    assert_exit(&refused, 1);
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("templates/dokgen.typ exists already")
    );
    assert_eq!(std::fs::read_to_string(&own).unwrap(), "// mine\n");

    let forced = dokgen(&[
        "templates",
        "--eject",
        "dokgen.typ",
        "--force",
        "--project",
        p,
    ]);
    assert_exit(&forced, 0);
    assert_eq!(
        std::fs::read(&own).unwrap(),
        dokgen::builtin::get("dokgen.typ").unwrap().bytes
    );
}

#[test]
fn eject_of_an_unknown_file_names_the_nearest() {
    let dir = tempfile::tempdir().unwrap();
    without_templates(dir.path());
    let p = dir.path().to_str().unwrap();
    let out = dokgen(&[
        "templates",
        "--eject",
        "partials/persn.typ.tera",
        "--project",
        p,
    ]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`partials/persn.typ.tera` is not a built-in template file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `partials/person.typ.tera`?"),
        "{stderr}"
    );
    assert!(!dir.path().join("templates").exists());
}

#[test]
fn an_error_in_a_built_in_template_names_it_as_built_in() {
    let dir = tempfile::tempdir().unwrap();
    without_templates(dir.path());
    common::edit(
        &dir.path().join("content/documents/ansoegning-1.yaml"),
        "application: ansoegning-1",
        "application: ansoegning-1\ndraft: false",
    );
    common::edit(
        &dir.path().join("content/kommuner/ishoej.yaml"),
        "name: Ole Bjørstorp",
        "name: \"[indsæt navn]\"",
    );
    let out = build(dir.path(), &dir.path().join("output"));
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("dokgen:templates/ansoegning.typ.tera:"),
        "{stderr}"
    );
    assert!(stderr.contains("`[indsæt navn]`"), "{stderr}");
}
