//! `dokgen new application|meeting|document` inside a project: the facts,
//! the declaration and the prose of one more, with placeholders, in new
//! files (a project's own files are never rewritten).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::files::{Application, application_entry, modeline, scalar};
use super::write;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::schema;
use crate::session::Session;

/// What to add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addition {
    /// An application, its letter and its prose.
    Application,
    /// A meeting with one item, its agenda and the item's prose.
    Meeting,
    /// A document of a template, with a prose file for each key the
    /// template places.
    Document,
}

impl Addition {
    /// The addition a word names: `application`, `meeting`, `document`.
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "application" | "ansoegning" => Some(Self::Application),
            "meeting" | "moede" => Some(Self::Meeting),
            "document" | "dokument" => Some(Self::Document),
            _ => None,
        }
    }
}

/// What the options say of the addition.
#[derive(Debug, Clone, Default)]
pub struct Wishes {
    /// Its id (and output name) [default: the next free one].
    pub id: Option<String>,
    /// For an application: the areas it asks to leave, by name or id
    /// [default: those no application names yet].
    pub areas: Vec<String>,
    /// Its date [default: today].
    pub date: Option<NaiveDate>,
    /// For an application: from when the areas leave [default: 1 January
    /// after its date].
    pub start: Option<NaiveDate>,
    /// For a document: its template [default: strategi.typ.tera].
    pub template: Option<String>,
}

/// Adds `what` to the project at `dir`; returns the files written,
/// relative to the project. Nothing is written if what is added cannot be
/// made at once (as a draft), or if a document that was made before no
/// longer would be (a letter that now needs a phase plan).
pub fn add(dir: &Path, what: Addition, wishes: &Wishes, today: NaiveDate) -> Result<Vec<PathBuf>> {
    let session = Session::open(dir)?;
    let date = wishes.date.unwrap_or(today);
    // The documents that were made before, which the addition must not
    // break.
    let fine: Vec<PathBuf> = session
        .documents()
        .iter()
        .filter(|d| session.render(d).is_ok())
        .map(|d| d.file.clone())
        .collect();
    let files = match what {
        Addition::Application => application(&session, wishes, date)?,
        Addition::Meeting => meeting(&session, wishes, date)?,
        Addition::Document => document(&session, wishes, date)?,
    };
    let root = &session.project().root;
    let taken: Vec<String> = files
        .iter()
        .filter(|(path, _)| root.join(path).exists())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !taken.is_empty() {
        return Err(Diagnostic::error(format!(
            "{} exist already: nothing is written",
            taken.join(", ")
        ))
        .hint("give another id with --id")
        .into());
    }
    // The folders this makes, to remove again if nothing is added.
    let mut made: Vec<PathBuf> = files
        .iter()
        .flat_map(|(path, _)| {
            root.join(path)
                .ancestors()
                .skip(1)
                .map(Path::to_path_buf)
                .collect::<Vec<_>>()
        })
        .filter(|dir| dir.starts_with(root) && !dir.exists())
        .collect();
    made.sort();
    made.dedup();
    made.sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
    let written: Vec<PathBuf> = files.iter().map(|(path, _)| path.clone()).collect();
    // What is added is a draft that is made at once, or nothing is added
    // (also where a file cannot be written).
    let added = files
        .iter()
        .try_for_each(|(path, text)| write(root, path, text))
        .and_then(|()| builds(dir, &written, &fine));
    match added {
        Ok(()) => {
            refresh_schemas(dir)?;
            Ok(written)
        }
        Err(err) => {
            for path in &written {
                let _ = std::fs::remove_file(root.join(path));
            }
            for dir in &made {
                let _ = std::fs::remove_dir(dir);
            }
            Err(err)
        }
    }
}

