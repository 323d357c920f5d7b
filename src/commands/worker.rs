//! `dokgen worker PROJECT`: makes documents of a project as another dokgen
//! asks, in a process whose memory the system limits (see
//! `dokgen::isolate`). Hidden: nobody types it.

use std::path::PathBuf;

use dokgen::Error;

/// Arguments of `dokgen worker`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The project folder.
    project: PathBuf,
}

pub(crate) fn run(args: &Args) -> Result<(), Error> {
    dokgen::isolate::work(&args.project)
}
