//! Which files of the project changed: the folder is watched as a whole,
//! so new and deleted files are seen as well as edits.
//!
//! An editor's save is often several events within a few milliseconds
//! (write to a temporary file, rename it over the old one; truncate, then
//! write). They are gathered until the folder has been quiet for
//! [`QUIET`], and never for longer than [`AT_MOST`], so that one save is
//! one refresh and a stream of changes still gets refreshes. A save is
//! known to be whole once its file is closed after writing or renamed into
//! place: then what has come is taken in after [`SETTLED`].
//!
//! A change that comes while the documents of the one before are being
//! made raises a flag at once ([`Watch::newer`]), so that the preview stops
//! making what the newer change will make again: the newest edit wins.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::diagnostic::{Diagnostic, Error, Result, io_reason};
use crate::message::Message;
use crate::msg;

/// How long the folder must be quiet before a change is taken in.
const QUIET: Duration = Duration::from_millis(12);

/// How long the folder must be quiet after a save that is whole (its file
/// closed after writing, or renamed into place): only what is already on
/// its way.
const SETTLED: Duration = Duration::from_millis(1);

/// The longest changes are gathered before they are taken in.
const AT_MOST: Duration = Duration::from_millis(300);

/// Watches folders for changes.
pub(crate) struct Watch {
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// Folders whose changes are not the project's: what dokgen writes.
    ignored: Vec<PathBuf>,
    /// Raised by the watcher's thread as soon as a change of the project
    /// comes, lowered when the changes are taken in.
    newer: Arc<AtomicBool>,
}

impl Watch {
    /// Watches `folders` and everything in them, except what lies in
    /// `ignored`.
    pub(crate) fn new(folders: &[PathBuf], ignored: Vec<PathBuf>) -> Result<Self> {
        let (tx, events) = channel();
        let newer = Arc::new(AtomicBool::new(false));
        let (raise, skip) = (Arc::clone(&newer), ignored.clone());
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(e) = &event
                    && !relevant(e, &skip).is_empty()
                {
                    raise.store(true, Ordering::Release);
                }
                let _ = tx.send(event);
            })
            .map_err(|err| cannot_watch(None, &err))?;
        for folder in folders {
            if folder.is_dir() {
                watcher
                    .watch(folder, RecursiveMode::Recursive)
                    .map_err(|err| cannot_watch(Some(folder), &err))?;
            }
        }
        Ok(Self {
            _watcher: watcher,
            events,
            ignored,
            newer,
        })
    }

    /// A flag raised as soon as the project changes again after the
    /// changes [`Watch::next`] gave last.
    pub(crate) fn newer(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.newer)
    }

    /// Waits at most `timeout` for a change; gives the files changed,
    /// added or removed, once the folder is quiet again, or none.
    pub(crate) fn next(&self, timeout: Duration) -> Result<Option<Vec<PathBuf>>> {
        let mut changed = BTreeSet::new();
        let first = match self.events.recv_timeout(timeout) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => return Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Diagnostic::error(msg!("serve-watch-stopped")).into());
            }
        };
        let mut whole = self.take(first, &mut changed)?;
        let started = Instant::now();
        while started.elapsed() < AT_MOST {
            let quiet = if whole { SETTLED } else { QUIET };
            match self.events.recv_timeout(quiet) {
                Ok(event) => whole = self.take(event, &mut changed)?,
                Err(_) => break,
            }
        }
        // What came until now is taken in; a change from now on is newer.
        self.newer.store(false, Ordering::Release);
        while let Ok(event) = self.events.try_recv() {
            self.take(event, &mut changed)?;
        }
        Ok((!changed.is_empty()).then(|| changed.into_iter().collect()))
    }

    /// Adds the files `event` changed to `changed`; whether it ends a save
    /// of one of them.
    fn take(
        &self,
        event: notify::Result<notify::Event>,
        changed: &mut BTreeSet<PathBuf>,
    ) -> Result<bool> {
        let event = event.map_err(|err| cannot_watch(None, &err))?;
        changed.extend(relevant(&event, &self.ignored).into_iter().cloned());
        Ok(ends_a_save(&event) && event.paths.iter().any(|p| changed.contains(p)))
    }
}

/// Whether `event` is the last of a save: its file closed after writing,
/// or renamed into place.
fn ends_a_save(event: &notify::Event) -> bool {
    use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

/// The files of the project that `event` changed: none for a read, a
/// change of metadata, dokgen's own files (under `ignored`) or an
/// editor's scratch files.
fn relevant<'e>(event: &'e notify::Event, ignored: &[PathBuf]) -> Vec<&'e PathBuf> {
    if matches!(
        event.kind,
        EventKind::Access(_)
            | EventKind::Other
            | EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    ) {
        return Vec::new();
    }
    event
        .paths
        .iter()
        .filter(|p| !ignored.iter().any(|i| p.starts_with(i)) && !scratch(p))
        .collect()
}

