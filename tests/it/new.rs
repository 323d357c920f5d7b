//! `dokgen new`: a project for a new cooperation, from an answers file or
//! options, that `dokgen build` makes at once as a draft, and whose
//! placeholders `dokgen check` lists at their lines.

use crate::common;

use std::path::Path;

use crate::common::{assert_exit, dokgen, line_of, pdf_text};

/// Runs `dokgen new` into `dir/name` with the answers `yaml`.
fn new_from(dir: &Path, yaml: &str) -> std::path::PathBuf {
    let answers = dir.join("svar.yaml");
    std::fs::write(&answers, yaml).unwrap();
    let project = dir.join("projekt");
    let out = dokgen(&[
        "new",
        project.to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
    ]);
    assert_exit(&out, 0);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("content/documents/ansoegning.yaml"),
        "{stdout}"
    );
    project
}

const ISLANDS: &str = "
members: [Ærø, Svendborg]
areas:
  - { name: natur og miljø, carried_out_by: Svendborg, on_behalf_of: [Ærø], competence: Ærø }
  - { name: specialundervisning, carried_out_by: Svendborg, on_behalf_of: [Ærø], competence: Ærø }
leaving: [specialundervisning]
date: 2026-12-15
start: 2027-08-01
";

#[test]
fn a_new_project_that_keeps_some_areas_builds_a_draft_application_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    let out = common::build(&project, &project.join("output"));
    assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "`[indsæt Ærø Kommunes sagsnummer]` is a placeholder, not a fact: the draft prints it"
        ),
        "{stderr}"
    );
    let text = pdf_text(&project.join("output/ansoegning.pdf"));
    let pdf = lopdf::Document::load(project.join("output/ansoegning.pdf")).unwrap();
    for number in pdf.get_pages().keys() {
        let page = pdf.extract_text(&[*number]).unwrap_or_default();
        assert!(
            page.contains("UDKAST"),
            "page {number} is not marked as a draft: {page}"
        );
    }
    for expected in [
        "Ærø Kommune og Svendborg Kommune ansøger hermed i fællesskab efter § 11 a, stk. 2, i lov om forpligtende kommunale samarbejder om, at specialundervisning udgår af det forpligtende samarbejde mellem Ærø og Svendborg med virkning fra den 1. august 2027.",
        "omfatter det forpligtende samarbejde fortsat natur og miljø",
        "Svendborg Kommune varetager fortsat opgaverne inden for natur og miljø på Ærø Kommunes vegne, mens Ærø Kommune bevarer den politiske kompetence.",
        "Indenrigs- og Sundhedsministeriet",
        "[indsæt Ærø Kommunes sagsnummer]",
        "15. december 2026",
    ] {
        assert!(text.contains(expected), "`{expected}` is not in:\n{text}");
    }
}

#[test]
fn check_lists_every_placeholder_of_a_new_project_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    let out = dokgen(&["check", project.to_str().unwrap()]);
    assert_exit(&out, 0);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let facts = project.join("content/ansoegninger.yaml");
    let aeroe = project.join("content/kommuner/aeroe.yaml");
    for (file, needle) in [
        (&facts, "[indsæt Ærø Kommunes sagsnummer]"),
        (&facts, "[indsæt ministeriets vej og husnummer]"),
        (&aeroe, "[indsæt borgmesterens navn]"),
        (&aeroe, "population: []"),
    ] {
        let rel = file.strip_prefix(&project).unwrap().display().to_string();
        let at = format!("{rel}:{}:", line_of(file, needle));
        assert!(stdout.contains(&at), "{at} is not listed:\n{stdout}");
    }
    assert!(
        stdout.contains("content/prosa/ansoegning/begrundelse.md:1:1: [indsæt begrundelsen"),
        "{stdout}"
    );
    // A comment that shows a placeholder is no placeholder.
    let comment = line_of(&aeroe, "# `dokgen check` viser");
    assert!(
        !stdout.contains(&format!("content/kommuner/aeroe.yaml:{comment}:")),
        "{stdout}"
    );
}

