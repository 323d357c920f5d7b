//! Reading `content/`: every YAML file in sorted order (facts merged by
//! `facts`, declarations read here with their kinds), batches expanded,
//! each document's date, standards and formats settled, the Markdown
//! files facts and documents name, and every check: the facts' rules,
//! then what each kind asks of its documents. All problems are reported
//! together, in one run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::batch::{self, Declared};
use super::{Declaration, DocumentKind, declaration};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::export::Format;
use crate::export::pdf::Standard;
use crate::facts::load::{self as facts_load, FactReader};
use crate::facts::model::{Facts, ProsePath};
use crate::facts::sources::Sources;
use crate::facts::{ministry, validate};
use crate::msg;
use crate::project::{FileKind, Project};
use crate::template::FactText;

/// Everything `content/` holds.
#[derive(Debug, Clone)]
pub struct Content {
    /// The merged facts.
    pub facts: Facts,
    /// The documents to make, in the order of their files' names.
    pub documents: Vec<Document>,
    /// Markdown text of every referenced prose file, by its path under
    /// `content/`.
    pub prose: BTreeMap<ProsePath, String>,
    /// Where every fact and declaration stands in its file.
    pub(crate) sources: Sources,
    /// The page count of every PDF annex, by its path as the facts name it
    /// (filled in by the checks, which open each annex).
    pub(crate) annex_pages: BTreeMap<String, usize>,
    /// Where each PDF annex is first named: the fact's path and place, to
    /// which a problem of the annex itself is reported.
    pub(crate) annex_named: BTreeMap<String, (String, Option<crate::diagnostic::Location>)>,
    /// The web publication, if the project publishes one: what its index
    /// pages list and the annexes it copies.
    pub site: Option<Arc<super::web::Site>>,
}

/// A declared document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The declaration file, relative to the project.
    pub file: PathBuf,
    /// What it declares, with the project's defaults filled in.
    pub spec: Declaration,
    /// Its kind, with the fields its declaration gives it.
    pub(crate) kind: Arc<dyn DocumentKind>,
    /// Its date: declared, or its batch element's.
    pub date: NaiveDate,
    /// The PDF standards it meets: declared, or the project's.
    pub standards: Vec<Standard>,
    /// The formats it is made in: declared, or the project's.
    pub formats: Vec<Format>,
    /// Its place in the project's web publication, if it is published
    /// ([`super::web`]).
    pub web: Option<super::web::Web>,
}

impl Document {
    /// Whether `name` names the document: its output name, or its
    /// declaration's file name without `.yaml`.
    pub fn names(&self, name: &str) -> bool {
        self.spec.output == name || self.file.file_stem().is_some_and(|s| s == name)
    }

    /// The files it is written to, by format, in the order of its
    /// formats: `<output>.<extension>` in the output folder. A published
    /// document's web page is in the publication's folder, and its PDF is
    /// copied there too.
    pub fn outputs(&self) -> Vec<(Format, String)> {
        let mut out = Vec::new();
        for &format in &self.formats {
            let name = format.file_name(&self.spec.output);
            match (&self.web, format) {
                (Some(web), Format::Html) => out.push((format, format!("{}/{name}", web.folder))),
                (Some(web), Format::Pdf) => {
                    out.push((format, name.clone()));
                    out.push((format, format!("{}/{name}", web.folder)));
                }
                (None, _) => out.push((format, name)),
            }
        }
        out
    }

    /// The name of its kind, as `kind:` writes it: `document`,
    /// `application` or `papers`.
    pub fn kind(&self) -> &'static str {
        self.kind.kind().name
    }
}

impl Content {
    /// The declarations of the documents that annexes of the facts name
    /// (`document:`): their title and date stand in the documents that
    /// list those annexes.
    pub fn annexed_declarations(&self) -> Vec<&Path> {
        let mut files: Vec<&Path> = self
            .facts
            .annexes()
            .into_iter()
            .filter_map(|(_, _, a)| a.document.as_deref())
            .filter_map(|name| self.documents.iter().find(|d| d.names(name)))
            .map(|d| d.file.as_path())
            .collect();
        files.sort_unstable();
        files.dedup();
        files
    }

