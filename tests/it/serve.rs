//! `dokgen serve`, the real binary on a copy of the default project: what
//! it serves, how an edit, an error and its fix reach the event stream and
//! the page, what it refuses, and how it stops. The browser's view of the
//! same is in `serve_browser.rs`.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::browser::{Served, http};
use serde_json::Value;

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_default_project(dir.path());
    dir
}

/// The document `name` in a state.
fn document<'a>(state: &'a Value, name: &str) -> &'a Value {
    state["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("no document {name} in {state}"))
}

fn page_ids(state: &Value, name: &str) -> Vec<String> {
    document(state, name)["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The event stream of a served page, as a browser reads it.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(port: u16, doc: &str) -> Self {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        write!(
            stream,
            "GET /events?doc={doc} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        Self { reader }
    }

    /// The next state event's data.
    fn next(&mut self) -> Value {
        let mut event = String::new();
        loop {
            let mut line = String::new();
            assert!(
                self.reader.read_line(&mut line).unwrap() > 0,
                "the stream ended"
            );
            let line = line.trim_end();
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_owned();
            } else if let Some(data) = line.strip_prefix("data: ")
                && event == "state"
            {
                return serde_json::from_str(data).unwrap();
            }
        }
    }

    /// Reads states until one that `wanted` accepts.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            assert!(Instant::now() < deadline, "no such state came");
            let state = self.next();
            if wanted(&state) {
                return state;
            }
        }
    }
}

#[test]
fn the_page_lists_every_document_with_its_pages_and_the_pdf_a_build_writes() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    let (status, page) = served.get("/");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("<script src=\"/app.js\""));
    let state = served.state();
    let documents = state["documents"].as_array().unwrap();
    assert_eq!(documents.len(), common::shipped_documents(), "{state}");
    for doc in documents {
        assert_eq!(doc["status"], "made", "{doc}");
        // A page of the web publication alone (an item's, an index) is
        // shown as a web page, and has no pages to draw.
        let files = doc["files"].as_array().unwrap();
        let web_only = files.len() == 1 && files[0]["format"] == "html";
        assert_eq!(
            doc["pages"].as_array().unwrap().is_empty(),
            web_only,
            "{doc}"
        );
    }
    // The title a reader sees, made from the facts.
    assert!(
        document(&state, "ansoegning-1")["title"]
            .as_str()
            .unwrap()
            .starts_with("Ansøgning om dispensation"),
        "{state}"
    );
    let id = &page_ids(&state, "strategi")[0];
    let (status, headers, svg) = http(served.port, "GET", &format!("/page/{id}.svg"), &[], b"");
    assert_eq!(status, 200);
    assert!(headers.contains(&("content-type".into(), "image/svg+xml".into())));
    assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    // The text layer of the document shown holds its words where they
    // are drawn.
    let (status, shown) = served.get("/state?doc=strategi");
    assert_eq!(status, 200);
    let shown: Value = serde_json::from_slice(&shown).unwrap();
    let words: String = document(&shown, "strategi")["pages"][0]["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    assert!(words.contains("strategi for det forpligtende"), "{words}");
    assert!(
        document(&shown, "ansoegning-1")["pages"][0]
            .get("runs")
            .is_none()
    );
    // The PDF is the one `dokgen build` writes, byte for byte.
    let (status, served_pdf) = served.get("/pdf/strategi.pdf");
    assert_eq!(status, 200);
    let out = tempfile::tempdir().unwrap();
    common::assert_exit(&common::build(dir.path(), out.path()), 0);
    let built = std::fs::read(out.path().join("strategi.pdf")).unwrap();
    if built != served_pdf {
        std::fs::write("/tmp/served-test.pdf", &served_pdf).unwrap();
        std::fs::write("/tmp/built-test.pdf", &built).unwrap();
    }
    assert!(
        built == served_pdf,
        "the served PDF ({} bytes) differs from the built one ({} bytes)",
        served_pdf.len(),
        built.len()
    );
    // Nothing was written to the project's output folder.
    assert!(!dir.path().join("output").exists());
}

