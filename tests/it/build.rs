//! `dokgen build` on the default project, run as a user runs it: the real
//! binary, a temporary output folder, and the PDFs' text read back.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{assert_exit, build, copy_default_project, edit, line_of, pdf_text, repo};
use serde_yaml::Value;

/// The documents that show the population figures.
const DOCUMENTS: [&str; 3] = ["strategi", "ansoegning-1", "ansoegning-2"];

/// A population figure as the YAML gives it: (municipality, date, value).
type Figure = (String, String, u64);

fn yaml(path: &Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every population figure of the default project, read from its YAML.
fn figures() -> Vec<Figure> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo().join("content/kommuner")).unwrap() {
        let doc = yaml(&entry.unwrap().path());
        for (id, m) in doc["municipalities"].as_mapping().unwrap() {
            for f in m["population"].as_sequence().unwrap() {
                out.push((
                    id.as_str().unwrap().to_owned(),
                    f["date"].as_str().unwrap().to_owned(),
                    f["value"].as_u64().unwrap(),
                ));
            }
        }
    }
    out
}

/// Each document's date, by output name.
fn document_dates() -> BTreeMap<String, String> {
    std::fs::read_dir(repo().join("content/documents"))
        .unwrap()
        .map(|e| {
            let doc = yaml(&e.unwrap().path());
            (
                doc["output"].as_str().unwrap().to_owned(),
                doc["date"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Figures are shown with Danish thousands separators (unit-tested in
/// `dokgen::danish`).
fn danish_thousands(n: u64) -> String {
    dokgen::danish::number(n as f64, None)
}

#[test]
fn the_default_project_builds_its_pdfs_that_hold_its_facts() {
    let out_dir = tempfile::tempdir().unwrap();
    let output = build(&repo(), out_dir.path());
    assert_exit(&output, 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let declared = document_dates();
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("wrote ") && !l.contains("/web/"))
            .count(),
        declared.len(),
        "{stdout}"
    );
    for name in declared.keys() {
        assert!(
            out_dir.path().join(format!("{name}.pdf")).is_file(),
            "{name}.pdf"
        );
    }

    let dates = document_dates();
    let figures = figures();
    let strategy = yaml(&repo().join("content/strategi.yaml"));
    for name in DOCUMENTS {
        let text = pdf_text(&out_dir.path().join(format!("{name}.pdf")));
        for word in ["Ishøj", "Vallensbæk"] {
            assert!(text.contains(word), "{name}: `{word}` missing");
        }
        for residue in ["Ishgj", "gnsker", "Vallenshak", "Vallensbak", "Vallensbaek"] {
            assert!(!text.contains(residue), "{name}: OCR residue `{residue}`");
        }
        // Every figure dated on or before the document's date is shown.
        for (id, date, value) in &figures {
            if date <= &dates[name] {
                let shown = danish_thousands(*value);
                assert!(
                    text.contains(&shown),
                    "{name}: {id} {date} ({shown}) missing"
                );
            }
        }
    }

    let text = pdf_text(&out_dir.path().join("strategi.pdf"));
    assert!(text.contains("17. maj 2017"), "the seminar's date");
    assert!(text.contains("19. juni 2017"), "the steering group's date");
    // The titles name Ishøj's name as a fact (`{{ municipalities.ishoej.name }}`).
    let ishoej = yaml(&repo().join("content/kommuner/ishoej.yaml"));
    let ishoej = ishoej["municipalities"]["ishoej"]["name"].as_str().unwrap();
    for line in strategy["strategy"]["lines"].as_sequence().unwrap() {
        let written = line["title"].as_str().unwrap();
        let title = written.replace("{{ municipalities.ishoej.name }}", ishoej);
        assert!(!title.contains("{{"), "{written}");
        assert!(text.contains(&title), "strategic line `{title}` missing");
    }
    for heading in [
        "Baggrund",
        "Udbytte af forpligtende samarbejde",
        "Strategiske sigtelinjer",
        "Det videre forløb",
    ] {
        assert!(text.contains(heading), "section `{heading}` missing");
    }
    // The chart's caption and the timeline, made from the facts.
    let caption = "Figur 1: Indbyggertal pr. 1. januar og grænsen på 20.000 indbyggere";
    assert!(text.contains(caption), "{text}");
    let planned =
        "Styregruppen færdiggør den fælles strategi for det forpligtende samarbejde (planlagt)";
    assert!(text.contains(planned), "{text}");
    // A strategy of 2017 does not know what was planned later.
    assert!(!text.contains("Ansøgning nr. 2 om dispensation"), "{text}");
    assert!(!text.contains("ophører"), "{text}");

    let first = pdf_text(&out_dir.path().join("ansoegning-1.pdf"));
    assert!(first.contains("§ 11 a"));
    assert!(first.contains("Økonomi- og Indenrigsministeriet"));
    assert!(
        first.contains("natur og miljø, genoptræning og specialundervisning udgår"),
        "{first}"
    );
    assert!(first.contains(
        "De øvrige områder, beskæftigelse og det sociale område, vil indgå i den næste ansøgning"
    ));
    let second = pdf_text(&out_dir.path().join("ansoegning-2.pdf"));
    assert!(second.contains("Indenrigs- og Boligministeriet"));
    assert!(second.contains("nr. 2 af 2"));
    // The job centre's principal and subsidiary requests, and who signs.
    assert!(
        second.contains("anmoder kommunerne principalt om, at Ishøj Kommune hjemtager"),
        "{second}"
    );
    assert!(
        second.contains("og subsidiært om, at der oprettes en jobcentersatellit"),
        "{second}"
    );
    assert!(
        second.contains("Ishøj og Vallensbæk, den 1. juni 2021"),
        "{second}"
    );
    for signer in [
        "Ole Bjørstorp",
        "Henrik Rasmussen",
        "Borgmester",
        "Kommunaldirektør",
    ] {
        assert!(second.contains(signer), "{signer} does not sign");
    }
    assert!(
        !first.contains("principalt"),
        "application 1 has no requests"
    );
}

#[test]
fn a_figure_changed_in_one_yaml_file_changes_every_pdf() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    edit(
        &project.path().join("content/kommuner/vallensbaek.yaml"),
        "value: 15712",
        "value: 15799",
    );
    let out_dir = project.path().join("output");
    assert_exit(&build(project.path(), &out_dir), 0);
    for name in DOCUMENTS {
        let text = pdf_text(&out_dir.join(format!("{name}.pdf")));
        assert!(text.contains("15.799"), "{name} lacks the new figure");
        assert!(
            !text.contains("15.712"),
            "{name} still shows the old figure"
        );
    }
}

#[test]
fn hostile_fact_values_are_printed_literally() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let vallensbaek = project.path().join("content/kommuner/vallensbaek.yaml");
    edit(
        &vallensbaek,
        "- Vallensbæk Stationstorv 100",
        "- '#read(\"/etc/passwd\")'",
    );
    edit(
        &vallensbaek,
        "- 2665 Vallensbæk Strand",
        "- '$x$ <a> @b = c'",
    );
    let cooperation = project.path().join("content/samarbejde.yaml");
    edit(&cooperation, "name: genoptræning", "name: '#panic(\"x\")'");
    let out_dir = project.path().join("output");
    assert_exit(&build(project.path(), &out_dir), 0);

    let text = pdf_text(&out_dir.join("ansoegning-1.pdf"));
    assert!(text.contains("#read(\"/etc/passwd\")"), "{text}");
    assert!(text.contains("$x$ <a> @b = c"), "{text}");
    assert!(text.contains("#panic(\"x\")"), "{text}");
    assert!(!text.contains("root:x:0:0"), "the file was read");
}

#[test]
fn bad_yaml_is_reported_with_file_line_and_column() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let file = project.path().join("content/kommuner/vallensbaek.yaml");
    edit(&file, "value: 12399", "value: tolv tusind");
    let line = line_of(&file, "tolv tusind");
    let out_dir = project.path().join("output");
    let output = build(project.path(), &out_dir);
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("content/kommuner/vallensbaek.yaml:{line}:16")),
        "{stderr}"
    );
    assert!(
        stderr.contains("municipalities.vallensbaek.population[1].value"),
        "{stderr}"
    );
    assert!(
        stderr.contains("this must be a whole number, not the text `tolv tusind`"),
        "{stderr}"
    );
    assert!(
        !out_dir.join("strategi.pdf").exists(),
        "nothing is built from invalid facts"
    );
}

