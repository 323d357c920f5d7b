//! The web server of `dokgen serve`: the page, its two assets, the state
//! as JSON and as a stream of events, the pages' drawings, the PDFs, and
//! where a clicked word came from. Nothing else: no file of the project is
//! served by its path.
//!
//! It listens on the loopback address only, and answers only requests
//! whose `Host` is the address it serves, and whose `Origin`, if any, is
//! that address too: a web page elsewhere cannot reach it through a name
//! that resolves to 127.0.0.1 (DNS rebinding), nor post to it.

use std::collections::HashMap;
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::preview::Preview;
use super::wire::{self, Request};
use super::{ASSETS, Editor, view};
use crate::diagnostic::Result;
use crate::export::Format;
use crate::message::{Lang, Message};
use crate::msg;

/// How often an idle event stream is sent a comment, which finds out
/// whether its browser is still there.
const KEEPALIVE: Duration = Duration::from_secs(5);

/// A running server.
pub(crate) struct Server {
    addr: SocketAddr,
    stopped: Arc<AtomicBool>,
    viewers: Arc<Mutex<HashMap<String, usize>>>,
}

/// What every request handler shares.
struct Site {
    preview: Arc<Preview>,
    addr: SocketAddr,
    editor: Option<Editor>,
    /// The project folder, and its templates' and fonts' where they lie
    /// elsewhere: the files an editor may be asked to open.
    folders: Vec<std::path::PathBuf>,
    viewers: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    /// Serves `preview` on `listener`, one thread per request.
    pub(crate) fn start(
        listener: TcpListener,
        preview: Arc<Preview>,
        folders: Vec<std::path::PathBuf>,
        editor: Option<Editor>,
    ) -> Result<Self> {
        let addr = listener
            .local_addr()
            .map_err(|err| super::cannot_serve(&err))?;
        let viewers = Arc::new(Mutex::new(HashMap::new()));
        let site = Arc::new(Site {
            preview,
            addr,
            editor,
            folders,
            viewers: Arc::clone(&viewers),
        });
        let stopped = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stopped);
        std::thread::spawn(move || {
            wire::serve(
                listener,
                flag,
                Arc::new(move |request, stream| site.handle(request, stream)),
            );
        });
        Ok(Self {
            addr,
            stopped,
            viewers,
        })
    }

    /// The documents open in a browser now.
    pub(crate) fn viewed(&self) -> Vec<String> {
        let viewers = self.viewers.lock().unwrap_or_else(|e| e.into_inner());
        viewers
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Stops taking requests.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
        // Wakes the loop that waits for the next connection.
        let _ = TcpStream::connect(self.addr);
    }
}

/// `Content-Disposition` for a download named `name` (RFC 6266): the name
/// percent-encoded as UTF-8 in `filename*`, and for older clients an ASCII
/// `filename` of letters, digits, `-`, `_` and `.` only. Nothing of the
/// name can end the quoted text or add a parameter.
fn disposition(name: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    // RFC 5987's attr-char, less what RFC 6266 advises to encode anyway.
    const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let ascii: String = name
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => c,
            _ => '_',
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(name, ENCODED)
    )
}

