//! The command line: one struct per subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// dokgen turns facts (YAML) and prose (Markdown) into finished Danish
/// public-sector documents (PDF).
#[derive(Debug, Parser)]
#[command(name = "dokgen", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every document of a project into PDF.
    Build(BuildArgs),
    /// Check facts, references, rules, templates and prose without writing
    /// a PDF, and print what the facts show.
    Check(CheckArgs),
    /// Print the JSON Schema of a kind of project file, for editors.
    Schema(SchemaArgs),
    /// Typeset one Typst file with a project's fonts and templates, such as
    /// a source written by `build --emit typst` and edited by hand.
    Compile(CompileArgs),
    /// Show the documents in a browser, remade at every save, with the
    /// errors over the page where they occur.
    Serve(ServeArgs),
}

/// Arguments of `dokgen serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    pub project: PathBuf,
    /// The port on 127.0.0.1; 0 for any free one [default: the first free
    /// one from 3000].
    #[arg(short, long)]
    pub port: Option<u16>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Where a click on an error's place or on a word opens the file:
    /// code, codium, cursor, zed, idea or sublime; a link with {path},
    /// {line} and {column}; or a command with them, which dokgen runs
    /// (`emacsclient +{line}:{column} {path}`).
    #[arg(long, value_name = "EDITOR", value_parser = parse_editor)]
    pub editor: Option<dokgen::serve::Editor>,
    /// Also write the PDFs to the output folder at every change, exactly
    /// as `dokgen build` does (with its lock and manifest).
    #[arg(long)]
    pub write: bool,
}

fn parse_editor(text: &str) -> Result<dokgen::serve::Editor, String> {
    dokgen::serve::Editor::parse(text)
}

/// Arguments of `dokgen compile`.
#[derive(Debug, clap::Args)]
pub struct CompileArgs {
    /// The Typst file.
    pub file: PathBuf,
    /// The project folder whose fonts and templates it uses.
    #[arg(short, long, default_value = ".")]
    pub project: PathBuf,
    /// The PDF to write [default: the Typst file's name with .pdf].
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The document's date (Typst's `today()` and the PDF's timestamp)
    /// [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
}

/// Arguments of `dokgen build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    pub project: PathBuf,
    /// Where to write the PDFs [default: the project's output/].
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Make every document, also those whose inputs are unchanged since
    /// the last build (see output/manifest.json).
    #[arg(long)]
    pub force: bool,
    /// How many documents to make at once [default: one per core].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Also write each document's generated Typst source beside its PDF.
    #[arg(long, value_name = "WHAT")]
    pub emit: Vec<Emit>,
}

/// Arguments of `dokgen check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    pub project: PathBuf,
}

/// Arguments of `dokgen schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum, default_value_t = SchemaKind::Facts)]
    pub kind: SchemaKind,
}

/// What `--emit` can also write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Emit {
    /// The generated Typst source, `<output>.typ`.
    Typst,
}

/// The kinds of file that have a schema.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SchemaKind {
    /// A fact file under content/.
    Facts,
    /// A document declaration under content/documents/.
    Document,
    /// dokgen.yaml.
    Project,
}
