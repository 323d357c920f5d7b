//! How long `dokgen serve` takes from a saved file to the page drawn anew
//! in a real browser, against `dokgen build` of the same edit.
//!
//! Runs the real binary on a copy of the default project with headless
//! Chromium (Debian's `chromium` and `chromium-driver`) showing the
//! strategy, scrolled to the paragraph that (a) edits. Each edit is
//! written to disk; the time runs from just before the write to the moment
//! the page has painted the new drawings of the pages in sight (the page
//! notes it, once they are loaded and a frame has passed; pages out of
//! sight follow). Four
//! kinds of edit: (a) a line of the strategy's prose, (b) a fact every
//! document shows (Vallensbæk's short name), (c) the style library every
//! document imports (`templates/dokgen.typ`), (d) a fact broken, to the
//! error overlay, and mended, to the overlay gone. The baseline is a
//! `dokgen build` process after the same kind of edit, which remakes the
//! documents it touches (its manifest tells which). Then memory: the
//! server's resident size over a long run of prose edits.
//!
//!     cargo bench --profile dev --bench serve [-- --edits 30 --baseline 10 --soak 500]
//!     cargo bench --profile dev --bench serve -- --screenshots docs/
//!
//! `--screenshots DIR` writes the two pictures of the guide
//! (`docs/guide.md`, on `dokgen serve`) instead: the page and the page with
//! an error.

#[path = "../tests/it/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::browser::{Browser, Served, epoch_ms};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(120);

/// The most resident memory `dokgen serve` should hold, in MB.
const MEMORY_GOAL: u64 = 300;

/// One kind of edit: writes its `k`-th version into the project.
struct Kind {
    label: &'static str,
    /// The p95 it should take at most, in milliseconds.
    goal: f64,
    file: &'static str,
    /// Text in the file that the edit replaces.
    from: &'static str,
    /// The replacement for edit `k` (each differs from the one before).
    to: fn(usize) -> String,
}

const KINDS: &[Kind] = &[
    Kind {
        label: "(a) one line of the strategy's prose",
        goal: 150.0,
        file: "content/prosa/strategi/udbytte.md",
        from: "Ulemperne ved det forpligtende samarbejde",
        to: |k| format!("Ulemperne ved det forpligtende samarbejde (udgave {k})"),
    },
    Kind {
        label: "(b) a fact every document shows",
        goal: 400.0,
        file: "content/kommuner/vallensbaek.yaml",
        from: "    short_name: Vallensbæk\n",
        to: |k| format!("    short_name: Vallensbæk {k}\n"),
    },
    Kind {
        label: "(c) the style library every document imports",
        goal: 600.0,
        file: "templates/dokgen.typ",
        from: "#let farve-accent = rgb(\"#1f4e79\")",
        to: |k| format!("#let farve-accent = rgb(\"#1f4e{:02x}\")", (k * 7) % 256),
    },
];

struct Args {
    edits: usize,
    baseline: usize,
    soak: usize,
    screenshots: Option<PathBuf>,
}

fn args() -> Args {
    let mut args = Args {
        edits: 30,
        baseline: 10,
        soak: 500,
        screenshots: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut number = || it.next().and_then(|v| v.parse().ok()).expect("a number");
        match arg.as_str() {
            "--edits" => args.edits = number(),
            "--baseline" => args.baseline = number(),
            "--soak" => args.soak = number(),
            "--screenshots" => args.screenshots = it.next().map(PathBuf::from),
            _ => {} // cargo bench passes --bench
        }
    }
    args
}

