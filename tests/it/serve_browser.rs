//! `dokgen serve` in a real browser (headless Chromium): what a person
//! sees when they edit, break and mend the project while the page is open.
//! Needs Debian's `chromium` and `chromium-driver`, which `.ci/run`
//! installs; elsewhere, without them, the tests say they were skipped.

use crate::common;

use std::time::Duration;

use crate::common::browser::{Browser, Served, epoch_ms};
use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(120);

/// What the page shows now: the text on its pages, the overlay, the scroll
/// position, the page count, the origin popup.
fn seen(browser: &Browser) -> Value {
    browser.eval(
        "const overlay = document.getElementById('overlay');
         const popup = document.getElementById('origin');
         return {
           text: [...document.querySelectorAll('#pages .text text')].map(t => t.textContent).join(''),
           overlay: overlay.hidden ? null : overlay.innerText,
           overlayOnScreen: !overlay.hidden && overlay.getBoundingClientRect().height > 0,
           stale: document.getElementById('pages').classList.contains('stale'),
           scroll: document.getElementById('stage').scrollTop,
           pages: document.querySelectorAll('#pages .page').length,
           popup: popup.hidden ? null : popup.innerText,
         };",
        json!([]),
    )
}

/// A copy of the default project served, and a browser showing its
/// strategy, drawn; none where Chromium or ChromeDriver is missing and CI
/// is not set (under CI a missing browser fails the test).
fn strategy_open() -> Option<(tempfile::TempDir, Served, Browser)> {
    if !common::have("chromium") || !common::have("chromedriver") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    let served = Served::start(dir.path(), &[]);
    let browser = Browser::start(1280, 900);
    browser.goto(&served.url("strategi"));
    browser.drawn("d.doc === 'strategi' && d.changed > 0", 0.0, WAIT);
    // The pages out of sight are drawn after those in sight: wait for all.
    all_drawn(&browser);
    Some((dir, served, browser))
}

fn save_screenshot(browser: &Browser, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-browser");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), browser.screenshot()).unwrap();
}

#[test]
fn an_edit_an_error_and_its_fix_show_in_the_open_page_where_the_reader_was() {
    let Some((dir, _served, browser)) = strategy_open() else {
        return;
    };
    let first = seen(&browser);
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .contains("Ulemperne ved det forpligtende samarbejde"),
        "{first}"
    );
    assert_eq!(first["overlay"], Value::Null);
    let pages = first["pages"].as_u64().unwrap();
    assert!(pages > 3, "{first}");

    // The reader is on page 3.
    let scroll = browser.eval(
        "const stage = document.getElementById('stage');
         stage.scrollTop = document.querySelectorAll('#pages .page')[2].offsetTop;
         return stage.scrollTop;",
        json!([]),
    );
    assert!(scroll.as_f64().unwrap() > 1000.0, "{scroll}");

    // A line of prose is edited: the new words are on the page, in place.
    let prose = dir.path().join("content/prosa/strategi/udbytte.md");
    let edited = epoch_ms();
    common::edit(
        &prose,
        "Ulemperne ved det forpligtende samarbejde",
        "Ulemperne ved det ganske forpligtende samarbejde",
    );
    browser.drawn("d.doc === 'strategi' && d.changed > 0", edited, WAIT);
    let after = seen(&browser);
    assert!(
        after["text"]
            .as_str()
            .unwrap()
            .contains("Ulemperne ved det ganske forpligtende samarbejde"),
        "{after}"
    );
    assert_eq!(after["scroll"], scroll, "the scroll position moved");
    save_screenshot(&browser, "edited");

    // A fact is broken: the overlay says where, over the last pages.
    let facts = dir.path().join("content/kommuner/ishoej.yaml");
    let line = common::line_of(&facts, "value: 20668");
    let broken = epoch_ms();
    common::edit(&facts, "value: 20668", "value: mange");
    browser.drawn("d.overlay", broken, WAIT);
    let failed = seen(&browser);
    let overlay = failed["overlay"].as_str().unwrap_or_default();
    assert!(
        overlay.contains(&format!("content/kommuner/ishoej.yaml:{line}:")),
        "{failed}"
    );
    assert!(overlay.contains("mange"), "{failed}");
    assert_eq!(failed["overlayOnScreen"], true);
    assert_eq!(failed["stale"], true);
    assert_eq!(failed["pages"], pages, "the last good pages are not shown");
    assert!(
        failed["text"]
            .as_str()
            .unwrap()
            .contains("ganske forpligtende")
    );
    assert_eq!(failed["scroll"], scroll);
    save_screenshot(&browser, "overlay");

    // The fix takes the overlay away by itself.
    let mended = epoch_ms();
    common::edit(&facts, "value: mange", "value: 20668");
    browser.drawn("!d.overlay && d.status === 'made'", mended, WAIT);
    let fixed = seen(&browser);
    assert_eq!(fixed["overlay"], Value::Null, "{fixed}");
    assert_eq!(fixed["stale"], false);
    assert_eq!(fixed["scroll"], scroll, "the scroll position moved");
}

