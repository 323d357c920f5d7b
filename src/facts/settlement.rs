//! The BUM settlement: what each service costs a unit, what each
//! municipality pays for what it orders, and who owes whom on balance.
//!
//! Money is counted in whole øre as integers, so no sum depends on
//! floating-point rounding. The rules, which the annex also prints:
//!
//! - A unit's cost price is the salary of a full-time equivalent (FTE)
//!   divided by the units one FTE delivers a year, plus the shares of
//!   management and of leave and sickness (percent of that salary), plus
//!   travel per unit.
//! - The unit price is that cost price rounded up to whole kroner: a
//!   provider may not charge less than its cost, so any part of a krone
//!   counts as a whole one.
//! - A payment is the unit price times the units ordered: exact, so every
//!   line of the table can be checked with a pocket calculator.
//! - What a provider orders from itself is its own cost and is not
//!   settled. Between each pair of municipalities the two directions are
//!   set off against each other; one net amount is paid.
//!
//! The facts were validated before (volumes and prices present and not
//! negative, one FTE delivers at least one unit); [`compute`] still
//! refuses what it cannot compute rather than panic.

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::{CostPrice, Id, Settlement};

/// Øre per krone.
const ORE: i128 = 100;
/// Percentages are read to hundredths: 2.5 % is 250 basis points.
const BASIS: i128 = 100 * 100;

/// The largest amount, in kroner, a settlement may hold: a hundred
/// billion, far above any municipality's whole budget. A larger one is a
/// mistake in the facts (and could not be added up without overflow).
pub(crate) const PLAUSIBLE_KR: i64 = 100_000_000_000;

/// A percentage in basis points (hundredths of a percent), or `None` if it
/// is negative, over 1000, not finite or has more than two decimals.
///
/// The two decimals are exact: the number must be the one its basis
/// points written with two decimals read as (`2.5`, `0.07`). A number
/// merely close to one (`1e-320`, `2.500000001`) is refused; it would
/// print with all its digits.
pub(crate) fn basis_points(pct: f64) -> Option<i64> {
    if !(0.0..=1000.0).contains(&pct) {
        return None;
    }
    let bp = (pct * 100.0).round();
    (bp / 100.0 == pct).then_some(bp as i64)
}

/// A percentage a fact gives, for `#[serde(deserialize_with = "…")]`:
/// refused at its value unless [`basis_points`] takes it. The check is a
/// visitor's, so that serde_yaml places the error at the number.
pub(crate) fn percent<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    deserializer.deserialize_f64(Percent)
}

struct Percent;

impl serde::de::Visitor<'_> for Percent {
    type Value = f64;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        crate::yaml::expecting(
            f,
            crate::msg!("yaml-wanted-percentage"),
            Some(crate::msg!("yaml-percentage-hint")),
        )
    }

    fn visit_f64<E: serde::de::Error>(self, pct: f64) -> Result<f64, E> {
        match basis_points(pct) {
            Some(_) => Ok(pct),
            None => {
                let value = if pct.is_finite() && (pct == 0.0 || (1e-3..1e6).contains(&pct.abs())) {
                    pct.to_string()
                } else {
                    format!("{pct:e}")
                };
                Err(crate::yaml::refuse(
                    crate::msg!("yaml-percentage", value),
                    Some(crate::msg!("yaml-percentage-hint")),
                ))
            }
        }
    }

    fn visit_i64<E: serde::de::Error>(self, pct: i64) -> Result<f64, E> {
        self.visit_f64(pct as f64)
    }

    fn visit_u64<E: serde::de::Error>(self, pct: u64) -> Result<f64, E> {
        self.visit_f64(pct as f64)
    }
}

/// The cost price of one unit, in øre, before rounding, by its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub(crate) struct UnitCost {
    /// Salary per unit.
    pub salary: i64,
    /// Management per unit.
    pub management: i64,
    /// Leave and sickness per unit.
    pub absence: i64,
    /// Travel per unit.
    pub travel: i64,
}

impl UnitCost {
    /// The sum of the parts, in øre.
    pub(crate) fn total_ore(&self) -> i64 {
        self.salary + self.management + self.absence + self.travel
    }

    /// The unit price: the total rounded up to whole kroner.
    pub(crate) fn price(&self) -> i64 {
        (self.total_ore() as i128).div_euclid(ORE) as i64
            + i64::from((self.total_ore() as i128).rem_euclid(ORE) != 0)
    }
}

