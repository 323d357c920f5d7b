//! dokgen turns facts (YAML) and prose (Markdown) into finished Danish
//! public-sector documents, through Tera templates and Typst.
//!
//! The data flows one way: project files → facts → documents of their
//! kinds → template context → Typst source → a layout → a file per format.
//! One module per stage, and a module uses only those of the layers above
//! it (`docs/architecture.md` says where each concern lives):
//!
//! 0. [`message`]: every sentence dokgen says, from one catalogue, in
//!    Danish and English.
//! 1. Leaves, which use no other module of dokgen's but these:
//!    [`diagnostic`] (every problem a person can act on), [`unseen`]
//!    (characters that turn the direction of text or do not show, refused
//!    wherever a person writes), [`id`] (ids and
//!    typed references), [`yaml`] (parsing with positions), [`export`] (a
//!    layout → the files of its formats: PDF, with its standards and
//!    accessibility checks), [`danish`] (Danish forms of dates and
//!    numbers), [`escape`] (the one place that makes text safe for
//!    Typst), [`annex`] (PDF pages as drawings), [`builtin`] (the
//!    templates carried in the binary), [`pool`] (the one worker pool),
//!    [`probe`] (looking into values through serde).
//! 2. [`project`]: a project folder and its `dokgen.yaml`.
//! 3. [`facts`]: the fact files of `content/`, read, merged and checked.
//! 4. [`context`]: the facts as a template sees them on a document's date
//!    (each view the model plus what is derived); [`markdown`]: prose →
//!    Typst; [`typeset`]: Typst source → a laid-out document, in-process.
//! 5. [`template`]: the Tera templates, which know the context's fields to
//!    say why one is empty.
//! 6. [`kinds`]: the documents a project declares, each of a kind
//!    (a document, an application letter, meeting papers), one module a
//!    kind; with the facts, all of `content/`.
//! 7. [`render`]: a document → its Typst source, with a map back to the
//!    lines a person wrote.
//! 8. [`session`]: a project opened to make documents, one at a time, for
//!    as long as its caller wants; told which files changed, it reads them
//!    again.
//! 9. [`plan`]: which documents need making, from the records of what
//!    each was made from (the build's manifest, the preview's memory);
//!    [`isolate`]: documents made in worker processes whose memory, stack
//!    and time the system bounds.
//! 10. [`build`]: documents made and kept (on disk, with a lock and a
//!     manifest, or in memory), and `check`; [`schema`]: the JSON Schemas
//!     of the project's files; [`explain`]: what a document's template and
//!     prose can use.
//! 11. [`scaffold`]: a new project from a few answers, or a document
//!     added to one.
//! 12. [`serve`]: the documents in a browser while a person edits them: a
//!     session kept open with each document's pages drawn as SVG and
//!     remade when what it is made from changes ([`serve::preview`]), a
//!     local web server, a watcher of the project folder, and the page
//!     that shows it all.
//!
//! `tests/it/layers.rs` checks that no module uses one of a lower layer.
//! The binary (`main.rs`, one file a subcommand under `commands/`) uses
//! the library from outside.

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
pub mod isolate;
pub mod kinds;
pub mod markdown;
pub mod message;
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
pub mod unseen;
pub mod yaml;

pub use diagnostic::{Diagnostic, Error, Result};
pub use project::Project;
pub use session::Session;