#[test]
fn an_edit_to_prose_remakes_only_its_document_and_reaches_the_stream_and_the_pdf() {
    let dir = project();
    let mut served = Served::start(dir.path(), &[]);
    let mut events = Events::open(served.port, "strategi");
    let before = events.next();
    let pages_before = page_ids(&before, "strategi");
    let letter_before = page_ids(&before, "ansoegning-1");
    common::edit(
        &dir.path().join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved det forpligtende samarbejde",
        "Ulemperne ved det ganske forpligtende samarbejde",
    );
    let after = events.until(|s| page_ids(s, "strategi") != pages_before);
    assert_eq!(document(&after, "strategi")["status"], "made");
    let line = served.wait_for_line(|l| l.starts_with("strategi: "));
    assert!(line.ends_with(" ms"), "{line}");
    // The letters do not use that prose: not made again.
    assert_eq!(page_ids(&after, "ansoegning-1"), letter_before);
    assert!(
        !served
            .printed
            .iter()
            .rev()
            .take_while(|l| !l.starts_with("changed:"))
            .any(|l| l.starts_with("ansoegning-1:")),
        "{:?}",
        served.printed
    );
    let (_, pdf) = served.get("/pdf/strategi.pdf");
    let file = dir.path().join("served.pdf");
    std::fs::write(&file, pdf).unwrap();
    assert!(common::pdf_text(&file).contains("det ganske forpligtende samarbejde"));
}

#[test]
fn a_broken_fact_shows_its_file_and_line_over_the_last_pages_and_its_fix_removes_it() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    let mut events = Events::open(served.port, "strategi");
    let before = events.next();
    let pages = page_ids(&before, "strategi");
    let file = dir.path().join("content/kommuner/ishoej.yaml");
    let line = common::line_of(&file, "value: 20668");
    common::edit(&file, "value: 20668", "value: mange");
    let broken = events.until(|s| !s["problems"].as_array().unwrap().is_empty());
    let text = broken["problems"][0]["text"].as_str().unwrap();
    let place = format!("content/kommuner/ishoej.yaml:{line}:");
    assert!(text.contains(&place), "{text}");
    assert!(text.contains("mange"), "{text}");
    // The place can be opened, and the last good pages are still there.
    let places = broken["problems"][0]["places"].as_array().unwrap();
    assert!(places.iter().any(|p| p["line"] == line), "{places:?}");
    assert_eq!(page_ids(&broken, "strategi"), pages);
    common::edit(&file, "value: mange", "value: 20668");
    let mended = events.until(|s| s["problems"].as_array().unwrap().is_empty());
    assert_eq!(document(&mended, "strategi")["status"], "made");
}

#[test]
fn a_document_that_fails_keeps_its_pages_and_says_where() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    let mut events = Events::open(served.port, "strategi");
    let pages = page_ids(&events.next(), "strategi");
    let template = dir.path().join("templates/strategi.typ.tera");
    common::edit(&template, "{{ document.title }}", "{{ document.titel }}");
    let failed = events.until(|s| document(s, "strategi")["status"] == "failed");
    let doc = document(&failed, "strategi");
    let text = doc["errors"][0]["text"].as_str().unwrap();
    assert!(text.contains("templates/strategi.typ.tera:"), "{text}");
    assert!(text.contains("titel"), "{text}");
    assert_eq!(page_ids(&failed, "strategi"), pages);
    assert_eq!(document(&failed, "ansoegning-1")["status"], "made");
    common::edit(&template, "{{ document.titel }}", "{{ document.title }}");
    events.until(|s| document(s, "strategi")["status"] == "made");
}

