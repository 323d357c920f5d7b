//! The questions `dokgen new` asks on a terminal, in Danish, and the
//! [`Answers`] they give.

use std::io::{BufRead, Write};

use chrono::NaiveDate;

use super::{Answers, AreaAnswer, MINISTRY, id_of};

/// Asks for what shapes the case, reading answers from `input` and writing
/// questions to `output`; `today` is the suggested date.
pub fn answers(
    input: &mut impl BufRead,
    output: &mut impl Write,
    today: NaiveDate,
) -> std::io::Result<Answers> {
    let mut ask = Asker { input, output };
    let members = loop {
        let line = ask.line(
            "Hvilke kommuner er med i samarbejdet? (adskilt med komma, fx Ærø, Svendborg)",
            None,
        )?;
        let members = split(&line);
        if members.len() >= 2 {
            break members;
        }
        ask.say("Et forpligtende samarbejde omfatter mindst to kommuner.")?;
    };
    let areas = loop {
        let line = ask.line(
            "Hvilke opgaveområder omfatter samarbejdet? (adskilt med komma, fx natur- og miljøområdet, specialundervisningen)",
            None,
        )?;
        let areas = split(&line);
        if !areas.is_empty() {
            break areas;
        }
    };
    let mut answered = Vec::new();
    for area in &areas {
        let carried_out_by = ask.member(
            &format!("Hvilken kommune varetager opgaverne inden for {area}?"),
            &members,
            None,
        )?;
        let others: Vec<String> = members
            .iter()
            .filter(|m| id_of(m) != id_of(&carried_out_by))
            .cloned()
            .collect();
        let for_all = ask.yes(
            &format!("Varetager {carried_out_by} opgaverne for alle kommunerne i samarbejdet, også for sig selv?"),
            true,
        )?;
        let (on_behalf_of, competence) = if for_all {
            (Vec::new(), None)
        } else {
            let line = ask.line("På hvilke kommuners vegne?", Some(&others.join(", ")))?;
            let on_behalf_of = split(&line);
            let keeps = match on_behalf_of.as_slice() {
                [one] => ask
                    .yes(&format!("Bevarer {one} den politiske kompetence?"), true)?
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
    let ends = ask.yes(
        "Skal samarbejdet ophøre helt? (nej: nogle områder bliver i samarbejdet)",
        false,
    )?;
    let leaving = if ends {
        Vec::new()
    } else {
        loop {
            let line = ask.line(
                &format!(
                    "Hvilke opgaveområder skal udgå med den første ansøgning? ({})",
                    areas.join(", ")
                ),
                None,
            )?;
            let chosen = split(&line);
            let known = chosen
                .iter()
                .all(|c| areas.iter().any(|a| id_of(a) == id_of(c)));
            if known && !chosen.is_empty() && chosen.len() < areas.len() {
                break chosen;
            }
            ask.say("Nævn et eller flere af opgaveområderne, men ikke dem alle.")?;
        }
    };
    let date = ask.date("Ansøgningens dato", today)?;
    let next_year =
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&date) + 1, 1, 1).unwrap_or(date);
    let start = ask.date("Fra hvilken dato skal områderne udgå?", next_year)?;
    let ministry = ask.line(
        "Hvilket ministerium sendes ansøgningen til?",
        Some(MINISTRY),
    )?;
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

struct Asker<'a, R, W> {
    input: &'a mut R,
    output: &'a mut W,
}

impl<R: BufRead, W: Write> Asker<'_, R, W> {
    fn say(&mut self, text: &str) -> std::io::Result<()> {
        writeln!(self.output, "  {text}")
    }

    /// One answer, or `default` for an empty one. The end of the input is
    /// an error: nobody is there to answer.
    fn line(&mut self, question: &str, default: Option<&str>) -> std::io::Result<String> {
        loop {
            match default {
                Some(d) => write!(self.output, "{question} [{d}] ")?,
                None => write!(self.output, "{question} ")?,
            }
            self.output.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "no answer (the input ended)",
                ));
            }
            let line = line.trim();
            match (line.is_empty(), default) {
                (false, _) => return Ok(line.to_owned()),
                (true, Some(d)) => return Ok(d.to_owned()),
                (true, None) => {}
            }
        }
    }

    fn yes(&mut self, question: &str, default: bool) -> std::io::Result<bool> {
        loop {
            let d = if default { "ja" } else { "nej" };
            match self.line(question, Some(d))?.to_lowercase().as_str() {
                "ja" | "j" | "yes" | "y" => return Ok(true),
                "nej" | "n" | "no" => return Ok(false),
                _ => self.say("Svar ja eller nej.")?,
            }
        }
    }

    fn member(
        &mut self,
        question: &str,
        members: &[String],
        default: Option<&str>,
    ) -> std::io::Result<String> {
        loop {
            let q = format!("{question} ({})", members.join("/"));
            let answer = self.line(&q, default)?;
            if let Some(m) = members.iter().find(|m| id_of(m) == id_of(&answer)) {
                return Ok(m.clone());
            }
            self.say(&format!(
                "Svar med en af kommunerne: {}.",
                members.join(", ")
            ))?;
        }
    }

    fn date(&mut self, question: &str, default: NaiveDate) -> std::io::Result<NaiveDate> {
        loop {
            let answer = self.line(
                &format!("{question} (ÅÅÅÅ-MM-DD)"),
                Some(&default.to_string()),
            )?;
            match answer.parse() {
                Ok(date) => return Ok(date),
                Err(_) => self.say("Skriv datoen på formen ÅÅÅÅ-MM-DD, fx 2027-01-01.")?,
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
        let answers = answers(&mut typed.as_bytes(), &mut out, today).unwrap();
        assert_eq!(answers.members, ["Ærø", "Svendborg"]);
        assert_eq!(answers.areas[0].on_behalf_of, ["Ærø"]);
        assert_eq!(answers.areas[0].competence.as_deref(), Some("Ærø"));
        assert_eq!(answers.areas[1].carried_out_by, "Svendborg");
        assert!(answers.areas[1].on_behalf_of.is_empty());
        assert_eq!(answers.leaving, ["specialundervisning"]);
        assert_eq!(answers.start, NaiveDate::from_ymd_opt(2027, 8, 1));
        assert_eq!(answers.ministry.as_deref(), Some(MINISTRY));
        let asked = String::from_utf8(out).unwrap();
        assert!(asked.contains("Hvilke kommuner"), "{asked}");
    }

    #[test]
    fn the_end_of_the_input_is_an_error_not_a_loop() {
        let mut out = Vec::new();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let err = answers(&mut "Ærø\n".as_bytes(), &mut out, today).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
    }
}