/// Writes the project's schemas again with its new ids, where they are a
/// project's own (`dokgen new` wrote them, or `dokgen schema --project`),
/// not the general ones.
fn refresh_schemas(dir: &Path) -> Result<()> {
    let facts = dir.join("schema").join(schema::Kind::Facts.file_name());
    let own =
        std::fs::read_to_string(&facts).is_ok_and(|text| text != schema::json(schema::Kind::Facts));
    if own {
        schema::write_for_project(&Session::open(dir)?)?;
    }
    Ok(())
}

/// Whether the project at `dir`, with the files `written`, still opens,
/// the documents declared among them render, and so do those that did
/// before (`fine`).
fn builds(dir: &Path, written: &[PathBuf], fine: &[PathBuf]) -> Result<()> {
    let session = Session::open(dir)?;
    let mut problems = Vec::new();
    for document in session.documents() {
        let Err(err) = session.render(document) else {
            continue;
        };
        let hint = if written.contains(&document.file) {
            "the template needs what the project does not have yet; nothing was added".to_owned()
        } else if fine.contains(&document.file) {
            format!(
                "{} was made before, and would not be with what was to be added; nothing was added",
                document.file.display()
            )
        } else {
            continue;
        };
        let mut errors = err.into_diagnostics();
        if let Some(first) = errors.first_mut() {
            *first = first.clone().hint(hint);
        }
        problems.extend(errors);
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(Error::from(problems)),
    }
}

/// The first of `prefix`, `prefix-2`, `prefix-3`, … from `prefix-{from}`
/// on, that `taken` does not hold.
fn next_id(prefix: &str, from: usize, taken: impl Fn(&str) -> bool) -> String {
    let bare = (from <= 1).then(|| prefix.to_owned());
    bare.into_iter()
        .chain((from.max(2)..).map(|n| format!("{prefix}-{n}")))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_owned())
}

fn application(
    session: &Session,
    wishes: &Wishes,
    date: NaiveDate,
) -> Result<Vec<(PathBuf, String)>> {
    let facts = &session.content().facts;
    let Some(cooperation) = &facts.cooperation else {
        return Err(Diagnostic::error(
            "the project has no cooperation, so an application has no areas",
        )
        .hint("give `cooperation:` with its members and areas first (see `dokgen new DIR`)")
        .into());
    };
    let applied: Vec<&str> = facts
        .applications
        .values()
        .flat_map(|a| a.areas.iter().map(String::as_str))
        .collect();
    let mut areas = Vec::new();
    for wanted in &wishes.areas {
        let id = super::id_of(wanted);
        match cooperation
            .areas
            .iter()
            .find(|a| a.id == *wanted || a.id == id || super::id_of(&a.name) == id)
        {
            Some(area) => areas.push(area),
            None => {
                let names: Vec<&str> = cooperation.areas.iter().map(|a| a.id.as_str()).collect();
                return Err(Diagnostic::error(format!(
                    "`{wanted}` is not an area of the cooperation"
                ))
                .hint(format!("its areas are {}", names.join(", ")))
                .into());
            }
        }
    }
    if areas.is_empty() {
        areas = cooperation
            .areas
            .iter()
            .filter(|a| !applied.contains(&a.id.as_str()))
            .collect();
    }
    if areas.is_empty() {
        return Err(Diagnostic::error(
            "every area of the cooperation is in an application already",
        )
        .hint("name the areas of the new application with --leaving AREA")
        .into());
    }
    if wishes.date.is_none()
        && let Some((later, app)) = facts.applications.iter().find(|(_, a)| a.date > date)
    {
        return Err(Diagnostic::error(format!(
            "the new application would be dated today, {date}, before `{later}` ({})",
            app.date
        ))
        .hint("give its date with --date YYYY-MM-DD")
        .into());
    }
    let id = wishes.id.clone().unwrap_or_else(|| {
        next_id("ansoegning", facts.applications.len() + 1, |id| {
            facts.applications.contains_key(id)
        })
    });
    let applicants: Vec<&str> = cooperation
        .members
        .iter()
        .filter(|m| {
            areas
                .iter()
                .any(|a| a.concerns(&cooperation.members).contains(m))
        })
        .map(String::as_str)
        .collect();
    let phase = facts
        .applications
        .values()
        .filter_map(|a| a.phase)
        .max()
        .map(|p| p + 1);
    let start = wishes.start.unwrap_or_else(|| {
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&date) + 1, 1, 1).unwrap_or(date)
    });
    let addressee = facts
        .applications
        .values()
        .max_by_key(|a| a.date)
        .map_or(super::MINISTRY, |a| a.addressee.name.as_str());
    let names: Vec<(&str, &str)> = applicants
        .iter()
        .map(|id| {
            let short = facts
                .municipalities
                .get(*id)
                .map_or(*id, |m| m.short_name.as_str());
            (*id, short)
        })
        .collect();
    let mut facts_text = modeline(1, "facts");
    facts_text.push_str(&format!(
        "# Ansøgningen {id}, tilføjet med `dokgen new application`.\napplications:\n"
    ));
    facts_text.push_str(&application_entry(&Application {
        id: &id,
        phase,
        areas: areas.iter().map(|a| a.id.as_str()).collect(),
        start,
        date,
        applicants: names,
        ministry: addressee,
    }));
    let prose = super::files::application_prose(applicants.len() > 1);
    let mut files = vec![
        (PathBuf::from(format!("content/{id}.yaml")), facts_text),
        (
            PathBuf::from(format!("content/documents/{id}.yaml")),
            declaration(
                "ansoegning.typ.tera",
                &id,
                "Ansøgning om dispensation efter {{ law.dispensation | paragraf(i=law.name) }}",
                date,
                &format!("application: {id}\n"),
                &id,
                &prose,
            ),
        ),
    ];
    files.extend(prose_files(&id, &prose));
    Ok(files)
}

