//! `dokgen check`: everything a build would do, without writing a file;
//! then what the facts show and what is left to fill in.

use std::path::PathBuf;

use dokgen::build::{self, Event};
use dokgen::{Error, Session, msg};

/// Arguments of `dokgen check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    project: PathBuf,
}

pub(crate) fn run(args: &Args, color: bool) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let checked = build::check(
        &session,
        std::env::current_exe().ok(),
        |event| match event {
            Event::Made(document) => {
                println!("{}", msg!("check-ok", file = document.file.display()));
            }
            Event::Warning(d) => eprintln!("{}", d.render(color)),
            Event::Written(..)
            | Event::UpToDate(_)
            | Event::Current(_)
            | Event::Copied(..)
            | Event::Removed(_)
            | Event::Failed(_)
            | Event::Progress { .. } => {}
        },
    );
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
        println!("{}: {note}", msg!("diagnostic-note"));
    }
    // The PDFs beside a manifest this user did not seal may be anyone's.
    if let Ok(output) = session.project().output_dir_inside()
        && build::unsealed(&output)
    {
        let manifest = session
            .project()
            .relative(&output)
            .join(dokgen::plan::manifest::FILE);
        println!("{}", msg!("check-unsealed", manifest = manifest.display()));
    }
    print_unfilled(&report.unfilled);
    println!("{}", msg!("check-summary", count = report.documents));
    Ok(())
}

/// The places where a placeholder stands, one a line.
fn print_unfilled(unfilled: &[build::Unfilled]) {
    if unfilled.is_empty() {
        return;
    }
    println!("{}", msg!("check-unfilled", count = unfilled.len()));
    for place in unfilled {
        let at = &place.at;
        let unprinted = if place.printed {
            String::new()
        } else {
            format!("   ({})", msg!("check-unfilled-unprinted"))
        };
        println!(
            "  {}:{}:{}: {}{unprinted}",
            at.file.display(),
            at.line,
            at.column,
            at.snippet.trim(),
        );
    }
}
