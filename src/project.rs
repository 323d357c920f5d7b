//! Finds and reads a project: its `dokgen.yaml`, `content/`, `templates/`,
//! optional `fonts/`, and where its output goes.

use std::path::{Component, Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::builtin::{self, Builtin};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::export::pdf::{self, Standard};
use crate::export::{self, Format};
use crate::message::Message;
use crate::msg;
use crate::yaml;

/// The name of the file that marks a project folder.
pub const CONFIG_FILE: &str = "dokgen.yaml";

/// What stands where a fact is not yet known, unless a project says
/// otherwise: "N.N." for a person, "TODO" and "XXX" for text, "???" for a
/// figure, "[indsæt …]" for anything.
pub const DEFAULT_PLACEHOLDERS: &[&str] = &["N.N.", "TODO", "XXX", "???", "[indsæt"];

/// A project on disk.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project folder, absolute. Typst may read files only below it.
    pub root: PathBuf,
    /// The settings from `dokgen.yaml`.
    pub config: Config,
}

/// The settings in `dokgen.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The project's name.
    #[serde(deserialize_with = "crate::yaml::text")]
    pub name: String,
    /// Values a document takes when its declaration does not give them.
    #[serde(default)]
    pub defaults: Defaults,
    /// The templates folder, relative to the project folder: `templates`
    /// unless given. Projects that share one house style point here, e.g.
    /// `../../templates`; Typst reads that folder as the project's
    /// `/templates/`, and nothing else outside the project.
    #[serde(default)]
    pub templates: Option<PathBuf>,
    /// Proper names that are never hyphenated, besides the municipalities'
    /// names (which never are): `[Danmark, Amager]`.
    #[serde(default)]
    pub proper_names: Vec<String>,
    /// Text that stands where a fact is not yet known: an error where a
    /// final document would print it, a warning in a draft. `[N.N., TODO,
    /// XXX, "???", "[indsæt"]` unless given (`[]` for none).
    #[serde(default)]
    pub placeholders: Option<Vec<String>>,
    /// The largest file of each kind dokgen reads, in megabytes (see
    /// [`Limits`]).
    #[serde(default)]
    pub limits: Limits,
    /// The meeting papers published on the web, if the project publishes
    /// them: `publication: {}` for the usual settings.
    #[serde(default)]
    pub publication: Option<Publication>,
}

/// The web publication of a project's meeting papers (`publication:`):
/// the public agendas and minutes as web pages beside their PDFs, a page
/// per item, an index of each body's meetings and a front page, in a
/// folder of the output folder that can be copied to any web server.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The folder of the output folder it is written to: `web` unless
    /// given. One name (letters, digits, `-` and `_`).
    #[serde(default)]
    pub folder: Option<String>,
    /// The front page's heading: the project's name unless given.
    #[serde(default, deserialize_with = "crate::yaml::optional_text")]
    pub title: Option<String>,
    /// The colour of headings, links and the focus ring, as `#rrggbb`:
    /// the style library's blue (`#1f4e79`) unless given. It must keep a
    /// contrast of at least 4.5:1 against the white page (WCAG 2.1, 1.4.3).
    #[serde(default)]
    pub accent: Option<String>,
    /// The municipality's logo, shown before the publication's name at the
    /// top of each page: a PNG, JPEG or SVG file in the project (path
    /// relative to the project folder).
    #[serde(default, deserialize_with = "crate::yaml::optional_text")]
    pub logo: Option<String>,
}

impl Publication {
    /// The folder unless given.
    pub const FOLDER: &'static str = "web";

    /// The accent colour unless given.
    pub const ACCENT: &'static str = "#1f4e79";

    /// The folder it is written to, in the output folder.
    pub fn folder(&self) -> &str {
        self.folder.as_deref().unwrap_or(Self::FOLDER)
    }

    /// Its accent colour, `#rrggbb`.
    pub fn accent(&self) -> &str {
        self.accent.as_deref().unwrap_or(Self::ACCENT)
    }

    /// What is wrong with its settings, by the field it is in; `root`
    /// is the project folder its logo must be in.
    fn problem(&self, root: &Path) -> Option<(&'static str, Message, Message)> {
        if let Some(logo) = &self.logo {
            let image = Path::new(logo)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "png" | "jpg" | "jpeg" | "svg"
                    )
                });
            let inside = root
                .join(logo)
                .canonicalize()
                .is_ok_and(|real| real.starts_with(root) && real.is_file());
            if !image || !inside {
                return Some((
                    "publication.logo",
                    msg!("door-publication-logo", logo = logo.as_str()),
                    msg!("door-publication-logo-hint"),
                ));
            }
        }
        if let Some(folder) = &self.folder {
            let fits = !folder.is_empty()
                && folder.len() <= 64
                && !folder.starts_with(['-', '.'])
                && folder
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !fits {
                return Some((
                    "publication.folder",
                    msg!("door-publication-folder", folder = folder.as_str()),
                    msg!("door-publication-folder-hint"),
                ));
            }
        }
        if let Some(accent) = &self.accent {
            match rgb(accent) {
                None => {
                    return Some((
                        "publication.accent",
                        msg!("door-publication-accent", colour = accent.as_str()),
                        msg!("door-publication-accent-hint"),
                    ));
                }
                Some(colour) => {
                    let ratio = contrast_on_white(colour);
                    if ratio < 4.5 {
                        return Some((
                            "publication.accent",
                            msg!(
                                "door-publication-accent-contrast",
                                colour = accent.as_str(),
                                ratio = crate::message::Arg::decimal(
                                    (ratio * 100.0).floor() / 100.0,
                                    2
                                )
                            ),
                            msg!("door-publication-accent-contrast-hint"),
                        ));
                    }
                }
            }
        }
        None
    }
}

