//! The Tera environment: templates, prose templates, autoescaping and the
//! Danish filters.
//!
//! Takes the project's `templates/` and the Markdown prose; gives Typst
//! source for a document, or Markdown text for a prose file, rendered with
//! a document's context.
//!
//! Every `.typ.tera` template and every `.md` prose file is autoescaped with
//! [`escape::write_markup`], so a value from the facts can only ever appear
//! as text. The filters that emit Typst on purpose (`typst_str`, `typst`,
//! `prose`) escape by construction and mark their output safe.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tera::{Kwargs, State, Tera, TeraResult, Value};
use walkdir::WalkDir;

use crate::danish;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::escape;
use crate::facts::model::ProsePath;
use crate::project::Project;

/// The suffix of document templates and their partials.
pub const TEMPLATE_SUFFIX: &str = ".typ.tera";

/// Prose files are registered under this prefix, so their names can't clash
/// with templates and end in `.md` (which turns autoescaping on).
const PROSE_PREFIX: &str = "content/";

/// The name of the context variable that holds converted prose.
pub const PROSE_VAR: &str = "prose";

/// Templates and prose, parsed and ready to render.
pub struct Templates {
    tera: Tera,
    /// Each template's text by name, to show the line of an error.
    sources: BTreeMap<String, String>,
}

impl Templates {
    /// Parses every template under `templates/` and every prose file.
    pub fn load(project: &Project, prose: &BTreeMap<ProsePath, String>) -> Result<Self> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::write_markup);
        tera.autoescape_on([TEMPLATE_SUFFIX, ".md"]);
        register_filters(&mut tera);

        let dir = project.templates_dir();
        let mut sources = Vec::new();
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|err| {
                Error::from(
                    Diagnostic::error(format!("cannot read the templates folder: {err}"))
                        .in_file(err.path().unwrap_or(&dir))
                        .hint("a project needs a templates/ folder with its .typ.tera templates"),
                )
            })?;
            let path = entry.path();
            if entry.file_type().is_file() && path.to_string_lossy().ends_with(TEMPLATE_SUFFIX) {
                let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, &err))?;
                sources.push((template_name(&dir, path), text));
            }
        }
        for (path, text) in prose {
            sources.push((format!("{PROSE_PREFIX}{path}"), text.clone()));
        }
        let sources: BTreeMap<String, String> = sources.into_iter().collect();
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|err| template_error(&err, &sources))?;
        Ok(Self { tera, sources })
    }

    /// Whether `name` is a loaded template.
    pub fn contains(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// The names of every template (documents and partials), relative to
    /// the templates folder.
    pub fn files(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .tera
            .get_template_names()
            .filter(|n| !n.starts_with(PROSE_PREFIX))
            .collect();
        names.sort_unstable();
        names
    }

    /// The names of the document templates, for hints.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .tera
            .get_template_names()
            .filter(|n| n.ends_with(TEMPLATE_SUFFIX))
            .collect();
        names.sort_unstable();
        names
    }

    /// Renders the template `name` into Typst source.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(name, context)
            .map_err(|err| template_error(&err, &self.sources))
    }

    /// Renders the prose file `path` (under `content/`) into Markdown, with
    /// its facts filled in and escaped.
    pub fn render_prose(&self, path: &str, context: &tera::Context) -> Result<String> {
        self.render(&format!("{PROSE_PREFIX}{path}"), context)
    }
}