/// A response, before the headers every response gets.
struct Reply {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn ok(kind: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            kind,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// A refusal, saying `why` in `lang`.
    fn refused(status: u16, why: &Message, lang: Lang) -> Self {
        Self {
            status,
            kind: "text/plain; charset=utf-8",
            body: format!("{}\n", why.text(lang)).into_bytes(),
            headers: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

impl Site {
    /// The project folder.
    fn root(&self) -> &std::path::Path {
        self.folders
            .first()
            .map_or(std::path::Path::new("."), |f| f.as_path())
    }

    fn handle(&self, request: Request, mut stream: TcpStream) {
        let (path, query) = request
            .target
            .split_once('?')
            .unwrap_or((&request.target, ""));
        let path = decode_path(path);
        let query = parse_query(query);
        let lang = language(&request, &query);
        if let Err(why) = self.allowed(&request, &path, lang) {
            let _ = respond(&mut stream, why);
            return;
        }
        let reply = match (request.method.as_str(), path.as_str()) {
            ("GET", "/events") => {
                let doc = query.get("doc").cloned().unwrap_or_default();
                self.events(stream, doc, lang);
                return;
            }
            ("GET" | "HEAD", path) => self.get(path, &query, lang),
            ("POST", "/open") => self.open(&request, lang),
            (_, _) => Reply::refused(405, &msg!("serve-http-method-not-allowed"), lang),
        };
        let _ = respond(&mut stream, reply);
    }

    /// Refuses a request not meant for this server: another `Host` (DNS
    /// rebinding), another `Origin` (a page elsewhere), a path that climbs.
    fn allowed(&self, request: &Request, path: &str, lang: Lang) -> std::result::Result<(), Reply> {
        let port = self.addr.port();
        let served = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
        let header = |name: &str| request.header(name).map(str::to_owned);
        match header("host") {
            Some(host) if served.contains(&host.to_ascii_lowercase()) => {}
            _ => {
                return Err(Reply::refused(
                    403,
                    &msg!("serve-http-wrong-host", port = port.to_string()),
                    lang,
                ));
            }
        }
        let origin = header("origin");
        let same_origin = origin
            .as_deref()
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|o| served.contains(&o.to_ascii_lowercase()));
        // A request from a page says where it comes from; one that changes
        // something must say so.
        let must_say = origin.is_some() || request.method == "POST";
        if must_say && !same_origin {
            return Err(Reply::refused(403, &msg!("serve-http-other-site"), lang));
        }
        if !path.starts_with('/') || path.contains("..") || path.contains(['\\', '\0']) {
            return Err(Reply::refused(400, &msg!("serve-http-bad-path"), lang));
        }
        Ok(())
    }

    fn get(&self, path: &str, query: &HashMap<String, String>, lang: Lang) -> Reply {
        if path == "/" {
            // Worded for its reader: not kept by the browser for another.
            return Reply::ok("text/html; charset=utf-8", view::page(lang))
                .with("Cache-Control", "no-cache")
                .with("Content-Language", lang.code())
                .with("Vary", "Accept-Language");
        }
        if let Some((kind, body)) = ASSETS
            .iter()
            .find(|(p, ..)| *p == path)
            .map(|(_, k, b)| (k, b))
        {
            return Reply::ok(kind, body.as_bytes()).with("Cache-Control", "no-cache");
        }
        if path == "/state" {
            let state = self.preview.state();
            let doc = query.get("doc").map(String::as_str);
            return json(&view::state(
                &state,
                self.root(),
                self.editor.as_ref(),
                doc,
                lang,
            ))
            .with("Cache-Control", "no-store");
        }
        if path == "/origin" {
            return self.origin(query, lang);
        }
        if let Some(id) = between(path, "/page/", ".png") {
            let scale = query.get("scale").and_then(|s| s.parse::<f64>().ok());
            return self.raster(id, scale.filter(|s| s.is_finite()).unwrap_or(1.0), lang);
        }
        if let Some(id) = between(path, "/page/", ".svg") {
            return self.page(id, lang);
        }
        if let Some((format, name)) = view::file_path(path) {
            return self.file(format, name, query.contains_key("show"), lang);
        }
        Reply::refused(404, &msg!("serve-http-not-found"), lang)
    }

    /// A page drawn in pixels, `scale` to a point, named by its hash. Not
    /// kept by the browser: over a day of edits it would keep every
    /// drawing it was ever sent (the page asks only for the pages that
    /// changed anyway).
    fn raster(&self, id: &str, scale: f64, lang: Lang) -> Reply {
        let Some(page) = self.preview.page(id) else {
            return Reply::refused(404, &msg!("serve-http-no-page"), lang);
        };
        Reply::ok("image/png", page.raster(scale).to_vec()).with("Cache-Control", "no-store")
    }

    /// A page's drawing as SVG, named by its hash; not kept by the browser
    /// either.
    fn page(&self, id: &str, lang: Lang) -> Reply {
        let Some(page) = self.preview.page(id) else {
            return Reply::refused(404, &msg!("serve-http-no-page"), lang);
        };
        Reply::ok("image/svg+xml", page.svg().into_bytes())
            .with("Cache-Control", "no-store")
            .with(
                "Content-Security-Policy",
                "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:",
            )
    }

    /// A file of a document as last made without error, to download; a
    /// web page asked for with `?show`, to be shown in the preview's frame,
    /// as a page that can run nothing and reach nothing but its images.
    fn file(&self, format: Format, name: &str, show: bool, lang: Lang) -> Reply {
        let good = self.preview.good(name);
        let Some(file) = good.as_ref().and_then(|good| good.output.file(format)) else {
            let format = format.name().to_uppercase();
            return Reply::refused(404, &msg!("serve-http-no-file", format), lang);
        };
        let reply =
            Reply::ok(format.media_type(), file.bytes.clone()).with("Cache-Control", "no-cache");
        if show && format == Format::Html {
            return reply.with(
                "Content-Security-Policy",
                "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
            );
        }
        reply.with("Content-Disposition", disposition(file.base_name()))
    }

    /// Where the word at a point of a page came from.
    fn origin(&self, query: &HashMap<String, String>, lang: Lang) -> Reply {
        let number = |key: &str| query.get(key).and_then(|v| v.parse::<f64>().ok());
        let (Some(doc), Some(page), Some(x), Some(y)) =
            (query.get("doc"), number("page"), number("x"), number("y"))
        else {
            return Reply::refused(400, &msg!("serve-http-origin-query"), lang);
        };
        let origin = self.preview.origin(doc, page.max(0.0) as usize, (x, y));
        json(&view::origin(
            origin.as_ref(),
            self.root(),
            self.editor.as_ref(),
            lang,
        ))
        .with("Cache-Control", "no-store")
    }

    /// Opens a file of the project at a line in the configured editor.
    fn open(&self, request: &Request, lang: Lang) -> Reply {
        let Some(Editor::Command(command)) = &self.editor else {
            return Reply::refused(404, &msg!("serve-http-no-editor"), lang);
        };
        let Ok(body) = std::str::from_utf8(&request.body) else {
            return Reply::refused(400, &msg!("serve-http-not-text"), lang);
        };
        let Ok(place) = serde_json::from_str::<serde_json::Value>(body) else {
            return Reply::refused(400, &msg!("serve-http-not-json"), lang);
        };
        let (Some(file), Some(line)) = (
            place.get("file").and_then(|f| f.as_str()),
            place.get("line").and_then(|l| l.as_u64()),
        ) else {
            return Reply::refused(400, &msg!("serve-http-open-query"), lang);
        };
        let column = place.get("column").and_then(|c| c.as_u64()).unwrap_or(1);
        match super::open_in_editor(command, &self.folders, file, line, column) {
            Ok(()) => Reply::ok("application/json", "{}"),
            Err(why) => Reply::refused(403, &why, lang),
        }
    }

    /// The state as a stream of server-sent events: now, and at each
    /// change. While the stream is open, the document `doc` counts as
    /// looked at, and is made first.
    fn events(&self, stream: TcpStream, doc: String, lang: Lang) {
        self.count_viewer(&doc, 1);
        let _ = self.stream(stream, &doc, lang);
        self.count_viewer(&doc, -1);
    }

    fn stream(&self, mut writer: TcpStream, doc: &str, lang: Lang) -> std::io::Result<()> {
        write!(
            writer,
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        )?;
        let mut seen = None;
        loop {
            let state = match seen {
                None => self.preview.state(),
                Some(version) => self.preview.wait(version, KEEPALIVE),
            };
            if seen == Some(state.version) {
                write!(writer, ": still here\n\n")?;
            } else {
                let data = view::state(&state, self.root(), self.editor.as_ref(), Some(doc), lang)
                    .to_string();
                write!(writer, "event: state\ndata: {data}\n\n")?;
                seen = Some(state.version);
            }
            writer.flush()?;
        }
    }

    fn count_viewer(&self, doc: &str, by: isize) {
        let mut viewers = self.viewers.lock().unwrap_or_else(|e| e.into_inner());
        let count = viewers.entry(doc.to_owned()).or_default();
        *count = count.saturating_add_signed(by);
    }
}

/// The language to answer a request in: the one the user asked for
/// (`--lang`, `DOKGEN_LANG`); else the one the page asks for (`lang=`,
/// the language it was worded in); else the browser's
/// (`Accept-Language`); else this process's.
fn language(request: &Request, query: &HashMap<String, String>) -> Lang {
    Lang::explicit()
        .or_else(|| query.get("lang").and_then(|l| Lang::named(l)))
        .or_else(|| {
            request
                .header("accept-language")
                .filter(|h| !h.trim().is_empty())
                .map(Lang::of_accept_language)
        })
        .unwrap_or_else(Lang::current)
}

fn json(value: &serde_json::Value) -> Reply {
    Reply::ok("application/json", value.to_string())
}

/// Sends `reply` with the headers every response of this server has: no
/// sniffing, no framing, no referrer, and a page that runs only its own
/// script and loads only from here.
fn respond(stream: &mut TcpStream, reply: Reply) -> std::io::Result<()> {
    let mut headers = vec![
        ("Content-Type", reply.kind.to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("Cross-Origin-Resource-Policy", "same-origin".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
    ];
    if !reply
        .headers
        .iter()
        .any(|(n, _)| *n == "Content-Security-Policy")
    {
        headers.push((
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'".to_owned(),
        ));
    }
    headers.extend(reply.headers);
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    wire::respond(stream, reply.status, &headers, &reply.body)
}

/// What stands in `path` between `prefix` and `suffix`.
fn between<'p>(path: &'p str, prefix: &str, suffix: &str) -> Option<&'p str> {
    path.strip_prefix(prefix)?.strip_suffix(suffix)
}

/// A URL's path with `%XX` decoded (a `+` is a plus there).
fn decode_path(path: &str) -> String {
    decode(&path.replace('+', "%2B"))
}

/// `a=1&b=2`, with `+` and `%XX` decoded.
fn parse_query(query: &str) -> HashMap<String, String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_decoded() {
        let q = parse_query("doc=ans%C3%B8gning&x=1.5&y=%2&z=a+b");
        assert_eq!(q["doc"], "ansøgning");
        assert_eq!(q["x"], "1.5");
        assert_eq!(q["y"], "%2");
        assert_eq!(q["z"], "a b");
    }

    #[test]
    fn a_download_name_cannot_add_to_its_header() {
        let header = disposition("aftale\"; filename*=UTF-8''evil.exe; x=\"");
        assert_eq!(header.matches('"').count(), 2, "{header}");
        assert_eq!(header.matches(';').count(), 2, "{header}");
        assert!(
            header.starts_with("attachment; filename=\"aftale__"),
            "{header}"
        );
        assert!(
            header.contains(
                "filename*=UTF-8''aftale%22%3B%20filename%2A%3DUTF-8%27%27evil.exe%3B%20x%3D%22"
            ),
            "{header}"
        );
        assert_eq!(
            disposition("ansøgning-1.pdf"),
            "attachment; filename=\"ans_gning-1.pdf\"; filename*=UTF-8''ans%C3%B8gning-1.pdf"
        );
    }
}