#[test]
fn an_unknown_field_is_an_error() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let file = project.path().join("content/samarbejde.yaml");
    edit(
        &file,
        "carried_out_by: vallensbaek",
        "carried_by: vallensbaek",
    );
    let line = line_of(&file, "carried_by");
    let output = build(project.path(), &project.path().join("output"));
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("content/samarbejde.yaml:{line}:7")),
        "{stderr}"
    );
    assert!(stderr.contains("unknown field `carried_by`"), "{stderr}");
}

#[test]
fn a_missing_prose_file_names_the_file_that_refers_to_it() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    std::fs::remove_file(
        project
            .path()
            .join("content/prosa/sigtelinjer/4-jobcenter.md"),
    )
    .unwrap();
    let output = build(project.path(), &project.path().join("output"));
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("content/strategi.yaml"), "{stderr}");
    assert!(
        stderr.contains("prosa/sigtelinjer/4-jobcenter.md"),
        "{stderr}"
    );
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    edit(
        &project.path().join("templates/strategi.typ.tera"),
        "{{ document.date | dato }}",
        "{{ document.dato }}",
    );
    let output = build(project.path(), &project.path().join("output"));
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("templates/strategi.typ.tera:"), "{stderr}");
    assert!(stderr.contains("dato"), "{stderr}");
    // The other documents are still built.
    assert!(project.path().join("output/ansoegning-1.pdf").exists());
}