fn main() {
    let args = args();
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    let project = dir.path();
    let served = Served::start(project, &[]);
    let browser = Browser::start(1400, 1000);
    browser.goto(&served.url("strategi"));
    browser.drawn("d.doc === 'strategi' && d.changed > 0", 0.0, WAIT);
    if let Some(out) = &args.screenshots {
        screenshots(project, &browser, out);
        return;
    }

    println!(
        "dokgen serve: from a saved file to the page drawn anew in headless Chromium, against `dokgen build`"
    );
    println!(
        "{} edits of each kind, {} builds; milliseconds\n",
        args.edits, args.baseline
    );
    println!("event: the state reached the page (median); median, p95, max: the page drawn anew");
    println!(
        "{:<46} {:>7} {:>8} {:>8} {:>8} {:>12} {:>8} {:>9}",
        "edit", "event", "median", "p95", "max", "build median", "ratio", "p95 goal"
    );
    // The reader looks at the paragraph that (a) edits, as one does.
    browser.eval(
        "[...document.querySelectorAll('#pages .text text')]
           .find(t => t.textContent.startsWith('Ulemperne'))
           .scrollIntoView({block: 'center'});",
        json!([]),
    );
    for kind in KINDS {
        let original = std::fs::read_to_string(project.join(kind.file)).unwrap();
        let mut times = Vec::new();
        for k in 1..=args.edits {
            let text = original.replace(kind.from, &(kind.to)(k));
            times.push(edit_and_wait(
                &browser,
                &project.join(kind.file),
                &text,
                "d.changed > 0",
            ));
        }
        edit_and_wait(
            &browser,
            &project.join(kind.file),
            &original,
            "d.changed > 0",
        );
        let build = baseline(args.baseline, |copy, k| {
            let text = original.replace(kind.from, &(kind.to)(1000 + k));
            std::fs::write(copy.join(kind.file), text).unwrap();
        });
        row(kind.label, &times, build, kind.goal);
    }
    broken_and_mended(project, &browser, &args);
    soak(project, &served, &browser, args.soak);
}

/// Writes `text` to `file` and waits for a draw that `condition` accepts;
/// gives the milliseconds from just before the write to the draw, and to
/// the arrival of the state it drew.
fn edit_and_wait(browser: &Browser, file: &Path, text: &str, condition: &str) -> Times {
    let before = epoch_ms();
    std::fs::write(file, text).unwrap();
    // Pages out of sight of an earlier state may still be coming in: the
    // draw waited for is that of the pages in sight.
    let drawn = browser.drawn(&format!("!d.offscreen && ({condition})"), before, WAIT);
    let at = |key: &str| drawn[key].as_f64().map_or(f64::NAN, |t| t - before);
    Times {
        drawn: at("at"),
        received: at("received"),
        shown: at("shown"),
        fetched: at("fetched"),
        decoded: at("decoded"),
    }
}

/// When an edit reached each step, in milliseconds from the write: the
/// state arrived in the page, was taken in (an older state shown to its
/// end first), the last drawing in sight came and was decoded, and the
/// pixels were painted.
#[derive(Clone, Copy)]
struct Times {
    drawn: f64,
    received: f64,
    shown: f64,
    fetched: f64,
    decoded: f64,
}

/// The median time of `n` runs of `dokgen build`, each after `edit` of a
/// copy of the project of its own (so that the server does not work at the
/// same time), into an output folder that a first build filled (so that
/// its manifest remakes only what the edit touched). A build that fails
/// counts as well: for a broken fact, the time to the error.
fn baseline(n: usize, edit: impl Fn(&Path, usize)) -> f64 {
    let project = tempfile::tempdir().unwrap();
    common::copy_default_project(project.path());
    let out = tempfile::tempdir().unwrap();
    let build = || {
        let started = Instant::now();
        Command::new(env!("CARGO_BIN_EXE_dokgen"))
            .arg("build")
            .arg(project.path())
            .arg("--output")
            .arg(out.path())
            .output()
            .unwrap();
        started.elapsed().as_secs_f64() * 1000.0
    };
    build();
    let mut times: Vec<f64> = (0..n)
        .map(|k| {
            edit(project.path(), k);
            build()
        })
        .collect();
    percentile(&mut times, 50.0)
}

