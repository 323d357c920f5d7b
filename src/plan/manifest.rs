//! `output/manifest.json`: what each file was made from.
//!
//! For every file of every document (one per format): its name, format
//! and SHA-256, the PDF standards and timestamp it was made with, and
//! every input with its SHA-256 (the
//! project settings, the facts, its declaration and prose, the templates,
//! project fonts, and every file Typst or dokgen read for it: the style
//! library, images, logos, annexes), with the build of dokgen that made it.
//! A file built into dokgen is recorded as `dokgen:templates/…` with the
//! SHA-256 of the bytes this dokgen carries; the entry's `dokgen` says
//! which version that is.
//! The file is deterministic: entries and inputs are sorted, and nothing
//! in it depends on the clock or the machine.
//!
//! A later build uses it to leave alone a document whose inputs, settings
//! and dokgen build are unchanged ([`Manifest::is_current`]), if the
//! manifest carries this user's seal ([`super::seal`]): the one line that
//! depends on who built it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::seal::Key;
use crate::builtin;
use crate::export::Format;
use crate::export::pdf::Standard;
use crate::project::{FileKind, Project, read_inside, relative};

/// The manifest's file name in the output folder.
pub const FILE: &str = "manifest.json";

/// Which dokgen made the files: its version and a hash of its sources.
pub(crate) fn dokgen_build() -> String {
    format!(
        "{} (build {})",
        env!("CARGO_PKG_VERSION"),
        env!("DOKGEN_BUILD_ID")
    )
}

/// The manifest of an output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The documents, by output file name.
    pub documents: Vec<Entry>,
    /// The files copied into the web publication as they are (its
    /// annexes), by their name in the output folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Copied>,
    /// The seal of the rest, under the key of the user who built it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<String>,
}

/// A file copied into the output folder as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Copied {
    /// Its name in the output folder: `web/bilag/tidsplan.pdf`.
    pub output: String,
    /// The file it is a copy of, relative to the project.
    pub source: String,
    /// Its SHA-256 (and its source's).
    pub sha256: String,
}

/// One document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file's name in the output folder.
    pub output: String,
    /// Its format.
    pub format: Format,
    /// Its SHA-256.
    pub sha256: String,
    /// The number of pages of its layout.
    pub pages: usize,
    /// The declaration it was made from, relative to the project.
    pub declaration: String,
    /// The PDF standards its document meets (for a PDF, those it meets).
    pub standards: Vec<Standard>,
    /// `SOURCE_DATE_EPOCH` if it was set; otherwise the PDF is dated by
    /// its document.
    pub source_date_epoch: Option<i64>,
    /// The dokgen that made it.
    pub dokgen: String,
    /// What it was made from, sorted by path.
    pub inputs: Vec<Input>,
}

/// An input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Its path relative to the project folder, with `/`.
    pub path: String,
    /// Its SHA-256.
    pub sha256: String,
}

impl Manifest {
    /// Reads the manifest in `dir`; an empty one if there is none, it
    /// cannot be read, or its seal does not verify under `key` (then every
    /// document is made anew). The flag says whether a manifest was there
    /// but was refused for its seal.
    ///
    /// It is read through the door: a manifest that is a link out of its
    /// folder, a pipe or a device, or larger than a fact file may be, is
    /// none.
    pub(crate) fn read(dir: &Path, key: Option<&Key>) -> (Self, bool) {
        let Ok(base) = dir.canonicalize() else {
            return (Self::default(), false);
        };
        let limits = crate::project::Limits::default();
        let Some(read) = read_inside(&[base], &dir.join(FILE), &limits, FileKind::Facts)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Self>(&bytes).ok())
        else {
            return (Self::default(), false);
        };
        let sealed = read
            .seal
            .as_deref()
            .zip(key)
            .is_some_and(|(seal, key)| key.verifies(read.to_json().as_bytes(), seal));
        if sealed {
            (read, false)
        } else {
            (Self::default(), !read.documents.is_empty())
        }
    }

    /// The manifest as written, sealed with `key` if there is one.
    pub(crate) fn sealed_json(&self, key: Option<&Key>) -> String {
        let json = self.to_json();
        let Some(key) = key else {
            return json;
        };
        let sealed = Self {
            seal: Some(key.seal(json.as_bytes())),
            ..self.clone()
        };
        sealed.to_json_with_seal()
    }

    /// The entry for the PDF `output`.
    pub fn entry(&self, output: &str) -> Option<&Entry> {
        self.documents.iter().find(|e| e.output == output)
    }

    /// The manifest without its seal, as the seal is made of it: pretty
    /// JSON, entries sorted, a final newline.
    pub fn to_json(&self) -> String {
        Self {
            seal: None,
            ..self.clone()
        }
        .to_json_with_seal()
    }

    fn to_json_with_seal(&self) -> String {
        let mut sorted = self.clone();
        sorted.documents.sort_by(|a, b| a.output.cmp(&b.output));
        sorted.copies.sort_by(|a, b| a.output.cmp(&b.output));
        for entry in &mut sorted.documents {
            entry.inputs.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let mut json = serde_json::to_string_pretty(&sorted).expect("a manifest serialises");
        json.push('\n');
        json
    }

    /// Whether `previous` still describes the file it records: made by
    /// this dokgen with these settings, every input it recorded unchanged,
    /// no input added (`wanted`'s are the inputs known before making it),
    /// and, where it was written to `output_dir`, the file untouched since.
    pub(crate) fn is_current(
        previous: &Entry,
        wanted: &Entry,
        output_dir: Option<&Path>,
        hashes: &mut Hashes,
    ) -> bool {
        if previous.dokgen != wanted.dokgen
            || previous.standards != wanted.standards
            || previous.source_date_epoch != wanted.source_date_epoch
            || previous.declaration != wanted.declaration
        {
            return false;
        }
        if let Some(dir) = output_dir
            && Hashes::fresh(&dir.join(&previous.output)).as_deref()
                != Some(previous.sha256.as_str())
        {
            return false;
        }
        let recorded: BTreeMap<&str, &str> = previous
            .inputs
            .iter()
            .map(|i| (i.path.as_str(), i.sha256.as_str()))
            .collect();
        let none_added = wanted
            .inputs
            .iter()
            .all(|i| recorded.get(i.path.as_str()) == Some(&i.sha256.as_str()));
        none_added
            && previous
                .inputs
                .iter()
                .all(|i| hashes.of_project_path(&i.path).as_deref() == Some(i.sha256.as_str()))
    }
}

