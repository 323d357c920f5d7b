//! The web publication of the shipped projects (`publication:` in their
//! dokgen.yaml): what `dokgen build` writes to `output/web/`, read back as a
//! visitor and a search engine meet it. Every page of the three projects is
//! checked: its frame, its links, its text against its PDF, what it must
//! never hold, and, in a real browser, axe-core's WCAG 2.1 A and AA rules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::common::browser::Browser;
use crate::common::{assert_exit, build, copy_default_project, edit, pdf_text, repo};

/// The shipped projects, by name.
const PROJECTS: [(&str, &str); 3] = [
    ("default", "."),
    ("dragoer-taarnby", "examples/dragoer-taarnby"),
    ("aeroe-svendborg", "examples/aeroe-svendborg"),
];

/// Builds the shipped project `dir` (relative to the repository) into a
/// folder of its own; gives that folder.
fn built(dir: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(&repo().join(dir), out.path()), 0);
    out
}

/// Every file of the publication in `out`, by its name there (`bilag/a.pdf`).
fn files(out: &Path) -> BTreeMap<String, PathBuf> {
    let web = out.join("web");
    let mut found = BTreeMap::new();
    let mut stack = vec![web.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(&web)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(name, path);
            }
        }
    }
    found
}

/// The pages of the publication in `out`, by name, with their text.
fn pages(out: &Path) -> BTreeMap<String, String> {
    files(out)
        .into_iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, path)| (name, std::fs::read_to_string(path).unwrap()))
        .collect()
}

/// The public meeting papers the project `dir` declares, by output name:
/// those that are neither internal nor an extract.
fn public_papers(dir: &str) -> Vec<String> {
    let declarations = repo().join(dir).join("content/documents");
    let mut out: Vec<String> = std::fs::read_dir(declarations)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|text| text.contains("\nmeeting: "))
        .filter(|text| !text.contains("internal: true") && !text.contains("papers: extract"))
        .map(|text| {
            let line = text.lines().find(|l| l.starts_with("output: ")).unwrap();
            line.trim_start_matches("output: ").trim().to_owned()
        })
        .collect();
    out.sort();
    out
}

