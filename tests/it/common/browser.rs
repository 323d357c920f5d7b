//! The real `dokgen serve` and a real browser, for the tests and the
//! benchmark of `dokgen serve`.
//!
//! [`Served`] runs the binary on a project on a free port and reads its
//! terminal. [`Browser`] drives headless Chromium through ChromeDriver's
//! W3C WebDriver protocol (JSON over plain HTTP, so no client library is
//! needed): load a page, run a script in it, take a screenshot. Both are
//! Debian's packages `chromium` and `chromium-driver`, which `.ci/run`
//! installs.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A plain HTTP/1.1 exchange with a server on 127.0.0.1: the status, the
/// headers (lower-case names) and the body.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the server listens");
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    // Read the head, then exactly the body its length says: a server may
    // keep the connection open whatever the request asked.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 64 * 1024];
    let head_end = loop {
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let n = stream.read(&mut buffer).unwrap();
        assert!(n > 0, "the connection closed before the response's head");
        raw.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    match length {
        Some(length) => {
            while raw.len() < head_end + length {
                let n = stream.read(&mut buffer).unwrap();
                assert!(n > 0, "the connection closed before the response's end");
                raw.extend_from_slice(&buffer[..n]);
            }
        }
        None if head.contains("transfer-encoding: chunked") => {
            while !raw.ends_with(b"0\r\n\r\n") {
                let n = stream.read(&mut buffer).unwrap();
                if n == 0 {
                    break;
                }
                raw.extend_from_slice(&buffer[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut raw).unwrap();
        }
    }
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body);
    }
    (status, headers, body)
}

fn unchunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..line_end])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
}

/// A free port on the loopback address (free when asked).
pub fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `dokgen serve` running on a project, and the lines it printed.
pub struct Served {
    child: Child,
    /// The port it serves on.
    pub port: u16,
    lines: Receiver<String>,
    /// Every line of its standard output so far.
    pub printed: Vec<String>,
}

impl Served {
    /// Starts `dokgen serve` on the project `dir` with `args` and waits
    /// until every document has been made once.
    pub fn start(dir: &Path, args: &[&str]) -> Self {
        // Those declared, and the pages of a web publication; only those
        // declared where the project cannot be read yet.
        let documents = dokgen::Session::open(dir).map_or_else(
            |_| {
                std::fs::read_dir(dir.join("content/documents"))
                    .map(|d| d.count())
                    .unwrap_or(0)
            },
            |s| s.documents().len(),
        );
        let mut child = super::binary()
            .arg("serve")
            .arg(dir)
            .args(["--port", "0"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dokgen runs");
        let (tx, lines) = channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut served = Self {
            child,
            port: 0,
            lines,
            printed: Vec::new(),
        };
        let first = served.wait_for_line(|l| l.starts_with("dokgen serve: "));
        served.port = first
            .rsplit(':')
            .next()
            .and_then(|p| p.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first:?}"));
        let mut made = 0;
        while made < documents {
            let line = served.wait_for_line(|l| {
                l.ends_with(" ms")
                    || l.contains(": failed")
                    || l.starts_with("the project cannot be read")
            });
            if line.starts_with("the project cannot be read") {
                break;
            }
            made += 1;
        }
        served
    }

    /// Waits for a printed line that `wanted` accepts, and gives it.
    pub fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self.lines.recv_timeout(left).unwrap_or_else(|_| {
                panic!(
                    "dokgen serve did not print the line waited for; it printed:\n{}",
                    self.printed.join("\n")
                )
            });
            self.printed.push(line.clone());
            if wanted(&line) {
                return line;
            }
        }
    }

