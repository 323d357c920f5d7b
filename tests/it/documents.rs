//! The three kinds of document, read back from their PDFs: the parts each
//! must have (subject line, phases, signatures, annexes; "Det indstilles,
//! at", closed items; the settlement totals), annex files appended, and
//! the second project built from the same templates.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::common::{assert_exit, build, copy_default_project, edit, pdf_text, repo};
use serde_yaml::Value;

/// The default project built once for this file's tests: output name →
/// the PDF's text.
fn default_pdfs() -> &'static BTreeMap<String, String> {
    static PDFS: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    PDFS.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        assert_exit(&build(&repo(), out.path()), 0);
        std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .map(|p| {
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                (name, pdf_text(&p))
            })
            .collect()
    })
}

fn text(name: &str) -> &'static str {
    default_pdfs()
        .get(name)
        .unwrap_or_else(|| panic!("no {name}.pdf"))
}

/// Asserts that the needles stand in this order: each is found after the
/// one before it.
fn in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let found = haystack[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is missing after byte {from} of:\n{haystack}"));
        from += found + needle.len();
    }
}

fn yaml(path: &Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_application_is_a_complete_letter() {
    let first = text("ansoegning-1");
    in_order(
        first,
        &[
            "Ishøj Kommune",
            "Økonomi- og Indenrigsministeriet",
            "Ishøj Kommunes sagsnr. 18/04512",
            "Ansøgning om dispensation efter § 11 a, stk. 2, i lov om forpligtende kommunale samarbejder",
            "Baggrund",
            "Faseplan",
            "Begrundelse",
            "Konsekvenser og overgang",
            "Kontaktperson",
            "Ishøj og Vallensbæk, den 3. september 2018",
            "Med venlig hilsen",
            "Bilag 1: Udkast til strategi for det forpligtende samarbejde af 21. august 2017",
            "Bilag 2: Referat af mødet i styregruppen for det forpligtende samarbejde den 19. juni 2017",
        ],
    );
    // The sender block carries the municipality's telephone, e-mail and
    // web; the contact is a person, named from the officials on the
    // letter's date, with telephone and e-mail.
    in_order(
        first,
        &[
            "Ishøj Store Torv 20",
            "Telefon 43 57 75 75",
            "ishojkommune@ishoj.dk",
            "ishoj.dk",
        ],
    );
    assert!(
        first.contains("kan rettes til kommunaldirektør Kåre Svarre Jakobsen, Ishøj Kommune, på telefon 43 57 75 75 eller på e-mail ishojkommune@ishoj.dk."),
        "{first}"
    );
    // The second letter's annex names the ministry's decision by its date.
    assert!(
        text("ansoegning-2")
            .contains("Bilag 2: Økonomi- og Indenrigsministeriets afgørelse af 13. december 2018"),
        "{}",
        text("ansoegning-2")
    );
    // The phase's areas, and the remaining ones named for the next phase.
    assert!(first.contains("natur og miljø, genoptræning og specialundervisning udgår"));
    assert!(first.contains("beskæftigelse og det sociale område, vil indgå i den næste ansøgning"));
    // The mayor and the chief executive of each municipality sign: those
    // in office on the letter's date (Vallensbæk changed chief executive
    // in 2018).
    assert_eq!(first.matches("Borgmester").count(), 2, "{first}");
    // Twice under the signatures, once under the certification of the
    // extract of the protocol.
    assert_eq!(first.matches("Kommunaldirektør").count(), 3);
    in_order(
        first,
        &[
            "Ole Bjørstorp",
            "Kåre Svarre Jakobsen",
            "Henrik Rasmussen",
            "Anette J. Laustsen",
        ],
    );
    assert!(!first.contains("Lars Hansen"));
    assert!(!first.contains("N.N."));
}

#[test]
fn steering_group_papers_use_vallensbaeks_headings_in_its_order() {
    let agenda = text("styregruppe-2017-06-19-dagsorden");
    in_order(
        agenda,
        &[
            "DAGSORDEN",
            "Styregruppen for det forpligtende samarbejde",
            "Mandag den 19. juni 2017",
            "Kl. 14.00",
            "Mødelokale 1, Vallensbæk Rådhus",
            "Ole Bjørstorp, borgmester, Ishøj",
            "Lars Hansen, kommunaldirektør, Vallensbæk",
            "Indhold",
            "1. Strategi for det forpligtende samarbejde",
            "Sagsnr.: 17/2104",
            "Beslutningstema",
            "Indstilling",
            "Det indstilles, at 1. styregruppen udarbejder en strategi",
            "2. hver kommune giver sit bidrag",
            "Sagsfremstilling",
            "Økonomi",
            "2. Afregning af ydelser mellem kommunerne",
        ],
    );
    // What is known only after the meeting is in the minutes alone: the
    // apologies and the decisions, with their heading.
    assert!(!agenda.contains("Godkendt."), "{agenda}");
    assert!(!agenda.contains("Afbud"), "{agenda}");
    assert!(!agenda.contains("Beslutning Styregruppen"), "{agenda}");
    let minutes = text("styregruppe-2017-06-19-referat");
    in_order(
        minutes,
        &[
            "REFERAT",
            "Afbud Ingen",
            "Referent Lars Hansen, kommunaldirektør, Vallensbæk",
            "1. Strategi for det forpligtende samarbejde",
            "Beslutning i styregruppen for det forpligtende samarbejde den 19. juni 2017 Godkendt.",
        ],
    );
}

#[test]
fn the_councils_item_uses_ishoejs_headings_in_its_order() {
    let agenda = text("byraad-2017-09-05-dagsorden");
    in_order(
        agenda,
        &[
            "Byrådet i Ishøj Kommune",
            "Tirsdag den 5. september 2017",
            "Kl. 19.00",
            "1. Godkendelse af dagsorden",
            "2. Strategi for det forpligtende samarbejde med Vallensbæk Kommune",
            "Sagsnr.: 17/01830",
            "Resume",
            "Sagsfremstilling",
            "Økonomi",
            "Indstilling",
            "Det indstilles, at",
            "Bilag",
            "Bilag 1: Udkast til strategi for det forpligtende samarbejde",
        ],
    );
    // An agenda has no decision, nor a heading for one.
    assert!(!agenda.contains("Beslutning"), "{agenda}");
    assert!(!agenda.contains("Godkendt."), "{agenda}");
    // The council's standard items stand first and last, numbered with
    // the others.
    assert!(agenda.contains("3. Meddelelser"), "{agenda}");
    // The prose names the strategic lines from the facts.
    assert!(agenda.contains("Ishøj Kommune ønsker hjemtagning af jobcentret!"));
}

#[test]
fn standard_items_are_numbered_with_the_others_and_cited_by_their_printed_number() {
    let minutes = text("byraad-2018-08-28-referat");
    in_order(
        minutes,
        &[
            "1. Godkendelse af dagsorden",
            "2. Ansøgning om dispensation",
            "3. Tilskud til foreningen Ishøj Strands Venner",
            "4. Meddelelser",
            "1. Godkendelse af dagsorden Godkendt.",
            "2. Ansøgning om dispensation",
            "3. Tilskud til foreningen Ishøj Strands Venner",
            "4. Meddelelser Ingen.",
        ],
    );
    // The letter cites the council's decision by the number its agenda
    // prints, and the extract it appends shows that number.
    let letter = text("ansoegning-1");
    assert!(
        letter.contains("(dagsordenens punkt 2, jf. bilag 3)"),
        "{letter}"
    );
    assert!(letter.contains("punkt 2"), "{letter}");
}

#[test]
fn a_closed_item_keeps_its_place_in_the_public_papers_and_nothing_else() {
    let closed = "Forhandlingsmandat om fagsystem til jobcentret";
    let public = text("styregruppe-2017-06-19-referat");
    let internal = text("styregruppe-2017-06-19-referat-intern");
    // In the public version: its number and neutral title, in the table of
    // contents and in its place, and nothing of its content.
    assert_eq!(
        public
            .matches("3. Lukket punkt: Forhandlingsmandat")
            .count(),
        2,
        "{public}"
    );
    assert!(!public.contains(closed), "{public}");
    assert!(!public.contains("17/2106"));
    assert!(!public.contains("fagsystem"));
    assert!(!public.contains("offentliggørelse"));
    // In the internal version: whole, with the legal basis for closing it:
    // a steering group's meetings are not public, so the item is withheld
    // from publication under offentlighedsloven, not closed under
    // kommunestyrelseslovens § 10.
    assert_eq!(internal.matches(closed).count(), 2, "{internal}");
    assert!(internal.contains(&format!("3. {closed} (Lukket)")));
    assert!(internal.contains(
        "Punktet er undtaget fra offentliggørelse efter offentlighedslovens § 30, nr. 2, og § 33, nr. 3."
    ));
    assert!(!internal.contains("lukkede døre"), "{internal}");
    assert!(!internal.contains("Lukket punkt:"));
    // Its one at-clause runs on after the lead, unnumbered; several are
    // numbered.
    assert!(
        internal.contains("Det indstilles, at styregruppen giver administrationerne mandat"),
        "{internal}"
    );
    assert!(internal.contains("Det indstilles, at 1. styregruppen udarbejder"));
    assert!(internal.contains("Intern udgave"));
    // The agenda likewise.
    assert!(!text("styregruppe-2017-06-19-dagsorden").contains(closed));
    assert!(
        text("styregruppe-2017-06-19-dagsorden").contains("3. Lukket punkt: Forhandlingsmandat")
    );
    assert!(text("styregruppe-2017-06-19-dagsorden-intern").contains(closed));
    // The minutes carry the decisions; the public and the internal minutes
    // number the items alike.
    assert!(public.contains("Godkendt."));
    for title in [
        "1. Strategi for det forpligtende samarbejde",
        "2. Afregning af ydelser mellem kommunerne",
    ] {
        assert!(
            public.contains(title) && internal.contains(title),
            "{title}"
        );
    }
}

/// The net settlement of each year, computed here from bum.yaml by the
/// rules the annex states, independently of dokgen's code: the unit price
/// is salary / units × (1 + management + absence) + travel, rounded up
/// to whole kroner; a payment is price times volume; own orders are not
/// settled.
fn expected_net() -> Vec<(i64, String, String, i64)> {
    let facts = yaml(&repo().join("content/bum.yaml"));
    let s = &facts["settlement"];
    let orderers: Vec<String> = s["orderers"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(orderers.len(), 2, "the test settles two municipalities");
    let mut out = Vec::new();
    for year in s["years"].as_sequence().unwrap() {
        let year = year.as_i64().unwrap();
        // owed[i]: what orderer i pays the other.
        let mut owed = [0i64; 2];
        for service in s["services"].as_sequence().unwrap() {
            let c = &service["cost"];
            let salary = c["salary_per_fte"].as_f64().unwrap();
            let units = c["units_per_fte"].as_f64().unwrap();
            let shares = c["management_pct"].as_f64().unwrap() + c["absence_pct"].as_f64().unwrap();
            let travel = c["travel_per_unit"].as_f64().unwrap_or(0.0);
            let unit = salary / units * (1.0 + shares / 100.0) + travel;
            // Up to whole kroner; a hair's breadth of floating-point error
            // below a whole krone is not a krone more.
            let price = (unit - 1e-6).ceil() as i64;
            let provider = service["provider"].as_str().unwrap();
            for (i, o) in orderers.iter().enumerate() {
                if o != provider {
                    let volume = service["volumes"][o.as_str()]
                        .get(Value::from(year))
                        .and_then(Value::as_i64)
                        .unwrap();
                    owed[i] += price * volume;
                }
            }
        }
        let (from, to, amount) = if owed[0] >= owed[1] {
            (0, 1, owed[0] - owed[1])
        } else {
            (1, 0, owed[1] - owed[0])
        };
        out.push((year, orderers[from].clone(), orderers[to].clone(), amount));
    }
    out
}

#[test]
fn the_strategy_carries_the_settlement_with_its_totals() {
    let strategy = text("strategi");
    let names = [("ishoej", "Ishøj"), ("vallensbaek", "Vallensbæk")];
    let name = |id: &str| names.iter().find(|(i, _)| *i == id).unwrap().1;
    let net = expected_net();
    assert!(!net.is_empty());
    for (year, from, to, amount) in net {
        let amount = dokgen::danish::number(amount as f64, None);
        let sentence = format!(
            "Nettoafregning {year}: {} betaler {amount} kr. til {}.",
            name(&from),
            name(&to)
        );
        assert!(strategy.contains(&sentence), "{sentence}\n{strategy}");
    }
    assert!(strategy.contains("Bilag: Afregning efter BUM-modellen"));
    assert!(strategy.contains("Ydelser og enhedspriser (kostpris)"));
}

/// A PDF made by dokgen itself (the default project's first application),
/// and its number of pages.
fn a_pdf(dir: &Path) -> (std::path::PathBuf, usize) {
    let out = dir.join("made");
    assert_exit(&build(&repo(), &out), 0);
    let pdf = out.join("ansoegning-1.pdf");
    let pages = lopdf::Document::load(&pdf).unwrap().get_pages().len();
    (pdf, pages)
}

#[test]
fn annex_files_are_appended_after_the_letter() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let annexes = project.path().join("bilag");
    std::fs::create_dir_all(&annexes).unwrap();
    let (pdf, pages) = a_pdf(project.path());
    std::fs::copy(&pdf, annexes.join("strategi.pdf")).unwrap();
    let svg = "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'><rect width='200' height='100' fill='#548235'/></svg>";
    std::fs::write(annexes.join("kort.svg"), svg).unwrap();
    edit(
        &project.path().join("content/ansoegninger.yaml"),
        "      - document: strategi\n",
        "      - document: strategi\n        file: bilag/strategi.pdf\n      - title: Kort over kommunerne\n        file: bilag/kort.svg\n",
    );
    let out = project.path().join("output");
    let output = build(project.path(), &out);
    assert_exit(&output, 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The letter as before, each page of the annexed PDF (the letter
    // itself, as it happens, drawn as SVG: PDF/A and PDF/UA forbid
    // embedding a PDF), and a page for the image.
    let annexed = out.join("ansoegning-1.pdf");
    let total = lopdf::Document::load(&annexed).unwrap().get_pages().len();
    assert_eq!(total, 2 * pages + 1, "{stdout}");
    let text = pdf_text(&annexed);
    let mut order = vec![
        "Bilag 1: Udkast til strategi for det forpligtende samarbejde af 21. august 2017".to_owned(),
        "Bilag 2: Kort over kommunerne".to_owned(),
        "Bilag 3: Referat af mødet i styregruppen for det forpligtende samarbejde den 19. juni 2017".to_owned(),
    ];
    // The annex's first page has its name as a heading (so that it is a
    // bookmark), the others name it in their header with the page.
    order.push(
        "Bilag 1: Udkast til strategi for det forpligtende samarbejde af 21. august 2017"
            .to_owned(),
    );
    for page in 2..=pages {
        order.push(format!(
            "Bilag 1: Udkast til strategi for det forpligtende samarbejde af 21. august 2017 (side {page} af {pages})"
        ));
    }
    order.push("Bilag 2: Kort over kommunerne".to_owned());
    in_order(&text, &order.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn a_broken_annex_file_is_an_error_at_its_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    std::fs::create_dir_all(project.path().join("bilag")).unwrap();
    std::fs::write(project.path().join("bilag/brudt.pdf"), "ikke en pdf").unwrap();
    let facts = project.path().join("content/ansoegninger.yaml");
    edit(
        &facts,
        "      - document: strategi\n",
        "      - document: strategi\n        file: bilag/brudt.pdf\n",
    );
    let line = common::line_of(&facts, "file: bilag/brudt.pdf");
    let out = project.path().join("output");
    let output = build(project.path(), &out);
    assert_exit(&output, 1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("content/ansoegninger.yaml:{line}:15")),
        "{stderr}"
    );
    assert!(stderr.contains("cannot be read as a PDF"), "{stderr}");
    assert!(!out.join("ansoegning-1.pdf").exists());
}

#[test]
fn the_dragoer_taarnby_project_builds_with_the_same_templates() {
    let example = repo().join("examples/dragoer-taarnby");
    let config = std::fs::read_to_string(example.join("dokgen.yaml")).unwrap();
    assert!(config.contains("templates: ../../templates"), "{config}");
    assert!(
        !example.join("templates").exists(),
        "the example has no templates of its own"
    );
    let out = tempfile::tempdir().unwrap();
    let output = build(&example, out.path());
    assert_exit(&output, 0);
    let declared = std::fs::read_dir(example.join("content/documents"))
        .unwrap()
        .count();
    let pdfs: BTreeMap<String, String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                pdf_text(&p),
            )
        })
        .collect();
    assert_eq!(pdfs.len(), declared);
    for (name, text) in &pdfs {
        // The supplementary agenda's one item is Dragør's own.
        let words: &[&str] = if name.contains("tillaegsdagsorden") {
            &["Dragør"]
        } else {
            &["Dragør", "Tårnby"]
        };
        for word in words {
            assert!(text.contains(word), "{name}: `{word}` missing");
        }
        for other in ["Ishøj", "Vallensbæk"] {
            assert!(
                !text.contains(other),
                "{name}: `{other}` leaked in:\n{text}"
            );
        }
    }
}

#[test]
fn a_comment_in_prose_is_never_printed() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    edit(
        &project.path().join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved det forpligtende samarbejde er større end stordriftsfordelene.",
        "<!-- Tal: se budgetnotatet fra maj. -->\nUlemperne ved det forpligtende samarbejde er større <!-- tjek --> end stordriftsfordelene.\n\n<!--\nAfsnittet om\nøkonomien mangler.\n-->\n\n{# Også en note. #}",
    );
    let out = tempfile::tempdir().unwrap();
    let run = build(project.path(), out.path());
    assert_exit(&run, 0);
    // No warning of raw HTML either: a comment is not HTML to show.
    assert!(
        !String::from_utf8_lossy(&run.stderr).contains("HTML"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = pdf_text(&out.path().join("strategi.pdf"));
    assert!(
        text.contains(
            "Ulemperne ved det forpligtende samarbejde er større end stordriftsfordelene."
        ),
        "{text}"
    );
    for note in [
        "budgetnotatet",
        "tjek",
        "mangler",
        "Også en note",
        "<!--",
        "-->",
    ] {
        assert!(!text.contains(note), "`{note}` printed");
    }
}