fn meeting(session: &Session, wishes: &Wishes, date: NaiveDate) -> Result<Vec<(PathBuf, String)>> {
    let facts = &session.content().facts;
    let id = wishes.id.clone().unwrap_or_else(|| {
        next_id(&format!("moede-{date}"), 1, |id| {
            facts.meetings.iter().any(|m| m.id == id)
        })
    });
    let secretariat = facts
        .cooperation
        .as_ref()
        .and_then(|c| c.members.first())
        .or_else(|| facts.municipalities.keys().next())
        .cloned()
        .unwrap_or_default();
    if facts
        .municipalities
        .get(&secretariat)
        .is_none_or(|m| m.meeting_papers.is_none())
    {
        return Err(Diagnostic::error(format!(
            "`{secretariat}` has no `meeting_papers`: a meeting's items would have no headings"
        ))
        .hint(format!("give municipalities.{secretariat}.meeting_papers.headings first, the headings of its agenda items in its order: `- {{ part: presentation, title: Sagsfremstilling }}`"))
        .into());
    }
    let body = facts.municipalities.get(&secretariat).map_or(
        "[indsæt udvalg eller kommunalbestyrelse]".to_owned(),
        |m| format!("Kommunalbestyrelsen i {}", m.name),
    );
    let mut text = modeline(1, "facts");
    text.push_str(&format!(
        "# Mødet {id}, tilføjet med `dokgen new meeting`.\nmeetings:\n  - id: {id}\n    date: {date}\n    body: {}\n    kind: møde\n    subject: \"[indsæt mødets emne]\"\n    # Den kommune, hvis overskrifter punkterne følger.\n    secretariat: {secretariat}\n    # Mødets klokkeslæt (skrives 17:00, trykkes kl. 17.00).\n    # time: \"17:00\"\n    place: \"[indsæt mødested]\"\n    items:\n      - title: \"[indsæt punktets titel]\"\n        case_number: \"[indsæt sagsnummer]\"\n        presentation: prosa/{id}/sagsfremstilling.md\n        recommendations:\n          - \"[indsæt indstillingen, uden det indledende »at«]\"\n",
        scalar(&body)
    ));
    let presentation =
        "[indsæt sagsfremstillingen: hvad sagen drejer sig om, og hvad der skal besluttes]\n";
    let output = format!("{id}-dagsorden");
    Ok(vec![
        (PathBuf::from(format!("content/{id}.yaml")), text),
        (
            PathBuf::from(format!("content/documents/{output}.yaml")),
            declaration(
                "moede.typ.tera",
                &output,
                &format!("Dagsorden til mødet den {{{{ meeting[\"{id}\"].date | dato }}}}"),
                date,
                &format!("meeting: {id}\npapers: agenda\n"),
                &id,
                &[],
            ),
        ),
        (
            PathBuf::from(format!("content/prosa/{id}/sagsfremstilling.md")),
            presentation.to_owned(),
        ),
    ])
}

