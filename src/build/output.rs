//! The output folder: one build at a time, and files that are either the
//! old ones or complete new ones.
//!
//! A build holds an exclusive lock on `<output>/.dokgen.lock` while it
//! writes; a second build of the same folder stops with a clear message
//! instead of interleaving with the first. Every file is written to a
//! temporary file beside its final name, flushed to disk, then renamed into
//! place: a reader, a crash or a kill never sees half a PDF under its name.
//! Temporary files a killed build left behind are removed by the next one.

use std::fs::{File, TryLockError};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::msg;

/// The lock file's name.
pub(crate) const LOCK_FILE: &str = ".dokgen.lock";

/// Marks dokgen's temporary files: `.<name>.dokgen-<pid>.tmp`.
const TEMP_MARK: &str = ".dokgen-";

/// An output folder this build has to itself.
pub(crate) struct OutputDir {
    dir: PathBuf,
    /// Held for the life of the build; the lock goes with it.
    _lock: File,
}

impl OutputDir {
    /// Creates the folder if needed and takes its lock.
    pub(crate) fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|err| Error::io(dir, &err))?;
        let lock_path = dir.join(LOCK_FILE);
        // Not through a symbolic link, and not waiting on a pipe: the
        // folder may be a project's, and the project is not trusted.
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(&lock_path)
            .map_err(|err| Error::io(&lock_path, &err))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(
                    Diagnostic::error(msg!("door-output-locked", folder = dir.display()))
                        .in_file(&lock_path)
                        .hint(msg!("door-output-locked-hint"))
                        .into(),
                );
            }
            Err(TryLockError::Error(err)) => return Err(Error::io(&lock_path, &err)),
        }
        let out = Self {
            dir: dir.to_path_buf(),
            _lock: lock,
        };
        out.remove_stale_temporaries();
        Ok(out)
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` to `name` in the folder: to a temporary file first,
    /// flushed, then renamed into place.
    ///
    /// `name` may lie in folders of the output folder (`web/bilag/a.pdf`,
    /// the web publication's): each is made if it is not there, and must
    /// be a folder, not a link to somewhere else.
    pub(crate) fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.dir.join(name);
        let (folder, file) = match name.rsplit_once('/') {
            Some((folder, file)) => (self.folder(folder)?, file),
            None => (self.dir.clone(), name),
        };
        let tmp = folder.join(format!(".{file}{TEMP_MARK}{}.tmp", std::process::id()));
        // A new file: never one that is there already, or a link.
        let _ = std::fs::remove_file(&tmp);
        let result = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .and_then(|mut f| {
                f.write_all(bytes)?;
                f.sync_all()
            })
            .and_then(|()| std::fs::rename(&tmp, &path));
        match result {
            Ok(()) => Ok(path),
            Err(err) => {
                let _ = std::fs::remove_file(&tmp);
                Err(Error::io(&path, &err))
            }
        }
    }

    /// The folder `relative` of the output folder (`web/bilag`), made
    /// where it is not there. A part of it that is a link or a file is
    /// refused: the output folder is not trusted, and a link would send
    /// the files elsewhere.
    fn folder(&self, relative: &str) -> Result<PathBuf> {
        let mut folder = self.dir.clone();
        for part in relative.split('/') {
            if !plain(part) {
                return Err(
                    Diagnostic::error(msg!("door-output-not-folder", folder = &folder))
                        .in_file(&folder)
                        .into(),
                );
            }
            folder.push(part);
            match std::fs::symlink_metadata(&folder) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    return Err(Diagnostic::error(msg!(
                        "door-output-not-folder",
                        folder = &folder
                    ))
                    .in_file(&folder)
                    .hint(msg!("door-output-not-folder-hint"))
                    .into());
                }
                Err(_) => match std::fs::create_dir(&folder) {
                    Ok(()) => {}
                    // Made meanwhile by another document's thread: a
                    // folder now, not a link, or it is refused as above.
                    Err(err)
                        if err.kind() == std::io::ErrorKind::AlreadyExists
                            && std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()) => {}
                    Err(err) => return Err(Error::io(&folder, &err)),
                },
            }
        }
        Ok(folder)
    }

    /// Removes a file the output folder's record says the build made and
    /// that it makes no more: a page of a meeting no longer published.
    /// Only a plain file, and only in a folder of the output folder;
    /// whether it was removed.
    pub(crate) fn remove(&self, name: &str) -> bool {
        let mut path = self.dir.clone();
        for part in name.split('/') {
            // Each folder on the way a folder, not a link.
            if !plain(part) || !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                return false;
            }
            path.push(part);
        }
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
            && std::fs::remove_file(&path).is_ok()
    }

    /// Removes the temporary files of builds that were killed: nothing
    /// else can be writing them while this build holds the lock. They are
    /// looked for in the output folder and the folders in it.
    fn remove_stale_temporaries(&self) {
        let walk = walkdir::WalkDir::new(&self.dir)
            .max_depth(3)
            .follow_links(false);
        for entry in walk.into_iter().flatten() {
            let name = entry.file_name().to_string_lossy();
            if entry.file_type().is_file() && is_temporary(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Whether `part` of a name in the output folder names a file or folder
/// in its folder: not empty, not `.` or `..`.
fn plain(part: &str) -> bool {
    !part.is_empty() && part != "." && part != ".."
}

/// Whether `name` is one of dokgen's temporary files.
pub(crate) fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.contains(TEMP_MARK) && name.ends_with(".tmp")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_build_of_the_same_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputDir::open(dir.path()).unwrap();
        let second = OutputDir::open(dir.path()).err().expect("locked");
        assert!(
            second
                .render_in(crate::message::Lang::En, false)
                .contains("another dokgen build"),
            "{second}"
        );
        drop(first);
        assert!(OutputDir::open(dir.path()).is_ok());
    }

    #[test]
    fn files_are_written_whole_and_temporaries_of_killed_builds_removed() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".strategi.pdf.dokgen-4242.tmp");
        std::fs::write(&stale, b"half a PDF").unwrap();
        let other = dir.path().join(".notes.tmp");
        std::fs::write(&other, b"not ours").unwrap();
        let out = OutputDir::open(dir.path()).unwrap();
        assert!(!stale.exists(), "a killed build's file is removed");
        assert!(other.exists(), "a file that is not dokgen's stays");
        let path = out.write("a.pdf", b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(path).unwrap(), b"%PDF-1.7");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| is_temporary(n)), "{names:?}");
    }

    #[test]
    fn a_folder_of_the_output_folder_is_made_but_a_link_in_its_place_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::open(dir.path()).unwrap();
        let path = out.write("web/bilag/a.pdf", b"%PDF-1.7").unwrap();
        assert_eq!(path, dir.path().join("web/bilag/a.pdf"));
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7");
        // A link where the publication's folder goes: nothing is written
        // through it.
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("www")).unwrap();
        let refused = out.write("www/index.html", b"<!DOCTYPE html>").unwrap_err();
        assert!(
            refused
                .render_in(crate::message::Lang::En, false)
                .contains("is not a folder"),
            "{refused}"
        );
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
        // What the build no longer makes goes; a folder, a link or a name
        // that climbs does not.
        assert!(out.remove("web/bilag/a.pdf"));
        assert!(!path.exists());
        assert!(!out.remove("web/bilag"));
        assert!(!out.remove("www"));
        assert!(!out.remove("../x"));
    }
}