/// A template's name: its path under `templates/`, with `/` separators.
fn template_name(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The file a template name comes from, relative to the project.
fn template_file(name: &str) -> PathBuf {
    if name.starts_with(PROSE_PREFIX) {
        PathBuf::from(name)
    } else {
        Path::new("templates").join(name)
    }
}

/// Turns a Tera error into a diagnostic with the template's file, line and
/// column.
fn template_error(err: &tera::Error, sources: &BTreeMap<String, String>) -> Error {
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut d = Diagnostic::error(report.message().to_owned());
            if !report.filename().is_empty() {
                d = d.in_file(template_file(report.filename()));
            }
            d = d.at(span.start_line, span.start_col + 1);
            if let Some(text) = sources.get(report.filename()) {
                d = d.with_line_of(text);
            }
            if let Some(source) = std::error::Error::source(err) {
                d = d.hint(source.to_string());
            }
            if report.message().contains("not found in context")
                || report.message().contains("is not defined")
                || report.message().contains("undefined")
            {
                d = d.hint(
                    "check the name against the fact files; every value a template uses must exist",
                );
            }
            d.into()
        }
        other => Diagnostic::error(format!("template: {other}")).into(),
    }
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter(
        "dato",
        |date: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let date = parse_date(date)?;
            Ok(match kwargs.get::<&str>("form")? {
                None | Some("lang") => danish::date_long(date),
                Some("kort") => danish::date_numeric(date),
                Some("ugedag") => danish::date_with_weekday(date),
                Some(other) => {
                    return Err(tera::Error::message(format!(
                        "`dato` knows the forms \"lang\", \"kort\" and \"ugedag\", not \"{other}\""
                    )));
                }
            })
        },
    );
    tera.register_filter(
        "aar",
        |date: &str, _: Kwargs, _: &State| -> TeraResult<i32> {
            use chrono::Datelike;
            Ok(parse_date(date)?.year())
        },
    );
    tera.register_filter(
        "tal",
        |n: f64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            Ok(danish::number(n, kwargs.get::<usize>("decimaler")?))
        },
    );
    tera.register_filter("tal_ord", |n: u64, _: Kwargs, _: &State| {
        danish::number_word(n)
    });
    tera.register_filter("stort", |s: &str, _: Kwargs, _: &State| {
        danish::capitalize_first(s)
    });
    tera.register_filter("kr", |n: f64, _: Kwargs, _: &State| danish::money(n));
    tera.register_filter(
        "pct",
        |n: f64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            Ok(danish::percent(n, kwargs.get::<usize>("decimaler")?))
        },
    );
    tera.register_filter(
        "kl",
        |t: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            danish::time(t).ok_or_else(|| {
                tera::Error::message(format!("`kl` takes a time as \"17:30\", not \"{t}\""))
            })
        },
    );
    tera.register_filter(
        "liste",
        |items: &[Value], kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let attr = kwargs.get::<&str>("attr")?;
            let conjunction = kwargs.get::<&str>("og")?.unwrap_or("og");
            let words = items
                .iter()
                .map(|item| {
                    let value = match attr {
                        Some(a) => item.get_from_path(a).ok_or_else(|| {
                            tera::Error::message(format!("`liste`: an item has no `{a}`"))
                        })?,
                        None => item,
                    };
                    Ok(value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned))
                })
                .collect::<TeraResult<Vec<String>>>()?;
            Ok(danish::list(&words, conjunction))
        },
    );
    tera.register_filter("typst_str", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(&escape::string_literal(s))
    });
    tera.register_filter(
        "typst",
        |v: &Value, _: Kwargs, _: &State| -> TeraResult<Value> {
            Ok(Value::safe_string(&typst_literal(v)?))
        },
    );
    tera.register_filter(
        "prose",
        |path: &str, _: Kwargs, state: &State| -> TeraResult<Value> {
            let prose: Option<Value> = state.get(PROSE_VAR)?;
            prose
                .as_ref()
                .and_then(|p| p.get_from_path(path).or_else(|| find_key(p, path)))
                .cloned()
                .ok_or_else(|| {
                    tera::Error::message(format!(
                        "no prose file `{path}` is loaded for this document"
                    ))
                })
        },
    );
}

/// Looks up a key that contains dots (a file name) in a map value.
fn find_key<'v>(map: &'v Value, key: &str) -> Option<&'v Value> {
    map.as_map()?
        .iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

fn parse_date(text: &str) -> TeraResult<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| tera::Error::message(format!("expected a date as YYYY-MM-DD, got \"{text}\"")))
}

