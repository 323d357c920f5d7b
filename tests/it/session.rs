//! A session that lives longer than one build: told which files changed,
//! it reads again what they touch, and the next document it makes shows
//! the change — a fact, a prose file, a template, the style library, an
//! image, dokgen.yaml, a new declaration — while a change it cannot read
//! leaves it reporting the error until a later change mends it.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::{copy_default_project, edit};
use dokgen::Session;
use dokgen::session::Reloaded;

/// A copy of the default project and a session on it.
fn opened() -> (tempfile::TempDir, Session) {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let session = Session::open(project.path()).unwrap();
    (project, session)
}

/// The PDF of the document `output` as the session makes it now.
fn pdf(session: &Session, output: &str) -> Vec<u8> {
    let document = session
        .documents()
        .iter()
        .find(|d| d.spec.output == output)
        .unwrap_or_else(|| panic!("no document `{output}`"));
    let made = session.make(document);
    let output = made.output.unwrap_or_else(|err| panic!("{err}"));
    let pdf = output.file(dokgen::export::Format::Pdf).expect("a PDF");
    pdf.bytes.clone()
}

/// The text of the document `output` as the session makes it now.
fn text(session: &Session, output: &str) -> String {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), pdf(session, output)).unwrap();
    common::pdf_text(file.path())
}

fn path(project: &Path, rel: &str) -> PathBuf {
    project.join(rel)
}

#[test]
fn a_changed_fact_is_in_the_next_document() {
    let (project, mut session) = opened();
    assert!(text(&session, "strategi").contains("15.712"));
    let file = path(project.path(), "content/kommuner/vallensbaek.yaml");
    edit(&file, "value: 15712", "value: 15799");
    let reloaded = session.changed(&[file]).unwrap();
    assert!(reloaded.content && !reloaded.settings, "{reloaded:?}");
    let after = text(&session, "strategi");
    assert!(after.contains("15.799") && !after.contains("15.712"));
}

#[test]
fn a_changed_prose_file_is_in_the_next_document() {
    let (project, mut session) = opened();
    let file = path(project.path(), "content/prosa/strategi/udbytte.md");
    let written = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{written}\nEn ny sætning om samarbejdet.\n")).unwrap();
    // Relative paths are the project's.
    session
        .changed(&[PathBuf::from("content/prosa/strategi/udbytte.md")])
        .unwrap();
    assert!(text(&session, "strategi").contains("En ny sætning om samarbejdet."));
}

#[test]
fn a_changed_template_is_in_the_next_document() {
    let (project, mut session) = opened();
    let file = path(project.path(), "templates/strategi.typ.tera");
    edit(&file, "= Baggrund\n", "= Baggrund og formål\n");
    let reloaded = session.changed(&[file]).unwrap();
    assert_eq!(
        reloaded,
        Reloaded {
            templates: true,
            ..Reloaded::default()
        }
    );
    assert!(text(&session, "strategi").contains("Baggrund og formål"));
}

#[test]
fn a_changed_style_library_is_read_again() {
    let (project, mut session) = opened();
    assert!(text(&session, "strategi").contains("Side 2 af"));
    let file = path(project.path(), "templates/dokgen.typ");
    edit(
        &file,
        "align(right)[Side #counter",
        "align(right)[Blad #counter",
    );
    let reloaded = session.changed(&[file]).unwrap();
    assert_eq!(
        reloaded,
        Reloaded {
            files: true,
            ..Reloaded::default()
        }
    );
    let after = text(&session, "strategi");
    assert!(after.contains("Blad 2 af") && !after.contains("Side 2 af"));
}

#[test]
fn a_changed_image_is_read_again() {
    let (project, mut session) = opened();
    std::fs::create_dir_all(project.path().join("assets")).unwrap();
    let logo = path(project.path(), "assets/logo.svg");
    let circle = |fill: &str| {
        format!(
            "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'><circle cx='20' cy='20' r='18' fill='{fill}'/></svg>"
        )
    };
    std::fs::write(&logo, circle("#1f4e79")).unwrap();
    let facts = path(project.path(), "content/kommuner/vallensbaek.yaml");
    edit(
        &facts,
        "    officials:\n",
        "    logo: assets/logo.svg\n    officials:\n",
    );
    session.changed(&[facts, logo.clone()]).unwrap();
    let before = pdf(&session, "ansoegning-1");
    std::fs::write(&logo, circle("#c55a11")).unwrap();
    session.changed(&[logo]).unwrap();
    assert_ne!(
        before,
        pdf(&session, "ansoegning-1"),
        "the new logo is in the letter"
    );
}

