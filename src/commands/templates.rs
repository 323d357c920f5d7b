//! `dokgen templates`: a project's template files and where each comes
//! from, or copies of the built-in ones to change.

use std::path::{Path, PathBuf};

use dokgen::project::Provenance;
use dokgen::{Error, msg};

/// Arguments of `dokgen templates`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Copy built-in files into the project's templates folder, where they
    /// override the built-in ones: those named, or every one.
    #[arg(long)]
    eject: bool,
    /// With --eject: the files, as `dokgen templates` lists them
    /// (`dokgen.typ`, `partials/person.typ.tera`) [default: all].
    #[arg(requires = "eject")]
    files: Vec<String>,
    /// With --eject: replace files the project has already.
    #[arg(long, requires = "eject")]
    force: bool,
    /// The project folder (the one with dokgen.yaml).
    #[arg(short, long, default_value = ".")]
    project: PathBuf,
}

pub(crate) fn run(args: &Args) -> Result<(), Error> {
    let project = match dokgen::Project::open(&args.project) {
        Ok(project) => project,
        // Outside a project, the built-in files are still worth a list.
        Err(_) if !args.eject && !args.project.join(dokgen::project::CONFIG_FILE).exists() => {
            for file in dokgen::builtin::FILES {
                println!("{:<34} {}", file.name, msg!("templates-builtin"));
            }
            return Ok(());
        }
        Err(err) => return Err(err),
    };
    let dir = project.templates_dir();
    let shown = |path: &Path| project.relative(path).display().to_string();
    if args.eject {
        for path in project.eject(&args.files, args.force)? {
            println!("{}", msg!("wrote", file = shown(&path)));
        }
        println!("{}", msg!("templates-ejected"));
        return Ok(());
    }
    for file in project.template_files()? {
        let from = match &file.from {
            Provenance::Builtin(_) => msg!("templates-builtin"),
            Provenance::Project(path) => match dokgen::builtin::get(&file.name) {
                None => msg!("templates-own", file = shown(path)),
                Some(b) if std::fs::read(path).is_ok_and(|bytes| bytes == b.bytes) => {
                    msg!("templates-same", file = shown(path))
                }
                Some(_) => msg!("templates-instead", file = shown(path)),
            },
        };
        println!("{:<34} {from}", file.name);
    }
    println!("{}", msg!("templates-how-to-eject", dir = shown(&dir)));
    Ok(())
}
