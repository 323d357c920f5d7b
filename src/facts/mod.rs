//! YAML facts: the typed model, reading and merging the fact files of
//! `content/`, the domain's rules as checks, and what can be derived from
//! the facts.
//!
//! Takes a [`Project`](crate::project::Project)'s fact files; gives the
//! merged [`Facts`](model::Facts) with where each came from, the Markdown
//! they name, and the problems their checks find ([`validate`]). The
//! declarations of documents beside them are the kinds' (`kinds`), which
//! read the whole of `content/` through this module.

pub(crate) mod derive;
pub(crate) mod load;
pub mod ministry;
pub mod model;
pub(crate) mod protocol;
pub(crate) mod settlement;
pub(crate) mod sources;
pub(crate) mod validate;
