//! What dokgen says, in the user's language.
//!
//! Every sentence dokgen shows a person (an error, a hint, a line of
//! progress, a `--help` text, a label of the preview page) is a
//! [`Message`]: an id in the catalogue and the arguments it names. The
//! catalogue, `src/messages/<language>/<area>.ftl`, words each id in Danish
//! and in English, in Project Fluent's format, and is embedded in the
//! binary. A message becomes text only when it is shown, in the [`Lang`]
//! of whoever reads it: the terminal's locale, or the browser's language
//! for the preview page. So a diagnostic made in a worker process, or kept
//! by the preview, is one value for both languages.
//!
//! Messages are made with [`msg!`](crate::msg): `msg!("facts-unknown-field",
//! field = name)`. A test reads the catalogue and every `msg!` in `src/`,
//! and fails when an id lacks a language, or an argument is missing or
//! unused.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language dokgen speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Danish.
    Da,
    /// English.
    En,
}

/// The language chosen for this process: 0 until [`Lang::choose`] or the
/// first [`Lang::current`], then 1 + the language's index.
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// The language `--lang` asked for, as [`CHOSEN`].
static INSISTED: AtomicU8 = AtomicU8::new(0);

impl Lang {
    /// Both languages, in the catalogue's order.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The language's code, as in `--lang` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language this process speaks: the one [`Lang::choose`] set, or
    /// else the environment's ([`Lang::from_environment`]).
    pub fn current() -> Lang {
        match CHOSEN.load(Ordering::Relaxed) {
            1 => Lang::Da,
            2 => Lang::En,
            _ => {
                let lang = Lang::from_environment();
                Lang::choose(lang);
                lang
            }
        }
    }

    /// Makes `self` the language of this process.
    pub fn choose(self) {
        CHOSEN.store(self as u8 + 1, Ordering::Relaxed);
    }

    /// Makes `self` the language of this process, as the user asked for
    /// it (`--lang`): it then also decides over a browser's language.
    pub fn insist(self) {
        INSISTED.store(self as u8 + 1, Ordering::Relaxed);
        self.choose();
    }

    /// The language the user asked for in so many words, with `--lang` or
    /// `DOKGEN_LANG`, if they did: the preview page then speaks it
    /// whatever the browser prefers.
    pub fn explicit() -> Option<Lang> {
        match INSISTED.load(Ordering::Relaxed) {
            1 => Some(Lang::Da),
            2 => Some(Lang::En),
            _ => std::env::var("DOKGEN_LANG")
                .ok()
                .and_then(|v| Lang::named(&v)),
        }
    }

    /// The language the environment asks for: `DOKGEN_LANG` (`da` or
    /// `en`) if set, else the locale of messages as POSIX orders it
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): Danish for a Danish
    /// locale, English for any other.
    pub fn from_environment() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(lang) = var("DOKGEN_LANG").and_then(|v| Lang::named(&v)) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var);
        locale.map_or(Lang::En, |l| Lang::of_locale(&l))
    }

    /// `da` or `en`, in any case; `None` for anything else.
    pub fn named(name: &str) -> Option<Lang> {
        match name.trim().to_ascii_lowercase().as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale such as `da_DK.UTF-8` or
    /// `da_DK@euro`; `C` and `POSIX` are English.
    pub fn of_locale(locale: &str) -> Lang {
        let tag = locale
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .replace('_', "-");
        let requested: Vec<LanguageIdentifier> = tag.parse().ok().into_iter().collect();
        Lang::negotiate(&requested)
    }

    /// The language a browser asks for in its `Accept-Language` header,
    /// weighing its preferences; English when it names neither.
    pub fn of_accept_language(header: &str) -> Lang {
        Lang::negotiate(&fluent_langneg::accepted_languages::parse(header))
    }

    /// The first of `requested` that dokgen speaks, or English.
    fn negotiate(requested: &[LanguageIdentifier]) -> Lang {
        let available: Vec<LanguageIdentifier> = Lang::ALL
            .iter()
            .filter_map(|l| l.code().parse().ok())
            .collect();
        let chosen = fluent_langneg::negotiate_languages(
            requested,
            &available,
            available.get(1),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        match chosen.first().map(|l| l.language.as_str()) {
            Some("da") => Lang::Da,
            _ => Lang::En,
        }
    }
}

/// One sentence dokgen says: an id in the catalogue and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Message {
    id: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// A value a message names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arg {
    /// Text shown as it is: a name the user wrote, a file, a figure
    /// already formatted.
    Text(String),
    /// A whole number, which a message may choose its words by ("1 error",
    /// "2 errors").
    Number(i64),
    /// A decimal number of dokgen's (a size, a duration), written with a
    /// point; shown with the decimal sign of the language (`1,3` in
    /// Danish).
    Decimal(String),
    /// A sentence of its own, shown in the same language.
    Message(Box<Message>),
}

