//! Gives dokgen a build identity: a hash of its own sources, embedded
//! assets, built-in templates and locked dependency versions. The manifest
//! records it, so a document made by another build of dokgen is made
//! again, while two machines building the same commit agree.
//!
//! Also lists the files of `templates/` for `include_bytes!`, so that the
//! binary carries them (`src/builtin.rs`).

use std::fs;
use std::path::Path;

fn main() {
    let mut hash = Fnv::new();
    for root in ["src", "assets", "templates", "Cargo.lock", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={root}");
        visit(Path::new(root), &mut hash);
    }
    println!("cargo:rustc-env=DOKGEN_BUILD_ID={:016x}", hash.0);
    embed_templates();
}

/// Writes `$OUT_DIR/builtin_templates.rs`: a slice of every file below
/// `templates/`, each as its name there (with `/`) and its bytes.
fn embed_templates() {
    // The package's folder as cargo runs the script, not as it was
    // compiled: one compiled script may serve two checkouts.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let root = Path::new(&manifest).join("templates");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for path in files {
        let name = path
            .strip_prefix(&root)
            .expect("collected below the root")
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    Builtin {{ name: {name:?}, bytes: include_bytes!({:?}) }},\n",
            path.to_string_lossy()
        ));
    }
    code.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin_templates.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// The files below `dir`.
fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Hashes the files below `path` in sorted order, each with its path.
fn visit(path: &Path, hash: &mut Fnv) {
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path)
            .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            visit(&entry, hash);
        }
    } else if let Ok(bytes) = fs::read(path) {
        hash.write(path.to_string_lossy().replace('\\', "/").as_bytes());
        hash.write(&[0]);
        hash.write(&bytes);
    }
}

/// FNV-1a, 64 bits: enough to tell builds apart; not a security measure.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