/// The values of attribute `name` of every element of `html`.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .map(|(at, _)| {
            let rest = &html[at + key.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// `html` without the elements whose class is `kunweb` (what only a web
/// page says: a link to the PDF, an item's own page, an annex's size) and
/// without table captions (a table's name for a screen reader).
fn without_web_furniture(html: &str) -> String {
    let mut out = html.to_owned();
    for (open, close) in [
        ("<div class=\"kunweb\">", "</div>"),
        ("<span class=\"kunweb\">", "</span>"),
        ("<caption>", "</caption>"),
    ] {
        while let Some(start) = out.find(open) {
            let end = start + out[start..].find(close).unwrap() + close.len();
            out.replace_range(start..end, " ");
        }
    }
    out
}

/// The words a reader sees in `html`'s main landmark, in order.
fn main_words(html: &str) -> Vec<String> {
    let start = html.find("<main").expect("a main landmark");
    let end = html.find("</main>").unwrap();
    let main = without_web_furniture(&html[start..end]);
    let mut text = String::new();
    // The number a browser shows before each item of a numbered list (not
    // text of the page, but what a reader reads, as on paper): the next
    // number of each list open, none for a list without numbers.
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut rest = main.as_str();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let close = open + rest[open..].find('>').unwrap();
        let tag = &rest[open + 1..close];
        let name = tag.split([' ', '/']).next().unwrap_or_default();
        match name {
            "ol" if tag.contains("list-style-type: none") => lists.push(None),
            "ol" => {
                let start = attributes(&format!("<{tag}>"), "start")
                    .first()
                    .map_or(1, |s| s.parse().unwrap());
                lists.push(Some(start));
            }
            "ul" => lists.push(None),
            "" if tag == "/ol" || tag == "/ul" => {
                lists.pop();
            }
            "li" => {
                if let Some(Some(n)) = lists.last_mut() {
                    text.push_str(&format!("{n}. "));
                    *n += 1;
                }
            }
            _ => {}
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    words(&text)
}

/// `text` as words: split at white space (a no-break space too), with
/// invisible characters (word joiners, soft hyphens) left out, in lower
/// case (the paper prints the kind of papers in capitals, the page's
/// stylesheet shows it so).
fn words(text: &str) -> Vec<String> {
    text.replace(['\u{2060}', '\u{ad}'], "")
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of the PDF `pdf` without its page furniture: the running
/// header (`header`, the body, the kind of papers and the date, as the
/// pages after the first print it), the page numbers ("Side 2 af 5"), the
/// table of contents' dot leaders and page numbers, and the annexes'
/// entries in it and their pages (which a web page links to instead).
fn pdf_words(pdf: &Path, header: &str) -> Vec<String> {
    let text = pdf_text(pdf).replace('\u{2060}', "");
    let mut kept = Vec::new();
    let all = words(&text);
    let header = words(header);
    let mut i = 0;
    while i < all.len() {
        let rest = &all[i..];
        // The header, with "· Intern udgave" where it says so.
        if rest.starts_with(&header) {
            i += header.len();
            continue;
        }
        // An annex's heading, "Punkt 1 · Bilag 1: …": in the table of
        // contents, an entry (up to its leader); after everything else,
        // where the annex's pages begin, the end of the papers' text.
        if rest.len() >= 4 && rest[0] == "punkt" && rest[2] == "·" && rest[3] == "bilag" {
            match rest.iter().take(60).position(|w| w == ".") {
                Some(leader) => {
                    i += leader;
                    continue;
                }
                None => break,
            }
        }
        // "Side 2 af 5".
        if rest.len() >= 4
            && rest[0] == "side"
            && rest[1].parse::<u32>().is_ok()
            && rest[2] == "af"
            && rest[3].parse::<u32>().is_ok()
        {
            i += 4;
            continue;
        }
        // A leader's dots and the page number after them.
        if rest[0] == "." {
            let dots = rest.iter().take_while(|w| *w == ".").count();
            i += dots;
            if all.get(i).is_some_and(|w| w.parse::<u32>().is_ok()) {
                i += 1;
            }
            continue;
        }
        kept.push(all[i].clone());
        i += 1;
    }
    kept
}

/// The first place where `page` and `pdf` differ, shown with the text
/// around it; none if they are the same words in the same order. Compared
/// without the spaces between words: a reader of the PDF's text (as
/// pdf-extract is) runs the lines of a stacked list together ("(A)Henrik"),
/// which is the PDF's layout, not its words. Hyphens are left out too: the
/// PDF's text cannot tell a word hyphenated at a line's end from a hyphen
/// of the text that falls there ("Økonomi- og"). So are the bullets of a
/// list, which a browser draws, and the PDF writes as text.
fn first_difference(page: &[String], pdf: &[String]) -> Option<String> {
    let letters = |w: &[String]| -> Vec<char> {
        w.concat()
            .chars()
            .filter(|c| !matches!(c, '-' | '•' | '‣'))
            .collect()
    };
    let (a, b) = (letters(page), letters(pdf));
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))?;
    let around = |w: &[char]| {
        w[at.saturating_sub(60)..(at + 60).min(w.len())]
            .iter()
            .collect::<String>()
    };
    Some(format!(
        "character {at} (spaces left out):\n  page: …{}…\n  PDF:  …{}…",
        around(&a),
        around(&b)
    ))
}

/// Builds `dir` and checks what every project's publication must be:
/// each public paper as a page and a PDF, a page for each item, an index of
/// each body and a front page, nothing internal, every link leading to a
/// file of the publication.
fn publishes_its_papers(dir: &str) {
    let out = built(dir);
    let files = files(out.path());
    let pages = pages(out.path());
    assert!(files.contains_key("index.html"), "{files:?}");
    for name in public_papers(dir) {
        assert!(
            files.contains_key(&format!("{name}.html")),
            "{name}: {files:?}"
        );
        assert!(
            files.contains_key(&format!("{name}.pdf")),
            "{name}: {files:?}"
        );
        // The PDF in the publication is the PDF beside it.
        assert_eq!(
            std::fs::read(out.path().join(format!("{name}.pdf"))).unwrap(),
            std::fs::read(&files[&format!("{name}.pdf")]).unwrap(),
            "{name}"
        );
        // At least one item has a page of its own.
        assert!(
            files
                .keys()
                .any(|f| f.starts_with(&format!("{name}-punkt-"))),
            "{name}: {files:?}"
        );
    }
    // Nothing internal, no extract, no manifest, no source.
    for name in files.keys() {
        assert!(!name.contains("intern"), "{name}");
        assert!(!name.contains("udskrift"), "{name}");
        assert!(
            name.ends_with(".html") || name.ends_with(".pdf"),
            "only pages and PDFs: {name}"
        );
    }
    // Every link leads to a file of the publication (an anchor to an
    // element of it), by a relative address: the folder can be copied to
    // any web server, or opened from disk.
    for (name, html) in &pages {
        for href in attributes(html, "href") {
            assert!(
                !href.contains(':') && !href.starts_with('/') && !href.contains(".."),
                "{name}: `{href}` is not a relative address inside the publication"
            );
            let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
            let target = if file.is_empty() { name.as_str() } else { file };
            assert!(files.contains_key(target), "{name}: `{href}` leads nowhere");
            if !anchor.is_empty() {
                let html = &pages[target];
                assert!(
                    html.contains(&format!(" id=\"{anchor}\"")),
                    "{name}: `{href}` has no anchor"
                );
            }
        }
    }
    // Every page can be reached from the front page.
    let mut reached = BTreeSet::from(["index.html".to_owned()]);
    let mut queue = vec!["index.html".to_owned()];
    while let Some(page) = queue.pop() {
        for href in attributes(&pages[&page], "href") {
            let file = href.split('#').next().unwrap();
            if file.ends_with(".html") && reached.insert(file.to_owned()) {
                queue.push(file.to_owned());
            }
        }
    }
    let all: BTreeSet<String> = pages.keys().cloned().collect();
    assert_eq!(reached, all, "pages no link leads to");
}

#[test]
fn the_default_project_publishes_its_meeting_papers() {
    publishes_its_papers(".");
}

#[test]
fn the_dragoer_project_publishes_its_meeting_papers() {
    publishes_its_papers("examples/dragoer-taarnby");
}

#[test]
fn the_aeroe_project_publishes_its_meeting_papers() {
    publishes_its_papers("examples/aeroe-svendborg");
}

#[test]
fn every_published_meeting_page_says_what_its_pdf_says_word_for_word() {
    let mut compared = 0;
    for (project, dir) in PROJECTS {
        let out = built(dir);
        let files = files(out.path());
        for name in public_papers(dir) {
            let html = std::fs::read_to_string(&files[&format!("{name}.html")]).unwrap();
            // The running header: the body, the papers and the date, as the
            // page's heading, kind and way (its last step) say them.
            let h1 = &html[html.find("<h1>").unwrap() + 4..html.find("</h1>").unwrap()];
            let here = html.find("aria-current=\"page\">").unwrap();
            let step = &html[here + 20..];
            let step = &step[..step.find('<').unwrap()];
            let (art, date) = step.split_once(' ').unwrap();
            let header = format!("{h1} · {art} · {date}");
            let page = main_words(&html);
            let pdf = pdf_words(&files[&format!("{name}.pdf")], &header);
            if let Some(difference) = first_difference(&page, &pdf) {
                panic!("{project}/{name}: the page and the PDF differ at {difference}");
            }
            compared += 1;
        }
    }
    assert!(compared >= 8, "{compared} papers compared");
}

#[test]
fn nothing_closed_or_internal_reaches_the_publication() {
    let out = built(".");
    // What only the internal papers hold: a closed item's title and case,
    // its reason, and the closed annex.
    let secrets = [
        "fagsystem",
        "Punktet er undtaget",
        "Lønudgifter til medarbejdere, der løser opgaver for begge kommuner (PDF",
    ];
    let internal = pdf_text(&out.path().join("styregruppe-2017-06-19-referat-intern.pdf"));
    assert!(internal.contains(secrets[0]), "{internal}");
    assert!(internal.contains(secrets[1]), "{internal}");
    for (name, path) in files(out.path()) {
        let text = match name.ends_with(".pdf") {
            true => pdf_text(&path),
            false => std::fs::read_to_string(&path).unwrap(),
        };
        for secret in secrets {
            assert!(!text.contains(secret), "`{secret}` in {name}");
        }
    }
    // The closed annex is not copied; the public one is.
    let names: Vec<String> = files(out.path()).into_keys().collect();
    assert!(
        names.contains(&"bilag/tidsplan-for-strategien.pdf".to_owned()),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.contains("loenudgifter")),
        "{names:?}"
    );
}

