//! `dokgen serve`: the documents in a browser on this machine, remade at
//! every save.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use dokgen::Error;
use dokgen::serve::preview::Update;
use dokgen::serve::{Editor, Options, Report};

/// Arguments of `dokgen serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    project: PathBuf,
    /// The port on 127.0.0.1; 0 for any free one [default: the first free
    /// one from 3000].
    #[arg(short, long)]
    port: Option<u16>,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
    /// Where a click on an error's place or on a word opens the file:
    /// code, codium, cursor, zed, idea or sublime; a link with {path},
    /// {line} and {column}; or a command with them, which dokgen runs
    /// (`emacsclient +{line}:{column} {path}`).
    #[arg(long, value_name = "EDITOR", value_parser = Editor::parse)]
    editor: Option<Editor>,
    /// Also write the PDFs to the output folder at every change, exactly
    /// as `dokgen build` does (with its lock and manifest).
    #[arg(long)]
    write: bool,
}

/// Set by Ctrl-C (or SIGTERM): `dokgen serve` stops after what it is doing.
static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_stop(_signal: libc::c_int) {
    STOP.store(true, Ordering::Relaxed);
    // A second Ctrl-C ends the process at once.
    // SAFETY: `signal` is async-signal-safe, and SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
}

pub(crate) fn run(args: &Args, color: bool) -> Result<(), Error> {
    // SAFETY: the handler only stores to an atomic and calls `signal`,
    // both async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_stop as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_stop as *const () as libc::sighandler_t);
    }
    let options = Options {
        port: args.port,
        editor: args.editor.clone(),
        write: args.write,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = |path: &std::path::Path| {
        path.strip_prefix(&cwd)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let open = args.open;
    dokgen::serve::run(&args.project, &options, &STOP, |report| {
        match report {
            Report::Listening(addr) => {
                println!("dokgen serve: http://{addr}/ (Ctrl-C stops)");
                if open {
                    open_browser(&format!("http://{addr}/"));
                }
            }
            Report::Changed(paths) => {
                let shown: Vec<String> = paths.iter().map(|p| shown(p)).collect();
                println!("changed: {}", shown.join(", "));
            }
            Report::Update(Update::Made {
                name,
                took,
                new_warnings,
            }) => {
                println!("{name}: {} ms", took.as_millis());
                for warning in new_warnings {
                    eprintln!("{}", warning.render(color));
                }
            }
            Report::Update(Update::Failed { name, errors }) => {
                println!(
                    "{name}: failed, {}",
                    super::plural(errors.len(), "error", "errors")
                );
                for error in errors {
                    eprintln!("{}", error.render(color));
                }
            }
            Report::Update(Update::Unreadable(errors)) => {
                println!("the project cannot be read; the page shows why until it is mended");
                for error in errors {
                    eprintln!("{}", error.render(color));
                }
            }
            Report::Wrote(path) => println!("wrote {}", shown(path)),
            Report::Stopped => println!("stopped"),
        }
        let _ = std::io::stdout().flush();
    })
}

/// Opens `url` in the desktop's browser; says so if it cannot.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("could not open a browser ({opener}); open {url} yourself");
    }
}
