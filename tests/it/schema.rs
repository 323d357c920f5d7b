//! The JSON Schemas that `dokgen schema` prints: the copies kept in
//! `schema/` are current, every YAML file of the default project declares
//! the right one, the default content is valid against them, and the
//! field reference in `docs/reference.md` is what `dokgen schema --markdown`
//! prints.

use std::path::{Path, PathBuf};

use crate::common::repo;
use dokgen::schema::{self, Kind};

fn yaml_files() -> Vec<PathBuf> {
    let mut files = vec![repo().join("dokgen.yaml")];
    files.extend(
        walkdir::WalkDir::new(repo().join("content"))
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            // The records of published protocols are written by dokgen and
            // not edited, so they name no schema for an editor.
            .filter(|p| !p.starts_with(repo().join("content/protokol"))),
    );
    files
}

fn kind_of(file: &Path) -> Kind {
    if file.ends_with("dokgen.yaml") {
        Kind::Project
    } else if file.starts_with(repo().join("content/documents")) {
        Kind::Document
    } else {
        Kind::Facts
    }
}

fn validator(kind: Kind) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema::json(kind)).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn as_json(yaml: &str) -> serde_json::Value {
    serde_yaml::from_str(yaml).unwrap()
}

#[test]
fn the_schema_files_are_what_dokgen_schema_prints() {
    for kind in Kind::ALL {
        let path = repo().join("schema").join(kind.file_name());
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == schema::json(kind),
            "{} is out of date: run `cargo run -- schema {} > {}`",
            path.display(),
            format!("{kind:?}").to_lowercase(),
            path.strip_prefix(repo()).unwrap().display()
        );
    }
}

#[test]
fn every_yaml_file_declares_its_schema_and_is_valid_against_it() {
    for file in yaml_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let kind = kind_of(&file);
        let declared = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
            .unwrap_or_else(|| panic!("{} declares no schema on its first line", file.display()));
        let target = file.parent().unwrap().join(declared);
        assert!(
            target.ends_with(kind.file_name()) && target.exists(),
            "{} declares {declared}, which is not {}",
            file.display(),
            kind.file_name()
        );
        let validator = validator(kind);
        let instance = as_json(&text);
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
    }
}

#[test]
fn the_schema_rejects_what_dokgen_rejects() {
    let facts = validator(Kind::Facts);
    let misspelt = as_json(
        "cooperation:\n  name: x\n  members: []\n  since: 2007-01-01\n  areas:\n    - { id: a, name: b, carried_by: c }\n",
    );
    assert!(!facts.is_valid(&misspelt), "an unknown field is accepted");
    let wrong_type = as_json(
        "municipalities:\n  x:\n    name: X\n    short_name: X\n    address: []\n    officials: { mayor: { name: a, title: b }, chief_executive: { name: a, title: b } }\n    population: [{ date: 2017-01-01, value: tolv, source: s }]\n",
    );
    assert!(
        !facts.is_valid(&wrong_type),
        "a word for a number is accepted"
    );
    let document = validator(Kind::Document);
    assert!(
        !document.is_valid(&as_json("template: x\n")),
        "a document without output and title is accepted"
    );
}

#[test]
fn the_schema_marks_a_time_a_telephone_number_or_an_email_address_of_the_wrong_form() {
    let facts = validator(Kind::Facts);
    let meeting = |time: &str| {
        as_json(&format!(
            "meetings:\n  - {{ id: m, date: 2017-06-19, body: b, kind: k, subject: s, time: \"{time}\" }}\n"
        ))
    };
    assert!(facts.is_valid(&meeting("17:30")), "a time is refused");
    assert!(facts.is_valid(&meeting("9:00")), "a time is refused");
    assert!(
        !facts.is_valid(&meeting("halv fem")),
        "words for a time are accepted"
    );
    assert!(
        !facts.is_valid(&meeting("17.30")),
        "a Danish-printed time is accepted"
    );
    let letterhead = |field: &str, value: &str| {
        as_json(&format!(
            "municipalities:\n  x:\n    name: X\n    short_name: X\n    address: []\n    officials: {{ mayor: {{ name: a, title: b }}, chief_executive: {{ name: a, title: b }} }}\n    population: [{{ date: 2017-01-01, value: 1, source: s }}]\n    letterhead: {{ {field}: \"{value}\" }}\n"
        ))
    };
    assert!(facts.is_valid(&letterhead("phone", "43 57 75 75")));
    assert!(facts.is_valid(&letterhead("phone", "+45 43 57 75 75")));
    assert!(!facts.is_valid(&letterhead("phone", "ring til os")));
    assert!(facts.is_valid(&letterhead("email", "ishojkommune@ishoj.dk")));
    assert!(!facts.is_valid(&letterhead("email", "ishoj.dk")));
    assert!(!facts.is_valid(&letterhead("email", "post @ishoj.dk")));
}

#[test]
fn the_field_reference_is_what_dokgen_schema_markdown_prints() {
    let reference = std::fs::read_to_string(repo().join("docs/reference.md")).unwrap();
    let begin = "<!-- fields:begin -->\n";
    let start = reference
        .find(begin)
        .expect("docs/reference.md marks its field reference")
        + begin.len();
    let end = reference.find("<!-- fields:end -->").unwrap();
    assert!(
        reference[start..end] == schema::markdown(),
        "the field reference in docs/reference.md differs from `dokgen schema --markdown`; write it again:\n\
         dokgen schema --markdown, between the fields markers of docs/reference.md"
    );
    // Every kind of value it links to has its table.
    for link in reference[start..end].split("](#").skip(1) {
        let anchor = link.split(')').next().unwrap();
        assert!(
            reference[start..end].lines().any(|l| l
                .strip_prefix("##### ")
                .is_some_and(|h| h.to_lowercase() == anchor)),
            "no table for #{anchor}"
        );
    }
}
