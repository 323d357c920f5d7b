//! What `dokgen check` warns about without refusing the project: things a
//! secretariat should look at before sending, that the facts alone cannot
//! prove wrong.
//!
//! - An agenda item that names an amount of money has an Økonomi section
//!   (a contract extension, a staff transfer).
//!
//! What a kind of document asks beyond that is the kind's (a letter's
//! population figures: `kinds`).

use std::collections::BTreeMap;

use super::super::sources::Sources;
use crate::diagnostic::Diagnostic;
use crate::facts::model::{AgendaItem, Facts, ProsePath};
use crate::msg;

/// Every warning about the facts, in their order: items that name an
/// amount but have no Økonomi section. `prose` holds the text of the
/// prose files.
pub(crate) fn advice(
    facts: &Facts,
    sources: &Sources,
    prose: &BTreeMap<ProsePath, String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, meeting) in facts.meetings.iter().enumerate() {
        for (j, item) in meeting.items.iter().enumerate() {
            if item.finances.is_some() {
                continue;
            }
            let Some(amount) = texts(prose, item).find_map(|t| amount_in(&t)) else {
                continue;
            };
            let path = format!("meetings[{i}].items[{j}]");
            out.push(
                Diagnostic::warning(msg!(
                    "facts-at",
                    path = &path,
                    message = msg!("facts-amount-without-finances", title = &item.title, amount)
                ))
                .located(sources.key(&path))
                .hint(msg!("facts-amount-without-finances-hint")),
            );
        }
    }
    out
}

/// The texts of an item as written: its title, its recommendations and its
/// prose files.
fn texts<'c>(
    prose: &'c BTreeMap<ProsePath, String>,
    item: &'c AgendaItem,
) -> impl Iterator<Item = String> + 'c {
    let prose = [
        &item.summary,
        &item.theme,
        &item.legal_basis,
        &item.presentation,
    ]
    .into_iter()
    .flatten()
    .filter_map(|p| prose.get(p).cloned());
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