/// A Tera value as a Typst literal: strings, numbers, booleans, none,
/// arrays and dictionaries.
fn typst_literal(value: &Value) -> TeraResult<String> {
    if value.is_none() || value.is_undefined() {
        return Ok("none".to_owned());
    }
    if let Some(b) = value.as_bool() {
        return Ok(b.to_string());
    }
    if let Some(s) = value.as_str() {
        return Ok(escape::string_literal(s));
    }
    if let Some(i) = value.as_i128() {
        return Ok(i.to_string());
    }
    if let Some(f) = value.as_f64() {
        return if f.is_finite() {
            Ok(format!("{f:?}"))
        } else {
            Err(tera::Error::message(
                "`typst` cannot write a number that is not finite",
            ))
        };
    }
    if let Some(items) = value.as_array() {
        let inner: Vec<String> = items.iter().map(typst_literal).collect::<TeraResult<_>>()?;
        // A one-element array needs a trailing comma to stay an array.
        return Ok(format!(
            "({}{})",
            inner.join(", "),
            if inner.len() == 1 { "," } else { "" }
        ));
    }
    if let Some(map) = value.as_map() {
        if map.is_empty() {
            return Ok("(:)".to_owned());
        }
        let inner: Vec<String> = map
            .iter()
            .map(|(k, v)| {
                Ok(format!(
                    "{}: {}",
                    escape::string_literal(&k.to_string()),
                    typst_literal(v)?
                ))
            })
            .collect::<TeraResult<_>>()?;
        return Ok(format!("({})", inner.join(", ")));
    }
    Err(tera::Error::message(format!(
        "`typst` cannot write a {}",
        value.name()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, context: &tera::Context) -> String {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::write_markup);
        tera.autoescape_on([TEMPLATE_SUFFIX]);
        register_filters(&mut tera);
        tera.add_raw_template("t.typ.tera", template).unwrap();
        tera.render("t.typ.tera", context).unwrap()
    }

    #[test]
    fn values_are_escaped_by_default() {
        let mut ctx = tera::Context::new();
        ctx.insert("x", "#panic(\"x\") $x$ <a> @b = c");
        assert_eq!(
            render("{{ x }}", &ctx),
            "\\#panic\\(\\\"x\\\"\\) \\$x\\$ \\<a\\> \\@b \\= c"
        );
    }

    #[test]
    fn danish_filters() {
        let mut ctx = tera::Context::new();
        ctx.insert("d", "2017-05-17");
        ctx.insert("n", &15712);
        ctx.insert("f", &2.4);
        ctx.insert("m", &2_500_000);
        ctx.insert("l", &["a", "b", "c"]);
        assert_eq!(render("{{ d | dato }}", &ctx), "17\\. maj 2017");
        assert_eq!(
            render("{{ d | dato(form=\"kort\") }}", &ctx),
            "17\\.5\\.2017"
        );
        assert_eq!(render("{{ d | aar }}", &ctx), "2017");
        assert_eq!(render("{{ n | tal }}", &ctx), "15\\.712");
        assert_eq!(render("{{ f | tal }}", &ctx), "2\\,4");
        assert_eq!(render("{{ m | kr }}", &ctx), "2\\,5 mio\\. kr\\.");
        assert_eq!(render("{{ l | liste }}", &ctx), "a\\, b og c");
        assert_eq!(render("{{ \"17:30\" | kl }}", &ctx), "kl\\. 17\\.30");
    }

    #[test]
    fn liste_picks_an_attribute() {
        let mut ctx = tera::Context::new();
        ctx.insert(
            "areas",
            &[
                serde_json_like("genoptræning"),
                serde_json_like("natur og miljø"),
            ],
        );
        assert_eq!(
            render("{{ areas | liste(attr=\"name\") }}", &ctx),
            "genoptræning og natur og miljø"
        );
    }

    fn serde_json_like(name: &str) -> BTreeMap<&'static str, String> {
        BTreeMap::from([("name", name.to_owned())])
    }

    #[test]
    fn typst_literals_are_safe_and_complete() {
        let mut ctx = tera::Context::new();
        ctx.insert("s", "a \"b\" #c");
        ctx.insert("arr", &[2007, 2017]);
        ctx.insert("one", &[1]);
        assert_eq!(render("{{ s | typst_str }}", &ctx), "\"a \\\"b\\\" #c\"");
        assert_eq!(render("{{ arr | typst }}", &ctx), "(2007, 2017)");
        assert_eq!(render("{{ one | typst }}", &ctx), "(1,)");
        assert_eq!(render("{{ s | typst }}", &ctx), "\"a \\\"b\\\" #c\"");
    }

    #[test]
    fn an_undefined_variable_is_an_error_with_its_line() {
        let mut tera = Tera::new();
        tera.add_raw_template("t.typ.tera", "line one\n{{ missing }}")
            .unwrap();
        let err = tera
            .render("t.typ.tera", &tera::Context::new())
            .unwrap_err();
        let error = template_error(&err, &BTreeMap::new());
        let d = &error.diagnostics()[0];
        assert_eq!(d.line, Some(2), "{d}");
        assert_eq!(d.file.as_deref(), Some(Path::new("templates/t.typ.tera")));
    }
}