#[test]
fn the_publication_is_the_same_bytes_from_the_same_input() {
    let first = built("examples/dragoer-taarnby");
    let second = built("examples/dragoer-taarnby");
    let (a, b) = (files(first.path()), files(second.path()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, path) in &a {
        assert!(
            std::fs::read(path).unwrap() == std::fs::read(&b[name]).unwrap(),
            "{name} differs"
        );
    }
}

/// A copy of the default project, built into its own output folder.
fn copied_and_built() -> (tempfile::TempDir, std::process::Output) {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let run = build(project.path(), &project.path().join("output"));
    assert_exit(&run, 0);
    (project, run)
}

#[test]
fn an_unchanged_meeting_is_not_written_again_and_a_gone_one_is_removed() {
    let (project, _) = copied_and_built();
    let out = project.path().join("output");
    let again = build(project.path(), &out);
    assert_exit(&again, 0);
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(!said.contains("wrote "), "{said}");
    assert!(
        said.contains("up to date: ")
            && said.contains("web/byraad-2018-08-28-referat-punkt-2.html"),
        "{said}"
    );
    // The manifest records every file of the publication.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    for name in files(&out).keys() {
        assert!(
            manifest.contains(&format!("\"web/{name}\"")),
            "{name} is not in the manifest"
        );
    }
    // An agenda no longer declared: its page, its items' pages and its
    // PDF leave the publication, and only its.
    std::fs::remove_file(
        project
            .path()
            .join("content/documents/byraad-2017-09-05-dagsorden.yaml"),
    )
    .unwrap();
    let third = build(project.path(), &out);
    assert_exit(&third, 0);
    let said = String::from_utf8_lossy(&third.stdout);
    assert!(said.contains("removed "), "{said}");
    let left: Vec<String> = files(&out).into_keys().collect();
    assert!(
        !left.iter().any(|n| n.starts_with("byraad-2017-09-05")),
        "{left:?}"
    );
    assert!(
        left.contains(&"byraad-2018-08-28-referat.html".to_owned()),
        "{left:?}"
    );
    // The PDF beside the publication is the user's: it stays.
    assert!(out.join("byraad-2017-09-05-dagsorden.pdf").is_file());
    // A changed item rewrites its meeting's pages, not another's.
    edit(
        &project.path().join("content/moeder.yaml"),
        "      - title: Afregning af ydelser mellem kommunerne\n",
        "      - title: Afregning af ydelser mellem de to kommuner\n",
    );
    let fourth = build(project.path(), &out);
    assert_exit(&fourth, 0);
    let said = String::from_utf8_lossy(&fourth.stdout);
    assert!(
        said.contains("web/styregruppe-2017-06-19-referat.html (a web page"),
        "{said}"
    );
    let page = std::fs::read_to_string(out.join("web/styregruppe-2017-06-19-referat-punkt-2.html"))
        .unwrap();
    assert!(
        page.contains("Afregning af ydelser mellem de to kommuner"),
        "{page}"
    );
}

