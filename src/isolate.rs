//! Documents made in processes of their own, whose memory, stack and time
//! the system bounds.
//!
//! A project's templates, prose, images and annexes are untrusted, and the
//! libraries that meet them (Tera, Typst, the SVG and PDF readers) bound
//! neither memory nor depth: Tera's `replace` can square a text four times
//! in one line (10^16 characters), a chain of two thousand Typst includes
//! overflows a thread's stack, an annex stream can inflate to gigabytes. In
//! one process any of these ends dokgen without a word, and a layout over
//! its time budget can only be left running.
//!
//! So `dokgen build` and `dokgen check` make each document in a worker: a
//! `dokgen` process of its own (the hidden `dokgen worker`), which opens the
//! project once and makes document after document as it is asked. Its
//! memory is limited by the system (`RLIMIT_DATA`, `limits.memory` in
//! dokgen.yaml), and so is its stack; a worker that runs out of either
//! ends, and the document it was making fails with an error at its
//! declaration that says which, while the other documents are made by a
//! new worker. A worker that does not answer within its time budget (for
//! rendering, typesetting and export together) is killed, which also
//! stops what no thread could. What crosses between the processes is
//! data: the document's name one way; its files, page count, warnings,
//! errors and the files it read the other.

use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::export::{Artifact, Format};
use crate::kinds::Document;
use crate::message::Message;
use crate::msg;
use crate::session::{Made, Output, Session};

/// The hidden subcommand that starts a worker.
pub const WORKER: &str = "worker";

/// How long a new worker may take to open the project (it says when it
/// has, before it is asked for a document).
const OPENING: Duration = Duration::from_secs(60);

/// The variable that sets how many threads Typst's parallel work (its
/// `rayon` pool) starts in a process.
const THREADS: &str = "RAYON_NUM_THREADS";

/// How much of a worker's error output is kept to say why it ended.
const TAIL: usize = 8 * 1024;

/// How documents are made in workers for one session.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The dokgen binary a worker runs.
    program: PathBuf,
    /// The project folder.
    project: PathBuf,
    /// The memory a worker may use, in bytes.
    memory: u64,
    /// A document's time budget, for each of rendering, typesetting and
    /// export.
    budget: Duration,
    /// The threads a worker's Typst may lay a document out on.
    threads: usize,
}

impl Isolation {
    /// Workers for `session`'s project, running `program` (the running
    /// dokgen: `std::env::current_exe()`), `workers` of them at once.
    ///
    /// Typst lays a document's pages out in parallel, on a thread per core
    /// by default; workers that each did so would keep `workers` times as
    /// many threads busy as there are cores, all switching among each
    /// other. So each worker's Typst gets its share of the cores, at least
    /// one thread (unless `RAYON_NUM_THREADS` says otherwise).
    pub fn new(session: &Session, program: PathBuf, workers: usize) -> Self {
        let limits = &session.project().config.limits;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self {
            program,
            project: session.project().root.clone(),
            memory: limits.memory(),
            budget: limits.budget(),
            threads: share_of(cores, workers),
        }
    }

    /// A place for one worker, started when it is first asked to make a
    /// document and kept for the next; one per thread that makes
    /// documents.
    pub fn slot(&self) -> Slot<'_> {
        Slot {
            isolation: self,
            worker: None,
        }
    }

    fn start(&self) -> std::io::Result<Worker> {
        let mut command = Command::new(&self.program);
        command
            .arg(WORKER)
            .arg(&self.project)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if std::env::var_os(THREADS).is_none() {
            command.env(THREADS, self.threads.to_string());
        }
        limit(&mut command, self.memory);
        let mut child = command.spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            return Err(std::io::Error::other("a worker without its pipes"));
        };
        let tail = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&tail);
        std::thread::spawn(move || keep_tail(stderr, &kept, std::io::sink()));
        Ok(Worker {
            child,
            stdin,
            stdout,
            tail,
            fresh: true,
        })
    }
}

/// Each of `workers` workers' share of `cores`: at least one, and rounded
/// down (three cores for two workers give each one), so that the workers
/// never together keep more threads busy than there are cores.
fn share_of(cores: usize, workers: usize) -> usize {
    (cores / workers.max(1)).max(1)
}

