//! A corpus of broken projects (`tests/bad/*.yaml`), each the default
//! project with one mistake an administrator could make. For each, the real
//! binary must fail with exit code 1 and a message that names the right
//! file and line, `dokgen build` saying what `dokgen check` says; the whole
//! message is snapshotted for review.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{
    DANISH_ONLY, ENGLISH_ONLY, assert_exit, binary_in_danish, copy_default_project, dokgen, edit,
    pdfs, prose_of, repo, words_of,
};
use serde::Deserialize;

/// One broken project: edits to the default project.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What is wrong, in a sentence.
    description: String,
    /// Text replaced in files of the default project.
    #[serde(default)]
    edits: Vec<Edit>,
    /// Files added to it.
    #[serde(default)]
    write: BTreeMap<String, String>,
    /// Files added to it as bytes, written in hexadecimal (spaces and line
    /// breaks ignored): fonts, images, text that is not UTF-8.
    #[serde(default)]
    bytes: BTreeMap<String, String>,
    /// Files added to it as one text repeated: a file of megabytes.
    #[serde(default)]
    repeat: BTreeMap<String, Repeat>,
    /// Symbolic links put in it (replacing any file there), to their
    /// targets: `/etc/passwd`, `/dev/zero`.
    #[serde(default)]
    links: BTreeMap<String, String>,
    /// Named pipes put in it (replacing any file there).
    #[serde(default)]
    pipes: Vec<String>,
    /// Text the error output must contain (its file and line, or the point
    /// of the message), whatever the snapshot says.
    expect: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Repeat {
    text: String,
    times: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    replace: String,
}

/// What dokgen said of the case, in English and in Danish.
struct Said {
    english: String,
    danish: String,
}

fn run_case(path: &Path) -> Said {
    let case: Case = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let project = tempfile::tempdir().unwrap();
    copy_default_project(project.path());
    // The PDFs of the project as it was, which the failed build must leave
    // as they are.
    let out = tempfile::tempdir().unwrap();
    assert_exit(&common::build(project.path(), out.path()), 0);
    let before = pdfs(out.path());
    for e in &case.edits {
        edit(&project.path().join(&e.file), &e.find, &e.replace);
    }
    for (file, text) in &case.write {
        std::fs::write(place(project.path(), file), text).unwrap();
    }
    for (file, hex) in &case.bytes {
        std::fs::write(place(project.path(), file), from_hex(hex)).unwrap();
    }
    for (file, Repeat { text, times }) in &case.repeat {
        std::fs::write(place(project.path(), file), text.repeat(*times)).unwrap();
    }
    for (file, target) in &case.links {
        std::os::unix::fs::symlink(target, place(project.path(), file)).unwrap();
    }
    for file in &case.pipes {
        let at = place(project.path(), file);
        let path = std::ffi::CString::new(at.to_str().unwrap()).unwrap();
        // SAFETY: `path` is a NUL-terminated string that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o644) }, 0);
    }
    let output = dokgen(&["check", project.path().to_str().unwrap()]);
    assert_exit(&output, 1);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&case.expect),
        "{} ({}): expected `{}` in:\n{stderr}",
        path.display(),
        case.description,
        case.expect
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The same, as a Danish user reads it: Danish only, apart from what
    // the user wrote; and the English has no Danish words of dokgen's.
    let danish = binary_in_danish()
        .args(["check", project.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_exit(&danish, 1);
    let danish = String::from_utf8(danish.stderr).unwrap();
    let english_in_danish = words_of(&prose_of(&danish), ENGLISH_ONLY);
    assert!(
        english_in_danish.is_empty(),
        "{}: English words {english_in_danish:?} in the Danish messages:\n{danish}",
        path.display()
    );
    let danish_in_english = words_of(&prose_of(&stderr), DANISH_ONLY);
    assert!(
        danish_in_english.is_empty(),
        "{}: Danish words {danish_in_english:?} in the English messages:\n{stderr}",
        path.display()
    );
    // A build reports the same problems, in the same words, and leaves
    // every PDF it does not write again as it was.
    let built = common::build(project.path(), out.path());
    assert_exit(&built, 1);
    assert_eq!(
        String::from_utf8(built.stderr).unwrap(),
        stderr,
        "{}: `dokgen build` and `dokgen check` disagree",
        path.display()
    );
    let stdout = String::from_utf8(built.stdout).unwrap();
    let after = pdfs(out.path());
    for (name, bytes) in &before {
        let rewritten = stdout
            .lines()
            .any(|l| l.starts_with("wrote ") && l.contains(&format!("/{name} ")));
        assert!(
            rewritten || after.get(name) == Some(bytes),
            "{}: {name} was changed by a failed build",
            path.display()
        );
    }
    Said {
        english: format!("{}\n\n{stderr}", case.description),
        danish: format!("{}\n\n{danish}", case.description),
    }
}

/// The path of `file` in the project at `root`, its folder made and any
/// file there removed.
fn place(root: &Path, file: &str) -> std::path::PathBuf {
    let at = root.join(file);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&at);
    at
}

