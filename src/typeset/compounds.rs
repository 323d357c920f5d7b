//! Danish compounds broken at their joint.
//!
//! A Danish reader divides a compound where its parts meet: "miljø-området",
//! "kommunal-bestyrelsen", never "miljøom-rådet" or "kommunalbesty-relsen".
//! The hyphenation patterns know syllables, not parts, so they allow both.
//! Typst takes no word list and no weight per break, but it asks, at each
//! break the patterns allow, whether the letter after it may be hyphenated.
//! So the words of a document that divide wholly into known parts are
//! listed for the style library (see [`super::world::COMPOUNDS`]), which
//! sets each part with hyphenation off but for its first letter: a break is
//! then allowed only at a joint, and only where the patterns allow one
//! there too. A word none of whose parts are known is left to the patterns.

use std::collections::{BTreeMap, BTreeSet};

/// The parts of compounds in the documents of a Danish secretariat, as
/// their stems. A part other than the last may be followed by a joining
/// "s" or "e" ("beslutnings-", "børne-"); the last may take an ending
/// ([`ENDINGS`]). A word is divided only where every part of it is
/// known, so a short stem ("tal") does not find parts in words that have
/// none.
const PARTS: &[&str] = &[
    "administration",
    "affald",
    "afgørelse",
    "afregning",
    "afstemning",
    "aftale",
    "afdeling",
    "ansættelse",
    "ansøgning",
    "arbejde",
    "arbejdsmarked",
    "beredskab",
    "befolkning",
    "bekendtgørelse",
    "bekæmpelse",
    "beretning",
    "beskæftigelse",
    "beslutning",
    "bestyrelse",
    "betaling",
    "bære",
    "bevilling",
    "bolig",
    "borger",
    "borgmester",
    "budget",
    "center",
    "dagsorden",
    "demokrati",
    "digitalisering",
    "direktør",
    "dispensation",
    "drift",
    "dygtig",
    "dygtighed",
    "effektivisering",
    "energi",
    "erhverv",
    "faglig",
    "familie",
    "fordel",
    "fordeling",
    "forbindelse",
    "forbrug",
    "forhandling",
    "forhold",
    "forløb",
    "forretning",
    "forsyning",
    "forvaltning",
    "fremstilling",
    "fritid",
    "fælles",
    "færge",
    "glatføre",
    "godkendelse",
    "grundlag",
    "gruppe",
    "handicap",
    "hjælpemiddel",
    "hjælpemidler",
    "hovedstad",
    "høring",
    "indbygger",
    "inddeling",
    "indenrigs",
    "indkøb",
    "indretning",
    "indsats",
    "institution",
    "integration",
    "katalog",
    "klasse",
    "klima",
    "kommunal",
    "kommune",
    "kompetence",
    "kontakt",
    "kultur",
    "leverandør",
    "lokal",
    "lægning",
    "lukning",
    "mandat",
    "medarbejder",
    "miljø",
    "mindste",
    "ministerium",
    "ministeri",
    "misbrug",
    "myndighed",
    "møde",
    "natur",
    "netto",
    "niveau",
    "nøgle",
    "opgave",
    "ordning",
    "overdragelse",
    "overgang",
    "parti",
    "periode",
    "person",
    "personale",
    "pleje",
    "politik",
    "position",
    "protokol",
    "psykiatri",
    "psykolog",
    "punkt",
    "pædagogisk",
    "rapport",
    "reform",
    "regnskab",
    "region",
    "rensning",
    "revision",
    "rådgivning",
    "samarbejde",
    "sammenlægning",
    "satellit",
    "sekretariat",
    "service",
    "skole",
    "social",
    "special",
    "stedfortræder",
    "strategi",
    "stordrift",
    "strand",
    "styre",
    "styring",
    "størrelse",
    "sundhed",
    "sæson",
    "tilbud",
    "tal",
    "tilførsel",
    "tilførsl",
    "tillæg",
    "tjeneste",
    "trafik",
    "transport",
    "turisme",
    "udligning",
    "udvalg",
    "udvikling",
    "undervisning",
    "ungdom",
    "vandring",
    "vilkår",
    "vinter",
    "virksomhed",
    "ydelse",
    "ældre",
    "økonomi",
    "område",
];

/// The endings the last part of a compound may take: "-området",
/// "-udvalgets", "-bestyrelserne".
const ENDINGS: &[&str] = &[
    "", "e", "en", "ens", "er", "erne", "ernes", "ers", "es", "et", "ets", "n", "ne", "nes", "ns",
    "r", "rne", "rnes", "s", "t", "ts",
];

