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
    /// Start a project for a cooperation: asks, in Danish, what shapes the
    /// case (or takes it from the options or an answers file) and writes a
    /// project whose first build is a draft application.
    New(NewArgs),
    /// Print what a document's template and prose can use on its date,
    /// marking what they use, or what each {{ … }} on one line gives.
    Explain(ExplainArgs),
    /// List a project's template files and where each comes from (built
    /// into dokgen, or the project's own), or copy built-in ones into the
    /// project to change them.
    Templates(TemplatesArgs),
}

/// Arguments of `dokgen new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The folder to make; it must not exist or be empty. Inside a project,
    /// `application`, `meeting` or `document` adds one to it instead.
    pub dir: PathBuf,
    /// With application|meeting|document: the project folder.
    #[arg(short, long, default_value = ".")]
    pub project: PathBuf,
    /// With application|meeting|document: its id [default: the next free
    /// one, such as ansoegning-2].
    #[arg(long)]
    pub id: Option<String>,
    /// With document: its template [default: strategi.typ.tera].
    #[arg(long)]
    pub template: Option<String>,
    /// Take the answers from this YAML file (members, areas, leaving,
    /// date, start, ministry, name) and ask nothing.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["members", "areas"])]
    pub answers: Option<PathBuf>,
    /// A member municipality by its short name (`Ærø`); give one for each.
    #[arg(long = "member", value_name = "NAME")]
    pub members: Vec<String>,
    /// A task area and the member that carries it out, for all members
    /// (`natur og miljø=Svendborg`) or on some members' behalf
    /// (`natur og miljø=Svendborg for Ærø`); give one for each.
    #[arg(long = "area", value_name = "AREA=MEMBER[ for MEMBER,…]")]
    pub areas: Vec<String>,
    /// Who keeps the political competence for an area carried out on
    /// others' behalf (`natur og miljø=Ærø`); give one for each such area.
    #[arg(long, value_name = "AREA=MEMBER")]
    pub competence: Vec<String>,
    /// An area the first application takes out of the cooperation
    /// [default: every area, and the cooperation ends]; with
    /// `application`, an area the new one takes out [default: those no
    /// application names yet].
    #[arg(long, value_name = "AREA")]
    pub leaving: Vec<String>,
    /// The application's date [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
    /// From when the areas leave [default: 1 January after the date].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<chrono::NaiveDate>,
    /// The ministry the application is addressed to [default:
    /// Indenrigs- og Sundhedsministeriet].
    #[arg(long)]
    pub ministry: Option<String>,
    /// The project's name [default: Forpligtende samarbejde A–B].
    #[arg(long)]
    pub name: Option<String>,
}

/// Arguments of `dokgen explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The document: its output name (`ansoegning-1`) or its declaration
    /// (`content/documents/ansoegning-1.yaml`).
    pub document: String,
    /// Only this value and what is inside it (`application.later_areas`).
    pub value: Option<String>,
    /// A line of a template or prose file: what each {{ … }} on it gives
    /// (`content/prosa/ansoegning/baggrund.md:3`).
    #[arg(long, value_name = "FILE:LINE")]
    pub at: Option<String>,
    /// The project folder (the one with dokgen.yaml).
    #[arg(short, long, default_value = ".")]
    pub project: PathBuf,
}

/// Arguments of `dokgen templates`.
#[derive(Debug, clap::Args)]
pub struct TemplatesArgs {
    /// Copy built-in files into the project's templates folder, where they
    /// override the built-in ones: those named, or every one.
    #[arg(long)]
    pub eject: bool,
    /// With --eject: the files, as `dokgen templates` lists them
    /// (`dokgen.typ`, `partials/person.typ.tera`) [default: all].
    #[arg(requires = "eject")]
    pub files: Vec<String>,
    /// With --eject: replace files the project has already.
    #[arg(long, requires = "eject")]
    pub force: bool,
    /// The project folder (the one with dokgen.yaml).
    #[arg(short, long, default_value = ".")]
    pub project: std::path::PathBuf,
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
    /// Print the tables of fields of every kind of file, in Markdown, for
    /// people to read (docs/reference.md is this output).
    #[arg(long)]
    pub markdown: bool,
    /// Write the schemas of this project into its schema/ folder, with the
    /// ids it defines, so that an editor marks an id that is not one (run
    /// it again after adding a municipality, an area, a meeting or an
    /// application).
    #[arg(long, value_name = "DIR", conflicts_with = "markdown")]
    pub project: Option<PathBuf>,
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