/// Limits the memory of the process `command` starts to `memory` bytes,
/// and keeps it from writing a core file when it ends for want of it.
#[cfg(unix)]
pub fn limit(command: &mut Command, memory: u64) {
    use std::os::unix::process::CommandExt;
    let data = libc::rlimit {
        rlim_cur: memory as libc::rlim_t,
        rlim_max: memory as libc::rlim_t,
    };
    let core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: the closure runs in the child between fork and exec, and
    // calls only setrlimit, which is async-signal-safe; it allocates
    // nothing.
    unsafe {
        command.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_DATA, &data) != 0
                || libc::setrlimit(libc::RLIMIT_CORE, &core) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
pub fn limit(_: &mut Command, _: u64) {}

/// Reads `stderr` to its end, passing it on to `echo`, and keeps its last
/// [`TAIL`] bytes in `tail` (to say why its process ended).
pub fn keep_tail(mut stderr: impl Read, tail: &Mutex<Vec<u8>>, mut echo: impl Write) {
    let mut buf = [0; 4096];
    while let Ok(n) = stderr.read(&mut buf) {
        if n == 0 {
            break;
        }
        let _ = echo.write_all(&buf[..n]);
        let mut tail = tail.lock().unwrap_or_else(|e| e.into_inner());
        tail.extend_from_slice(&buf[..n]);
        let over = tail.len().saturating_sub(TAIL);
        tail.drain(..over);
    }
}

/// A running worker.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    /// The end of what it wrote to its error output.
    tail: Arc<Mutex<Vec<u8>>>,
    /// Whether it has yet to say that it has opened the project.
    fresh: bool,
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One worker's place (see [`Isolation::slot`]).
pub struct Slot<'i> {
    isolation: &'i Isolation,
    worker: Option<Worker>,
}

impl Slot<'_> {
    /// Makes `document` of `session` in this slot's worker, as
    /// [`Session::make`] does; the files come without a layout. A worker
    /// that ends or overruns is replaced for the next document.
    pub fn make(&mut self, session: &Session, document: &Document) -> Made {
        let asked = self.ask(document);
        let (made, keep) = match asked {
            Ok(Answer { made, spent }) => (made, !spent),
            Err(ended) => {
                let err = self.why(ended);
                let made = Made {
                    source: None,
                    warnings: Vec::new(),
                    output: Err(session.at_declaration(document, err)),
                };
                (made, false)
            }
        };
        if !keep {
            self.worker = None;
        }
        made
    }

    fn ask(&mut self, document: &Document) -> std::result::Result<Answer, Ended> {
        if self.worker.is_none() {
            self.worker = Some(self.isolation.start().map_err(Ended::Start)?);
        }
        let worker = self.worker.as_mut().expect("started above");
        if worker.fresh {
            // An empty frame: the project is open.
            read_frame(&mut worker.stdout, Instant::now() + OPENING)?;
            worker.fresh = false;
        }
        let deadline = Instant::now() + 3 * self.isolation.budget;
        let request = serde_json::to_string(&Request {
            document: document.spec.output.clone(),
        })
        .expect("a request serialises");
        writeln!(worker.stdin, "{request}")
            .and_then(|()| worker.stdin.flush())
            .map_err(|_| Ended::Gone)?;
        let header = read_frame(&mut worker.stdout, deadline)?;
        let reply: Reply = serde_json::from_slice(&header).map_err(|_| Ended::Garbled)?;
        let made = match reply.made {
            Ok(shipped) => {
                let mut files = Vec::new();
                for file in shipped.files {
                    let mut bytes = vec![0; file.size];
                    read_by(&mut worker.stdout, &mut bytes, deadline)?;
                    files.push(Artifact {
                        format: file.format,
                        file_name: file.file_name,
                        bytes,
                        warnings: file.warnings,
                    });
                }
                Ok(Output {
                    files,
                    pages: shipped.pages,
                    read: shipped.read,
                    layout: None,
                    overprints: None,
                })
            }
            Err(diagnostics) => Err(Error::from(diagnostics)),
        };
        Ok(Answer {
            made: Made {
                source: reply.source,
                warnings: reply.warnings,
                output: made,
            },
            spent: reply.spent,
        })
    }

    /// Why the worker gave no answer, as an error for the document; the
    /// worker is ended.
    fn why(&mut self, ended: Ended) -> Error {
        let Some(mut worker) = self.worker.take() else {
            return match ended {
                Ended::Start(err) => Diagnostic::error(msg!(
                    "isolate-not-started",
                    reason = crate::diagnostic::io_reason(&err)
                ))
                .into(),
                _ => Diagnostic::error(msg!("isolate-lost")).into(),
            };
        };
        if matches!(ended, Ended::Overrun) {
            return Diagnostic::error(msg!(
                "isolate-over-budget",
                seconds = self.isolation.budget.as_secs()
            ))
            .hint(msg!("isolate-over-budget-hint"))
            .into();
        }
        let _ = worker.child.kill();
        let status = worker.child.wait().ok();
        // The thread that keeps the tail reads to the end of the output.
        std::thread::sleep(Duration::from_millis(50));
        let tail = String::from_utf8_lossy(&worker.tail.lock().unwrap_or_else(|e| e.into_inner()))
            .into_owned();
        ended_because(&tail, status, self.isolation.memory)
    }
}