#[test]
fn a_new_project_that_ends_the_cooperation_applies_for_every_area() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(
        dir.path(),
        "
members: [Ishøj, Vallensbæk]
areas:
  - { name: beskæftigelse, carried_out_by: Vallensbæk }
  - { name: genoptræning, carried_out_by: Ishøj }
date: 2026-12-15
ministry: Indenrigs- og Sundhedsministeriet
",
    );
    let cooperation = std::fs::read_to_string(project.join("content/samarbejde.yaml")).unwrap();
    assert!(cooperation.contains("ends: true"), "{cooperation}");
    assert_exit(&common::build(&project, &project.join("output")), 0);
    let text = pdf_text(&project.join("output/ansoegning.pdf"));
    assert!(
        text.contains("beskæftigelse og genoptræning udgår"),
        "{text}"
    );
    assert!(
        text.contains("med virkning fra den 1. januar 2027"),
        "{text}"
    );
    assert!(
        text.contains("samarbejdet ophører med virkning fra den 1. januar 2027"),
        "{text}"
    );
}

#[test]
fn the_options_give_the_same_project_as_an_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let from_file = new_from(dir.path(), ISLANDS);
    let from_options = dir.path().join("fra-tilvalg");
    let out = dokgen(&[
        "new",
        from_options.to_str().unwrap(),
        "--member",
        "Ærø",
        "--member",
        "Svendborg",
        "--area",
        "natur og miljø=Svendborg for Ærø",
        "--area",
        "specialundervisning=Svendborg for Ærø",
        "--competence",
        "natur og miljø=Ærø",
        "--competence",
        "specialundervisning=Ærø",
        "--leaving",
        "specialundervisning",
        "--date",
        "2026-12-15",
        "--start",
        "2027-08-01",
    ]);
    assert_exit(&out, 0);
    for file in ["content/ansoegninger.yaml", "content/samarbejde.yaml"] {
        let a = std::fs::read_to_string(from_file.join(file)).unwrap();
        let b = std::fs::read_to_string(from_options.join(file)).unwrap();
        assert_eq!(a, b, "{file}");
    }
}

#[test]
fn the_schema_lines_of_a_new_project_lead_to_its_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    for entry in walkdir::WalkDir::new(&project) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap();
        let schema = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{}: {first}", path.display()));
        let target = path.parent().unwrap().join(schema);
        assert!(
            target.is_file(),
            "{} names {}",
            path.display(),
            target.display()
        );
    }
}

#[test]
fn new_refuses_a_folder_that_is_not_empty_and_answers_that_do_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("noget.txt"), "mit").unwrap();
    let answers = dir.path().join("svar.yaml");
    std::fs::write(&answers, ISLANDS).unwrap();
    let out = dokgen(&[
        "new",
        dir.path().to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
    ]);
    assert_exit(&out, 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an empty folder"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("noget.txt")).unwrap(),
        "mit"
    );

    let out = dokgen(&[
        "new",
        dir.path().join("ny").to_str().unwrap(),
        "--member",
        "Ærø",
        "--member",
        "Svendborg",
        "--area",
        "natur og miljø=Fanø",
    ]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the area `natur og miljø`: `Fanø` is not a member"),
        "{stderr}"
    );
    assert!(!dir.path().join("ny").exists());
}

#[test]
fn new_without_answers_and_without_a_terminal_says_how_to_give_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dokgen(&["new", dir.path().join("ny").to_str().unwrap()]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--answers"), "{stderr}");
}

/// `dokgen new application` for nature and environment in the project `p`.
fn add_second_application(p: &str) -> std::process::Output {
    dokgen(&[
        "new",
        "application",
        "--project",
        p,
        "--leaving",
        "natur og miljø",
        "--date",
        "2027-03-01",
        "--start",
        "2027-09-01",
    ])
}

/// Every file and folder of `project`, in the order walkdir finds them.
fn files_of(project: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(project)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .collect()
}

/// The JSON Schema in `file`, as a validator.
fn validator(file: &Path) -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_schemas_of_a_new_project_know_its_ids() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    let facts = validator(&project.join("schema/facts.schema.json"));
    let as_json = |path: &Path| -> serde_json::Value {
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let cooperation = project.join("content/samarbejde.yaml");
    assert!(facts.is_valid(&as_json(&cooperation)));
    common::edit(
        &cooperation,
        "carried_out_by: svendborg",
        "carried_out_by: svenborg",
    );
    assert!(
        !facts.is_valid(&as_json(&cooperation)),
        "a misspelt id passes the schema"
    );

    // An application added later is known to the schemas too.
    let p = project.to_str().unwrap();
    common::edit(
        &cooperation,
        "carried_out_by: svenborg",
        "carried_out_by: svendborg",
    );
    let added = add_second_application(p);
    assert_exit(&added, 0);
    let document = validator(&project.join("schema/document.schema.json"));
    let declaration = as_json(&project.join("content/documents/ansoegning-2.yaml"));
    assert!(document.is_valid(&declaration));
}

