//! What `dokgen check` warns about without refusing the project: things a
//! secretariat should look at before sending, that the facts alone cannot
//! prove wrong.
//!
//! - An agenda item that names an amount of money has an Økonomi section
//!   (a contract extension, a staff transfer).
//! - An application goes to the ministry responsible on its date.
//!
//! What a kind of document asks beyond that is the kind's (a letter's
//! population figures: `kinds`).

use std::collections::BTreeMap;

use super::super::sources::Sources;
use crate::danish;
use crate::diagnostic::Diagnostic;
use crate::facts::ministry;
use crate::facts::model::{AgendaItem, Council, Facts, Meeting, ProsePath};
use crate::msg;

/// Every warning about the facts, in their order: items that name an
/// amount but have no Økonomi section. `prose` holds the text of the
/// prose files.
pub(crate) fn advice(
    facts: &Facts,
    sources: &Sources,
    prose: &BTreeMap<ProsePath, String>,
) -> Vec<Diagnostic> {
    let mut out = addressees(facts, sources);
    out.extend(councils(facts, sources));
    for (i, meeting) in facts.meetings.iter().enumerate() {
        out.extend(late(meeting, &format!("meetings[{i}]"), sources));
    }
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

/// A council's decision whose body calls the council by another word than
/// its municipality does ("Kommunalbestyrelsen i Ishøj Kommune" where
/// Ishøj has a byråd).
fn councils(facts: &Facts, sources: &Sources) -> Vec<Diagnostic> {
    const WORDS: [(&str, Council); 3] = [
        ("byråd", Council::Byraad),
        ("kommunalbestyrelse", Council::Kommunalbestyrelse),
        ("borgerrepræsentation", Council::Borgerrepraesentation),
    ];
    let mut out = Vec::new();
    for (id, app) in &facts.applications {
        for (i, d) in app.decisions.iter().enumerate() {
            let (Some(body), Some(m)) =
                (&d.body, facts.municipalities.get(d.municipality.as_str()))
            else {
                continue;
            };
            let lower = body.to_lowercase();
            let said = WORDS.iter().find(|(w, _)| lower.contains(w));
            if !said.is_some_and(|(_, council)| *council != m.council) {
                continue;
            }
            let path = format!("applications.{id}.decisions[{i}].body");
            out.push(
                Diagnostic::warning(msg!(
                    "facts-at",
                    path = &path,
                    message = msg!(
                        "facts-council-other-name",
                        body = body.as_str(),
                        municipality = m.name.as_str(),
                        council = m.council.name()
                    )
                ))
                .located(sources.value(&path))
                .hint(msg!(
                    "facts-council-other-name-hint",
                    body = m.council_body(),
                    id = d.municipality.as_str()
                )),
            );
        }
    }
    out
}

/// Applications addressed to another ministry than the one responsible
/// for the law on their date, by dokgen's table.
fn addressees(facts: &Facts, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, app) in &facts.applications {
        let (Some(given), Some(right)) = (&app.addressee, ministry::on(app.date)) else {
            continue;
        };
        if given.name == right.name {
            continue;
        }
        let path = format!("applications.{id}.addressee.name");
        out.push(
            Diagnostic::warning(msg!(
                "facts-at",
                path = &path,
                message = msg!(
                    "facts-addressee-wrong",
                    given = given.name.as_str(),
                    date = app.date.to_string(),
                    right = right.name
                )
            ))
            .located(sources.value(&path))
            .hint(msg!(
                "facts-addressee-wrong-hint",
                right = right.name,
                source = right.source
            )),
        );
    }
    out
}

/// The council's agenda or material that went out later than
/// kommunestyrelseslovens § 8, stk. 4 asks: the agenda at least 4
/// weekdays before the meeting, the material at least 3 (weekdays as
/// [`danish::is_weekday`] counts them). Other bodies have their own rules.
fn late(meeting: &Meeting, base: &str, sources: &Sources) -> Vec<Diagnostic> {
    if !meeting.is_council() {
        return Vec::new();
    }
    let papers = [
        ("agenda_sent", meeting.agenda_sent, 4),
        ("material_sent", meeting.material_sent, 3),
    ];
    let mut out = Vec::new();
    for (field, sent, required) in papers {
        let Some(sent) = sent.filter(|&s| s <= meeting.date) else {
            continue;
        };
        let latest = danish::weekdays_before(meeting.date, required);
        if sent <= latest {
            continue;
        }
        let path = format!("{base}.{field}");
        let weekdays = danish::weekdays_before_count(sent, meeting.date);
        let (sent, date, latest) = (
            sent.to_string(),
            meeting.date.to_string(),
            latest.to_string(),
        );
        let message = if field == "agenda_sent" {
            msg!("facts-agenda-late", sent, date, weekdays, required, latest)
        } else {
            msg!(
                "facts-material-late",
                sent,
                date,
                weekdays,
                required,
                latest
            )
        };
        out.push(
            Diagnostic::warning(msg!("facts-at", path = &path, message))
                .located(sources.value(&path))
                .hint(msg!("facts-late-hint")),
        );
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