/// A colour written `#rrggbb`, as its three channels.
fn rgb(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The contrast ratio of `colour` against white, as WCAG 2.1 defines it
/// (from the relative luminance of each).
fn contrast_on_white(colour: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = colour.map(linear);
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    1.05 / (luminance + 0.05)
}

/// The kinds of file a project holds, each with its own size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A fact file or a declaration (YAML), or `dokgen.yaml`.
    Facts,
    /// A Markdown prose file.
    Prose,
    /// A template or a Typst file of the templates folder.
    Template,
    /// An annex (PDF or image).
    Annex,
    /// An image or logo.
    Image,
    /// A font of `fonts/`.
    Font,
}

impl FileKind {
    /// Its name in messages and in `limits:`.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Facts => "facts",
            FileKind::Prose => "prose",
            FileKind::Template => "template",
            FileKind::Annex => "annex",
            FileKind::Image => "image",
            FileKind::Font => "font",
        }
    }

    /// A file of its kind, with the article it takes: "an annex file",
    /// "a font file".
    pub fn a_file(self) -> Message {
        match self {
            FileKind::Facts => msg!("door-kind-facts"),
            FileKind::Prose => msg!("door-kind-prose"),
            FileKind::Template => msg!("door-kind-template"),
            FileKind::Annex => msg!("door-kind-annex"),
            FileKind::Image => msg!("door-kind-image"),
            FileKind::Font => msg!("door-kind-font"),
        }
    }

    /// The kind of a file Typst asks for, by its extension.
    pub fn of(path: &Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => FileKind::Annex,
            Some("png" | "jpg" | "jpeg" | "gif" | "svg" | "webp") => FileKind::Image,
            Some("ttf" | "otf" | "ttc" | "otc") => FileKind::Font,
            Some("md") => FileKind::Prose,
            Some("yaml" | "yml") => FileKind::Facts,
            _ => FileKind::Template,
        }
    }
}

/// How much of each kind dokgen takes from a project: `limits:` in
/// dokgen.yaml. The largest file of each kind, in megabytes (a file over
/// its limit is an error at the line that names it, so a project cannot
/// make dokgen read without end); the most pixels of an image; the time a
/// document may take to render, and again to typeset.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// A fact file or declaration: 10 MB unless given.
    #[serde(default)]
    pub facts: Option<u64>,
    /// A prose file: 5 MB unless given.
    #[serde(default)]
    pub prose: Option<u64>,
    /// A template or Typst file: 2 MB unless given.
    #[serde(default)]
    pub template: Option<u64>,
    /// An annex: 100 MB unless given.
    #[serde(default)]
    pub annex: Option<u64>,
    /// An image or logo: 50 MB unless given.
    #[serde(default)]
    pub image: Option<u64>,
    /// A font: 50 MB unless given.
    #[serde(default)]
    pub font: Option<u64>,
    /// The most pixels of a raster image (PNG, JPEG, GIF, WebP), in
    /// millions: 50 unless given. A small file can unpack into an image of
    /// gigabytes.
    #[serde(default)]
    pub megapixels: Option<u64>,
    /// The seconds a document may take to render, again to typeset, and
    /// again to export into its files: 10 unless given. A document over it fails, and the others are made.
    /// A secretariat's documents take well under a second each (the
    /// default project's nine, 31 pages, are built in under half a second
    /// together); ten seconds leave room for a slow or busy machine and
    /// end a runaway template soon after it starts.
    #[serde(default)]
    pub seconds: Option<u64>,
    /// The memory, in megabytes, of the process that makes a document
    /// (`dokgen build` and `dokgen check` make each in a process of its
    /// own): 2048 unless given. What the project holds counts too (tens of
    /// megabytes); the default project's documents need about 200 MB. A
    /// document over it fails, and the others are made.
    #[serde(default)]
    pub memory: Option<u64>,
}

impl Limits {
    /// The limit of `kind`, in bytes.
    pub fn bytes(&self, kind: FileKind) -> u64 {
        let (given, default) = match kind {
            FileKind::Facts => (self.facts, 10),
            FileKind::Prose => (self.prose, 5),
            FileKind::Template => (self.template, 2),
            FileKind::Annex => (self.annex, 100),
            FileKind::Image => (self.image, 50),
            FileKind::Font => (self.font, 50),
        };
        given.unwrap_or(default).saturating_mul(1024 * 1024)
    }

    /// The most pixels of a raster image.
    pub fn pixels(&self) -> u64 {
        self.megapixels.unwrap_or(50).saturating_mul(1_000_000)
    }

