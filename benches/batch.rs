//! Batch building, measured: `cargo bench --bench batch`.
//!
//! Generates projects of N municipalities with one dispensation application
//! each (their facts, their own prose, one letter per application made by a
//! batch declaration from the repository's style library) and prints:
//!
//! - (a) a cold build of the default project (a fresh process), against
//!   its sources each typeset by a fresh process (`dokgen compile`, as
//!   `typst compile` would be run) into what the build made of it: its PDF
//!   (PDF/A-2a and PDF/UA-1), its web page, or both; and against its PDFs'
//!   sources alone;
//! - (b) the 100-document build, against two baselines in the same run: the
//!   same generated Typst sources compiled one by one, each by a fresh
//!   process (`dokgen compile`, as `typst compile` would), and each in a
//!   fresh World in this process, with the fonts and the Typst library
//!   loaded anew and Typst's memoised work dropped;
//! - (c) the share of (b) spent outside Typst (facts, templates, Markdown);
//! - (d) a rebuild after one line of one document's prose changed;
//! - (e) the peak memory of (b), dokgen's and its workers' added up;
//! - how (b) grows from 10 to 100 to 500 documents.
//!
//! Set `DOKGEN_BENCH_SIZES=10,100` to change the sizes of the growth table,
//! and `DOKGEN_BENCH_KEEP=1` to keep the generated projects.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::copy_dir;
use dokgen::Session;
use dokgen::export::{self, Format, Settings, pdf};
use dokgen::typeset::{Job, Typesetter};

const RUNS: usize = 5;

