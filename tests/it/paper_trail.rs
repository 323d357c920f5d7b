//! A meeting's paper trail, read back from the shipped papers and from
//! projects edited to show one rule each: the full protocol of the
//! council's minutes, the certified extract of an item, the supplementary
//! agenda, corrections by addition and the record of a published protocol,
//! the deadlines of kommunestyrelseslovens § 8, stk. 4, and the meeting's
//! papers as one PDF with its annexes (outline, page labels, annex
//! numbers, the public bundle without the closed annex).

use std::path::Path;

use lopdf::{Document, Object};

use crate::common::{
    assert_exit, build, copy_default_project, copy_dir, dokgen, edit, pdf_text, repo,
};

/// The default project built: its PDFs' folder.
fn built_default() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(&repo(), out.path()), 0);
    out
}

/// The Dragør–Tårnby example built: its PDFs' folder.
fn built_dragoer() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    assert_exit(
        &build(&repo().join("examples/dragoer-taarnby"), out.path()),
        0,
    );
    out
}

/// The text of `name`.pdf in `out`.
fn text(out: &tempfile::TempDir, name: &str) -> String {
    pdf_text(&out.path().join(format!("{name}.pdf")))
}

/// Asserts that `text` holds `needle`.
#[track_caller]
fn says(text: &str, needle: &str) {
    assert!(text.contains(needle), "`{needle}` is not in:\n{text}");
}

/// A copy of the default project with each `(find, replace)` of `edits`
/// made in its meetings (content/moeder.yaml).
fn edited(edits: &[(&str, &str)]) -> tempfile::TempDir {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let facts = project.path().join("content/moeder.yaml");
    for (find, replace) in edits {
        edit(&facts, find, replace);
    }
    project
}