/// SHA-256 of files, each read once per build.
pub(crate) struct Hashes {
    root: PathBuf,
    /// The folders whose files it may read (a manifest is a file of the
    /// project's, and names paths anyone could have written).
    bases: Vec<PathBuf>,
    /// The limits of the files it reads: a file over its kind's limit
    /// has no hash, so its document is made again and the limit reported.
    limits: crate::project::Limits,
    /// SHA-256 by absolute path.
    known: BTreeMap<PathBuf, Option<String>>,
    /// Input records by the path they were asked for.
    inputs: BTreeMap<PathBuf, Option<Input>>,
}

impl Hashes {
    /// Hashes for `project`.
    pub(crate) fn new(project: &Project) -> Self {
        Self {
            root: project.root.clone(),
            bases: project.bases(),
            limits: project.config.limits.clone(),
            known: BTreeMap::new(),
            inputs: BTreeMap::new(),
        }
    }

    /// The input record of the file at `path` (absolute, or relative to
    /// the project, or a built-in file's `dokgen:templates/…`), or `None`
    /// if it cannot be read.
    pub(crate) fn input(&mut self, path: &Path) -> Option<Input> {
        if let Some(known) = self.inputs.get(path) {
            return known.clone();
        }
        let input = match path.to_str().and_then(builtin::by_shown) {
            Some(builtin) => Some(Input {
                path: builtin.shown(),
                sha256: sha256(builtin.bytes),
            }),
            None => {
                let absolute = self.root.join(path);
                self.of(&absolute).map(|sha256| Input {
                    path: relative(&self.root, &absolute),
                    sha256,
                })
            }
        };
        self.inputs.insert(path.to_path_buf(), input.clone());
        input
    }

    /// The SHA-256 of a path as the manifest writes it.
    fn of_project_path(&mut self, path: &str) -> Option<String> {
        if let Some(builtin) = builtin::by_shown(path) {
            return Some(sha256(builtin.bytes));
        }
        let absolute = self.root.join(path);
        self.of(&absolute)
    }

    fn of(&mut self, path: &Path) -> Option<String> {
        if let Some(known) = self.known.get(path) {
            return known.clone();
        }
        let hash = read_inside(&self.bases, path, &self.limits, FileKind::of(path))
            .ok()
            .map(|bytes| sha256(&bytes));
        self.known.insert(path.to_path_buf(), hash.clone());
        hash
    }

    /// Hashes a file that this build may have written, without the cache.
    pub(crate) fn fresh(path: &Path) -> Option<String> {
        // Only a regular file: a pipe in its place would never end.
        std::fs::symlink_metadata(path)
            .is_ok_and(|m| m.is_file())
            .then(|| std::fs::read(path).ok().map(|bytes| sha256(&bytes)))
            .flatten()
    }
}

/// The SHA-256 of `bytes`, in lower-case hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_json_is_sorted_and_ends_with_a_newline() {
        let entry = |output: &str| Entry {
            output: output.into(),
            format: Format::Pdf,
            sha256: "00".into(),
            pages: 1,
            declaration: format!("content/documents/{output}.yaml"),
            standards: vec![Standard::A2a, Standard::Ua1],
            source_date_epoch: None,
            dokgen: "test".into(),
            inputs: vec![
                Input {
                    path: "b".into(),
                    sha256: "2".into(),
                },
                Input {
                    path: "a".into(),
                    sha256: "1".into(),
                },
            ],
        };
        let m = Manifest {
            documents: vec![entry("z.pdf"), entry("a.pdf")],
            ..Manifest::default()
        };
        let json = m.to_json();
        assert!(json.ends_with("}\n"));
        assert!(json.find("a.pdf").unwrap() < json.find("z.pdf").unwrap());
        let back: Manifest = serde_json::from_str(&json).unwrap();
        assert_eq!(back.documents[0].inputs[0].path, "a");
        assert_eq!(m.to_json(), back.to_json());
    }
}
