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

use crate::diagnostic::{Error, Location, Result};
use crate::project::Project;

/// Loads `content/` and checks it: ids, references and the domain's rules.
/// Every problem found is reported together, in one run: the references
/// of the files that could be read are checked even where another file
/// could not be (its ids are read leniently, so that they count as known),
/// while the rules about the whole project wait until every file can be
/// read, so that one broken file does not show up as many broken rules.
pub fn load(project: &Project) -> Result<Content> {
    let (mut content, mut problems, unread) = load::load(project);
    let checked = validate::validate(&content, project, &unread);
    problems.extend(checked.problems);
    if !problems.is_empty() {
        return Err(Error::from(problems));
    }
    content.annex_pages = checked.annex_pages;
    Ok(content)
}

/// A text a person wrote in the facts or a declaration that names other
/// facts with `{{ … }}`: it is rendered, as prose is, before it is used.
#[derive(Debug, Clone)]
pub(crate) struct FactText {
    /// Where it stands: its path in the merged facts
    /// (`meetings[1].items[0].title`), or `documents[3].title` for a
    /// document's title or subject.
    pub path: String,
    /// The text as written.
    pub text: String,
    /// Where its value begins in its YAML file.
    pub at: Option<Location>,
}

/// The texts of `content` that name facts (those with a Tera tag in them).
pub(crate) fn texts(content: &Content) -> Vec<FactText> {
    let is_template = |t: &str| t.contains("{{") || t.contains("{%") || t.contains("{#");
    let mut facts = content.facts.clone();
    let mut out: Vec<FactText> = facts
        .texts_mut()
        .into_iter()
        .filter(|(_, text)| is_template(text))
        .map(|(path, text)| FactText {
            at: content.sources.value(&path),
            path,
            text: text.clone(),
        })
        .collect();
    for (i, document) in content.documents.iter().enumerate() {
        let spec = &document.spec;
        let fields = [
            ("title", Some(&spec.title)),
            ("subject", spec.subject.as_ref()),
        ];
        for (field, text) in fields {
            if let Some(text) = text.filter(|t| is_template(t)) {
                out.push(FactText {
                    path: document_text(i, field),
                    text: text.clone(),
                    at: content.sources.value_in(&document.file, field),
                });
            }
        }
    }
    out
}

/// The path by which [`texts`] names the `field` (`title`, `subject`) of
/// the document at `index`.
pub(crate) fn document_text(index: usize, field: &str) -> String {
    format!("documents[{index}].{field}")
}
