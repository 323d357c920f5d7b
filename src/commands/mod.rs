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
mod new;
mod schema;
mod serve;
mod templates;
mod worker;

/// dokgen turns facts (YAML) and prose (Markdown) into finished Danish
/// public-sector documents (PDF).
#[derive(Debug, Parser)]
#[command(name = "dokgen", version, about, long_about = None)]
pub(crate) struct Cli {
    /// What to do.
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

/// "1 document", "2 documents".
fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
