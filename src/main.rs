//! The `dokgen` command: parse the command line, run the subcommand (each
//! in its module under `commands/`), print the errors, set the exit code
//! (0 done, 1 invalid content or a failed document, 2 bad command-line
//! use).

mod commands;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use dokgen::diagnostic::Severity;
use dokgen::message::Lang;
use dokgen::msg;

fn main() -> ExitCode {
    // Output piped into `head` ends quietly when `head` has read enough, as
    // other command-line tools do, instead of panicking on a closed pipe.
    // SAFETY: setting a signal's disposition to the default is always
    // sound.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match commands::help::lang_asked(&args) {
        Some(lang) => lang.insist(),
        None => Lang::current().choose(),
    }
    let lang = Lang::current();
    let parse = |command: clap::Command| {
        command
            .try_get_matches_from(&args)
            .and_then(|matches| commands::Cli::from_arg_matches(&matches))
    };
    // A command line that parses needs no help texts: they are worded
    // from the catalogue only for help, the version or a mistake, which
    // the localised command parses again to show.
    let cli = match parse(commands::Cli::command()) {
        Ok(cli) => cli,
        Err(_) => {
            let command = commands::help::localise(commands::Cli::command(), lang);
            match parse(command.clone()) {
                Ok(cli) => cli,
                Err(err) => match commands::help::error(&err, &command, &args, lang) {
                    Some(message) => {
                        eprintln!("{message}");
                        return ExitCode::from(2);
                    }
                    None => {
                        let _ = err.print();
                        return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
                    }
                },
            }
        }
    };
    match cli.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", err.render(commands::wants_color()));
            let count = err
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            eprintln!("{}", msg!("summary-errors", count));
            ExitCode::from(1)
        }
    }
}