#[test]
fn a_click_on_a_word_shows_the_prose_line_it_came_from() {
    let Some((dir, _served, browser)) = strategy_open() else {
        return;
    };
    // Where the word is on the screen, once it is scrolled into view.
    let at = browser.eval(
        "const span = [...document.querySelectorAll('#pages .text text')]
           .find(s => s.textContent.startsWith('Ulemperne'));
         span.scrollIntoView({block: 'center'});
         const r = span.getBoundingClientRect();
         return [Math.round(r.left + 8), Math.round(r.top + r.height / 2)];",
        json!([]),
    );
    let (x, y) = (at[0].as_i64().unwrap(), at[1].as_i64().unwrap());
    browser.click(x, y);
    let popup = browser.eval_async(
        "const done = arguments[0];
         const look = () => {
           const p = document.getElementById('origin');
           if (!p.hidden && p.innerText.length > 0) done(p.innerText); else setTimeout(look, 10);
         };
         look();",
        json!([]),
        WAIT,
    );
    let line = common::line_of(
        &dir.path().join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved",
    );
    let popup = popup.as_str().unwrap();
    assert!(popup.contains("Prose"), "{popup}");
    assert!(
        popup.contains(&format!("content/prosa/strategi/udbytte.md:{line}")),
        "{popup}"
    );
}

/// The page's own words, not the project's: its title and language, the
/// connection, the toolbar's buttons and their tips, the labels for screen
/// readers, a page's alt text.
fn interface(browser: &Browser) -> Value {
    browser.eval(
        "const $ = (id) => document.getElementById(id);
         const all = (selector, name) =>
           [...document.querySelectorAll(selector)].map(e => e.getAttribute(name)).filter(Boolean);
         return {
           lang: document.documentElement.lang,
           title: document.title,
           connection: $('connection').textContent,
           took: $('took').textContent,
           download: $('download').textContent,
           fit: $('zoom-fit').textContent,
           tips: all('#toolbar button', 'title'),
           labels: all('[aria-label]', 'aria-label'),
           alt: all('#pages canvas', 'aria-label')[0] ?? null,
         };",
        json!([]),
    )
}

/// The words of the page in [`interface`], one a line: not its language's
/// code, which is no word.
fn words(ui: &Value) -> String {
    let mut ui = ui.clone();
    ui["lang"] = Value::Null;
    common::prose_of(&strings(&ui))
}

/// The strings of `value`, one a line.
fn strings(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s}\n"),
        Value::Array(a) => a.iter().map(strings).collect(),
        Value::Object(o) => o.values().map(strings).collect(),
        _ => String::new(),
    }
}

