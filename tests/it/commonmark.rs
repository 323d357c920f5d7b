//! Every example of the CommonMark spec and of the extensions' suites that
//! pulldown-cmark runs is converted to Typst and compiled: none may fail
//! to compile, except examples that need an image file that does not
//! exist, which must give the missing-image error. The share of each
//! example's text that reaches the document, against the spec's HTML, is
//! measured (the share of the HTML's text found, in order, in the
//! document's text) and printed (`cargo test --test it commonmark:: -- --nocapture`).
//!
//! The examples are read as data from pulldown-cmark's own test suite in
//! the cargo registry (`tests/suite/*.rs`, generated from the specs).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dokgen::markdown::{self, ProseSource, Settings};
use dokgen::typeset::{self, Job, Typesetter};

/// One example: its suite, name, Markdown and expected HTML.
struct Example {
    suite: String,
    name: String,
    markdown: String,
    html: String,
}

/// pulldown-cmark's sources in the cargo registry.
fn suite_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let mut found: Vec<PathBuf> = std::fs::read_dir(home.join("registry/src"))
        .expect("the cargo registry holds the sources of the dependencies")
        .flat_map(|index| std::fs::read_dir(index.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("pulldown-cmark-0.13.")
        })
        .map(|p| p.join("tests/suite"))
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
        .pop()
        .expect("pulldown-cmark 0.13's sources with tests/suite are in the cargo registry")
}

/// The raw string that follows `let <name> = r##"` in `text` from `at`.
fn raw_string<'t>(text: &'t str, name: &str, at: usize) -> Option<(&'t str, usize)> {
    let marker = format!("let {name} = r##\"");
    let start = text[at..].find(&marker)? + at + marker.len();
    let end = start + text[start..].find("\"##;")?;
    Some((&text[start..end], end))
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(suite_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
        .collect();
    files.sort();
    for file in files {
        let suite = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let mut at = 0;
        while let Some(fn_at) = text[at..].find("\nfn ") {
            let name_start = at + fn_at + 4;
            let name = text[name_start..].split('(').next().unwrap().to_owned();
            let Some((markdown, after)) = raw_string(&text, "original", name_start) else {
                break;
            };
            let Some((html, after)) = raw_string(&text, "expected", after) else {
                break;
            };
            out.push(Example {
                suite: suite.clone(),
                name,
                markdown: markdown.into(),
                html: html.into(),
            });
            at = after;
        }
    }
    out
}

/// The text of HTML, as a reader sees it: tags dropped, entities decoded.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        let tag = &rest[open..tag_end];
        // Images show their alt text; the PDF keeps it as the image's text.
        let alt = tag
            .strip_prefix("<img")
            .and_then(|t| t.split("alt=\"").nth(1));
        if let Some(alt) = alt.and_then(|a| a.split('"').next()) {
            text.push_str(alt);
        }
        rest = &rest[tag_end..];
    }
    text.push_str(rest);
    decode_entities(&text)
}

fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &after[..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some('\u{a0}'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text compared without white space, which line breaking moves around.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

/// The share of `want`'s characters that appear in `got`, in order (the
/// longest common subsequence over the length of `want`). Text the PDF adds
/// (list bullets, numbers, raw HTML shown as text) does not count against
/// it; text it loses does.
fn survival(want: &str, got: &str) -> f64 {
    let want: Vec<char> = want.chars().collect();
    let got: Vec<char> = got.chars().collect();
    if want.is_empty() {
        return 1.0;
    }
    let mut row = vec![0usize; got.len() + 1];
    for &w in &want {
        let mut diagonal = 0;
        for (j, &g) in got.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if w == g {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[got.len()] as f64 / want.len() as f64
}

/// The construct an example is about, told from its expected HTML.
fn construct(html: &str) -> &'static str {
    const TAGS: [(&str, &str); 14] = [
        ("<table", "table"),
        ("<img", "image"),
        ("footnote", "footnote"),
        ("<pre", "code block"),
        ("<ol", "ordered list"),
        ("<ul", "bullet list"),
        ("<blockquote", "block quote"),
        ("<a ", "link"),
        ("<h", "heading"),
        ("<code", "code span"),
        ("<em", "emphasis"),
        ("<strong", "strong"),
        ("<del", "strikethrough"),
        ("<hr", "thematic break"),
    ];
    TAGS.iter()
        .find(|(tag, _)| html.contains(tag))
        .map_or("paragraph and text", |(_, name)| name)
}

#[test]
fn every_spec_example_compiles_and_its_text_is_measured() {
    let examples = examples();
    assert!(
        examples.len() > 1000,
        "only {} examples were found",
        examples.len()
    );
    let root = tempfile::tempdir().unwrap();
    let typesetter = Typesetter::for_folder(root.path(), &root.path().join("fonts")).unwrap();
    let file = Path::new("content/example.md");

    let mut failures = Vec::new();
    let mut image_errors = 0;
    let mut refused = 0;
    // suite → (examples, summed fidelity)
    let mut by_suite: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    // construct → (examples below 90 %, examples)
    let mut short: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for example in &examples {
        let origin = ProseSource {
            root: root.path(),
            file,
            lines: &[],
        };
        let converted = markdown::to_typst(
            &example.markdown,
            &Settings {
                heading_offset: 0,
                origin: Some(origin),
            },
        );
        let errors: Vec<_> = converted.problems.iter().filter(|p| p.is_error).collect();
        if !errors.is_empty() {
            let only_images = errors
                .iter()
                .all(|p| p.message.id().starts_with("template-markdown-image"));
            if only_images {
                image_errors += 1;
                continue;
            }
            // A control or invisible character, as it is or written as a
            // reference (`&#x7;`), is refused by design, at its line.
            let only_unseen = errors.iter().all(|p| {
                p.message
                    .text(dokgen::message::Lang::En)
                    .contains("the text holds U+")
            });
            if only_unseen {
                refused += 1;
                continue;
            }
            failures.push(format!("{}/{}: {:?}", example.suite, example.name, errors));
            continue;
        }
        let job = Job {
            name: "example",
            source: format!("#set text(lang: \"da\")\n{}", converted.typst),
            date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            proper_names: None,
        };
        let document = match typesetter.compile(&job) {
            Ok((document, _)) => document,
            Err(err) => {
                failures.push(format!(
                    "{}/{}: {err}\n--- markdown ---\n{}\n--- typst ---\n{}",
                    example.suite, example.name, example.markdown, converted.typst
                ));
                continue;
            }
        };
        let got = squeeze(&typeset::plain_text(&document));
        let want = squeeze(&html_text(&example.html));
        let fidelity = survival(&want, &got);
        let entry = by_suite.entry(example.suite.as_str()).or_default();
        entry.0 += 1;
        entry.1 += fidelity;
        let c = short.entry(construct(&example.html)).or_default();
        c.1 += 1;
        if fidelity < 0.9 {
            c.0 += 1;
            if std::env::var_os("DOKGEN_SHOW_SHORT").is_some() {
                println!(
                    "{}/{} {:.0}%: want {want:?} got {got:?}",
                    example.suite,
                    example.name,
                    fidelity * 100.0
                );
            }
        }
    }

    println!("{:<20} {:>9} {:>9}", "suite", "examples", "fidelity");
    let (mut n, mut sum) = (0, 0.0);
    for (suite, (count, total)) in &by_suite {
        println!(
            "{suite:<20} {count:>9} {:>8.1}%",
            total * 100.0 / *count as f64
        );
        n += count;
        sum += total;
    }
    println!("{:<20} {n:>9} {:>8.1}%", "all", sum * 100.0 / n as f64);
    println!("examples that need a missing image (clear error): {image_errors}");
    println!("examples refused for a character that does not show (clear error): {refused}");
    println!(
        "\n{:<20} {:>9} {:>14}",
        "construct", "examples", "below 90 %"
    );
    for (construct, (below, count)) in &short {
        println!("{construct:<20} {count:>9} {below:>14}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n\n")
    );
}
