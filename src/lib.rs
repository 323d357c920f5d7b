//! dokgen turns facts (YAML) and prose (Markdown) into finished Danish
//! public-sector documents (PDF), through Tera templates and Typst.
//!
//! The data flows one way, one module per stage:
//!
//! project files ([`project`]) → facts ([`facts`]) → template context
//! ([`context`]) → Typst source ([`render`], through [`template`], with
//! [`markdown`] for prose and [`escape`] for safety) → PDF ([`typeset`]),
//! orchestrated by [`build`]. Problems at any stage are [`diagnostic::Diagnostic`]s.

pub mod annex;
pub mod build;
pub mod context;
pub mod danish;
pub mod diagnostic;
pub mod escape;
pub mod facts;
pub mod markdown;
pub mod project;
pub mod render;
pub mod schema;
pub mod template;
pub mod typeset;

pub use diagnostic::{Diagnostic, Error, Result};
pub use project::Project;
