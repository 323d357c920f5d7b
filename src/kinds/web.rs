//! The web publication (`publication:` in dokgen.yaml): which documents a
//! project publishes, the pages it adds, and where each page links.
//!
//! A project that publishes puts its public meeting papers (agendas,
//! supplementary agendas, minutes; never an internal version or an
//! extract) on the web as well as on paper: each is made as a web page
//! too, from the same source, and its PDF is copied beside it. Each item
//! it prints whole gets a page of its own, made from the same template
//! with the same context, which prints that one item: a link to an item
//! is what a citizen shares and what a search engine finds, and a page of
//! one item is read on a telephone without scrolling past twenty others.
//! A closed item has no page: the meeting page shows its number, neutral
//! title and public decision, and that is all there is to publish.
//!
//! What the pages link to is settled here, once, as relative addresses in
//! one flat folder (the annexes in `bilag/`), so the folder can be copied
//! to any web server or opened from disk. The index pages (the front page
//! and one per body) are made after the documents, by the build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{Content, Declaration, Document, DocumentKind, PaperKind, Part, Registration};
use crate::context::Resolver;
use crate::diagnostic::{Diagnostic, Result};
use crate::export::Format;
use crate::facts::model::{Facts, Meeting};
use crate::msg;
use crate::project::Project;

/// What a document publishes on the web: a meeting's papers.
#[derive(Debug, Clone)]
pub(crate) struct Published {
    /// The meeting, by id.
    pub meeting: String,
    /// Which papers.
    pub which: PaperKind,
    /// The numbers of the items these papers print whole (not closed, not
    /// a standard item), each of which gets a page.
    pub items: Vec<usize>,
}

/// Where a page of the publication stands, and where it links: the `web`
/// part of its template context.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WebPlace {
    /// The publication's heading: the project's name unless
    /// `publication.title` says otherwise.
    pub site: String,
    /// The accent colour of headings and links, `#rrggbb`.
    pub accent: String,
    /// The logo shown before the publication's name, as a path in the
    /// project (`/assets/logo.svg`), if it has one.
    pub logo: Option<String>,
    /// The front page: `index.html`.
    pub front: String,
    /// This page.
    pub page: String,
    /// The body whose meeting this is: "Byrådet i Ishøj Kommune"; none on
    /// the front page.
    pub body: Option<String>,
    /// The index of the body's meetings: `byraadet-i-ishoej-kommune.html`.
    pub body_page: Option<String>,
    /// The papers' page, with every item: `byraad-2018-08-28-referat.html`;
    /// none on an index page.
    pub papers_page: Option<String>,
    /// The papers as one PDF, with their public annexes:
    /// `byraad-2018-08-28-referat.pdf`.
    pub pdf: Option<String>,
    /// On an item's page, the item's number: the template prints that item
    /// only.
    pub item: Option<usize>,
    /// The page of each item that has one, by its number (as text).
    pub items: BTreeMap<String, String>,
    /// Each annex file the papers may publish, by its path as the facts
    /// name it: its address in the publication, its size and its type.
    pub annexes: BTreeMap<String, WebFile>,
}

/// A file the publication links to.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq, Eq)]
pub struct WebFile {
    /// Its address, relative to the pages: `bilag/tidsplan.pdf`.
    pub href: String,
    /// Its size in kilobytes (1024 bytes, as `dokgen build` counts them),
    /// rounded up: what the link says.
    pub kb: u64,
    /// Its type, as the link says it: `PDF`.
    pub kind: String,
}

/// The publication as a whole: what its index pages list, and the
/// annexes the build copies into it.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// The folder of the output folder it is written to.
    #[serde(skip)]
    pub folder: String,
    /// The front page's heading.
    pub title: String,
    /// The bodies that have published papers, by name.
    pub bodies: Vec<BodyIndex>,
    /// Each annex file to copy: its path in the project, and its name in
    /// the publication.
    #[serde(skip)]
    pub annexes: Vec<(String, String)>,
}

/// A body's index page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BodyIndex {
    /// Its name: "Byrådet i Ishøj Kommune".
    pub name: String,
    /// Its page: `byraadet-i-ishoej-kommune.html`.
    pub page: String,
    /// Its meetings with published papers, the latest first.
    pub meetings: Vec<MeetingIndex>,
}

/// A meeting on its body's index page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MeetingIndex {
    /// Its id.
    pub id: String,
    /// Its date, ISO.
    pub date: NaiveDate,
    /// Its time, as the facts write it (`17:00`), if they give it.
    pub time: Option<String>,
    /// What it is about.
    pub subject: String,
    /// Its published papers, in the order agenda, supplementary agenda,
    /// minutes.
    pub papers: Vec<PaperLink>,
}