/// Why a worker (or the process of `dokgen serve`) ended, from the end of
/// its error output and its status; `memory` is its budget in bytes.
pub fn ended_because(tail: &str, status: Option<std::process::ExitStatus>, memory: u64) -> Error {
    let megabytes = memory / (1024 * 1024);
    if tail.contains("memory allocation of") || tail.contains("out of memory") {
        return Diagnostic::error(msg!("isolate-out-of-memory", megabytes))
            .hint(msg!("isolate-out-of-memory-hint", double = megabytes * 2))
            .into();
    }
    if tail.contains("has overflowed its stack") {
        return Diagnostic::error(msg!("isolate-too-deep"))
            .hint(msg!("isolate-too-deep-hint"))
            .into();
    }
    // Its first error, or else its last words.
    let last = tail
        .lines()
        .find(|l| l.starts_with("error"))
        .or_else(|| tail.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or("");
    let how = status.map_or_else(|| msg!("isolate-how-no-status"), describe);
    let message = if last.is_empty() {
        msg!("isolate-ended", how)
    } else {
        msg!("isolate-ended-saying", how, last)
    };
    Diagnostic::error(message)
        .hint(msg!("session-bug-hint"))
        .into()
}

/// "with signal 11", "with exit code 3".
fn describe(status: std::process::ExitStatus) -> Message {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return msg!("isolate-how-signal", signal);
        }
    }
    match status.code() {
        Some(code) => msg!("isolate-how-code", code),
        None => msg!("isolate-how-abnormally"),
    }
}

/// What a worker answered.
struct Answer {
    made: Made,
    /// Whether the worker should be ended: a thread of its own is still
    /// running past its budget.
    spent: bool,
}

/// Why a worker gave no answer.
#[derive(Debug)]
enum Ended {
    /// It could not be started.
    Start(std::io::Error),
    /// It did not answer within the budget.
    Overrun,
    /// Its pipes closed: it ended.
    Gone,
    /// It answered with what is not an answer.
    Garbled,
}

/// Reads one frame: eight bytes of length (little-endian), then that many
/// bytes.
fn read_frame(from: &mut ChildStdout, deadline: Instant) -> std::result::Result<Vec<u8>, Ended> {
    let mut length = [0; 8];
    read_by(from, &mut length, deadline)?;
    let length = u64::from_le_bytes(length);
    // A header names files and diagnostics; the files come after it.
    if length > 256 * 1024 * 1024 {
        return Err(Ended::Garbled);
    }
    let mut header = vec![0; length as usize];
    read_by(from, &mut header, deadline)?;
    Ok(header)
}

/// Fills `buf` from `from`, waiting no later than `deadline`.
fn read_by(
    from: &mut ChildStdout,
    buf: &mut [u8],
    deadline: Instant,
) -> std::result::Result<(), Ended> {
    let mut filled = 0;
    while filled < buf.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || !readable(from, left) {
            return Err(Ended::Overrun);
        }
        match from.read(&mut buf[filled..]) {
            Ok(0) => return Err(Ended::Gone),
            Ok(n) => filled += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(Ended::Gone),
        }
    }
    Ok(())
}

