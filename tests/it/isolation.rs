//! Inputs that once ended dokgen without a message (a stack overflowed,
//! memory ran out) or held it past its time budget: each now fails its own
//! document, at its declaration or at the line that names the file, with
//! exit code 1, while the other documents are made. The inputs that fit in
//! a file of `tests/bad/` are there (`prose-replace-squares-a-text`,
//! `typst-text-exhausts-memory`, `svg-filter-takes-minutes`,
//! `aliases-multiply-a-file`); these are made by code.

use std::io::Write;
use std::path::Path;

use crate::common;
use crate::common::{assert_exit, build, copy_default_project, edit};

/// What `run` said on its error output.
fn said(run: &std::process::Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// The PDFs in `out`, by name.
fn made(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".pdf"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_chain_of_two_thousand_includes_fails_its_document_and_no_other() {
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    copy_default_project(dir);
    let chain = dir.join("templates/kaede");
    std::fs::create_dir_all(&chain).unwrap();
    const LINKS: usize = 2000;
    for i in 0..LINKS {
        let text = if i + 1 == LINKS {
            "Enden.\n".to_owned()
        } else {
            format!("{{% include \"kaede/{}.typ.tera\" %}}\n", i + 1)
        };
        std::fs::write(chain.join(format!("{i}.typ.tera")), text).unwrap();
    }
    edit(
        &dir.join("templates/strategi.typ.tera"),
        "#import \"dokgen.typ\": *\n",
        "#import \"dokgen.typ\": *\n{% include \"kaede/0.typ.tera\" %}\n",
    );
    let out = dir.join("output");
    let run = build(dir, &out);
    assert_exit(&run, 1);
    let said = said(&run);
    assert!(
        said.contains("content/documents/strategi.yaml:2:11: `strategi` (template strategi.typ.tera): making it nested deeper than dokgen can follow"),
        "{said}"
    );
    assert!(!said.contains("panicked"), "{said}");
    assert_eq!(
        made(&out).len(),
        common::shipped_declarations() - 1,
        "{said}"
    );
    assert!(!made(&out).contains(&"strategi.pdf".to_owned()));
}

#[test]
fn an_annex_whose_stream_inflates_to_gigabytes_is_refused_at_its_line() {
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    copy_default_project(dir);
    // 300 MB of zeros, compressed into a few hundred kilobytes.
    let mut stream = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..300 {
        stream.write_all(&zeros).unwrap();
    }
    let stream = stream.finish().unwrap();
    let mut pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "4 0 obj << /Length {} /Filter /Fl#61teDecode >>\nstream\n",
            stream.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&stream);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    std::fs::create_dir_all(dir.join("bilag")).unwrap();
    std::fs::write(dir.join("bilag/strategi.pdf"), pdf).unwrap();
    edit(
        &dir.join("content/moeder.yaml"),
        "        annexes:\n          - document: strategi\n",
        "        annexes:\n          - title: Udkast til strategi for det forpligtende samarbejde\n            file: bilag/strategi.pdf\n",
    );
    let run = build(dir, &dir.join("output"));
    assert_exit(&run, 1);
    let said = said(&run);
    assert!(
        said.contains("content/moeder.yaml:")
            && said.contains("a stream of it unpacks into more than 256 MB"),
        "{said}"
    );
}

#[test]
fn a_compressed_svg_that_unpacks_past_its_limit_is_refused_at_its_line() {
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    copy_default_project(dir);
    edit(
        &dir.join("dokgen.yaml"),
        "proper_names:",
        "limits: { image: 5 }\nproper_names:",
    );
    // An SVG of 8 MB (a comment of spaces), compressed to a few kilobytes
    // and named as a plain SVG.
    let mut svg = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    svg.write_all(b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"><!--")
        .unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..8 {
        svg.write_all(&spaces).unwrap();
    }
    svg.write_all(b"--></svg>").unwrap();
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("assets/logo.svg"), svg.finish().unwrap()).unwrap();
    edit(
        &dir.join("content/kommuner/ishoej.yaml"),
        "    officials:\n",
        "    logo: assets/logo.svg\n    officials:\n",
    );
    let run = build(dir, &dir.join("output"));
    assert_exit(&run, 1);
    let said = said(&run);
    assert!(
        said.contains("content/kommuner/ishoej.yaml:17:11")
            && said.contains(
                "it is compressed, and unpacks into more than the 5 MB an image file may be"
            ),
        "{said}"
    );
}