#[test]
fn a_folder_without_dokgen_yaml_is_not_a_project() {
    let empty = tempfile::tempdir().unwrap();
    let output = build(empty.path(), &empty.path().join("output"));
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is not a dokgen project"), "{stderr}");
    assert!(stderr.contains("hint"), "{stderr}");
}

#[test]
fn bad_command_line_use_exits_with_2() {
    let output = common::dokgen(&["build", "--no-such-flag"]);
    assert_exit(&output, 2);
    let output = common::dokgen(&["frobnicate"]);
    assert_exit(&output, 2);
}

/// A PDF text string: UTF-16BE with a byte-order mark, or (for ASCII and
/// Latin-1 text) PDFDocEncoding.
fn text_string(object: &lopdf::Object) -> String {
    let bytes = object.as_str().expect("a string");
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

#[test]
fn pdf_metadata_has_title_author_keywords_and_danish_language() {
    let out_dir = tempfile::tempdir().unwrap();
    assert_exit(&build(&repo(), out_dir.path()), 0);
    let pdf = lopdf::Document::load(out_dir.path().join("ansoegning-1.pdf")).unwrap();
    let info_ref = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = pdf.get_dictionary(info_ref).unwrap();
    assert_eq!(
        text_string(info.get(b"Title").unwrap()),
        "Ansøgning om dispensation efter §\u{a0}11\u{a0}a, stk.\u{a0}2, i lov om forpligtende kommunale samarbejder"
    );
    assert_eq!(
        text_string(info.get(b"Author").unwrap()),
        "Ishøj Kommune, Vallensbæk Kommune"
    );
    let keywords = text_string(info.get(b"Keywords").unwrap());
    assert!(keywords.contains("dispensation"), "{keywords}");
    assert!(
        keywords.contains("forpligtende kommunalt samarbejde"),
        "{keywords}"
    );
    let lang = pdf.catalog().unwrap().get(b"Lang").unwrap();
    assert_eq!(text_string(lang), "da");
}

#[test]
fn prose_warnings_name_the_markdown_file_and_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let prose = project
        .path()
        .join("content/prosa/sigtelinjer/2-ophaevelse.md");
    let text = std::fs::read_to_string(&prose).unwrap();
    std::fs::write(
        &prose,
        format!("{text}\nSe <b>også</b> [filen](file:///etc/hosts).\n"),
    )
    .unwrap();
    let line = line_of(&prose, "Se <b>");
    let output = build(project.path(), &project.path().join("output"));
    assert_exit(&output, 0);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let at = format!("warning: content/prosa/sigtelinjer/2-ophaevelse.md:{line}:");
    assert!(stderr.contains(&at), "{stderr}");
    assert_eq!(
        stderr.matches("raw HTML is shown as text").count(),
        2,
        "once each: {stderr}"
    );
    assert!(
        stderr.contains("only http, https and mailto links are allowed"),
        "{stderr}"
    );
    let pdf = pdf_text(&project.path().join("output/strategi.pdf"));
    assert!(pdf.contains("Se <b>også</b> filen."), "{pdf}");
}

