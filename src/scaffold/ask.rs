//! The questions `dokgen new` asks on a terminal, in the user's language,
//! and the [`Answers`] they give.

use std::io::{BufRead, Write};

use chrono::NaiveDate;

use super::{Answers, AreaAnswer, default_ministry, id_of};
use crate::message::{Lang, Message};
use crate::msg;

/// Asks for the date of what `dokgen new` adds to a project (it goes into
/// file names and ids), suggesting `today`.
pub fn date(
    input: &mut impl BufRead,
    output: &mut impl Write,
    today: NaiveDate,
    lang: Lang,
) -> std::io::Result<NaiveDate> {
    let mut ask = Asker {
        input,
        output,
        lang,
    };
    ask.date(&msg!("new-ask-addition-date"), today)
}

/// Asks for what shapes the case in `lang`, reading answers from `input`
/// and writing questions to `output`; `today` is the suggested date. The
/// end of the input is an error of the kind `UnexpectedEof`: nobody is
/// there to answer.
pub fn answers(
    input: &mut impl BufRead,
    output: &mut impl Write,
    today: NaiveDate,
    lang: Lang,
) -> std::io::Result<Answers> {
    let mut ask = Asker {
        input,
        output,
        lang,
    };
    let members = loop {
        let line = ask.line(&msg!("new-ask-members"), None)?;
        let members = split(&line);
        if members.len() >= 2 {
            break members;
        }
        ask.say(&msg!("new-ask-members-too-few"))?;
    };
    let areas = loop {
        let line = ask.line(&msg!("new-ask-areas"), None)?;
        let areas = split(&line);
        if !areas.is_empty() {
            break areas;
        }
    };
    let mut answered = Vec::new();
    for area in &areas {
        let carried_out_by = ask.member(
            &msg!("new-ask-carried-out-by", area, choices = members.join("/")),
            &members,
        )?;
        let others: Vec<String> = members
            .iter()
            .filter(|m| id_of(m) != id_of(&carried_out_by))
            .cloned()
            .collect();
        let for_all = ask.yes(&msg!("new-ask-for-all", member = &carried_out_by), true)?;
        let (on_behalf_of, competence) = if for_all {
            (Vec::new(), None)
        } else {
            let line = ask.line(&msg!("new-ask-on-behalf-of"), Some(&others.join(", ")))?;
            let on_behalf_of = split(&line);
            let keeps = match on_behalf_of.as_slice() {
                [one] => ask
                    .yes(&msg!("new-ask-keeps-competence", member = one), true)?
                    .then(|| one.clone()),
                _ => None,
            };
            (on_behalf_of, keeps)
        };
        answered.push(AreaAnswer {
            name: area.clone(),
            carried_out_by,
            on_behalf_of,
            competence,
        });
    }
    let ends = ask.yes(&msg!("new-ask-ends"), false)?;
    let leaving = if ends {
        Vec::new()
    } else {
        loop {
            let line = ask.line(&msg!("new-ask-leaving", areas = areas.join(", ")), None)?;
            let chosen = split(&line);
            let known = chosen
                .iter()
                .all(|c| areas.iter().any(|a| id_of(a) == id_of(c)));
            if known && !chosen.is_empty() && chosen.len() < areas.len() {
                break chosen;
            }
            ask.say(&msg!("new-ask-leaving-some"))?;
        }
    };
    let date = ask.date(&msg!("new-ask-date"), today)?;
    let next_year =
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&date) + 1, 1, 1).unwrap_or(date);
    let start = ask.date(&msg!("new-ask-start"), next_year)?;
    let ministry = ask.line(&msg!("new-ask-ministry"), Some(default_ministry(date)))?;
    Ok(Answers {
        name: None,
        members,
        areas: answered,
        leaving,
        date: Some(date),
        start: Some(start),
        ministry: Some(ministry),
    })
}

/// Names separated by commas, trimmed.
fn split(line: &str) -> Vec<String> {
    line.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a person may answer to a yes-or-no question, in either language.
const YES: [&str; 4] = ["ja", "j", "yes", "y"];
const NO: [&str; 3] = ["nej", "n", "no"];

struct Asker<'a, R, W> {
    input: &'a mut R,
    output: &'a mut W,
    lang: Lang,
}

