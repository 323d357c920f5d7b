//! A mistake in a template is reported at the line of the `.tera` file a
//! person wrote, whichever template or partial it is in, also when a
//! project shares its templates folder with another; and `dokgen check`
//! and `dokgen build` report it alike. Each template is broken once here,
//! in a known way.

use crate::common;

use std::path::Path;

use crate::common::{assert_exit, copy_default_project, copy_dir, dokgen, edit, line_of, repo};

/// Breaks `template` (under `templates/` of a copy of the default
/// project) by replacing `find` with `replace`, and returns what `dokgen
/// check` said, after checking that `dokgen build` said the same.
fn broken(template: &str, find: &str, replace: &str) -> (String, usize) {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let file = project.path().join("templates").join(template);
    edit(&file, find, replace);
    let line = line_of(&file, replace);
    (check_and_build(project.path()), line)
}

/// What `dokgen check` says on stderr about `project`, which must fail;
/// `dokgen build` must say the same.
fn check_and_build(project: &Path) -> String {
    let checked = dokgen(&["check", project.to_str().unwrap()]);
    assert_exit(&checked, 1);
    let out = tempfile::tempdir().unwrap();
    let built = common::build(project, out.path());
    assert_exit(&built, 1);
    let checked = String::from_utf8(checked.stderr).unwrap();
    let built = String::from_utf8(built.stderr).unwrap();
    assert_eq!(checked, built, "`dokgen check` and `dokgen build` disagree");
    assert!(!checked.contains("panicked"), "{checked}");
    checked
}

/// Asserts that `stderr` reports an error at `file`, line `line`, and
/// mentions where the generated Typst had it.
fn reported_at(stderr: &str, file: &str, line: usize) {
    let at = format!("error: {file}:{line}:");
    assert!(stderr.contains(&at), "expected `{at}` in:\n{stderr}");
    assert!(
        stderr.contains("in the Typst made from this template, at "),
        "{stderr}"
    );
    assert!(!stderr.contains(".generated.typ"), "{stderr}");
}

#[test]
fn an_error_in_the_application_template_is_at_its_line() {
    let (stderr, line) = broken(
        "ansoegning.typ.tera",
        "= Baggrund\n",
        "= Baggrund #ukendt\n",
    );
    reported_at(&stderr, "templates/ansoegning.typ.tera", line);
    assert!(stderr.contains("unknown variable: ukendt"), "{stderr}");
}

#[test]
fn an_error_in_the_strategy_template_is_at_its_line() {
    let (stderr, line) = broken("strategi.typ.tera", "= Baggrund\n", "= Baggrund #ukendt\n");
    reported_at(&stderr, "templates/strategi.typ.tera", line);
}

#[test]
fn an_error_in_the_meeting_papers_template_is_at_its_line() {
    let (stderr, line) = broken(
        "moede.typ.tera",
        "#moedeforside(\n",
        "#moedeforside(ukendt: 1,\n",
    );
    reported_at(&stderr, "templates/moede.typ.tera", line);
    assert!(stderr.contains("unexpected argument: ukendt"), "{stderr}");
}

#[test]
fn an_error_in_the_population_partial_is_at_its_line() {
    let (stderr, line) = broken(
        "partials/befolkning.typ.tera",
        "caption: [Indbyggertal pr. 1. januar],",
        "caption: [Indbyggertal pr. 1. januar #ukendt],",
    );
    reported_at(&stderr, "templates/partials/befolkning.typ.tera", line);
}

#[test]
fn an_error_in_the_areas_partial_is_at_its_line() {
    let (stderr, line) = broken(
        "partials/omraader.typ.tera",
        "caption: [Opgaveområder i det forpligtende samarbejde],",
        "caption: [Opgaveområder #ukendt],",
    );
    reported_at(&stderr, "templates/partials/omraader.typ.tera", line);
}

#[test]
fn an_error_in_the_settlement_partial_is_at_its_line() {
    let (stderr, line) = broken(
        "partials/afregning.typ.tera",
        "caption: [Bestillinger og betalinger {{ y.year }}],",
        "caption: [Bestillinger og betalinger {{ y.year }} #ukendt],",
    );
    reported_at(&stderr, "templates/partials/afregning.typ.tera", line);
}

#[test]
fn a_fact_written_as_code_in_the_frame_partial_is_at_its_line() {
    // A title written into Typst code without `typst_str` is code, not a
    // string: Typst stumbles many times over it, and the line is named
    // once per document.
    let (stderr, line) = broken(
        "partials/dokumentramme.typ.tera",
        "titel: {{ (titel or document.title) | typst_str }},",
        "titel: {{ titel or document.title }},",
    );
    reported_at(&stderr, "templates/partials/dokumentramme.typ.tera", line);
    assert!(
        stderr.contains("more errors in what this line made"),
        "{stderr}"
    );
}

#[test]
fn an_error_in_the_style_library_is_at_its_own_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let library = project.path().join("templates/dokgen.typ");
    let wrong = "  let top = calc.maks(..punkter.map(p => p.at(1)), if graense != none { graense } else { 0 })";
    edit(
        &library,
        "  let top = calc.max(..punkter.map(p => p.at(1)), if graense != none { graense } else { 0 })",
        wrong,
    );
    let line = line_of(&library, wrong);
    let stderr = check_and_build(project.path());
    assert!(
        stderr.contains(&format!("error: templates/dokgen.typ:{line}:")),
        "{stderr}"
    );
}

#[test]
fn a_shared_templates_folder_is_named_by_its_real_path() {
    let scratch = tempfile::tempdir().unwrap();
    let project = scratch.path().join("examples/dragoer-taarnby");
    copy_dir(&repo().join("examples/dragoer-taarnby"), &project);
    copy_dir(&repo().join("templates"), &scratch.path().join("templates"));
    let template = scratch.path().join("templates/ansoegning.typ.tera");
    edit(&template, "= Baggrund\n", "= Baggrund #ukendt\n");
    let line = line_of(&template, "#ukendt");
    let stderr = check_and_build(&project);
    reported_at(&stderr, "../../templates/ansoegning.typ.tera", line);
}

#[test]
fn a_tera_error_is_at_its_line_and_column_as_written() {
    let (stderr, line) = broken(
        "moede.typ.tera",
        "#moedeforside(\n",
        "#moedeforside({{ ukendt.felt }}\n",
    );
    let at = format!("error: templates/moede.typ.tera:{line}:");
    assert!(stderr.contains(&at), "expected `{at}` in:\n{stderr}");
}

#[test]
fn an_error_inside_the_style_library_names_the_template_line_that_called_it() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let template = project.path().join("templates/strategi.typ.tera");
    edit(
        &template,
        "graense: {{ rules.sustainable_size | typst }},",
        "graense: \"tyve\",",
    );
    let call = line_of(&template, "befolkningsgraf(");
    let stderr = check_and_build(project.path());
    assert!(stderr.contains("error: templates/dokgen.typ:"), "{stderr}");
    let note =
        format!("= note: while calling `befolkningsgraf`, at templates/strategi.typ.tera:{call}:");
    assert!(stderr.contains(&note), "expected `{note}` in:\n{stderr}");
}