/// Whether `after` may end a word whose last part is `part`: one of the
/// [`ENDINGS`], after the part's last consonant doubled where the ending
/// asks ("protokol-len", "tal-let").
fn ends(part: &str, after: &str) -> bool {
    ENDINGS.contains(&after)
        || part.chars().next_back().is_some_and(|last| {
            !"aeiouyæøå".contains(last)
                && after
                    .strip_prefix(last)
                    .is_some_and(|rest| !rest.is_empty() && ENDINGS.contains(&rest))
        })
}

/// The letters that may join a part to the next: "beslutning-s-protokol".
const JOINS: &[&str] = &["", "s", "e"];

/// Words shorter than this are not looked at: a short compound needs no
/// break, and a break in it is refused anyway (see `hyphens`).
const SHORTEST: usize = 9;

/// Where `word` (lower case) divides into known parts: the byte offsets
/// of each joint, or none if it is no compound of known parts. Of several
/// divisions, the one with the fewest parts wins ("kommunal-bestyrelse",
/// not a division into more and shorter parts).
pub(crate) fn joints(word: &str) -> Option<Vec<usize>> {
    let n = word.len();
    if word.chars().count() < SHORTEST {
        return None;
    }
    // best[i]: the fewest parts that divide word[i..], and the start of
    // the next part (`n` for the last).
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    for (start, _) in word.char_indices().rev() {
        let rest = &word[start..];
        for part in PARTS {
            let Some(after) = rest.strip_prefix(part) else {
                continue;
            };
            // The last part, with its ending.
            if ends(part, after) && best[start].is_none_or(|b| 1 < b.0) {
                best[start] = Some((1, n));
            }
            // A part and its joining letter, then more parts.
            for join in JOINS {
                let next = start + part.len() + join.len();
                if next >= n || !after.starts_with(join) {
                    continue;
                }
                if let Some((parts, _)) = best[next]
                    && best[start].is_none_or(|b| parts + 1 < b.0)
                {
                    best[start] = Some((parts + 1, next));
                }
            }
        }
    }
    let (parts, _) = best[0]?;
    if parts < 2 {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((_, next)) = best[at]
        && next < n
    {
        out.push(next);
        at = next;
    }
    Some(out)
}

/// The compounds of known parts in a document's source, each as the style
/// library reads it: the word in lower case, then the letters of each part
/// that must not be hyphenated (all of the first part, the rest of each
/// other after its first letter): "miljøområdet miljø mrådet". Then each
/// as it is written in the source, marked by `=`: "=Miljøområdet Miljø
/// mrådet"; the style library finds the parts of a word written so with a
/// plain pattern, which is built in a tenth of the time of one that
/// ignores case (which took a third of a millisecond for each compound of
/// each document). Found once per layout, whatever words its rounds then
/// hold back.
#[derive(Debug, Default)]
pub(crate) struct Compounds {
    /// The line of each, by the word in lower case.
    lower: BTreeMap<String, String>,
    /// The line of each as written, by the word as written.
    written: BTreeMap<String, String>,
}

impl Compounds {
    /// The compounds of known parts in `source` (a document's Typst
    /// source), each once in lower case, and once as each spelling of it
    /// is written.
    pub(crate) fn in_source(source: &str) -> Self {
        let mut seen = BTreeSet::new();
        let mut joints_of = BTreeMap::new();
        let mut found = Self::default();
        for word in source.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() < SHORTEST || !seen.insert(word) {
                continue;
            }
            let lower = word.to_lowercase();
            let Some(joints) = joints_of
                .entry(lower.clone())
                .or_insert_with(|| joints(&lower))
                .as_deref()
            else {
                continue;
            };
            if let Some(line) = written_line(word, &lower, joints) {
                found.written.insert(word.to_owned(), line);
            }
            let line = line_of(&lower, joints);
            found.lower.entry(lower).or_insert(line);
        }
        found
    }

    /// Whether there are none.
    pub(crate) fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Whether `word`, in any case, is one of them.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.lower.contains_key(&word.to_lowercase())
    }

    /// Them, but `skip` (in any case), as the style library reads them:
    /// a line each, in lower case, then as written. Empty if there are
    /// none.
    pub(crate) fn listed(&self, skip: &BTreeSet<String>) -> String {
        let skip: BTreeSet<String> = skip.iter().map(|w| w.to_lowercase()).collect();
        let lower = self
            .lower
            .iter()
            .filter(|(word, _)| !skip.contains(*word))
            .map(|(_, line)| format!("{line}\n"));
        let written = self
            .written
            .iter()
            .filter(|(word, _)| !skip.contains(&word.to_lowercase()))
            .map(|(_, line)| format!("={line}\n"));
        lower.chain(written).collect()
    }
}

