//! The `dokgen` command: parse the command line, call the library, print,
//! set the exit code (0 done, 1 invalid content or a failed document, 2 bad
//! command-line use).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use dokgen::build::{self, DiskSink, Event, Options};
use dokgen::diagnostic::Severity;
use dokgen::{Error, Session};

fn main() -> ExitCode {
    // Output piped into `head` ends quietly when `head` has read enough, as
    // other command-line tools do, instead of panicking on a closed pipe.
    // SAFETY: setting a signal's disposition to the default is always
    // sound.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = cli::Cli::parse();
    let color = wants_color();
    let result = match cli.command {
        cli::Command::Build(args) => run_build(&args, color),
        cli::Command::Check(args) => run_check(&args, color),
        cli::Command::Schema(args) => run_schema(&args),
        cli::Command::Compile(args) => run_compile(&args, color),
        cli::Command::Serve(args) => run_serve(&args, color),
        cli::Command::Templates(args) => run_templates(&args),
        cli::Command::New(args) => run_new(&args),
        cli::Command::Explain(args) => run_explain(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", err.render(color));
            let count = err
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            eprintln!("dokgen: {count} error{}", if count == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
    }
}

fn run_schema(args: &cli::SchemaArgs) -> Result<(), Error> {
    if let Some(dir) = &args.project {
        let session = Session::open(dir)?;
        for path in dokgen::schema::write_for_project(&session)? {
            println!("wrote {}", path.display());
        }
    } else if args.markdown {
        print!("{}", dokgen::schema::markdown());
    } else {
        print!("{}", dokgen::schema::json(schema_kind(args.kind)));
    }
    Ok(())
}

fn schema_kind(kind: cli::SchemaKind) -> dokgen::schema::Kind {
    match kind {
        cli::SchemaKind::Facts => dokgen::schema::Kind::Facts,
        cli::SchemaKind::Document => dokgen::schema::Kind::Document,
        cli::SchemaKind::Project => dokgen::schema::Kind::Project,
    }
}

/// Colours on a terminal, unless `NO_COLOR` is set (no-color.org).
fn wants_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Today's date (UTC, which is Denmark's date but in the hour after
/// midnight).
fn today() -> chrono::NaiveDate {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(now, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

fn run_new(args: &cli::NewArgs) -> Result<(), Error> {
    use dokgen::scaffold::{self, Answers, AreaAnswer};
    let today = today();
    if let Some(what) = args.dir.to_str().and_then(scaffold::Addition::parse)
        && !args.dir.exists()
        && args.project.join(dokgen::project::CONFIG_FILE).is_file()
    {
        let wishes = scaffold::Wishes {
            id: args.id.clone(),
            areas: args.leaving.clone(),
            date: args.date,
            start: args.start,
            template: args.template.clone(),
        };
        for path in scaffold::add(&args.project, what, &wishes, today)? {
            println!("wrote {}", args.project.join(path).display());
        }
        println!(
            "\nNext: fill in what stands in [indsæt …] (`dokgen check` lists it); the new document is a draft until you remove its `draft: true`."
        );
        return Ok(());
    }
    let answers = if let Some(file) = &args.answers {
        Answers::read(file)?
    } else if args.members.is_empty() && args.areas.is_empty() {
        if !std::io::stdin().is_terminal() {
            return Err(dokgen::Diagnostic::error("no answers: dokgen new asks on a terminal, and this is none")
                .hint("give them as options (`--member Ærø --member Svendborg --area \"natur og miljø=Svendborg for Ærø\"`), or in a file with --answers")
                .into());
        }
        println!(
            "Et nyt projekt i {}. Tryk Enter for forslaget i [ ].",
            args.dir.display()
        );
        scaffold::ask::answers(&mut std::io::stdin().lock(), &mut std::io::stdout(), today)
            .map_err(|err| dokgen::Diagnostic::error(format!("dokgen new stopped: {err}")))?
    } else {
        let mut areas = Vec::new();
        for text in &args.areas {
            let Some((name, who)) = text.split_once('=') else {
                return Err(dokgen::Diagnostic::error(format!("`--area {text}` names no member that carries it out"))
                    .hint("write the area, `=` and the member: `--area \"natur og miljø=Svendborg\"`, or `=Svendborg for Ærø` on some members' behalf")
                    .into());
            };
            let (carried_out_by, on_behalf_of) = match who.split_once(" for ") {
                Some((by, whom)) => (by, whom.split(',').map(|w| w.trim().to_owned()).collect()),
                None => (who, Vec::new()),
            };
            areas.push(AreaAnswer {
                name: name.trim().to_owned(),
                carried_out_by: carried_out_by.trim().to_owned(),
                on_behalf_of,
                competence: None,
            });
        }
        for text in &args.competence {
            let Some((name, who)) = text.split_once('=') else {
                return Err(dokgen::Diagnostic::error(format!(
                    "`--competence {text}` names no member"
                ))
                .hint("write the area, `=` and the member that keeps the competence: `--competence \"natur og miljø=Ærø\"`")
                .into());
            };
            let id = scaffold::id_of(name);
            let Some(area) = areas.iter_mut().find(|a| scaffold::id_of(&a.name) == id) else {
                return Err(dokgen::Diagnostic::error(format!(
                    "`--competence {text}`: `{}` is not one of the --area options",
                    name.trim()
                ))
                .into());
            };
            area.competence = Some(who.trim().to_owned());
        }
        Answers {
            name: args.name.clone(),
            members: args.members.clone(),
            areas,
            leaving: args.leaving.clone(),
            date: args.date,
            start: args.start,
            ministry: args.ministry.clone(),
        }
    };
    let written = scaffold::create(&args.dir, &answers, today)?;
    for path in &written {
        println!("wrote {}", args.dir.join(path).display());
    }
    println!(
        "\nNext: `dokgen build {dir}` makes the draft application; `dokgen check {dir}` lists what is left to fill in ({dir}/README.md says more).",
        dir = args.dir.display()
    );
    Ok(())
}

fn run_explain(args: &cli::ExplainArgs) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let document = dokgen::explain::find(&session, &args.document)?;
    let text = match &args.at {
        None => dokgen::explain::tree(&session, document, args.value.as_deref())?,
        Some(at) => {
            let parsed = at
                .rsplit_once(':')
                .and_then(|(file, line)| Some((file, line.parse::<usize>().ok()?)));
            let Some((file, line)) = parsed else {
                return Err(dokgen::Diagnostic::error(format!("`--at {at}` is not FILE:LINE"))
                    .hint("give a file and a line number: `--at content/prosa/ansoegning/baggrund.md:3`")
                    .into());
            };
            dokgen::explain::at(&session, document, file, line)?
        }
    };
    print!("{text}");
    Ok(())
}

fn run_templates(args: &cli::TemplatesArgs) -> Result<(), Error> {
    let project = match dokgen::Project::open(&args.project) {
        Ok(project) => project,
        // Outside a project, the built-in files are still worth a list.
        Err(_) if !args.eject && !args.project.join(dokgen::project::CONFIG_FILE).exists() => {
            for file in dokgen::builtin::FILES {
                println!("{:<34} built in", file.name);
            }
            return Ok(());
        }
        Err(err) => return Err(err),
    };
    let dir = project.templates_dir();
    let shown = |path: &std::path::Path| project.relative(path).display().to_string();
    if args.eject {
        for path in project.eject(&args.files, args.force)? {
            println!("wrote {}", shown(&path));
        }
        println!(
            "the project now uses these files instead of the built-in ones; `dokgen templates` lists which"
        );
        return Ok(());
    }
    for file in project.template_files()? {
        let from = match &file.from {
            dokgen::project::Provenance::Builtin(_) => "built in".to_owned(),
            dokgen::project::Provenance::Project(path) => match dokgen::builtin::get(&file.name) {
                None => format!("{} (the project's own)", shown(path)),
                Some(b) if std::fs::read(path).is_ok_and(|bytes| bytes == b.bytes) => {
                    format!("{} (the same as the built-in one)", shown(path))
                }
                Some(_) => format!("{} (instead of the built-in one)", shown(path)),
            },
        };
        println!("{:<34} {from}", file.name);
    }
    println!(
        "(`dokgen templates --eject FILE` copies a built-in file into {}/ to change it)",
        shown(&dir)
    );
    Ok(())
}

fn run_build(args: &cli::BuildArgs, color: bool) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let options = Options {
        force: args.force,
        jobs: args.jobs.map(usize::from),
        emit_typst: args.emit.contains(&cli::Emit::Typst),
    };
    let output = match &args.output {
        Some(dir) => dir.clone(),
        None => session.project().output_dir_inside()?,
    };
    let sink = DiskSink::open(&output)?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = |path: &std::path::Path| {
        path.strip_prefix(&cwd)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let started = std::time::Instant::now();
    let mut progress = Progress::new();
    let (mut made, mut kept, mut failed) = (0, 0, 0);
    let result = build::run(&session, &options, &sink, |event| match event {
        Event::Progress { done, total } => progress.update(done, total),
        Event::Written(_, w) => {
            made += 1;
            progress.println(format!(
                "wrote {} ({} page{}, {} kB)",
                shown(&w.path),
                w.pages,
                if w.pages == 1 { "" } else { "s" },
                w.bytes.div_ceil(1024)
            ));
        }
        Event::UpToDate(path) => {
            kept += 1;
            progress.println(format!(
                "up to date: {} (nothing it is made from has changed)",
                shown(path)
            ));
        }
        Event::Failed(_) => failed += 1,
        Event::Warning(d) => progress.eprintln(d.render(color)),
    });
    progress.finish();
    if made + kept + failed > 0 {
        println!(
            "{} document{}: {made} made, {kept} up to date, {failed} failed, in {:.2} s",
            made + kept + failed,
            if made + kept + failed == 1 { "" } else { "s" },
            started.elapsed().as_secs_f64()
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
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} dokumenter ({elapsed})",
                )
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

fn run_compile(args: &cli::CompileArgs, color: bool) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let source = std::fs::read_to_string(&args.file).map_err(|err| Error::io(&args.file, &err))?;
    let name = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dokument".to_owned());
    let date = args.date.unwrap_or_else(today);
    let made = session.compile(&name, source, date);
    for warning in &made.warnings {
        eprintln!("{}", warning.render(color));
    }
    let pdf = made.pdf?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("pdf"));
    std::fs::write(&output, &pdf.bytes).map_err(|err| Error::io(&output, &err))?;
    println!("wrote {} ({} pages)", output.display(), pdf.pages);
    Ok(())
}

fn run_check(args: &cli::CheckArgs, color: bool) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let checked = build::check(&session, |event| match event {
        Event::Written(document, _) => println!("ok {}", document.file.display()),
        Event::Warning(d) => eprintln!("{}", d.render(color)),
        Event::UpToDate(_) | Event::Failed(_) | Event::Progress { .. } => {}
    });
    let report = match checked {
        Ok(report) => report,
        Err(err) => {
            // What is left to fill in is worth knowing also while
            // something is wrong.
            print_unfilled(&build::unfilled(&session));
            return Err(err);
        }
    };
    for warning in &report.warnings {
        eprintln!("{}", warning.render(color));
    }
    for note in &report.notes {
        println!("note: {note}");
    }
    print_unfilled(&report.unfilled);
    println!(
        "checked {} document{}: no errors",
        report.documents,
        if report.documents == 1 { "" } else { "s" }
    );
    Ok(())
}

/// The places where a placeholder stands, one a line.
fn print_unfilled(unfilled: &[build::Unfilled]) {
    if unfilled.is_empty() {
        return;
    }
    println!(
        "to fill in ({} place{} where a placeholder stands for a fact or text):",
        unfilled.len(),
        if unfilled.len() == 1 { "" } else { "s" }
    );
    for place in unfilled {
        let at = &place.at;
        println!(
            "  {}:{}:{}: {}{}",
            at.file.display(),
            at.line,
            at.column,
            at.snippet.trim(),
            if place.printed {
                ""
            } else {
                "   (no document prints it now)"
            }
        );
    }
}

/// Set by Ctrl-C (or SIGTERM): `dokgen serve` stops after what it is doing.
static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_stop(_signal: libc::c_int) {
    STOP.store(true, std::sync::atomic::Ordering::Relaxed);
    // A second Ctrl-C ends the process at once.
    // SAFETY: `signal` is async-signal-safe, and SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
}

fn run_serve(args: &cli::ServeArgs, color: bool) -> Result<(), Error> {
    // SAFETY: the handler only stores to an atomic and calls `signal`,
    // both async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_stop as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_stop as *const () as libc::sighandler_t);
    }
    let options = dokgen::serve::Options {
        port: args.port,
        editor: args.editor.clone(),
        write: args.write,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let open = args.open;
    dokgen::serve::run(&args.project, &options, &STOP, |report| {
        use dokgen::preview::Outcome;
        use dokgen::serve::Report;
        match report {
            Report::Listening(addr) => {
                println!("dokgen serve: http://{addr}/ (Ctrl-C stops)");
                if open {
                    open_browser(&format!("http://{addr}/"));
                }
            }
            Report::Changed(paths) => {
                let shown: Vec<String> = paths
                    .iter()
                    .map(|p| p.strip_prefix(&cwd).unwrap_or(p).display().to_string())
                    .collect();
                println!("changed: {}", shown.join(", "));
            }
            Report::Outcome(Outcome::Made {
                name,
                took,
                new_warnings,
            }) => {
                println!("{name}: {} ms", took.as_millis());
                for warning in new_warnings {
                    eprintln!("{}", warning.render(color));
                }
            }
            Report::Outcome(Outcome::Failed { name, errors }) => {
                println!(
                    "{name}: failed, {} error{}",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                );
                for error in errors {
                    eprintln!("{}", error.render(color));
                }
            }
            Report::Outcome(Outcome::Unreadable(errors)) => {
                println!("the project cannot be read; the page shows why until it is mended");
                for error in errors {
                    eprintln!("{}", error.render(color));
                }
            }
            Report::Wrote(path) => println!(
                "wrote {}",
                path.strip_prefix(&cwd).unwrap_or(path).display()
            ),
            Report::Stopped => println!("stopped"),
        }
        use std::io::Write;
        let _ = std::io::stdout().flush();
    })
}

/// Opens `url` in the desktop's browser; says so if it cannot.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("could not open a browser ({opener}); open {url} yourself");
    }
}