#[test]
fn the_page_speaks_the_language_of_the_browser_that_shows_it() {
    if !common::have("chromium") || !common::have("chromedriver") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    // The server's own language is English (the tests' locale is `C`):
    // the page follows the browser, not the terminal.
    let served = Served::start(dir.path(), &[]);
    let facts = dir.path().join("content/kommuner/ishoej.yaml");

    let danish = Browser::start_in(1280, 900, Some("da"));
    danish.goto(&served.url("strategi"));
    danish.drawn("d.doc === 'strategi' && d.changed > 0", 0.0, WAIT);
    let ui = interface(&danish);
    assert_eq!(ui["lang"], "da", "{ui}");
    assert_eq!(ui["title"], "strategi · dokgen serve", "{ui}");
    assert_eq!(ui["connection"], "forbundet", "{ui}");
    assert_eq!(ui["download"], "Hent PDF", "{ui}");
    assert_eq!(ui["fit"], "Tilpas", "{ui}");
    assert_eq!(ui["alt"], "Side 1", "{ui}");
    assert!(
        ui["took"].as_str().unwrap().starts_with("lavet på "),
        "{ui}"
    );
    assert!(
        ui["tips"].to_string().contains("Tilpas til bredden (0)"),
        "{ui}"
    );
    assert!(ui["labels"].to_string().contains("Dokumenter"), "{ui}");
    let english = common::words_of(&words(&ui), common::ENGLISH_ONLY);
    assert!(english.is_empty(), "English words {english:?} in {ui}");
    // What the script asks for by itself comes in the browser's language.
    let origin = danish.eval_async(
        "const done = arguments[0];
         fetch('/origin?doc=strategi&page=0&x=0.5&y=0.5').then(r => r.json()).then(done);",
        json!([]),
        WAIT,
    );
    assert!(
        origin["label"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Intet, som en person"),
        "{origin}"
    );
    save_screenshot(&danish, "danish");

    // A broken fact: the box over the pages, and the error in it, in Danish.
    let broken = epoch_ms();
    common::edit(&facts, "value: 20668", "value: mange");
    danish.drawn("d.overlay", broken, WAIT);
    let overlay = seen(&danish)["overlay"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(overlay.contains("strategi kunne ikke laves: "), "{overlay}");
    assert!(
        overlay.contains("Siderne nedenfor er fra sidste gang"),
        "{overlay}"
    );
    assert!(
        overlay.contains("fejl: content/kommuner/ishoej.yaml:"),
        "{overlay}"
    );
    save_screenshot(&danish, "danish-overlay");
    let mended = epoch_ms();
    common::edit(&facts, "value: mange", "value: 20668");
    danish.drawn("!d.overlay && d.status === 'made'", mended, WAIT);
    drop(danish);

    let english = Browser::start_in(1280, 900, Some("en"));
    english.goto(&served.url("strategi"));
    english.drawn("d.doc === 'strategi' && d.changed > 0", 0.0, WAIT);
    let ui = interface(&english);
    assert_eq!(ui["lang"], "en", "{ui}");
    assert_eq!(ui["connection"], "live", "{ui}");
    assert_eq!(ui["download"], "Download PDF", "{ui}");
    assert_eq!(ui["fit"], "Fit", "{ui}");
    assert_eq!(ui["alt"], "Page 1", "{ui}");
    assert!(ui["took"].as_str().unwrap().starts_with("made in "), "{ui}");
    assert!(ui["labels"].to_string().contains("Documents"), "{ui}");
    let danish = common::words_of(&words(&ui), common::DANISH_ONLY);
    assert!(danish.is_empty(), "Danish words {danish:?} in {ui}");
    let broken = epoch_ms();
    common::edit(&facts, "value: 20668", "value: mange");
    english.drawn("d.overlay", broken, WAIT);
    let overlay = seen(&english)["overlay"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        overlay.contains("strategi could not be made: "),
        "{overlay}"
    );
    assert!(
        overlay.contains("error: content/kommuner/ishoej.yaml:"),
        "{overlay}"
    );
}

#[test]
fn a_narrow_window_shows_the_documents_above_the_pages_and_nothing_sideways() {
    if !common::have("chromium") || !common::have("chromedriver") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    let served = Served::start(dir.path(), &[]);
    // ChromeDriver's headless window is no narrower than about 500 px; the
    // page's narrow layout starts at 640.
    let browser = Browser::start_in(520, 800, Some("da"));
    browser.goto(&served.url("strategi"));
    browser.drawn("d.doc === 'strategi' && d.changed > 0", 0.0, WAIT);
    let layout = browser.eval(
        "const box = id => document.getElementById(id).getBoundingClientRect();
         const toolbar = document.getElementById('toolbar');
         return {
           width: document.documentElement.clientWidth,
           sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
           toolbarSideways: toolbar.scrollWidth - toolbar.clientWidth,
           listBottom: box('documents').bottom,
           viewerTop: box('viewer').top,
           download: box('download').right,
         };",
        json!([]),
    );
    assert!(layout["width"].as_f64().unwrap() < 640.0, "{layout}");
    assert!(layout["sideways"].as_f64().unwrap() <= 0.0, "{layout}");
    assert!(
        layout["toolbarSideways"].as_f64().unwrap() <= 0.0,
        "{layout}"
    );
    assert!(
        layout["listBottom"].as_f64().unwrap() <= layout["viewerTop"].as_f64().unwrap() + 1.0,
        "{layout}"
    );
    assert!(
        layout["download"].as_f64().unwrap() <= layout["width"].as_f64().unwrap(),
        "{layout}"
    );
}

#[test]
fn the_page_has_no_accessibility_violations_in_either_language_or_width() {
    if !common::have("chromium") || !common::have("chromedriver") {
        return;
    }
    let Some(axe) = crate::common::browser::axe() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    let served = Served::start(dir.path(), &[]);
    for (lang, width) in [("da", 1280), ("en", 1280), ("da", 520)] {
        let browser = Browser::start_in(width, 900, Some(lang));
        browser.goto(&served.url("strategi"));
        browser.drawn("d.doc === 'strategi' && d.changed > 0", 0.0, WAIT);
        let violations = browser.axe_violations(&axe);
        assert_eq!(violations, json!([]), "{lang} at {width} px");
    }
}

#[test]
fn a_published_document_shows_as_its_web_page_live_as_it_is_edited() {
    if !common::have("chromium") || !common::have("chromedriver") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    let served = Served::start(dir.path(), &[]);
    let browser = Browser::start(1280, 900);
    let name = "styregruppe-2017-06-19-referat";
    browser.goto(&served.url(name));
    browser.drawn(&format!("d.doc === '{name}' && d.changed > 0"), 0.0, WAIT);
    // Its pages first; a click shows its web page instead.
    let frame = |browser: &Browser| {
        browser.eval(
            "const f = document.getElementById('web');
             return { hidden: f.hidden, src: f.getAttribute('src'), sandbox: f.getAttribute('sandbox'),
                      pages: document.getElementById('pages').hidden,
                      pressed: document.getElementById('view-web').getAttribute('aria-pressed') };",
            json!([]),
        )
    };
    assert_eq!(frame(&browser)["hidden"], json!(true));
    browser.eval(
        "document.getElementById('view-web').click(); return true;",
        json!([]),
    );
    let shown = frame(&browser);
    assert_eq!(shown["hidden"], json!(false), "{shown}");
    assert_eq!(shown["pages"], json!(true), "{shown}");
    assert_eq!(shown["pressed"], json!("true"), "{shown}");
    // A frame that runs nothing, of a page the server gives as a page
    // (not a download) under a policy that forbids every script.
    assert_eq!(shown["sandbox"], json!(""), "{shown}");
    let src = shown["src"].as_str().unwrap().to_owned();
    assert!(
        src.starts_with(&format!("/html/{name}.html?show=")),
        "{src}"
    );
    let (status, headers, body) = common::browser::http(served.port, "GET", &src, &[], b"");
    assert_eq!(status, 200);
    assert!(
        !headers.iter().any(|(n, _)| n == "content-disposition"),
        "{headers:?}"
    );
    assert!(
        headers
            .iter()
            .any(|(n, v)| n == "content-security-policy" && v.starts_with("sandbox;")),
        "{headers:?}"
    );
    assert!(
        String::from_utf8_lossy(&body)
            .contains("<h2 id=\"punkt-2\">2. Afregning af ydelser mellem kommunerne</h2>")
    );
    // An edit reaches the page: the frame loads it anew.
    let before = epoch_ms();
    common::edit(
        &dir.path().join("content/moeder.yaml"),
        "      - title: Afregning af ydelser mellem kommunerne\n",
        "      - title: Afregning af ydelser mellem de to kommuner\n",
    );
    browser.drawn(&format!("d.doc === '{name}'"), before, WAIT);
    let new_src = browser.eval_async(
        "const [old, done] = arguments;
         const changed = () => {
           const now = document.getElementById('web').getAttribute('src');
           if (now !== old) done(now); else setTimeout(changed, 50);
         };
         changed();",
        json!([src]),
        WAIT,
    );
    let new_src = new_src.as_str().unwrap().to_owned();
    let (_, _, body) = common::browser::http(served.port, "GET", &new_src, &[], b"");
    assert!(
        String::from_utf8_lossy(&body).contains("2. Afregning af ydelser mellem de to kommuner")
    );
    // An item's page has no pages to draw: it is shown as the web page.
    browser.goto(&served.url(&format!("{name}-punkt-2")));
    browser.drawn(&format!("d.doc === '{name}-punkt-2'"), 0.0, WAIT);
    let item = frame(&browser);
    assert_eq!(item["hidden"], json!(false), "{item}");
    assert!(
        browser.eval("return document.getElementById('views').hidden;", json!([])) == json!(true),
        "no choice where there is only the web page"
    );
}

/// Waits until every page shown is drawn at the size it is shown.
fn all_drawn(browser: &Browser) {
    browser.eval_async(
        "const done = arguments[0];
         const all = () => {
           const pages = [...document.querySelectorAll('#pages .page')];
           if (pages.length > 0 && pages.every(p => p.dataset.drawn && p.dataset.drawn === p.dataset.want)) done(true);
           else setTimeout(all, 50);
         };
         all();",
        json!([]),
        WAIT,
    );
}

/// The first page's drawing: its pixels across, and the device pixels it
/// takes on the screen.
fn first_page_pixels(browser: &Browser) -> (f64, f64) {
    let sizes = browser.eval(
        "const canvas = document.querySelector('#pages .page canvas');
         return [canvas.width, canvas.getBoundingClientRect().width * window.devicePixelRatio];",
        json!([]),
    );
    (sizes[0].as_f64().unwrap(), sizes[1].as_f64().unwrap())
}

/// A zoom draws the pages again at their new size: as many pixels across
/// as the screen shows, not the old drawing stretched.
#[test]
fn a_zoom_draws_the_pages_again_as_sharp_as_the_screen() {
    let Some((_dir, _served, browser)) = strategy_open() else {
        return;
    };
    let (before, shown) = first_page_pixels(&browser);
    assert!(
        (before - shown).abs() <= 2.0,
        "{before} pixels shown as {shown}"
    );
    browser.eval("document.getElementById('zoom-in').click();", json!([]));
    all_drawn(&browser);
    let (after, shown) = first_page_pixels(&browser);
    assert!(
        (after - shown).abs() <= 2.0,
        "{after} pixels shown as {shown}"
    );
    assert!(after > before * 1.2, "{before} → {after} pixels");
}

/// The browser's find in page finds words on every page, drawn or not
/// yet in sight, in the text over the drawing.
#[test]
fn a_find_in_the_page_finds_the_words_of_the_document() {
    let Some((_dir, _served, browser)) = strategy_open() else {
        return;
    };
    let found = browser.eval(
        "const found = window.find('Ulemperne ved det forpligtende samarbejde');
         const node = window.getSelection().anchorNode;
         const page = node && node.parentElement && node.parentElement.closest('#pages .page');
         return [found, page ? [...document.querySelectorAll('#pages .page')].indexOf(page) : -1];",
        json!([]),
    );
    assert_eq!(found[0], true, "{found}");
    assert!(found[1].as_i64().unwrap() >= 0, "{found}");
    let missing = browser.eval(
        "return window.find('ikke i dokumentet overhovedet');",
        json!([]),
    );
    assert_eq!(missing, false);
}

/// Ten saves in quick succession end on the last: the page shows it, and
/// the server did not remake the document once for each save.
#[test]
fn a_burst_of_ten_saves_ends_on_the_last_one() {
    let Some((dir, _served, browser)) = strategy_open() else {
        return;
    };
    let prose = dir.path().join("content/prosa/strategi/udbytte.md");
    let original = std::fs::read_to_string(&prose).unwrap();
    let started = epoch_ms();
    for k in 1..=10 {
        let text = original.replace(
            "Ulemperne ved det forpligtende samarbejde",
            &format!("Ulemperne ved det forpligtende samarbejde (udgave {k})"),
        );
        std::fs::write(&prose, text).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    let last = browser.drawn(
        "d.doc === 'strategi' && d.changed > 0 && document.querySelector('#pages').textContent.includes('(udgave 10)')",
        started,
        WAIT,
    );
    let shown = seen(&browser)["text"].as_str().unwrap().to_owned();
    assert!(shown.contains("(udgave 10)"), "{shown}");
    assert!(!shown.contains("(udgave 9)"), "{shown}");
    let states = browser.eval(
        "return window.dokgen.draws.filter(d => d.at > arguments[0] && d.doc === 'strategi' && !d.offscreen).length;",
        json!([started]),
    );
    assert!(
        states.as_u64().unwrap() < 10,
        "{states} states drawn for ten saves; last {last}"
    );
}
