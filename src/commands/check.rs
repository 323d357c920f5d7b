//! `dokgen check`: everything a build would do, without writing a file;
//! then what the facts show and what is left to fill in.

use std::path::PathBuf;

use dokgen::build::{self, Event};
use dokgen::{Error, Session};

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
            Event::Made(document) => println!("ok {}", document.file.display()),
            Event::Warning(d) => eprintln!("{}", d.render(color)),
            Event::Written(..) | Event::UpToDate(_) | Event::Failed(_) | Event::Progress { .. } => {
            }
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
        println!("note: {note}");
    }
    // The PDFs beside a manifest this user did not seal may be anyone's.
    if let Ok(output) = session.project().output_dir_inside()
        && build::unsealed(&output)
    {
        println!(
            "note: {}/{} does not carry your seal (made by another user or on another machine, or changed since): its PDFs are not vouched for, and the next build makes every document anew",
            session.project().relative(&output).display(),
            dokgen::plan::manifest::FILE
        );
    }
    print_unfilled(&report.unfilled);
    println!(
        "checked {}: no errors",
        super::plural(report.documents, "document", "documents")
    );
    Ok(())
}

/// The places where a placeholder stands, one a line.
fn print_unfilled(unfilled: &[build::Unfilled]) {
    if unfilled.is_empty() {
        return;
    }
    println!(
        "to fill in ({} where a placeholder stands for a fact or text):",
        super::plural(unfilled.len(), "place", "places")
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
