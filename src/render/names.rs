//! The proper names a document must never hyphenate.
//!
//! Danish patterns split short names ("Is-høj"), so the style library keeps
//! every municipality's name, short and official ("Ishøj Kommune"), the
//! project's `proper_names` and the names of the months ("febru-ar") whole,
//! with a show rule on a regular expression. A rule over hundreds of names
//! would slow every document down, so each document gets the expression of
//! only the names it contains, found in one pass over its source, and the
//! style library reads it as data (see `typeset::world::PROPER_NAMES`).

use aho_corasick::AhoCorasick;

use crate::danish;
use crate::facts::model::Facts;
use crate::project::Project;

/// The proper names of a project, ready to be found in documents.
pub(crate) struct ProperNames {
    names: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl ProperNames {
    /// The municipalities' names in running text and official, the
    /// project's `proper_names` and the months.
    pub(crate) fn of(project: &Project, facts: &Facts) -> Self {
        let months = (1..=12).filter_map(danish::month_name).map(str::to_owned);
        let names: Vec<String> = facts
            .municipalities
            .values()
            .flat_map(|m| [m.short_name.clone(), m.name.clone()])
            .chain(project.config.proper_names.iter().cloned())
            .chain(months)
            .filter(|n| !n.trim().is_empty())
            .collect();
        Self {
            matcher: AhoCorasick::new(&names).ok(),
            names,
        }
    }

    /// The regular expression of the names that `text` contains; none if
    /// it contains none.
    pub(crate) fn pattern_in(&self, text: &str) -> Option<String> {
        let matcher = self.matcher.as_ref()?;
        let mut found = vec![false; self.names.len()];
        for m in matcher.find_overlapping_iter(text) {
            found[m.pattern().as_usize()] = true;
        }
        pattern(
            self.names
                .iter()
                .zip(&found)
                .filter(|(_, f)| **f)
                .map(|(n, _)| n.as_str()),
        )
    }
}

/// `\b(?:Ishøj|Vallensbæk)\w*[.,;:!?]?`: the names, escaped, longest
/// first, with any ending and one punctuation mark, so that a name and
/// what clings to it stay one run of text ("Ishøjs,").
fn pattern<'n>(names: impl Iterator<Item = &'n str>) -> Option<String> {
    let mut names: Vec<String> = names
        .filter(|n| !n.trim().is_empty())
        .map(|n| {
            n.chars().fold(String::new(), |mut out, c| {
                if r"\.+*?()|[]{}^$#&-~".contains(c) {
                    out.push('\\');
                }
                out.push(c);
                out
            })
        })
        .collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    (!names.is_empty()).then(|| format!(r"\b(?:{})\w*[.,;:!?]?", names.join("|")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proper_names_become_one_escaped_pattern_longest_first() {
        let names = ["Ishøj", "Lyngby-Taarbæk", "Ishøj", ""];
        assert_eq!(
            pattern(names.into_iter()).as_deref(),
            Some(r"\b(?:Lyngby\-Taarbæk|Ishøj)\w*[.,;:!?]?")
        );
        assert_eq!(pattern(std::iter::empty()), None);
    }

    #[test]
    fn only_the_names_a_text_contains_are_in_its_pattern() {
        let names = ProperNames {
            names: vec!["Ishøj".into(), "Vallensbæk".into(), "Dragør".into()],
            matcher: AhoCorasick::new(["Ishøj", "Vallensbæk", "Dragør"]).ok(),
        };
        assert_eq!(
            names.pattern_in("Ishøj og Dragørs borgere").as_deref(),
            Some(r"\b(?:Dragør|Ishøj)\w*[.,;:!?]?")
        );
        assert_eq!(names.pattern_in("ingen navne"), None);
    }
}
