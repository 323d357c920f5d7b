//! Danish conventions for dates, numbers, money and lists.
//!
//! Pure functions, used by the template filters in [`crate::template`]. The
//! rules follow Danish public-sector writing: "17. maj 2017", "12.000",
//! "2,4", "2,5 mio. kr.", "a, b og c", "kl. 17.30".

use chrono::{Datelike, NaiveDate};

/// A no-break space: what must not be split at a line end ("1. januar",
/// "kl. 17.30", "2,5 mio. kr.", "§ 11 a").
const NBSP: char = '\u{a0}';

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date in running text: "17. maj 2017" (the month in lower case, and
/// no-break spaces, so that a date never splits across lines).
pub fn date_long(date: NaiveDate) -> String {
    format!(
        "{}.{NBSP}{}{NBSP}{}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// Weekdays in lower case, Monday first.
const WEEKDAYS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];

/// A date with its weekday, as a meeting is announced: "mandag den 19.
/// juni 2017".
pub fn date_with_weekday(date: NaiveDate) -> String {
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    format!("{weekday} den {}", date_long(date))
}

/// A date as case systems write it, with leading zeros and dashes:
/// "19-06-2017".
pub fn date_dashed(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// A date in numeric form without leading zeros: "1.5.2006".
pub fn date_numeric(date: NaiveDate) -> String {
    format!("{}.{}.{}", date.day(), date.month(), date.year())
}

/// The Danish name of a month, 1-based ("maj" for 5).
pub fn month_name(month: u32) -> Option<&'static str> {
    MONTHS.get(month.checked_sub(1)? as usize).copied()
}

/// A number with Danish separators: "12.000", "2,4", "−1.250,5".
///
/// With `decimals`, exactly that many decimals are shown ("2,40"); without,
/// whole numbers show none and other numbers show as many as they need.
pub fn number(value: f64, decimals: Option<usize>) -> String {
    let plain = match decimals {
        Some(d) => format!("{:.*}", d, value.abs()),
        None if value.fract() == 0.0 => format!("{:.0}", value.abs()),
        // The shortest representation that reads back as the same f64.
        None => format!("{}", value.abs()),
    };
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut out = String::new();
    if value < 0.0 && plain.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('\u{2212}');
    }
    out.push_str(&group_thousands(int_part));
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Inserts a point between every group of three digits: "110000" → "110.000".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// An amount of money: "350 kr.", "12.500 kr.", "2,5 mio. kr.", "3 mia. kr.",
/// with no-break spaces so that the amount and its unit stay together.
///
/// Millions and billions are shown with at most one decimal, as Danish
/// budgets do; smaller amounts in whole kroner, or with øre when they have
/// them ("350,50 kr.").
pub fn money(amount: f64) -> String {
    let magnitude = amount.abs();
    if magnitude >= 1e9 {
        format!("{}{NBSP}mia.{NBSP}kr.", short_decimal(amount / 1e9))
    } else if magnitude >= 1e6 {
        format!("{}{NBSP}mio.{NBSP}kr.", short_decimal(amount / 1e6))
    } else if (amount * 100.0).round() % 100.0 != 0.0 {
        format!("{}{NBSP}kr.", number(amount, Some(2)))
    } else {
        format!("{}{NBSP}kr.", number(amount.round(), None))
    }
}

/// One decimal at most, and none when it is zero: 2.5 → "2,5", 3.0 → "3".
fn short_decimal(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    number(
        rounded,
        if rounded.fract() == 0.0 {
            None
        } else {
            Some(1)
        },
    )
}

/// A percentage: "10 pct.", "2,4 pct.".
pub fn percent(value: f64, decimals: Option<usize>) -> String {
    format!("{}{NBSP}pct.", number(value, decimals))
}

/// A list in prose: "a", "a og b", "a, b og c" (no comma before "og").
pub fn list<S: AsRef<str>>(items: &[S], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {} {}", head.join(", "), conjunction, last.as_ref())
        }
    }
}

/// A small number in words, as Danish prose writes one to twelve: 5 →
/// "fem". Larger numbers stay digits with separators.
pub fn number_word(n: u64) -> String {
    const WORDS: [&str; 13] = [
        "nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve",
        "tolv",
    ];
    match WORDS.get(n as usize) {
        Some(word) => (*word).to_owned(),
        None => number(n as f64, None),
    }
}

