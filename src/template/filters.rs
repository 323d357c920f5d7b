//! dokgen's Tera filters: Danish forms of dates, numbers, amounts and
//! lists (from [`crate::danish`]), and the filters that write Typst on
//! purpose (`typst_str`, `typst`, `prose`), which escape by construction
//! and mark their output safe.

use chrono::NaiveDate;
use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::said::carried;
use super::{PROSE_VAR, origins};
use crate::danish;
use crate::escape;
use crate::msg;

/// How many numbers `range` may give in all while one text is rendered:
/// a single call of Tera's own may give 100 000, and loops of such calls
/// nested in each other run for hours. No template of dokgen's needs
/// `range`; a loop over facts does not use it.
pub(super) const RANGE_BUDGET: usize = 100_000;

thread_local! {
    /// What is left of [`RANGE_BUDGET`] in the render on this thread.
    static RANGE_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(RANGE_BUDGET) };
}

/// Gives the render that begins on this thread a whole [`RANGE_BUDGET`].
pub(super) fn reset_range_budget() {
    RANGE_LEFT.set(RANGE_BUDGET);
}

/// Tera's `range(start=…, end=…, step_by=…)`, counted against the
/// render's [`RANGE_BUDGET`].
fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(carried(&msg!("template-range-step-zero")));
    }
    let (span, stride) = if step > 0 {
        (end.saturating_sub(start), step)
    } else {
        (start.saturating_sub(end), step.saturating_neg())
    };
    let len = if span <= 0 {
        0
    } else {
        (span / stride + i128::from(span % stride != 0)) as u128
    };
    let left = RANGE_LEFT.get();
    if len > left as u128 {
        return Err(carried(&msg!(
            "template-range-over-budget",
            count = len,
            budget = RANGE_BUDGET
        )));
    }
    RANGE_LEFT.set(left - len as usize);
    Ok((0..len as i128).map(|i| start + i * step).collect())
}

