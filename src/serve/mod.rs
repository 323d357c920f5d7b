//! `dokgen serve`: the preview in a browser.
//!
//! Takes a project folder; gives a local web page that lists its documents
//! and shows the one chosen as its reader will see it, updated in place at
//! each save, with the errors over the last good pages where a document
//! fails. Three parts, each on its own thread: the [`watch`] of the
//! project folder tells the [`Preview`] which files changed; the preview
//! makes again what they touch, in one warm session; the [`http`] server
//! streams each new state to the open pages, which fetch only the page
//! drawings that changed.
//!
//! It writes nothing unless asked (`--write`); then, after each change,
//! exactly what `dokgen build` writes, holding the output folder's lock
//! for as long as it runs.

mod http;
pub mod preview;
mod view;
mod watch;
mod wire;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::build::{self, DiskSink, Event};
use crate::diagnostic::{Diagnostic, Error, Result, io_reason};
use crate::message::Message;
use crate::msg;
use crate::project::Project;
use preview::{Preview, Update};

/// The page's assets, embedded: nothing is loaded from the web. (The page
/// itself is worded for each reader: [`view::page`].)
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../assets/serve/app.js"),
    ),
    (
        "/app.css",
        "text/css; charset=utf-8",
        include_str!("../../assets/serve/app.css"),
    ),
];

/// The port tried first when none is given, and how many after it.
const FIRST_PORT: u16 = 3000;
const PORTS_TRIED: u16 = 10;

/// How to serve.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The port; 0 for any free one. By default the first free one from
    /// 3000.
    pub port: Option<u16>,
    /// Where a click on an error's place or a word opens the file.
    pub editor: Option<Editor>,
    /// Also write the PDFs to the output folder, as `dokgen build` does.
    pub write: bool,
    /// Set in the process that a watching `dokgen serve` starts and
    /// starts again when it ends (a template that exhausts its memory).
    pub watched: Option<Watched>,
}

/// What the watching process hands the one it starts.
#[derive(Debug, Clone, Default)]
pub struct Watched {
    /// The listening socket, inherited: the address stays the same from
    /// one process to the next.
    pub listener: i32,
    /// Where to tell which document is being made ([`Preview::report_to`]).
    pub status: i32,
    /// The documents the process before was making when it ended, and
    /// why it ended ([`Preview::after_an_end`]), worded when it is shown.
    pub ended: Option<(Vec<String>, Message)>,
}

/// An editor that opens a file at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editor {
    /// A link the browser follows (`vscode://file{path}:{line}:{column}`).
    Url(String),
    /// A command the server runs (`emacsclient +{line}:{column} {path}`).
    Command(String),
}

impl Editor {
    /// The editor `text` names: a known editor (`code`, `cursor`, `zed`,
    /// `idea`, `sublime`), a link with `{path}`, `{line}` and `{column}`
    /// in it, or a command with those. (The error is text, for clap, in
    /// the language of this process.)
    pub fn parse(text: &str) -> std::result::Result<Self, String> {
        let url = |u: &str| Ok(Self::Url(u.to_owned()));
        match text.trim() {
            "code" | "vscode" => url("vscode://file{path}:{line}:{column}"),
            "codium" | "vscodium" => url("vscodium://file{path}:{line}:{column}"),
            "cursor" => url("cursor://file{path}:{line}:{column}"),
            "zed" => url("zed://file{path}:{line}:{column}"),
            "idea" | "intellij" => url("idea://open?file={path}&line={line}&column={column}"),
            "sublime" | "subl" => url("subl://open?url=file://{path}&line={line}&column={column}"),
            t if !t.contains("{path}") => Err(msg!("serve-editor-unknown", editor = t).to_string()),
            t if t.contains("://") => url(t),
            t => Ok(Self::Command(t.to_owned())),
        }
    }

    /// The link that opens `path` at `line` and `column`, for an editor
    /// opened by a link.
    fn url(&self, path: &Path, line: usize, column: usize) -> Option<String> {
        let Self::Url(template) = self else {
            return None;
        };
        let path: String = path
            .to_string_lossy()
            .chars()
            .flat_map(|c| match c {
                ' ' => "%20".chars().collect::<Vec<_>>(),
                '#' => "%23".chars().collect(),
                '?' => "%3F".chars().collect(),
                '&' => "%26".chars().collect(),
                c => vec![c],
            })
            .collect();
        Some(fill(template, &path, line as u64, column as u64))
    }
}

