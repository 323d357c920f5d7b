//! Checks of the service catalogue: every price and volume present and not
//! negative, each pointing at its line, so that the settlement can always
//! be computed.

use std::collections::BTreeSet;

use super::{Validator, hint};
use crate::facts::settlement::{PLAUSIBLE_KR, PriceError, SettleError, compute};

impl Validator<'_> {
    pub(super) fn settlement(&mut self) {
        let Some(s) = &self.facts.settlement else {
            return;
        };
        if s.years.is_empty() {
            let d = self.error("settlement.years", "no years to settle");
            hint(d, "list the years, e.g. `years: [2018, 2019]`");
        }
        let mut years = BTreeSet::new();
        for (i, year) in s.years.iter().enumerate() {
            if !years.insert(year) {
                let d = self.error(
                    &format!("settlement.years[{i}]"),
                    format!("{year} is listed twice"),
                );
                hint(d, "list each year once");
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
                    let d =
                        self.error_at_key(&path, format!("`{orderer}` is not one of the orderers"));
                    hint(
                        d,
                        format!(
                            "the orderers are {}; add `{orderer}` to settlement.orderers or remove its volumes",
                            crate::diagnostic::code_list(&orderers)
                        ),
                    );
                    continue;
                }
                for (year, volume) in by_year {
                    if *volume < 0 {
                        let d = self.error(
                            &format!("{path}.{year}"),
                            format!("{volume} {} is not a volume", service.unit),
                        );
                        hint(d, "a volume is a whole number of units, 0 or more");
                    }
                    if !years.contains(year) {
                        let d = self.error_at_key(
                            &format!("{path}.{year}"),
                            format!("{year} is not one of the years settled"),
                        );
                        hint(d, "add the year to settlement.years, or remove this volume");
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
                        let d = self.error(
                            &format!("{base}.volumes"),
                            format!("no volume for `{orderer}` in {year}"),
                        );
                        hint(
                            d,
                            format!(
                                "give every orderer's volume for every year, 0 if it orders none: `{orderer}: {{ {year}: 0 }}`"
                            ),
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
                    format!("the unit's cost price comes to more than {bound} kr."),
                );
                hint(
                    d,
                    "check the amount: whole kroner, without øre or thousands points",
                );
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
                    format!("the price times this volume comes to more than {bound} kr."),
                );
                hint(d, "check the volume and the service's cost price");
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
                    format!("{value} kr. is negative"),
                );
                hint(d, "an amount of kroner is 0 or more");
            }
        }
        if c.units_per_fte <= 0 {
            let d = self.error(
                &format!("{path}.units_per_fte"),
                format!("{} units a year cannot price a unit", c.units_per_fte),
            );
            hint(
                d,
                format!(
                    "give how many {} one full-time equivalent delivers a year, 1 or more",
                    service.unit
                ),
            );
        }
    }
}
