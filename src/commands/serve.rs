//! `dokgen serve`: the documents in a browser on this machine, remade at
//! every save.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use dokgen::Error;
use dokgen::message::Message;
use dokgen::msg;
use dokgen::serve::preview::Update;
use dokgen::serve::{Editor, Options, Report, Watched};

/// Arguments of `dokgen serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The project folder (the one with dokgen.yaml).
    #[arg(default_value = ".")]
    project: PathBuf,
    /// The port on 127.0.0.1; 0 for any free one [default: the first free
    /// one from 3000].
    #[arg(short, long, value_parser = super::port)]
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
    match watched() {
        Some(watched) => serve(args, color, watched),
        None => watch_over(args),
    }
}

/// The variables a watching `dokgen serve` sets for the process it starts:
/// the listening socket's descriptor, the status pipe's, and what ended
/// the process before (`name,name<TAB>why`, `why` a [`Message`] as JSON,
/// so that the page words it in its reader's language).
const LISTENER: &str = "DOKGEN_SERVE_LISTENER";
const STATUS: &str = "DOKGEN_SERVE_STATUS";
const ENDED: &str = "DOKGEN_SERVE_ENDED";

/// What the watching process handed over, if this is the process it
/// started.
fn watched() -> Option<Watched> {
    let number = |name: &str| std::env::var(name).ok()?.parse::<i32>().ok();
    let ended = std::env::var(ENDED).ok().and_then(|text| {
        let (names, why) = text.split_once('\t')?;
        let why: Message = serde_json::from_str(why).ok()?;
        Some((names.split(',').map(str::to_owned).collect(), why))
    });
    Some(Watched {
        listener: number(LISTENER)?,
        status: number(STATUS)?,
        ended,
    })
}

/// How often the process may end within a minute before `dokgen serve`
/// gives up starting it again.
const MOST_ENDS: usize = 5;

/// `dokgen serve` as the user starts it: it listens, and starts the
/// process that serves with a memory budget (`limits.memory`), handing it
/// the listening socket. When that process ends for want of memory or
/// stack (a template that squares a text, a chain of includes), it is
/// started again on the same socket, told which document it was making:
/// that document shows the error, and is made again when what it is made
/// from changes. A browser's page reconnects on its own.
fn watch_over(args: &Args) -> Result<(), Error> {
    use std::io::BufRead;
    use std::os::fd::{AsRawFd, FromRawFd};
    use std::os::unix::process::CommandExt;
    use std::sync::{Arc, Mutex};

    let listener = dokgen::serve::bind(args.port)?;
    let socket = listener.as_raw_fd();
    let memory = dokgen::Project::open(&args.project)
        .map(|p| p.config.limits.memory())
        .unwrap_or(2048 * 1024 * 1024);
    let program = std::env::current_exe().map_err(|err| {
        Error::from(dokgen::Diagnostic::error(msg!(
            "serve-no-self",
            reason = dokgen::diagnostic::io_reason(&err)
        )))
    })?;
    let mut ended: Option<(Vec<String>, Message)> = None;
    let mut ends: Vec<std::time::Instant> = Vec::new();
    loop {
        let mut pipe = [0; 2];
        // SAFETY: two descriptors are written to a two-element array.
        if unsafe { libc::pipe2(pipe.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return Err(Error::io(
                std::path::Path::new("pipe"),
                &std::io::Error::last_os_error(),
            ));
        }
        let [status_read, status_write] = pipe;
        let mut command = std::process::Command::new(&program);
        command
            .args(std::env::args_os().skip(1))
            .env(LISTENER, socket.to_string())
            .env(STATUS, status_write.to_string())
            .stderr(std::process::Stdio::piped());
        match &ended {
            Some((names, why)) => {
                // JSON holds no tab or line break outside its strings.
                let why = serde_json::to_string(why).unwrap_or_default();
                command.env(ENDED, format!("{}\t{why}", names.join(",")))
            }
            None => command.env_remove(ENDED),
        };
        dokgen::isolate::limit(&mut command, memory);
        // SAFETY: runs between fork and exec and calls only
        // async-signal-safe functions; it allocates nothing.
        unsafe {
            command.pre_exec(move || {
                // Its own process group: a Ctrl-C at the terminal reaches
                // this process, which passes it on once.
                libc::setpgid(0, 0);
                // It ends with this one.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                for fd in [socket, status_write] {
                    let flags = libc::fcntl(fd, libc::F_GETFD);
                    libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                }
                Ok(())
            });
        }
        let spawned = command.spawn();
        // SAFETY: the write end is this process's to close, once.
        unsafe {
            libc::close(status_write);
        }
        // SAFETY: the read end is open and owned by nothing else.
        let status = unsafe { std::fs::File::from_raw_fd(status_read) };
        let mut child = spawned.map_err(|err| Error::io(&program, &err))?;
        let making = Arc::new(Mutex::new(Vec::<String>::new()));
        let told = Arc::clone(&making);
        let statuses = std::thread::spawn(move || {
            for line in std::io::BufReader::new(status)
                .lines()
                .map_while(Result::ok)
            {
                let mut making = told.lock().unwrap_or_else(|e| e.into_inner());
                match line.split_once(' ') {
                    Some(("making", name)) => making.push(name.to_owned()),
                    Some(("made", name)) => making.retain(|n| n != name),
                    _ => {}
                }
            }
        });
        let tail = Arc::new(Mutex::new(Vec::<u8>::new()));
        let kept = Arc::clone(&tail);
        let stderr = child.stderr.take().expect("piped above");
        let forwarded = std::thread::spawn(move || {
            dokgen::isolate::keep_tail(stderr, &kept, std::io::stderr());
        });
        let mut passed_on = false;
        let status = loop {
            if STOP.load(Ordering::Relaxed) && !passed_on {
                // SAFETY: a signal to the process this one started.
                unsafe {
                    libc::kill(child.id() as libc::pid_t, libc::SIGINT);
                }
                passed_on = true;
            }
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(50)),
                Err(err) => return Err(Error::io(&program, &err)),
            }
        };
        let _ = forwarded.join();
        let _ = statuses.join();
        if passed_on || status.success() {
            return Ok(());
        }
        let suspects = std::mem::take(&mut *making.lock().unwrap_or_else(|e| e.into_inner()));
        if suspects.is_empty()
            && let Some(code) = status.code()
        {
            // It stopped on an error of its own, which it has told.
            std::process::exit(code);
        }
        let tail =
            String::from_utf8_lossy(&tail.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
        let why = dokgen::isolate::ended_because(&tail, Some(status), memory);
        let why = why
            .into_diagnostics()
            .into_iter()
            .next()
            .map_or_else(|| msg!("serve-ended-unknown"), |d| d.message);
        let now = std::time::Instant::now();
        ends.retain(|at| now.duration_since(*at) < std::time::Duration::from_secs(60));
        ends.push(now);
        if ends.len() >= MOST_ENDS {
            return Err(dokgen::Diagnostic::error(msg!(
                "serve-ended-too-often",
                count = MOST_ENDS,
                why
            ))
            .hint(msg!("serve-ended-too-often-hint"))
            .into());
        }
        let restarting = match suspects.is_empty() {
            true => msg!("serve-restarting-project", why = why.clone()),
            false => msg!(
                "serve-restarting",
                names = suspects.join(", "),
                why = why.clone()
            ),
        };
        eprintln!("{restarting}");
        ended = (!suspects.is_empty()).then_some((suspects, why));
    }
}