/// `dokgen check` of `project`: its exit code and what it wrote to
/// standard error.
fn check(project: &Path) -> (Option<i32>, String) {
    let output = dokgen(&["check", project.to_str().unwrap()]);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_councils_minutes_are_a_whole_protocol() {
    let out = built_default();
    let minutes = text(&out, "byraad-2018-08-28-referat");
    // Marked as illustrative where the real protocol is not known.
    says(
        &minutes,
        "Eksempel: Medlemmernes navne (bortset fra borgmesterens)",
    );
    // Attendance for the meeting.
    says(&minutes, "Afbud Camilla Juhl");
    says(
        &minutes,
        "Stedfortrædere Martin Skovgaard (V) for Camilla Juhl",
    );
    says(&minutes, "Deltog delvis Bent Kofoed (fra punkt 3)");
    // The vote by party with the counts of those who took part (the
    // substitute votes with his party; the late member does not), the
    // dissent, the member away from the item, and the body that decides.
    says(
        &minutes,
        "Godkendt. For stemte: A, C, F, I, O og V (17). Imod stemte: Ø (1). Rasmus Lykke ønskede følgende tilført protokollen: Enhedslisten kan ikke støtte ansøgningen.",
    );
    says(&minutes, "Fraværende under punktet: Bent Kofoed.");
    says(&minutes, "Sagsnr.: 18/04512 Sagen afgøres i: Byrådet");
    // The conflict of interest, named in its item.
    says(
        &minutes,
        "Lis Thygesen erklærede sig inhabil (formand for foreningen), hvilket byrådet godkendte, og Lis Thygesen deltog ikke i behandlingen af punktet.",
    );
    // The end of the meeting and a signature for each who took part, the
    // substitute too and the absent member not.
    says(&minutes, "4. Meddelelser Ingen. Mødet hævet kl. 20.40.");
    says(
        &minutes,
        "Underskrifter Protokollen er godkendt og underskrevet af: Ole Bjørstorp Lone Kjær Madsen",
    );
    says(&minutes, "Rasmus Lykke Martin Skovgaard");
    let signatures = &minutes[minutes.find("Underskrifter").unwrap()..];
    assert!(!signatures.contains("Camilla Juhl"), "{signatures}");
}

#[test]
fn an_extract_of_the_protocol_is_the_item_certified_by_the_secretariat() {
    let out = built_default();
    let extract = text(&out, "byraad-2018-08-28-udskrift-punkt-2");
    says(
        &extract,
        "UDSKRIFT AF BESLUTNINGSPROTOKOLLEN Byrådet i Ishøj Kommune",
    );
    says(&extract, "Punkt 2 2. Ansøgning om dispensation");
    says(
        &extract,
        "For stemte: A, C, F, I, O og V (17). Imod stemte: Ø (1).",
    );
    says(
        &extract,
        "Rasmus Lykke ønskede følgende tilført protokollen",
    );
    says(
        &extract,
        "Til stede under behandlingen af punktet: Ole Bjørstorp, Lone Kjær Madsen",
    );
    says(
        &extract,
        "Udskriftens rigtighed bekræftes. Ishøj, den 29. august 2018 Kåre Svarre Jakobsen",
    );
    let signed = &extract[extract.find("Udskriftens rigtighed").unwrap()..];
    says(signed, "Kommunaldirektør");
    // Only the one item.
    assert!(!extract.contains("Ishøj Strands Venner"), "{extract}");
    // The letter to the ministry appends the same extract, certified, so
    // the dissent goes with the case (kommunestyrelseslovens § 13, stk. 2).
    let letter = text(&out, "ansoegning-1");
    says(
        &letter,
        "Bilag 3: Udskrift af beslutningsprotokollen for byrådet i Ishøj Kommune, mødet den 28. august 2018, punkt 2",
    );
    says(&letter, "Rasmus Lykke ønskede følgende tilført protokollen");
    says(
        &letter,
        "Udskriftens rigtighed bekræftes. Ishøj, den 3. september 2018 Kåre Svarre Jakobsen",
    );
}

#[test]
fn a_supplementary_agenda_has_the_items_added_later_numbered_on_with_their_reason() {
    let out = built_dragoer();
    let supplementary = text(&out, "kommunalbestyrelse-2021-01-28-tillaegsdagsorden");
    says(
        &supplementary,
        "TILLÆGSDAGSORDEN Kommunalbestyrelsen i Dragør Kommune",
    );
    says(
        &supplementary,
        "Udsendt 26. januar 2021 som tillæg til dagsordenen af 21. januar 2021",
    );
    says(
        &supplementary,
        "3. Forlængelse af aftale om vintertjeneste Sagsnr.: 21/00498 Tillægspunkt, optaget på dagsordenen den 26. januar 2021. Begrundelse for, at sagen ikke kan vente: Den nuværende aftale udløber den 31. januar 2021",
    );
    // Not the items of the agenda itself.
    assert!(
        !supplementary.contains("Godkendelse af dagsorden"),
        "{supplementary}"
    );
    assert!(!supplementary.contains("2. Ansøgning"), "{supplementary}");
    // The agenda has not the item added after it went out; the minutes
    // have both, with the reason.
    let agenda = text(&out, "kommunalbestyrelse-2021-01-28-dagsorden");
    assert!(!agenda.contains("vintertjeneste"), "{agenda}");
    says(&agenda, "Udsendt 21. januar 2021");
    let minutes = text(&out, "kommunalbestyrelse-2021-01-28-referat");
    says(&minutes, "2. Ansøgning om dispensation");
    says(&minutes, "3. Forlængelse af aftale om vintertjeneste");
    says(&minutes, "Begrundelse for, at sagen ikke kan vente:");
    says(
        &minutes,
        "1. Godkendelse af dagsorden Dagsordenen blev godkendt med tillægsdagsordenens punkt 3.",
    );
    says(
        &minutes,
        "Erik Lindegaard erklærede sig inhabil (ejer en vognmandsforretning, der er underleverandør på aftalen), hvilket kommunalbestyrelsen godkendte",
    );
    says(
        &minutes,
        "For stemte: A, B, C, D, F og V (13). Imod stemte: Ø (1).",
    );
    says(&minutes, "Fraværende Ole Kamp");
}

#[test]
fn a_correction_is_printed_as_an_addition_with_its_date() {
    let project = edited(&[(
        "    published: 2018-08-29\n",
        "    published: 2018-08-29\n    corrections:\n      - date: 2018-09-04\n        item: 3\n        text: Tilskuddet finansieres af puljen til foreningsaktiviteter, ikke af puljen til lokale initiativer.\n      - date: 2018-09-04\n        text: Mødet blev holdt i Multisalen, ikke i Byrådssalen.\n",
    )]);
    // Minutes made after the corrections.
    edit(
        &project
            .path()
            .join("content/documents/byraad-2018-08-28-referat.yaml"),
        "date: 2018-08-29\n",
        "date: 2018-09-05\n",
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    let minutes = text(&out, "byraad-2018-08-28-referat");
    // The decision stands as it was published; the correction follows it.
    says(
        &minutes,
        "deltog ikke i behandlingen af punktet. Rettelse tilført protokollen den 4. september 2018: Tilskuddet finansieres af puljen til foreningsaktiviteter",
    );
    says(
        &minutes,
        "Mødet hævet kl. 20.40. Rettelse tilført protokollen den 4. september 2018: Mødet blev holdt i Multisalen",
    );
}

#[test]
fn a_changed_decision_of_a_published_protocol_is_refused_and_a_correction_is_not() {
    let changed = edited(&[(
        "        decision: Godkendt.\n        vote:\n",
        "        decision: Godkendt med den ændring, at ansøgningen også omfatter beskæftigelse.\n        vote:\n",
    )]);
    let (code, stderr) = check(changed.path());
    assert_eq!(code, Some(1), "{stderr}");
    says(
        &stderr,
        "meetings[3].items[0].decision: item 2: its `decision` differs from the protocol published on 2018-08-29",
    );
    says(&stderr, "the published protocol says: Godkendt.");
    says(&stderr, "content/protokol/byraad-2018-08.yaml");
    // The same change entered as a correction is accepted.
    let corrected = edited(&[(
        "    published: 2018-08-29\n",
        "    published: 2018-08-29\n    corrections:\n      - { date: 2018-09-04, item: 2, text: \"Beslutningen skal lyde: Godkendt med den ændring, at ansøgningen også omfatter beskæftigelse.\" }\n",
    )]);
    let (code, stderr) = check(corrected.path());
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_build_records_a_published_protocol_once() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let record = project.path().join("content/protokol/byraad-2018-08.yaml");
    let shipped = std::fs::read_to_string(&record).unwrap();
    std::fs::remove_file(&record).unwrap();
    let out = project.path().join("output");
    let first = build(project.path(), &out);
    assert_exit(&first, 0);
    says(
        &String::from_utf8_lossy(&first.stdout),
        "recorded the published protocol in content/protokol/byraad-2018-08.yaml",
    );
    // What it records is what the shipped record holds (but for the
    // comment, in the language of whoever built it): the attendance, and
    // every item's title, recommendations, decision, vote, dissents and
    // conflicts.
    let written = std::fs::read_to_string(&record).unwrap();
    let data = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    assert_eq!(data(&written), data(&shipped));
    says(&written, "absent:\n  - Camilla Juhl");
    says(&written, "- member: Rasmus Lykke");
    // Once: a second build leaves it as it is, even after a change.
    std::fs::write(&record, format!("{written}\n")).unwrap();
    let second = build(project.path(), &out);
    assert_exit(&second, 0);
    assert!(!String::from_utf8_lossy(&second.stdout).contains("recorded"));
    assert_eq!(
        std::fs::read_to_string(&record).unwrap(),
        format!("{written}\n")
    );
}

#[test]
fn a_record_that_is_not_yaml_is_an_error_at_its_line() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    let record = project.path().join("content/protokol/byraad-2018-08.yaml");
    std::fs::write(&record, "meeting: byraad-2018-08\npublished: [\n").unwrap();
    let (code, stderr) = check(project.path());
    assert_eq!(code, Some(1), "{stderr}");
    says(&stderr, "error: content/protokol/byraad-2018-08.yaml:");
}

#[test]
fn check_warns_where_the_councils_agenda_went_out_later_than_four_weekdays() {
    // Friday 24 August for Tuesday 28 August: two weekdays (Friday and
    // Monday), where the latest day was Wednesday 22 August.
    let project = edited(&[(
        "    agenda_sent: 2018-08-22\n",
        "    agenda_sent: 2018-08-24\n",
    )]);
    let (code, stderr) = check(project.path());
    assert_eq!(code, Some(0), "{stderr}");
    says(
        &stderr,
        "meetings[3].agenda_sent: the agenda went out on 2018-08-24, 2 weekdays before the meeting of 2018-08-28; kommunestyrelseslovens § 8, stk. 4, asks for 4 weekdays (by 2018-08-22)",
    );
    // In time, as shipped: no warning.
    let (_, shipped) = check(&repo());
    assert!(!shipped.contains("went out on"), "{shipped}");
}

#[test]
fn easter_counts_no_weekdays() {
    // A council meeting on Wednesday 4 April 2018: Maundy Thursday, Good
    // Friday and Easter Monday are holidays, so the agenda was due on
    // Monday 26 March; Tuesday 27 March is late, one weekday short.
    let project = edited(&[
        ("    date: 2018-08-28\n", "    date: 2018-04-04\n"),
        (
            "    agenda_sent: 2018-08-22\n    material_sent: 2018-08-22\n",
            "    agenda_sent: 2018-03-27\n    material_sent: 2018-03-27\n",
        ),
        ("    published: 2018-08-29\n", ""),
    ]);
    std::fs::remove_file(project.path().join("content/protokol/byraad-2018-08.yaml")).unwrap();
    let (_, stderr) = check(project.path());
    says(
        &stderr,
        "the agenda went out on 2018-03-27, 3 weekdays before the meeting of 2018-04-04; kommunestyrelseslovens § 8, stk. 4, asks for 4 weekdays (by 2018-03-26)",
    );
    // The material, due three weekdays before (27 March), is in time.
    assert!(!stderr.contains("the material went out"), "{stderr}");
}

#[test]
fn check_warns_where_the_councils_public_minutes_say_nothing_of_a_closed_items_decision() {
    let unworded = (
        "          public_decision: Styregruppen gav administrationerne et forhandlingsmandat.\n",
        "",
    );
    // The steering group publishes what it chooses: no warning.
    let project = edited(&[unworded]);
    let (code, stderr) = check(project.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("say nothing of the decision"), "{stderr}");
    // The council publishes its closed decisions as far as it may
    // (kommunestyrelseslovens § 8, stk. 7).
    let project = edited(&[
        unworded,
        (
            "    secretariat: vallensbaek\n",
            "    secretariat: vallensbaek\n    body_kind: council\n",
        ),
    ]);
    let (code, stderr) = check(project.path());
    assert_eq!(code, Some(0), "{stderr}");
    says(
        &stderr,
        "warning: content/moeder.yaml:63:11: meetings[1].items[2].closed: the public minutes `content/documents/styregruppe-2017-06-19-referat.yaml` say nothing of the decision on the closed item 3",
    );
}

/// The title of each bookmark of `doc`, depth first.
fn outline(doc: &Document) -> Vec<String> {
    fn titles(doc: &Document, mut node: Option<lopdf::ObjectId>, into: &mut Vec<String>) {
        while let Some(id) = node {
            let entry = doc.get_dictionary(id).unwrap();
            let title = entry.get(b"Title").unwrap();
            let title = match title {
                Object::String(bytes, _) => lopdf::decode_text_string(title)
                    .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
                _ => panic!("a title that is not a string"),
            };
            into.push(title);
            if let Ok(Object::Reference(first)) = entry.get(b"First") {
                titles(doc, Some(*first), into);
            }
            node = match entry.get(b"Next") {
                Ok(Object::Reference(next)) => Some(*next),
                _ => None,
            };
        }
    }
    let catalog = doc.catalog().unwrap();
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut all = Vec::new();
    titles(
        doc,
        outlines
            .get(b"First")
            .ok()
            .map(|f| f.as_reference().unwrap()),
        &mut all,
    );
    all
}

/// The page labels of `doc`, one per page, as a reader shows them.
fn page_labels(doc: &Document) -> Vec<String> {
    let catalog = doc.catalog().unwrap();
    let labels = match catalog.get(b"PageLabels").unwrap() {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        _ => panic!("page labels that are not a number tree"),
    };
    let nums = labels.get(b"Nums").unwrap().as_array().unwrap();
    let mut starts: Vec<(usize, String, i64)> = Vec::new();
    for pair in nums.chunks(2) {
        let index = pair[0].as_i64().unwrap() as usize;
        let label = match &pair[1] {
            Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
            Object::Dictionary(d) => d,
            _ => panic!("a page label that is not a dictionary"),
        };
        let prefix = label
            .get(b"P")
            .ok()
            .map(|p| lopdf::decode_text_string(p).unwrap())
            .unwrap_or_default();
        let start = label.get(b"St").map_or(1, |s| s.as_i64().unwrap());
        starts.push((index, prefix, start));
    }
    let pages = doc.get_pages().len();
    (0..pages)
        .map(|page| {
            let (index, prefix, start) = starts
                .iter()
                .rev()
                .find(|(index, _, _)| *index <= page)
                .unwrap();
            format!("{prefix}{}", start + (page - index) as i64)
        })
        .collect()
}

#[test]
fn the_minutes_are_one_pdf_with_the_annexes_bookmarked_and_labelled() {
    let out = built_default();
    let internal =
        Document::load(out.path().join("styregruppe-2017-06-19-referat-intern.pdf")).unwrap();
    let public = Document::load(out.path().join("styregruppe-2017-06-19-referat.pdf")).unwrap();
    // A bookmark for each item (with its headings) and each annex, named
    // by its item and number as the items cite them.
    let bookmarks = outline(&internal);
    for title in [
        "1. Strategi for det forpligtende samarbejde",
        "2. Afregning af ydelser mellem kommunerne",
        "3. Forhandlingsmandat om fagsystem til jobcentret\u{a0}(Lukket)",
        "Punkt 1 · Bilag 1: Tidsplan for arbejdet med en fælles strategi",
        "Punkt 2 · Bilag 1: Lønudgifter til medarbejdere, der løser opgaver for begge kommuner (lukket bilag)",
    ] {
        assert!(
            bookmarks.iter().any(|b| b == title),
            "no bookmark `{title}` in {bookmarks:?}"
        );
    }
    // The pages of the minutes by their number, each annex's by its item,
    // its number and its own page.
    let labels = page_labels(&internal);
    let n = labels.len();
    assert_eq!(
        &labels[n - 2..],
        ["Punkt 1, bilag 1, side 1", "Punkt 2, bilag 1, side 1"],
        "{labels:?}"
    );
    assert_eq!(labels[0], "1");
    // The public bundle lists the closed annex but leaves its pages out.
    let public_bookmarks = outline(&public);
    assert!(
        !public_bookmarks.iter().any(|b| b.contains("Lønudgifter")),
        "{public_bookmarks:?}"
    );
    let public_labels = page_labels(&public);
    assert_eq!(
        public_labels.last().unwrap(),
        "Punkt 1, bilag 1, side 1",
        "{public_labels:?}"
    );
    assert!(
        !public_labels.iter().any(|l| l.starts_with("Punkt 2")),
        "{public_labels:?}"
    );
    let public_text = pdf_text(&out.path().join("styregruppe-2017-06-19-referat.pdf"));
    says(
        &public_text,
        "Bilag 1: Lønudgifter til medarbejdere, der løser opgaver for begge kommuner (lukket bilag)",
    );
    assert!(!public_text.contains("Medarbejder 1"), "{public_text}");
    let internal_text = pdf_text(&out.path().join("styregruppe-2017-06-19-referat-intern.pdf"));
    // The annex's text is drawn, not text: PDF/A and PDF/UA forbid
    // embedding a PDF, so its pages are drawings with alt text.
    assert!(!internal_text.contains("Medarbejder 1"));
}

#[test]
fn a_document_without_annex_pages_has_no_page_labels_of_its_own() {
    let out = built_default();
    let strategy = Document::load(out.path().join("strategi.pdf")).unwrap();
    assert!(strategy.catalog().unwrap().get(b"PageLabels").is_err());
}

#[test]
fn an_annex_of_a_letter_is_labelled_by_its_number() {
    let out = built_default();
    let letter = Document::load(out.path().join("ansoegning-1.pdf")).unwrap();
    let labels = page_labels(&letter);
    assert!(labels.iter().any(|l| l == "Bilag 3, side 1"), "{labels:?}");
}

#[test]
fn a_letter_appends_a_closed_item_and_a_closed_annex_as_the_public_papers_show_them() {
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    std::fs::copy(
        repo().join("content/bilag/loenudgifter.pdf"),
        project.path().join("content/bilag/kort.pdf"),
    )
    .unwrap();
    edit(
        &project.path().join("content/ansoegninger.yaml"),
        "      - document: strategi\n      - meeting: styregruppe-2017-06\n      - minutes: { meeting: byraad-2018-08, item: 2 }\n",
        "      - document: strategi\n        file: content/bilag/kort.pdf\n        public: false\n      - meeting: styregruppe-2017-06\n      - minutes: { meeting: byraad-2018-08, item: 2 }\n      - minutes: { meeting: styregruppe-2017-06, item: 3 }\n",
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    let letter = text(&out, "ansoegning-1");
    says(
        &letter,
        "Bilag 1: Udkast til strategi for det forpligtende samarbejde af 21. august 2017 (lukket bilag)",
    );
    says(
        &letter,
        "3. Lukket punkt: Forhandlingsmandat Styregruppen gav administrationerne et forhandlingsmandat.",
    );
    assert!(!letter.contains("forlængelse af kontrakten"), "{letter}");
    // The closed annex is listed, and its pages are not there.
    let doc = Document::load(out.path().join("ansoegning-1.pdf")).unwrap();
    let labels = page_labels(&doc);
    assert!(
        !labels.iter().any(|l| l.starts_with("Bilag 1,")),
        "{labels:?}"
    );
    // The extract of an illustrative protocol says so.
    says(
        &letter,
        "Eksempel: Medlemmernes navne (bortset fra borgmesterens)",
    );
}

#[test]
fn papers_show_only_what_was_there_by_their_date() {
    let project = edited(&[(
        "    published: 2018-08-29\n",
        "    published: 2018-08-29\n    corrections:\n      - { date: 2018-12-01, item: 1, text: Dagsordenen blev godkendt med en ændret rækkefølge af punkterne. }\n",
    )]);
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    // The minutes of 29 August and the letter of 3 September were made
    // before the correction of 1 December.
    let minutes = text(&out, "byraad-2018-08-28-referat");
    assert!(!minutes.contains("Rettelse"), "{minutes}");
    // Minutes of a later date print it, under the standard item it
    // corrects.
    edit(
        &project
            .path()
            .join("content/documents/byraad-2018-08-28-referat.yaml"),
        "date: 2018-08-29\n",
        "date: 2018-12-02\n",
    );
    assert_exit(&build(project.path(), out.path()), 0);
    let minutes = text(&out, "byraad-2018-08-28-referat");
    says(
        &minutes,
        "1. Godkendelse af dagsorden Godkendt. Rettelse tilført protokollen den 1. december 2018: Dagsordenen blev godkendt med en ændret rækkefølge af punkterne.",
    );
}

#[test]
fn a_closed_supplementary_item_is_listed_without_its_reason_in_public() {
    let project = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("examples/dragoer-taarnby"), project.path());
    // The built-in templates, as the example's own are the repository's.
    edit(
        &project.path().join("dokgen.yaml"),
        "templates: ../../templates\n",
        "",
    );
    edit(
        &project.path().join("content/moeder.yaml"),
        "        case_number: 21/00498\n",
        "        case_number: 21/00498\n        closed:\n          public_title: Kontraktforhold\n          basis: \"kommunestyrelseslovens § 10, stk. 1, nr. 6\"\n          public_decision: Aftalen blev forlænget.\n",
    );
    let out = tempfile::tempdir().unwrap();
    assert_exit(&build(project.path(), out.path()), 0);
    let supplementary = text(&out, "kommunalbestyrelse-2021-01-28-tillaegsdagsorden");
    says(
        &supplementary,
        "3. Lukket punkt: Kontraktforhold Tillægspunkt, optaget på dagsordenen den 26. januar 2021.",
    );
    assert!(!supplementary.contains("udløber"), "{supplementary}");
    let minutes = text(&out, "kommunalbestyrelse-2021-01-28-referat");
    says(&minutes, "Aftalen blev forlænget.");
    assert!(!minutes.contains("vognmandsforretning"), "{minutes}");
}