/// Whether `path` is an editor's scratch file (a swap file, a backup, a
/// lock), which no project reads.
fn scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
}

fn cannot_watch(folder: Option<&Path>, err: &notify::Error) -> Error {
    let mut d = Diagnostic::error(msg!("serve-cannot-watch", reason = watch_reason(err)));
    if let Some(folder) = folder {
        d = d.in_file(folder);
    }
    d.hint(msg!("serve-cannot-watch-hint")).into()
}

/// Why the folder cannot be watched, in words of the catalogue where the
/// reason is one it knows; else the watcher's own words, marked as its.
fn watch_reason(err: &notify::Error) -> Message {
    match &err.kind {
        notify::ErrorKind::Io(io) => io_reason(io),
        notify::ErrorKind::PathNotFound => msg!("io-not-found"),
        notify::ErrorKind::MaxFilesWatch => msg!("serve-watch-too-many"),
        notify::ErrorKind::Generic(text) => msg!("foreign-said", tool = "notify", text = text),
        _ => msg!("foreign-said", tool = "notify", text = err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_is_seen_once_with_its_file_and_dokgens_own_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("output")).unwrap();
        let watch = Watch::new(std::slice::from_ref(&root), vec![root.join("output")]).unwrap();
        std::fs::write(root.join("output/strategi.pdf"), "pdf").unwrap();
        std::fs::write(root.join(".#fakta.yaml"), "lock").unwrap();
        assert_eq!(watch.next(Duration::from_millis(300)).unwrap(), None);
        std::fs::write(root.join("fakta.yaml"), "a: 1").unwrap();
        std::fs::write(root.join("fakta.yaml"), "a: 2").unwrap();
        let changed = watch.next(Duration::from_secs(5)).unwrap().unwrap();
        assert_eq!(changed, vec![root.join("fakta.yaml")]);
        std::fs::remove_file(root.join("fakta.yaml")).unwrap();
        let changed = watch.next(Duration::from_secs(5)).unwrap().unwrap();
        assert_eq!(changed, vec![root.join("fakta.yaml")]);
    }

    /// A file closed after writing, or renamed into place, ends its save;
    /// a file written to is not yet saved, and a read ends nothing.
    #[test]
    fn a_save_ends_when_its_file_is_closed_or_renamed_into_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap().join("projekt");
        std::fs::create_dir(&root).unwrap();
        let watch = Watch::new(std::slice::from_ref(&root), Vec::new()).unwrap();
        let ends = |what: &dyn Fn()| {
            what();
            let mut changed = BTreeSet::new();
            let mut ended = false;
            while let Ok(event) = watch.events.recv_timeout(Duration::from_millis(300)) {
                ended |= watch.take(event, &mut changed).unwrap();
            }
            ended
        };
        let file = root.join("prosa.md");
        assert!(ends(&|| std::fs::write(&file, "a").unwrap()), "closed");
        // Written outside the folder watched, so that only the rename is
        // seen.
        let tmp = dir.path().join("prosa.md.tmp");
        assert!(
            ends(&|| {
                std::fs::write(&tmp, "b").unwrap();
                std::fs::rename(&tmp, &file).unwrap();
            }),
            "renamed"
        );
        let open = std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .unwrap();
        assert!(
            !ends(&|| {
                use std::io::Write;
                (&open).write_all(b"c").unwrap();
            }),
            "still open"
        );
        drop(open);
        let _ = watch.events.recv_timeout(Duration::from_millis(300));
        assert!(!ends(&|| drop(std::fs::read(&file).unwrap())), "read");
    }

    /// A change after the changes taken in raises the flag at once, before
    /// anyone asks for it; dokgen's own files and a read do not.
    #[test]
    fn a_newer_change_raises_the_flag_as_it_comes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("output")).unwrap();
        let watch = Watch::new(std::slice::from_ref(&root), vec![root.join("output")]).unwrap();
        std::fs::write(root.join("prosa.md"), "a").unwrap();
        watch.next(Duration::from_secs(5)).unwrap().unwrap();
        let newer = watch.newer();
        assert!(!newer.load(Ordering::Acquire));
        std::fs::write(root.join("output/strategi.pdf"), "pdf").unwrap();
        let _ = std::fs::read(root.join("prosa.md")).unwrap();
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            !newer.load(Ordering::Acquire),
            "dokgen's own file or a read"
        );
        std::fs::write(root.join("prosa.md"), "b").unwrap();
        let started = std::time::Instant::now();
        while !newer.load(Ordering::Acquire) && started.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(newer.load(Ordering::Acquire));
        assert_eq!(
            watch.next(Duration::from_secs(5)).unwrap().unwrap(),
            vec![root.join("prosa.md")]
        );
        assert!(!newer.load(Ordering::Acquire));
    }
}