#[test]
fn check_passes_on_the_default_project_and_prints_its_findings() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let output = common::dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&output, 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "checked {} documents: no errors",
            common::shipped_documents()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "note: Vallensbæk has 16.643 inhabitants (2020) and is below the threshold of 20.000."
        ),
        "{stdout}"
    );
    assert!(stdout.contains("note: Projection: "), "{stdout}");
    // A check writes nothing.
    assert!(!project.path().join("output").exists());
}

#[test]
fn schema_prints_a_json_schema_for_each_kind_of_file() {
    for (kind, title) in [
        ("facts", "FactFile"),
        ("document", "Declaration"),
        ("project", "Config"),
    ] {
        let output = common::dokgen(&["schema", kind]);
        assert_exit(&output, 0);
        let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(schema["title"], title);
    }
    assert_exit(&common::dokgen(&["schema", "pictures"]), 2);
}

#[test]
fn a_typst_error_in_prose_points_at_the_markdown_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    // An image that exists but is not a PNG: Typst fails to decode it.
    std::fs::write(
        project.path().join("content/prosa/sigtelinjer/kort.png"),
        "ikke et billede",
    )
    .unwrap();
    let prose = project
        .path()
        .join("content/prosa/sigtelinjer/2-ophaevelse.md");
    let text = std::fs::read_to_string(&prose).unwrap();
    std::fs::write(&prose, format!("{text}\n![Kort over letbanen](kort.png)\n")).unwrap();
    let line = line_of(&prose, "![Kort over letbanen]");
    let output = build(project.path(), &project.path().join("output"));
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let at = format!("error: content/prosa/sigtelinjer/2-ophaevelse.md:{line}: ");
    assert!(stderr.contains(&at), "{stderr}");
    assert!(
        stderr.contains("in the Typst made from this prose"),
        "{stderr}"
    );
}

#[test]
fn a_missing_image_in_prose_is_an_error_at_its_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let prose = project.path().join("content/prosa/strategi/udbytte.md");
    let text = std::fs::read_to_string(&prose).unwrap();
    std::fs::write(&prose, format!("{text}\n![Diagram](diagram.png)\n")).unwrap();
    let line = line_of(&prose, "![Diagram]");
    let output = build(project.path(), &project.path().join("output"));
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let at = format!(
        "error: content/prosa/strategi/udbytte.md:{line}:1: the image `diagram.png` does not exist"
    );
    assert!(stderr.contains(&at), "{stderr}");
}