/// Runs of (a), each of the build and its baselines in turn.
const PAIRED: usize = 9;

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let scratch = tempfile::tempdir().expect("a scratch folder");
    if std::env::var_os("DOKGEN_BENCH_KEEP").is_some() {
        println!("projects kept in {}", scratch.path().display());
    }
    let dokgen = PathBuf::from(env!("CARGO_BIN_EXE_dokgen"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("dokgen batch benchmark: {cores} cores, median of {RUNS} runs unless said\n");

    // (a) The default project, in a fresh process, against its sources
    // each typeset by a fresh process into what the build made of it.
    let out = scratch.path().join("default-out");
    let sources = scratch.path().join("default-sources");
    run(&dokgen, &repo, &sources, &["--force", "--emit", "typst"]);
    let all = made_of(&sources);
    let pages = all.iter().filter(|(_, f)| f.contains(&"html")).count();
    let pdfs: Vec<Compile> = all
        .iter()
        .filter(|(_, f)| f.contains(&"pdf"))
        .map(|(source, _)| (source.clone(), vec!["pdf"]))
        .collect();
    assert!(!pdfs.is_empty(), "no PDF's source in {}", sources.display());
    let all = copies(&all, &scratch.path().join("default-each"));
    let pdfs = copies(&pdfs, &scratch.path().join("default-pdfs"));
    // In turn, so that the ratios are taken run by run: a machine whose
    // speed drifts during the benchmark moves both sides of each alike.
    let mut runs = Vec::new();
    for _ in 0..PAIRED {
        let cold = run(&dokgen, &repo, &out, &["--force"]);
        let each = compile_each(&dokgen, &repo, &all);
        let each_pdf = compile_each(&dokgen, &repo, &pdfs);
        runs.push((cold, each, each_pdf));
    }
    let middle = |of: &dyn Fn(&(Duration, Duration, Duration)) -> f64| {
        let mut values: Vec<f64> = runs.iter().map(of).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let seconds = |d: Duration| d.as_secs_f64();
    let cold = Duration::from_secs_f64(middle(&|r| seconds(r.0)));
    let each = Duration::from_secs_f64(middle(&|r| seconds(r.1)));
    let each_pdf = Duration::from_secs_f64(middle(&|r| seconds(r.2)));
    println!(
        "(a) default project, cold process: {} sources ({} PDFs, {pages} web pages)  {}",
        all.len(),
        pdfs.len(),
        ms(cold)
    );
    println!(
        "    baseline: each source by a fresh process, into what the build made of it  {}",
        ms(each)
    );
    println!(
        "    ratio fresh processes / dokgen, median of {PAIRED} pairs  {:.2}× (goal ≥ 3.5×)",
        middle(&|r| ratio(r.1, r.0))
    );
    println!(
        "    its PDFs' sources alone, a fresh process each   {} ({:.2}×)",
        ms(each_pdf),
        middle(&|r| ratio(r.2, r.0))
    );

    // (b) 100 letters: dokgen against fresh Worlds.
    let hundred = generate(scratch.path(), 100);
    let out100 = hundred.join("output");
    let build = median(|| run(&dokgen, &hundred, &out100, &["--force"]));
    let one_core = median(|| run(&dokgen, &hundred, &out100, &["--force", "--jobs", "1"]));
    // The sources for the baselines, written by the run that gives (e).
    let peak = peak_of(&dokgen, &hundred, &out100, &["--force", "--emit", "typst"]);
    let processes = fresh_processes(&dokgen, &hundred, &out100, scratch.path());
    let worlds = fresh_worlds(&hundred, &out100);
    let rows = [
        ("(b) 100 letters, dokgen build (one process)", build),
        ("    the same on one thread (--jobs 1)", one_core),
        ("    baseline: a fresh process per source", processes),
        ("    baseline: a fresh World per source, in process", worlds),
    ];
    for (what, time) in rows {
        println!("{what:<50} {}", ms(time));
    }
    for (what, baseline) in [("fresh processes", processes), ("fresh Worlds", worlds)] {
        println!(
            "    ratio {what} / dokgen{:pad$} {:.1}× ({:.1}× on one thread)",
            "",
            ratio(baseline, build),
            ratio(baseline, one_core),
            pad = 34 - what.len()
        );
    }

    // (c) Where the time goes, in process, on one thread.
    let (outside, inside) = split(&hundred);
    println!(
        "(c) outside Typst (facts, templates, Markdown)     {} of {} = {:.1} %",
        ms(outside),
        ms(outside + inside),
        100.0 * outside.as_secs_f64() / (outside + inside).as_secs_f64()
    );

    // (d) One line of one letter's prose changed.
    let prose = hundred.join("content/prosa/k050/begrundelse.md");
    let text = std::fs::read_to_string(&prose).expect("the prose");
    run(&dokgen, &hundred, &out100, &[]);
    let mut edit = 0;
    let rebuild = median(|| {
        edit += 1;
        std::fs::write(&prose, format!("{text}\nÆndring nr. {edit}.\n")).expect("the prose");
        run(&dokgen, &hundred, &out100, &[])
    });
    println!(
        "(d) rebuild after one line of prose changed        {}",
        ms(rebuild)
    );

    // (e) Peak memory of (b).
    println!(
        "(e) peak memory of the 100-letter build            {} MB",
        peak / 1024
    );

    // Growth.
    let sizes: Vec<usize> = std::env::var("DOKGEN_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 100, 500]);
    println!("\nletters   build        per letter   peak memory");
    for n in sizes {
        let project = if n == 100 {
            hundred.clone()
        } else {
            generate(scratch.path(), n)
        };
        let out = project.join("output");
        let runs = if n > 200 { 3 } else { RUNS };
        let time = median_of(runs, || run(&dokgen, &project, &out, &["--force"]));
        let peak = peak_of(&dokgen, &project, &out, &["--force"]);
        println!(
            "{n:>7}   {:>10}   {:>10}   {:>6} MB",
            ms(time),
            ms(time / n as u32),
            peak / 1024
        );
    }
    if std::env::var_os("DOKGEN_BENCH_KEEP").is_some() {
        let _ = scratch.keep();
    }
}

/// Runs `dokgen build PROJECT --output OUT EXTRA…`: its wall time.
fn run(dokgen: &Path, project: &Path, out: &Path, extra: &[&str]) -> Duration {
    let start = Instant::now();
    let status = build(dokgen, project, out, extra)
        .status()
        .expect("dokgen runs");
    let elapsed = start.elapsed();
    assert!(
        status.success(),
        "dokgen build {} failed",
        project.display()
    );
    elapsed
}

/// The peak resident memory in kB of `dokgen build PROJECT --output OUT
/// EXTRA…`, in a run not timed: reading it every few milliseconds takes a
/// share of the cores the timed runs must not lose.
fn peak_of(dokgen: &Path, project: &Path, out: &Path, extra: &[&str]) -> u64 {
    let child = build(dokgen, project, out, extra)
        .spawn()
        .expect("dokgen runs");
    let (status, peak) = wait_with_peak(child);
    assert!(status, "dokgen build {} failed", project.display());
    peak
}

/// The command `dokgen build PROJECT --output OUT EXTRA…`, quiet.
fn build(dokgen: &Path, project: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(dokgen);
    command
        .arg("build")
        .arg(project)
        .arg("--output")
        .arg(out)
        .args(extra)
        .stdout(std::process::Stdio::null());
    command
}

/// Waits for `child`; whether it succeeded, and its peak memory (kB),
/// read from `VmHWM` in `/proc` every few milliseconds: its own and that of
/// each worker process it starts (`dokgen build` makes documents in
/// workers), added up. (`wait4`'s `ru_maxrss` would count this
/// benchmark's own memory, which a child shares until it executes dokgen.)
fn wait_with_peak(mut child: std::process::Child) -> (bool, u64) {
    let mut peaks = std::collections::BTreeMap::<u32, u64>::new();
    let high_water = |pid: u32| -> Option<u64> {
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .ok()?
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    };
    loop {
        // Its workers are children of whichever of its threads started them.
        let mut pids = vec![child.id()];
        let tasks = std::fs::read_dir(format!("/proc/{}/task", child.id()));
        for task in tasks.into_iter().flatten().flatten() {
            if let Ok(children) = std::fs::read_to_string(task.path().join("children")) {
                pids.extend(
                    children
                        .split_whitespace()
                        .filter_map(|p| p.parse::<u32>().ok()),
                );
            }
        }
        for pid in pids {
            if let Some(kb) = high_water(pid) {
                let peak = peaks.entry(pid).or_default();
                *peak = (*peak).max(kb);
            }
        }
        match child.try_wait().expect("the child") {
            Some(status) => return (status.success(), peaks.values().sum()),
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}

/// The first baseline of (b): every generated source typeset by a process
/// of its own, one after the other, as `typst compile` would be run.
fn fresh_processes(dokgen: &Path, project: &Path, sources: &Path, scratch: &Path) -> Duration {
    let jobs: Vec<Compile> = emitted(sources)
        .into_iter()
        .map(|file| (file, vec!["pdf"]))
        .collect();
    let jobs = copies(&jobs, &scratch.join("letters-each"));
    median_of(3, || compile_each(dokgen, project, &jobs))
}

/// A Typst source and the formats to make of it.
type Compile = (PathBuf, Vec<&'static str>);

/// Each source `--emit typst` wrote into `folder`, with the formats the
/// build made of it: its PDF beside it, its page in `web/`.
fn made_of(folder: &Path) -> Vec<Compile> {
    sources_in(folder)
        .into_iter()
        .map(|source| {
            let name = source.file_stem().expect("a name").to_string_lossy();
            let mut formats = Vec::new();
            if source.with_extension("pdf").is_file() {
                formats.push("pdf");
            }
            if folder.join("web").join(format!("{name}.html")).is_file() {
                formats.push("html");
            }
            assert!(!formats.is_empty(), "nothing made of {}", source.display());
            (source, formats)
        })
        .collect()
}

/// `jobs` with their sources copied into `folder`, so that what `dokgen
/// compile` writes beside each is written there.
fn copies(jobs: &[Compile], folder: &Path) -> Vec<Compile> {
    std::fs::create_dir_all(folder).expect("a folder for the copies");
    jobs.iter()
        .map(|(source, formats)| {
            let copy = folder.join(source.file_name().expect("a file name"));
            std::fs::copy(source, &copy).expect("a copy of the source");
            (copy, formats.clone())
        })
        .collect()
}

/// `jobs` typeset one after the other, each by a process of its own
/// (`dokgen compile`, as `typst compile` would be run), once for each
/// source with all its formats (`typst compile` would take two processes
/// for a source made both ways, so this baseline is the quicker): the
/// time it took.
fn compile_each(dokgen: &Path, project: &Path, jobs: &[Compile]) -> Duration {
    let start = Instant::now();
    for (file, formats) in jobs {
        let status = Command::new(dokgen)
            .arg("compile")
            .arg(file)
            .arg("--project")
            .arg(project)
            .args(["--date", "2021-06-01"])
            .args(formats.iter().flat_map(|f| ["--format", f]))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("dokgen compile runs");
        assert!(status.success(), "dokgen compile {}", file.display());
    }
    start.elapsed()
}

/// The sources `--emit typst` wrote, sorted.
fn emitted(sources: &Path) -> Vec<PathBuf> {
    let files = sources_in(sources);
    assert_eq!(files.len(), 100, "the emitted sources");
    files
}

/// The Typst sources in `folder`, sorted.
fn sources_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the emitted sources")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "typ"))
        .collect();
    files.sort();
    files
}

/// The second baseline of (b): every generated source compiled and exported
/// in a World of its own, fonts and library loaded anew, memoised work dropped.
fn fresh_worlds(project_dir: &Path, sources: &Path) -> Duration {
    let session = Session::open(project_dir).expect("the project");
    let project = session.project();
    let files = emitted(sources);
    // Each source with the proper names the style library reads for it,
    // found before the clock starts.
    let sources: Vec<(String, String, Option<String>)> = files
        .iter()
        .map(|file| {
            let name = file
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let source = std::fs::read_to_string(file).expect("the source");
            let names = session.proper_names_in(&source);
            (name, source, names)
        })
        .collect();
    let date = chrono::NaiveDate::from_ymd_opt(2021, 6, 1).expect("a date");
    median(|| {
        let start = Instant::now();
        for (name, source, names) in &sources {
            comemo::evict(0);
            let typesetter = Typesetter::new(project).expect("fonts and library");
            let job = Job {
                name,
                source: source.clone(),
                date,
                proper_names: names.clone(),
            };
            let layout = typesetter.lay_out(&job).expect("the source compiles");
            let settings = Settings {
                ident: name.clone(),
                date,
                timestamp: None,
                standards: pdf::DEFAULT,
            };
            export::export(Format::Pdf, &layout, name, &settings).expect("a PDF");
        }
        start.elapsed()
    })
}

/// (c): time spent reading facts, templates and rendering (outside Typst)
/// and time spent typesetting (inside), one document after the other.
fn split(project_dir: &Path) -> (Duration, Duration) {
    let mut best: Option<(Duration, Duration)> = None;
    for _ in 0..RUNS {
        comemo::evict(0);
        let start = Instant::now();
        let session = Session::open(project_dir).expect("the session");
        let mut outside = start.elapsed();
        let mut inside = Duration::ZERO;
        for document in session.documents() {
            let t = Instant::now();
            let rendered = session.render(document).expect("renders");
            outside += t.elapsed();
            let t = Instant::now();
            let made = session.typeset(document, &rendered);
            assert!(made.output.is_ok(), "typesets");
            inside += t.elapsed();
        }
        if best.is_none_or(|(o, i)| outside + inside < o + i) {
            best = Some((outside, inside));
        }
    }
    best.expect("at least one run")
}

/// A project of `n` municipalities, each applying to leave its own area of
/// one binding cooperation, with a letter per application.
fn generate(scratch: &Path, n: usize) -> PathBuf {
    let dir = scratch.join(format!("kommuner-{n}"));
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("documents")).expect("folders");
    // The repository's templates, with the letter showing the applicant's
    // figures and areas rather than all of a cooperation of `n` members,
    // or the `n - 1` areas that remain in it (which would make each letter
    // grow with `n`).
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let templates = dir.join("templates");
    copy_dir(&repo.join("templates"), &templates);
    let letter = std::fs::read_to_string(templates.join("ansoegning.typ.tera")).expect("template");
    let swaps = [
        (
            "{{ <befolkningstabel kommuner={cooperation.members} /> }}",
            "{{ <befolkningstabel kommuner={app.applicants} /> }}",
        ),
        (
            "{{ <omraadetabel omraader={app.current_areas} udgaar={[a.id for a in app.areas]} /> }}",
            "{{ <omraadetabel omraader={app.areas} udgaar={[a.id for a in app.areas]} /> }}",
        ),
        ("app.remaining_areas", "app.areas"),
    ];
    let mut letter = letter;
    for (from, to) in swaps {
        assert!(
            letter.contains(from),
            "the application template changed: {from}"
        );
        letter = letter.replace(from, to);
    }
    std::fs::write(templates.join("brev.typ.tera"), letter).expect("template");
    std::fs::write(
        dir.join("dokgen.yaml"),
        format!("name: Benchmark med {n} kommuner\n"),
    )
    .expect("dokgen.yaml");
    let ids: Vec<String> = (1..=n).map(|i| format!("k{i:03}")).collect();
    let mut facts = String::from("municipalities:\n");
    for (i, id) in ids.iter().enumerate() {
        let base = 9_000 + 137 * i;
        facts.push_str(&format!(
            "  {id}:\n    name: Kommune {i:03}\n    short_name: Kommune {i:03}\n    address: [Rådhuspladsen {i}, {} By]\n    officials:\n      mayor: {{ name: Borgmester {i:03}, title: Borgmester }}\n      chief_executive: {{ name: Direktør {i:03}, title: Kommunaldirektør }}\n    population:\n      - {{ date: 2007-01-01, value: {base}, source: Genereret til benchmark }}\n      - {{ date: 2017-01-01, value: {}, source: Genereret til benchmark }}\n",
            1000 + i,
            base + 1_500
        ));
    }
    facts.push_str("cooperation:\n  name: det store forpligtende samarbejde\n  since: 2007-01-01\n  members: [");
    facts.push_str(&ids.join(", "));
    facts.push_str("]\n  areas:\n");
    for id in &ids {
        facts.push_str(&format!(
            "    - {{ id: omraade-{id}, name: opgaveområde {id}, carried_out_by: {id}, on_behalf_of: [{id}] }}\n"
        ));
    }
    facts.push_str(
        "law:\n  name: lov om forpligtende kommunale samarbejder\n  act: { number: 541, date: 2005-06-24 }\n  dispensation: { section: \"11 a\", subsection: 2 }\nrules:\n  sustainable_size: 20000\n  cooperation_base: 30000\n  merger_range: { min: 50000, max: 100000 }\n  first_phase_areas: { min: 1, max: 1 }\napplications:\n",
    );
    for (i, id) in ids.iter().enumerate() {
        facts.push_str(&format!(
            "  {id}:\n    areas: [omraade-{id}]\n    start: 2022-01-01\n    date: 2021-06-01\n    applicants: [{id}]\n    signatories: [{id}]\n    decisions: [{{ municipality: {id}, body: Kommunalbestyrelsen i Kommune {i:03}, date: 2021-05-20 }}]\n    addressee: {{ name: Indenrigs- og Boligministeriet, address: [Slotsholmsgade 10, 1216 København K] }}\n    case_number: 21/{:05}\n    contact: {{ official: chief_executive, municipality: {id}, phone: 12 34 56 78, email: post@kommune-{i:03}.dk }}\n",
            i + 1
        ));
    }
    std::fs::write(content.join("facts.yaml"), facts).expect("facts");

    let shared = [
        (
            "ansoegning",
            "{{ application.applicant_names | liste }} ansøger hermed om, at {{ application.areas | liste(attr=\"name\") }} udgår af {{ cooperation.name }} fra den {{ application.start | dato }}.",
        ),
        (
            "baggrund",
            "Samarbejdet har bestået siden {{ cooperation.since | aar }} og omfatter {{ cooperation.areas | length | tal }} opgaveområder.",
        ),
        (
            "faseplan",
            "Denne ansøgning er nr. {{ application.phase }} af {{ application.phase_count }}.",
        ),
        (
            "overgang",
            "Opgaverne flyttes gradvist, så borgerne får deres ydelser uden afbrydelse.\n\n- Medarbejderne bevarer deres rettigheder.\n- Borgere i igangværende forløb får besked i god tid.",
        ),
    ];
    std::fs::create_dir_all(content.join("prosa/fælles")).expect("prose folder");
    for (name, text) in shared {
        std::fs::write(content.join(format!("prosa/fælles/{name}.md")), text).expect("prose");
    }
    for (i, id) in ids.iter().enumerate() {
        let folder = content.join(format!("prosa/{id}"));
        std::fs::create_dir_all(&folder).expect("prose folder");
        std::fs::write(
            folder.join("begrundelse.md"),
            format!(
                "## Kommunens vurdering\n\nKommune {i:03} vurderer, at opgaven løses **bedst** lokalt. Ulemperne ved samarbejdet er større end fordelene, og kommunen har med {{{{ municipalities.{id}.latest.value | tal }}}} indbyggere kræfter til at løse opgaven selv.\n\n| År | Indbyggere |\n|---|--:|\n{{% for f in municipalities.{id}.known %}}| {{{{ f.year }}}} | {{{{ f.value | tal }}}} |\n{{% endfor %}}"
            ),
        )
        .expect("prose");
    }
    std::fs::write(
        content.join("documents/ansoegninger.yaml"),
        "template: brev.typ.tera\nfor_each: applications\noutput: \"ansoegning-{id}\"\ntitle: \"Ansøgning om dispensation efter § 11 a\"\nauthors: [k001]\nprose:\n  ansoegning: prosa/fælles/ansoegning.md\n  baggrund: prosa/fælles/baggrund.md\n  faseplan: prosa/fælles/faseplan.md\n  begrundelse: \"prosa/{id}/begrundelse.md\"\n  overgang: prosa/fælles/overgang.md\n",
    )
    .expect("declaration");
    dir
}

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    median_of(RUNS, &mut f)
}

fn median_of(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}
