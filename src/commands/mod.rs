//! The `dokgen` command line: one module per subcommand, each with its
//! arguments (a clap struct) and the function that runs it. Each calls
//! the library and prints; `main` sets the exit code.

use std::io::IsTerminal;

use clap::{Parser, Subcommand};
use dokgen::Error;

mod build;
mod check;
mod compile;
mod explain;
pub(crate) mod help;
mod new;
mod schema;
mod serve;
mod templates;
mod worker;

/// The command line. Its help texts are the catalogue's (`help-…`, see
/// `help::localise`), in the user's language.
#[derive(Debug, Parser)]
#[command(name = "dokgen", version)]
pub(crate) struct Cli {
    // The language of messages and help; read before clap parses (see
    // `help::lang_asked`).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<dokgen::message::Lang>,
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Build every document of a project into PDF.
    Build(build::Args),
    /// Check facts, references, rules, templates and prose without writing
    /// a PDF, and print what the facts show.
    Check(check::Args),
    /// Print the JSON Schema of a kind of project file, for editors.
    Schema(schema::Args),
    /// Typeset one Typst file with a project's fonts and templates, such as
    /// a source written by `build --emit typst` and edited by hand.
    Compile(compile::Args),
    /// Show the documents in a browser, remade at every save, with the
    /// errors over the page where they occur.
    Serve(serve::Args),
    /// Start a project for a cooperation: asks, in Danish, what shapes the
    /// case (or takes it from the options or an answers file) and writes a
    /// project whose first build is a draft application.
    New(new::Args),
    /// Print what a document's template and prose can use on its date,
    /// marking what they use, or what each {{ … }} on one line gives.
    Explain(explain::Args),
    /// List a project's template files and where each comes from (built
    /// into dokgen, or the project's own), or copy built-in ones into the
    /// project to change them.
    Templates(templates::Args),
    /// Make documents as another dokgen asks, in a process of their own.
    #[command(hide = true)]
    Worker(worker::Args),
}

impl Cli {
    /// Runs the command, printing what it made and its warnings; the
    /// errors are the caller's to print.
    pub(crate) fn run(self) -> Result<(), Error> {
        let color = wants_color();
        match self.command {
            Command::Build(args) => build::run(&args, color),
            Command::Check(args) => check::run(&args, color),
            Command::Schema(args) => schema::run(&args),
            Command::Compile(args) => compile::run(&args, color),
            Command::Serve(args) => serve::run(&args, color),
            Command::Templates(args) => templates::run(&args),
            Command::New(args) => new::run(&args),
            Command::Explain(args) => explain::run(&args),
            Command::Worker(args) => worker::run(&args),
        }
    }
}

/// Colours on a terminal, unless `NO_COLOR` is set (no-color.org).
pub(crate) fn wants_color() -> bool {
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

/// `--jobs`: a whole number from 1, in words of the catalogue when it
/// is not one (clap's own reason would be English).
fn jobs(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| dokgen::msg!("cli-value-jobs").to_string())
}

/// `--port`: a port number, 0 to 65535.
fn port(text: &str) -> Result<u16, String> {
    text.trim()
        .parse::<u16>()
        .map_err(|_| dokgen::msg!("cli-value-port").to_string())
}

/// `--format`: a format's name, `pdf` or `html`.
fn format(text: &str) -> Result<dokgen::export::Format, String> {
    use dokgen::export::Format;
    Format::named(text.trim()).ok_or_else(|| {
        let formats = Format::ALL.iter().map(|f| f.name()).collect::<Vec<_>>();
        dokgen::msg!("cli-value-format", formats = formats.join(", ")).to_string()
    })
}

/// A date on the command line, `YYYY-MM-DD`, with the catalogue's words
/// for one written otherwise.
fn date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        dokgen::yaml::date_problem(text.trim())
            .unwrap_or_else(|| dokgen::msg!("cli-value-date"))
            .to_string()
    })
}
