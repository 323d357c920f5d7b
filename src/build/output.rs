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
    pub(crate) fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.dir.join(name);
        let tmp = self
            .dir
            .join(format!(".{name}{TEMP_MARK}{}.tmp", std::process::id()));
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

    /// Removes the temporary files of builds that were killed: nothing
    /// else can be writing them while this build holds the lock.
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if is_temporary(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
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
}
