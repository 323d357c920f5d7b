//! Documents of record: PDF/A-2a and PDF/UA-1 by default, byte-for-byte
//! reproducible, written so that a good file is never lost, with a
//! manifest of what each PDF was made from and builds that leave unchanged
//! documents alone.
//!
//! The PDFs are inspected with lopdf (catalogue, XMP metadata, structure
//! tree) and, where installed, with qpdf and poppler's pdffonts. `.ci/run`
//! installs both; elsewhere the checks that need them say they were
//! skipped, and under CI they must run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;
use crate::common::{assert_exit, build, copy_default_project, dokgen, edit, have, pdfs, repo};
use lopdf::{Document, Object};

/// The names of the files in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The default project built into a fresh folder.
fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(&repo(), out.path()), 0);
    out
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        other => other,
    }
}

/// The structure types (`/S`) of every element in the structure tree.
fn structure_types(doc: &Document) -> Vec<String> {
    let catalog = doc.catalog().unwrap();
    let root = resolve(
        doc,
        catalog.get(b"StructTreeRoot").expect("a structure tree"),
    );
    let mut types = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let Ok(dict) = node.as_dict() else { continue };
        if let Ok(Object::Name(s)) = dict.get(b"S") {
            types.push(String::from_utf8_lossy(s).into_owned());
        }
        match dict.get(b"K").map(|k| resolve(doc, k)) {
            Ok(Object::Array(kids)) => stack.extend(kids.iter().map(|k| resolve(doc, k))),
            Ok(kid @ Object::Dictionary(_)) => stack.push(kid),
            _ => {}
        }
    }
    types
}

/// The XMP metadata packet of the catalogue, as text; empty if there is
/// none.
fn xmp(doc: &Document) -> String {
    let catalog = doc.catalog().unwrap();
    let Ok(metadata) = catalog.get(b"Metadata") else {
        return String::new();
    };
    let stream = resolve(doc, metadata).as_stream().unwrap();
    String::from_utf8_lossy(&stream.content).into_owned()
}

#[test]
fn every_pdf_is_pdf_a_2a_and_pdf_ua_1_with_its_metadata_and_tags() {
    let out = built();
    for (name, bytes) in pdfs(out.path()) {
        let doc = Document::load_mem(&bytes).unwrap();
        let xmp = xmp(&doc);
        for claim in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            "<pdfuaid:part>1</pdfuaid:part>",
        ] {
            assert!(xmp.contains(claim), "{name}: XMP lacks {claim}:\n{xmp}");
        }
        assert!(xmp.contains("<dc:title>"), "{name}: no title in XMP");
        assert!(
            xmp.contains("<dc:description>"),
            "{name}: no subject in XMP"
        );
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            catalog.get(b"Lang").unwrap().as_str().unwrap(),
            b"da",
            "{name}"
        );
        let info = resolve(&doc, doc.trailer.get(b"Info").unwrap())
            .as_dict()
            .unwrap();
        for key in [
            &b"Title"[..],
            b"Author",
            b"Subject",
            b"Keywords",
            b"CreationDate",
        ] {
            assert!(
                info.has(key),
                "{name}: no /{}",
                String::from_utf8_lossy(key)
            );
        }
        let types = structure_types(&doc);
        assert!(
            types.iter().any(|t| t == "H1"),
            "{name}: no tagged heading in {types:?}"
        );
        assert!(
            types.iter().any(|t| t == "P"),
            "{name}: no tagged paragraph"
        );
        if name == "strategi.pdf" {
            for t in ["Table", "TH", "TD", "Figure", "H2", "TOC"] {
                assert!(
                    types.iter().any(|x| x == t),
                    "strategi.pdf: no {t} in {types:?}"
                );
            }
        }
    }
}

#[test]
fn qpdf_finds_no_errors_and_every_font_is_embedded() {
    let out = built();
    let (qpdf, pdffonts) = (have("qpdf"), have("pdffonts"));
    for name in pdfs(out.path()).keys() {
        let path = out.path().join(name);
        if qpdf {
            let check = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&check.stdout);
            assert!(check.status.success(), "{name}: qpdf --check:\n{text}");
            assert!(
                text.contains("No syntax or stream encoding errors"),
                "{name}: {text}"
            );
        }
        if pdffonts {
            let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
            let text = String::from_utf8_lossy(&fonts.stdout);
            let rows: Vec<&str> = text.lines().skip(2).collect();
            assert!(!rows.is_empty(), "{name}: no fonts listed");
            for row in rows {
                // name, type, encoding, then "emb sub uni": all yes.
                let cols: Vec<&str> = row.split_whitespace().collect();
                let emb = cols[cols.len() - 5];
                assert_eq!(emb, "yes", "{name}: a font is not embedded: {row}");
            }
        }
    }
}