/// Registers dokgen's filters on `tera`.
pub(super) fn register(tera: &mut Tera) {
    tera.register_function("range", range);
    tera.register_filter(
        "dato",
        |date: &str, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let date = parse_date(date)?;
            Ok(match kwargs.get::<&str>("form")? {
                None | Some("lang") => danish::date_long(date),
                Some("kort") => danish::date_numeric(date),
                Some("ugedag") => danish::date_with_weekday(date),
                Some("bindestreg") => danish::date_dashed(date),
                Some(other) => {
                    return Err(carried(&msg!("template-dato-form", form = other)));
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
    tera.register_filter(
        "paragraf",
        |place: &Value, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let field = |name: &str| find_key(place, name);
            let section = field("section")
                .and_then(Value::as_str)
                .ok_or_else(|| carried(&msg!("template-paragraf-section")))?;
            let number = |name: &str| -> TeraResult<Option<u32>> {
                match field(name).filter(|v| !v.is_none()) {
                    None => Ok(None),
                    Some(v) => v
                        .as_i128()
                        .and_then(|n| u32::try_from(n).ok())
                        .map(Some)
                        .ok_or_else(|| carried(&msg!("template-paragraf-not-number", name))),
                }
            };
            let (subsection, number) = (number("subsection")?, number("number")?);
            // "§ 11 a, stk. 2, i lov om …", but "§ 32 i lov om …".
            Ok(match kwargs.get::<&str>("i")? {
                Some(law) => danish::provision_in(section, subsection, number, law),
                None => danish::provision(section, subsection, number),
            })
        },
    );
    tera.register_filter(
        "nr",
        |act: &Value, _: Kwargs, _: &State| -> TeraResult<String> {
            let field = |name: &str| find_key(act, name);
            let number = field("number")
                .and_then(Value::as_i128)
                .and_then(|n| u32::try_from(n).ok());
            let date = field("date").and_then(Value::as_str);
            match (number, date) {
                (Some(number), Some(date)) => Ok(danish::act_number(number, parse_date(date)?)),
                _ => Err(carried(&msg!("template-nr-act"))),
            }
        },
    );
    tera.register_filter("tal_ord", |n: u64, _: Kwargs, _: &State| {
        danish::number_word(n)
    });
    tera.register_filter("ordenstal", |n: u64, _: Kwargs, _: &State| {
        danish::ordinal_word(n)
    });
    tera.register_filter("stort", |s: &str, _: Kwargs, _: &State| {
        danish::capitalize_first(s)
    });
    tera.register_filter("smaat", |s: &str, _: Kwargs, _: &State| {
        danish::lowercase_first(s)
    });
    tera.register_filter("genitiv", |s: &str, _: Kwargs, _: &State| {
        danish::genitive(s)
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
            danish::time(t).ok_or_else(|| carried(&msg!("template-kl-time", time = t)))
        },
    );
    tera.register_filter(
        "liste",
        |items: &[Value], kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let attr = kwargs.get::<&str>("attr")?;
            let conjunction = kwargs.get::<&str>("og")?.unwrap_or("og");
            let words = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let value = match attr {
                        Some(a) => item
                            .get_from_path(a)
                            .ok_or_else(|| carried(&msg!("template-liste-no-field", field = a)))?,
                        None => item,
                    };
                    let word = value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned);
                    if is_empty(value) || word.trim().is_empty() {
                        // A list with a gap in it reads "a,  og c".
                        return Err(carried(&match attr {
                            None => msg!("template-liste-empty-item", number = i + 1),
                            Some(a) => {
                                msg!("template-liste-empty-field", number = i + 1, field = a)
                            }
                        }));
                    }
                    Ok(word)
                })
                .collect::<TeraResult<Vec<String>>>()?;
            Ok(danish::list(&words, conjunction))
        },
    );
    // Says what to print where a value may be empty: the value, or else
    // the words given. `eller("")` says that printing nothing is meant.
    tera.register_filter(
        "eller",
        |value: &Value, kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let instead = kwargs
                .must_get::<&str>("tekst")
                .map_err(|_| carried(&msg!("template-eller-needs-text")));
            if !is_empty(value) {
                return Ok(value.clone());
            }
            let instead = instead?;
            Ok(if instead.trim().is_empty() {
                Value::safe_string("")
            } else {
                Value::from(instead)
            })
        },
    );
    // Templates may not print a fact unescaped: it would run as Typst.
    tera.register_filter(
        "safe",
        |_: &Value, _: Kwargs, _: &State| -> TeraResult<Value> {
            Err(carried(&msg!("template-no-safe")))
        },
    );
    tera.register_filter("typst_str", |s: &str, _: Kwargs, _: &State| {
        // Text that could not be made stays a marker, to be reported.
        match origins::failed_in(s) {
            Some(marker) => Value::safe_string(marker),
            None => Value::safe_string(&escape::string_literal(&origins::without_markers(s))),
        }
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
            let found = prose
                .as_ref()
                .and_then(|p| p.get_from_path(path).or_else(|| find_key(p, path)))
                .cloned()
                .ok_or_else(|| carried(&msg!("template-no-prose-file", path)))?;
            Ok(found)
        },
    );
}