impl Message {
    /// The message `id`, with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    /// A message whose id is made while dokgen runs, such as the help of
    /// each command-line argument (`help-build-output`). The source check
    /// cannot see such ids: whatever makes them has a test that walks
    /// every one.
    pub fn made(id: String) -> Self {
        Self {
            id: Cow::Owned(id),
            args: Vec::new(),
        }
    }

    /// Whether the catalogue words this message in `lang`.
    pub fn exists_in(&self, lang: Lang) -> bool {
        CATALOGUE
            .bundle(lang)
            .get_message(&self.id)
            .is_some_and(|m| m.value().is_some())
    }

    /// The attribute `name` of the message in `lang` (`.value-name` of a
    /// command-line argument), if the catalogue gives it one.
    pub fn attribute(&self, name: &str, lang: Lang) -> Option<String> {
        let bundle = CATALOGUE.bundle(lang);
        let attribute = bundle.get_message(&self.id)?.get_attribute(name)?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(attribute.value(), None, &mut errors)
                .into_owned(),
        )
    }

    /// Names `value` as the argument `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The id in the catalogue.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The argument `name`, if the message has it.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let catalogue = &*CATALOGUE;
        let [first, second] = match lang {
            Lang::Da => [&catalogue.da, &catalogue.en],
            Lang::En => [&catalogue.en, &catalogue.da],
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                // Five digits or more are grouped, as each language
                // does: 10.000, 10,000.
                Arg::Number(n) if n.unsigned_abs() >= 10_000 => {
                    FluentValue::from(grouped(*n, lang))
                }
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Decimal(d) => FluentValue::from(match lang {
                    Lang::Da => d.replace('.', ","),
                    Lang::En => d.clone(),
                }),
                Arg::Message(m) => FluentValue::from(m.text(lang)),
            };
            args.set(name.as_ref(), value);
        }
        for bundle in [first, second] {
            let Some(pattern) = bundle.get_message(&self.id).and_then(|m| m.value()) else {
                continue;
            };
            // A mistake in the catalogue (an argument not given) shows the
            // argument's name in braces; the catalogue's tests find it.
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned();
        }
        // Not in the catalogue at all (the tests make sure it is): the id
        // and what it names, rather than nothing.
        let named: Vec<String> = self
            .args
            .iter()
            .map(|(n, v)| format!("{n}={v:?}"))
            .collect();
        format!("{} {}", self.id, named.join(" "))
    }
}

/// How the items of a [`list`] are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// "a, b or c".
    Or,
    /// "a, b and c".
    And,
}

/// `items` as one phrase, "a, b or c" or "a, b and c", in the reader's
/// words: each item a text (a name, in backticks where the user wrote it)
/// or a message.
pub fn list(mut items: Vec<Arg>, join: Join) -> Message {
    match items.len() {
        0 => Message::new("list-nothing"),
        1 => Message::new("list-one").with("item", items.remove(0)),
        2 => {
            let b = items.remove(1);
            let a = items.remove(0);
            let joined = match join {
                Join::Or => Message::new("list-or"),
                Join::And => Message::new("list-and"),
            };
            joined.with("a", a).with("b", b)
        }
        _ => {
            let first = items.remove(0);
            Message::new("list-more")
                .with("first", first)
                .with("rest", list(items, join))
        }
    }
}

/// `n` with its thousands grouped by the sign of `lang`.
fn grouped(n: i64, lang: Lang) -> String {
    let sign = match lang {
        Lang::Da => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sign);
        }
        out.push(digit);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

impl fmt::Display for Message {
    /// The message in the language of this process.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::current()))
    }
}

