//! HTTP/1.1 on the wire, as much as a local preview needs: one request per
//! connection, each connection on a thread of its own.
//!
//! Why not tiny_http (which typst-kit's server uses): it runs connections
//! on a pool whose threads stay with a connection kept alive, and two
//! connections opened at once can both be queued behind one idle thread.
//! A browser keeps connections alive and opens some before it needs them,
//! so now and then a page's drawing was not answered for seconds. Here a
//! connection is answered and closed (`Connection: close`), an event
//! stream keeps its own thread, a whole request must come within
//! [`REQUEST_TIMEOUT`] (one deadline, however slowly its bytes trickle in)
//! and its head fit in [`MAX_HEAD`], and no more than [`MAX_CONNECTIONS`]
//! are served at once. When that many are open, the connection that has
//! waited longest without sending its request is closed to make room: a
//! process that opens connections and sends nothing cannot keep a
//! browser's requests out.
//!
//! Why not hyper: its server needs an async runtime (tokio and its
//! helpers, some thirty crates and about a minute more of a cold build on
//! a two-core machine) for what this file does in some two hundred lines
//! of code: a local preview's few requests, each answered and closed. What
//! a hostile local process tried against it is held here and tested
//! below: one deadline for a whole request (not one per read), room made
//! by closing the connection that has waited longest without a request,
//! heads and bodies of bounded size, and header values that never carry a
//! line break (a download's name is percent-encoded by `http.rs`).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a client has to send its whole request, head and body.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// The largest request head taken.
const MAX_HEAD: usize = 16 * 1024;

/// The largest request body taken (a click, an "open in editor").
pub(crate) const MAX_BODY: usize = 16 * 1024;

/// How many connections are served at once; more are turned away.
const MAX_CONNECTIONS: usize = 256;

/// A request, read whole.
#[derive(Debug)]
pub(crate) struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// The request target: path and query, as sent.
    pub target: String,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Request {
    /// The value of the header `name` (lower case), if sent.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Accepts connections on `listener` until `stopped` is set, and hands
/// each request, with its connection, to `handle` on a thread of its own.
pub(crate) fn serve(
    listener: TcpListener,
    stopped: Arc<AtomicBool>,
    handle: Arc<dyn Fn(Request, TcpStream) + Send + Sync>,
) {
    let open = Arc::new(AtomicUsize::new(0));
    let waiting = Arc::new(Waiting::default());
    for (number, stream) in listener.incoming().enumerate() {
        if stopped.load(Ordering::Relaxed) {
            break;
        }
        let Ok(mut stream) = stream else { continue };
        if open.load(Ordering::Relaxed) >= MAX_CONNECTIONS && !waiting.close_oldest() {
            let busy = format!("{}\n", crate::msg!("serve-http-busy"));
            let _ = respond(
                &mut stream,
                503,
                &[("Content-Type", "text/plain; charset=utf-8")],
                busy.as_bytes(),
            );
            continue;
        }
        open.fetch_add(1, Ordering::Relaxed);
        let (open, handle) = (Arc::clone(&open), Arc::clone(&handle));
        let waiting = Arc::clone(&waiting);
        std::thread::spawn(move || {
            waiting.add(number, &stream);
            let request = read_request(&stream);
            waiting.remove(number);
            match request {
                Ok(request) => handle(request, stream),
                Err(status) => {
                    let bad = format!("{}\n", crate::msg!("serve-http-bad-request"));
                    let _ = respond(
                        &mut stream,
                        status,
                        &[("Content-Type", "text/plain; charset=utf-8")],
                        bad.as_bytes(),
                    );
                }
            }
            open.fetch_sub(1, Ordering::Relaxed);
        });
    }
}

/// The connections whose request has not come yet, oldest first.
#[derive(Default)]
struct Waiting(Mutex<VecDeque<(usize, TcpStream)>>);

impl Waiting {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(usize, TcpStream)>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn add(&self, number: usize, stream: &TcpStream) {
        if let Ok(clone) = stream.try_clone() {
            self.lock().push_back((number, clone));
        }
    }

    fn remove(&self, number: usize) {
        self.lock().retain(|(n, _)| *n != number);
    }

    /// Closes the connection that has waited longest for its request, if
    /// one is waiting: its thread reads the end and lets it go.
    fn close_oldest(&self) -> bool {
        match self.lock().pop_front() {
            Some((_, stream)) => {
                let _ = stream.shutdown(Shutdown::Both);
                true
            }
            None => false,
        }
    }
}

/// A connection read against one deadline: each read may wait only for
/// what is left of it, so a request sent a byte at a time still ends.
struct Deadline<'s> {
    stream: &'s TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        (&mut &*self.stream).read(buf)
    }
}

