//! Facts derived from facts, computed here once so that templates never
//! compute or retype them: the latest population, growth, thresholds, the
//! size of a group of municipalities, and a projection of when a
//! municipality reaches a size.
//!
//! Everything is "as of" a date: a document dated 2017 knows only the
//! figures dated on or before it.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::{Municipality, PopulationFigure, Range};

/// The figures known on `as_of` (all of them when `None`), oldest first.
pub(crate) fn known(
    figures: &[PopulationFigure],
    as_of: Option<NaiveDate>,
) -> Vec<&PopulationFigure> {
    let mut known: Vec<&PopulationFigure> = figures
        .iter()
        .filter(|f| as_of.is_none_or(|d| f.date <= d))
        .collect();
    known.sort_by_key(|f| f.date);
    known
}

/// The newest figure known on `as_of`.
pub(crate) fn latest(
    figures: &[PopulationFigure],
    as_of: Option<NaiveDate>,
) -> Option<&PopulationFigure> {
    known(figures, as_of).last().copied()
}

/// The change in population between two figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub(crate) struct Growth {
    /// The year of the earlier figure.
    pub from_year: i32,
    /// The year of the later figure.
    pub to_year: i32,
    /// Inhabitants then.
    pub from: i64,
    /// Inhabitants now.
    pub to: i64,
    /// The change in inhabitants.
    pub absolute: i64,
    /// The change in percent of the earlier figure.
    pub percent: f64,
}

/// The growth from the figure of `from_year` to that of `to_year`.
pub(crate) fn growth(figures: &[PopulationFigure], from_year: i32, to_year: i32) -> Option<Growth> {
    let at = |year: i32| figures.iter().find(|f| f.date.year() == year);
    let (a, b) = (at(from_year)?, at(to_year)?);
    Some(growth_between(a, b))
}

fn growth_between(a: &PopulationFigure, b: &PopulationFigure) -> Growth {
    let absolute = b.value - a.value;
    Growth {
        from_year: a.date.year(),
        to_year: b.date.year(),
        from: a.value,
        to: b.value,
        absolute,
        percent: absolute as f64 * 100.0 / a.value as f64,
    }
}

/// Whether `value` reaches `threshold` (a municipality of exactly 20.000
/// inhabitants meets a 20.000 rule).
pub(crate) fn reaches(value: i64, threshold: u64) -> bool {
    value >= 0 && value as u64 >= threshold
}

/// The combined population of a group of municipalities.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub(crate) struct Combined {
    /// The sum of each member's latest figure.
    pub total: i64,
    /// The oldest year among those figures (they may differ by member).
    pub from_year: i32,
    /// The newest year among them.
    pub to_year: i32,
    /// Whether the total lies in the range it is weighed against.
    pub in_range: bool,
    /// Below the range (false if in or above it).
    pub below: bool,
}

/// The combined latest population of `members` as of `as_of`, weighed
/// against `range`. `None` if a member has no figure.
pub(crate) fn combined(
    members: &[&Municipality],
    as_of: Option<NaiveDate>,
    range: Range,
) -> Option<Combined> {
    let figures: Vec<&PopulationFigure> = members
        .iter()
        .map(|m| latest(&m.population, as_of))
        .collect::<Option<_>>()?;
    let total: i64 = figures.iter().map(|f| f.value).sum();
    let years = figures.iter().map(|f| f.date.year());
    Some(Combined {
        total,
        from_year: years.clone().min()?,
        to_year: years.max()?,
        in_range: reaches(total, range.min) && total as u64 <= range.max,
        below: !reaches(total, range.min),
    })
}

/// When a municipality reaches a size, extrapolated in a straight line
/// from its last two figures. Always shown as a projection.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Projection {
    /// The latest figure already reaches the size.
    Reached {
        /// The year of that figure.
        year: i32,
    },
    /// At the recent rate the size is reached in `year`.
    Reaches {
        /// The first year on 1 January of which the size is reached.
        year: i32,
        /// Inhabitants gained per year between the two figures.
        per_year: f64,
        /// The years of the two figures.
        basis: (i32, i32),
    },
    /// The population is not growing, so the size is never reached at
    /// the recent rate.
    Never {
        /// The years of the two figures.
        basis: (i32, i32),
    },
}

/// The projection of when `figures` (as of `as_of`) reach `threshold`.
/// `None` with fewer than two figures.
pub(crate) fn projection(
    figures: &[PopulationFigure],
    as_of: Option<NaiveDate>,
    threshold: u64,
) -> Option<Projection> {
    let known = known(figures, as_of);
    let last = *known.last()?;
    if reaches(last.value, threshold) {
        return Some(Projection::Reached {
            year: last.date.year(),
        });
    }
    let before = *known.get(known.len().checked_sub(2)?)?;
    let basis = (before.date.year(), last.date.year());
    let years = f64::from(basis.1 - basis.0);
    let per_year = (last.value - before.value) as f64 / years;
    if per_year <= 0.0 {
        return Some(Projection::Never { basis });
    }
    let missing = threshold as f64 - last.value as f64;
    let year = basis.1 + (missing / per_year).ceil() as i32;
    Some(Projection::Reaches {
        year,
        per_year,
        basis,
    })
}