    /// The memory of the process that makes a document, in bytes.
    pub fn memory(&self) -> u64 {
        self.memory.unwrap_or(2048).saturating_mul(1024 * 1024)
    }

    /// The time a document may take to render, and again to typeset.
    pub fn budget(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.seconds.unwrap_or(10))
    }
}

/// Why a file a project names is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// What is wrong with it: "it leads outside the project folder".
    pub reason: Message,
    /// What to do.
    pub hint: Message,
}

impl Refused {
    fn new(reason: Message, hint: Message) -> Self {
        Self { reason, hint }
    }
}

/// Reads the file at `path`, the one door by which dokgen reads a file a
/// project names: its real path (symbolic links resolved) must lie below
/// one of `bases` (the project folder, and a shared templates folder that
/// dokgen.yaml names), it must be a regular file (not a folder, a device
/// or a pipe), and no larger than `limit` bytes, also while it is read.
pub fn read_inside(
    bases: &[PathBuf],
    path: &Path,
    limits: &Limits,
    kind: FileKind,
) -> std::result::Result<Vec<u8>, Refused> {
    use std::io::Read;
    let limit = limits.bytes(kind);
    let unreadable = |err: &std::io::Error| {
        Refused::new(
            msg!(
                "door-unreadable",
                reason = crate::diagnostic::io_reason(err)
            ),
            msg!("door-unreadable-hint"),
        )
    };
    let real = path.canonicalize().map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => {
            Refused::new(msg!("door-not-found"), msg!("door-not-found-hint"))
        }
        _ => unreadable(&err),
    })?;
    if !bases.iter().any(|base| real.starts_with(base)) {
        return Err(Refused::new(
            msg!("door-outside"),
            msg!("door-outside-hint"),
        ));
    }
    let metadata = std::fs::metadata(&real).map_err(|err| unreadable(&err))?;
    let too_large = |size: u64| {
        Refused::new(
            msg!(
                "door-too-large",
                size = crate::message::Arg::Decimal(megabytes(size)),
                limit = limit / (1024 * 1024),
                file = kind.a_file()
            ),
            msg!("door-too-large-hint", key = kind.name()),
        )
    };
    if !metadata.is_file() {
        return Err(Refused::new(
            msg!("door-not-regular"),
            msg!("door-not-regular-hint"),
        ));
    }
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&real)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|err| unreadable(&err))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    if kind == FileKind::Image {
        readable_raster(&bytes, path)?;
    }
    // Whatever its name: an SVG may draw any file of the project as an
    // image (`href="bombe.bin"`).
    if matches!(kind, FileKind::Image | FileKind::Template | FileKind::Annex) {
        pixels_fit(&bytes, limits.pixels())?;
        // A compressed SVG (`.svgz`) is measured as it unpacks, up to the
        // size its kind may have, and what it unpacks into is measured as
        // an SVG.
        if bytes.starts_with(&GZIP) {
            let unpacked = unpacked(flate2::read::GzDecoder::new(&bytes[..]), limit);
            if unpacked.len() as u64 > limit {
                return Err(Refused::new(
                    msg!(
                        "door-unpacks-too-large",
                        limit = limit / (1024 * 1024),
                        file = kind.a_file()
                    ),
                    msg!("door-unpacks-too-large-hint"),
                ));
            }
            pixels_fit(&unpacked, limits.pixels())?;
            filters_fit(&unpacked)?;
        }
        filters_fit(&bytes)?;
    }
    if kind == FileKind::Annex {
        streams_fit(&bytes)?;
    }
    Ok(bytes)
}