#[test]
fn changed_settings_are_read_again() {
    let (project, mut session) = opened();
    let file = path(project.path(), "dokgen.yaml");
    edit(
        &file,
        "name: Forpligtende samarbejde Ishøj–Vallensbæk",
        "name: Samarbejdet",
    );
    let reloaded = session.changed(&[file]).unwrap();
    assert!(reloaded.settings, "{reloaded:?}");
    assert_eq!(session.project().config.name, "Samarbejdet");
}

#[test]
fn a_new_declaration_is_a_new_document() {
    let (project, mut session) = opened();
    let before = session.documents().len();
    let from = path(project.path(), "content/documents/ansoegning-1.yaml");
    let to = path(project.path(), "content/documents/ansoegning-1-kopi.yaml");
    let text = std::fs::read_to_string(&from).unwrap();
    std::fs::write(
        &to,
        text.replace("output: ansoegning-1", "output: ansoegning-1-kopi"),
    )
    .unwrap();
    session.changed(&[to]).unwrap();
    assert_eq!(session.documents().len(), before + 1);
}

#[test]
fn a_change_that_cannot_be_read_is_reported_until_it_is_mended() {
    let (project, mut session) = opened();
    let file = path(project.path(), "content/kommuner/vallensbaek.yaml");
    edit(&file, "value: 15712", "value: femten");
    let err = session.changed(std::slice::from_ref(&file)).unwrap_err();
    assert!(
        err.to_string()
            .contains("content/kommuner/vallensbaek.yaml"),
        "{err}"
    );
    // Every document now fails with that error, rather than show old facts.
    let document = &session.documents()[0];
    let made = session.make(document);
    assert_eq!(made.output.unwrap_err(), err);
    // A change elsewhere does not hide it.
    let other = path(project.path(), "templates/dokgen.typ");
    assert!(session.changed(&[other]).is_err());
    edit(&file, "value: femten", "value: 15713");
    session.changed(&[file]).unwrap();
    assert!(text(&session, "strategi").contains("15.713"));
}

#[test]
fn a_deleted_prose_file_that_is_named_is_an_error() {
    let (project, mut session) = opened();
    let file = path(project.path(), "content/prosa/strategi/udbytte.md");
    std::fs::remove_file(&file).unwrap();
    let err = session.changed(&[file]).unwrap_err();
    assert!(err.to_string().contains("udbytte.md"), "{err}");
}

#[test]
fn what_the_build_writes_is_not_an_input() {
    let (project, mut session) = opened();
    let file = path(project.path(), "output/strategi.pdf");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "%PDF").unwrap();
    assert_eq!(session.changed(&[file]).unwrap(), Reloaded::default());
}

/// A prose file saved twice is parsed anew alone, not with every template
/// and prose file: the document is byte for byte what a session opened
/// afresh on the same files makes.
#[test]
fn a_prose_file_saved_twice_makes_what_a_fresh_session_makes() {
    let (project, mut session) = opened();
    let file = path(project.path(), "content/prosa/strategi/udbytte.md");
    for k in 1..=2 {
        let text = std::fs::read_to_string(&file).unwrap();
        let from = if k == 1 {
            "Ulemperne ved det forpligtende samarbejde".to_owned()
        } else {
            "Ulemperne ved det forpligtende samarbejde (udgave 1)".to_owned()
        };
        let to = format!("Ulemperne ved det forpligtende samarbejde (udgave {k})");
        std::fs::write(&file, text.replace(&from, &to)).unwrap();
        session.changed(std::slice::from_ref(&file)).unwrap();
    }
    assert!(text(&session, "strategi").contains("samarbejde (udgave 2)"));
    let fresh = Session::open(project.path()).unwrap();
    assert!(pdf(&session, "strategi") == pdf(&fresh, "strategi"));
}