/// Reads one request from `stream`, or the status to refuse it with.
fn read_request(stream: &TcpStream) -> Result<Request, u16> {
    let deadline = Deadline {
        stream,
        until: Instant::now() + REQUEST_TIMEOUT,
    };
    let mut reader = BufReader::new(deadline.take((MAX_HEAD + MAX_BODY) as u64));
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = reader.read_until(b'\n', &mut head).map_err(|_| 408u16)?;
        if n == 0 {
            return Err(400);
        }
        if head.len() > MAX_HEAD {
            return Err(431);
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let head = String::from_utf8(head).map_err(|_| 400u16)?;
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version)) = (first.next(), first.next(), first.next())
    else {
        return Err(400);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(505);
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse::<usize>().map_err(|_| 400u16))
        .transpose()?
        .unwrap_or(0);
    if length > MAX_BODY {
        return Err(413);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|_| 400u16)?;
    Ok(Request {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body,
    })
}

/// Writes a whole response and ends the connection.
pub(crate) fn respond(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        // A header's value never carries a line break into the response.
        if !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Serves `handle` on a port of its own, which it gives.
    fn start(handle: Arc<dyn Fn(Request, TcpStream) + Send + Sync>) -> u16 {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let stopped = Arc::new(AtomicBool::new(false));
        std::thread::spawn(move || serve(listener, stopped, handle));
        port
    }

    fn exchange(raw: &[u8]) -> String {
        let port = start(Arc::new(|request: Request, mut stream: TcpStream| {
            let body = format!(
                "{} {} {}",
                request.method,
                request.target,
                request.body.len()
            );
            respond(&mut stream, 200, &[], body.as_bytes()).unwrap();
        }));
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.write_all(raw).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn a_request_is_read_whole_and_answered_once() {
        let answer =
            exchange(b"POST /open?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc");
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        assert!(answer.contains("Connection: close\r\n"));
        assert!(answer.ends_with("POST /open?x=1 3"), "{answer}");
    }

    #[test]
    fn oversized_and_malformed_requests_are_refused() {
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert!(exchange(big.as_bytes()).starts_with("HTTP/1.1 431"));
        let body = format!(
            "POST / HTTP/1.1\r\nContent-Length: {}\r\n\r\n",
            MAX_BODY + 1
        );
        assert!(exchange(body.as_bytes()).starts_with("HTTP/1.1 413"));
        assert!(exchange(b"nonsense\r\n\r\n").starts_with("HTTP/1.1 400"));
        assert!(exchange(b"GET / SPDY/3\r\n\r\n").starts_with("HTTP/1.1 505"));
    }

    #[test]
    fn a_request_that_trickles_in_ends_at_one_deadline() {
        let port = start(Arc::new(|_: Request, mut stream: TcpStream| {
            respond(&mut stream, 200, &[], b"served").unwrap();
        }));
        let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let started = Instant::now();
        // A byte a second: each read is quick, the whole is not.
        let mut answer = Vec::new();
        for byte in b"GET / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            if slow.write_all(&[*byte]).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
            slow.set_nonblocking(true).unwrap();
            let mut buf = [0; 64];
            if let Ok(n) = slow.read(&mut buf) {
                answer.extend_from_slice(&buf[..n]);
                if n == 0 || !answer.is_empty() {
                    break;
                }
            }
            slow.set_nonblocking(false).unwrap();
        }
        let took = started.elapsed();
        assert!(took < REQUEST_TIMEOUT + Duration::from_secs(2), "{took:?}");
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    }

    #[test]
    fn when_full_the_longest_silent_connection_makes_room() {
        let port = start(Arc::new(|_: Request, mut stream: TcpStream| {
            respond(&mut stream, 200, &[], b"served").unwrap();
        }));
        // Every place taken by a connection that sends nothing.
        let silent: Vec<TcpStream> = (0..MAX_CONNECTIONS)
            .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
            .collect();
        std::thread::sleep(Duration::from_millis(300));
        let mut real = TcpStream::connect(("127.0.0.1", port)).unwrap();
        real.write_all(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        real.read_to_string(&mut answer).unwrap();
        assert!(answer.ends_with("served"), "{answer}");
        drop(silent);
    }
}
