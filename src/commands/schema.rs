//! `dokgen schema`: the JSON Schemas of a project's files, for editors,
//! and the field reference for people.

use std::path::PathBuf;

use dokgen::schema::Kind;
use dokgen::{Error, Session, msg};

/// Arguments of `dokgen schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which file's schema.
    #[arg(value_enum, default_value_t = SchemaKind::Facts)]
    kind: SchemaKind,
    /// Print the tables of fields of every kind of file, in Markdown, for
    /// people to read (docs/reference.md is this output).
    #[arg(long)]
    markdown: bool,
    /// Write the schemas of this project into its schema/ folder, with the
    /// ids it defines, so that an editor marks an id that is not one (run
    /// it again after adding a municipality, an area, a meeting or an
    /// application).
    #[arg(long, value_name = "DIR", conflicts_with = "markdown")]
    project: Option<PathBuf>,
}

/// The kinds of file that have a schema.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SchemaKind {
    /// A fact file under content/.
    Facts,
    /// A document declaration under content/documents/.
    Document,
    /// dokgen.yaml.
    Project,
}

impl From<SchemaKind> for Kind {
    fn from(kind: SchemaKind) -> Self {
        match kind {
            SchemaKind::Facts => Kind::Facts,
            SchemaKind::Document => Kind::Document,
            SchemaKind::Project => Kind::Project,
        }
    }
}

pub(crate) fn run(args: &Args) -> Result<(), Error> {
    if let Some(dir) = &args.project {
        let session = Session::open(dir)?;
        for path in dokgen::schema::write_for_project(&session)? {
            println!("{}", msg!("wrote", file = path.display()));
        }
    } else if args.markdown {
        print!("{}", dokgen::schema::markdown());
    } else {
        print!("{}", dokgen::schema::json(args.kind.into()));
    }
    Ok(())
}
