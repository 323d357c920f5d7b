//! The `dokgen` command: parse the command line, call the library, print,
//! set the exit code (0 done, 1 invalid content or failed document, 2 bad
//! command-line use).

mod cli;

use std::process::ExitCode;

use clap::Parser;
use dokgen::build::{self, Event};
use dokgen::{Error, Project};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match cli.command {
        cli::Command::Build(args) => run_build(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            let count = err
                .diagnostics()
                .iter()
                .filter(|d| d.severity == dokgen::diagnostic::Severity::Error)
                .count();
            eprintln!("dokgen: {count} error{}", if count == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
    }
}

fn run_build(args: &cli::BuildArgs) -> Result<(), Error> {
    let project = Project::open(&args.project)?;
    let options = build::Options {
        output: args.output.clone(),
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
        Event::Warning(d) => eprintln!("{d}"),
    })?;
    Ok(())
}
