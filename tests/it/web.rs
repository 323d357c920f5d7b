//! Meeting papers as web pages (the `html` format): made from the same
//! source as the PDF by Typst's HTML export, in a frame of the style
//! library's own (language, one h1, a skip link, the main landmark, a
//! Content-Security-Policy that lets no script run), saying what the PDF
//! says, with text from the facts as text.

use std::path::Path;

use serde_json::json;

use crate::common::browser::Browser;
use crate::common::{assert_exit, build, copy_default_project, edit, pdf_text};

/// The meeting papers of the default project.
const PAPERS: &[&str] = &[
    "byraad-2017-09-05-dagsorden",
    "byraad-2018-08-28-referat",
    "byraad-2018-08-28-udskrift-punkt-2",
    "styregruppe-2017-06-19-dagsorden",
    "styregruppe-2017-06-19-dagsorden-intern",
    "styregruppe-2017-06-19-referat",
    "styregruppe-2017-06-19-referat-intern",
];

/// A copy of the default project whose meeting papers are made as web
/// pages too (`formats: [pdf, html]`).
fn published() -> tempfile::TempDir {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    for name in PAPERS {
        let declaration = project
            .path()
            .join(format!("content/documents/{name}.yaml"));
        let mut text = std::fs::read_to_string(&declaration).unwrap();
        text.push_str("formats: [pdf, html]\n");
        std::fs::write(&declaration, text).unwrap();
    }
    project
}