/// Whether `value` prints nothing: none, nothing, white space, an empty
/// list or map.
fn is_empty(value: &Value) -> bool {
    value.is_none()
        || value.is_undefined()
        || value.as_str().is_some_and(|s| s.trim().is_empty())
        || value.as_array().is_some_and(|a| a.is_empty())
        || value.as_map().is_some_and(|m| m.is_empty())
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
        .map_err(|_| carried(&msg!("template-date-expected", text)))
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
        return Ok(match origins::failed_in(s) {
            Some(marker) => marker.to_owned(),
            None => escape::string_literal(&origins::without_markers(s)),
        });
    }
    if let Some(i) = value.as_i128() {
        return Ok(i.to_string());
    }
    if let Some(f) = value.as_f64() {
        return if f.is_finite() {
            Ok(format!("{f:?}"))
        } else {
            Err(carried(&msg!("template-typst-not-finite")))
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
    Err(carried(&msg!(
        "template-typst-cannot",
        kind = super::said::type_word(value.name())
    )))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn render(template: &str, context: &tera::Context) -> String {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::write_markup);
        tera.autoescape_on([super::super::TEMPLATE_SUFFIX]);
        register(&mut tera);
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
        assert_eq!(render("{{ d | dato }}", &ctx), "17\\.\u{a0}maj\u{a0}2017");
        assert_eq!(
            render("{{ d | dato(form=\"kort\") }}", &ctx),
            "17\\.5\\.2017"
        );
        assert_eq!(render("{{ d | aar }}", &ctx), "2017");
        assert_eq!(render("{{ n | tal }}", &ctx), "15\\.712");
        assert_eq!(render("{{ f | tal }}", &ctx), "2\\,4");
        assert_eq!(render("{{ m | kr }}", &ctx), "2\\,5\u{a0}mio\\.\u{a0}kr\\.");
        assert_eq!(render("{{ l | liste }}", &ctx), "a\\, b og c");
        assert_eq!(render("{{ \"17:30\" | kl }}", &ctx), "kl\\.\u{a0}17\\.30");
        assert_eq!(
            render("{{ d | dato(form=\"bindestreg\") }}", &ctx),
            "17\\-05\\-2017"
        );
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
}

/// The guide's tables of filters, tests and functions (`docs/guide.md`):
/// each example gives what the table says, and every filter is in a table.
#[cfg(test)]
mod guide {
    use super::*;

    /// The rows of the tables under "### Filters, tests and functions":
    /// (name, example, gives), Markdown escapes undone.
    fn rows() -> Vec<(String, String, String)> {
        let guide = include_str!("../../docs/guide.md");
        let start = guide
            .find("### Filters, tests and functions")
            .expect("the section");
        let section = &guide[start..];
        let end = section[4..].find("\n## ").map_or(section.len(), |e| e + 4);
        let cell = |c: &str| {
            let c = c.trim().replace("\\|", "|");
            match c.strip_prefix('`').and_then(|c| c.strip_suffix('`')) {
                Some(code) => code.to_owned(),
                None => c.replace("\\\\", "\\"),
            }
        };
        section[..end]
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
                (cell(cells[0]), cell(cells[1]), cell(cells[2]))
            })
            .collect()
    }

    #[test]
    fn every_example_gives_what_the_guide_says() {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::write_markup);
        register(&mut tera);
        let rows = rows();
        assert!(rows.len() > 40, "{} rows", rows.len());
        for (name, example, gives) in rows {
            if !example.starts_with("{{") && !example.starts_with("{%") || name == "`prose`" {
                continue;
            }
            if example.contains("document.") {
                continue;
            }
            tera.add_raw_template("example", &example).unwrap();
            let made = tera
                .render("example", &tera::Context::new())
                .unwrap_or_else(|e| panic!("{name}: {example}: {e:?}"));
            assert_eq!(made, gives, "{name}: {example}");
        }
    }

    #[test]
    fn every_filter_is_in_the_guide() {
        let guide = include_str!("../../docs/guide.md");
        let section = &guide[guide.find("### Filters, tests and functions").unwrap()..];
        let first_cells: String = section
            .lines()
            .filter(|l| l.starts_with("| `"))
            .filter_map(|l| l.split(" | ").next())
            .collect();
        // dokgen's own, and Tera 2.4's (`safe` is refused, and said so).
        for filter in [
            "dato",
            "paragraf",
            "nr",
            "aar",
            "tal",
            "tal_ord",
            "ordenstal",
            "kr",
            "pct",
            "liste",
            "kl",
            "stort",
            "eller",
            "typst_str",
            "typst",
            "prose",
            "default",
            "upper",
            "lower",
            "capitalize",
            "title",
            "wordcount",
            "trim",
            "trim_start",
            "trim_end",
            "replace",
            "truncate",
            "indent",
            "pluralize",
            "split",
            "str",
            "int",
            "float",
            "abs",
            "round",
            "length",
            "first",
            "last",
            "nth",
            "reverse",
            "join",
            "sort",
            "unique",
            "get",
            "keys",
            "values",
            "pairs",
            "group_by",
            "escape",
            "escape_html",
            "escape_xml",
            "newlines_to_br",
            "range",
        ] {
            let named = first_cells.contains(&format!("`{filter}`"))
                || first_cells.contains(&format!("`{filter}("));
            assert!(named, "`{filter}` is not in the guide's tables");
        }
        assert!(section.contains("`safe` is refused"));
    }
}
