//! What the web publication has besides its pages: the annexes, copied
//! into it as the project holds them, and nothing it no longer has.
//!
//! The pages (the papers', each item's, the index pages) are documents,
//! planned and made as every document is. An annex is copied as it is:
//! re-drawn it would lose its text, and the file the secretariat holds is
//! the one the law asks to be accessible (`dokgen check` says which are
//! not marked PDF/UA). A copy is written only where the file in
//! the publication is not already the same bytes; a file the previous
//! build put in the publication's folder and this one does not make goes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Event, Sink};
use crate::diagnostic::{Diagnostic, Error};
use crate::kinds::Content;
use crate::msg;
use crate::plan::manifest::{self, Copied, Hashes, Manifest};
use crate::project::{FileKind, Project};

/// Copies each annex of `site` into the publication through `sink` where
/// it is not there already, and records the copies in `manifest`; then
/// removes what the previous record has in the publication's folder and
/// `manifest` has not. Problems go to `errors`.
pub(super) fn finish(
    project: &Project,
    content: &Content,
    sink: &dyn Sink,
    manifest: &mut Manifest,
    errors: &mut Vec<Error>,
    on_event: &mut impl FnMut(Event<'_>),
) {
    let previous = sink.previous();
    if let Some(site) = &content.site {
        for (source, name) in &site.annexes {
            let output = format!("{}/{name}", site.folder);
            match copy(project, source, &output, previous, sink, on_event) {
                Ok(copied) => manifest.copies.push(copied),
                Err(err) => errors.push(err),
            }
        }
    }
    // What the publication had and has no more: a meeting no longer
    // published, an annex made private, a publication moved elsewhere.
    let Some((dir, before)) = previous else {
        return;
    };
    let now: HashSet<&str> = manifest
        .documents
        .iter()
        .map(|e| e.output.as_str())
        .chain(manifest.copies.iter().map(|c| c.output.as_str()))
        .collect();
    // Only in a folder of the output folder: the PDFs beside the
    // publication are the user's to keep.
    let gone: Vec<&str> = before
        .documents
        .iter()
        .map(|e| e.output.as_str())
        .chain(before.copies.iter().map(|c| c.output.as_str()))
        .filter(|name| name.contains('/') && !now.contains(name))
        .collect();
    for name in gone {
        let path = dir.join(name);
        if sink.remove(name) {
            on_event(Event::Removed(&path));
        }
    }
}

/// Copies the project's file `source` to `output` in the sink, unless the
/// previous build's copy is there, the same bytes.
fn copy(
    project: &Project,
    source: &str,
    output: &str,
    previous: Option<(&Path, &Manifest)>,
    sink: &dyn Sink,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<Copied, Error> {
    let bytes = project
        .read(Path::new(source), FileKind::Annex)
        .map_err(|refused| {
            Error::from(
                Diagnostic::error(msg!(
                    "build-copy-refused",
                    file = source,
                    reason = refused.reason
                ))
                .in_file(source),
            )
        })?;
    let sha256 = manifest::sha256(&bytes);
    let there = previous.is_some_and(|(dir, _)| {
        Hashes::fresh(&dir.join(output)).as_deref() == Some(sha256.as_str())
    });
    // A copy that is there already is not told of: it is not a
    // document, and the build counts documents.
    if !there {
        let path: PathBuf = sink.put(output, &bytes)?;
        on_event(Event::Copied(&path, bytes.len()));
    }
    Ok(Copied {
        output: output.to_owned(),
        source: source.to_owned(),
        sha256,
    })
}
