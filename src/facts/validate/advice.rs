//! What `dokgen check` warns about without refusing the project: things a
//! secretariat should look at before sending, that the facts alone cannot
//! prove wrong.
//!
//! - An agenda item that names an amount of money has an Økonomi section
//!   (a contract extension, a staff transfer).
//! - A letter argues from the newest population figures known on its date:
//!   a figure more than a year and a half older than the letter is one
//!   that Danmarks Statistik has replaced since.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::facts::derive::latest;
use crate::facts::load::Content;
use crate::facts::model::AgendaItem;

/// How old a population figure may be on a letter's date before the check
/// asks for a newer one: Danmarks Statistik publishes the population of 1
/// January in February, so on any day the newest figure is at most about
/// fourteen months old.
const FIGURE_AGE_DAYS: i64 = 456;

/// Every warning about `content`, in the order of the facts.
pub(crate) fn advice(content: &Content) -> Vec<Diagnostic> {
    let mut out = finances(content);
    out.extend(old_figures(content));
    out
}

/// Items that name an amount but have no Økonomi section.
fn finances(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, meeting) in content.facts.meetings.iter().enumerate() {
        for (j, item) in meeting.items.iter().enumerate() {
            if item.finances.is_some() {
                continue;
            }
            let Some(amount) = texts(content, item).find_map(|t| amount_in(&t)) else {
                continue;
            };
            let path = format!("meetings[{i}].items[{j}]");
            out.push(
                Diagnostic::warning(format!(
                    "{path}: the item \"{}\" names an amount ({amount}) but has no Økonomi section",
                    item.title
                ))
                .located(content.sources.key(&path))
                .hint(
                    "add `finances: <prose file>`: what it costs, and where the money comes from",
                ),
            );
        }
    }
    out
}

/// The texts of an item as written: its title, its recommendations and its
/// prose files.
fn texts<'c>(content: &'c Content, item: &'c AgendaItem) -> impl Iterator<Item = String> + 'c {
    let prose = [
        &item.summary,
        &item.theme,
        &item.legal_basis,
        &item.presentation,
    ]
    .into_iter()
    .flatten()
    .filter_map(|p| content.prose.get(p).cloned());
    std::iter::once(item.title.clone())
        .chain(item.recommendations.iter().cloned())
        .chain(prose)
}

/// The first amount of money in `text`, as written: a number followed by
/// "kr.", "kroner", "mio." or "mia.", or a value printed with the `kr`
/// filter.
fn amount_in(text: &str) -> Option<String> {
    if let Some(at) = text.find("| kr }}").or_else(|| text.find("|kr}}")) {
        let start = text[..at].rfind("{{").unwrap_or(at);
        return Some(text[start..at + 7].trim().to_owned());
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let number = pair[0].chars().any(|c| c.is_ascii_digit())
            && pair[0]
                .chars()
                .all(|c| c.is_ascii_digit() || ".,".contains(c));
        let unit = ["kr.", "kr", "kroner", "mio.", "mia."]
            .iter()
            .any(|u| pair[1].trim_end_matches([',', ';', ')']) == *u);
        (number && unit).then(|| format!("{} {}", pair[0], pair[1]))
    })
}

/// Letters whose municipalities' newest figure on the letter's date is
/// older than [`FIGURE_AGE_DAYS`].
fn old_figures(content: &Content) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for document in &content.documents {
        let Some(app) = document
            .spec
            .application
            .as_ref()
            .and_then(|id| content.facts.applications.get(id))
        else {
            continue;
        };
        let members = content.facts.cooperation.iter().flat_map(|c| &c.members);
        for id in members {
            let Some(m) = content.facts.municipalities.get(id) else {
                continue;
            };
            let Some(figure) = latest(&m.population, Some(app.date)) else {
                continue;
            };
            if age(figure.date, app.date) <= FIGURE_AGE_DAYS {
                continue;
            }
            out.push(
                Diagnostic::warning(format!(
                    "application: the letter of {} argues from {}'s population on {}, the newest figure the facts give",
                    app.date, m.name, figure.date
                ))
                .in_file(&document.file)
                .located(content.sources.value_in(&document.file, "application"))
                .hint(format!(
                    "add the newest figure known on the letter's date to municipalities.{id}.population (Danmarks Statistik, Statistikbanken, FOLK1A)"
                )),
            );
        }
    }
    out
}

fn age(figure: NaiveDate, on: NaiveDate) -> i64 {
    (on - figure).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_is_a_number_and_a_unit_of_money() {
        assert_eq!(
            amount_in("en pris på 350 kr. pr. time").as_deref(),
            Some("350 kr.")
        );
        assert_eq!(
            amount_in("forlængelse til 1,2 mio. kr. årligt").as_deref(),
            Some("1,2 mio.")
        );
        assert_eq!(
            amount_in("i alt {{ s.total | kr }} om året").as_deref(),
            Some("{{ s.total | kr }}")
        );
        assert_eq!(amount_in("kontrakten forlænges med et år"), None);
        assert_eq!(amount_in("§ 30, nr. 2"), None);
    }
}