/// Whether the SVG in `bytes` (bytes that are no SVG pass) draws only
/// filters of a cost in proportion to its size. A logo of 200 × 100 units
/// whose filter covered 200 000 units square, blurred by 5000 and made
/// turbulence of 100 octaves, held the PDF writer for minutes: the cost of
/// a filter grows with its region, its blur and its octaves, none of which
/// a drawing needs beyond its own size.
fn filters_fit(bytes: &[u8]) -> std::result::Result<(), Refused> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    if !text.contains("<svg") {
        return Ok(());
    }
    // As the SVG library reads it: with its document type, whose entities
    // roxmltree expands with a limit of its own.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let Ok(svg) = roxmltree::Document::parse_with_options(text, options) else {
        return Ok(());
    };
    let number = |v: &str| -> Option<f64> {
        let v = v.trim();
        match v.strip_suffix('%') {
            Some(pct) => pct.trim().parse::<f64>().ok().map(|p| p / 100.0),
            None => v.trim_end_matches(char::is_alphabetic).parse().ok(),
        }
    };
    let root = svg.root_element();
    // The drawing's size: its viewBox, else its width and height.
    let size = root
        .attribute("viewBox")
        .and_then(|b| {
            let parts: Vec<f64> = b
                .split([' ', ','])
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.parse().ok())
                .collect();
            (parts.len() == 4).then(|| parts[2].max(parts[3]))
        })
        .or_else(|| {
            let w = root.attribute("width").and_then(number).unwrap_or(0.0);
            let h = root.attribute("height").and_then(number).unwrap_or(0.0);
            Some(w.max(h))
        })
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(1000.0);
    let numbers = |v: &str| -> Vec<f64> {
        v.split([' ', ','])
            .filter(|p| !p.is_empty())
            .filter_map(number)
            .collect()
    };
    let refused = |what: Message| {
        Refused::new(
            msg!("door-filter-slow", what),
            msg!("door-filter-slow-hint"),
        )
    };
    for node in svg.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name().name();
        if name == "feTurbulence"
            && let Some(octaves) = node.attribute("numOctaves").and_then(number)
            && over(octaves, 10.0)
        {
            return Err(refused(msg!(
                "door-filter-octaves",
                octaves = octaves.to_string()
            )));
        }
        if name == "feConvolveMatrix"
            && let Some(order) = node.attribute("order").map(numbers)
            && order.iter().any(|o| over(*o, 10.0))
        {
            return Err(refused(msg!("door-filter-convolution")));
        }
        for attribute in ["stdDeviation", "radius"] {
            if let Some(values) = node.attribute(attribute).map(numbers)
                && values.iter().any(|v| over(*v, size))
            {
                let value = node.attribute(attribute).unwrap_or_default();
                let size = size.to_string();
                return Err(refused(match attribute {
                    "stdDeviation" => msg!("door-filter-blur", value, size),
                    _ => msg!("door-filter-morphology", value, size),
                }));
            }
        }
        if name == "filter" {
            let user_space = node.attribute("filterUnits") == Some("userSpaceOnUse");
            // A region in the drawing's units, or in parts of the drawn
            // element's box.
            let most = if user_space { 4.0 * size } else { 4.0 };
            for attribute in ["x", "y", "width", "height"] {
                if let Some(v) = node.attribute(attribute).and_then(number)
                    && over(v.abs(), most)
                {
                    return Err(refused(msg!(
                        "door-filter-region",
                        attribute,
                        value = node.attribute(attribute).unwrap_or_default()
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Whether `value` is more than `most`, or no number at all.
fn over(value: f64, most: f64) -> bool {
    value.is_nan() || value > most
}

/// How a gzip file starts.
const GZIP: [u8; 2] = [0x1f, 0x8b];

/// The most one stream of a PDF annex may unpack into. A scanned A4 page
/// at 300 dpi in colour is 26 MB; a stream of three gigabytes, from a file
/// of three megabytes, ended dokgen.
const MOST_UNPACKED: u64 = 256 * 1024 * 1024;

/// What `reader` gives, up to one byte more than `most`.
fn unpacked(reader: impl std::io::Read, most: u64) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    let _ = reader.take(most.saturating_add(1)).read_to_end(&mut out);
    out
}

/// How many bytes `reader` gives, up to one more than `most`, without
/// keeping them.
fn unpacked_size(reader: impl std::io::Read, most: u64) -> u64 {
    std::io::copy(
        &mut reader.take(most.saturating_add(1)),
        &mut std::io::sink(),
    )
    .unwrap_or(0)
}

/// Whether every stream of the PDF in `bytes` unpacks into at most
/// [`MOST_UNPACKED`] bytes. Every `stream` keyword is followed by its data;
/// whatever filter the stream's dictionary names (a name can be written in
/// escapes), data that inflates is inflated here, as zlib and as raw
/// deflate, up to the limit and no further, before the PDF reader meets
/// it. (Other filters expand little, or are images whose size the
/// process that draws an annex bounds: `crate::isolate`.)
fn streams_fit(bytes: &[u8]) -> std::result::Result<(), Refused> {
    const KEYWORD: &[u8] = b"stream";
    let mut from = 0;
    while let Some(at) = bytes[from..]
        .windows(KEYWORD.len())
        .position(|w| w == KEYWORD)
    {
        let start = from + at + KEYWORD.len();
        from = start;
        let rest = &bytes[start..];
        let Some(data) = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .or_else(|| rest.strip_prefix(b"\r"))
        else {
            continue;
        };
        let zlib = unpacked_size(flate2::read::ZlibDecoder::new(data), MOST_UNPACKED);
        let raw = unpacked_size(flate2::read::DeflateDecoder::new(data), MOST_UNPACKED);
        if zlib.max(raw) > MOST_UNPACKED {
            return Err(Refused::new(
                msg!(
                    "door-stream-too-large",
                    limit = MOST_UNPACKED / (1024 * 1024)
                ),
                msg!("door-stream-too-large-hint"),
            ));
        }
    }
    Ok(())
}

/// `bytes` in megabytes as a person reads them: "1.3", "240"; never
/// rounded down to the limit it is over.
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= 10 * MB {
        return bytes.div_ceil(MB).to_string();
    }
    let tenths = (bytes * 10).div_ceil(MB);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Whether a file named as a raster image (`.png`, `.jpg`, …) has a
/// header the image reader can read: an empty or cut-off file is refused
/// here, at the line that names it, not where Typst meets it.
fn readable_raster(bytes: &[u8], path: &Path) -> std::result::Result<(), Refused> {
    let Some(format) = image::ImageFormat::from_path(path).ok() else {
        return Ok(());
    };
    let reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    match reader.into_dimensions() {
        Ok(_) => Ok(()),
        Err(err) => {
            let format = format
                .extensions_str()
                .first()
                .unwrap_or(&"")
                .to_uppercase();
            let why = match &err {
                image::ImageError::IoError(io)
                    if io.kind() == std::io::ErrorKind::UnexpectedEof =>
                {
                    msg!("door-image-cut-off")
                }
                image::ImageError::IoError(io) => crate::diagnostic::io_reason(io),
                image::ImageError::Decoding(_) => msg!("door-image-damaged"),
                image::ImageError::Unsupported(_) => msg!("door-image-unsupported"),
                _ => msg!("foreign-said", tool = "image", text = err.to_string()),
            };
            Err(Refused::new(
                msg!("door-image-unreadable", format, why),
                msg!("door-image-unreadable-hint"),
            ))
        }
    }
}

/// Whether the image in `bytes` has at most `most` pixels, told from its
/// header alone: a PNG of 50 kB can unpack into gigabytes. For an SVG,
/// every raster image it carries as a `data:` address is measured so
/// (a drawing may wrap a bomb). Bytes that are no image are left to the
/// reader that knows them.
fn pixels_fit(bytes: &[u8], most: u64) -> std::result::Result<(), Refused> {
    let Some((width, height, inside)) = too_many_pixels(bytes, most, 0) else {
        return Ok(());
    };
    let most = most / 1_000_000;
    let reason = if inside {
        msg!("door-carries-too-many-pixels", width, height, most)
    } else {
        msg!("door-too-many-pixels", width, height, most)
    };
    Err(Refused::new(reason, msg!("door-too-many-pixels-hint")))
}

/// The size of the first image in `bytes` over `most` pixels, and whether
/// it is carried inside an SVG; `depth` counts SVGs within SVGs.
fn too_many_pixels(bytes: &[u8], most: u64, depth: usize) -> Option<(u32, u32, bool)> {
    if let Ok(reader) = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format()
        && reader.format().is_some()
    {
        let (width, height) = reader.into_dimensions().ok()?;
        return (u64::from(width) * u64::from(height) > most).then_some((width, height, depth > 0));
    }
    if depth > 16 {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.contains("<svg") && !text.contains("<SVG") {
        return None;
    }
    embedded_images(text)
        .find_map(|image| too_many_pixels(&image, most, depth + 1).map(|(w, h, _)| (w, h, true)))
}

/// The images an SVG carries as base64 `data:` addresses, decoded.
fn embedded_images(svg: &str) -> impl Iterator<Item = Vec<u8>> + '_ {
    use base64::Engine;
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    // Any `data:` address in any case, whatever type it claims: the reader
    // looks at the bytes, not at the label.
    let lower = svg.to_ascii_lowercase();
    let starts: Vec<usize> = lower.match_indices("data:").map(|(at, _)| at).collect();
    starts.into_iter().filter_map(move |at| {
        let rest = &svg[at..];
        let header_end = rest.find(',')?;
        if !rest[..header_end].to_ascii_lowercase().ends_with(";base64") {
            return None;
        }
        let data = &rest[header_end + 1..];
        let end = data.find(['"', '\'', ')', '<']).unwrap_or(data.len());
        let clean: String = with_references(&data[..end])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        engine.decode(clean).ok()
    })
}

/// `text` with XML's character references (`&#86;`, `&#x56;`) replaced
/// by their characters, as the SVG reader sees an attribute.
fn with_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let decoded = after.find(';').and_then(|end| {
            let number = &after[..end];
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            value.and_then(char::from_u32).map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `path` is `root` or below it by its names alone: no `..`, no
/// root of its own.
fn lexically_inside(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root).is_ok_and(|rest| {
        rest.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
    })
}

/// `bytes` as text, or an error at the file, line and column of the first
/// byte that is not UTF-8, with the bytes shown.
///
/// A character that turns the direction of text or does not show
/// ([`crate::unseen`]) is an error at its line and column too: every
/// YAML, Markdown and template file is read through here.
pub fn utf8(bytes: Vec<u8>, file: &Path) -> Result<String> {
    let text = decode(bytes, file)?;
    // A byte order mark opens a file some editors save; it is no text.
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if let Some((at, c)) = crate::unseen::find(body) {
        let at = at + (text.len() - body.len());
        let diagnostic = Diagnostic::error(crate::unseen::message(c))
            .in_file(file)
            .at_offset(&text, at);
        let snippet = diagnostic.snippet.as_deref().map(crate::unseen::shown);
        return Err(diagnostic
            .with_snippet(snippet.unwrap_or_default())
            .hint(crate::unseen::hint())
            .into());
    }
    Ok(text)
}

fn decode(bytes: Vec<u8>, file: &Path) -> Result<String> {
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let at = err.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&bytes[..at]);
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        let shown: Vec<String> = bytes[at..]
            .iter()
            .take(4)
            .map(|b| format!("0x{b:02X}"))
            .collect();
        Error::from(
            Diagnostic::error(msg!("door-not-utf8", bytes = shown.join(" ")))
                .in_file(file)
                .at(line, column)
                .hint(msg!("door-not-utf8-hint")),
        )
    })
}

/// Document settings that apply unless a document says otherwise.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// The authoring municipalities, by id.
    #[serde(default)]
    pub authors: Vec<crate::id::MunicipalityId>,
    /// Keywords added to every document's metadata.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The PDF standards every document meets unless it says otherwise:
    /// `[a-2a, ua-1]` if not given.
    #[serde(default)]
    pub pdf_standards: Option<Vec<Standard>>,
    /// The formats every document is made in unless it says otherwise:
    /// `[pdf]` if not given.
    #[serde(default)]
    pub formats: Option<Vec<Format>>,
}

impl Project {
    /// Opens the project in `dir`, which must hold a `dokgen.yaml`.
    pub fn open(dir: &Path) -> Result<Self> {
        let root = dir.canonicalize().map_err(|err| {
            Error::from(
                Diagnostic::error(msg!(
                    "door-cannot-open",
                    folder = dir,
                    reason = crate::diagnostic::io_reason(&err)
                ))
                .hint(msg!("door-cannot-open-hint", file = CONFIG_FILE)),
            )
        })?;
        let config_path = root.join(CONFIG_FILE);
        let limits = Limits::default();
        let bytes = read_inside(
            std::slice::from_ref(&root),
            &config_path,
            &limits,
            FileKind::Facts,
        )
        .map_err(|refused| {
            Error::from(
                Diagnostic::error(msg!(
                    "door-not-a-project",
                    folder = &root,
                    file = CONFIG_FILE,
                    reason = refused.reason
                ))
                .in_file(&config_path)
                .hint(msg!("door-not-a-project-hint", file = CONFIG_FILE)),
            )
        })?;
        let text = utf8(bytes, Path::new(CONFIG_FILE))?;
        let config: Config = yaml::from_str(&text, Path::new(CONFIG_FILE))?;
        if let Some(list) = &config.defaults.pdf_standards
            && let Err(e) = pdf::standards::configure(list)
        {
            let mut d = e.diagnostic("defaults.pdf_standards").in_file(CONFIG_FILE);
            if let Some((line, column)) = yaml::Positions::of(&text).value("defaults.pdf_standards")
            {
                d = d.at(line, column).with_line_of(&text);
            }
            return Err(d.into());
        }
        if let Some(list) = &config.defaults.formats
            && let Err(why) = export::check_list(list)
        {
            let mut d = Diagnostic::error(msg!("yaml-at", path = "defaults.formats", what = why))
                .in_file(CONFIG_FILE)
                .hint(export::formats_hint());
            if let Some((line, column)) = yaml::Positions::of(&text).value("defaults.formats") {
                d = d.at(line, column).with_line_of(&text);
            }
            return Err(d.into());
        }
        if let Some((path, what, hint)) = config.publication.as_ref().and_then(|p| p.problem(&root))
        {
            let mut d = Diagnostic::error(msg!("yaml-at", path, what))
                .in_file(CONFIG_FILE)
                .hint(hint);
            if let Some((line, column)) = yaml::Positions::of(&text).value(path) {
                d = d.at(line, column).with_line_of(&text);
            }
            return Err(d.into());
        }
        let project = Self { root, config };
        // A templates folder that dokgen.yaml names must be there: else
        // every file would silently be the built-in one.
        if let Some(dir) = &project.config.templates
            && let Some(why) = project.unfit_templates_folder(dir)
        {
            let mut d = Diagnostic::error(why)
                .in_file(CONFIG_FILE)
                .hint(msg!("door-templates-folder-hint"));
            if let Some((line, column)) = yaml::Positions::of(&text).value("templates") {
                d = d.at(line, column).with_line_of(&text);
            }
            return Err(d.into());
        }
        Ok(project)
    }

    /// Why the templates folder dokgen.yaml names cannot be one, if it
    /// cannot. Typst may read any file of it, so a folder outside the
    /// project must be a templates folder: not one that holds the project
    /// (`..`, `/`: everything beside the project would be readable), and
    /// one with a template or Typst file at its top (not `/etc`).
    /// The message names the folder as dokgen.yaml writes it, `folder`.
    fn unfit_templates_folder(&self, folder: &Path) -> Option<Message> {
        let folder = folder.display();
        let Ok(real) = self.templates_dir().canonicalize() else {
            return Some(msg!("door-templates-missing", folder));
        };
        if !real.is_dir() {
            return Some(msg!("door-templates-missing", folder));
        }
        if real.starts_with(&self.root) {
            return None;
        }
        if self.root.starts_with(&real) {
            return Some(msg!("door-templates-hold-project", folder));
        }
        let has_templates = std::fs::read_dir(&real).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".typ") || name.ends_with(".tera")
            })
        });
        (!has_templates).then(|| msg!("door-templates-no-templates", folder))
    }

    /// `content/`: facts, prose and document declarations.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// `templates/`: Tera templates and the Typst style library.
    pub fn templates_dir(&self) -> PathBuf {
        match &self.config.templates {
            Some(dir) => self.root.join(dir),
            None => self.root.join("templates"),
        }
    }

    /// The files of its templates: those of its templates folder (if it
    /// has one), and the built-in files it does not override, sorted by
    /// name.
    pub fn template_files(&self) -> Result<Vec<TemplateFile>> {
        let dir = self.templates_dir();
        let mut files: Vec<TemplateFile> = Vec::new();
        if dir.exists() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|err| {
                    let reason = match err.io_error() {
                        Some(io) => crate::diagnostic::io_reason(io),
                        None => msg!("door-templates-loop"),
                    };
                    Error::from(
                        Diagnostic::error(msg!("door-templates-unreadable", reason))
                            .in_file(err.path().unwrap_or(&dir))
                            .hint(msg!("door-templates-unreadable-hint")),
                    )
                })?;
                // Anything but a folder is read through the door, which
                // refuses what is not a regular file inside the project.
                if entry.file_type().is_dir() {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(TemplateFile {
                    name,
                    from: Provenance::Project(entry.into_path()),
                });
            }
        }
        for file in builtin::FILES {
            if !files.iter().any(|f| f.name == file.name) {
                files.push(TemplateFile {
                    name: file.name.to_owned(),
                    from: Provenance::Builtin(file),
                });
            }
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(files)
    }

    /// Copies the built-in files `names` (every one if none is given) into
    /// the project's templates folder, to be read or changed there, and
    /// returns the paths written. A file the project already has is left
    /// alone and is an error, unless `overwrite`. Names are paths under the
    /// templates folder (`dokgen.typ`, `partials/person.typ.tera`), with or
    /// without `templates/` before them.
    pub fn eject(&self, names: &[String], overwrite: bool) -> Result<Vec<PathBuf>> {
        let chosen: Vec<&Builtin> = if names.is_empty() {
            builtin::FILES.iter().collect()
        } else {
            let mut chosen = Vec::new();
            let mut unknown = Vec::new();
            for name in names {
                let plain = name.replace('\\', "/");
                let plain = plain
                    .strip_prefix(builtin::PREFIX)
                    .or_else(|| plain.strip_prefix("templates/"))
                    .unwrap_or(&plain);
                match builtin::get(plain) {
                    Some(file) => chosen.push(file),
                    None => unknown.push(unknown_builtin(name)),
                }
            }
            if let Some(err) = Error::many(unknown) {
                return Err(err);
            }
            chosen
        };
        let dir = self.templates_dir();
        let shown = relative(&self.root, &dir);
        if self.bases().len() > 1 || !lexically_inside(&self.root, &dir) {
            return Err(
                Diagnostic::error(msg!("door-eject-outside", folder = shown.as_str()))
                    .in_file(CONFIG_FILE)
                    .hint(msg!("door-eject-outside-hint"))
                    .into(),
            );
        }
        let present: Vec<Error> = chosen
            .iter()
            .filter(|file| !overwrite && dir.join(file.name).exists())
            .map(|file| {
                Error::from(
                    Diagnostic::error(msg!(
                        "door-eject-exists",
                        file = format!("{shown}/{}", file.name)
                    ))
                    .hint(msg!("door-eject-exists-hint")),
                )
            })
            .collect();
        if let Some(err) = Error::many(present) {
            return Err(err);
        }
        let mut written = Vec::new();
        for file in chosen {
            let path = dir.join(file.name);
            self.write_inside(&path, file.bytes)?;
            written.push(path);
        }
        Ok(written)
    }

    /// Writes `bytes` to `path`, which must stay inside the project: every
    /// folder on the way is made or must be one whose real path lies in the
    /// project (a link out is refused), and the file is written new beside
    /// its name and renamed into place, so a link or pipe in its place is
    /// replaced, not written through.
    pub fn write_inside(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let refused = |why: Message| -> Error {
            Diagnostic::error(msg!(
                "door-not-written",
                file = relative(&self.root, path),
                why
            ))
            .hint(msg!("door-not-written-hint"))
            .into()
        };
        let parent = path
            .parent()
            .ok_or_else(|| refused(msg!("door-write-no-folder")))?;
        let mut folder = self.root.clone();
        if !lexically_inside(&self.root, parent) {
            return Err(refused(msg!("door-write-outside")));
        }
        for part in parent
            .strip_prefix(&self.root)
            .unwrap_or(parent)
            .components()
        {
            folder.push(part);
            match std::fs::symlink_metadata(&folder) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => return Err(refused(msg!("door-write-link-on-way"))),
                Err(_) => std::fs::create_dir(&folder).map_err(|err| Error::io(&folder, &err))?,
            }
        }
        let name = path
            .file_name()
            .ok_or_else(|| refused(msg!("door-write-no-name")))?
            .to_string_lossy();
        let draft = parent.join(format!(".{name}.dokgen-{}.tmp", std::process::id()));
        let _ = std::fs::remove_file(&draft);
        let result = std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&draft)
            .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
            .and_then(|()| std::fs::rename(&draft, path));
        result.map_err(|err| {
            let _ = std::fs::remove_file(&draft);
            Error::io(path, &err)
        })
    }

    /// The folders whose files the project may name: the project folder,
    /// and a shared templates folder outside it (real paths).
    pub fn bases(&self) -> Vec<PathBuf> {
        let mut bases = vec![self.root.clone()];
        if let Ok(templates) = self.templates_dir().canonicalize()
            && !templates.starts_with(&self.root)
        {
            bases.push(templates);
        }
        bases
    }

    /// Reads the file at `path` (absolute, or relative to the project) of
    /// `kind`, through the one door ([`read_inside`]).
    pub fn read(&self, path: &Path, kind: FileKind) -> std::result::Result<Vec<u8>, Refused> {
        read_inside(
            &self.bases(),
            &self.root.join(path),
            &self.config.limits,
            kind,
        )
    }

    /// Reads the text file at `path` (absolute, or relative to the
    /// project) of `kind`: an error that names the file where it cannot
    /// be read or is not UTF-8.
    pub fn read_text(&self, path: &Path, kind: FileKind) -> Result<String> {
        let shown = self.relative(path).to_path_buf();
        let bytes = self.read(path, kind).map_err(|r| {
            Error::from(
                Diagnostic::error(msg!("door-not-read", file = &shown, reason = r.reason))
                    .in_file(&shown)
                    .hint(r.hint),
            )
        })?;
        utf8(bytes, &shown)
    }

    /// `fonts/`: extra fonts for this project, if the folder exists.
    pub fn fonts_dir(&self) -> PathBuf {
        self.root.join("fonts")
    }

    /// The default output folder, `output/`.
    pub fn default_output_dir(&self) -> PathBuf {
        self.root.join("output")
    }

    /// The default output folder, where it does not lead out of the
    /// project: a project whose `output` is a link to a folder elsewhere
    /// would have dokgen write there.
    pub fn output_dir_inside(&self) -> Result<PathBuf> {
        let dir = self.default_output_dir();
        match dir.canonicalize() {
            Ok(real) if !real.starts_with(&self.root) => {
                Err(Diagnostic::error(msg!("door-output-outside"))
                    .in_file("output")
                    .hint(msg!("door-output-outside-hint"))
                    .into())
            }
            _ => Ok(dir),
        }
    }

    /// The PDF standards of documents that do not choose their own:
    /// `defaults.pdf_standards`, or PDF/A-2a and PDF/UA-1.
    pub fn pdf_standards(&self) -> &[Standard] {
        self.config
            .defaults
            .pdf_standards
            .as_deref()
            .unwrap_or(pdf::DEFAULT)
    }

    /// The formats of documents that do not choose their own:
    /// `defaults.formats`, or PDF.
    pub fn formats(&self) -> &[Format] {
        self.config
            .defaults
            .formats
            .as_deref()
            .unwrap_or(Format::DEFAULT)
    }

    /// The placeholders of this project: `placeholders` from dokgen.yaml,
    /// or the usual ones.
    pub fn placeholders(&self) -> Vec<&str> {
        match &self.config.placeholders {
            Some(list) => list
                .iter()
                .map(String::as_str)
                .filter(|p| !p.trim().is_empty())
                .collect(),
            None => DEFAULT_PLACEHOLDERS.to_vec(),
        }
    }

    /// The stable identifier of the document written to `<output>.pdf`,
    /// from which the PDF's document id is made. `dokgen build` and
    /// `dokgen compile` must agree on it for their PDFs to be the same.
    pub fn document_ident(&self, output: &str) -> String {
        format!("{}/{output}", self.config.name)
    }

    /// `path` relative to the project root, for messages.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}

