//! Every path a README names exists: its links and pictures, the files of
//! the repository it names in code (`content/…`, `templates/…`, `src/…`),
//! and the notes it names in capitals (`DOMAIN.md`). Paths a
//! build writes (`output/…`) and patterns (`<name>`, `*`, `{path}`) are not
//! files to check. A link to a heading (`guide.md#a-project`, `#order`)
//! finds that heading in the file it names. One test per README and per
//! Markdown file under `docs/`.

use crate::common;

use std::collections::HashMap;
use std::path::Path;

/// The folders of the repository whose files a README may name in code.
const FOLDERS: &[&str] = &[
    "content/",
    "templates/",
    "src/",
    "tests/",
    "benches/",
    "assets/",
    "schema/",
    "scripts/",
    "examples/",
    "docs/",
    ".ci/",
    "fuzz/",
];

/// The README's text without its fenced code blocks (commands and file
/// examples, which may name what a reader is to create).
fn prose_of(text: &str) -> String {
    let mut fenced = false;
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The paths the README's text names, as it writes them.
fn named(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    // Links and pictures: `[text](path)`, or `(path#heading)`.
    for part in text.split("](").skip(1) {
        let target = part.split(')').next().unwrap_or_default();
        if !target.contains("://") && !target.starts_with('#') && !target.contains(' ') {
            paths.push(target.split('#').next().unwrap_or_default().to_owned());
        }
    }
    // Files of the repository in code: `content/kommuner/ishoej.yaml`.
    for (i, span) in text.split('`').enumerate() {
        let span = span.trim_end_matches(['.', ',', ':', ';']);
        let pattern = span.contains(|c: char| "{}<>*…$| ".contains(c));
        if i % 2 == 1 && !pattern && FOLDERS.iter().any(|f| span.starts_with(f)) {
            paths.push(span.to_owned());
        }
    }
    // Notes by their capitalised names: STYLE.md, DOMAIN.md.
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || "._-/".contains(c))) {
        let word = word.trim_end_matches('.');
        if let Some(stem) = word.strip_suffix(".md")
            && !stem.is_empty()
            && stem
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            paths.push(word.to_owned());
        }
    }
    paths
}

/// The links of the text that go to a heading, as (file, anchor): the
/// file as written, empty for a heading of the same text. A link in code
/// (`[se økonomi](#oekonomi)`) is an example, not a link.
fn headings_linked(text: &str) -> Vec<(String, String)> {
    text.split('`')
        .step_by(2)
        .flat_map(|outside| outside.split("](").skip(1))
        .filter_map(|part| {
            let target = part.split(')').next().unwrap_or_default();
            let (file, anchor) = target.split_once('#')?;
            (!target.contains("://") && !target.contains(' '))
                .then(|| (file.to_owned(), anchor.to_owned()))
        })
        .collect()
}

/// The anchors GitHub gives the headings of a Markdown text, in order:
/// the heading in lower case, without its punctuation, spaces made `-`;
/// a repeated one gets `-1`, `-2`, ….
fn anchors(text: &str) -> Vec<String> {
    let mut anchors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in prose_of(text).lines() {
        let level = line.len() - line.trim_start_matches('#').len();
        let Some(title) = line[level..].strip_prefix(' ') else {
            continue;
        };
        if !(1..=6).contains(&level) {
            continue;
        }
        let anchor: String = title
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let repeats = seen.entry(anchor.clone()).or_default();
        anchors.push(if *repeats == 0 {
            anchor
        } else {
            format!("{anchor}-{repeats}")
        });
        *repeats += 1;
    }
    anchors
}