#[test]
fn two_builds_give_the_same_bytes_even_with_the_files_in_another_order() {
    let first = built();
    let second = built();
    assert_eq!(pdfs(first.path()), pdfs(second.path()));
    assert_eq!(
        std::fs::read(first.path().join("manifest.json")).unwrap(),
        std::fs::read(second.path().join("manifest.json")).unwrap()
    );

    // The same facts in files of other names: the folder is walked in
    // another order, and lists are merged in another order.
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let content = project.path().join("content");
    std::fs::rename(content.join("moeder.yaml"), content.join("0-moeder.yaml")).unwrap();
    std::fs::rename(content.join("kommuner"), content.join("zz-kommuner")).unwrap();
    std::fs::rename(content.join("bum.yaml"), content.join("zzz-bum.yaml")).unwrap();
    let out = project.path().join("output");
    assert_exit(&build(project.path(), &out), 0);
    assert_eq!(pdfs(first.path()), pdfs(&out));
}

#[test]
fn source_date_epoch_dates_every_pdf() {
    let out = tempfile::tempdir().unwrap();
    let run = crate::common::binary()
        .args(["build", repo().to_str().unwrap(), "--output"])
        .arg(out.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert_exit(&run, 0);
    for (name, bytes) in pdfs(out.path()) {
        let doc = Document::load_mem(&bytes).unwrap();
        let info = resolve(&doc, doc.trailer.get(b"Info").unwrap())
            .as_dict()
            .unwrap();
        let date = info.get(b"CreationDate").unwrap().as_str().unwrap();
        // 1700000000 is 2023-11-14 22:13:20 UTC.
        assert!(
            String::from_utf8_lossy(date).starts_with("D:20231114221320"),
            "{name}: {}",
            String::from_utf8_lossy(date)
        );
    }
    let manifest = std::fs::read_to_string(out.path().join("manifest.json")).unwrap();
    assert!(manifest.contains("\"source_date_epoch\": 1700000000"));
}

/// A copy of the default project, built once.
fn built_copy() -> (tempfile::TempDir, PathBuf) {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let out = project.path().join("output");
    assert_exit(&build(project.path(), &out), 0);
    (project, out)
}

#[test]
fn a_failed_document_leaves_the_pdfs_from_before_as_they_were() {
    let (project, out) = built_copy();
    let before = pdfs(&out);
    // The strategy now breaks a rule of PDF/UA (a heading skips a level);
    // an application changes, so it is made again.
    edit(
        &project.path().join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved",
        "### Fordele og ulemper\n\nUlemperne ved",
    );
    edit(
        &project.path().join("content/prosa/ansoegning/overgang.md"),
        "Flere af opgaverne",
        "Alle de berørte opgaver og flere af opgaverne",
    );
    let run = build(project.path(), &out);
    assert_exit(&run, 1);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("a heading of level 3 follows one of level 1"),
        "{stderr}"
    );
    let after = pdfs(&out);
    assert_eq!(
        after["strategi.pdf"], before["strategi.pdf"],
        "the old strategy stays"
    );
    assert_ne!(
        after["ansoegning-1.pdf"], before["ansoegning-1.pdf"],
        "the others are made"
    );
    let left: Vec<String> = names(&out)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    // The manifest still describes the old strategy.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let sha = dokgen::plan::manifest::sha256(&before["strategi.pdf"]);
    assert!(manifest.contains(&sha), "{manifest}");
}

#[test]
fn a_second_build_of_the_same_folder_at_once_is_refused() {
    let (project, out) = built_copy();
    let before = pdfs(&out);
    let lock = std::fs::File::options()
        .write(true)
        .open(out.join(".dokgen.lock"))
        .unwrap();
    lock.lock().unwrap();
    let run = dokgen(&["build", project.path().to_str().unwrap(), "--force"]);
    assert_exit(&run, 1);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("another dokgen build is writing to"),
        "{stderr}"
    );
    assert_eq!(pdfs(&out), before);
    drop(lock);
    assert_exit(&dokgen(&["build", project.path().to_str().unwrap()]), 0);
}