impl Arg {
    /// `value` with `places` decimals, in the reader's decimal sign.
    pub fn decimal(value: f64, places: usize) -> Arg {
        Arg::Decimal(format!("{value:.places$}"))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Self {
        Arg::Text(text.into_owned())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(path: &std::path::Path) -> Self {
        Arg::Text(path.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(path: &std::path::PathBuf) -> Self {
        Arg::Text(path.display().to_string())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(path: std::path::Display<'_>) -> Self {
        Arg::Text(path.to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
numbers!(usize, u128, u64, u32, u16, u8, i128, i64, i32);

/// A message of the catalogue: `msg!("id")`, or with its arguments,
/// `msg!("id", name = value, other)` (`other` short for `other = other`).
/// Each value becomes an [`Arg`]: text, a whole number, or another
/// message.
#[macro_export]
macro_rules! msg {
    ($id:literal $(,)?) => {
        $crate::message::Message::new($id)
    };
    ($id:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::message::Message::new($id)
            $(.with(stringify!($name), $crate::msg!(@value $name $(= $value)?)))+
    };
    (@value $name:ident = $value:expr) => { $value };
    (@value $name:ident) => { $name };
}

/// The areas of the catalogue: one file per area and language under
/// `src/messages/`.
macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        /// Each area's name and its Danish and English text.
        pub const AREAS: &[(&str, &str, &str)] = &[$((
            $area,
            include_str!(concat!("messages/da/", $area, ".ftl")),
            include_str!(concat!("messages/en/", $area, ".ftl")),
        )),*];
    };
}
areas![
    "common", "cli", "door", "facts", "new", "serve", "template", "typeset",
];

/// The catalogue, read once: a bundle per language.
struct Catalogue {
    da: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl Catalogue {
    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue {
    da: bundle(Lang::Da),
    en: bundle(Lang::En),
});

/// Every area's messages in `lang`. A file of the catalogue that does not
/// parse keeps what parsed of it (the tests fail on it).
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: a terminal shows them
    // as odd characters, and dokgen refuses them in a project's text.
    bundle.set_use_isolating(false);
    for (_, da, en) in AREAS {
        let text = match lang {
            Lang::Da => da,
            Lang::En => en,
        };
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod check;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_danish_locale_is_danish_and_any_other_english() {
        assert_eq!(Lang::of_locale("da_DK.UTF-8"), Lang::Da);
        assert_eq!(Lang::of_locale("da_DK@euro"), Lang::Da);
        assert_eq!(Lang::of_locale("da"), Lang::Da);
        assert_eq!(Lang::of_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("C"), Lang::En);
        assert_eq!(Lang::of_locale("POSIX"), Lang::En);
        assert_eq!(Lang::of_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("de_DE.UTF-8"), Lang::En);
    }

    #[test]
    fn a_browser_gets_the_language_it_prefers_most() {
        assert_eq!(
            Lang::of_accept_language("da-DK,da;q=0.9,en;q=0.8"),
            Lang::Da
        );
        assert_eq!(
            Lang::of_accept_language("en-US,en;q=0.9,da;q=0.5"),
            Lang::En
        );
        assert_eq!(Lang::of_accept_language("de-DE,da;q=0.7"), Lang::Da);
        assert_eq!(Lang::of_accept_language("fr"), Lang::En);
        assert_eq!(Lang::of_accept_language(""), Lang::En);
    }

    #[test]
    fn a_message_is_worded_in_each_language_with_its_arguments() {
        let summary = crate::msg!("summary-errors", count = 2usize);
        assert_eq!(summary.text(Lang::Da), "dokgen: 2 fejl");
        assert_eq!(summary.text(Lang::En), "dokgen: 2 errors");
        let one = crate::msg!("summary-errors", count = 1usize);
        assert_eq!(one.text(Lang::En), "dokgen: 1 error");
    }

    #[test]
    fn a_list_is_joined_as_each_language_joins_it() {
        let names = |n: &[&str]| n.iter().map(|s| Arg::from(*s)).collect::<Vec<_>>();
        let three = list(names(&["a", "b", "c"]), Join::Or);
        assert_eq!(three.text(Lang::Da), "a, b eller c");
        assert_eq!(three.text(Lang::En), "a, b or c");
        assert_eq!(list(names(&["a", "b"]), Join::And).text(Lang::Da), "a og b");
        assert_eq!(list(names(&["a"]), Join::And).text(Lang::En), "a");
    }

    #[test]
    fn large_numbers_are_grouped_as_each_language_groups_them() {
        assert_eq!(grouped(10_000, Lang::Da), "10.000");
        assert_eq!(grouped(1_234_567, Lang::En), "1,234,567");
        assert_eq!(grouped(-20_000, Lang::Da), "-20.000");
        let decimal = crate::msg!("foreign-said", tool = "x", text = Arg::decimal(1.26, 1));
        assert_eq!(decimal.text(Lang::Da), "x siger (på engelsk): 1,3");
    }

    #[test]
    fn a_message_survives_the_trip_between_processes() {
        let inner = crate::msg!("summary-errors", count = 3usize);
        let m = crate::msg!("foreign-said", tool = "Typst", text = "x").with("inner", inner);
        let json = serde_json::to_string(&m).unwrap();
        let back: Message = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