    /// The prose files `document` is rendered with: the strategic lines',
    /// those its kind places (a meeting's items', the items a letter
    /// appends as extracts of minutes), and the files its declaration
    /// names, sorted. Its own prose may use its context (`application`);
    /// prose of the facts may not.
    pub fn prose_for<'c>(&'c self, document: &'c Document) -> impl Iterator<Item = &'c String> {
        let from_facts = self
            .facts
            .strategy
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| &l.prose));
        let mut paths: Vec<&String> = from_facts
            .chain(document.kind.prose(&self.facts))
            .chain(document.spec.prose.values())
            .collect();
        paths.sort_unstable();
        paths.dedup();
        paths.into_iter()
    }
}

/// The years a document may be dated in: its date becomes Typst's
/// `today()` and the PDF's timestamp, which hold years of four digits.
const DOCUMENT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Loads `content/` and checks it: ids, references, the domain's rules
/// and what each kind of document needs. Every problem found is reported
/// together, in one run: the references of the files that could be read
/// are checked even where another file could not be (its ids are read
/// leniently, so that they count as known), while the rules about the
/// whole project wait until every file can be read, so that one broken
/// file does not show up as many broken rules.
pub fn load(project: &Project) -> Result<Content> {
    let mut problems = Vec::new();
    let mut facts = FactReader::new();
    let mut declared = Vec::new();
    for path in facts_load::yaml_files(&project.content_dir(), &mut problems) {
        // The records of published protocols are read by their checks.
        if facts_load::is_protocol_record(project, &path) {
            continue;
        }
        let rel = project.relative(&path).to_path_buf();
        let text = match project.read_text(&path, FileKind::Facts) {
            Ok(text) => text,
            Err(err) => {
                problems.extend(err.into_diagnostics());
                facts.unreadable();
                continue;
            }
        };
        facts.sources.add_file(&rel, text.clone());
        if facts_load::is_document_declaration(project, &path) {
            if let Some((spec, kind)) = declaration::read(&text, &rel, &mut problems) {
                declared.push(Declared {
                    file: rel,
                    spec,
                    kind,
                });
            }
        } else {
            facts.read(&text, &rel, &mut problems);
        }
    }
    let (mut facts, sources, unread) = facts.finish();
    let mut documents = Vec::new();
    for mut declared in batch::expand(declared, &facts, &sources, &mut problems) {
        apply_defaults(project, &mut declared, &sources, &mut problems);
        if let Some(document) = settle(project, declared, &sources, &mut problems) {
            documents.push(document);
        }
    }
    annexed_documents(&mut facts, &documents, &sources, &mut problems);
    let mut refs = facts_load::prose_refs(&facts, &sources);
    for document in &documents {
        for (name, path) in &document.spec.prose {
            let at = sources.value_in(&document.file, &format!("prose.{name}"));
            refs.entry(path).or_insert(at);
        }
    }
    let prose = facts_load::read_prose(project, refs, &mut problems);
    let mut content = Content {
        facts,
        documents,
        prose,
        sources,
        annex_pages: BTreeMap::new(),
        annex_named: BTreeMap::new(),
        site: None,
    };
    if let Some(mut v) = validate::validate(project, &content.facts, &content.sources, &unread) {
        for document in &content.documents {
            check(&mut v, document);
        }
        // Kind by kind, so that the problems of one kind's documents
        // stand together, whatever the order of the declarations.
        for kind in super::KINDS {
            for document in content
                .documents
                .iter()
                .filter(|d| std::ptr::eq(d.kind.kind(), *kind))
            {
                document.kind.check(&mut v, document);
            }
        }
        let checked = v.finish();
        problems.extend(checked.problems);
        content.annex_pages = checked.annex_pages;
        content.annex_named = checked.annex_named;
    }
    if !problems.is_empty() {
        return Err(Error::from(problems));
    }
    super::web::place(project, &mut content);
    Ok(content)
}