/// The error for `name`, which is not a built-in file.
fn unknown_builtin(name: &str) -> Error {
    let names: Vec<&str> = builtin::FILES.iter().map(|f| f.name).collect();
    let mut d = Diagnostic::error(msg!("door-not-builtin", name));
    if let Some(near) = crate::diagnostic::nearest(name, &names) {
        d = d.hint(msg!("yaml-did-you-mean", name = near));
    }
    d.hint(msg!("door-builtin-files", names = names.join(", ")))
        .into()
}

/// A file of a project's templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFile {
    /// Its path under the templates folder, with `/`.
    pub name: String,
    /// Where it comes from.
    pub from: Provenance,
}

/// Where a template file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// The project's templates folder: the file's path.
    Project(PathBuf),
    /// dokgen itself.
    Builtin(&'static Builtin),
}

/// `path` relative to `root`, with `/`, climbing with `..` when it lies
/// outside (a shared templates folder).
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let root_parts: Vec<Component> = root.components().collect();
    let path_parts: Vec<Component> = path.components().collect();
    let common = root_parts
        .iter()
        .zip(&path_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_owned(); root_parts.len() - common];
    parts.extend(
        path_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_project_even_outside_it() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("examples/x");
        let templates = dir.path().join("templates");
        std::fs::create_dir_all(project.join("content")).unwrap();
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(project.join("content/a.yaml"), "").unwrap();
        std::fs::write(templates.join("dokgen.typ"), "").unwrap();
        assert_eq!(
            relative(&project, &project.join("content/a.yaml")),
            "content/a.yaml"
        );
        assert_eq!(
            relative(&project, &templates.join("dokgen.typ")),
            "../../templates/dokgen.typ"
        );
    }
}
