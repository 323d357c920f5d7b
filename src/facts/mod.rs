//! YAML facts: the typed model, loading and merging the files of `content/`,
//! and the prose and document declarations they point to.
//!
//! Takes a [`Project`](crate::project::Project); gives [`Content`]: the
//! merged [`Facts`](model::Facts), the documents to make, and the Markdown
//! text of every prose file referenced.

pub mod load;
pub mod model;
pub mod yaml;

pub use load::{Content, Document, load};