#[test]
fn a_click_on_a_word_says_which_prose_line_or_fact_it_came_from() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    // Where a run of prose stands.
    let (_, shown) = served.get("/state?doc=strategi");
    let shown: Value = serde_json::from_slice(&shown).unwrap();
    let mut prose = None;
    for (page, entry) in document(&shown, "strategi")["pages"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        for run in entry["runs"].as_array().unwrap() {
            let (x, y) = (run[1].as_f64().unwrap(), run[2].as_f64().unwrap());
            if run[0].as_str().unwrap().starts_with("Ulemperne") && prose.is_none() {
                prose = Some((page, x + 2.0, y - 2.0));
            }
        }
    }
    let (page, x, y) = prose.expect("the prose of udbytte.md is on a page");
    let (status, body) = served.get(&format!("/origin?doc=strategi&page={page}&x={x}&y={y}"));
    assert_eq!(status, 200);
    let origin: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(origin["kind"], "prose", "{origin}");
    assert_eq!(
        origin["at"]["file"], "content/prosa/strategi/udbytte.md",
        "{origin}"
    );
    let line = common::line_of(
        &dir.path().join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved",
    );
    assert_eq!(origin["at"]["line"], line, "{origin}");
    // The title on the first page is a fact: the declaration's `title`,
    // printed by the template's `{{ document.title }}`.
    let first = &document(&shown, "strategi")["pages"][0]["runs"];
    let title = first
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0].as_str().unwrap().starts_with("Udkast"))
        .expect("the title is on the first page");
    let (x, y) = (
        title[1].as_f64().unwrap() + 2.0,
        title[2].as_f64().unwrap() - 2.0,
    );
    let (_, body) = served.get(&format!("/origin?doc=strategi&page=0&x={x}&y={y}"));
    let origin: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(origin["kind"], "fact", "{origin}");
    assert_eq!(origin["fact"], "title", "{origin}");
    assert_eq!(
        origin["at"]["file"], "content/documents/strategi.yaml",
        "{origin}"
    );
    assert_eq!(
        origin["printed_by"]["file"], "templates/strategi.typ.tera",
        "{origin}"
    );
    // The margin holds nothing a person wrote.
    let (_, body) = served.get("/origin?doc=strategi&page=0&x=3&y=3");
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap()["found"],
        false
    );
}

#[test]
fn requests_from_elsewhere_and_paths_outside_the_routes_are_refused() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    let port = served.port;
    let status = |method: &str, path: &str, headers: &[(&str, &str)]| {
        http(port, method, path, headers, b"").0
    };
    // A page of another site, through a name that resolves here.
    assert_eq!(
        status("GET", "/state", &[("Host", "attacker.example:80")]),
        403
    );
    assert_eq!(
        status(
            "GET",
            "/state",
            &[("Host", &format!("attacker.example:{port}"))]
        ),
        403
    );
    assert_eq!(
        status("GET", "/state", &[("Origin", "http://attacker.example")]),
        403
    );
    assert_eq!(
        status("POST", "/open", &[("Origin", "http://attacker.example")]),
        403
    );
    assert_eq!(status("POST", "/open", &[]), 403);
    // The same address by name is the same site.
    assert_eq!(
        status("GET", "/state", &[("Host", &format!("localhost:{port}"))]),
        200
    );
    assert_eq!(
        status(
            "GET",
            "/state",
            &[("Origin", &format!("http://127.0.0.1:{port}"))]
        ),
        200
    );
    // No file of the project is served by its path, in any spelling.
    for path in [
        "/dokgen.yaml",
        "/content/samarbejde.yaml",
        "/templates/dokgen.typ",
        "/page/dokgen.yaml",
        "/pdf/../dokgen.yaml",
    ] {
        assert!(matches!(status("GET", path, &[]), 400 | 404), "{path}");
    }
    for path in [
        "/../dokgen.yaml",
        "/%2e%2e/dokgen.yaml",
        "/page/..%2f..%2fdokgen.yaml.svg",
        "/pdf/..\\dokgen.yaml",
    ] {
        assert_eq!(status("GET", path, &[]), 400, "{path}");
    }
    assert_eq!(status("DELETE", "/state", &[]), 405);
    // Every answer forbids sniffing and framing, and runs only its own
    // script.
    let (_, headers, _) = http(port, "GET", "/", &[], b"");
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("content-security-policy").contains("script-src 'self'"));
    assert!(header("content-security-policy").contains("frame-ancestors 'none'"));
}