#[test]
fn new_application_meeting_and_document_add_drafts_that_build() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    let p = project.to_str().unwrap();
    let added = add_second_application(p);
    assert_exit(&added, 0);
    let stdout = String::from_utf8_lossy(&added.stdout);
    assert!(
        stdout.contains("content/documents/ansoegning-2.yaml"),
        "{stdout}"
    );
    assert!(
        stdout.contains("content/prosa/ansoegning-2/faseplan.md"),
        "{stdout}"
    );
    assert_exit(
        &dokgen(&["new", "meeting", "--project", p, "--date", "2027-02-20"]),
        0,
    );
    let out = common::build(&project, &project.join("output"));
    assert_exit(&out, 0);
    let second = pdf_text(&project.join("output/ansoegning-2.pdf"));
    assert!(second.contains("natur og miljø udgår"), "{second}");
    assert!(second.contains("Faseplan"), "{second}");
    let agenda = pdf_text(&project.join("output/moede-2027-02-20-dagsorden.pdf"));
    assert!(agenda.contains("[indsæt punktets titel]"), "{agenda}");

    // A template that needs facts the project lacks adds nothing.
    let before = files_of(&project);
    let refused = dokgen(&[
        "new",
        "document",
        "--project",
        p,
        "--template",
        "strategi.typ.tera",
        "--date",
        "2027-03-01",
    ]);
    assert_exit(&refused, 1);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nothing was added"));
    let after = files_of(&project);
    assert_eq!(before, after);
}

#[test]
fn new_application_adds_nothing_where_a_letter_made_before_would_break() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    // The first letter is made final, but its phase plan is still a
    // placeholder, which a second application would make it print.
    let declaration = project.join("content/documents/ansoegning.yaml");
    common::edit(&declaration, "draft: true\n", "");
    for (from, to) in [
        ("\"[indsæt by]\"", "Ærøskøbing"),
        ("\"[indsæt vej og husnummer]\"", "Statene 2"),
        ("\"[indsæt postnummer og by]\"", "5970 Ærøskøbing"),
        ("\"[indsæt borgmesterens navn]\"", "Ole Wej Petersen"),
        (
            "\"[indsæt kommunaldirektørens navn]\"",
            "Allan Krogh Filtenborg",
        ),
        (
            "population: []",
            "population:\n      - { date: 2026-01-01, value: 5900, source: Danmarks Statistik }",
        ),
    ] {
        common::edit(&project.join("content/kommuner/aeroe.yaml"), from, to);
        let svendborg = to
            .replace("Ærøskøbing", "Svendborg")
            .replace("Statene 2", "Ramsherred 5")
            .replace("5970", "5700")
            .replace("Ole Wej Petersen", "Bo Hansen")
            .replace("Allan Krogh Filtenborg", "Erik Nielsen")
            .replace("5900", "58000");
        common::edit(
            &project.join("content/kommuner/svendborg.yaml"),
            from,
            &svendborg,
        );
    }
    let facts = project.join("content/ansoegninger.yaml");
    for (from, to) in [
        (
            "\"[indsæt ministeriets vej og husnummer]\"",
            "Holbergsgade 6",
        ),
        ("\"[indsæt postnummer og by]\"", "1057 København K"),
        ("\"[indsæt Ærø Kommunes sagsnummer]\"", "26/01234"),
        ("\"[indsæt telefonnummer]\"", "62 52 10 00"),
        ("\"[indsæt e-mailadresse]\"", "post@aeroekommune.dk"),
        ("    # decisions:\n", "    decisions:\n"),
        (
            "    #   - { municipality: aeroe, body: Kommunalbestyrelsen i Ærø Kommune, date: 2026-12-15 }",
            "      - { municipality: aeroe, body: Kommunalbestyrelsen i Ærø Kommune, date: 2026-12-10 }",
        ),
        (
            "    #   - { municipality: svendborg, body: Kommunalbestyrelsen i Svendborg Kommune, date: 2026-12-15 }",
            "      - { municipality: svendborg, body: Byrådet i Svendborg Kommune, date: 2026-12-08 }",
        ),
    ] {
        common::edit(&facts, from, to);
    }
    for file in ["baggrund", "begrundelse", "overgang"] {
        std::fs::write(
            project.join(format!("content/prosa/ansoegning/{file}.md")),
            "Teksten er skrevet.\n",
        )
        .unwrap();
    }
    assert_exit(&common::build(&project, &project.join("output")), 0);
    let before = files_of(&project);

    let refused = add_second_application(project.to_str().unwrap());
    assert_exit(&refused, 1);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("faseplan"), "{stderr}");
    assert!(stderr.contains("content/documents/ansoegning.yaml was made before, and would not be with what was to be added; nothing was added"), "{stderr}");
    let after = files_of(&project);
    assert_eq!(before, after);
}