/// Panics with every path `readme` (relative to the repository) names that
/// exists neither beside it nor from the repository's root, and with every
/// heading it links to that the file it names does not have.
fn check(readme: &str) {
    let repo = common::repo();
    let file = repo.join(readme);
    let text = std::fs::read_to_string(&file).unwrap();
    let folder = file.parent().unwrap();
    let paths = named(&prose_of(&text));
    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !folder.join(p).exists() && !repo.join(p).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "{readme} names paths that do not exist: {missing:?}"
    );
    assert!(!paths.is_empty() || readme != "README.md");
    let unknown: Vec<String> = headings_linked(&prose_of(&text))
        .into_iter()
        .filter(|(target, anchor)| {
            let linked = if target.is_empty() {
                text.clone()
            } else {
                let path = [folder.join(target), repo.join(target)]
                    .into_iter()
                    .find(|p| p.is_file())
                    .unwrap();
                std::fs::read_to_string(path).unwrap()
            };
            !anchors(&linked).contains(anchor)
        })
        .map(|(target, anchor)| format!("{target}#{anchor}"))
        .collect();
    assert!(
        unknown.is_empty(),
        "{readme} links to headings that do not exist: {unknown:?}"
    );
}

/// The Markdown files under `docs/`, each with its test below.
const DOCS: &[&str] = &[
    "docs/architecture.md",
    "docs/development.md",
    "docs/guide.md",
    "docs/kom-i-gang.md",
    "docs/meddelelser.md",
    "docs/performance.md",
    "docs/reference.md",
];

#[test]
fn the_readme_names_only_paths_that_exist() {
    check("README.md");
}

#[test]
fn the_dragoer_taarnby_readme_names_only_paths_that_exist() {
    check("examples/dragoer-taarnby/README.md");
}

#[test]
fn the_aeroe_svendborg_readme_names_only_paths_that_exist() {
    check("examples/aeroe-svendborg/README.md");
}

#[test]
fn the_guide_names_only_paths_that_exist() {
    check("docs/guide.md");
}

#[test]
fn the_danish_guide_names_only_paths_that_exist() {
    check("docs/kom-i-gang.md");
}

#[test]
fn the_danish_page_on_messages_names_only_paths_that_exist() {
    check("docs/meddelelser.md");
}

#[test]
fn the_field_reference_names_only_paths_that_exist() {
    check("docs/reference.md");
}

#[test]
fn the_performance_notes_name_only_paths_that_exist() {
    check("docs/performance.md");
}

#[test]
fn the_architecture_notes_name_only_paths_that_exist() {
    check("docs/architecture.md");
}

#[test]
fn the_development_notes_name_only_paths_that_exist() {
    check("docs/development.md");
}

#[test]
fn every_markdown_file_under_docs_has_its_test() {
    fn markdown(folder: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                markdown(&path, found);
            } else if path.extension().is_some_and(|e| e == "md") {
                let relative = path.strip_prefix(common::repo()).unwrap();
                found.push(relative.to_str().unwrap().to_owned());
            }
        }
    }
    let mut found = Vec::new();
    markdown(&common::repo().join("docs"), &mut found);
    found.sort();
    assert_eq!(found, DOCS, "add a test that checks each new file");
}

#[test]
fn a_link_to_a_heading_finds_its_anchor() {
    let text = "# Two commands\n## Starting a project: `dokgen new`\n```\n# not a heading\n```\n#### Fact files (`content/*.yaml`)\n## Order\n### Order\n#hashtag\n";
    assert_eq!(
        anchors(text),
        [
            "two-commands",
            "starting-a-project-dokgen-new",
            "fact-files-contentyaml",
            "order",
            "order-1"
        ]
    );
    assert_eq!(
        headings_linked(
            "[a](guide.md#a-project), [b](#order), [c](https://x.dk/#y), [d](d.md), `[e](#e)`"
        ),
        [
            ("guide.md".to_owned(), "a-project".to_owned()),
            (String::new(), "order".to_owned())
        ]
    );
    assert_eq!(named("[a](docs/guide.md#a-project)"), ["docs/guide.md"]);
}

#[test]
fn a_note_outside_the_repository_a_link_and_a_file_in_code_are_found() {
    let text = prose_of(
        "See DOMAIN.md and [the page](docs/serve-page.png), `content/x.yaml` and `output/a.pdf`, `templates/<name>.typ`.\n```\n`src/nowhere.rs`\n```\n",
    );
    let paths = named(&text);
    assert_eq!(
        paths,
        ["docs/serve-page.png", "content/x.yaml", "DOMAIN.md"]
    );
    assert!(!Path::new(&common::repo()).join("DOMAIN.md").exists());
}
