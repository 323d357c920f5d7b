//! `dokgen build`: every document of a project, into its output folder.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use dokgen::build::{self, DiskSink, Event, Options};
use dokgen::export::Format;
use dokgen::{Error, Session, msg};

/// Arguments of `dokgen build`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    project: PathBuf,
    /// Where to write the PDFs [default: the project's output/].
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Make every document, also those whose inputs are unchanged since
    /// the last build (see output/manifest.json).
    #[arg(long)]
    force: bool,
    /// How many documents to make at once [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = super::jobs)]
    jobs: Option<u16>,
    /// Also write each document's generated Typst source beside its PDF.
    #[arg(long, value_name = "WHAT")]
    emit: Vec<Emit>,
}

/// What `--emit` can also write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Emit {
    /// The generated Typst source, `<output>.typ`.
    Typst,
}

pub(crate) fn run(args: &Args, color: bool) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let options = Options {
        force: args.force,
        jobs: args.jobs.map(usize::from),
        emit_typst: args.emit.contains(&Emit::Typst),
        // Each document in a process whose memory the system bounds.
        workers_run: std::env::current_exe().ok(),
    };
    let output = match &args.output {
        Some(dir) => dir.clone(),
        None => session.project().output_dir_inside()?,
    };
    let sink = DiskSink::open(&output)?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = |path: &Path| {
        path.strip_prefix(&cwd)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    if sink.unsealed() {
        eprintln!(
            "{}",
            msg!(
                "build-unsealed",
                manifest = shown(&output.join(dokgen::plan::manifest::FILE))
            )
        );
    }
    let started = std::time::Instant::now();
    let mut progress = Progress::new();
    // Counted by document, however many files each has.
    let (mut made, mut kept, mut failed) = (0, 0, 0);
    let result = build::run(&session, &options, &sink, |event| match event {
        Event::Progress { done, total } => progress.update(done, total),
        Event::Written(_, w) => {
            let (file, kilobytes) = (shown(&w.path), w.bytes.div_ceil(1024));
            // A web page has no pages.
            let said = match w.format {
                Format::Html => msg!("build-wrote-page", file, kilobytes),
                Format::Pdf => msg!("build-wrote", file, pages = w.pages, kilobytes),
            };
            progress.println(said.to_string());
        }
        Event::UpToDate(path) => {
            progress.println(msg!("build-up-to-date", file = shown(path)).to_string());
        }
        Event::Copied(path, bytes) => {
            let (file, kilobytes) = (shown(path), bytes.div_ceil(1024));
            progress.println(msg!("build-copied", file, kilobytes).to_string());
        }
        Event::Removed(path) => {
            progress.println(msg!("build-removed", file = shown(path)).to_string());
        }
        Event::Made(_) => made += 1,
        Event::Current(_) => kept += 1,
        Event::Failed(_) => failed += 1,
        Event::Warning(d) => progress.eprintln(d.render(color)),
    });
    progress.finish();
    // A published protocol is recorded once its papers are made.
    if result.is_ok() {
        for file in build::record_protocols(&session)? {
            println!("{}", msg!("build-protocol-recorded", file = file.display()));
        }
    }
    let all = made + kept + failed;
    if all > 0 {
        let seconds = dokgen::message::Arg::decimal(started.elapsed().as_secs_f64(), 2);
        println!(
            "{}",
            msg!("build-summary", all, made, kept, failed, seconds)
        );
    }
    result.map(|_| ())
}

/// A progress bar for builds of more than a few documents on a terminal;
/// nothing otherwise, where each document's line is progress enough.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// Builds of this many documents to make, or fewer, show no bar.
    const FEW: usize = 4;

    fn new() -> Self {
        Self { bar: None }
    }

    fn update(&mut self, done: usize, total: usize) {
        if self.bar.is_none() && done == 0 && total > Self::FEW && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "{{bar:40}} {}",
                    msg!("build-progress")
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    fn println(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.suspend(|| println!("{line}")),
            None => println!("{line}"),
        }
    }

    fn eprintln(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