/// An ordinal in words, as Danish prose writes the first to the twelfth:
/// 1 → "første", 2 → "anden". Larger ones are digits with a point: "13.".
pub fn ordinal_word(n: u64) -> String {
    const WORDS: [&str; 12] = [
        "første", "anden", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende", "niende",
        "tiende", "ellevte", "tolvte",
    ];
    match n.checked_sub(1).and_then(|i| WORDS.get(i as usize)) {
        Some(word) => (*word).to_owned(),
        None => format!("{}.", number(n as f64, None)),
    }
}

/// The text with its first letter in upper case and the rest unchanged:
/// "natur/miljø" → "Natur/miljø".
pub fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A place in a law: "§ 11 a, stk. 2", "§ 10, nr. 3", with no-break
/// spaces so that neither "§ | 11 a" nor "stk. | 2" is split.
pub fn provision(section: &str, subsection: Option<u32>, number: Option<u32>) -> String {
    let mut out = format!("§{NBSP}{}", section.replace(' ', &NBSP.to_string()));
    if let Some(stk) = subsection {
        out.push_str(&format!(", stk.{NBSP}{stk}"));
    }
    if let Some(nr) = number {
        out.push_str(&format!(", nr.{NBSP}{nr}"));
    }
    out
}

/// A provision in a named act, as running text cites it: "§ 11 a, stk. 2,
/// i lov om …" (a comma after a subsection or a number), "§ 32 i lov om …".
pub fn provision_in(
    section: &str,
    subsection: Option<u32>,
    number: Option<u32>,
    act: &str,
) -> String {
    let comma = if subsection.is_some() || number.is_some() {
        ","
    } else {
        ""
    };
    format!("{}{comma} i {act}", provision(section, subsection, number))
}

/// The text with its first letter in lower case and the rest unchanged: a
/// body's name in running text, "Byrådet i Ishøj Kommune" → "byrådet i
/// Ishøj Kommune".
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The genitive of a name: "Ishøj Kommune" → "Ishøj Kommunes"; a name
/// ending in s, x or z takes an apostrophe: "Hals" → "Hals'".
pub fn genitive(name: &str) -> String {
    if name.ends_with(['s', 'x', 'z', 'S', 'X', 'Z']) {
        format!("{name}'")
    } else {
        format!("{name}s")
    }
}

/// An act's number and date: "nr. 541 af 24. juni 2005" (the template
/// says what it is: "lov nr. …", "lovbekendtgørelse nr. …").
pub fn act_number(number: u32, date: NaiveDate) -> String {
    format!("nr.{NBSP}{number} af {}", date_long(date))
}

/// A clock time: "17:30" → "kl. 17.30".
pub fn time(hhmm: &str) -> Option<String> {
    let (h, m) = hhmm.split_once(':')?;
    let hour: u32 = h.parse().ok()?;
    let minute: u32 = m.parse().ok()?;
    (hour < 24 && minute < 60).then(|| format!("kl.{NBSP}{hour}.{minute:02}"))
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// Gregorian computus, also called Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Whether `date` is a Danish public holiday (helligdag): New Year's Day,
/// Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer
/// Day (until 2023, when it was abolished), Ascension Day, Whit Sunday and
/// Monday, Christmas Day and Boxing Day.
pub fn is_holiday(date: NaiveDate) -> bool {
    let (month, day) = (date.month(), date.day());
    if matches!((month, day), (1, 1) | (12, 25) | (12, 26)) {
        return true;
    }
    let Some(easter) = easter(date.year()) else {
        return false;
    };
    let from_easter = (date - easter).num_days();
    match from_easter {
        -3 | -2 | 0 | 1 | 39 | 49 | 50 => true,
        // Store bededag, the fourth Friday after Easter, until 2023.
        26 => date.year() <= 2023,
        _ => false,
    }
}

/// Whether `date` is a weekday (hverdag) as public offices count them:
/// Monday to Friday, but not a public holiday, Constitution Day (5 June),
/// Christmas Eve or New Year's Eve, when the offices are closed.
pub fn is_weekday(date: NaiveDate) -> bool {
    use chrono::Weekday;
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !is_holiday(date)
        && !matches!((date.month(), date.day()), (6, 5) | (12, 24) | (12, 31))
}

/// The date `n` weekdays before `date`: the day a paper that must go out
/// "senest `n` hverdage inden" `date` goes out at the latest.
pub fn weekdays_before(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        match day.pred_opt() {
            Some(before) => day = before,
            None => return day,
        }
        if is_weekday(day) {
            left -= 1;
        }
    }
    day
}