/// Municipalities with the figures of DOMAIN.md, for tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::NaiveDate;

    use crate::facts::model::{Municipality, Officials, Person, PopulationFigure, Terms};

    pub(crate) fn figures(list: &[(i32, i64)]) -> Vec<PopulationFigure> {
        list.iter()
            .map(|&(year, value)| PopulationFigure {
                date: NaiveDate::from_ymd_opt(year, 1, 1).unwrap(),
                value,
                source: "test".into(),
            })
            .collect()
    }

    pub(crate) fn municipality(name: &str, population: &[(i32, i64)]) -> Municipality {
        let person = Terms(vec![Person {
            name: "N.N.".into(),
            title: "Borgmester".into(),
            from: None,
            until: None,
        }]);
        Municipality {
            name: format!("{name} Kommune"),
            short_name: name.into(),
            address: vec![],
            seat: None,
            logo: None,
            letterhead: Default::default(),
            officials: Officials {
                mayor: person.clone(),
                chief_executive: Some(person),
            },
            population: figures(population),
            meeting_papers: None,
            council: Default::default(),
        }
    }

    /// The figures of DOMAIN.md.
    pub(crate) fn vallensbaek() -> Municipality {
        municipality(
            "Vallensbæk",
            &[
                (2007, 12144),
                (2008, 12399),
                (2017, 15712),
                (2018, 16294),
                (2020, 16643),
            ],
        )
    }

    pub(crate) fn ishoej() -> Municipality {
        municipality(
            "Ishøj",
            &[(2005, 20668), (2010, 20606), (2016, 22358), (2018, 22988)],
        )
    }

    pub(crate) fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{date, figures, ishoej, vallensbaek};
    use super::*;

    #[test]
    fn latest_figure_as_of_a_date() {
        let v = vallensbaek();
        assert_eq!(latest(&v.population, None).unwrap().value, 16643);
        assert_eq!(
            latest(&v.population, date(2017, 8, 21)).unwrap().value,
            15712
        );
        assert_eq!(
            latest(&v.population, date(2017, 1, 1)).unwrap().value,
            15712
        );
        assert!(latest(&v.population, date(2006, 1, 1)).is_none());
    }

    #[test]
    fn growth_between_two_years() {
        let g = growth(&vallensbaek().population, 2007, 2017).unwrap();
        assert_eq!((g.from, g.to, g.absolute), (12144, 15712, 3568));
        assert!((g.percent - 29.38).abs() < 0.01, "{}", g.percent);
        let g = growth(&ishoej().population, 2005, 2010).unwrap();
        assert_eq!(g.absolute, -62);
        assert!(growth(&ishoej().population, 2005, 2011).is_none());
    }

    #[test]
    fn thresholds_are_met_from_the_threshold_up() {
        assert!(reaches(22988, 20000));
        assert!(reaches(20000, 20000));
        assert!(!reaches(16643, 20000));
        assert!(!reaches(-5, 0));
    }

    #[test]
    fn combined_population_against_the_cooperation_base_and_merger_range() {
        let (i, v) = (ishoej(), vallensbaek());
        let base = combined(
            &[&i, &v],
            None,
            Range {
                min: 30000,
                max: u64::MAX,
            },
        )
        .unwrap();
        assert_eq!(base.total, 22988 + 16643);
        assert_eq!((base.from_year, base.to_year), (2018, 2020));
        assert!(base.in_range);
        let merger = combined(
            &[&i, &v],
            None,
            Range {
                min: 50000,
                max: 100000,
            },
        )
        .unwrap();
        assert!(!merger.in_range);
        assert!(merger.below);
        // As of 2007, Ishøj's newest figure is the one of 2005.
        let then = combined(
            &[&i, &v],
            date(2007, 1, 1),
            Range {
                min: 30000,
                max: u64::MAX,
            },
        )
        .unwrap();
        assert_eq!(then.total, 20668 + 12144);
    }

    #[test]
    fn projection_is_linear_on_the_last_two_figures() {
        let v = vallensbaek();
        // 2018: 16.294, 2020: 16.643 → 174,5 a year; 3.357 short → 19,2 years.
        assert_eq!(
            projection(&v.population, None, 20000),
            Some(Projection::Reaches {
                year: 2040,
                per_year: 174.5,
                basis: (2018, 2020)
            })
        );
        // As of 2017: 2008: 12.399, 2017: 15.712 → 368,1 a year → 2029.
        match projection(&v.population, date(2017, 8, 21), 20000) {
            Some(Projection::Reaches { year, basis, .. }) => {
                assert_eq!((year, basis), (2029, (2008, 2017)))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            projection(&ishoej().population, None, 20000),
            Some(Projection::Reached { year: 2018 })
        );
        let shrinking = figures(&[(2010, 15000), (2020, 14000)]);
        assert_eq!(
            projection(&shrinking, None, 20000),
            Some(Projection::Never {
                basis: (2010, 2020)
            })
        );
        assert_eq!(projection(&figures(&[(2020, 100)]), None, 20000), None);
    }
}
