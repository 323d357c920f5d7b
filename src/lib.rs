//! dokgen turns facts (YAML) and prose (Markdown) into finished Danish
//! public-sector documents (PDF), through Tera templates and Typst.
//!
//! The data flows one way, one module per stage, and a module uses only
//! those of the layers above it:
//!
//! 1. Leaves, which use no other module of dokgen's but these:
//!    [`diagnostic`] (every problem a person can act on), [`id`], [`yaml`]
//!    (parsing with positions), [`export`] (a layout → the files of its formats: PDF), [`danish`]
//!    (Danish forms of dates and numbers), [`escape`] (the one place that
//!    makes text safe for Typst), [`annex`] (PDF pages as drawings),
//!    [`builtin`] (the templates carried in the binary).
//! 2. [`project`]: a project folder and its `dokgen.yaml`.
//! 3. [`facts`]: `content/` read, merged and checked.
//! 4. [`context`]: the facts as a template sees them on a document's date;
//!    [`markdown`]: prose → Typst; [`typeset`]: Typst source → PDF,
//!    in-process.
//! 5. [`template`]: the Tera templates, which know the context's fields to
//!    say why one is empty.
//! 6. [`render`]: a document → its Typst source, with a map back to the
//!    lines a person wrote.
//! 7. [`session`]: a project opened to make documents, one at a time, for
//!    as long as its caller wants; told which files changed, it reads them
//!    again.
//! 8. [`build`]: which documents to make and where they go (plan → make →
//!    record; on disk, with a lock and a manifest, or in memory), and
//!    `check`; [`schema`]: the JSON Schemas of the project's files;
//!    [`explain`]: what a document's template and prose can use.
//! 9. [`scaffold`]: a new project from a few answers.
//! 10. [`serve`]: the documents in a browser while a person edits them: a
//!     session kept open with each document's pages drawn as SVG and
//!     remade when what it is made from changes ([`serve::preview`]), a
//!     local web server, a watcher of the project folder, and the page
//!     that shows it all.
//!
//! `tests/it/layers.rs` checks that no module uses one of a lower layer.

#![warn(unreachable_pub)]

pub(crate) mod annex;
pub mod build;
pub mod builtin;
pub(crate) mod context;
pub mod danish;
pub mod diagnostic;
pub mod escape;
pub mod explain;
pub mod export;
pub mod facts;
pub mod id;
pub mod kinds;
pub mod markdown;
pub mod plan;
pub(crate) mod pool;
pub(crate) mod probe;
pub mod project;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod session;
pub(crate) mod template;
pub mod typeset;
pub(crate) mod yaml;

pub use diagnostic::{Diagnostic, Error, Result};
pub use project::Project;
pub use session::Session;