/// Titles each annex that names a document of the project (`document:`)
/// with the document's title and date, unless it has its own title; one
/// that names no document is refused at its line.
fn annexed_documents(
    facts: &mut Facts,
    documents: &[Document],
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) {
    for (path, annex) in facts.annexes_mut() {
        let Some(name) = &annex.document else {
            continue;
        };
        match documents.iter().find(|d| d.names(name)) {
            Some(document) => {
                if annex.title.is_none() {
                    annex.title = Some(format!(
                        "{} af {}",
                        document.spec.title,
                        crate::danish::date_long(document.date)
                    ));
                }
            }
            None => {
                let known: Vec<&str> = documents.iter().map(|d| d.spec.output.as_str()).collect();
                let at = format!("{path}.document");
                let mut d = Diagnostic::error(msg!(
                    "facts-at",
                    path = at.as_str(),
                    message = msg!("facts-annex-unknown-document", name = name.as_str())
                ))
                .located(sources.value(&at));
                d = match crate::diagnostic::nearest(name, &known) {
                    Some(near) => d.hint(msg!("facts-did-you-mean", near)),
                    None => d.hint(msg!(
                        "facts-annex-unknown-document-hint",
                        known = crate::diagnostic::code_list(&known)
                    )),
                };
                problems.push(d);
            }
        }
    }
}

/// What a secretariat should look at before sending, though nothing is
/// wrong enough to refuse: the facts' advice, then each document's
/// kind's.
pub(crate) fn advice(project: &Project, content: &Content) -> Vec<Diagnostic> {
    let mut out = validate::advice(&content.facts, &content.sources, &content.prose);
    for document in &content.documents {
        out.extend(document.kind.advise(content, document));
    }
    out.extend(super::web::advice(project, content));
    out.extend(minister_titles(content));
    out.extend(look_alike_annexes(content));
    out
}

/// Annexes titled like a document of the project dated before them,
/// which do not name it: the title a secretariat retyped drifts from the
/// document's ("Strategi for …" for "Udkast til strategi for …").
fn look_alike_annexes(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, date, annex) in content.facts.annexes() {
        let Some(title) = annex.title.as_deref().filter(|_| annex.document.is_none()) else {
            continue;
        };
        let Some(document) = content
            .documents
            .iter()
            .filter(|d| d.date <= date)
            .find(|d| looks_like(title, &d.spec.title))
        else {
            continue;
        };
        let at = format!("{path}.title");
        let output = document.spec.output.as_str();
        out.push(
            Diagnostic::warning(msg!(
                "facts-at",
                path = at.as_str(),
                message = msg!(
                    "facts-annex-looks-like-document",
                    title,
                    document = output,
                    document_title = document.spec.title.as_str(),
                    date = document.date.to_string()
                )
            ))
            .located(content.sources.value(&at))
            .hint(msg!(
                "facts-annex-looks-like-document-hint",
                document = output
            )),
        );
    }
    out
}