impl<R: BufRead, W: Write> Asker<'_, R, W> {
    fn say(&mut self, text: &Message) -> std::io::Result<()> {
        writeln!(self.output, "  {}", text.text(self.lang))
    }

    /// One answer, or `default` for an empty one. The end of the input is
    /// an error: nobody is there to answer.
    fn line(&mut self, question: &Message, default: Option<&str>) -> std::io::Result<String> {
        let question = question.text(self.lang);
        loop {
            match default {
                Some(d) => write!(self.output, "{question} [{d}] ")?,
                None => write!(self.output, "{question} ")?,
            }
            self.output.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let line = line.trim();
            match (line.is_empty(), default) {
                (false, _) => return Ok(line.to_owned()),
                (true, Some(d)) => return Ok(d.to_owned()),
                (true, None) => {}
            }
        }
    }

    fn yes(&mut self, question: &Message, default: bool) -> std::io::Result<bool> {
        let d = match default {
            true => msg!("new-ask-yes"),
            false => msg!("new-ask-no"),
        }
        .text(self.lang);
        loop {
            let answer = self.line(question, Some(&d))?.to_lowercase();
            if YES.contains(&answer.as_str()) {
                return Ok(true);
            }
            if NO.contains(&answer.as_str()) {
                return Ok(false);
            }
            self.say(&msg!("new-ask-yes-or-no"))?;
        }
    }

    /// One of `members`, as the question (which names them) asks.
    fn member(&mut self, question: &Message, members: &[String]) -> std::io::Result<String> {
        loop {
            let answer = self.line(question, None)?;
            if let Some(m) = members.iter().find(|m| id_of(m) == id_of(&answer)) {
                return Ok(m.clone());
            }
            self.say(&msg!("new-ask-answer-member", members = members.join(", ")))?;
        }
    }

    /// A date (the question says how to write it), or `default`.
    fn date(&mut self, question: &Message, default: NaiveDate) -> std::io::Result<NaiveDate> {
        loop {
            let answer = self.line(question, Some(&default.to_string()))?;
            match answer.parse() {
                Ok(date) => return Ok(date),
                Err(_) => self.say(&msg!("new-ask-date-format"))?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_questions_give_the_islands_shape() {
        let typed = "Ærø, Svendborg\nnatur og miljø, specialundervisning\nSvendborg\nnej\nÆrø\nja\nsvendborg\nja\nnej\nspecialundervisning\n2026-12-15\n2027-08-01\n\n";
        let mut out = Vec::new();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let answers = answers(&mut typed.as_bytes(), &mut out, today, Lang::Da).unwrap();
        assert_eq!(answers.members, ["Ærø", "Svendborg"]);
        assert_eq!(answers.areas[0].on_behalf_of, ["Ærø"]);
        assert_eq!(answers.areas[0].competence.as_deref(), Some("Ærø"));
        assert_eq!(answers.areas[1].carried_out_by, "Svendborg");
        assert!(answers.areas[1].on_behalf_of.is_empty());
        assert_eq!(answers.leaving, ["specialundervisning"]);
        assert_eq!(answers.start, NaiveDate::from_ymd_opt(2027, 8, 1));
        assert_eq!(
            answers.ministry.as_deref(),
            Some(default_ministry(answers.date.unwrap()))
        );
        let asked = String::from_utf8(out).unwrap();
        assert!(asked.contains("Hvilke kommuner"), "{asked}");
        assert!(asked.contains("(ÅÅÅÅ-MM-DD) [2026-12-02]"), "{asked}");
        assert!(asked.contains("helt? (nej: nogle"), "{asked}");
        assert!(asked.contains("[nej]"), "{asked}");
    }

    #[test]
    fn the_questions_are_asked_in_english_too_and_either_yes_is_understood() {
        let typed = "Ærø, Svendborg\nnatur og miljø, specialundervisning\nSvendborg\nno\nÆrø\nyes\nsvendborg\nja\nmaybe\nnej\nspecialundervisning\n15/12/2026\n2026-12-15\n\n\n";
        let mut out = Vec::new();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let answers = answers(&mut typed.as_bytes(), &mut out, today, Lang::En).unwrap();
        assert_eq!(answers.areas[0].competence.as_deref(), Some("Ærø"));
        assert!(answers.areas[1].on_behalf_of.is_empty());
        assert_eq!(answers.leaving, ["specialundervisning"]);
        assert_eq!(answers.date, NaiveDate::from_ymd_opt(2026, 12, 15));
        assert_eq!(answers.start, NaiveDate::from_ymd_opt(2027, 1, 1));
        let asked = String::from_utf8(out).unwrap();
        assert!(asked.contains("Which municipalities"), "{asked}");
        assert!(asked.contains("(Ærø/Svendborg)"), "{asked}");
        assert!(asked.contains("(YYYY-MM-DD) [2026-12-02]"), "{asked}");
        assert!(asked.contains("Answer yes or no."), "{asked}");
        assert!(asked.contains("e.g. 2027-01-01"), "{asked}");
        assert!(asked.contains("[no]"), "{asked}");
        assert!(!asked.contains("Hvilke"), "{asked}");
    }

    #[test]
    fn the_end_of_the_input_is_an_error_not_a_loop() {
        let mut out = Vec::new();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let err = answers(&mut "Ærø\n".as_bytes(), &mut out, today, Lang::Da).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
    }
}
