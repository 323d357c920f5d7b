//! What `dokgen check` notes about the facts: each municipality's size
//! against the law's threshold and its projection, the cooperation's
//! combined size, and the scenarios against the merger range.
//!
//! These sentences are the one place where Rust writes Danish, and they
//! never reach a PDF: they are a report to the person who runs `check`,
//! printed beside dokgen's other messages. Templates get the same
//! findings as numbers (`municipalities.<id>.sustainable`, `.projection`,
//! `cooperation.combined`, `scenarios[].combined`) and word them
//! themselves.

use chrono::{Datelike, NaiveDate};

use crate::danish;
use crate::facts::derive::{self, Combined, Projection, latest, projection, reaches};
use crate::facts::model::{Facts, Municipality, MunicipalityId, Range};

/// Findings about the municipalities' sizes and the scenarios, on the
/// newest figures, in Danish.
pub(super) fn findings(facts: &Facts) -> Vec<String> {
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
            out.push(format!(
                "{} har tilsammen {} indbyggere ({}) og {} kravet om mindst {} indbyggere i et forpligtende samarbejde.",
                crate::danish::list(&names, "og"),
                crate::danish::number(combined.total as f64, None),
                years(&combined),
                if combined.in_range { "opfylder" } else { "opfylder ikke" },
                crate::danish::number(min as f64, None),
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
            let verdict = if combined.in_range {
                "inden for"
            } else if combined.below {
                "under"
            } else {
                "over"
            };
            out.push(format!(
                "{} giver {} indbyggere ({}), {verdict} intervallet {}–{}.",
                crate::danish::capitalize_first(&s.name),
                crate::danish::number(combined.total as f64, None),
                years(&combined),
                crate::danish::number(range.min as f64, None),
                crate::danish::number(range.max as f64, None),
            ));
        }
    }
    out
}

/// "2018" or "2018–2020", the years a combined figure rests on.
fn years(c: &Combined) -> String {
    if c.from_year == c.to_year {
        c.from_year.to_string()
    } else {
        format!("tal fra {}–{}", c.from_year, c.to_year)
    }
}

/// Findings about a municipality's size: "Vallensbæk har 16.643 indbyggere
/// (2020) og er under grænsen på 20.000.", and when it is projected to
/// reach it.
fn size_findings(m: &Municipality, as_of: Option<NaiveDate>, threshold: u64) -> Vec<String> {
    let Some(last) = latest(&m.population, as_of) else {
        return Vec::new();
    };
    let side = if reaches(last.value, threshold) {
        "over"
    } else {
        "under"
    };
    let mut out = vec![format!(
        "{} har {} indbyggere ({}) og er {side} grænsen på {}.",
        m.short_name,
        danish::number(last.value as f64, None),
        last.date.year(),
        danish::number(threshold as f64, None),
    )];
    out.extend(
        projection(&m.population, as_of, threshold)
            .and_then(|p| projection_text(&m.short_name, &p, threshold)),
    );
    out
}

/// A projection as a sentence that says it is one.
fn projection_text(name: &str, p: &Projection, threshold: u64) -> Option<String> {
    let size = danish::number(threshold as f64, None);
    match p {
        Projection::Reached { .. } => None,
        Projection::Reaches {
            year,
            per_year,
            basis,
        } => Some(format!(
            "Fremskrivning: med udviklingen fra {} til {} ({} indbyggere om året) når {name} {size} indbyggere i {year}.",
            basis.0,
            basis.1,
            danish::number(per_year.round(), None),
        )),
        Projection::Never { basis } => Some(format!(
            "Fremskrivning: med udviklingen fra {} til {} når {name} ikke {size} indbyggere.",
            basis.0, basis.1,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::derive::fixtures::{date, ishoej, vallensbaek};

    #[test]
    fn findings_say_the_size_and_label_the_projection() {
        let notes = size_findings(&vallensbaek(), None, 20000);
        assert_eq!(
            notes[0],
            "Vallensbæk har 16.643 indbyggere (2020) og er under grænsen på 20.000."
        );
        assert_eq!(
            notes[1],
            "Fremskrivning: med udviklingen fra 2018 til 2020 (175 indbyggere om året) når Vallensbæk 20.000 indbyggere i 2040."
        );
        let notes = size_findings(&vallensbaek(), date(2017, 8, 21), 20000);
        assert_eq!(
            notes[0],
            "Vallensbæk har 15.712 indbyggere (2017) og er under grænsen på 20.000."
        );
        assert_eq!(
            size_findings(&ishoej(), None, 20000),
            ["Ishøj har 22.988 indbyggere (2018) og er over grænsen på 20.000."]
        );
    }
}