#[test]
fn it_listens_on_the_loopback_address_only() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    assert!(
        served.printed[0].starts_with(&format!("dokgen serve: http://127.0.0.1:{}/", served.port)),
        "{:?}",
        served.printed
    );
    // Every other address of the machine is refused.
    let hostname = std::process::Command::new("hostname").arg("-I").output();
    let addresses = hostname
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    for address in addresses
        .split_whitespace()
        .filter(|a| !a.starts_with("127."))
    {
        if let Ok(ip) = address.parse::<std::net::IpAddr>() {
            let reached =
                TcpStream::connect_timeout(&(ip, served.port).into(), Duration::from_secs(1));
            assert!(reached.is_err(), "reachable on {address}");
        }
    }
}

#[test]
fn ctrl_c_stops_it_cleanly() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    let (status, printed) = served.interrupt();
    assert!(status.success(), "{status:?}: {printed:?}");
    assert_eq!(printed.last().map(String::as_str), Some("stopped"));
}

#[test]
fn with_write_it_writes_what_a_build_writes_and_holds_the_lock() {
    let dir = project();
    let mut served = Served::start(dir.path(), &["--write"]);
    served.wait_for_line(|l| l.starts_with("wrote ") && l.contains("strategi.pdf"));
    let output = dir.path().join("output");
    // The manifest is written once the last PDF is.
    let started = Instant::now();
    while !output.join("manifest.json").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no manifest written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // A build meanwhile is refused, not mixed in.
    let build = common::dokgen(&["build", dir.path().to_str().unwrap()]);
    common::assert_exit(&build, 1);
    assert!(String::from_utf8_lossy(&build.stderr).contains("lock"));
    common::edit(
        &dir.path().join("content/prosa/strategi/udbytte.md"),
        "Ulemperne ved det forpligtende samarbejde",
        "Ulemperne ved det ganske forpligtende samarbejde",
    );
    served.wait_for_line(|l| l.starts_with("wrote ") && l.contains("strategi.pdf"));
    let written = std::fs::read(output.join("strategi.pdf")).unwrap();
    let (_, shown) = served.get("/pdf/strategi.pdf");
    assert!(written == shown, "the written PDF is not the one shown");
    let (status, _) = served.interrupt();
    assert!(status.success());
    // After it, a build finds everything up to date.
    let build = common::dokgen(&["build", dir.path().to_str().unwrap()]);
    common::assert_exit(&build, 0);
    let all = common::shipped_documents();
    assert!(String::from_utf8_lossy(&build.stdout).contains(&format!("0 made, {all} up to date")));
}

#[test]
fn a_project_that_cannot_be_read_is_served_with_its_error_until_it_is_mended() {
    let dir = project();
    let config = dir.path().join("dokgen.yaml");
    let good = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good}\nnonsense: [\n")).unwrap();
    let mut child = Served::start(dir.path(), &[]);
    let state = child.state();
    let text = state["problems"][0]["text"].as_str().unwrap_or_default();
    assert!(text.contains("dokgen.yaml"), "{state}");
    std::fs::write(&config, good).unwrap();
    for _ in 0..9 {
        child.wait_for_line(|l| l.ends_with(" ms"));
    }
    assert!(child.state()["problems"].as_array().unwrap().is_empty());
}

