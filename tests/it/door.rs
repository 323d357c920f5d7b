//! The one door to a project's files: for each kind of file a project
//! names (facts, prose, template, annex, image, font, and a manifest's
//! inputs), a symbolic link out of the project, a link to `/dev/zero`, a
//! pipe and a file over its size limit are refused, each with an error
//! that names the file, and never read, hung on or crashed on.

#![cfg(unix)]

use crate::common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::{assert_exit, copy_default_project, dokgen};

/// A copy of the default project, and a secret file outside it.
fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("projekt");
    std::fs::create_dir(&project).unwrap();
    copy_default_project(&project);
    let secret = dir.path().join("hemmelig.md");
    std::fs::write(&secret, "HEMMELIGT INDHOLD fra uden for projektet\n").unwrap();
    (dir, project, secret)
}

/// Replaces the file at `path` with a symbolic link to `target`.
fn link(path: &Path, target: &Path) {
    let _ = std::fs::remove_file(path);
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// Replaces the file at `path` with a named pipe.
fn fifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// Runs `dokgen check` on `project`, which must fail within a minute and
/// without a panic, with `expected` in its messages; the secret never
/// appears.
fn refused(project: &Path, expected: &[&str]) {
    let started = Instant::now();
    let out = dokgen(&["check", project.to_str().unwrap()]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert_exit(&out, 1);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("panicked"), "{all}");
    assert!(!all.contains("HEMMELIGT"), "{all}");
    for e in expected {
        assert!(all.contains(e), "`{e}` is not in:\n{all}");
    }
}

const PROSE: &str = "content/prosa/strategi/baggrund.md";

#[test]
fn a_prose_file_linked_out_of_the_project_is_not_read() {
    let (_dir, project, secret) = project();
    link(&project.join(PROSE), &secret);
    refused(
        &project,
        &[
            "content/documents/strategi.yaml:10:13",
            "the prose file `content/prosa/strategi/baggrund.md` is not read: it leads outside the project folder",
        ],
    );
}

#[test]
fn a_prose_file_linked_to_dev_zero_is_not_read() {
    let (_dir, project, _) = project();
    link(&project.join(PROSE), Path::new("/dev/zero"));
    refused(
        &project,
        &["baggrund.md` is not read: it leads outside the project folder"],
    );
}

#[test]
fn a_prose_file_that_is_a_pipe_is_not_read() {
    let (_dir, project, _) = project();
    fifo(&project.join(PROSE));
    refused(
        &project,
        &["baggrund.md` is not read: it is not a regular file"],
    );
}

#[test]
fn a_prose_file_over_its_limit_is_not_read() {
    let (_dir, project, _) = project();
    let config = project.join("dokgen.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}limits: {{ prose: 1 }}\n")).unwrap();
    std::fs::write(project.join(PROSE), "Ord og ord. ".repeat(100_000)).unwrap();
    refused(
        &project,
        &[
            "baggrund.md` is not read: it is 1.2 MB, more than the 1 MB a prose file may be",
            "limits: { prose: … }",
        ],
    );
}

#[test]
fn a_fact_file_linked_out_of_the_project_is_not_read() {
    let (dir, project, _) = project();
    let outside = dir.path().join("ude.yaml");
    std::fs::write(&outside, "rules: { sustainable_size: 1 }\n").unwrap();
    link(&project.join("content/ude.yaml"), &outside);
    refused(
        &project,
        &[
            "content/ude.yaml",
            "is not read: it leads outside the project folder",
        ],
    );
}

#[test]
fn a_fact_file_that_is_a_pipe_is_not_read() {
    let (_dir, project, _) = project();
    fifo(&project.join("content/ror.yaml"));
    refused(&project, &["content/ror.yaml", "it is not a regular file"]);
}

#[test]
fn a_template_linked_out_of_the_project_is_not_read() {
    let (_dir, project, secret) = project();
    link(&project.join("templates/partials/person.typ.tera"), &secret);
    refused(
        &project,
        &[
            "templates/partials/person.typ.tera",
            "it leads outside the project folder",
        ],
    );
}

#[test]
fn an_annex_linked_out_of_the_project_is_not_read() {
    let (dir, project, _) = project();
    let outside = dir.path().join("ude.pdf");
    std::fs::write(&outside, "%PDF-1.7\n").unwrap();
    std::fs::create_dir_all(project.join("bilag")).unwrap();
    link(&project.join("bilag/ude.pdf"), &outside);
    common::edit(
        &project.join("content/ansoegninger.yaml"),
        "      - document: strategi\n      - meeting",
        "      - document: strategi\n        file: bilag/ude.pdf\n      - meeting",
    );
    refused(
        &project,
        &[
            "content/ansoegninger.yaml",
            "the annex `bilag/ude.pdf` is not read: it leads outside the project folder",
        ],
    );
}

#[test]
fn an_image_linked_out_of_the_project_is_not_read() {
    let (dir, project, _) = project();
    let outside = dir.path().join("ude.svg");
    std::fs::write(
        &outside,
        "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>",
    )
    .unwrap();
    link(&project.join("content/prosa/strategi/kort.svg"), &outside);
    common::edit(
        &project.join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved",
        "![Kort](kort.svg)\n\nUlemperne ved",
    );
    refused(
        &project,
        &[
            "content/prosa/strategi/udbytte.md",
            "leads outside the project folder",
        ],
    );
}