/// Whether `from` has something to read (or has closed) within `within`.
fn readable(from: &ChildStdout, within: Duration) -> bool {
    let mut poll = libc::pollfd {
        fd: from.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = within.as_millis().clamp(1, i32::MAX as u128) as i32;
    loop {
        // SAFETY: one valid pollfd, for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, millis) };
        if ready < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        return ready > 0;
    }
}

/// What the parent asks: to make the document of this output name.
#[derive(Serialize, Deserialize)]
struct Request {
    document: String,
}

/// What a worker answers, before the bytes of the files.
#[derive(Serialize, Deserialize)]
struct Reply {
    source: Option<String>,
    warnings: Vec<Diagnostic>,
    made: std::result::Result<Shipped, Vec<Diagnostic>>,
    spent: bool,
}

#[derive(Serialize, Deserialize)]
struct Shipped {
    pages: usize,
    read: Vec<PathBuf>,
    files: Vec<ShippedFile>,
}

#[derive(Serialize, Deserialize)]
struct ShippedFile {
    format: Format,
    file_name: String,
    size: usize,
    warnings: Vec<Diagnostic>,
}

/// A worker: opens the project at `project` and makes each document asked
/// for on standard input, answering on standard output, until its input
/// ends. Run by `dokgen worker`, which nobody types.
pub fn work(project: &Path) -> Result<()> {
    let session = Session::open(project)?;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    // An empty frame says the project is open.
    if out
        .write_all(&0u64.to_le_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return Ok(());
    }
    for (count, line) in BufReader::new(stdin.lock()).lines().enumerate() {
        let Ok(line) = line else { break };
        // Typst's memoised work, kept for the next document, is what a
        // worker's memory grows with: what no recent document used goes,
        // as in a build in one process.
        if count > 0 && count % 4 == 0 {
            comemo::evict(4);
        }
        let Ok(request) = serde_json::from_str::<Request>(&line) else {
            break;
        };
        let made = match session
            .documents()
            .iter()
            .find(|d| d.spec.output == request.document)
        {
            Some(document) => session.make(document),
            None => Made {
                source: None,
                warnings: Vec::new(),
                output: Err(Diagnostic::error(msg!(
                    "isolate-no-such-document",
                    document = request.document.as_str()
                ))
                .into()),
            },
        };
        let (reply, files) = reply(made);
        let header = serde_json::to_vec(&reply).expect("a reply serialises");
        let written = out
            .write_all(&(header.len() as u64).to_le_bytes())
            .and_then(|()| out.write_all(&header))
            .and_then(|()| files.iter().try_for_each(|f| out.write_all(f)))
            .and_then(|()| out.flush());
        if written.is_err() || reply.spent {
            break;
        }
    }
    Ok(())
}

/// `made` as a reply and the bytes of its files, in order.
fn reply(made: Made) -> (Reply, Vec<Vec<u8>>) {
    let mut bytes = Vec::new();
    let shipped = made.output.map(|output| Shipped {
        pages: output.pages,
        read: output.read,
        files: output
            .files
            .into_iter()
            .map(|file| {
                let shipped = ShippedFile {
                    format: file.format,
                    file_name: file.file_name,
                    size: file.bytes.len(),
                    warnings: file.warnings,
                };
                bytes.push(file.bytes);
                shipped
            })
            .collect(),
    });
    let reply = Reply {
        source: made.source,
        warnings: made.warnings,
        made: shipped.map_err(Error::into_diagnostics),
        spent: crate::typeset::budget::runaways() > 0,
    };
    (reply, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    #[test]
    fn workers_share_the_cores_and_each_has_one_at_least() {
        assert_eq!(share_of(2, 1), 2, "one document left: both cores");
        assert_eq!(share_of(2, 2), 1);
        assert_eq!(share_of(8, 3), 2);
        assert_eq!(share_of(2, 4), 1, "more workers than cores");
        assert_eq!(share_of(4, 0), 4);
    }

    #[test]
    fn a_worker_that_ran_out_of_memory_says_so_and_names_its_budget() {
        let err = ended_because(
            "memory allocation of 17179869184 bytes failed\n",
            None,
            512 * 1024 * 1024,
        );
        let text = err.render_in(Lang::En, false);
        assert!(
            text.contains("more memory than its budget of 512 MB"),
            "{text}"
        );
        assert!(text.contains("limits: { memory: 1024 }"), "{text}");
    }

    #[test]
    fn a_worker_whose_stack_overflowed_says_it_nested_too_deep() {
        let err = ended_because(
            "\nthread 'dokgen-layout' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n",
            None,
            1,
        );
        assert!(
            err.render_in(Lang::En, false).contains("nested deeper"),
            "{err}"
        );
    }

    #[test]
    fn any_other_end_gives_its_last_line() {
        let err = ended_because("first\nlast words\n\n", None, 1);
        assert!(
            err.render_in(Lang::En, false)
                .contains("ended without a status: last words"),
            "{err}"
        );
    }
}