/// How many weekdays a paper sent on `from` went out before `to`: the
/// weekdays from `from` up to the day before `to` (so that a paper sent
/// on [`weekdays_before`]`(to, n)` went out `n` weekdays before).
pub fn weekdays_before_count(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .take_while(|d| *d < to)
        .filter(|d| is_weekday(*d))
        .count() as u32
}

#[cfg(test)]
mod tests {
    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        for (year, sunday) in [
            (2017, "2017-04-16"),
            (2018, "2018-04-01"),
            (2019, "2019-04-21"),
            (2021, "2021-04-04"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(year), Some(day(sunday)), "{year}");
        }
    }

    #[test]
    fn holidays_are_those_of_the_danish_calendar() {
        for holiday in [
            "2018-01-01",
            "2018-03-29",
            "2018-03-30",
            "2018-04-02",
            "2018-04-27",
            "2018-05-10",
            "2018-05-21",
            "2018-12-25",
            "2018-12-26",
        ] {
            assert!(is_holiday(day(holiday)), "{holiday}");
        }
        // Store bededag was abolished from 2024.
        assert!(is_holiday(day("2023-05-05")));
        assert!(!is_holiday(day("2024-04-26")));
        assert!(!is_holiday(day("2018-04-03")));
    }

    #[test]
    fn weekdays_skip_weekends_holidays_and_the_closed_days() {
        // Tuesday 5 September 2017: four weekdays before is Wednesday 30
        // August.
        assert_eq!(weekdays_before(day("2017-09-05"), 4), day("2017-08-30"));
        // Over Easter 2018 (29 March to 2 April closed).
        assert_eq!(weekdays_before(day("2018-04-04"), 4), day("2018-03-26"));
        // Over Constitution Day, a Tuesday in 2018.
        assert_eq!(weekdays_before(day("2018-06-07"), 3), day("2018-06-01"));
        assert!(!is_weekday(day("2018-12-24")));
        assert_eq!(
            weekdays_before_count(day("2018-08-23"), day("2018-08-28")),
            3
        );
        assert_eq!(
            weekdays_before_count(day("2017-08-30"), day("2017-09-05")),
            4
        );
    }

    use super::*;

    #[test]
    fn lowercase_first_lowers_only_the_first_letter() {
        assert_eq!(
            lowercase_first("Byrådet i Ishøj Kommune"),
            "byrådet i Ishøj Kommune"
        );
        assert_eq!(lowercase_first("Økonomiudvalget"), "økonomiudvalget");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn genitive_adds_s_or_an_apostrophe() {
        assert_eq!(genitive("Ishøj Kommune"), "Ishøj Kommunes");
        assert_eq!(
            genitive("Økonomi- og Indenrigsministeriet"),
            "Økonomi- og Indenrigsministeriets"
        );
        assert_eq!(genitive("Hals"), "Hals'");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn legal_references_keep_their_parts_together() {
        assert_eq!(
            provision("11 a", Some(2), None),
            "§\u{a0}11\u{a0}a, stk.\u{a0}2"
        );
        assert_eq!(provision("32", None, None), "§\u{a0}32");
        assert_eq!(provision("10", None, Some(3)), "§\u{a0}10, nr.\u{a0}3");
        assert_eq!(
            act_number(541, d(2005, 6, 24)),
            "nr.\u{a0}541 af 24.\u{a0}juni\u{a0}2005"
        );
    }

    #[test]
    fn dates_in_running_text_and_numeric_form() {
        assert_eq!(date_long(d(2017, 5, 17)), "17.\u{a0}maj\u{a0}2017");
        assert_eq!(date_long(d(2017, 6, 19)), "19.\u{a0}juni\u{a0}2017");
        assert_eq!(date_long(d(2007, 1, 1)), "1.\u{a0}januar\u{a0}2007");
        assert_eq!(date_long(d(2021, 12, 31)), "31.\u{a0}december\u{a0}2021");
        assert_eq!(
            date_with_weekday(d(2017, 6, 19)),
            "mandag den 19.\u{a0}juni\u{a0}2017"
        );
        assert_eq!(
            date_with_weekday(d(2017, 9, 3)),
            "søndag den 3.\u{a0}september\u{a0}2017"
        );
        assert_eq!(date_numeric(d(2006, 5, 1)), "1.5.2006");
        assert_eq!(month_name(3), Some("marts"));
        assert_eq!(month_name(13), None);
        assert_eq!(month_name(0), None);
    }

    #[test]
    fn numbers_use_point_for_thousands_and_comma_for_decimals() {
        assert_eq!(number(12000.0, None), "12.000");
        assert_eq!(number(110000.0, None), "110.000");
        assert_eq!(number(15712.0, None), "15.712");
        assert_eq!(number(1234567.0, None), "1.234.567");
        assert_eq!(number(999.0, None), "999");
        assert_eq!(number(0.0, None), "0");
        assert_eq!(number(2.4, None), "2,4");
        assert_eq!(number(2.4, Some(2)), "2,40");
        assert_eq!(number(1250.5, None), "1.250,5");
        assert_eq!(number(-1250.5, None), "\u{2212}1.250,5");
        assert_eq!(number(-0.0001, Some(1)), "0,0");
    }

    #[test]
    fn money_in_kroner_millions_and_billions() {
        assert_eq!(money(350.0), "350\u{a0}kr.");
        assert_eq!(money(5.0), "5\u{a0}kr.");
        assert_eq!(money(12500.0), "12.500\u{a0}kr.");
        assert_eq!(money(350.5), "350,50\u{a0}kr.");
        assert_eq!(money(2_500_000.0), "2,5\u{a0}mio.\u{a0}kr.");
        assert_eq!(money(2_000_000.0), "2\u{a0}mio.\u{a0}kr.");
        assert_eq!(money(2_460_000.0), "2,5\u{a0}mio.\u{a0}kr.");
        assert_eq!(money(3_000_000_000.0), "3\u{a0}mia.\u{a0}kr.");
        assert_eq!(money(1_250_000_000.0), "1,3\u{a0}mia.\u{a0}kr.");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(10.0, None), "10\u{a0}pct.");
        assert_eq!(percent(2.4, None), "2,4\u{a0}pct.");
        assert_eq!(percent(3.456, Some(1)), "3,5\u{a0}pct.");
    }

    #[test]
    fn lists_join_with_og_and_no_serial_comma() {
        assert_eq!(list::<&str>(&[], "og"), "");
        assert_eq!(list(&["a"], "og"), "a");
        assert_eq!(list(&["a", "b"], "og"), "a og b");
        assert_eq!(list(&["a", "b", "c"], "og"), "a, b og c");
        assert_eq!(list(&["a", "b", "c"], "eller"), "a, b eller c");
    }

    #[test]
    fn small_numbers_in_words() {
        assert_eq!(number_word(5), "fem");
        assert_eq!(number_word(2), "to");
        assert_eq!(number_word(12), "tolv");
        assert_eq!(number_word(13), "13");
        assert_eq!(ordinal_word(1), "første");
        assert_eq!(ordinal_word(2), "anden");
        assert_eq!(ordinal_word(12), "tolvte");
        assert_eq!(ordinal_word(13), "13.");
        assert_eq!(ordinal_word(0), "0.");
        assert_eq!(number_word(20000), "20.000");
    }

    #[test]
    fn capitalising_keeps_the_rest() {
        assert_eq!(capitalize_first("det sociale område"), "Det sociale område");
        assert_eq!(capitalize_first("ærø"), "Ærø");
        assert_eq!(
            capitalize_first("Ishøj og Vallensbæk"),
            "Ishøj og Vallensbæk"
        );
        assert_eq!(capitalize_first(""), "");
    }

    #[test]
    fn clock_times() {
        assert_eq!(time("17:30").as_deref(), Some("kl.\u{a0}17.30"));
        assert_eq!(time("9:05").as_deref(), Some("kl.\u{a0}9.05"));
        assert_eq!(time("25:00"), None);
        assert_eq!(time("noon"), None);
    }
}
