//! dokgen's integration tests, as one test binary: each module below is
//! one subject, run against the real `dokgen` binary or the library.
//!
//! One binary rather than one per file: each of them linked the library,
//! Typst and the test crates again (23 binaries, 2.1 GB, 16 s to link
//! after a change to the library), where one links once. A test is named
//! by its module: `cargo test --test it records::` runs one subject,
//! `cargo test --test it bad_projects::syntax_error` one case.

mod common;

mod bad_projects;
mod build;
mod builtin;
mod commonmark;
mod cooperations;
mod documents;
mod door;
mod explain;
mod holes;
mod identity;
mod isolation;
mod kinds;
mod language;
mod layers;
mod letters;
mod new;
mod overprint;
mod paper_trail;
mod papers;
mod properties;
mod publication;
mod readmes;
mod records;
mod schema;
mod serve;
mod serve_browser;
mod session;
mod snapshots;
mod template_errors;
mod typography;
mod web;