#[test]
fn a_link_to_the_publication_says_where_it_leads() {
    let out = built(".");
    let page = std::fs::read_to_string(out.path().join("web/styregruppe-2017-06-19-referat.html"))
        .unwrap();
    // An annex by its title, type and size.
    let size = std::fs::metadata(repo().join("content/bilag/tidsplan-for-strategien.pdf"))
        .unwrap()
        .len()
        .div_ceil(1024);
    assert!(
        page.contains(&format!(
            "<a href=\"bilag/tidsplan-for-strategien.pdf\">Bilag 1: Tidsplan for arbejdet med en fælles strategi <span class=\"kunweb\">(PDF, {size} kB)</span></a>"
        )),
        "{page}"
    );
    // A closed annex by its title, with no link.
    assert!(
        page.contains("<li>Bilag 1: Lønudgifter til medarbejdere, der løser opgaver for begge kommuner (lukket bilag)</li>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"styregruppe-2017-06-19-referat.pdf\">Hele referatet med de offentlige bilag (PDF)</a>"),
        "{page}"
    );
    assert!(
        page.contains(
            "<a href=\"styregruppe-2017-06-19-referat-punkt-2.html\">Punkt 2 på egen side</a>"
        ),
        "{page}"
    );
    // An item's page: titled by the item, the way back to its meeting.
    let item = std::fs::read_to_string(
        out.path()
            .join("web/byraad-2018-08-28-referat-punkt-2.html"),
    )
    .unwrap();
    assert!(
        item.contains("<title>Punkt 2: Ansøgning om dispensation fra det forpligtende samarbejde med Vallensbæk Kommune – referat af byrådets møde den 28.\u{a0}august\u{a0}2018</title>"),
        "{item}"
    );
    assert!(item.contains("<li><a href=\"byraad-2018-08-28-referat.html\">Referat 28.\u{a0}august\u{a0}2018</a></li>"), "{item}");
    assert!(
        item.contains("<span aria-current=\"page\">Punkt 2</span>"),
        "{item}"
    );
    assert!(
        !item.contains("<h2 id=\"punkt-3\""),
        "one item only: {item}"
    );
}

