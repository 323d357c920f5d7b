//! dokgen speaks the user's language: Danish under a Danish locale or when
//! asked for (`--lang da`, `DOKGEN_LANG=da`), English otherwise, in its
//! help, its command-line errors and its messages. (The messages of every
//! broken project are read in both languages in `bad_projects`.)

use std::process::Output;

use crate::common::{
    DANISH_ONLY, ENGLISH_ONLY, assert_exit, binary, binary_in_danish, copy_default_project,
    prose_of, words_of,
};

/// The subcommands a user sees, and none (the top-level help).
const COMMANDS: &[&str] = &[
    "",
    "build",
    "check",
    "schema",
    "compile",
    "serve",
    "new",
    "explain",
    "templates",
];

fn help(danish: bool, command: &str) -> Output {
    let mut run = if danish { binary_in_danish() } else { binary() };
    if !command.is_empty() {
        run.arg(command);
    }
    run.arg("--help").output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Every command's `--help`, under a Danish locale or another, has its
/// usage line (`usage`) and none of the other language's `foreign` words.
fn every_help_speaks(danish: bool, usage: &str, foreign: &[&str]) {
    for command in COMMANDS {
        let output = help(danish, command);
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert!(text.contains(usage), "{command}:\n{text}");
        let found = words_of(&prose_of(&text), foreign);
        assert!(found.is_empty(), "`{command} --help`: {found:?} in\n{text}");
    }
}

#[test]
fn every_help_is_danish_under_a_danish_locale() {
    every_help_speaks(true, "Brug:", ENGLISH_ONLY);
}

#[test]
fn every_help_is_english_under_another_locale() {
    every_help_speaks(false, "Usage:", DANISH_ONLY);
}

#[test]
fn the_help_of_a_command_names_its_arguments_in_danish() {
    let text = stdout(&help(true, "build"));
    assert!(text.contains("Mappen, PDF'erne skrives i"), "{text}");
    assert!(text.contains("<MAPPE>"), "{text}");
    assert!(text.contains("Tilvalg"), "{text}");
    assert!(text.contains("-h, --help"), "{text}");
}

#[test]
fn lang_decides_over_the_locale() {
    let output = binary_in_danish()
        .args(["--lang", "en", "build", "--help"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("Where to write the PDFs"));
    let output = binary()
        .args(["build", "--lang=da", "--help"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("Mappen, PDF'erne skrives i"));
}

#[test]
fn dokgen_lang_decides_over_the_locale() {
    let output = binary()
        .env("DOKGEN_LANG", "da")
        .args(["check", "--help"])
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains("Tjek fakta"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_mistake_on_the_command_line_is_told_in_danish() {
    let output = binary_in_danish().args(["byg"]).output().unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(
        text.contains("der er ingen kommando, der hedder `byg`"),
        "{text}"
    );
    assert!(text.contains("Kør `dokgen --help`"), "{text}");
    let english = words_of(&prose_of(&text), ENGLISH_ONLY);
    assert!(english.is_empty(), "{english:?} in\n{text}");
}

#[test]
fn a_value_that_cannot_be_read_gets_its_form_as_a_hint() {
    let output = binary_in_danish()
        .args(["compile", "x.typ", "--date", "06-10-2025"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(text.contains("`06-10-2025`"), "{text}");
    assert!(text.contains("ÅÅÅÅ-MM-DD"), "{text}");
    assert!(
        text.contains("datoen 06-10-2025 har dagen først: skriv 2025-10-06"),
        "{text}"
    );
    let output = binary().args(["build", "--jobs", "0"]).output().unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(
        text.contains("`--jobs <N>` cannot take the value `0`"),
        "{text}"
    );
    assert!(text.contains("give a whole number from 1"), "{text}");
}

#[test]
fn a_format_that_is_not_one_lists_the_formats() {
    let output = binary_in_danish()
        .args(["compile", "x.typ", "--format", "docx"])
        .output()
        .unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(text.contains("`docx`"), "{text}");
    assert!(text.contains("angiv et af formaterne pdf, html"), "{text}");
}

#[test]
fn an_unknown_argument_suggests_the_one_meant() {
    let output = binary().args(["build", "--forse"]).output().unwrap();
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(
        text.contains("dokgen does not know the argument `--forse`"),
        "{text}"
    );
    assert!(text.contains("did you mean `--force`?"), "{text}");
    assert!(text.contains("Usage: dokgen build"), "{text}");
}

#[test]
fn a_build_reports_its_documents_in_danish() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let out = tempfile::tempdir().unwrap();
    let output = binary_in_danish()
        .args(["build", project.path().to_str().unwrap(), "--output"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("skrev "), "{text}");
    assert!(
        text.contains(" lavet, 0 uændret, 0 med fejl, på "),
        "{text}"
    );
    let output = binary_in_danish()
        .args(["check", project.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("ingen fejl"), "{text}");
    let english = words_of(&prose_of(&text), ENGLISH_ONLY);
    assert!(english.is_empty(), "{english:?} in\n{text}");
}
