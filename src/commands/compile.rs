//! `dokgen compile`: one Typst file a person has, typeset with a
//! project's fonts and templates.

use std::path::PathBuf;

use dokgen::export::Format;
use dokgen::{Diagnostic, Error, Session, msg};

/// Arguments of `dokgen compile`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The Typst file.
    file: PathBuf,
    /// The project folder whose fonts and templates it uses.
    #[arg(short, long, default_value = ".")]
    project: PathBuf,
    /// The file to write, where one format is made [default: the
    /// Typst file's name with the format's extension, `.pdf`].
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The document's date (Typst's `today()` and the PDF's timestamp)
    /// [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::date)]
    date: Option<chrono::NaiveDate>,
    /// A format to make; repeat `--format` for each (`--format pdf --format
    /// html`) [default: the project's, `defaults.formats`].
    #[arg(long = "format", value_name = "FORMAT", value_parser = super::format)]
    formats: Vec<Format>,
}

pub(crate) fn run(args: &Args, color: bool) -> Result<(), Error> {
    let session = Session::open(&args.project)?;
    let source = std::fs::read_to_string(&args.file).map_err(|err| Error::io(&args.file, &err))?;
    let name = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dokument".to_owned());
    let date = args.date.unwrap_or_else(super::today);
    let formats = if args.formats.is_empty() {
        session.project().formats()
    } else {
        dokgen::export::check_list(&args.formats)
            .map_err(|problem| Diagnostic::error(problem).hint(msg!("compile-formats-hint")))?;
        &args.formats
    };
    // A file each format: refused before anything is typeset.
    if args.output.is_some() && formats.len() > 1 {
        return Err(Diagnostic::error(msg!("compile-output-one-file"))
            .hint(msg!("compile-output-one-file-hint"))
            .into());
    }
    let made = session.compile(&name, source, date, formats);
    for warning in &made.warnings {
        eprintln!("{}", warning.render(color));
    }
    let output = made.output?;
    for file in &output.files {
        let path = args
            .output
            .clone()
            .unwrap_or_else(|| args.file.with_extension(file.format.extension()));
        std::fs::write(&path, &file.bytes).map_err(|err| Error::io(&path, &err))?;
        // A web page has no pages.
        let wrote = match file.format {
            Format::Pdf => msg!("compile-wrote", file = path.display(), pages = output.pages),
            Format::Html => msg!("compile-wrote-page", file = path.display()),
        };
        println!("{wrote}");
    }
    Ok(())
}