/// Serves, in the process the watching `dokgen serve` started.
fn serve(args: &Args, color: bool, watched: Watched) -> Result<(), Error> {
    let again = watched.ended.is_some();
    let options = Options {
        port: args.port,
        editor: args.editor.clone(),
        write: args.write,
        watched: Some(watched),
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = |path: &std::path::Path| {
        path.strip_prefix(&cwd)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    // Once: not again when the process is started again.
    let open = args.open && !again;
    dokgen::serve::run(&args.project, &options, &STOP, |report| {
        match report {
            Report::Listening(addr) => {
                println!("{}", msg!("serve-listening", addr = addr.to_string()));
                if open {
                    open_browser(&format!("http://{addr}/"));
                }
            }
            Report::Changed(paths) => {
                let shown: Vec<String> = paths.iter().map(|p| shown(p)).collect();
                println!("{}", msg!("serve-changed", files = shown.join(", ")));
            }
            Report::Update(Update::Made {
                name,
                took,
                new_warnings,
            }) => {
                let ms = u64::try_from(took.as_millis()).unwrap_or(u64::MAX);
                println!("{}", msg!("serve-made", name, ms));
                for warning in new_warnings {
                    eprintln!("{}", warning.render(color));
                }
            }
            Report::Update(Update::Failed { name, errors }) => {
                println!("{}", msg!("serve-failed", name, count = errors.len()));
                for error in errors {
                    eprintln!("{}", error.render(color));
                }
            }
            Report::Update(Update::Unreadable(errors)) => {
                println!("{}", msg!("serve-unreadable"));
                for error in errors {
                    eprintln!("{}", error.render(color));
                }
            }
            Report::Wrote(path) => println!("{}", msg!("serve-wrote", path = shown(path))),
            Report::Stopped => println!("{}", msg!("serve-stopped")),
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
        eprintln!("{}", msg!("serve-no-browser", opener, url));
    }
}