/// Starts a browser whose window shows `width` CSS pixels, or none where
/// the machine has no Chromium (CI has).
fn browser(width: u32) -> Option<Browser> {
    if !crate::common::have("chromium") || !crate::common::have("chromedriver") {
        return None;
    }
    Some(Browser::start_emulated(width, 900))
}

/// Loads every page of the three publications at `width` CSS pixels and
/// runs axe-core's WCAG 2.1 A and AA rules on it: no violation, and
/// nothing wider than the window.
fn accessible_at(width: u32) {
    let (Some(axe), Some(browser)) = (crate::common::browser::axe(), browser(width)) else {
        return;
    };
    let mut checked = 0;
    for (project, dir) in PROJECTS {
        let out = built(dir);
        for (name, path) in files(out.path()) {
            if !name.ends_with(".html") {
                continue;
            }
            browser.goto(&format!("file://{}", path.display()));
            let violations = browser.axe_violations(&axe);
            assert_eq!(violations, json!([]), "{project}/{name} at {width} px");
            let sideways = browser.eval(
                "return document.documentElement.scrollWidth > window.innerWidth;",
                json!([]),
            );
            assert_eq!(
                sideways,
                json!(false),
                "{project}/{name} scrolls sideways at {width} px"
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked} pages");
}

#[test]
fn every_published_page_passes_axe_core_at_desktop_width() {
    accessible_at(1280);
}

#[test]
fn every_published_page_passes_axe_core_at_320_css_pixels() {
    accessible_at(320);
}

#[test]
fn a_published_annex_that_does_not_say_it_is_pdf_ua_is_worth_a_warning() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    // The same annex, its claim to be PDF/UA unsaid (the same length, so
    // the file is still whole).
    let annex = project
        .path()
        .join("content/bilag/tidsplan-for-strategien.pdf");
    let bytes = std::fs::read(&annex).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert!(text.contains("pdfuaid:part"));
    let unsaid: Vec<u8> = {
        let mut b = bytes.clone();
        let needle = b"pdfuaid:part";
        let mut i = 0;
        while i + needle.len() <= b.len() {
            if &b[i..i + needle.len()] == needle {
                b[i..i + needle.len()].copy_from_slice(b"pdfuaix:part");
            }
            i += 1;
        }
        b
    };
    std::fs::write(&annex, unsaid).unwrap();
    let checked = crate::common::dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&checked, 0);
    let said = String::from_utf8_lossy(&checked.stderr);
    let line = crate::common::line_of(
        &project.path().join("content/moeder.yaml"),
        "file: content/bilag/tidsplan-for-strategien.pdf",
    );
    assert!(
        said.contains(&format!("warning: content/moeder.yaml:{line}:")),
        "{said}"
    );
    assert!(
        said.contains("the annex `content/bilag/tidsplan-for-strategien.pdf` is published on the web as it is, and it is not marked as PDF/UA"),
        "{said}"
    );
    // The shipped annex says it is: no warning.
    let shipped = crate::common::dokgen(&["check", repo().to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&shipped.stderr).contains("PDF/UA (an accessible PDF)"));
}

