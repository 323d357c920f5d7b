//! YAML facts: the typed model, loading and merging the files of `content/`,
//! and the prose and document declarations they point to.
//!
//! Takes a [`Project`](crate::project::Project); gives [`Content`]: the
//! merged [`Facts`](model::Facts), the documents to make, and the Markdown
//! text of every prose file referenced, checked against the domain's rules
//! ([`validate`]), with what can be derived from them ([`derive`]).

pub(crate) mod batch;
pub(crate) mod derive;
pub(crate) mod load;
pub mod model;
pub(crate) mod settlement;
pub(crate) mod sources;
pub(crate) mod validate;

pub use load::{Content, Document};

use crate::diagnostic::{Error, Result};
use crate::project::Project;

/// Loads `content/` and checks it: ids, references and the domain's rules.
/// Every problem found is reported together; the rules are checked only
/// once every file has been read without error, so that one broken file
/// does not show up as many broken references.
pub(crate) fn load(project: &Project) -> Result<Content> {
    let mut content = load::load(project)?;
    let checked = validate::validate(&content, &project.root);
    if !checked.problems.is_empty() {
        return Err(Error::from(checked.problems));
    }
    content.annex_pages = checked.annex_pages;
    Ok(content)
}
