//! The ministry responsible for the law on binding municipal cooperation
//! (the interior area) on each date: built-in, sourced data, so that a
//! letter's addressee and every mention of the minister are right on the
//! document's date without anyone retyping them.
//!
//! The name changes with the government, often more than once in one
//! government's life. Each period runs from the day the area moved (a
//! government formed, or a royal resolution moved the area) to the day
//! before the next one. The table is known to hold up to
//! [`CONFIRMED_UNTIL`]; for a later date dokgen says it cannot tell.

use chrono::NaiveDate;
use serde::Serialize;

/// One period of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Ministry {
    /// The ministry's name: "Økonomi- og Indenrigsministeriet".
    pub name: &'static str,
    /// The minister in running text, in the definite form:
    /// "økonomi- og indenrigsministeren".
    pub minister: &'static str,
    /// The ministry's postal address, one line per entry.
    pub address: [&'static str; 2],
    /// The first day the area was the ministry's.
    pub from: NaiveDate,
    /// The first day it was no longer, if it has moved since.
    pub until: Option<NaiveDate>,
    /// Where the dates and the name were confirmed.
    pub source: &'static str,
}

const fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

const SLOTSHOLMSGADE_10_12: [&str; 2] = ["Slotsholmsgade 10-12", "1216 København K"];
const SLOTSHOLMSGADE_10: [&str; 2] = ["Slotsholmsgade 10", "1216 København K"];
const HOLMENS_KANAL_22: [&str; 2] = ["Holmens Kanal 22", "1060 København K"];
const STORMGADE_2_6: [&str; 2] = ["Stormgade 2-6", "1470 København K"];

/// The day after which the table is not confirmed: the general election
/// of 24 March 2026. The government formed after it may have moved the
/// area; until the table says so, a document dated later names its
/// ministry itself.
pub const CONFIRMED_UNTIL: NaiveDate = day(2026, 3, 24);

/// The periods, oldest first, each ending where the next begins.
/// Addresses are those of the ministry's letterheads in the period
/// (ft.dk, answers to the parliament's committees).
pub static MINISTRIES: [Ministry; 10] = [
    Ministry {
        name: "Indenrigs- og Sundhedsministeriet",
        minister: "indenrigs- og sundhedsministeren",
        address: SLOTSHOLMSGADE_10_12,
        from: day(2001, 11, 27),
        until: Some(day(2007, 11, 23)),
        source: "Regeringen Anders Fogh Rasmussen I–II; the bill of the law (ft.dk, 2004-05, L 69)",
    },
    Ministry {
        name: "Velfærdsministeriet",
        minister: "velfærdsministeren",
        address: HOLMENS_KANAL_22,
        from: day(2007, 11, 23),
        until: Some(day(2009, 4, 7)),
        source: "Regeringen Anders Fogh Rasmussen III; letterhead, ft.dk 2008-09",
    },
    Ministry {
        name: "Indenrigs- og Socialministeriet",
        minister: "indenrigs- og socialministeren",
        address: HOLMENS_KANAL_22,
        from: day(2009, 4, 7),
        until: Some(day(2010, 2, 23)),
        source: "Regeringen Lars Løkke Rasmussen I; letterhead, ft.dk January 2010",
    },
    Ministry {
        name: "Indenrigs- og Sundhedsministeriet",
        minister: "indenrigs- og sundhedsministeren",
        address: SLOTSHOLMSGADE_10_12,
        from: day(2010, 2, 23),
        until: Some(day(2011, 10, 3)),
        source: "Regeringen Lars Løkke Rasmussen I, reshuffle of 23 February 2010; letterhead, ft.dk May 2010",
    },
    Ministry {
        name: "Økonomi- og Indenrigsministeriet",
        minister: "økonomi- og indenrigsministeren",
        address: SLOTSHOLMSGADE_10,
        from: day(2011, 10, 3),
        until: Some(day(2015, 6, 28)),
        source: "Regeringen Helle Thorning-Schmidt I–II; ft.dk 2011-12, L 169",
    },
    Ministry {
        name: "Social- og Indenrigsministeriet",
        minister: "social- og indenrigsministeren",
        address: HOLMENS_KANAL_22,
        from: day(2015, 6, 28),
        until: Some(day(2016, 11, 28)),
        source: "Regeringen Lars Løkke Rasmussen II; letterhead, ft.dk 2016-17",
    },
    Ministry {
        name: "Økonomi- og Indenrigsministeriet",
        minister: "økonomi- og indenrigsministeren",
        address: SLOTSHOLMSGADE_10,
        from: day(2016, 11, 28),
        until: Some(day(2019, 6, 27)),
        source: "Regeringen Lars Løkke Rasmussen III; letterhead, ft.dk 2017-18",
    },
    Ministry {
        name: "Social- og Indenrigsministeriet",
        minister: "social- og indenrigsministeren",
        address: HOLMENS_KANAL_22,
        from: day(2019, 6, 27),
        until: Some(day(2021, 1, 21)),
        source: "Regeringen Mette Frederiksen I (stm.dk); letterhead, ft.dk 2019-20, L 196",
    },
    Ministry {
        name: "Indenrigs- og Boligministeriet",
        minister: "indenrigs- og boligministeren",
        address: STORMGADE_2_6,
        from: day(2021, 1, 21),
        until: Some(day(2022, 12, 15)),
        source: "Royal resolution of 21 January 2021 (stm.dk); letterhead, ft.dk November 2021",
    },
    Ministry {
        name: "Indenrigs- og Sundhedsministeriet",
        minister: "indenrigs- og sundhedsministeren",
        address: SLOTSHOLMSGADE_10_12,
        from: day(2022, 12, 15),
        until: None,
        source: "Regeringen Mette Frederiksen II; letterhead, ft.dk February 2025",
    },
];