/// Published papers, as an index links to them.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PaperLink {
    /// Which papers: `agenda`, `supplementary_agenda` or `minutes`.
    pub papers: PaperKind,
    /// The page.
    pub page: String,
    /// The PDF.
    pub pdf: String,
}

/// An index page of the publication as its template sees it (`site`):
/// the publication, and on a body's page the body.
#[derive(Debug, Serialize, JsonSchema)]
struct SiteView<'a> {
    /// The front page's heading.
    title: &'a str,
    /// Every body with published papers, by name.
    bodies: &'a [BodyIndex],
    /// On a body's index page, the body, with its meetings.
    body: Option<&'a BodyIndex>,
}

/// An index page of the publication: the front page, or a body's.
#[derive(Debug)]
struct IndexPage {
    site: Arc<Site>,
    /// The body, by its place in `site.bodies`; none for the front page.
    body: Option<usize>,
}

/// The kind of the index pages. Not one a declaration can name: the
/// publication makes its own.
static INDEX: Registration = Registration {
    name: "publication",
    what: || msg!("typeset-kind-publication"),
    collection: None,
    fields: || &[],
    read: |_, file| {
        Err(
            crate::diagnostic::Diagnostic::error(msg!("typeset-kind-publication"))
                .in_file(file)
                .into(),
        )
    },
    schema: |generator| generator.subschema_for::<()>(),
    view: Some(Part {
        name: "site",
        description: "For an index page of the web publication: the publication's heading, its bodies, and on a body's page the body with its meetings.",
        schema: |generator| generator.subschema_for::<SiteView<'static>>(),
    }),
    new: None,
};

impl DocumentKind for IndexPage {
    fn kind(&self) -> &'static Registration {
        &INDEX
    }

    fn element(&self, _id: &str, _facts: &Facts) -> (Arc<dyn DocumentKind>, Option<NaiveDate>) {
        (
            Arc::new(IndexPage {
                site: self.site.clone(),
                body: self.body,
            }),
            None,
        )
    }

    fn view(&self, _r: &Resolver<'_>) -> Result<Option<tera::Value>> {
        let view = SiteView {
            title: &self.site.title,
            bodies: &self.site.bodies,
            body: self.body.and_then(|i| self.site.bodies.get(i)),
        };
        super::to_value(&view).map(Some)
    }
}

/// The template of the index pages.
const INDEX_TEMPLATE: &str = "publikation.typ.tera";

