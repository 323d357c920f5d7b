//! `dokgen new`: a project for a new cooperation, from questions asked in
//! the user's language, options or an answers file; or, inside a project,
//! one more application, meeting or document.

use std::io::IsTerminal;
use std::path::PathBuf;

use dokgen::message::{Lang, Message};
use dokgen::scaffold::{self, Answers, AreaAnswer};
use dokgen::{Diagnostic, Error, msg};

/// Arguments of `dokgen new`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The folder to make; it must not exist or be empty. Inside a project,
    /// `application`, `meeting` or `document` adds one to it instead.
    dir: PathBuf,
    /// With application|meeting|document: the project folder.
    #[arg(short, long, default_value = ".")]
    project: PathBuf,
    /// With application|meeting|document: its id [default: the next free
    /// one, such as ansoegning-2].
    #[arg(long)]
    id: Option<String>,
    /// With document: its template [default: strategi.typ.tera].
    #[arg(long)]
    template: Option<String>,
    /// Take the answers from this YAML file (members, areas, leaving,
    /// date, start, ministry, name) and ask nothing.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["members", "areas"])]
    answers: Option<PathBuf>,
    /// A member municipality by its short name (`Ærø`); give one for each.
    #[arg(long = "member", value_name = "NAME")]
    members: Vec<String>,
    /// A task area and the member that carries it out, for all members
    /// (`natur og miljø=Svendborg`) or on some members' behalf
    /// (`natur og miljø=Svendborg for Ærø`); give one for each.
    #[arg(long = "area", value_name = "AREA=MEMBER[ for MEMBER,…]", value_parser = area)]
    areas: Vec<AreaAnswer>,
    /// Who keeps the political competence for an area carried out on
    /// others' behalf (`natur og miljø=Ærø`); give one for each such area.
    #[arg(long, value_name = "AREA=MEMBER", value_parser = competence)]
    competence: Vec<(String, String)>,
    /// An area the first application takes out of the cooperation
    /// [default: every area, and the cooperation ends]; with
    /// `application`, an area the new one takes out [default: those no
    /// application names yet].
    #[arg(long, value_name = "AREA")]
    leaving: Vec<String>,
    /// The date: of the new project's application, or of the application,
    /// meeting or document added [default: asked for on a terminal].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::date)]
    date: Option<chrono::NaiveDate>,
    /// From when the areas leave [default: 1 January after the date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::date)]
    start: Option<chrono::NaiveDate>,
    /// The ministry the application is addressed to [default:
    /// Indenrigs- og Sundhedsministeriet].
    #[arg(long)]
    ministry: Option<String>,
    /// The project's name [default: Forpligtende samarbejde A–B].
    #[arg(long)]
    name: Option<String>,
}

/// `--area "natur og miljø=Svendborg"`, or `=Svendborg for Ærø,Langeland`
/// where the member carries it out on some members' behalf.
fn area(text: &str) -> Result<AreaAnswer, String> {
    let Some((name, who)) = text.split_once('=') else {
        return Err(msg!("new-option-area-no-member").to_string());
    };
    let (carried_out_by, on_behalf_of) = match who.split_once(" for ") {
        Some((by, whom)) => (by, whom.split(',').map(|w| w.trim().to_owned()).collect()),
        None => (who, Vec::new()),
    };
    Ok(AreaAnswer {
        name: name.trim().to_owned(),
        carried_out_by: carried_out_by.trim().to_owned(),
        on_behalf_of,
        competence: None,
    })
}

/// `--competence "natur og miljø=Ærø"`: the area and the member that
/// keeps its political competence.
fn competence(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(area, who)| (area.trim().to_owned(), who.trim().to_owned()))
        .ok_or_else(|| msg!("new-option-competence-no-member").to_string())
}

pub(crate) fn run(args: &Args) -> Result<(), Error> {
    let today = super::today();
    if let Some(what) = args.dir.to_str().and_then(scaffold::Addition::parse)
        && !args.dir.exists()
        && args.project.join(dokgen::project::CONFIG_FILE).is_file()
    {
        // Its date goes into its file names and id: asked for, never
        // taken from the clock unseen.
        let date = match args.date {
            Some(date) => date,
            None if std::io::stdin().is_terminal() => scaffold::ask::date(
                &mut std::io::stdin().lock(),
                &mut std::io::stdout(),
                today,
                Lang::current(),
            )
            .map_err(|err| Diagnostic::error(msg!("new-ask-stopped", reason = stopped(&err))))?,
            None => {
                return Err(
                    Diagnostic::error(msg!("new-addition-no-date", what = what.what()))
                        .hint(msg!("new-addition-no-date-hint"))
                        .into(),
                );
            }
        };
        let wishes = scaffold::Wishes {
            id: args.id.clone(),
            areas: args.leaving.clone(),
            date: Some(date),
            start: args.start,
            template: args.template.clone(),
        };
        for path in scaffold::add(&args.project, what, &wishes, today)? {
            println!(
                "{}",
                msg!("wrote", file = args.project.join(path).display())
            );
        }
        println!("\n{}", msg!("new-added-next"));
        return Ok(());
    }
    let answers = if let Some(file) = &args.answers {
        Answers::read(file)?
    } else if args.members.is_empty() && args.areas.is_empty() {
        if !std::io::stdin().is_terminal() {
            return Err(Diagnostic::error(msg!("new-no-terminal"))
                .hint(msg!("new-no-terminal-hint"))
                .into());
        }
        println!("{}", msg!("new-ask-intro", dir = args.dir.display()));
        scaffold::ask::answers(
            &mut std::io::stdin().lock(),
            &mut std::io::stdout(),
            today,
            Lang::current(),
        )
        .map_err(|err| Diagnostic::error(msg!("new-ask-stopped", reason = stopped(&err))))?
    } else {
        answers_from_options(args)?
    };
    let written = scaffold::create(&args.dir, &answers, today)?;
    for path in &written {
        println!("{}", msg!("wrote", file = args.dir.join(path).display()));
    }
    println!("\n{}", msg!("new-created-next", dir = args.dir.display()));
    Ok(())
}

/// Why the questions stopped: the input ended, or the terminal could not
/// be read or written.
fn stopped(err: &std::io::Error) -> Message {
    match err.kind() {
        std::io::ErrorKind::UnexpectedEof => msg!("new-ask-input-ended"),
        _ => dokgen::diagnostic::io_reason(err),
    }
}

/// The answers the options give.
fn answers_from_options(args: &Args) -> Result<Answers, Error> {
    let mut areas = args.areas.clone();
    for (name, who) in &args.competence {
        let id = scaffold::id_of(name);
        let Some(area) = areas.iter_mut().find(|a| scaffold::id_of(&a.name) == id) else {
            return Err(Diagnostic::error(msg!(
                "new-option-competence-unknown-area",
                area = name,
                member = who
            ))
            .into());
        };
        area.competence = Some(who.clone());
    }
    Ok(Answers {
        name: args.name.clone(),
        members: args.members.clone(),
        areas,
        leaving: args.leaving.clone(),
        date: args.date,
        start: args.start,
        ministry: args.ministry.clone(),
    })
}