/// Rounds `n / d` to the nearest whole number, halves away from zero
/// (`d` > 0).
fn round_half_up(n: i128, d: i128) -> i128 {
    let q = n.div_euclid(d);
    let r = n.rem_euclid(d);
    if 2 * r >= d { q + 1 } else { q }
}

/// Why a service cannot be priced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PriceError {
    /// A field that must not be negative is.
    Negative(&'static str),
    /// One FTE must deliver at least one unit.
    NoUnits,
    /// A percentage with more than two decimals, or not a number.
    Percent(&'static str),
    /// A part of the unit's cost is above [`PLAUSIBLE_KR`]: the field
    /// that makes it so.
    TooLarge(&'static str),
}

/// The cost price of one unit of a service, by its parts, in øre. Each
/// part is rounded to whole øre, half upwards.
pub(crate) fn unit_cost(cost: &CostPrice) -> Result<UnitCost, PriceError> {
    if cost.salary_per_fte < 0 {
        return Err(PriceError::Negative("salary_per_fte"));
    }
    if cost.travel_per_unit < 0 {
        return Err(PriceError::Negative("travel_per_unit"));
    }
    if cost.units_per_fte <= 0 {
        return Err(PriceError::NoUnits);
    }
    let management =
        basis_points(cost.management_pct).ok_or(PriceError::Percent("management_pct"))?;
    let absence = basis_points(cost.absence_pct).ok_or(PriceError::Percent("absence_pct"))?;
    // In i128, where no product of these inputs overflows; each part is
    // then held to the plausible bound, so that their sum and every
    // amount made from it fit in an i64.
    let salary_ore = cost.salary_per_fte as i128 * ORE;
    let units = cost.units_per_fte as i128;
    let bounded = |ore: i128, field: &'static str| {
        (ore <= PLAUSIBLE_KR as i128 * ORE)
            .then_some(ore as i64)
            .ok_or(PriceError::TooLarge(field))
    };
    let share = |bp: i64| round_half_up(salary_ore * bp as i128, units * BASIS);
    Ok(UnitCost {
        salary: bounded(round_half_up(salary_ore, units), "salary_per_fte")?,
        management: bounded(share(management), "salary_per_fte")?,
        absence: bounded(share(absence), "salary_per_fte")?,
        travel: bounded(cost.travel_per_unit as i128 * ORE, "travel_per_unit")?,
    })
}

/// The settlement of every year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct Settled {
    /// Each service's unit price, in the order of the catalogue.
    pub services: Vec<Price>,
    /// One settlement per year, in the order of the facts.
    pub years: Vec<YearSettlement>,
}

/// What a service's unit costs, computed from the parts of its cost
/// price.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[schemars(rename = "PricedService")]
pub(crate) struct Price {
    /// The cost of a unit by its parts, in øre.
    pub unit_cost: UnitCost,
    /// The unit price in whole kroner.
    pub price: i64,
}

/// One year's settlement.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct YearSettlement {
    /// The year.
    pub year: i32,
    /// One line per service, in catalogue order.
    pub lines: Vec<SettlementLine>,
    /// What each orderer pays other municipalities in all, by id, in the
    /// order of the orderers.
    pub totals: Vec<Total>,
    /// The net amounts, one per pair of municipalities that owe each other
    /// anything, largest first.
    pub transfers: Vec<Transfer>,
}

/// A service in one year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct SettlementLine {
    /// The service's id.
    pub service: Id,
    /// Who provides it.
    pub provider: Id,
    /// The unit price in kroner.
    pub price: i64,
    /// Per orderer, in the order of the orderers.
    pub orders: Vec<Order>,
}

/// What one municipality orders of a service in a year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct Order {
    /// The orderer's id.
    pub orderer: Id,
    /// Units ordered.
    pub volume: i64,
    /// Unit price times volume, in kroner.
    pub amount: i64,
    /// Whether the orderer is the provider: its own cost, not settled.
    pub own: bool,
}

/// An orderer's payments to others in a year.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub(crate) struct Total {
    /// The orderer's id.
    pub orderer: Id,
    /// What it pays other municipalities, in kroner.
    pub pays: i64,
    /// What other municipalities pay it, in kroner.
    pub receives: i64,
}

/// A net amount one municipality pays another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub(crate) struct Transfer {
    /// Who pays.
    pub from: Id,
    /// Who receives.
    pub to: Id,
    /// How much, in kroner.
    pub amount: i64,
}