/// Whether an annex titled `annex` looks like the document titled
/// `document` without being it: the same words, one title inside the
/// other, once case, `{{ … }}`, spacing and a leading "Udkast til" are
/// set aside.
fn looks_like(annex: &str, document: &str) -> bool {
    fn words(title: &str) -> String {
        let mut plain = String::new();
        let mut rest = title;
        while let Some(start) = rest.find("{{") {
            plain.push_str(&rest[..start]);
            rest = rest[start..]
                .find("}}")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        plain.push_str(rest);
        let lower = plain.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let words = match words.as_slice() {
            ["udkast", "til", rest @ ..] => rest,
            all => all,
        };
        words.join(" ")
    }
    if annex == document {
        return false;
    }
    let (a, d) = (words(annex), words(document));
    if a.split(' ').count() < 3 || d.split(' ').count() < 3 {
        return false;
    }
    a == d || d.contains(&a) || a.contains(&d)
}

/// A minister named by a title that is not the one of the law's minister
/// on any date of the documents that print the prose: the title is data
/// (`{{ ministry.minister }}`), never text.
fn minister_titles(content: &Content) -> Vec<Diagnostic> {
    let mut dates: BTreeMap<&String, Vec<NaiveDate>> = BTreeMap::new();
    for document in &content.documents {
        for path in content.prose_for(document) {
            dates.entry(path).or_default().push(document.date);
        }
    }
    let mut out = Vec::new();
    for (path, mut dates) in dates {
        let Some(text) = content.prose.get(path) else {
            continue;
        };
        dates.sort_unstable();
        let ministries: Vec<_> = dates
            .iter()
            .filter_map(|d| ministry::on(*d).map(|m| (*d, m)))
            .collect();
        let Some(&(date, first)) = ministries.first() else {
            continue;
        };
        for (range, said) in ministry::wrong_titles(text, first) {
            let right_somewhere = ministries
                .iter()
                .any(|(_, m)| ministry::wrong_titles(&text[range.clone()], m).is_empty());
            if right_somewhere {
                continue;
            }
            out.push(
                Diagnostic::warning(msg!(
                    "facts-minister-wrong",
                    said,
                    date = date.to_string(),
                    right = first.minister
                ))
                .in_file(std::path::Path::new("content").join(path))
                .at_offset(text, range.start)
                .hint(msg!("facts-minister-wrong-hint", source = first.source)),
            );
        }
    }
    out
}

/// The checks every document has, whatever its kind: its authors are
/// municipalities of the facts, and it has a title.
fn check(v: &mut validate::Validator<'_>, document: &Document) {
    let spec = &document.spec;
    v.references_in(&document.file, spec);
    if spec.title.trim().is_empty() {
        let at = v.sources().value_in(&document.file, "title");
        v.push(
            Diagnostic::error(msg!("typeset-document-no-title"))
                .in_file(&document.file)
                .located(at)
                .hint(msg!("typeset-document-no-title-hint")),
        );
    }
}

/// `declared` as a document to make: its date, standards and formats
/// settled; none, with the problem, where its date is missing or out of
/// range.
fn settle(
    project: &Project,
    declared: Declared,
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let Some(date) = declared.spec.date else {
        problems.push(
            Diagnostic::error(msg!("typeset-document-no-date"))
                .in_file(&declared.file)
                .located(sources.value_in(&declared.file, ""))
                .hint(msg!("typeset-document-no-date-hint")),
        );
        return None;
    };
    if !DOCUMENT_YEARS.contains(&date.year()) {
        problems.push(
            Diagnostic::error(msg!(
                "typeset-document-date-out-of-range",
                date = date.to_string()
            ))
            .in_file(&declared.file)
            .located(sources.value_in(&declared.file, "date"))
            .hint(msg!(
                "typeset-document-date-out-of-range-hint",
                first = DOCUMENT_YEARS.start().to_string(),
                last = DOCUMENT_YEARS.end().to_string()
            )),
        );
        return None;
    }
    let standards = match &declared.spec.pdf_standards {
        Some(list) => list.clone(),
        None => project.pdf_standards().to_vec(),
    };
    let formats = match &declared.spec.formats {
        Some(list) => list.clone(),
        None => project.formats().to_vec(),
    };
    Some(Document {
        file: declared.file,
        spec: declared.spec,
        kind: declared.kind,
        date,
        standards,
        formats,
        web: None,
    })
}

/// Fills in dokgen.yaml's defaults, and checks the settings a document
/// gives: its PDF standards, its formats, that it has authors.
fn apply_defaults(
    project: &Project,
    document: &mut Declared,
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) {
    let defaults = &project.config.defaults;
    let spec = &mut document.spec;
    if spec.authors.is_empty() {
        spec.authors = defaults.authors.clone();
    }
    if let Some(list) = &spec.pdf_standards
        && let Err(e) = crate::export::pdf::standards::configure(list)
    {
        problems.push(
            e.diagnostic("pdf_standards")
                .in_file(&document.file)
                .located(sources.value_in(&document.file, "pdf_standards")),
        );
    }
    if let Some(list) = &spec.formats
        && let Err(why) = crate::export::check_list(list)
    {
        problems.push(
            Diagnostic::error(msg!("typeset-kind-at", path = "formats", message = why))
                .in_file(&document.file)
                .located(sources.value_in(&document.file, "formats"))
                .hint(crate::export::formats_hint()),
        );
    }
    for keyword in &defaults.keywords {
        if !spec.keywords.contains(keyword) {
            spec.keywords.push(keyword.clone());
        }
    }
    if spec.authors.is_empty() {
        problems.push(
            Diagnostic::error(msg!("typeset-document-no-authors"))
                .in_file(&document.file)
                .located(sources.value_in(&document.file, ""))
                .hint(msg!("typeset-document-no-authors-hint")),
        );
    }
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