fn fill(template: &str, path: &str, line: u64, column: u64) -> String {
    template
        .replace("{path}", path)
        .replace("{line}", &line.to_string())
        .replace("{column}", &column.to_string())
}

/// Runs an editor command on `file` (as a diagnostic names it, relative to
/// the first of `folders`, the project's), if it is a file in one of
/// `folders` (the project's, and its templates' and fonts' where they lie
/// elsewhere).
fn open_in_editor(
    command: &str,
    folders: &[PathBuf],
    file: &str,
    line: u64,
    column: u64,
) -> std::result::Result<(), Message> {
    let not_ours = || msg!("serve-open-not-ours", file);
    let root = folders.first().ok_or_else(not_ours)?;
    let real = root.join(file).canonicalize().map_err(|_| not_ours())?;
    if !real.is_file() || !folders.iter().any(|f| real.starts_with(f)) {
        return Err(not_ours());
    }
    let path = real.to_string_lossy();
    let mut words = command
        .split_whitespace()
        .map(|w| fill(w, &path, line, column));
    let program = words
        .next()
        .ok_or_else(|| msg!("serve-open-empty-command"))?;
    let child = std::process::Command::new(&program)
        .args(words)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|err| {
            msg!(
                "serve-open-cannot-run",
                program = &program,
                reason = io_reason(&err)
            )
        })?;
    // Reaped when it ends, so it leaves no zombie.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(())
}