#[test]
fn the_logo_and_the_colour_are_the_projects_settings() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    std::fs::create_dir(project.path().join("assets")).unwrap();
    std::fs::write(
        project.path().join("assets/logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="#7a2048"/></svg>"##,
    )
    .unwrap();
    edit(
        &project.path().join("dokgen.yaml"),
        "publication:\n",
        "publication:\n  logo: assets/logo.svg\n  accent: \"#7a2048\"\n  folder: moeder\n",
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    assert!(!out.path().join("web").exists());
    let page = std::fs::read_to_string(out.path().join("moeder/index.html")).unwrap();
    // The logo is in the link to the front page, whose text names it.
    assert!(
        page.contains("<p class=\"udgiver\"><a href=\"index.html\"><span class=\"logo\"><img src=\"data:image/svg+xml;base64,"),
        "{page}"
    );
    assert!(page.contains(":root { --accent: #7a2048; }"), "{page}");
}

#[test]
fn the_stylesheet_and_the_index_template_can_be_ejected_and_changed() {
    let project = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("dokgen.yaml"),
        project.path().join("dokgen.yaml"),
    )
    .unwrap();
    crate::common::copy_dir(&repo().join("content"), &project.path().join("content"));
    let dir = project.path().to_str().unwrap();
    let ejected = crate::common::dokgen(&[
        "templates",
        "--eject",
        "dokgen.css",
        "publikation.typ.tera",
        "--project",
        dir,
    ]);
    assert_exit(&ejected, 0);
    let css = project.path().join("templates/dokgen.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str("\n/* the secretariat's own */ .udgiver { font-size: 1.4rem; }\n");
    std::fs::write(&css, text).unwrap();
    edit(
        &project.path().join("templates/publikation.typ.tera"),
        "#webforside(",
        "#html.p[Velkommen til møderne.]\n#webforside(",
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    for (name, html) in pages(out.path()) {
        assert!(html.contains("/* the secretariat's own */"), "{name}");
    }
    let front = std::fs::read_to_string(out.path().join("web/index.html")).unwrap();
    assert!(front.contains("<p>Velkommen til møderne.</p>"), "{front}");
}