/// Adds the publication to `content`, if `project` publishes one: the
/// web pages of the public meeting papers, a document for each item's
/// page, and the site their index pages are made from.
pub(crate) fn place(project: &Project, content: &mut Content) {
    let Some(settings) = &project.config.publication else {
        return;
    };
    let title = settings
        .title
        .clone()
        .unwrap_or_else(|| project.config.name.clone());
    let published: Vec<(usize, Published)> = content
        .documents
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((i, d.kind.publishes(&content.facts, d.date)?)))
        .collect();
    let annexes = annex_files(project, &content.facts, &published);
    // What every page of the publication has; each adds where it stands.
    let base = WebPlace {
        site: title.clone(),
        accent: settings.accent().to_owned(),
        logo: settings
            .logo
            .as_ref()
            .map(|l| format!("/{}", l.trim_start_matches("./"))),
        front: FRONT.to_owned(),
        page: String::new(),
        body: None,
        body_page: None,
        papers_page: None,
        pdf: None,
        item: None,
        items: BTreeMap::new(),
        annexes: BTreeMap::new(),
    };
    let mut pages = Vec::new();
    let mut bodies: BTreeMap<String, BodyIndex> = BTreeMap::new();
    for (i, published) in &published {
        let Some((_, meeting)) = content.facts.meeting(&published.meeting) else {
            continue;
        };
        let document = &mut content.documents[*i];
        let output = document.spec.output.clone();
        let papers_page = Format::Html.file_name(&output);
        let items: BTreeMap<String, String> = published
            .items
            .iter()
            .map(|n| {
                (
                    n.to_string(),
                    Format::Html.file_name(&item_output(&output, *n)),
                )
            })
            .collect();
        let body_page = Format::Html.file_name(&body_slug(&meeting.body));
        let pdf = Format::Pdf.file_name(&output);
        let place = WebPlace {
            page: papers_page.clone(),
            body: Some(meeting.body.clone()),
            body_page: Some(body_page.clone()),
            papers_page: Some(papers_page.clone()),
            pdf: Some(pdf.clone()),
            items,
            annexes: meeting_annexes(meeting, &annexes),
            ..base.clone()
        };
        if !document.formats.contains(&Format::Html) {
            document.formats.push(Format::Html);
        }
        if !document.formats.contains(&Format::Pdf) {
            document.formats.insert(0, Format::Pdf);
        }
        document.web = Some(Web {
            folder: settings.folder().to_owned(),
            place: Arc::new(place.clone()),
        });
        for &number in &published.items {
            let mut page = document.clone();
            page.spec.output = item_output(&output, number);
            page.formats = vec![Format::Html];
            page.web = Some(Web {
                folder: settings.folder().to_owned(),
                place: Arc::new(WebPlace {
                    page: Format::Html.file_name(&page.spec.output),
                    item: Some(number),
                    ..place.clone()
                }),
            });
            pages.push(page);
        }
        let body = bodies
            .entry(meeting.body.clone())
            .or_insert_with(|| BodyIndex {
                name: meeting.body.clone(),
                page: body_page,
                meetings: Vec::new(),
            });
        let link = PaperLink {
            papers: published.which,
            page: papers_page,
            pdf,
        };
        match body
            .meetings
            .iter_mut()
            .find(|m| m.id == meeting.id.as_str())
        {
            Some(m) => m.papers.push(link),
            None => body.meetings.push(MeetingIndex {
                id: meeting.id.to_string(),
                date: meeting.date,
                time: meeting.time.clone(),
                subject: meeting.subject.clone(),
                papers: vec![link],
            }),
        }
    }
    for body in bodies.values_mut() {
        body.meetings
            .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        for meeting in &mut body.meetings {
            meeting.papers.sort_by_key(|p| order(p.papers));
        }
    }
    let site = Arc::new(Site {
        folder: settings.folder().to_owned(),
        title: title.clone(),
        bodies: bodies.into_values().collect(),
        annexes: annexes
            .into_iter()
            .map(|(path, file)| (path, file.href))
            .collect(),
    });
    // The index pages: dated by the latest papers they list, and declared
    // by dokgen.yaml, whose `publication:` asks for them.
    if let Some(date) = published
        .iter()
        .map(|(i, _)| content.documents[*i].date)
        .max()
    {
        let index = |body: Option<usize>| {
            let (output, page_title) = match body {
                None => ("index".to_owned(), title.clone()),
                Some(i) => {
                    let b = &site.bodies[i];
                    (
                        b.page.trim_end_matches(".html").to_owned(),
                        format!(
                            "{} – dagsordener og referater",
                            crate::danish::capitalize_first(&b.name)
                        ),
                    )
                }
            };
            let spec = Declaration {
                template: INDEX_TEMPLATE.to_owned(),
                output: output.clone(),
                title: page_title,
                date: Some(date),
                authors: project.config.defaults.authors.clone(),
                keywords: project.config.defaults.keywords.clone(),
                status: None,
                draft: false,
                subject: None,
                pdf_standards: None,
                formats: Some(vec![Format::Html]),
                for_each: None,
                item: None,
                prose: BTreeMap::new(),
                kind: None,
            };
            Document {
                file: PathBuf::from(crate::project::CONFIG_FILE),
                spec,
                kind: Arc::new(IndexPage {
                    site: site.clone(),
                    body,
                }),
                date,
                standards: Vec::new(),
                formats: vec![Format::Html],
                web: Some(Web {
                    folder: settings.folder().to_owned(),
                    place: Arc::new(WebPlace {
                        page: Format::Html.file_name(&output),
                        body: body.map(|i| site.bodies[i].name.clone()),
                        body_page: body.map(|i| site.bodies[i].page.clone()),
                        ..base.clone()
                    }),
                }),
            }
        };
        pages.push(index(None));
        pages.extend((0..site.bodies.len()).map(|i| index(Some(i))));
    }
    content.documents.extend(pages);
    content.site = Some(site);
}

/// The front page's name.
const FRONT: &str = "index.html";

/// A published document's place in the publication.
#[derive(Debug, Clone)]
pub struct Web {
    /// The publication's folder in the output folder.
    pub folder: String,
    /// Where its page stands and links.
    pub place: Arc<WebPlace>,
}

/// The output name of item `number`'s page of the papers `output`.
fn item_output(output: &str, number: usize) -> String {
    format!("{output}-punkt-{number}")
}

/// The order of papers on an index: agenda, supplementary agenda,
/// minutes.
fn order(which: PaperKind) -> u8 {
    match which {
        PaperKind::Agenda => 0,
        PaperKind::SupplementaryAgenda => 1,
        PaperKind::Minutes => 2,
        PaperKind::Extract => 3,
    }
}

