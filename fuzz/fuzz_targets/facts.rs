//! Any bytes as one more fact file of the default project: `dokgen` loads
//! and checks the project and gives either its content or errors that each
//! name a file, and never panics.
//!
//! The project is copied once per process into a temporary folder; each
//! input is written as its `content/fuzz.yaml`.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dokgen::Project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let root = project();
    std::fs::write(root.join("content/fuzz.yaml"), data).expect("the temporary folder is writable");
    let project = Project::open(root).expect("the copied dokgen.yaml opens");
    if let Err(err) = dokgen::kinds::load(&project) {
        for diagnostic in err.diagnostics() {
            assert!(diagnostic.file.is_some(), "an error without a file: {diagnostic:?}");
        }
    }
});

/// The copy of the default project (dokgen.yaml and content/; the
/// templates are dokgen's own).
fn project() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let root = std::env::temp_dir().join(format!("dokgen-fuzz-facts-{}", std::process::id()));
        copy(&repo.join("content"), &root.join("content"));
        std::fs::copy(repo.join("dokgen.yaml"), root.join("dokgen.yaml")).expect("dokgen.yaml copies");
        root
    })
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the temporary folder is writable");
    for entry in std::fs::read_dir(from).expect("content/ is readable") {
        let entry = entry.expect("content/ is readable");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a content file copies");
        }
    }
}
