//! Checks of the service catalogue: every price and volume present and not
//! negative, each pointing at its line, so that the settlement can always
//! be computed.

use std::collections::BTreeSet;

use super::{Validator, hint};
use crate::facts::settlement::{PLAUSIBLE_KR, PriceError, SettleError, compute};
use crate::msg;

impl Validator<'_> {
    pub(super) fn settlement(&mut self) {
        let Some(s) = &self.facts.settlement else {
            return;
        };
        if s.years.is_empty() {
            let d = self.error("settlement.years", msg!("facts-settlement-no-years"));
            hint(d, msg!("facts-settlement-no-years-hint"));
        }
        let mut years = BTreeSet::new();
        for (i, year) in s.years.iter().enumerate() {
            if !years.insert(year) {
                let d = self.error(
                    &format!("settlement.years[{i}]"),
                    msg!("facts-settlement-year-twice", year = year.to_string()),
                );
                hint(d, msg!("facts-settlement-year-twice-hint"));
            }
        }
        self.unique(
            "settlement.services",
            s.services.iter().map(|x| x.id.as_str()),
        );
        let orderers: Vec<&str> = s.orderers.iter().map(|id| id.as_str()).collect();
        for (i, service) in s.services.iter().enumerate() {
            let base = format!("settlement.services[{i}]");
            self.cost(&base, service);
            for (orderer, by_year) in &service.volumes {
                let path = format!("{base}.volumes.{orderer}");
                if !orderers.contains(&orderer.as_str()) {
                    let d = self.error_at_key(&path, msg!("facts-not-an-orderer", orderer));
                    hint(
                        d,
                        msg!(
                            "facts-not-an-orderer-hint",
                            orderers = crate::diagnostic::code_list(&orderers),
                            orderer
                        ),
                    );
                    continue;
                }
                for (year, volume) in by_year {
                    if *volume < 0 {
                        let d = self.error(
                            &format!("{path}.{year}"),
                            msg!(
                                "facts-volume-negative",
                                volume = volume.to_string(),
                                unit = &service.unit
                            ),
                        );
                        hint(d, msg!("facts-volume-negative-hint"));
                    }
                    if !years.contains(year) {
                        let d = self.error_at_key(
                            &format!("{path}.{year}"),
                            msg!("facts-volume-year-not-settled", year = year.to_string()),
                        );
                        hint(d, msg!("facts-volume-year-not-settled-hint"));
                    }
                }
            }
            for orderer in &orderers {
                for year in &s.years {
                    let given = service
                        .volumes
                        .get(*orderer)
                        .is_some_and(|v| v.contains_key(year));
                    if !given {
                        let year = year.to_string();
                        let d = self.error(
                            &format!("{base}.volumes"),
                            msg!("facts-volume-missing", orderer = *orderer, year = &year),
                        );
                        hint(
                            d,
                            msg!("facts-volume-missing-hint", orderer = *orderer, year),
                        );
                    }
                }
            }
        }
        self.amounts(s);
    }

    /// The amounts the settlement computes: none above what is plausible
    /// (which also keeps the sums from overflowing), each reported at the
    /// value that makes it so. (The other reasons it cannot be computed
    /// are reported above, at their own lines.)
    fn amounts(&mut self, s: &crate::facts::model::Settlement) {
        let index = |id: &str| s.services.iter().position(|x| x.id == id).unwrap_or(0);
        let bound = crate::danish::number(PLAUSIBLE_KR as f64, None);
        match compute(s) {
            Err(SettleError::Price(id, PriceError::TooLarge(field))) => {
                let d = self.error(
                    &format!("settlement.services[{}].cost.{field}", index(&id)),
                    msg!("facts-unit-cost-too-large", bound),
                );
                hint(d, msg!("facts-unit-cost-too-large-hint"));
            }
            Err(SettleError::TooLarge {
                service,
                orderer,
                year,
            }) => {
                let d = self.error(
                    &format!(
                        "settlement.services[{}].volumes.{orderer}.{year}",
                        index(&service)
                    ),
                    msg!("facts-amount-too-large", bound),
                );
                hint(d, msg!("facts-amount-too-large-hint"));
            }
            _ => {}
        }
    }

    /// The parts of a cost price, each at its own line.
    fn cost(&mut self, base: &str, service: &crate::facts::model::Service) {
        let c = &service.cost;
        let path = format!("{base}.cost");
        for (field, value) in [
            ("salary_per_fte", c.salary_per_fte),
            ("travel_per_unit", c.travel_per_unit),
        ] {
            if value < 0 {
                let d = self.error(
                    &format!("{path}.{field}"),
                    msg!("facts-kroner-negative", value = value.to_string()),
                );
                hint(d, msg!("facts-kroner-negative-hint"));
            }
        }
        if c.units_per_fte <= 0 {
            let d = self.error(
                &format!("{path}.units_per_fte"),
                msg!("facts-no-units", units = c.units_per_fte.to_string()),
            );
            hint(d, msg!("facts-no-units-hint", unit = &service.unit));
        }
    }
}