/// A meeting, document or application added without `--date`, where no
/// terminal can be asked: its date would go into its file names and id,
/// so the machine's clock is not taken for it; nothing is added.
#[test]
fn an_addition_without_a_date_is_refused_where_nobody_can_be_asked() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    let p = project.to_str().unwrap();
    let before = files_of(&project);
    for (what, said) in [
        ("meeting", "meeting papers"),
        ("document", "a document"),
        ("application", "an application letter"),
    ] {
        let out = dokgen(&["new", what, "--project", p]);
        assert_exit(&out, 1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("no date for {said}:")), "{stderr}");
        assert!(stderr.contains("--date YYYY-MM-DD"), "{stderr}");
    }
    assert_eq!(files_of(&project), before);
}

#[test]
fn check_says_which_placeholders_no_document_prints_yet() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    let out = dokgen(&["check", project.to_str().unwrap()]);
    assert_exit(&out, 0);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = |needle: &str| {
        stdout
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {stdout}"))
            .to_owned()
    };
    // One application: its letter has no phase plan.
    assert!(
        line("faseplan.md").ends_with("(no document prints it now)"),
        "{stdout}"
    );
    assert!(
        !line("[indsæt Ærø Kommunes sagsnummer]").contains("no document prints it"),
        "{stdout}"
    );
    assert!(
        !line("population: []").contains("no document prints it"),
        "{stdout}"
    );
}

#[test]
fn check_lists_what_is_left_to_fill_in_also_when_something_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let project = new_from(dir.path(), ISLANDS);
    std::fs::write(project.join("content/prosa/ansoegning/begrundelse.md"), "").unwrap();
    let out = dokgen(&["check", project.to_str().unwrap()]);
    assert_exit(&out, 1);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("to fill in ("), "{stdout}");
    assert!(
        stdout.contains("[indsæt Ærø Kommunes sagsnummer]"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the prose file is empty"), "{stderr}");
}

#[test]
fn a_value_with_a_line_break_is_written_as_one_quoted_line() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("linjeskift");
    let name = "Samarbejde\nrules: { sustainable_size: 1 }";
    let ministry = "Ministeriet: \"for\" # alt";
    let out = dokgen(&[
        "new",
        project.to_str().unwrap(),
        "--member",
        "Ærø",
        "--member",
        "Svendborg",
        "--area",
        "natur og miljø=Svendborg",
        "--date",
        "2026-12-15",
        "--name",
        name,
        "--ministry",
        ministry,
    ]);
    assert_exit(&out, 0);
    // What was given is read back as given: no key of its own, no comment.
    let config = std::fs::read_to_string(project.join("dokgen.yaml")).unwrap();
    assert!(!config.contains("\nrules:"), "{config}");
    let value: serde_yaml::Value = serde_yaml::from_str(&config).unwrap();
    assert_eq!(value["name"].as_str(), Some(name), "{config}");
    let applications = std::fs::read_to_string(project.join("content/ansoegninger.yaml")).unwrap();
    assert!(
        applications.contains("Ministeriet: \\\"for\\\" # alt"),
        "{applications}"
    );
    assert_exit(&dokgen(&["check", project.to_str().unwrap()]), 0);
}

/// A new strategy in a project that has no settlement: the template places
/// the BUM annex's prose only where there is one, so no prose file for it
/// is added, and the declaration names only the prose the document prints.
#[test]
fn a_new_strategy_brings_only_the_prose_it_prints_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("aeroe-svendborg");
    common::copy_dir(&common::repo().join("examples/aeroe-svendborg"), &project);
    let _ = std::fs::remove_dir_all(project.join("output"));
    let p = project.to_str().unwrap();
    let out = dokgen(&[
        "new",
        "document",
        "--project",
        p,
        "--template",
        "strategi.typ.tera",
        "--date",
        "2020-03-01",
    ]);
    assert_exit(&out, 0);
    let declaration =
        std::fs::read_to_string(project.join("content/documents/strategi-2.yaml")).unwrap();
    assert!(
        declaration.contains("baggrund: prosa/strategi-2/baggrund.md"),
        "{declaration}"
    );
    assert!(!declaration.contains("bum"), "{declaration}");
    assert!(!project.join("content/prosa/strategi-2/bum.md").exists());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("bum.md"), "{stdout}");
    assert_exit(&common::build(&project, &project.join("output")), 0);
}
