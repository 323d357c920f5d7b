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
    browser.eval_async(
        "const done = arguments[0];
         const all = () => {
           const pages = [...document.querySelectorAll('#pages .page')];
           if (pages.length > 0 && pages.every(p => p.dataset.id && p.dataset.id === p.dataset.want)) done(true);
           else setTimeout(all, 50);
         };
         all();",
        json!([]),
        WAIT,
    );
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