#[test]
fn a_new_document_is_listed_and_made_and_a_deleted_one_goes() {
    let dir = project();
    let mut served = Served::start(dir.path(), &[]);
    let mut events = Events::open(served.port, "strategi");
    events.next();
    let declarations = dir.path().join("content/documents");
    let strategy = std::fs::read_to_string(declarations.join("strategi.yaml")).unwrap();
    std::fs::write(
        declarations.join("strategi-kopi.yaml"),
        strategy.replace("output: strategi", "output: strategi-kopi"),
    )
    .unwrap();
    let added = events.until(|s| {
        s["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "strategi-kopi" && d["status"] == "made")
    });
    assert_eq!(
        added["documents"].as_array().unwrap().len(),
        common::shipped_documents() + 1
    );
    served.wait_for_line(|l| l.starts_with("strategi-kopi: "));
    std::fs::remove_file(declarations.join("strategi-kopi.yaml")).unwrap();
    let removed =
        events.until(|s| s["documents"].as_array().unwrap().len() == common::shipped_documents());
    assert!(
        !removed["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "strategi-kopi")
    );
    assert_eq!(served.get("/pdf/strategi-kopi.pdf").0, 404);
}

#[test]
fn connections_that_send_a_byte_now_and_then_cannot_keep_a_browser_out() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    // More connections than the server serves at once, each sending the
    // start of a request head and then a byte every second.
    let mut slow: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", served.port)).ok())
        .collect();
    for stream in &mut slow {
        let _ = stream.write_all(b"GET / HTTP/1.1\r\n");
    }
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(3) {
        for stream in &mut slow {
            let _ = stream.write_all(b"X");
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    // A real request is served at once, while they trickle on.
    let asked = Instant::now();
    let (status, body) = served.get("/");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "{:?}",
        asked.elapsed()
    );
    drop(slow);
}

#[test]
fn a_download_is_named_so_that_its_name_adds_nothing_to_the_header() {
    let dir = project();
    let served = Served::start(dir.path(), &[]);
    let (status, headers, _) = http(served.port, "GET", "/pdf/strategi.pdf", &[], b"");
    assert_eq!(status, 200);
    let disposition = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-disposition"))
        .map(|(_, v)| v.clone())
        .expect("a Content-Disposition header");
    assert_eq!(
        disposition,
        "attachment; filename=\"strategi.pdf\"; filename*=UTF-8''strategi.pdf"
    );
}

#[test]
fn a_save_that_exhausts_memory_fails_its_document_and_the_server_stays() {
    let dir = project();
    common::edit(
        &dir.path().join("dokgen.yaml"),
        "proper_names:",
        "limits: { memory: 512 }\nproper_names:",
    );
    let mut served = Served::start(dir.path(), &[]);
    // Prose that squares a text four times: 10^16 characters asked for.
    common::edit(
        &dir.path().join("content/prosa/strategi/udbytte.md"),
        "{%- set v = municipalities.vallensbaek -%}\n",
        "{%- set v = municipalities.vallensbaek -%}\n{%- set s = \"xxxxxxxxxx\" -%}{%- set s = s | replace(from=\"x\", to=s) -%}{%- set s = s | replace(from=\"x\", to=s) -%}{%- set s = s | replace(from=\"x\", to=s) -%}{%- set s = s | replace(from=\"x\", to=s) -%}\n",
    );
    served.wait_for_line(|line| line.starts_with("strategi: failed"));
    let state = served.state();
    let errors = document(&state, "strategi")["errors"].to_string();
    assert!(
        errors.contains("making it needed more memory than its budget of 512 MB"),
        "{errors}"
    );
    // The others keep their pages, and the server answers as before.
    assert!(!page_ids(&state, "ansoegning-1").is_empty());
    assert_eq!(served.get("/").0, 200);
    // Mended, it is made again.
    std::fs::copy(
        common::repo().join("content/prosa/strategi/udbytte.md"),
        dir.path().join("content/prosa/strategi/udbytte.md"),
    )
    .unwrap();
    served.wait_for_line(|line| line.starts_with("strategi: ") && line.ends_with(" ms"));
    let state = served.state();
    assert_eq!(
        document(&state, "strategi")["errors"],
        Value::Array(Vec::new())
    );
    let (status, printed) = served.interrupt();
    assert!(status.success(), "{status:?}: {printed:?}");
}