fn document(session: &Session, wishes: &Wishes, date: NaiveDate) -> Result<Vec<(PathBuf, String)>> {
    let template = wishes
        .template
        .clone()
        .unwrap_or_else(|| "strategi.typ.tera".to_owned());
    let Some((_, text)) = session.template_text(&template) else {
        let names: Vec<String> = session
            .template_names()
            .into_iter()
            .filter(|n| !n.contains('/'))
            .collect();
        return Err(Error::from(
            Diagnostic::error(format!("the template `{template}` does not exist"))
                .hint(format!("the templates are {}", names.join(", "))),
        ));
    };
    let stem = template.trim_end_matches(crate::template::TEMPLATE_SUFFIX);
    let id = wishes.id.clone().unwrap_or_else(|| {
        next_id(stem, 1, |id| {
            session.documents().iter().any(|d| d.spec.output == id)
        })
    });
    let prose: Vec<(String, String)> = crate::explain::placed_prose_keys(text)
        .into_iter()
        .map(|key| {
            let text = format!("[indsæt teksten til {key}]\n");
            (key, text)
        })
        .collect();
    let mut files = vec![(
        PathBuf::from(format!("content/documents/{id}.yaml")),
        declaration(&template, &id, "[indsæt titel]", date, "", &id, &prose),
    )];
    files.extend(prose_files(&id, &prose));
    // The strategy template places the strategic lines: a project without
    // them gets one to fill in.
    if text.contains("strategy.lines") && session.content().facts.strategy.is_none() {
        let mut facts = modeline(1, "facts");
        facts.push_str("# De strategiske sigtelinjer, tilføjet med `dokgen new document`.\nstrategy:\n  lines:\n    - number: 1\n      title: \"[indsæt sigtelinjens titel]\"\n      prose: prosa/sigtelinjer/1.md\n");
        files.push((PathBuf::from("content/strategi.yaml"), facts));
        files.push((
            PathBuf::from("content/prosa/sigtelinjer/1.md"),
            "[indsæt, hvad sigtelinjen går ud på]\n".to_owned(),
        ));
    }
    Ok(files)
}

/// A declaration (a draft) of the document `output`.
fn declaration(
    template: &str,
    output: &str,
    title: &str,
    date: NaiveDate,
    more: &str,
    prose_dir: &str,
    prose: &[(String, String)],
) -> String {
    let mut text = modeline(2, "document");
    text.push_str(&format!(
        "template: {template}\noutput: {output}\ntitle: {}\ndate: {date}\n{more}# Et udkast, indtil alt er udfyldt: slet da linjen.\ndraft: true\n",
        scalar(title)
    ));
    if !prose.is_empty() {
        text.push_str("prose:\n");
        for (key, _) in prose {
            text.push_str(&format!("  {key}: prosa/{prose_dir}/{key}.md\n"));
        }
    }
    text
}

fn prose_files(dir: &str, prose: &[(String, String)]) -> Vec<(PathBuf, String)> {
    prose
        .iter()
        .map(|(key, text)| {
            (
                PathBuf::from(format!("content/prosa/{dir}/{key}.md")),
                text.clone(),
            )
        })
        .collect()
}