/// A prose file that a save breaks is reported at its line, and the
/// session makes documents again once a later save mends it.
#[test]
fn a_prose_file_broken_by_a_save_is_reported_at_its_line() {
    let (project, mut session) = opened();
    let file = path(project.path(), "content/prosa/strategi/udbytte.md");
    let good = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{good}\n{{{{ ikke lukket\n")).unwrap();
    let err = session.changed(std::slice::from_ref(&file)).unwrap_err();
    let shown = err.to_string();
    let line = good.lines().count() + 2;
    assert!(
        shown.contains(&format!("content/prosa/strategi/udbytte.md:{line}")),
        "{shown}"
    );
    std::fs::write(&file, &good).unwrap();
    session.changed(std::slice::from_ref(&file)).unwrap();
    assert!(text(&session, "strategi").contains("Ulemperne ved det forpligtende samarbejde"));
}

/// An editor that saves by writing a temporary file and renaming it over
/// the file leaves a name that is gone: it changes nothing, and the prose
/// saved is read.
#[test]
fn a_save_by_a_temporary_file_renamed_over_the_prose_is_read() {
    let (project, mut session) = opened();
    let file = path(project.path(), "content/prosa/strategi/udbytte.md");
    let temporary = path(project.path(), "content/prosa/strategi/.udbytte.md.tmp123");
    let text_before = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &temporary,
        text_before.replace("Ulemperne ved det", "Ulemperne ved netop det"),
    )
    .unwrap();
    std::fs::rename(&temporary, &file).unwrap();
    session.changed(&[temporary, file]).unwrap();
    assert!(text(&session, "strategi").contains("Ulemperne ved netop det"));
}

/// A preview is handed a document's pages once they are laid out, before
/// its PDF is made: once, the pages that the made document has, and the
/// PDF is the same bytes as when nobody is handed anything.
#[test]
fn the_pages_are_handed_on_once_laid_out_and_the_pdf_is_the_same() {
    let (_project, session) = opened();
    let document = session
        .documents()
        .iter()
        .find(|d| d.spec.output == "strategi")
        .unwrap();
    let handed = std::sync::Mutex::new(Vec::new());
    let (made, rendered) = session.make_traced_then(document, &|layout| {
        handed.lock().unwrap().push(layout.pages().len());
    });
    assert!(rendered.is_some());
    let output = made.output.unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(*handed.lock().unwrap(), vec![output.pages]);
    let pdf_then = &output.file(dokgen::export::Format::Pdf).unwrap().bytes;
    assert_eq!(*pdf_then, pdf(&session, "strategi"), "the same PDF");
}

/// Of a fact's edit that every document shows, the preview makes the
/// document looked at first; a save that comes before the pause after it
/// leaves the others to the next round, which makes them.
#[test]
fn documents_not_looked_at_wait_for_a_pause_in_the_saves() {
    use dokgen::serve::preview::{Preview, Update};
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let preview = Preview::new(project.path());
    preview.refresh(&[], &[], &|| false, |_| {});
    let made_before = |name: &str| preview.good(name).map(|g| g.made.clone());
    let (strategy, letter) = (made_before("strategi"), made_before("ansoegning-1"));
    let file = path(project.path(), "content/kommuner/vallensbaek.yaml");
    edit(
        &file,
        "short_name: Vallensbæk",
        "short_name: Vallensbæk Kommune",
    );

    // A save comes once the strategy is made and the preview has asked
    // twice since whether one came (two documents begun at once, were
    // there no pause).
    let strategy_made = AtomicBool::new(false);
    let asked = AtomicUsize::new(0);
    let superseded =
        || strategy_made.load(Ordering::Acquire) && asked.fetch_add(1, Ordering::AcqRel) >= 2;
    let mut made = Vec::new();
    let looked_at = vec!["strategi".to_owned()];
    preview.refresh(
        std::slice::from_ref(&file),
        &looked_at,
        &superseded,
        |update| {
            if let Update::Made { name, .. } = update {
                made.push(name.clone());
                strategy_made.store(true, Ordering::Release);
            }
        },
    );
    assert_eq!(made, ["strategi"]);
    assert_ne!(made_before("strategi"), strategy);
    assert_eq!(
        made_before("ansoegning-1"),
        letter,
        "left to the next round"
    );

    let mut made = Vec::new();
    preview.refresh(&[], &looked_at, &|| false, |update| {
        if let Update::Made { name, .. } = update {
            made.push(name.clone());
        }
    });
    assert!(made.contains(&"ansoegning-1".to_owned()), "{made:?}");
    assert!(!made.contains(&"strategi".to_owned()), "{made:?}");
    assert_ne!(made_before("ansoegning-1"), letter);
}