#[test]
fn check_makes_its_documents_in_memory_and_takes_no_lock() {
    let (project, out) = built_copy();
    let (before, files) = (pdfs(&out), names(&out));
    let lock = std::fs::File::options()
        .write(true)
        .open(out.join(".dokgen.lock"))
        .unwrap();
    lock.lock().unwrap();
    // While a build holds the output folder, a check goes on beside it and
    // writes nothing there.
    let run = dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&run, 0);
    assert_eq!(pdfs(&out), before);
    assert_eq!(names(&out), files);
}

#[test]
fn a_killed_builds_temporary_files_are_cleared_and_never_named_as_pdfs() {
    let (project, out) = built_copy();
    // What a build killed while writing leaves: a temporary file, never a
    // half-written PDF under its own name.
    std::fs::write(
        out.join(".strategi.pdf.dokgen-999999.tmp"),
        b"%PDF-1.7 half",
    )
    .unwrap();
    assert_exit(&build(project.path(), &out), 0);
    assert!(
        !names(&out).iter().any(|n| n.ends_with(".tmp")),
        "{:?}",
        names(&out)
    );
    for (name, bytes) in pdfs(&out) {
        assert!(Document::load_mem(&bytes).is_ok(), "{name} is whole");
    }
}

/// What `dokgen build` said of each PDF beside the web publication:
/// "wrote" or "up to date".
fn said(run: &std::process::Output) -> BTreeMap<String, &'static str> {
    String::from_utf8_lossy(&run.stdout)
        .lines()
        .filter(|line| !line.contains("/web/"))
        .filter_map(|line| {
            let (what, rest) = if let Some(rest) = line.strip_prefix("wrote ") {
                ("wrote", rest)
            } else if let Some(rest) = line.strip_prefix("up to date: ") {
                ("up to date", rest)
            } else {
                return None;
            };
            let path = rest.split(' ').next().unwrap();
            let name = Path::new(path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            Some((name, what))
        })
        .collect()
}

#[test]
fn unchanged_documents_are_not_made_again() {
    let (project, out) = built_copy();
    let dir = project.path();
    let all = said(&build(dir, &out));
    assert_eq!(all.len(), common::shipped_declarations(), "{all:?}");
    assert!(all.values().all(|w| *w == "up to date"), "{all:?}");

    // Prose only the strategy uses.
    edit(
        &dir.join("content/prosa/strategi/udbytte.md"),
        "Ulemperne",
        "Ulemperne i dag",
    );
    let one = said(&build(dir, &out));
    assert_eq!(one["strategi.pdf"], "wrote");
    assert_eq!(
        one.values().filter(|w| **w == "wrote").count(),
        1,
        "{one:?}"
    );

    // A fact every document may use.
    edit(
        &dir.join("content/samarbejde.yaml"),
        "name: natur og miljø",
        "name: natur- og miljøområdet",
    );
    let facts = said(&build(dir, &out));
    assert!(facts.values().all(|w| *w == "wrote"), "{facts:?}");

    // The style library Typst reads.
    edit(
        &dir.join("templates/dokgen.typ"),
        "#let farve-svag = luma(90)",
        "#let farve-svag = luma(80)",
    );
    assert!(said(&build(dir, &out)).values().all(|w| *w == "wrote"));

    // A PDF deleted, or changed by hand, is made again.
    std::fs::remove_file(out.join("ansoegning-2.pdf")).unwrap();
    std::fs::write(out.join("strategi.pdf"), b"not the PDF").unwrap();
    let repaired = said(&build(dir, &out));
    assert_eq!(repaired["ansoegning-2.pdf"], "wrote");
    assert_eq!(repaired["strategi.pdf"], "wrote");
    assert_eq!(
        repaired.values().filter(|w| **w == "wrote").count(),
        2,
        "{repaired:?}"
    );

    // --force makes everything.
    let forced = said(&dokgen(&["build", dir.to_str().unwrap(), "--force"]));
    assert!(forced.values().all(|w| *w == "wrote"), "{forced:?}");
}