/// The line of `word` as written, divided where its lower case `lower` is
/// divided at `joints`; none where lower case changes its number of
/// letters (the style library then finds its parts in any case).
fn written_line(word: &str, lower: &str, joints: &[usize]) -> Option<String> {
    if word.chars().count() != lower.chars().count() {
        return None;
    }
    let joints: Vec<usize> = joints
        .iter()
        .map(|&j| {
            let letters = lower[..j].chars().count();
            word.char_indices()
                .nth(letters)
                .map_or(word.len(), |(i, _)| i)
        })
        .collect();
    Some(line_of(word, &joints))
}

/// The line of `word` divided at `joints` (byte offsets), as
/// [`Compounds`] describes it.
fn line_of(word: &str, joints: &[usize]) -> String {
    let mut line = word.to_owned();
    let mut from = 0;
    for &end in joints.iter().chain([&word.len()]) {
        let inner = &word[from..end];
        if !inner.is_empty() {
            line.push(' ');
            line.push_str(inner);
        }
        // The part after the joint begins with a letter that may be
        // hyphenated before it.
        from = end + word[end..].chars().next().map_or(0, char::len_utf8);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn divided(word: &str) -> Option<String> {
        let joints = joints(word)?;
        let mut out = String::new();
        for (i, c) in word.char_indices() {
            if joints.contains(&i) {
                out.push('|');
            }
            out.push(c);
        }
        Some(out)
    }

    #[test]
    fn compounds_divide_where_their_parts_meet() {
        assert_eq!(divided("miljøområdet").as_deref(), Some("miljø|området"));
        assert_eq!(
            divided("kommunalbestyrelsen").as_deref(),
            Some("kommunal|bestyrelsen")
        );
        assert_eq!(
            divided("specialundervisningsområdet").as_deref(),
            Some("special|undervisnings|området")
        );
        assert_eq!(
            divided("beslutningsprotokollen").as_deref(),
            Some("beslutnings|protokollen")
        );
        assert_eq!(
            divided("beskæftigelsesudvalgets").as_deref(),
            Some("beskæftigelses|udvalgets")
        );
    }

    #[test]
    fn a_word_of_one_part_or_unknown_parts_is_left_alone() {
        assert_eq!(divided("bestyrelsen"), None);
        assert_eq!(divided("virksomheder"), None);
        assert_eq!(divided("hensigtsmæssigt"), None);
        assert_eq!(divided("kort"), None);
    }

    #[test]
    fn the_list_holds_each_compound_in_lower_case_then_each_spelling_as_written() {
        let source = "Miljøområdet og miljøområdet. #text[Kommunalbestyrelsen] hensigtsmæssigt";
        let compounds = Compounds::in_source(source);
        assert_eq!(
            compounds.listed(&BTreeSet::new()),
            "kommunalbestyrelsen kommunal estyrelsen\nmiljøområdet miljø mrådet\n\
             =Kommunalbestyrelsen Kommunal estyrelsen\n\
             =Miljøområdet Miljø mrådet\n=miljøområdet miljø mrådet\n"
        );
        assert!(compounds.contains("Miljøområdet"));
        assert!(!compounds.contains("hensigtsmæssigt"));
        let skip = BTreeSet::from(["Miljøområdet".to_owned()]);
        // A word held back is held back in every case it is written in.
        assert_eq!(
            compounds.listed(&skip),
            "kommunalbestyrelsen kommunal estyrelsen\n=Kommunalbestyrelsen Kommunal estyrelsen\n"
        );
    }

    #[test]
    fn a_letter_longer_in_bytes_than_its_lower_case_keeps_the_joints_at_their_letters() {
        // The Kelvin sign (three bytes) is a capital k (one byte).
        let compounds = Compounds::in_source("\u{212A}ommunalbestyrelsen");
        assert_eq!(
            compounds.listed(&BTreeSet::new()),
            "kommunalbestyrelsen kommunal estyrelsen\n\
             =\u{212A}ommunalbestyrelsen \u{212A}ommunal estyrelsen\n"
        );
    }

    #[test]
    fn a_word_in_capitals_is_divided_at_the_same_letters() {
        let compounds = Compounds::in_source("MILJØOMRÅDET");
        assert_eq!(
            compounds.listed(&BTreeSet::new()),
            "miljøområdet miljø mrådet\n=MILJØOMRÅDET MILJØ MRÅDET\n"
        );
    }
}