/// (d): a fact broken, until the overlay is drawn; mended, until it is
/// gone.
fn broken_and_mended(project: &Path, browser: &Browser, args: &Args) {
    let file = project.join("content/kommuner/ishoej.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    let mut broken_times = Vec::new();
    let mut mended_times = Vec::new();
    for k in 0..args.edits {
        let broken = good.replace("value: 20668", &format!("value: mange{k}"));
        broken_times.push(edit_and_wait(browser, &file, &broken, "d.overlay"));
        mended_times.push(edit_and_wait(browser, &file, &good, "!d.overlay"));
    }
    let build = baseline(args.baseline, |copy, k| {
        let broken = good.replace("value: 20668", &format!("value: mange{k}"));
        std::fs::write(copy.join("content/kommuner/ishoej.yaml"), broken).unwrap();
    });
    row(
        "(d) a fact broken: to the error overlay",
        &broken_times,
        build,
        150.0,
    );
    row(
        "(d) and mended: to the overlay gone",
        &mended_times,
        build,
        150.0,
    );
}

fn row(label: &str, times: &[Times], build: f64, goal: f64) {
    let median_of = |step: fn(&Times) -> f64| {
        let mut values: Vec<f64> = times.iter().map(step).collect();
        percentile(&mut values, 50.0)
    };
    let mut drawn: Vec<f64> = times.iter().map(|t| t.drawn).collect();
    let median = percentile(&mut drawn, 50.0);
    let p95 = percentile(&mut drawn, 95.0);
    let max = percentile(&mut drawn, 100.0);
    let event = median_of(|t| t.received);
    let met = if p95 <= goal { "met" } else { "not met" };
    println!(
        "{label:<46} {event:>7.0} {median:>8.0} {p95:>8.0} {max:>8.0} {build:>12.0} {:>7.1}× {goal:>9.0} {met}",
        build / median
    );
    // Where the time after the state's arrival goes (medians of each step).
    println!(
        "{:<46} {:>7} taken in +{:.0}, drawings came +{:.0}, decoded +{:.0}, painted +{:.0}",
        "",
        "",
        median_of(|t| t.shown - t.received),
        median_of(|t| t.fetched - t.shown),
        median_of(|t| t.decoded - t.fetched),
        median_of(|t| t.drawn - t.decoded),
    );
}

/// The `p`-th percentile (nearest rank) of `values`.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * values.len() as f64).ceil().max(1.0) as usize;
    values[rank.min(values.len()) - 1]
}

/// The server's resident memory over `n` prose edits.
fn soak(project: &Path, served: &Served, browser: &Browser, n: usize) {
    if n == 0 {
        return;
    }
    let file = project.join(KINDS[0].file);
    let original = std::fs::read_to_string(&file).unwrap();
    // `dokgen serve` is two processes: one that watches over the server
    // and starts it again if a template exhausts its memory, and the
    // server. Their resident memory together, in MB.
    let rss = || tree_rss_kb(served.pid()) / 1024;
    print!(
        "\nresident memory of dokgen serve (both its processes) over {n} prose edits (MB): {}",
        rss()
    );
    let started = Instant::now();
    for k in 1..=n {
        let text = original.replace(KINDS[0].from, &(KINDS[0].to)(10_000 + k));
        edit_and_wait(browser, &file, &text, "d.changed > 0");
        if k % (n / 5).max(1) == 0 {
            print!(" → {} ({k})", rss());
        }
    }
    println!(" (goal: at most {MEMORY_GOAL} MB, level)");
    println!("{n} edits in {:.0} s", started.elapsed().as_secs_f64());
    let heap = browser.eval(
        "return performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1048576) : null",
        json!([]),
    );
    println!("the page's JavaScript heap after them: {heap} MB");
    std::fs::write(&file, original).unwrap();
}

/// The resident memory of process `pid` and every process under it, in kB.
fn tree_rss_kb(pid: u32) -> u64 {
    let own = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok())
        })
        .unwrap_or(0);
    let children: u64 = std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("children")).ok())
        .flat_map(|list| {
            list.split_whitespace()
                .filter_map(|c| c.parse::<u32>().ok())
                .collect::<Vec<_>>()
        })
        .map(tree_rss_kb)
        .sum();
    own + children
}

/// The guide's pictures, `serve-page.png` and `serve-error.png` (kept in
/// `docs/`): the strategy on its third page, and the same with a fact broken.
fn screenshots(project: &Path, browser: &Browser, out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    browser.eval(
        "const stage = document.getElementById('stage');
         stage.scrollTop = document.querySelectorAll('#pages .page')[2].offsetTop - 12;",
        json!([]),
    );
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(out.join("serve-page.png"), browser.screenshot()).unwrap();
    let file = project.join("content/kommuner/ishoej.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    edit_and_wait(
        browser,
        &file,
        &good.replace("value: 20668", "value: 20.668 indbyggere"),
        "d.overlay",
    );
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(out.join("serve-error.png"), browser.screenshot()).unwrap();
    std::fs::write(&file, good).unwrap();
    println!(
        "wrote {} and {}",
        out.join("serve-page.png").display(),
        out.join("serve-error.png").display()
    );
}