#[test]
fn the_manifest_lists_each_pdf_with_its_inputs_and_dokgen() {
    let out = built();
    let text = std::fs::read_to_string(out.path().join("manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    let documents = manifest["documents"].as_array().unwrap();
    // Each PDF, and each file of the web publication but its copied
    // annexes (listed as copies).
    let mut files = pdfs(out.path());
    for entry in walkdir::WalkDir::new(out.path().join("web")) {
        let entry = entry.unwrap();
        let name = entry.path().strip_prefix(out.path()).unwrap();
        if entry.file_type().is_file() && !name.starts_with("web/bilag") {
            files.insert(
                name.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    assert_eq!(documents.len(), files.len());
    assert_eq!(
        manifest["copies"][0]["output"],
        "web/bilag/tidsplan-for-strategien.pdf"
    );
    for entry in documents {
        let output = entry["output"].as_str().unwrap();
        let sha = dokgen::plan::manifest::sha256(&files[output]);
        assert_eq!(entry["sha256"], sha.as_str(), "{output}");
        assert!(
            entry["dokgen"]
                .as_str()
                .unwrap()
                .starts_with(env!("CARGO_PKG_VERSION"))
        );
        let inputs: Vec<&str> = entry["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["path"].as_str().unwrap())
            .collect();
        for needed in [
            "dokgen.yaml",
            "content/samarbejde.yaml",
            "templates/dokgen.typ",
            entry["declaration"].as_str().unwrap(),
        ] {
            assert!(
                inputs.contains(&needed),
                "{output}: {needed} not in {inputs:?}"
            );
        }
        let mut sorted = inputs.clone();
        sorted.sort();
        assert_eq!(inputs, sorted, "{output}: inputs are sorted");
        for input in entry["inputs"].as_array().unwrap() {
            let bytes = std::fs::read(repo().join(input["path"].as_str().unwrap())).unwrap();
            assert_eq!(
                input["sha256"],
                dokgen::plan::manifest::sha256(&bytes).as_str()
            );
        }
    }
    let strategy = documents
        .iter()
        .find(|e| e["output"] == "strategi.pdf")
        .unwrap();
    let inputs = strategy["inputs"].to_string();
    assert!(inputs.contains("content/prosa/strategi/bum-bilag.md"));
    assert!(inputs.contains("templates/partials/afregning.typ.tera"));
}

#[test]
fn other_standards_can_be_chosen_and_then_accessibility_problems_only_warn() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let dir = project.path();
    std::fs::write(
        dir.join("content/prosa/strategi/kort.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'><rect width='40' height='20'/></svg>",
    )
    .unwrap();
    edit(
        &dir.join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved",
        "![](kort.svg)\n\nUlemperne ved",
    );
    edit(
        &dir.join("content/documents/strategi.yaml"),
        "status: Udkast\n",
        "status: Udkast\npdf_standards: [a-2b]\n",
    );
    let out = dir.join("output");
    let run = build(dir, &out);
    assert_exit(&run, 0);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("warning: content/prosa/strategi/udbytte.md:3: an image has no alt text"),
        "{stderr}"
    );
    let doc = Document::load(out.join("strategi.pdf")).unwrap();
    let metadata = xmp(&doc);
    assert!(
        metadata.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{metadata}"
    );
    assert!(!metadata.contains("pdfuaid"), "{metadata}");

    // A plain PDF for a whole project.
    edit(
        &dir.join("dokgen.yaml"),
        "defaults:\n",
        "defaults:\n  pdf_standards: []\n",
    );
    edit(
        &dir.join("content/documents/strategi.yaml"),
        "pdf_standards: [a-2b]\n",
        "",
    );
    assert_exit(&dokgen(&["build", dir.to_str().unwrap()]), 0);
    let doc = Document::load(out.join("ansoegning-1.pdf")).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "still tagged");
    assert!(!xmp(&doc).contains("pdfaid"), "not PDF/A");
}

#[test]
fn parallel_and_batch_builds_give_the_bytes_of_a_sequential_build() {
    let sequential = tempfile::tempdir().unwrap();
    let run = dokgen(&[
        "build",
        repo().to_str().unwrap(),
        "--jobs",
        "1",
        "--output",
        sequential.path().to_str().unwrap(),
    ]);
    assert_exit(&run, 0);
    let parallel = built();
    assert_eq!(pdfs(parallel.path()), pdfs(sequential.path()));
    assert_eq!(
        std::fs::read(parallel.path().join("manifest.json")).unwrap(),
        std::fs::read(sequential.path().join("manifest.json")).unwrap()
    );

    // The two application letters as one batch declaration over the
    // applications: the same letters, byte for byte.
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let documents = project.path().join("content/documents");
    let declared = std::fs::read_to_string(documents.join("ansoegning-1.yaml")).unwrap();
    let batch = declared
        .replace(
            "output: ansoegning-1\n",
            "for_each: applications\noutput: \"{id}\"\n",
        )
        .replace("date: 2018-09-03\n", "")
        .replace("application: ansoegning-1\n", "");
    std::fs::remove_file(documents.join("ansoegning-1.yaml")).unwrap();
    std::fs::remove_file(documents.join("ansoegning-2.yaml")).unwrap();
    std::fs::write(documents.join("ansoegninger.yaml"), batch).unwrap();
    let out = project.path().join("output");
    assert_exit(&build(project.path(), &out), 0);
    let batch = pdfs(&out);
    for name in ["ansoegning-1.pdf", "ansoegning-2.pdf"] {
        assert_eq!(batch[name], pdfs(sequential.path())[name], "{name}");
    }
}

#[test]
fn emit_typst_writes_the_generated_source_beside_each_pdf() {
    let (out, run) = emitted();
    let source = std::fs::read_to_string(out.path().join("strategi.typ")).unwrap();
    assert!(source.starts_with("#import \"dokgen.typ\": *"), "{source}");
    assert!(source.contains("#forside("));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains(&format!(
            "{n} documents: {n} made, 0 up to date, 0 failed",
            n = common::shipped_documents()
        )),
        "{stdout}"
    );
    // `dokgen compile` typesets the emitted source into the same PDF.
    let again = out.path().join("igen.pdf");
    let compile = dokgen(&[
        "compile",
        out.path().join("strategi.typ").to_str().unwrap(),
        "--project",
        repo().to_str().unwrap(),
        "--date",
        "2017-08-21",
        "--output",
        again.to_str().unwrap(),
    ]);
    assert_exit(&compile, 0);
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(out.path().join("strategi.pdf")).unwrap()
    );
}

#[test]
fn compile_makes_a_web_page_of_an_emitted_source_as_the_build_did() {
    let (out, _) = emitted();
    // The front page of the web publication is only a web page.
    let page = out.path().join("igen.html");
    let compile = dokgen(&[
        "compile",
        out.path().join("index.typ").to_str().unwrap(),
        "--project",
        repo().to_str().unwrap(),
        "--date",
        "2017-08-21",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ]);
    assert_exit(&compile, 0);
    let stdout = String::from_utf8_lossy(&compile.stdout);
    assert_eq!(stdout.trim(), format!("wrote {}", page.display()));
    assert_eq!(
        std::fs::read_to_string(&page).unwrap(),
        std::fs::read_to_string(out.path().join("web/index.html")).unwrap()
    );
}

#[test]
fn compile_refuses_a_format_given_twice() {
    let (out, compile) = compile_a_line(&["--format", "pdf", "--format", "pdf"]);
    assert_exit(&compile, 1);
    let stderr = String::from_utf8_lossy(&compile.stderr);
    assert!(stderr.contains("`pdf` is given twice"), "{stderr}");
    assert!(
        stderr.contains("give each format once: `--format pdf --format html`"),
        "{stderr}"
    );
    assert!(!out.path().join("brev.pdf").exists());
}

#[test]
fn compile_refuses_one_output_file_for_two_formats() {
    let target = std::env::temp_dir().join(format!("dokgen-{}-brev.pdf", std::process::id()));
    let target_arg = target.to_str().unwrap();
    let (out, compile) = compile_a_line(&[
        "--format", "pdf", "--format", "html", "--output", target_arg,
    ]);
    assert_exit(&compile, 1);
    let stderr = String::from_utf8_lossy(&compile.stderr);
    assert!(
        stderr.contains("--output names one file, and several formats are made"),
        "{stderr}"
    );
    assert!(stderr.contains("leave --output out"), "{stderr}");
    assert!(!target.exists());
    assert!(!out.path().join("brev.pdf").exists());
}

/// A folder holding `brev.typ`, one line of Typst, and what `dokgen
/// compile` said of it with the default project and `args`.
fn compile_a_line(args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let out = tempfile::tempdir().unwrap();
    let source = out.path().join("brev.typ");
    std::fs::write(&source, "Hej.").unwrap();
    let project = repo();
    let mut all = vec![
        "compile",
        source.to_str().unwrap(),
        "--project",
        project.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let run = dokgen(&all);
    (out, run)
}

/// A folder with the default project built into it with `--emit typst`,
/// and what the build said.
fn emitted() -> (tempfile::TempDir, std::process::Output) {
    let out = tempfile::tempdir().unwrap();
    let run = dokgen(&[
        "build",
        repo().to_str().unwrap(),
        "--emit",
        "typst",
        "--output",
        out.path().to_str().unwrap(),
    ]);
    assert_exit(&run, 0);
    (out, run)
}

/// The manifest of `out`, as JSON.
fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap()
}

fn write_manifest(out: &Path, manifest: &serde_json::Value) {
    let json = serde_json::to_string_pretty(manifest).unwrap();
    std::fs::write(out.join("manifest.json"), json + "\n").unwrap();
}

/// A PDF of the attacker's, with JavaScript and a launch action.
const FORGED: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.launchURL('https://example.org')) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[test]
fn a_forged_pdf_whose_hash_is_written_into_the_manifest_is_made_again() {
    let (project, out) = built_copy();
    std::fs::write(out.join("strategi.pdf"), FORGED).unwrap();
    let mut forged = manifest(&out);
    for entry in forged["documents"].as_array_mut().unwrap() {
        if entry["output"] == "strategi.pdf" {
            entry["sha256"] = dokgen::plan::manifest::sha256(FORGED).into();
        }
    }
    write_manifest(&out, &forged);

    let run = build(project.path(), &out);
    assert_exit(&run, 0);
    let all = said(&run);
    assert!(all.values().all(|w| *w == "wrote"), "{all:?}");
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("does not carry your seal"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let strategy = std::fs::read(out.join("strategi.pdf")).unwrap();
    assert_ne!(strategy, FORGED);
    assert!(Document::load_mem(&strategy).is_ok());
    // What is written now carries the seal again.
    assert!(
        said(&build(project.path(), &out))
            .values()
            .all(|w| *w == "up to date")
    );
}

#[test]
fn a_manifest_without_a_seal_is_no_record() {
    let (project, out) = built_copy();
    let mut unsealed = manifest(&out);
    assert!(
        unsealed["seal"]
            .as_str()
            .unwrap()
            .starts_with("hmac-sha256:"),
        "{unsealed}"
    );
    unsealed.as_object_mut().unwrap().remove("seal");
    write_manifest(&out, &unsealed);
    let all = said(&build(project.path(), &out));
    assert_eq!(all.len(), common::shipped_declarations(), "{all:?}");
    assert!(all.values().all(|w| *w == "wrote"), "{all:?}");
}

#[test]
fn a_manifest_sealed_by_another_user_is_no_record() {
    let (project, out) = built_copy();
    let other = tempfile::tempdir().unwrap();
    let run = crate::common::binary()
        .env("XDG_CONFIG_HOME", other.path())
        .args(["build", project.path().to_str().unwrap(), "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert_exit(&run, 0);
    let all = said(&run);
    assert_eq!(all.len(), common::shipped_declarations(), "{all:?}");
    assert!(all.values().all(|w| *w == "wrote"), "{all:?}");
    // The other user's key was made where that user keeps it, for that
    // user alone.
    let key = other.path().join("dokgen/manifest-key");
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}

#[test]
fn check_says_when_the_output_folder_is_not_vouched_for() {
    let (project, out) = built_copy();
    let check = || dokgen(&["check", project.path().to_str().unwrap()]);
    let said = String::from_utf8_lossy(&check().stdout).into_owned();
    assert!(!said.contains("does not carry your seal"), "{said}");
    let mut unsealed = manifest(&out);
    unsealed.as_object_mut().unwrap().remove("seal");
    write_manifest(&out, &unsealed);
    let run = check();
    assert_exit(&run, 0);
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        said.contains("note: output/manifest.json does not carry your seal"),
        "{said}"
    );
}