/// The default project, its meeting papers made as web pages too, built:
/// its output folder.
fn built_default() -> tempfile::TempDir {
    let project = published();
    let out = tempfile::tempdir().unwrap();
    let run = build(project.path(), out.path());
    assert_exit(&run, 0);
    assert!(
        String::from_utf8_lossy(&run.stdout)
            .contains("web/styregruppe-2017-06-19-referat.html (a web page, "),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    out
}

/// Where the page `name`.html is in `out`: in the web publication
/// (`web/`) for public papers, beside the PDF for the others.
fn page_path(out: &Path, name: &str) -> std::path::PathBuf {
    let published = out.join(format!("web/{name}.html"));
    match published.is_file() {
        true => published,
        false => out.join(format!("{name}.html")),
    }
}

/// The page `name`.html in `out`.
fn page(out: &Path, name: &str) -> String {
    std::fs::read_to_string(page_path(out, name)).unwrap_or_else(|err| panic!("{name}.html: {err}"))
}

/// The text a reader sees of `html`: the body without its tags, its
/// entities as characters, its white space folded.
fn text_of(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap_or(0)..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            // A `>` of the text is not escaped: it ends only a tag.
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `html` with the values of its tags' attributes left out: what is left
/// is its elements and its text.
fn without_attribute_values(html: &str) -> String {
    let (mut out, mut in_tag, mut quoted) = (String::new(), false, false);
    for c in html.chars() {
        match c {
            '<' if !quoted => in_tag = true,
            '>' if !quoted => in_tag = false,
            '"' if in_tag => {
                quoted = !quoted;
                continue;
            }
            _ => {}
        }
        if !quoted {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_meeting_paper_is_an_accessible_web_page_beside_its_pdf() {
    let out = built_default();
    for name in PAPERS {
        assert!(out.path().join(format!("{name}.pdf")).is_file(), "{name}");
        let html = page(out.path(), name);
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
        assert!(html.contains("<html lang=\"da\">"), "{name}");
        assert_eq!(html.matches("<h1").count(), 1, "{name}: one h1");
        assert!(html.contains("<main id=\"indhold\">"), "{name}");
        assert!(
            html.contains("<a class=\"spring\" href=\"#indhold\">Gå til indholdet</a>"),
            "{name}"
        );
        // Nothing runs: no script, and a policy that forbids any.
        assert!(!html.contains("<script"), "{name}");
        assert!(
            html.contains("http-equiv=\"content-security-policy\" content=\"default-src 'none';"),
            "{name}"
        );
        assert!(!html.contains("script-src"), "{name}");
        // The meeting's facts as a table with a caption and row headers.
        assert!(
            html.contains("<caption>Mødeoplysninger</caption>"),
            "{name}"
        );
        assert!(html.contains("<th scope=\"row\">Dato</th>"), "{name}");
    }
}

#[test]
fn the_web_page_says_what_the_pdf_says() {
    let out = built_default();
    let name = "byraad-2018-08-28-referat";
    let web = text_of(&page(out.path(), name));
    let pdf = pdf_text(&out.path().join(format!("{name}.pdf")));
    for said in [
        "Eksempel: Medlemmernes navne (bortset fra borgmesterens)",
        "Stedfortrædere Martin Skovgaard (V) for Camilla Juhl",
        "2. Ansøgning om dispensation fra det forpligtende samarbejde med Vallensbæk Kommune",
        "Sagsnr.: 18/04512",
        "For stemte: A, C, F, I, O og V (17). Imod stemte: Ø (1).",
        "Rasmus Lykke ønskede følgende tilført protokollen: Enhedslisten kan ikke støtte ansøgningen.",
        "Fraværende under punktet: Bent Kofoed.",
        "Lis Thygesen erklærede sig inhabil (formand for foreningen), hvilket byrådet godkendte",
        "4. Meddelelser Ingen.",
        "Mødet hævet kl. 20.40.",
        "Protokollen er godkendt og underskrevet af:",
    ] {
        assert!(pdf.contains(said), "the PDF does not say `{said}`:\n{pdf}");
        assert!(web.contains(said), "the page does not say `{said}`:\n{web}");
    }
    // Each item is an anchor the table of contents links to.
    let html = page(out.path(), name);
    assert!(html.contains("<a href=\"#punkt-3\">"), "{html}");
    assert!(html.contains("<h2 id=\"punkt-3\">"), "{html}");
}

#[test]
fn the_public_page_holds_nothing_of_a_closed_item() {
    let out = built_default();
    let public = text_of(&page(out.path(), "styregruppe-2017-06-19-referat"));
    assert!(
        public.contains("3. Lukket punkt: Forhandlingsmandat Styregruppen gav administrationerne et forhandlingsmandat."),
        "{public}"
    );
    for secret in [
        "fagsystem",
        "Punktet er undtaget",
        "forlængelse af kontrakten",
    ] {
        assert!(!public.contains(secret), "`{secret}` in:\n{public}");
    }
    let internal = text_of(&page(out.path(), "styregruppe-2017-06-19-referat-intern"));
    assert!(internal.contains("fagsystem"), "{internal}");
}

#[test]
fn text_from_the_facts_is_text_on_the_web_page() {
    let project = published();
    let hostile = r#"Afregning <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3)) <style>*{}</style>"#;
    edit(
        &project.path().join("content/moeder.yaml"),
        "      - title: Afregning af ydelser mellem kommunerne\n",
        &format!("      - title: '{hostile}'\n"),
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    let html = page(out.path(), "styregruppe-2017-06-19-referat");
    // The elements of the page, without what attributes hold (the title
    // stands in the description, quoted, as text).
    let elements = without_attribute_values(&html);
    assert!(!elements.contains("<script"), "{html}");
    assert!(!elements.contains("<img"), "{html}");
    assert_eq!(elements.matches("<style").count(), 1, "only the stylesheet");
    assert!(!html.contains("href=\"javascript"), "{html}");
    // Read back literally.
    let text = text_of(&html);
    assert!(text.contains(hostile), "{text}");
}

#[test]
fn a_template_that_draws_what_a_web_page_cannot_show_is_refused_at_its_line() {
    let project = published();
    let template = project.path().join("templates/moede.typ.tera");
    let mut text = std::fs::read_to_string(&template).unwrap();
    text.push_str("\n#grid(columns: 2)[a][b]\n");
    let line = text.lines().count();
    std::fs::write(&template, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(project.path(), out.path());
    assert_exit(&run, 1);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(&format!(
            "templates/moede.typ.tera:{line}:2: a web page cannot show this `grid`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("context if target() == \"html\""),
        "{stderr}"
    );
}

#[test]
fn the_web_pages_have_no_accessibility_violations_in_a_real_browser() {
    if !crate::common::have("chromium") || !crate::common::have("chromedriver") {
        return;
    }
    let Some(axe) = crate::common::browser::axe() else {
        return;
    };
    let out = built_default();
    for width in [1280, 520] {
        let browser = Browser::start_in(width, 900, Some("da"));
        for name in PAPERS {
            let url = format!("file://{}", page_path(out.path(), name).display());
            browser.goto(&url);
            let violations = browser.axe_violations(&axe);
            assert_eq!(violations, json!([]), "{name} at {width} px");
            // Nothing is wider than the window.
            let sideways = browser.eval(
                "return document.documentElement.scrollWidth > window.innerWidth;",
                json!([]),
            );
            assert_eq!(sideways, json!(false), "{name} at {width} px");
        }
    }
}

#[test]
fn hostile_text_reads_back_literally_in_a_real_browser() {
    if !crate::common::have("chromium") || !crate::common::have("chromedriver") {
        return;
    }
    let project = published();
    let hostile = r#"Afregning <script>document.title='x'</script> <img src=x onerror="document.title='y'"> javascript:alert(3)"#;
    edit(
        &project.path().join("content/moeder.yaml"),
        "      - title: Afregning af ydelser mellem kommunerne\n",
        &format!("      - title: |-\n          {hostile}\n"),
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    let browser = Browser::start_in(1280, 900, Some("da"));
    let url = format!(
        "file://{}",
        page_path(out.path(), "styregruppe-2017-06-19-referat").display()
    );
    browser.goto(&url);
    let seen = browser.eval(
        "return [document.title, document.querySelectorAll('script, img').length, document.querySelector('#punkt-2').innerText];",
        json!([]),
    );
    // No script ran: the title is the one the page was given.
    assert_eq!(
        seen[0],
        json!("Referat af styregruppens møde den 19.\u{a0}juni\u{a0}2017")
    );
    assert_eq!(seen[1], json!(0));
    assert!(seen[2].as_str().unwrap().contains(hostile), "{seen}");
}
