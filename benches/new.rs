//! How long the path of a new case takes with the binary alone: `dokgen
//! new` from an answers file (the islands' shape: Ærø and Svendborg),
//! the first `dokgen build` (a draft), and, once the placeholders are
//! filled in with the facts of `examples/aeroe-svendborg` and `draft:
//! true` is removed, the build of the final letter. The baseline is a
//! `dokgen build` of the example project itself, written by hand, in the
//! same run. Times are the median of `--runs` runs of fresh processes.
//!
//!     cargo bench --profile dev --bench new [-- --runs 10]

#[path = "../tests/it/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const ANSWERS: &str = "
members: [Ærø, Svendborg]
areas:
  - { name: natur- og miljøområdet, carried_out_by: Svendborg, on_behalf_of: [Ærø], competence: Ærø }
  - { name: specialundervisningen, carried_out_by: Svendborg, on_behalf_of: [Ærø], competence: Ærø }
leaving: [specialundervisningen]
date: 2020-02-10
start: 2020-08-01
ministry: Social- og Indenrigsministeriet
";

/// The facts of the example project, in the places `dokgen new` leaves
/// for them: (file, placeholder as written, fact). Ærø's telephone and
/// e-mail are not in the example's sources; these are illustrative.
const FILLED: &[(&str, &str, &str)] = &[
    ("kommuner/aeroe.yaml", "\"[indsæt by]\"", "Ærøskøbing"),
    (
        "kommuner/aeroe.yaml",
        "\"[indsæt vej og husnummer]\"",
        "Statene 2",
    ),
    (
        "kommuner/aeroe.yaml",
        "\"[indsæt postnummer og by]\"",
        "5970 Ærøskøbing",
    ),
    (
        "kommuner/aeroe.yaml",
        "\"[indsæt borgmesterens navn]\"",
        "Ole Wej Petersen",
    ),
    (
        "kommuner/aeroe.yaml",
        "\"[indsæt kommunaldirektørens navn]\"",
        "Allan Krogh Filtenborg",
    ),
    (
        "kommuner/aeroe.yaml",
        "population: []",
        "population:\n      - { date: 2020-01-01, value: 5964, source: \"Danmarks Statistik, Statistikbanken (FOLK1A)\" }",
    ),
    ("kommuner/svendborg.yaml", "\"[indsæt by]\"", "Svendborg"),
    (
        "kommuner/svendborg.yaml",
        "\"[indsæt vej og husnummer]\"",
        "Ramsherred 5",
    ),
    (
        "kommuner/svendborg.yaml",
        "\"[indsæt postnummer og by]\"",
        "5700 Svendborg",
    ),
    (
        "kommuner/svendborg.yaml",
        "\"[indsæt borgmesterens navn]\"",
        "Bo Hansen",
    ),
    (
        "kommuner/svendborg.yaml",
        "      chief_executive:\n        name: \"[indsæt kommunaldirektørens navn]\"\n        title: Kommunaldirektør\n",
        "",
    ),
    (
        "kommuner/svendborg.yaml",
        "population: []",
        "population:\n      - { date: 2020-01-01, value: 58296, source: \"Danmarks Statistik, Statistikbanken (FOLK1A)\" }",
    ),
    (
        "ansoegninger.yaml",
        "\"[indsæt ministeriets vej og husnummer]\"",
        "Holmens Kanal 22",
    ),
    (
        "ansoegninger.yaml",
        "\"[indsæt postnummer og by]\"",
        "1060 København K",
    ),
    (
        "ansoegninger.yaml",
        "\"[indsæt Ærø Kommunes sagsnummer]\"",
        "20/00184",
    ),
    (
        "ansoegninger.yaml",
        "signatories: [aeroe, svendborg]",
        "signatories: [aeroe]",
    ),
    (
        "ansoegninger.yaml",
        "    # decisions:\n",
        "    decisions:\n",
    ),
    (
        "ansoegninger.yaml",
        "    #   - { municipality: aeroe, body: Kommunalbestyrelsen i Ærø Kommune, date: 2020-02-10 }",
        "      - { municipality: aeroe, body: Kommunalbestyrelsen i Ærø Kommune, date: 2020-01-30 }",
    ),
    (
        "ansoegninger.yaml",
        "    #   - { municipality: svendborg, body: Kommunalbestyrelsen i Svendborg Kommune, date: 2020-02-10 }",
        "      - { municipality: svendborg, body: Byrådet i Svendborg Kommune, date: 2020-01-28 }",
    ),
    (
        "ansoegninger.yaml",
        "\"[indsæt telefonnummer]\"",
        "62 52 10 00",
    ),
    (
        "ansoegninger.yaml",
        "\"[indsæt e-mailadresse]\"",
        "post@aeroekommune.dk",
    ),
    ("documents/ansoegning.yaml", "draft: true\n", ""),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10usize);
    let (mut new, mut draft, mut fill, mut fin, mut baseline) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("svar.yaml");
        std::fs::write(&answers, ANSWERS).unwrap();
        let project = dir.path().join("aeroe-svendborg");
        let p = project.to_str().unwrap();
        new.push(timed(&["new", p, "--answers", answers.to_str().unwrap()]));
        draft.push(timed(&["build", p]));
        let started = Instant::now();
        fill_in(&project);
        fill.push(started.elapsed());
        fin.push(timed(&["build", p]));
        let example = common::repo().join("examples/aeroe-svendborg");
        let out = dir.path().join("example");
        baseline.push(timed(&[
            "build",
            example.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ]));
    }
    let base = median(&mut baseline);
    println!("the path of a new case, median of {runs} runs of fresh processes:");
    println!("| step | time | ratio to the baseline |");
    println!("|---|---|---|");
    let edits = format!(
        "the {} edits that fill in the placeholders, and the prose (this script)",
        FILLED.len()
    );
    for (label, times) in [
        ("`dokgen new` from an answers file", &mut new),
        ("first `dokgen build` (a draft)", &mut draft),
        (edits.as_str(), &mut fill),
        ("`dokgen build` of the final letter", &mut fin),
        (
            "baseline: `dokgen build` of examples/aeroe-svendborg",
            &mut baseline,
        ),
    ] {
        let m = median(times);
        println!(
            "| {label} | {:.0} ms | {:.2}× |",
            m.as_secs_f64() * 1000.0,
            m.as_secs_f64() / base.as_secs_f64()
        );
    }
}

/// Runs the binary with `args`; panics unless it succeeds.
fn timed(args: &[&str]) -> Duration {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_dokgen"))
        .args(args)
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "dokgen {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

/// Fills in the new project's placeholders with the example's facts and
/// prose, and makes the letter final.
fn fill_in(project: &Path) {
    let content = project.join("content");
    for (file, from, to) in FILLED {
        common::edit(&content.join(file), from, to);
    }
    let example = common::repo().join("examples/aeroe-svendborg/content/prosa/ansoegning");
    for name in ["ansoegning", "baggrund", "begrundelse", "overgang"] {
        std::fs::copy(
            example.join(format!("{name}.md")),
            content.join(format!("prosa/ansoegning/{name}.md")),
        )
        .unwrap();
    }
    std::fs::write(
        content.join("prosa/ansoegning/faseplan.md"),
        "Ansøgningen er den eneste.\n",
    )
    .unwrap();
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}