/// The bytes written in hexadecimal in `hex`, whitespace ignored.
fn from_hex(hex: &str) -> Vec<u8> {
    let digits: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

/// Runs the case `name` (`tests/bad/<name>.yaml`) and snapshots what
/// dokgen said, in English and in Danish.
fn check_case(name: &str) {
    let said = run_case(&repo().join("tests/bad").join(format!("{name}.yaml")));
    insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("bad", said.english);
        insta::assert_snapshot!("bad-da", said.danish);
    });
}

/// One test per case, so that every case that fails is listed.
macro_rules! cases {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check_case($name);
            }
        )*

        /// The names of the cases above.
        const CASES: &[&str] = &[$($name),*];
    };
}

cases! {
    a11y_image_without_alt => "a11y-image-without-alt",
    a11y_no_title => "a11y-no-title",
    a11y_skipped_heading => "a11y-skipped-heading",
    a11y_table_without_header => "a11y-table-without-header",
    absentee_not_a_member => "absentee-not-a-member",
    aliases_multiply_a_file => "aliases-multiply-a-file",
    annex_breaks_pdf_a => "annex-breaks-pdf-a",
    annex_not_a_pdf => "annex-not-a-pdf",
    annex_title_without_date => "annex-title-without-date",
    annex_unknown_document => "annex-unknown-document",
    applicant_not_concerned => "applicant-not-concerned",
    application_starts_before_its_date => "application-starts-before-its-date",
    area_in_no_application => "area-in-no-application",
    area_in_two_applications => "area-in-two-applications",
    attendance_absent_without_notice_not_a_member => "attendance-absent-without-notice-not-a-member",
    attendance_conflicted_member_absent => "attendance-conflicted-member-absent",
    attendance_partly_after_the_last_item => "attendance-partly-after-the-last-item",
    attendance_partly_reversed => "attendance-partly-reversed",
    attendance_substitute_for_a_member_present => "attendance-substitute-for-a-member-present",
    batch_empty_collection => "batch-empty-collection",
    batch_unknown_field => "batch-unknown-field",
    batch_without_field_in_output => "batch-without-field-in-output",
    closed_item_without_basis => "closed-item-without-basis",
    closed_under_section_10_by_a_steering_group => "closed-under-section-10-by-a-steering-group",
    contact_is_an_office => "contact-is-an-office",
    contact_unreachable => "contact-unreachable",
    correction_dated_before_publication => "correction-dated-before-publication",
    correction_of_an_item_the_meeting_does_not_have => "correction-of-an-item-the-meeting-does-not-have",
    decision_at_item_without_decision => "decision-at-item-without-decision",
    decision_at_standard_item => "decision-at-standard-item",
    decision_in_place_not_annexed => "decision-in-place-not-annexed",
    defaults_author_unknown => "defaults-author-unknown",
    direction_isolate_in_a_key => "direction-isolate-in-a-key",
    direction_isolate_in_a_typst_file => "direction-isolate-in-a-typst-file",
    direction_override_around_a_figure => "direction-override-around-a-figure",
    direction_override_as_a_character_reference => "direction-override-as-a-character-reference",
    direction_override_as_an_escape => "direction-override-as-an-escape",
    direction_override_in_a_name => "direction-override-in-a-name",
    direction_override_in_a_template => "direction-override-in-a-template",
    dissent_by_a_member_who_voted_for => "dissent-by-a-member-who-voted-for",
    document_before_first_figure => "document-before-first-figure",
    document_date_differs => "document-date-differs",
    document_date_out_of_range => "document-date-out-of-range",
    duplicate_application_id => "duplicate-application-id",
    duplicate_key => "duplicate-key",
    duplicate_municipality_in_one_file => "duplicate-municipality-in-one-file",
    duplicate_phase => "duplicate-phase",
    duplicate_prose_key => "duplicate-prose-key",
    duplicate_setting => "duplicate-setting",
    duplicate_year => "duplicate-year",
    duplicate_year_in_volumes => "duplicate-year-in-volumes",
    duplicate_year_quoted => "duplicate-year-quoted",
    duplicate_year_written_in_hexadecimal => "duplicate-year-written-in-hexadecimal",
    duplicate_year_written_with_a_sign => "duplicate-year-written-with-a-sign",
    errors_in_two_files => "errors-in-two-files",
    extract_dated_before_the_meeting => "extract-dated-before-the-meeting",
    extract_of_an_item_the_meeting_does_not_have => "extract-of-an-item-the-meeting-does-not-have",
    extract_without_an_item => "extract-without-an-item",
    facts_link_outside => "facts-link-outside",
    facts_not_utf8 => "facts-not-utf8",
    facts_over_limit => "facts-over-limit",
    facts_pipe => "facts-pipe",
    first_phase_four_areas => "first-phase-four-areas",
    font_collection_claims_too_many => "font-collection-claims-too-many",
    formats_default_twice => "formats-default-twice",
    formats_none => "formats-none",
    formats_unknown => "formats-unknown",
    hole_empty_list_in_prose => "hole-empty-list-in-prose",
    hole_empty_string => "hole-empty-string",
    hole_missing_optional_value => "hole-missing-optional-value",
    image_too_many_pixels => "image-too-many-pixels",
    impossible_date => "impossible-date",
    internal_papers_public_name => "internal-papers-public-name",
    kind_field_of_another => "kind-field-of-another",
    kind_papers_without_meeting => "kind-papers-without-meeting",
    kind_two_in_one => "kind-two-in-one",
    kind_unknown => "kind-unknown",
    law_act_as_text => "law-act-as-text",
    law_cited_loosely => "law-cited-loosely",
    letter_applicant_unsigned => "letter-applicant-unsigned",
    letter_without_council_decisions => "letter-without-council-decisions",
    letter_without_ministry_decision => "letter-without-ministry-decision",
    logo_empty_png => "logo-empty-png",
    logo_link_outside => "logo-link-outside",
    meeting_ends_before_it_begins => "meeting-ends-before-it-begins",
    member_is_a_placeholder => "member-is-a-placeholder",
    merger_range_reversed => "merger-range-reversed",
    minutes_without_decision => "minutes-without-decision",
    minutes_without_minute_taker => "minutes-without-minute-taker",
    missing_field => "missing-field",
    missing_logo => "missing-logo",
    missing_markdown_file => "missing-markdown-file",
    missing_volume => "missing-volume",
    municipality_defined_twice => "municipality-defined-twice",
    negative_population => "negative-population",
    negative_price => "negative-price",
    negative_volume => "negative-volume",
    no_official_in_office => "no-official-in-office",
    non_ascii_id => "non-ascii-id",
    output_name_clash => "output-name-clash",
    output_name_control_character => "output-name-control-character",
    output_name_reserved => "output-name-reserved",
    output_name_too_long => "output-name-too-long",
    output_name_with_a_quote => "output-name-with-a-quote",
    output_names_differ_by_case => "output-names-differ-by-case",
    output_names_differ_by_unicode_form => "output-names-differ-by-unicode-form",
    overlapping_terms => "overlapping-terms",
    overprint_name_too_long => "overprint-name-too-long",
    pdf_standards_incompatible => "pdf-standards-incompatible",
    percent_almost_two_decimals => "percent-almost-two-decimals",
    percent_not_a_number => "percent-not-a-number",
    percent_over_range => "percent-over-range",
    percent_tiny => "percent-tiny",
    placeholder_in_capitals => "placeholder-in-capitals",
    placeholder_in_title => "placeholder-in-title",
    placeholder_signatory => "placeholder-signatory",
    population_more_than_denmark => "population-more-than-denmark",
    project_name_null => "project-name-null",
    prose_file_empty => "prose-file-empty",
    prose_include_outside => "prose-include-outside",
    prose_link_outside => "prose-link-outside",
    prose_link_to_device => "prose-link-to-device",
    prose_loops_over_budget => "prose-loops-over-budget",
    prose_not_utf8 => "prose-not-utf8",
    prose_over_limit => "prose-over-limit",
    prose_pipe => "prose-pipe",
    prose_range_loops => "prose-range-loops",
    prose_replace_squares_a_text => "prose-replace-squares-a-text",
    protocol_published_before_the_meeting => "protocol-published-before-the-meeting",
    protocol_record_of_no_meeting => "protocol-record-of-no-meeting",
    provision_unknown_order => "provision-unknown-order",
    publication_accent_low_contrast => "publication-accent-low-contrast",
    publication_accent_not_a_colour => "publication-accent-not-a-colour",
    publication_folder_climbs => "publication-folder-climbs",
    publication_logo_outside => "publication-logo-outside",
    publication_unknown_setting => "publication-unknown-setting",
    published_attendance_changed => "published-attendance-changed",
    published_correction_taken_out => "published-correction-taken-out",
    published_decision_changed_without_a_correction => "published-decision-changed-without-a-correction",
    published_dissent_reworded => "published-dissent-reworded",
    published_protocol_given_a_new_item => "published-protocol-given-a-new-item",
    recommendation_with_at => "recommendation-with-at",
    rules_size_implausible => "rules-size-implausible",
    section_given_twice => "section-given-twice",
    settlement_salary_overflows => "settlement-salary-overflows",
    settlement_volume_overflows => "settlement-volume-overflows",
    signatory_chair_absent => "signatory-chair-absent",
    soft_hyphen_in_a_placeholder => "soft-hyphen-in-a-placeholder",
    supplementary_agenda_sent_after_the_meeting => "supplementary-agenda-sent-after-the-meeting",
    supplementary_agenda_without_supplementary_items => "supplementary-agenda-without-supplementary-items",
    supplementary_item_before_an_ordinary_one => "supplementary-item-before-an-ordinary-one",
    supplementary_item_without_reason => "supplementary-item-without-reason",
    svg_carries_too_many_pixels => "svg-carries-too-many-pixels",
    svg_external_entity => "svg-external-entity",
    svg_filter_blur_larger_than_the_drawing => "svg-filter-blur-larger-than-the-drawing",
    svg_filter_region_huge => "svg-filter-region-huge",
    svg_filter_region_huge_in_percent => "svg-filter-region-huge-in-percent",
    svg_filter_takes_minutes => "svg-filter-takes-minutes",
    svg_links_image_bomb => "svg-links-image-bomb",
    syntax_error => "syntax-error",
    tab_indentation => "tab-indentation",
    template_link_outside => "template-link-outside",
    template_syntax_error => "template-syntax-error",
    templates_folder_holds_project => "templates-folder-holds-project",
    templates_folder_missing => "templates-folder-missing",
    text_control_character => "text-control-character",
    text_empty => "text-empty",
    text_null => "text-null",
    text_tilde_in_list => "text-tilde-in-list",
    thousands_point => "thousands-point",
    typst_endless_recursion => "typst-endless-recursion",
    typst_image_too_many_pixels => "typst-image-too-many-pixels",
    typst_loop_over_budget => "typst-loop-over-budget",
    typst_package => "typst-package",
    typst_read_outside => "typst-read-outside",
    typst_text_exhausts_memory => "typst-text-exhausts-memory",
    undefined_in_prose => "undefined-in-prose",
    unknown_application_area => "unknown-application-area",
    unknown_author => "unknown-author",
    unknown_fact_in_at_clause => "unknown-fact-in-at-clause",
    unknown_field => "unknown-field",
    unknown_meeting => "unknown-meeting",
    unknown_reference => "unknown-reference",
    unknown_signatory => "unknown-signatory",
    unknown_template => "unknown-template",
    unsorted_years => "unsorted-years",
    vote_by_a_conflicted_member => "vote-by-a-conflicted-member",
    vote_by_a_member_away_from_the_item => "vote-by-a-member-away-from-the-item",
    wrong_type => "wrong-type",
    yaml_alias_bomb => "yaml-alias-bomb",
    yaml_deep_nesting => "yaml-deep-nesting",
    yaml_read_apart => "yaml-read-apart",
    zero_width_space_in_a_placeholder => "zero-width-space-in-a-placeholder",
}

#[test]
fn every_file_of_the_corpus_is_a_case() {
    let mut files: Vec<String> = std::fs::read_dir(repo().join("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files, CASES,
        "add each file of tests/bad/ to `cases!` (and remove those that are gone)"
    );
    assert!(CASES.len() >= 100, "the corpus has {} cases", CASES.len());
}