/// Why a settlement cannot be computed; validation reports these with
/// their lines first, so users do not meet them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SettleError {
    /// A service's price cannot be computed.
    Price(Id, PriceError),
    /// A volume is missing.
    MissingVolume { service: Id, orderer: Id, year: i32 },
    /// A volume is negative.
    NegativeVolume { service: Id, orderer: Id, year: i32 },
    /// The amount of a volume (price × volume), or an orderer's total in a
    /// year, is above [`PLAUSIBLE_KR`].
    TooLarge { service: Id, orderer: Id, year: i32 },
}

/// Computes the settlement.
pub(crate) fn compute(s: &Settlement) -> Result<Settled, SettleError> {
    let services = s
        .services
        .iter()
        .map(|service| {
            let cost =
                unit_cost(&service.cost).map_err(|e| SettleError::Price(service.id.clone(), e))?;
            Ok(Price {
                price: cost.price(),
                unit_cost: cost,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut years = Vec::new();
    for &year in &s.years {
        let mut lines = Vec::new();
        // (payer, payee) → amount.
        let mut owed: BTreeMap<(&str, &str), i64> = BTreeMap::new();
        for (service, priced) in s.services.iter().zip(&services) {
            let mut orders = Vec::new();
            for orderer in &s.orderers {
                let volume = service
                    .volumes
                    .get(orderer.as_str())
                    .and_then(|v| v.get(&year))
                    .copied()
                    .ok_or_else(|| SettleError::MissingVolume {
                        service: service.id.clone(),
                        orderer: orderer.to_string(),
                        year,
                    })?;
                if volume < 0 {
                    return Err(SettleError::NegativeVolume {
                        service: service.id.clone(),
                        orderer: orderer.to_string(),
                        year,
                    });
                }
                let too_large = || SettleError::TooLarge {
                    service: service.id.clone(),
                    orderer: orderer.to_string(),
                    year,
                };
                let amount = priced
                    .price
                    .checked_mul(volume)
                    .filter(|a| *a <= PLAUSIBLE_KR)
                    .ok_or_else(too_large)?;
                let own = *orderer == service.provider;
                if !own {
                    let owes = owed
                        .entry((orderer.as_str(), service.provider.as_str()))
                        .or_default();
                    *owes = owes
                        .checked_add(amount)
                        .filter(|a| *a <= PLAUSIBLE_KR)
                        .ok_or_else(too_large)?;
                }
                orders.push(Order {
                    orderer: orderer.to_string(),
                    volume,
                    amount,
                    own,
                });
            }
            lines.push(SettlementLine {
                service: service.id.clone(),
                provider: service.provider.to_string(),
                price: priced.price,
                orders,
            });
        }
        // Each total adds at most one bounded amount per other orderer,
        // so it cannot overflow.
        let totals = s
            .orderers
            .iter()
            .map(|m| Total {
                orderer: m.to_string(),
                pays: owed
                    .iter()
                    .filter(|((from, _), _)| *from == m.as_str())
                    .map(|(_, a)| a)
                    .sum(),
                receives: owed
                    .iter()
                    .filter(|((_, to), _)| *to == m.as_str())
                    .map(|(_, a)| a)
                    .sum(),
            })
            .collect();
        years.push(YearSettlement {
            year,
            lines,
            totals,
            transfers: net(&owed),
        });
    }
    Ok(Settled { services, years })
}

/// Sets the two directions between each pair off against each other.
fn net(owed: &BTreeMap<(&str, &str), i64>) -> Vec<Transfer> {
    let mut transfers = Vec::new();
    for (&(a, b), &ab) in owed {
        if a > b && owed.contains_key(&(b, a)) {
            continue; // Counted from the other side.
        }
        let ba = owed.get(&(b, a)).copied().unwrap_or(0);
        let (from, to, amount) = if ab >= ba {
            (a, b, ab - ba)
        } else {
            (b, a, ba - ab)
        };
        if amount > 0 {
            transfers.push(Transfer {
                from: from.to_owned(),
                to: to.to_owned(),
                amount,
            });
        }
    }
    transfers.sort_by(|x, y| y.amount.cmp(&x.amount).then_with(|| x.from.cmp(&y.from)));
    transfers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::model::Service;

    fn cost(salary: i64, units: i64, management: f64, absence: f64, travel: i64) -> CostPrice {
        CostPrice {
            salary_per_fte: salary,
            units_per_fte: units,
            management_pct: management,
            absence_pct: absence,
            travel_per_unit: travel,
        }
    }

    fn service(id: &str, provider: &str, cost: CostPrice, volumes: &[(&str, i32, i64)]) -> Service {
        let mut v: BTreeMap<Id, BTreeMap<i32, i64>> = BTreeMap::new();
        for &(m, year, n) in volumes {
            v.entry(m.to_owned()).or_default().insert(year, n);
        }
        Service {
            id: id.to_owned(),
            name: id.to_owned(),
            provider: provider.into(),
            unit: "forløb".to_owned(),
            cost,
            volumes: v,
        }
    }

    #[test]
    fn percentages_are_read_to_hundredths() {
        assert_eq!(basis_points(5.0), Some(500));
        assert_eq!(basis_points(2.5), Some(250));
        assert_eq!(basis_points(12.75), Some(1275));
        assert_eq!(basis_points(0.0), Some(0));
        assert_eq!(basis_points(0.125), None);
        assert_eq!(basis_points(-1.0), None);
        assert_eq!(basis_points(f64::NAN), None);
    }

    #[test]
    fn a_unit_costs_salary_management_absence_and_travel() {
        // 480.000 kr. a year, 120 units: 4.000 kr. of salary a unit;
        // management 10 % = 400 kr.; leave and sickness 5 % = 200 kr.;
        // travel 150 kr.
        let c = unit_cost(&cost(480_000, 120, 10.0, 5.0, 150)).unwrap();
        assert_eq!(c.salary, 400_000);
        assert_eq!(c.management, 40_000);
        assert_eq!(c.absence, 20_000);
        assert_eq!(c.travel, 15_000);
        assert_eq!(c.price(), 4_750);
    }

    #[test]
    fn unit_prices_round_up_to_whole_kroner_never_below_cost() {
        let price = |salary, units| {
            unit_cost(&cost(salary, units, 0.0, 0.0, 0))
                .unwrap()
                .price()
        };
        // 100.000 / 3 = 33.333,33… kr.
        assert_eq!(price(100_000, 3), 33_334);
        // 200.000 / 3 = 66.666,67 kr.
        assert_eq!(price(200_000, 3), 66_667);
        // 1.001 / 2 = 500,50 kr.
        assert_eq!(price(1_001, 2), 501);
        // Whole kroner stay as they are: 480.000 / 120 = 4.000 kr.
        assert_eq!(price(480_000, 120), 4_000);
        // One øre above a krone is a krone more.
        let c = UnitCost {
            salary: 100_001,
            management: 0,
            absence: 0,
            travel: 0,
        };
        assert_eq!(c.price(), 1_001);
        for salary in [1, 99, 12_345, 999_999] {
            for units in 1..40 {
                let c = unit_cost(&cost(salary, units, 7.5, 5.0, 3)).unwrap();
                assert!(c.price() * 100 >= c.total_ore(), "{salary}/{units}");
                assert!((c.price() - 1) * 100 < c.total_ore(), "{salary}/{units}");
            }
        }
    }

    #[test]
    fn parts_round_to_the_nearest_oere() {
        assert_eq!(round_half_up(-150, 100), -1);
        assert_eq!(round_half_up(149, 100), 1);
        assert_eq!(round_half_up(150, 100), 2);
        // 1.000 / 2 × 2,5 % = 12,50 kr. exactly; 1.000 / 3 × 2,5 % =
        // 8,333… kr. → 8,33 kr.
        assert_eq!(
            unit_cost(&cost(1_000, 2, 2.5, 0.0, 0)).unwrap().management,
            1_250
        );
        assert_eq!(
            unit_cost(&cost(1_000, 3, 2.5, 0.0, 0)).unwrap().management,
            833
        );
    }

    #[test]
    fn impossible_prices_are_errors() {
        assert_eq!(
            unit_cost(&cost(-1, 1, 0.0, 0.0, 0)),
            Err(PriceError::Negative("salary_per_fte"))
        );
        assert_eq!(
            unit_cost(&cost(1, 0, 0.0, 0.0, 0)),
            Err(PriceError::NoUnits)
        );
        assert_eq!(
            unit_cost(&cost(1, 1, -5.0, 0.0, 0)),
            Err(PriceError::Percent("management_pct"))
        );
        assert_eq!(
            unit_cost(&cost(1, 1, 0.0, 0.0, -3)),
            Err(PriceError::Negative("travel_per_unit"))
        );
    }

    fn two_way() -> Settlement {
        Settlement {
            years: vec![2018, 2019],
            orderers: vec!["ishoej".into(), "vallensbaek".into()],
            services: vec![
                // 4.750 kr. a unit, by Ishøj.
                service(
                    "genoptraening",
                    "ishoej",
                    cost(480_000, 120, 10.0, 5.0, 150),
                    &[
                        ("ishoej", 2018, 300),
                        ("vallensbaek", 2018, 80),
                        ("ishoej", 2019, 310),
                        ("vallensbaek", 2019, 90),
                    ],
                ),
                // 1.000 kr. a unit, by Vallensbæk.
                service(
                    "jobcenter",
                    "vallensbaek",
                    cost(100_000, 100, 0.0, 0.0, 0),
                    &[
                        ("ishoej", 2018, 500),
                        ("vallensbaek", 2018, 200),
                        ("ishoej", 2019, 100),
                        ("vallensbaek", 2019, 50),
                    ],
                ),
            ],
        }
    }

    #[test]
    fn payments_are_price_times_volume_and_own_orders_are_not_settled() {
        let s = compute(&two_way()).unwrap();
        let y = &s.years[0];
        assert_eq!(y.year, 2018);
        let g = &y.lines[0];
        assert_eq!(g.price, 4_750);
        assert_eq!((g.orders[0].amount, g.orders[0].own), (1_425_000, true));
        assert_eq!((g.orders[1].amount, g.orders[1].own), (380_000, false));
        // Ishøj pays 500 × 1.000 for the job centre, receives 380.000.
        assert_eq!(y.totals[0].pays, 500_000);
        assert_eq!(y.totals[0].receives, 380_000);
        assert_eq!(y.totals[1].pays, 380_000);
        assert_eq!(y.totals[1].receives, 500_000);
    }

    #[test]
    fn the_two_directions_are_set_off_against_each_other() {
        let s = compute(&two_way()).unwrap();
        assert_eq!(
            s.years[0].transfers,
            vec![Transfer {
                from: "ishoej".into(),
                to: "vallensbaek".into(),
                amount: 120_000
            }]
        );
        // 2019: Vallensbæk owes 90 × 4.750 = 427.500, Ishøj 100.000.
        assert_eq!(
            s.years[1].transfers,
            vec![Transfer {
                from: "vallensbaek".into(),
                to: "ishoej".into(),
                amount: 327_500
            }]
        );
    }

    #[test]
    fn equal_debts_cancel_out() {
        let mut s = two_way();
        s.years = vec![2018];
        s.services[0]
            .volumes
            .get_mut("vallensbaek")
            .unwrap()
            .insert(2018, 100);
        s.services[1].cost = cost(475_000, 100, 0.0, 0.0, 0);
        s.services[1]
            .volumes
            .get_mut("ishoej")
            .unwrap()
            .insert(2018, 100);
        let settled = compute(&s).unwrap();
        assert!(settled.years[0].transfers.is_empty());
    }

    #[test]
    fn three_municipalities_settle_pair_by_pair() {
        let mut s = two_way();
        s.years = vec![2018];
        s.orderers.push("albertslund".into());
        for service in &mut s.services {
            service
                .volumes
                .entry("albertslund".into())
                .or_default()
                .insert(2018, 10);
        }
        let t = compute(&s).unwrap().years.remove(0).transfers;
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].amount, 120_000);
        assert!(t.contains(&Transfer {
            from: "albertslund".into(),
            to: "ishoej".into(),
            amount: 47_500
        }));
        assert!(t.contains(&Transfer {
            from: "albertslund".into(),
            to: "vallensbaek".into(),
            amount: 10_000
        }));
    }

    #[test]
    fn a_missing_or_negative_volume_is_an_error() {
        let mut s = two_way();
        s.services[1]
            .volumes
            .get_mut("ishoej")
            .unwrap()
            .remove(&2019);
        assert_eq!(
            compute(&s).unwrap_err(),
            SettleError::MissingVolume {
                service: "jobcenter".into(),
                orderer: "ishoej".into(),
                year: 2019
            }
        );
        let mut s = two_way();
        s.services[0]
            .volumes
            .get_mut("vallensbaek")
            .unwrap()
            .insert(2018, -4);
        assert!(matches!(
            compute(&s).unwrap_err(),
            SettleError::NegativeVolume { .. }
        ));
    }
}