/// The ministry responsible on `date`, if the table knows it: none before
/// the table begins or after [`CONFIRMED_UNTIL`].
pub fn on(date: NaiveDate) -> Option<&'static Ministry> {
    if date > CONFIRMED_UNTIL {
        return None;
    }
    MINISTRIES
        .iter()
        .find(|m| m.from <= date && m.until.is_none_or(|until| date < until))
}

/// Gives every application without an addressee the ministry
/// responsible on its date, where the table knows it (the check refuses
/// one it does not).
pub(crate) fn address(facts: &mut super::model::Facts) {
    for app in facts.applications.values_mut() {
        if app.addressee.is_some() {
            continue;
        }
        app.addressee = on(app.date).map(|m| super::model::Addressee {
            name: m.name.to_owned(),
            address: m.address.iter().map(|line| (*line).to_owned()).collect(),
        });
    }
}

/// The first day the table knows.
pub fn first_day() -> NaiveDate {
    MINISTRIES[0].from
}

/// A minister's title as it stands in running text, by its stem
/// (without the definite ending): every title the table has held, and
/// the bare "indenrigsminister" a writer may reach for.
fn stems() -> impl Iterator<Item = &'static str> {
    MINISTRIES
        .iter()
        .map(|m| m.minister.trim_end_matches("en"))
        .chain(["indenrigsminister"])
}

/// A mention of a minister in `text` that is not the title of `right`:
/// the byte range of each and the title it gives. A title is matched as
/// a whole compound ("økonomi- og indenrigsministeren" is one title, not
/// "indenrigsministeren" after two words), in any inflection.
pub fn wrong_titles(text: &str, right: &Ministry) -> Vec<(std::ops::Range<usize>, String)> {
    let lower = text.to_lowercase();
    // Lower-casing keeps the byte offsets only where it keeps lengths; the
    // letters of these titles do, and a text where it would not is read as
    // it is.
    let haystack = if lower.len() == text.len() {
        lower
    } else {
        text.to_owned()
    };
    let right_stem = right.minister.trim_end_matches("en");
    let mut found: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    // The longest titles first, so a compound is not also matched by its
    // tail.
    let mut stems: Vec<&str> = stems().collect();
    stems.sort_by_key(|s| std::cmp::Reverse(s.len()));
    stems.dedup();
    for stem in stems {
        for (start, _) in haystack.match_indices(stem) {
            let end = start + stem.len();
            let inside = |r: &std::ops::Range<usize>| r.start <= start && end <= r.end;
            if found.iter().any(|(r, _)| inside(r)) {
                continue;
            }
            let letter_before = haystack[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            if letter_before {
                continue;
            }
            // The inflection: "-en", "-ens", "-s", "-e", "-ne" …; "ministeriet"
            // is the ministry, not the minister.
            let tail: String = haystack[end..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if tail.starts_with("iet") || tail.starts_with("ium") {
                continue;
            }
            let whole = start..end + tail.len();
            if stem == right_stem {
                found.push((whole, String::new()));
                continue;
            }
            found.push((whole.clone(), text[whole].to_owned()));
        }
    }
    found.retain(|(_, said)| !said.is_empty());
    found.sort_by_key(|(r, _)| r.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_periods_follow_each_other_without_gap_or_overlap() {
        for pair in MINISTRIES.windows(2) {
            assert_eq!(pair[0].until, Some(pair[1].from), "{}", pair[1].name);
            assert!(pair[0].from < pair[1].from);
        }
        assert!(MINISTRIES.last().is_some_and(|m| m.until.is_none()));
    }

    #[test]
    fn the_ministry_of_a_date_is_the_one_in_office_that_day() {
        let name = |y, m, d| on(day(y, m, d)).map(|m| m.name);
        assert_eq!(name(2017, 8, 21), Some("Økonomi- og Indenrigsministeriet"));
        assert_eq!(name(2020, 8, 27), Some("Social- og Indenrigsministeriet"));
        assert_eq!(name(2021, 1, 20), Some("Social- og Indenrigsministeriet"));
        assert_eq!(name(2021, 1, 21), Some("Indenrigs- og Boligministeriet"));
        assert_eq!(name(2021, 6, 10), Some("Indenrigs- og Boligministeriet"));
        assert_eq!(name(2024, 1, 1), Some("Indenrigs- og Sundhedsministeriet"));
        assert_eq!(name(2001, 1, 1), None);
        assert_eq!(name(2026, 12, 6), None);
    }

    #[test]
    fn a_title_is_wrong_only_where_it_is_not_the_one_of_the_date() {
        let oim = on(day(2017, 8, 21)).unwrap();
        let text = "Ansøgningen sendes til indenrigsministeren. Økonomi- og indenrigsministerens \
                    svar og Økonomi- og Indenrigsministeriet; social- og indenrigsministeren; \
                    finansministeren.";
        let wrong: Vec<String> = wrong_titles(text, oim)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(
            wrong,
            ["indenrigsministeren", "social- og indenrigsministeren"]
        );
        let sim = on(day(2020, 8, 27)).unwrap();
        let wrong: Vec<String> = wrong_titles(text, sim)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(
            wrong,
            ["indenrigsministeren", "Økonomi- og indenrigsministerens"]
        );
    }
}