    /// `GET path` with the right `Host`: status and body.
    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        let (status, _, body) = http(self.port, "GET", path, &[], b"");
        (status, body)
    }

    /// The state as JSON.
    pub fn state(&self) -> Value {
        let (status, body) = self.get("/state");
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    }

    /// The page's address.
    pub fn url(&self, fragment: &str) -> String {
        format!("http://127.0.0.1:{}/#{fragment}", self.port)
    }

    /// Stops it with Ctrl-C (SIGINT) and gives its exit status and what
    /// it printed last.
    pub fn interrupt(mut self) -> (std::process::ExitStatus, Vec<String>) {
        Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        let status = self.child.wait().unwrap();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(2)) {
            self.printed.push(line);
        }
        (status, std::mem::take(&mut self.printed))
    }

    /// The process id, for reading its memory.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Headless Chromium, driven through ChromeDriver.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium with a window of
    /// `width` × `height` CSS pixels.
    pub fn start(width: u32, height: u32) -> Self {
        Self::start_in(width, height, None)
    }

    /// As [`Browser::start`], with a browser that asks for pages in
    /// `language` (`da`, `en`: its `Accept-Language`), if given.
    pub fn start_in(width: u32, height: u32, language: Option<&str>) -> Self {
        Self::start_with(width, height, language, false)
    }

    /// A browser whose pages are `width` × `height` CSS pixels however
    /// narrow (a telephone's 320: a window cannot be that narrow, so the
    /// screen is emulated), asking for Danish pages.
    pub fn start_emulated(width: u32, height: u32) -> Self {
        Self::start_with(width, height, Some("da"), true)
    }

    fn start_with(width: u32, height: u32, language: Option<&str>, emulated: bool) -> Self {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "chromedriver runs: install Debian's chromium and chromium-driver \
                 (.ci/run does)",
            );
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut browser = Self {
            driver,
            port,
            session: String::new(),
        };
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or("/usr/bin/chromium");
        let mut options = json!({
            "binary": binary,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                format!("--window-size={width},{height}"),
            ],
        });
        if emulated {
            options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0 },
            });
        }
        if let Some(language) = language {
            options["args"]
                .as_array_mut()
                .unwrap()
                .push(json!(format!("--lang={language}")));
            options["prefs"] = json!({ "intl.accept_languages": language });
        }
        let answer = browser.call(
            "POST",
            "/session",
            json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": options,
            }}}),
        );
        browser.session = answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {answer}"))
            .to_owned();
        browser
    }

    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = match body {
            Value::Null => String::new(),
            body => body.to_string(),
        };
        let (status, _, answer) = http(
            self.port,
            method,
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        let answer: Value = serde_json::from_slice(&answer).unwrap_or(Value::Null);
        assert!(status < 400, "WebDriver {method} {path}: {status} {answer}");
        answer["value"].clone()
    }

    fn session_call(&self, method: &str, path: &str, body: Value) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Runs axe-core (its source `axe`, see [`axe`]) on the page shown,
    /// with the WCAG 2.1 A and AA rules: each violation, by its rule and
    /// the elements that break it.
    pub fn axe_violations(&self, axe: &str) -> Value {
        self.eval(&format!("{axe}\nreturn true;"), json!([]));
        self.eval_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
               .then(r => done(r.violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')) }))))
               .catch(e => done(String(e)));",
            json!([]),
            Duration::from_secs(120),
        )
    }

    /// Loads `url` and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.session_call("POST", "/url", json!({ "url": url }));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the
    /// page and gives what it returns.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// Runs `script`, whose last argument is a callback to call with the
    /// result, and waits up to `timeout` for it.
    pub fn eval_async(&self, script: &str, args: Value, timeout: Duration) -> Value {
        self.session_call(
            "POST",
            "/timeouts",
            json!({ "script": timeout.as_millis() as u64 }),
        );
        self.session_call(
            "POST",
            "/execute/async",
            json!({ "script": script, "args": args }),
        )
    }

    /// Waits until the page has drawn a state that `condition` (a JS
    /// expression over `d`, one entry of `window.dokgen.draws`) accepts,
    /// drawn after `after` (ms since 1970); gives that entry.
    pub fn drawn(&self, condition: &str, after: f64, timeout: Duration) -> Value {
        let script = format!(
            "const [after, done] = arguments;
             window.dokgen.whenDrawn(d => d.at > after && ({condition})).then(done);"
        );
        self.eval_async(&script, json!([after]), timeout)
    }

    /// Clicks with the mouse at (`x`, `y`) CSS pixels of the window.
    pub fn click(&self, x: i64, y: i64) {
        self.session_call(
            "POST",
            "/actions",
            json!({"actions": [{
                "type": "pointer",
                "id": "mouse",
                "parameters": {"pointerType": "mouse"},
                "actions": [
                    {"type": "pointerMove", "x": x, "y": y, "origin": "viewport"},
                    {"type": "pointerDown", "button": 0},
                    {"type": "pointerUp", "button": 0},
                ],
            }]}),
        );
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let text = self.session_call("GET", "/screenshot", Value::Null);
        base64_decode(text.as_str().expect("a screenshot"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                b"",
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Milliseconds since 1970, as the browser's `performance.timeOrigin +
/// performance.now()` counts them.
pub fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
        .map(value)
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | (u32::from(*d) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

/// axe-core's source, which `.ci/run` installs and names in `DOKGEN_AXE`;
/// none where it is not installed (under CI its absence fails the test).
pub fn axe() -> Option<String> {
    let Some(axe) = std::env::var_os("DOKGEN_AXE") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs axe-core: set DOKGEN_AXE to its axe.min.js"
        );
        return None;
    };
    Some(std::fs::read_to_string(axe).unwrap())
}