/// Every annex file the published papers may show (an annex of an item
/// they print whole, that may be published), with its name in the
/// publication: `bilag/<its file name>`, numbered on where two files have
/// the same name.
fn annex_files(
    project: &Project,
    facts: &Facts,
    published: &[(usize, Published)],
) -> BTreeMap<String, WebFile> {
    let mut paths: Vec<&str> = Vec::new();
    for (_, p) in published {
        let Some((_, meeting)) = facts.meeting(&p.meeting) else {
            continue;
        };
        for item in meeting.items.iter().filter(|i| i.closed.is_none()) {
            for annex in item.annexes.iter().filter(|a| a.public) {
                if let Some(file) = annex.file.as_deref() {
                    paths.push(file);
                }
            }
        }
    }
    paths.sort_unstable();
    paths.dedup();
    let mut taken: Vec<String> = Vec::new();
    let mut out = BTreeMap::new();
    for path in paths {
        let name = Path::new(path);
        let stem = name
            .file_stem()
            .map_or(String::new(), |s| slug(&s.to_string_lossy()));
        let extension = name
            .extension()
            .map_or(String::new(), |e| e.to_string_lossy().to_ascii_lowercase());
        let mut href = format!("bilag/{stem}.{extension}");
        let mut n = 2;
        while taken.contains(&href) {
            href = format!("bilag/{stem}-{n}.{extension}");
            n += 1;
        }
        taken.push(href.clone());
        // The size of the file the build copies; a file that cannot be
        // read is refused by the checks of the facts already.
        let bytes = std::fs::metadata(project.root.join(path)).map_or(0, |m| m.len());
        out.insert(
            path.to_owned(),
            WebFile {
                href,
                kb: bytes.div_ceil(1024),
                kind: extension.to_ascii_uppercase(),
            },
        );
    }
    out
}

/// What a secretariat should know of its web publication before it puts
/// it on the web: each PDF annex it publishes that is not marked PDF/UA,
/// at the fact that names it. The annexes are read here, for `dokgen
/// check`, not when a project is opened.
pub(crate) fn advice(project: &Project, content: &Content) -> Vec<Diagnostic> {
    let Some(site) = &content.site else {
        return Vec::new();
    };
    site.annexes
        .iter()
        .map(|(file, _)| file)
        .filter(|file| file.to_ascii_lowercase().ends_with(".pdf"))
        .filter(|file| {
            project
                .read(Path::new(file.as_str()), crate::project::FileKind::Annex)
                .is_ok_and(|bytes| !claims_ua(&bytes))
        })
        .map(|file| {
            let (path, place) = content.annex_named.get(file).cloned().unwrap_or_default();
            Diagnostic::warning(msg!("typeset-web-annex-not-ua", file = file.as_str(), path))
                .located(place)
                .hint(msg!("typeset-web-annex-not-ua-hint"))
        })
        .collect()
}

/// Whether a PDF says in its metadata that it is PDF/UA (`pdfuaid:part`,
/// in its XMP packet, which PDF/UA requires to be uncompressed).
fn claims_ua(pdf: &[u8]) -> bool {
    pdf.windows(b"pdfuaid:part".len())
        .any(|w| w == b"pdfuaid:part")
}

/// The annex files of `meeting` among `all`.
fn meeting_annexes(
    meeting: &Meeting,
    all: &BTreeMap<String, WebFile>,
) -> BTreeMap<String, WebFile> {
    meeting
        .items
        .iter()
        .flat_map(|i| &i.annexes)
        .filter_map(|a| a.file.as_deref())
        .filter_map(|f| Some((f.to_owned(), all.get(f)?.clone())))
        .collect()
}

/// The name of the index page of the body `name`: never the front
/// page's.
fn body_slug(name: &str) -> String {
    match slug(name) {
        s if s == "index" => "index-moeder".to_owned(),
        s => s,
    }
}

/// A name for a web address, from Danish text: lower case, æ, ø and å
/// written out (ae, oe, aa), anything but a letter or digit a hyphen.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if spelled == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(spelled);
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "side".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_s_name_makes_a_plain_address() {
        assert_eq!(slug("Byrådet i Ishøj Kommune"), "byraadet-i-ishoej-kommune");
        assert_eq!(
            slug("Styregruppen for Dragør–Tårnby"),
            "styregruppen-for-dragoer-taarnby"
        );
        assert_eq!(slug("«»"), "side");
        assert_eq!(slug("Ærø  / Svendborg."), "aeroe-svendborg");
    }
}