#[test]
fn a_font_linked_out_of_the_project_is_not_read() {
    let (dir, project, _) = project();
    let outside = dir.path().join("ude.ttf");
    std::fs::copy(
        common::repo().join("assets/fonts/open-sans/OpenSans-Regular.ttf"),
        &outside,
    )
    .unwrap();
    std::fs::create_dir_all(project.join("fonts")).unwrap();
    link(&project.join("fonts/ude.ttf"), &outside);
    refused(
        &project,
        &[
            "fonts/ude.ttf",
            "the font is not read: it leads outside the project folder",
        ],
    );
}

#[test]
fn a_broken_font_collection_is_an_error_not_a_crash() {
    let (_dir, project, _) = project();
    std::fs::create_dir_all(project.join("fonts")).unwrap();
    let mut data = b"ttcf\x00\x01\x00\x00\xff\xff\xff\xff".to_vec();
    data.resize(212, 0);
    std::fs::write(project.join("fonts/brudt.ttc"), data).unwrap();
    refused(
        &project,
        &["fonts/brudt.ttc", "this file is not a font Typst can read"],
    );
}

#[test]
fn a_manifest_that_names_a_pipe_or_a_file_outside_is_not_read() {
    let (dir, project, secret) = project();
    let out = project.join("output");
    assert_exit(&common::build(&project, &out), 0);
    // Someone's manifest names a pipe in the project and a file outside
    // it as inputs: a build neither hangs on the one nor reads the other,
    // and makes the documents anew.
    fifo(&project.join("ror"));
    let manifest = out.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let outside = format!("../{}", secret.strip_prefix(dir.path()).unwrap().display());
    let text = text
        .replacen(
            "\"path\": \"content/strategi.yaml\"",
            "\"path\": \"ror\"",
            1,
        )
        .replacen(
            "\"path\": \"dokgen.yaml\"",
            &format!("\"path\": \"{outside}\""),
            1,
        );
    std::fs::write(&manifest, text).unwrap();
    let started = Instant::now();
    let again = common::build(&project, &out);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_exit(&again, 0);
    assert!(String::from_utf8_lossy(&again.stdout).contains("made"));
}

#[test]
fn a_manifest_that_is_a_pipe_or_a_link_out_is_not_read() {
    let (_dir, project, secret) = project();
    let root = project.to_str().unwrap();
    assert_exit(&dokgen(&["build", root]), 0);
    let manifest = project.join("output/manifest.json");
    let zero = Path::new("/dev/zero");
    for replace in [
        &(|m: &Path| fifo(m)) as &dyn Fn(&Path),
        &|m: &Path| link(m, zero),
        &|m: &Path| link(m, &secret),
    ] {
        replace(&manifest);
        // Neither hung on nor read: the documents are made anew, and the
        // manifest written in its place.
        let started = Instant::now();
        let again = dokgen(&["build", root]);
        assert!(started.elapsed() < Duration::from_secs(60));
        assert_exit(&again, 0);
        assert!(
            String::from_utf8_lossy(&again.stdout)
                .contains(&format!("{} made", common::shipped_documents()))
        );
        assert!(std::fs::symlink_metadata(&manifest).unwrap().is_file());
    }
    assert!(
        std::fs::read_to_string(&secret)
            .unwrap()
            .starts_with("HEMMELIGT")
    );
}

#[test]
fn an_output_folder_linked_out_of_the_project_is_refused() {
    let (dir, project, _) = project();
    let elsewhere = dir.path().join("andetsteds");
    std::fs::create_dir(&elsewhere).unwrap();
    link(&project.join("output"), &elsewhere);
    let out = dokgen(&["build", project.to_str().unwrap()]);
    assert_exit(&out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`output` leads outside the project folder"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

/// Runs `dokgen templates --eject --force` in `project`; returns its
/// output.
fn eject(project: &Path, files: &[&str]) -> std::process::Output {
    let mut args = vec![
        "templates",
        "--project",
        project.to_str().unwrap(),
        "--eject",
        "--force",
    ];
    args.extend_from_slice(files);
    dokgen(&args)
}

#[test]
fn eject_does_not_write_through_a_link_to_a_file_outside() {
    let (dir, project, _) = project();
    let victim = dir.path().join("offer.typ");
    std::fs::write(&victim, "uberørt\n").unwrap();
    link(&project.join("templates/dokgen.typ"), &victim);
    let out = eject(&project, &["dokgen.typ"]);
    assert_exit(&out, 0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "uberørt\n");
    // The link was replaced by the file, inside the project.
    let meta = std::fs::symlink_metadata(project.join("templates/dokgen.typ")).unwrap();
    assert!(meta.is_file());
}

#[test]
fn eject_does_not_write_through_a_folder_linked_out() {
    let (dir, project, _) = project();
    let elsewhere = dir.path().join("andetsteds");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::remove_dir_all(project.join("templates/partials")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, project.join("templates/partials")).unwrap();
    let out = eject(&project, &["partials/person.typ.tera"]);
    assert_exit(&out, 1);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not written"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn eject_does_not_write_into_a_templates_folder_outside_the_project() {
    let (dir, project, _) = project();
    let shared = dir.path().join("faelles");
    std::fs::create_dir(&shared).unwrap();
    std::fs::write(shared.join("dokgen.typ"), "// fælles\n").unwrap();
    common::edit(
        &project.join("dokgen.yaml"),
        "proper_names:",
        "templates: ../faelles\nproper_names:",
    );
    let out = eject(&project, &["dokgen.typ"]);
    assert_exit(&out, 1);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("lies outside the project"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(shared.join("dokgen.typ")).unwrap(),
        "// fælles\n"
    );
}
