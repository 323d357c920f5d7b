//! The `dokgen` command: parse the command line, run the subcommand (each
//! in its module under `commands/`), print the errors, set the exit code
//! (0 done, 1 invalid content or a failed document, 2 bad command-line
//! use).

mod commands;

use std::process::ExitCode;

use clap::Parser;
use dokgen::diagnostic::Severity;

fn main() -> ExitCode {
    // Output piped into `head` ends quietly when `head` has read enough, as
    // other command-line tools do, instead of panicking on a closed pipe.
    // SAFETY: setting a signal's disposition to the default is always
    // sound.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    match commands::Cli::parse().run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{}", err.render(commands::wants_color()));
            let count = err
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            eprintln!("dokgen: {count} error{}", if count == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
    }
}
