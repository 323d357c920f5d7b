//! What `dokgen check` notes about the facts: each municipality's size
//! against the law's threshold and its projection, the cooperation's
//! combined size, and the scenarios against the merger range.
//!
//! These sentences never reach a PDF: they are a report to the person
//! who runs `check`, printed beside dokgen's other messages, in the
//! catalogue's words (`findings-*`), with figures as Danish writes them.
//! Templates get the same findings as numbers
//! (`municipalities.<id>.sustainable`, `.projection`,
//! `cooperation.combined`, `scenarios[].combined`) and word them
//! themselves.

use chrono::{Datelike, NaiveDate};

use crate::danish;
use crate::facts::derive::{self, Combined, Projection, latest, projection, reaches};
use crate::facts::model::{Facts, Municipality, MunicipalityId, Range};
use crate::message::Message;
use crate::msg;

/// Findings about the municipalities' sizes and the scenarios, on the
/// newest figures.
pub(super) fn findings(facts: &Facts) -> Vec<Message> {
    let as_of = None;
    let Some(rules) = &facts.rules else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(size) = rules.sustainable_size {
        for m in facts.municipalities.values() {
            out.extend(size_findings(m, as_of, size));
        }
    }
    let group = |ids: &[MunicipalityId]| {
        ids.iter()
            .filter_map(|id| facts.municipalities.get(id.as_str()))
            .collect::<Vec<_>>()
    };
    if let (Some(c), Some(min)) = (&facts.cooperation, rules.cooperation_base) {
        let members = group(&c.members);
        let base = Range { min, max: u64::MAX };
        if let Some(combined) = derive::combined(&members, as_of, base) {
            let names: Vec<&str> = members.iter().map(|m| m.short_name.as_str()).collect();
            out.push(msg!(
                "findings-cooperation",
                names = and(&names),
                total = danish::number(combined.total as f64, None),
                years = years(&combined),
                meets = if combined.in_range { "yes" } else { "no" },
                min = danish::number(min as f64, None),
            ));
        }
    }
    let ranged = rules.merger_range.map(|range| (range, &facts.scenarios));
    for (range, s) in ranged
        .iter()
        .flat_map(|(r, list)| list.iter().map(move |s| (*r, s)))
    {
        let members = group(&s.members);
        if let Some(combined) = derive::combined(&members, as_of, range) {
            let side = if combined.in_range {
                "within"
            } else if combined.below {
                "below"
            } else {
                "above"
            };
            out.push(msg!(
                "findings-scenario",
                name = danish::capitalize_first(&s.name),
                total = danish::number(combined.total as f64, None),
                years = years(&combined),
                side,
                min = danish::number(range.min as f64, None),
                max = danish::number(range.max as f64, None),
            ));
        }
    }
    out
}

/// "2018" or "figures from 2018–2020", the years a combined figure rests
/// on.
fn years(c: &Combined) -> Message {
    if c.from_year == c.to_year {
        msg!("findings-year", year = c.from_year.to_string())
    } else {
        msg!(
            "findings-years",
            from = c.from_year.to_string(),
            to = c.to_year.to_string()
        )
    }
}

/// "Ishøj, Albertslund and Vallensbæk".
fn and(names: &[&str]) -> Message {
    match names {
        [] => msg!("findings-one", name = ""),
        [one] => msg!("findings-one", name = *one),
        [rest @ .., last] => msg!("findings-and", rest = rest.join(", "), last = *last),
    }
}

/// Findings about a municipality's size: "Vallensbæk har 16.643 indbyggere
/// (2020) og er under grænsen på 20.000.", and when it is projected to
/// reach it.
fn size_findings(m: &Municipality, as_of: Option<NaiveDate>, threshold: u64) -> Vec<Message> {
    let Some(last) = latest(&m.population, as_of) else {
        return Vec::new();
    };
    let side = if reaches(last.value, threshold) {
        "above"
    } else {
        "below"
    };
    let mut out = vec![msg!(
        "findings-size",
        name = m.short_name.as_str(),
        count = danish::number(last.value as f64, None),
        year = last.date.year().to_string(),
        side,
        threshold = danish::number(threshold as f64, None),
    )];
    out.extend(
        projection(&m.population, as_of, threshold)
            .and_then(|p| projection_text(&m.short_name, &p, threshold)),
    );
    out
}

/// A projection as a sentence that says it is one.
fn projection_text(name: &str, p: &Projection, threshold: u64) -> Option<Message> {
    let size = danish::number(threshold as f64, None);
    match p {
        Projection::Reached { .. } => None,
        Projection::Reaches {
            year,
            per_year,
            basis,
        } => Some(msg!(
            "findings-projection-reaches",
            from = basis.0.to_string(),
            to = basis.1.to_string(),
            per_year = danish::number(per_year.round(), None),
            name,
            size,
            year = year.to_string(),
        )),
        Projection::Never { basis } => Some(msg!(
            "findings-projection-never",
            from = basis.0.to_string(),
            to = basis.1.to_string(),
            name,
            size,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::derive::fixtures::{date, ishoej, vallensbaek};
    use crate::message::Lang;

    #[test]
    fn findings_say_the_size_and_label_the_projection() {
        let da = |notes: Vec<Message>| -> Vec<String> {
            notes.iter().map(|n| n.text(Lang::Da)).collect()
        };
        let notes = da(size_findings(&vallensbaek(), None, 20000));
        assert_eq!(
            notes[0],
            "Vallensbæk har 16.643 indbyggere (2020) og er under grænsen på 20.000."
        );
        assert_eq!(
            notes[1],
            "Fremskrivning: med udviklingen fra 2018 til 2020 (175 indbyggere om året) når Vallensbæk 20.000 indbyggere i 2040."
        );
        let notes = da(size_findings(&vallensbaek(), date(2017, 8, 21), 20000));
        assert_eq!(
            notes[0],
            "Vallensbæk har 15.712 indbyggere (2017) og er under grænsen på 20.000."
        );
        assert_eq!(
            da(size_findings(&ishoej(), None, 20000)),
            ["Ishøj har 22.988 indbyggere (2018) og er over grænsen på 20.000."]
        );
        assert_eq!(
            size_findings(&ishoej(), None, 20000)[0].text(Lang::En),
            "Ishøj has 22.988 inhabitants (2018) and is above the threshold of 20.000."
        );
    }
}