#[test]
fn a_municipality_logo_heads_its_sender_block() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    std::fs::create_dir_all(project.path().join("assets")).unwrap();
    let svg = "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'><circle cx='20' cy='20' r='18' fill='#1f4e79'/></svg>";
    std::fs::write(project.path().join("assets/vallensbaek.svg"), svg).unwrap();
    edit(
        &project.path().join("content/kommuner/vallensbaek.yaml"),
        "    officials:\n",
        "    logo: assets/vallensbaek.svg\n    officials:\n",
    );
    let out_dir = project.path().join("output");
    assert_exit(&build(project.path(), &out_dir), 0);
    // The build typeset the logo (a missing or broken file fails it); the
    // generated source shows where it stands.
    let generated = common::dokgen_render(project.path(), "ansoegning-1");
    let logo = "(logo: image(\"/assets/vallensbaek.svg\", height: 1.4cm, alt: \"Vallensbæk Kommunes logo\")";
    assert!(generated.contains(logo), "{generated}");
    let plain = common::dokgen_render(&repo(), "ansoegning-1");
    assert!(
        !plain.contains("image("),
        "no logo is given in the default project"
    );
}

#[test]
fn a_type_error_in_one_file_and_a_broken_reference_in_another_are_both_reported() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let ishoej = project.path().join("content/kommuner/ishoej.yaml");
    let cooperation = project.path().join("content/samarbejde.yaml");
    edit(&ishoej, "    short_name: Ishøj", "    short_nme: Ishøj");
    edit(
        &cooperation,
        "carried_out_by: vallensbaek",
        "carried_out_by: valensbaek",
    );
    let output = common::dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let field = format!(
        "error: content/kommuner/ishoej.yaml:{}:5: municipalities.ishoej: unknown field `short_nme`",
        line_of(&ishoej, "short_nme")
    );
    let reference = format!(
        "error: content/samarbejde.yaml:{}:23: cooperation.areas[0].carried_out_by: unknown member of the cooperation `valensbaek`",
        line_of(&cooperation, "valensbaek")
    );
    assert!(stderr.contains(&field), "{stderr}");
    assert!(stderr.contains(&reference), "{stderr}");
    // The references to the municipality of the broken file are not
    // reported as unknown: its id was read leniently.
    assert!(
        !stderr.contains("unknown municipality `ishoej`"),
        "{stderr}"
    );
}

/// A disk with no space left: no file and no manifest can be written.
struct FullDisk;

impl dokgen::build::Sink for FullDisk {
    fn put(&self, name: &str, _: &[u8]) -> dokgen::Result<std::path::PathBuf> {
        Err(dokgen::Error::io(
            Path::new(name),
            &std::io::Error::from_raw_os_error(libc::ENOSPC),
        ))
    }

    fn record(&self, _: &dokgen::plan::manifest::Manifest) -> dokgen::Result<()> {
        Err(dokgen::Error::io(
            Path::new("output/manifest.json"),
            &std::io::Error::from_raw_os_error(libc::ENOSPC),
        ))
    }
}

#[test]
fn a_full_disk_is_an_error_for_each_document_and_one_for_the_manifest() {
    let session = dokgen::Session::open(&repo()).unwrap();
    let options = dokgen::build::Options {
        force: true,
        ..Default::default()
    };
    let err = dokgen::build::run(&session, &options, &FullDisk, |_| {}).unwrap_err();
    let files: Vec<String> = err
        .diagnostics()
        .iter()
        .map(|d| d.file.as_ref().unwrap().display().to_string())
        .collect();
    // One for each document, each annex the web publication copies, and
    // the manifest.
    let annexes = session
        .content()
        .site
        .as_ref()
        .map_or(0, |s| s.annexes.len());
    assert_eq!(
        files.len(),
        session.documents().len() + annexes + 1,
        "{files:?}"
    );
    // Each document's first file is the one that could not be written.
    for document in session.documents() {
        let (_, first) = &document.outputs()[0];
        assert!(files.contains(first), "{first} in {files:?}");
    }
    assert!(
        files.contains(&"output/manifest.json".to_owned()),
        "{files:?}"
    );
    let told = err.render_in(dokgen::message::Lang::En, false);
    assert!(
        told.contains("cannot access `strategi.pdf`: the disk is full"),
        "{told}"
    );
}
