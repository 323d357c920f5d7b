//! The `dokgen` command: parse the command line, call the library, print,
//! set the exit code (0 done, 1 invalid content or a failed document, 2 bad
//! command-line use).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use dokgen::build::{self, Event};
use dokgen::diagnostic::Severity;
use dokgen::{Error, Project};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let color = wants_color();
    let result = match cli.command {
        cli::Command::Build(args) => run_build(&args, color),
        cli::Command::Check(args) => run_check(&args, color),
        cli::Command::Schema(args) => {
            print!("{}", dokgen::schema::json(schema_kind(args.kind)));
            Ok(())
        }
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

fn run_build(args: &cli::BuildArgs, color: bool) -> Result<(), Error> {
    let project = Project::open(&args.project)?;
    let options = build::Options {
        output: args.output.clone(),
        force: args.force,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    build::build(&project, &options, |event| match event {
        Event::Written(w) => {
            let shown = w.path.strip_prefix(&cwd).unwrap_or(&w.path);
            println!(
                "wrote {} ({} page{}, {} kB)",
                shown.display(),
                w.pages,
                if w.pages == 1 { "" } else { "s" },
                w.bytes.div_ceil(1024)
            );
        }
        Event::UpToDate(path) => {
            let shown = path.strip_prefix(&cwd).unwrap_or(path);
            println!(
                "up to date: {} (nothing it is made from has changed)",
                shown.display()
            );
        }
        Event::Checked(_) => {}
        Event::Warning(d) => eprintln!("{}", d.render(color)),
    })?;
    Ok(())
}

fn run_check(args: &cli::CheckArgs, color: bool) -> Result<(), Error> {
    let project = Project::open(&args.project)?;
    let report = build::check(&project, |event| match event {
        Event::Checked(document) => println!("ok {}", document.file.display()),
        Event::Warning(d) => eprintln!("{}", d.render(color)),
        Event::Written(_) | Event::UpToDate(_) => {}
    })?;
    for note in &report.notes {
        println!("note: {note}");
    }
    println!(
        "checked {} document{}: no errors",
        report.documents,
        if report.documents == 1 { "" } else { "s" }
    );
    Ok(())
}
