//! The seal on `output/manifest.json`: what makes a build trust it.
//!
//! The manifest says which PDF was made from which inputs, and a build
//! leaves alone a PDF whose record still holds. A project folder is
//! untrusted, its `output/` included: anyone who can replace
//! `output/strategi.pdf` can write its SHA-256 into the manifest too. So
//! the manifest is sealed with an HMAC-SHA-256 under a key that only the
//! user's own account holds, outside every project
//! (`$XDG_CONFIG_HOME/dokgen/manifest-key`, else
//! `~/.config/dokgen/manifest-key`; made on first use, readable by the
//! user alone). A manifest whose seal does not verify under this user's
//! key (made by someone else, edited, or without a seal) is no record: every
//! document is made anew, and the new manifest is sealed.

use std::io::Write;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The key file's name in dokgen's configuration folder.
const FILE: &str = "manifest-key";

/// How a seal starts, naming its algorithm.
const SCHEME: &str = "hmac-sha256:";

/// A user's key for sealing manifests.
#[derive(Clone)]
pub(crate) struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// This user's key, made on first use; `None` where there is no home
    /// folder to keep it in or it cannot be written (then no manifest
    /// verifies, and every build makes every document).
    pub(crate) fn of_user() -> Option<Self> {
        let dir = config_dir()?;
        let path = dir.join(FILE);
        if let Some(key) = Self::read(&path) {
            return Some(key);
        }
        Self::make(&dir, &path).ok()?;
        Self::read(&path)
    }

    /// The seal of `text`.
    pub(crate) fn seal(&self, text: &[u8]) -> String {
        let mut mac = self.mac();
        mac.update(text);
        let tag = mac.finalize().into_bytes();
        format!("{SCHEME}{}", hex(&tag))
    }

    /// Whether `seal` is this key's seal of `text` (compared in constant
    /// time).
    pub(crate) fn verifies(&self, text: &[u8], seal: &str) -> bool {
        let Some(tag) = seal.strip_prefix(SCHEME).and_then(unhex) else {
            return false;
        };
        let mut mac = self.mac();
        mac.update(text);
        mac.verify_slice(&tag).is_ok()
    }

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length")
    }

    /// The key in `path`: 64 hexadecimal digits (a line end may follow).
    fn read(path: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(path).ok()?;
        let bytes = unhex(text.trim_end())?;
        Some(Self(bytes.try_into().ok()?))
    }

    /// Writes a new random key to `path`, whole or not at all: it is
    /// written to a file of its own and linked into place, so two builds
    /// that start at once agree on one key.
    fn make(dir: &Path, path: &Path) -> std::io::Result<()> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
        create_private_dir(dir)?;
        let draft = dir.join(format!(".{FILE}.{}", std::process::id()));
        let _ = std::fs::remove_file(&draft);
        {
            let mut file = private_file(&draft)?;
            file.write_all(format!("{}\n", hex(&bytes)).as_bytes())?;
            file.sync_all()?;
        }
        // Fails where another dokgen was first: its key is the one read.
        let linked = std::fs::hard_link(&draft, path);
        let _ = std::fs::remove_file(&draft);
        match linked {
            Err(err) if err.kind() != std::io::ErrorKind::AlreadyExists => Err(err),
            _ => Ok(()),
        }
    }
}

/// dokgen's folder in the user's configuration: `$XDG_CONFIG_HOME/dokgen`,
/// else `$HOME/.config/dokgen` (each only if absolute, as the XDG
/// specification asks).
fn config_dir() -> Option<PathBuf> {
    let absolute = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    absolute("XDG_CONFIG_HOME")
        .or_else(|| absolute("HOME").map(|home| home.join(".config")))
        .map(|config| config.join("dokgen"))
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seal_verifies_under_its_key_only() {
        let key = Key([7; 32]);
        let other = Key([8; 32]);
        let seal = key.seal(b"{\"documents\": []}");
        assert!(seal.starts_with("hmac-sha256:"), "{seal}");
        assert!(key.verifies(b"{\"documents\": []}", &seal));
        assert!(!key.verifies(b"{\"documents\": [ ]}", &seal));
        assert!(!other.verifies(b"{\"documents\": []}", &seal));
        assert!(!key.verifies(b"{\"documents\": []}", "hmac-sha256:00"));
        assert!(!key.verifies(b"{\"documents\": []}", ""));
    }

    #[test]
    fn a_key_is_made_once_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("dokgen");
        let path = folder.join(FILE);
        Key::make(&folder, &path).unwrap();
        let first = Key::read(&path).unwrap();
        // A second maker finds the key there and leaves it.
        Key::make(&folder, &path).unwrap();
        assert_eq!(Key::read(&path).unwrap().0, first.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    }
}