/// Maps each line of a rendered template back to the line of the template
/// it came from, so that a problem found in the output (a Markdown warning)
/// can be reported where the writer can fix it.
///
/// Tera keeps the order of a template's text but not its line numbers
/// (`{%- set .. -%}` swallows line breaks; a value may hold several lines).
/// A rendered line is matched to the first template line, after the
/// previous match, whose literal text (outside `{{ }}`, `{% %}` and `{# #}`)
/// all appears in it, in order. Returns 1-based template line numbers, or
/// `None` for rendered lines that no template line explains.
pub fn line_map(template: &str, rendered: &str) -> Vec<Option<usize>> {
    let fragments: Vec<Vec<&str>> = template.lines().map(literal_fragments).collect();
    let mut next = 0;
    rendered
        .lines()
        .map(|line| {
            let found = (next..fragments.len())
                .find(|&j| !fragments[j].is_empty() && contains_in_order(line, &fragments[j]))?;
            next = found + 1;
            Some(found + 1)
        })
        .collect()
}

/// The pieces of a template line that Tera copies to the output as they
/// stand, trimmed.
fn literal_fragments(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let open = ["{{", "{%", "{#"].iter().filter_map(|d| rest.find(d)).min();
        let Some(open) = open else {
            break;
        };
        out.push(rest[..open].trim());
        let close = match &rest[open..open + 2] {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        match rest[open + 2..].find(close) {
            Some(end) => rest = &rest[open + 2 + end + 2..],
            // A tag that goes on on the next line: nothing more is literal.
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push(rest.trim());
    out.retain(|f| !f.is_empty());
    out
}

fn contains_in_order(line: &str, fragments: &[&str]) -> bool {
    let mut rest = line;
    for fragment in fragments {
        match rest.find(fragment) {
            Some(at) => rest = &rest[at + fragment.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod line_map_tests {
    use super::*;

    #[test]
    fn rendered_lines_map_back_past_swallowed_set_lines() {
        let template = "{%- set v = x -%}\n{%- set i = y -%}\n{{ v }} har {{ n }} indbyggere.\n\nAndet afsnit om {{ i }}.\n";
        let rendered = "Vallensbæk har 15.712 indbyggere.\n\nAndet afsnit om Ishøj.\n";
        assert_eq!(line_map(template, rendered), vec![Some(3), None, Some(5)]);
    }

    #[test]
    fn literal_fragments_skip_expressions_tags_and_comments() {
        assert_eq!(
            literal_fragments("A {{ x | tal }} b {% if y %}c{% endif %} {# note #} d"),
            vec!["A", "b", "c", "d"]
        );
        assert_eq!(
            literal_fragments("{%- set v = municipalities.x -%}"),
            Vec::<&str>::new()
        );
        assert_eq!(literal_fragments("tekst {% if a"), vec!["tekst"]);
    }
}
