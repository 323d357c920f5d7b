//! `dokgen explain`: what a document's template and prose can use, or
//! what each `{{ … }}` on one line gives.

use std::path::PathBuf;

use dokgen::{Error, Session, msg};

/// Arguments of `dokgen explain`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The document: its output name (`ansoegning-1`) or its declaration
    /// (`content/documents/ansoegning-1.yaml`).
    document: String,
    /// Only this value and what is inside it (`application.later_areas`).
    value: Option<String>,
    /// A line of a template or prose file: what each {{ … }} on it gives
    /// (`content/prosa/ansoegning/baggrund.md:3`).
    #[arg(long, value_name = "FILE:LINE", value_parser = file_and_line)]
    at: Option<(String, usize)>,
    /// The project folder (the one with dokgen.yaml).
    #[arg(short, long, default_value = ".")]
    project: PathBuf,
}

/// `FILE:LINE`, split at its last colon.
fn file_and_line(text: &str) -> Result<(String, usize), String> {
    text.rsplit_once(':')
        .and_then(|(file, line)| Some((file.to_owned(), line.parse::<usize>().ok()?)))
        .ok_or_else(|| msg!("explain-at-form").to_string())
}

pub(crate) fn run(args: &Args) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let document = dokgen::explain::find(&session, &args.document)?;
    let text = match &args.at {
        None => dokgen::explain::tree(&session, document, args.value.as_deref())?,
        Some((file, line)) => dokgen::explain::at(&session, document, file, *line)?,
    };
    print!("{text}");
    Ok(())
}