/// What the server tells its user, as it happens.
#[derive(Debug)]
pub enum Report<'a> {
    /// The page is served at this address.
    Listening(SocketAddr),
    /// Files changed.
    Changed(&'a [PathBuf]),
    /// A document was made, or failed.
    Update(&'a Update),
    /// A PDF was written to the output folder (`--write`).
    Wrote(&'a Path),
    /// The server stopped.
    Stopped,
}

/// Serves the project in `dir` until `stop` is set, telling `report` what
/// happens. Fails only if it cannot start: a port in use, a folder that
/// cannot be watched, an output folder locked by a build (`--write`).
/// Problems with the project are shown in the page.
pub fn run(
    dir: &Path,
    options: &Options,
    stop: &AtomicBool,
    mut report: impl FnMut(Report<'_>) + Send,
) -> Result<()> {
    let root = dir.canonicalize().map_err(|err| Error::io(dir, &err))?;
    let listener = match &options.watched {
        // SAFETY: the watching process handed this descriptor over, open,
        // for this process alone to use.
        Some(watched) => unsafe {
            <TcpListener as std::os::fd::FromRawFd>::from_raw_fd(watched.listener)
        },
        None => bind(options.port)?,
    };
    let addr = listener.local_addr().map_err(|err| cannot_serve(&err))?;
    let (folders, output) = watched(&root);
    let watch = watch::Watch::new(&folders, vec![output.clone(), root.join(".git")])?;
    let sink = match options.write {
        true => Some(DiskSink::open(&output)?),
        false => None,
    };
    let preview = Arc::new(Preview::new(&root));
    if let Some(watched) = &options.watched {
        // SAFETY: as the listener above.
        let status =
            unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(watched.status) };
        preview.report_to(status);
        if let Some((names, why)) = &watched.ended {
            preview.after_an_end(names.clone(), why.clone());
        }
    }
    let server = http::Server::start(
        listener,
        Arc::clone(&preview),
        folders.clone(),
        options.editor.clone(),
    )?;
    report(Report::Listening(addr));
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut first = true;
    while !stop.load(Ordering::Relaxed) {
        if !first {
            match watch.next(Duration::from_millis(100))? {
                Some(changed) => paths = changed,
                None => continue,
            }
            report(Report::Changed(&paths));
        }
        first = false;
        let newer = watch.newer();
        let superseded = || newer.load(Ordering::Acquire);
        preview.refresh(&paths, &server.viewed(), &superseded, |update| {
            report(Report::Update(update))
        });
        if let Some(sink) = &sink {
            write(&preview, sink, &mut report);
        }
    }
    server.stop();
    report(Report::Stopped);
    Ok(())
}

/// Writes what `dokgen build` would: the documents whose inputs changed
/// since the manifest, with the manifest. Failures were shown already. A
/// published protocol is recorded by `dokgen build` only, a deliberate
/// act: never from an edit half typed.
fn write(preview: &Preview, sink: &DiskSink, report: &mut impl FnMut(Report<'_>)) {
    preview.with_session(|session| {
        let _ = build::run(session, &build::Options::default(), sink, |event| {
            if let Event::Written(_, written) = event {
                report(Report::Wrote(&written.path));
            }
        });
    });
}

/// The folders whose changes matter (the project, and its templates and
/// fonts where they lie outside it), and the output folder, whose do not.
fn watched(root: &Path) -> (Vec<PathBuf>, PathBuf) {
    let mut folders = vec![root.to_path_buf()];
    let output = match Project::open(root) {
        Ok(project) => {
            for dir in [project.templates_dir(), project.fonts_dir()] {
                if let Ok(real) = dir.canonicalize()
                    && !real.starts_with(root)
                {
                    folders.push(real);
                }
            }
            project.default_output_dir()
        }
        Err(_) => root.join("output"),
    };
    (folders, output)
}

/// The error of a listening socket whose address cannot be known.
pub(crate) fn cannot_serve(err: &std::io::Error) -> Error {
    Diagnostic::error(msg!("serve-cannot-serve", reason = io_reason(err))).into()
}

/// Listens on the loopback address only: on `port`, or the first free one
/// from [`FIRST_PORT`].
pub fn bind(port: Option<u16>) -> Result<TcpListener> {
    let at = |port| TcpListener::bind((Ipv4Addr::LOCALHOST, port));
    let in_use = |port: u16, err: std::io::Error| {
        let reason = match err.kind() {
            std::io::ErrorKind::AddrInUse => msg!("serve-port-in-use"),
            _ => io_reason(&err),
        };
        Error::from(
            Diagnostic::error(msg!("serve-cannot-listen", port = port.to_string(), reason))
                .hint(msg!("serve-cannot-listen-hint")),
        )
    };
    match port {
        Some(port) => at(port).map_err(|err| in_use(port, err)),
        None => (FIRST_PORT..FIRST_PORT + PORTS_TRIED)
            .find_map(|port| at(port).ok())
            .map_or_else(|| at(0).map_err(|err| in_use(0, err)), Ok),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_are_named_or_given_as_a_link_or_a_command() {
        let code = Editor::parse("code").unwrap();
        assert_eq!(
            code.url(Path::new("/p/content/kommuner/ishøj og co.yaml"), 3, 5)
                .unwrap(),
            "vscode://file/p/content/kommuner/ishøj%20og%20co.yaml:3:5"
        );
        assert_eq!(
            Editor::parse("emacsclient +{line}:{column} {path}").unwrap(),
            Editor::Command("emacsclient +{line}:{column} {path}".into())
        );
        assert!(matches!(
            Editor::parse("myed://open?f={path}&l={line}").unwrap(),
            Editor::Url(_)
        ));
        let err = Editor::parse("notepad").unwrap_err();
        assert!(err.contains("{path}"), "{err}");
    }

    #[test]
    fn an_editor_command_opens_only_files_of_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("dokgen.yaml"), "").unwrap();
        std::fs::write(root.join("content/a.md"), "tekst").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        let folders = [root.canonicalize().unwrap()];
        let err = open_in_editor("true {path}", &folders, "../secret.txt", 1, 1).unwrap_err();
        let text = err.text(crate::message::Lang::En);
        assert!(text.contains("not a file of the project"), "{text}");
        let err = open_in_editor("true {path}", &folders, "/etc/passwd", 1, 1).unwrap_err();
        assert_eq!(err.id(), "serve-open-not-ours");
        open_in_editor("true {path}", &folders, "content/a.md", 1, 1).unwrap();
    }
}
