//! Drafts of new documents: what `dokgen new application|meeting|document`
//! writes into a project, each kind its own (its [`New`] in its
//! registration), with the helpers they share: a declaration, its prose
//! files with placeholders, the YAML of a fact.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Document;
use crate::diagnostic::Result;
use crate::facts::model::Facts;
use crate::template::Templates;

/// The files of a draft, each by its path under the project, with its text.
pub(crate) type Files = Vec<(PathBuf, String)>;

/// What a kind's `dokgen new` makes, and the words that ask for it.
pub(crate) struct New {
    /// The word that asks for it, and a Danish one: `application`,
    /// `ansoegning`.
    pub words: &'static [&'static str],
    /// The files of a draft, by path under the project, with their text.
    pub draft: fn(&Draft<'_>) -> Result<Files>,
}

/// What the options of `dokgen new` say of what is added.
#[derive(Debug, Clone, Default)]
pub struct Wishes {
    /// Its id (and output name) [default: the next free one].
    pub id: Option<String>,
    /// For an application: the areas it asks to leave, by name or id
    /// [default: those no application names yet].
    pub areas: Vec<String>,
    /// Its date [default: today].
    pub date: Option<NaiveDate>,
    /// For an application: from when the areas leave [default: 1 January
    /// after its date].
    pub start: Option<NaiveDate>,
    /// For a document: its template [default: strategi.typ.tera].
    pub template: Option<String>,
}

/// What a draft is made from: the project as it is, and the wishes.
pub(crate) struct Draft<'a> {
    /// The project's facts.
    pub facts: &'a Facts,
    /// Its documents.
    pub documents: &'a [Document],
    /// Its templates.
    pub templates: &'a Templates,
    /// What the options say.
    pub wishes: &'a Wishes,
    /// The date of what is added: the wished one, or today.
    pub date: NaiveDate,
}

/// The first of `prefix`, `prefix-2`, `prefix-3`, … from `prefix-{from}`
/// on, that `taken` does not hold.
pub(crate) fn next_id(prefix: &str, from: usize, taken: impl Fn(&str) -> bool) -> String {
    let bare = (from <= 1).then(|| prefix.to_owned());
    bare.into_iter()
        .chain((from.max(2)..).map(|n| format!("{prefix}-{n}")))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_owned())
}

/// A declaration (a draft) of the document `output`, with `more` (its
/// kind's fields, one a line) and its prose under `prosa/<prose_dir>/`.
pub(crate) fn declaration(
    template: &str,
    output: &str,
    title: &str,
    date: NaiveDate,
    more: &str,
    prose_dir: &str,
    prose: &[(String, String)],
) -> String {
    let mut text = modeline(2, "document");
    text.push_str(&format!(
        "template: {template}\noutput: {output}\ntitle: {}\ndate: {date}\n{more}# Et udkast, indtil alt er udfyldt: slet da linjen.\ndraft: true\n",
        scalar(title)
    ));
    if !prose.is_empty() {
        text.push_str("prose:\n");
        for (key, _) in prose {
            text.push_str(&format!("  {key}: prosa/{prose_dir}/{key}.md\n"));
        }
    }
    text
}

/// The prose files of a draft under `content/prosa/<dir>/`, by key.
pub(crate) fn prose_files(dir: &str, prose: &[(String, String)]) -> Files {
    prose
        .iter()
        .map(|(key, text)| {
            (
                PathBuf::from(format!("content/prosa/{dir}/{key}.md")),
                text.clone(),
            )
        })
        .collect()
}

/// The schema line an editor reads, for a file `depth` folders below the
/// project.
pub(crate) fn modeline(depth: usize, kind: &str) -> String {
    format!(
        "# yaml-language-server: $schema={}schema/{kind}.schema.json\n",
        "../".repeat(depth)
    )
}

/// `text` as a YAML scalar on one line: plain where YAML reads it as the
/// same text, in double quotes otherwise (a placeholder in brackets, a
/// colon, a number, a line break), with every character YAML or a reader
/// could take for something else written as an escape.
pub(crate) fn scalar(text: &str) -> String {
    let plain = text.starts_with(char::is_alphabetic)
        && !text.ends_with(char::is_whitespace)
        && !text.contains(|c: char| c.is_control() || crate::unseen::refused(c))
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !["true", "false", "yes", "no", "on", "off", "y", "n", "null"]
            .contains(&text.to_lowercase().as_str());
    if plain {
        return text.to_owned();
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || crate::unseen::refused(c) => {
                quoted.push_str(&format!("\\u{:04X}", u32::from(c)))
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Ids as a YAML flow list: `[aeroe, svendborg]`.
pub(crate) fn ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    format!("[{}]", ids.into_iter().collect::<Vec<_>>().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scalar_reads_back_as_the_text_it_was_made_from() {
        for text in [
            "Ishøj Kommune",
            "Styregruppen for det forpligtende samarbejde",
            "[indsæt navn]",
            "Punkt 3: Budget",
            "Møde # 4",
            "17",
            "1.5",
            ".5",
            "+1",
            "-",
            "true",
            "No",
            "null",
            "~",
            "",
            " foran",
            "bagved ",
            "første linje\nanden linje: ny: nøgle",
            "tab\there",
            "citat \"her\" og \\ skråstreg",
            "retning \u{202e}vendt",
            "nul\u{0}tegn",
            "'enkelt'",
            "&anker",
            "*alias",
            "!tag",
            "%direktiv",
            "@",
            "`",
            "{ a: 1 }",
            "[1, 2]",
            "a: b",
            "slut:",
        ] {
            let line = format!("value: {}\n", scalar(text));
            assert_eq!(line.lines().count(), 1, "{line}");
            #[derive(serde::Deserialize)]
            struct Value {
                value: String,
            }
            let read: Value = serde_yaml::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(read.value, text, "{line}");
        }
    }
}
