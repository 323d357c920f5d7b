//! The command line in the user's language: `--help` texts from the
//! catalogue, and clap's errors worded there too.
//!
//! Each command's help is `help-<command>` and each argument's
//! `help-<command>-<argument>` (`help-build-output`), with a `.value-name`
//! attribute where the argument takes a value; clap's own headings and
//! its `--help` and `--version` lines are `cli-…` messages. The ids are
//! made from the commands' names, so a test walks every command and
//! argument and checks that both languages word each one.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use dokgen::message::{Lang, Message};
use dokgen::msg;

/// The language asked for on the command line (`--lang da`,
/// `--lang=en`), read before clap parses it, since the help clap prints
/// must already be in that language.
pub(crate) fn lang_asked(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Lang::named(value);
        }
        if word == "--lang" {
            return words.next().and_then(Lang::named);
        }
    }
    None
}

/// `command` with every text clap shows in `lang`.
pub(crate) fn localise(command: Command, lang: Lang) -> Command {
    let name = command.get_name().to_owned();
    localise_one(command, lang, "help", &name)
}

/// `command`, whose help is `id` and which is typed as `path` (`dokgen
/// build`), with its texts in `lang`, and its subcommands'.
fn localise_one(mut command: Command, lang: Lang, id: &str, path: &str) -> Command {
    let text = |message: Message| message.text(lang);
    let about = Message::made(id.to_owned());
    // clap's headings are English: the template has the catalogue's, and
    // only those of the parts the command has.
    let mut template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n",
        text(msg!("cli-usage"))
    );
    if command.get_positionals().next().is_some() {
        template.push_str(&format!(
            "\n{}:\n{{positionals}}\n",
            text(msg!("cli-heading-arguments"))
        ));
    }
    template.push_str(&format!(
        "\n{}:\n{{options}}\n",
        text(msg!("cli-heading-options"))
    ));
    if command.has_subcommands() {
        template.push_str(&format!(
            "\n{}:\n{{subcommands}}\n",
            text(msg!("cli-heading-commands"))
        ));
    }
    command = command
        .bin_name(path)
        .about(text(about.clone()))
        .long_about(None)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .help_template(template)
        .subcommand_value_name(text(msg!("cli-command")))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text(msg!("cli-help"))),
        );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text(msg!("cli-version"))),
        );
    }
    let names: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|name| name != "help" && name != "version")
        .collect();
    for name in names {
        let help = Message::made(format!("{id}-{name}"));
        command = command.mut_arg(name.as_str(), |arg| localise_arg(arg, &help, lang));
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subcommands {
        let id = format!("{id}-{name}");
        let path = format!("{path} {name}");
        command = command.mut_subcommand(name.as_str(), |sub| localise_one(sub, lang, &id, &path));
    }
    let usage = usage(&mut command.clone(), lang);
    command.override_usage(usage)
}

/// `arg` with its help, value name, default and possible values in
/// `lang`.
fn localise_arg(mut arg: Arg, help: &Message, lang: Lang) -> Arg {
    let mut words = help.text(lang);
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let value = defaults.join(", ");
        words = format!("{words} {}", msg!("cli-default", value).text(lang));
    }
    let takes_values = arg.get_action().takes_values();
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if takes_values && !possible.is_empty() {
        let values = possible.join(", ");
        words = format!("{words} {}", msg!("cli-possible", values).text(lang));
    }
    if let Some(name) = help.attribute("value-name", lang) {
        arg = arg.value_name(name);
    }
    arg.help(words)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// The usage line of `command`, with clap's English placeholders in
/// `lang` (clap writes `[OPTIONS]` and `<COMMAND>` itself).
fn usage(command: &mut Command, lang: Lang) -> String {
    let rendered = command.render_usage().to_string();
    let line = rendered
        .split_once(": ")
        .map_or(rendered.as_str(), |(_, line)| line);
    line.replace(
        "[OPTIONS]",
        &format!("[{}]", msg!("cli-options-placeholder").text(lang)),
    )
}

/// A clap error as dokgen words it: what was wrong, the usage, and where
/// to read more. `None` for help and version, which clap prints as they
/// are.
pub(crate) fn error(
    err: &clap::Error,
    command: &Command,
    args: &[std::ffi::OsString],
    lang: Lang,
) -> Option<String> {
    let context = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => {
            let all: Vec<String> = v.iter().map(ToString::to_string).collect();
            all.join(", ")
        }
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let mut message = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            msg!("cli-error-no-command")
        }
        ErrorKind::InvalidSubcommand => {
            msg!(
                "cli-error-unknown-command",
                name = context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg = arg.as_str()),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
            msg!("cli-error-empty-value", arg = arg.as_str())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            msg!(
                "cli-error-invalid-value",
                arg = arg.as_str(),
                value = value.as_str()
            )
        }
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-error-missing-argument", arg = arg.as_str())
        }
        ErrorKind::ArgumentConflict => msg!(
            "cli-error-conflict",
            arg = arg.as_str(),
            other = context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            msg!("cli-error-number-of-values", arg = arg.as_str())
        }
        ErrorKind::NoEquals => msg!("cli-error-no-equals", arg = arg.as_str()),
        ErrorKind::InvalidUtf8 => msg!("cli-error-not-utf8"),
        _ => msg!("foreign-said", tool = "clap", text = err.to_string()),
    }
    .text(lang);
    let mut hints = Vec::new();
    if let Some(ContextValue::Strings(valid)) = err.get(ContextKind::ValidValue) {
        hints.push(msg!("cli-hint-possible", values = valid.join(", ")));
    }
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let suggested = context(kind);
        if !suggested.is_empty() {
            hints.push(msg!("cli-hint-did-you-mean", name = suggested));
        }
    }
    // The reason a value parser of dokgen's gave, already in `lang`; or
    // else the form the argument's value name shows.
    let reason = std::error::Error::source(err).map(ToString::to_string);
    match reason {
        Some(reason) if matches!(err.kind(), ErrorKind::ValueValidation) => {
            hints.push(msg!("cli-hint-reason", reason));
        }
        _ => {
            if matches!(err.kind(), ErrorKind::ValueValidation)
                && let Some(form) = form_of(command, &arg)
            {
                hints.push(msg!("cli-hint-form", form));
            }
        }
    }
    let label = msg!("diagnostic-error").text(lang);
    message = format!("{label}: {message}");
    for hint in hints {
        let label = msg!("diagnostic-hint").text(lang);
        message.push_str(&format!("\n  = {label}: {}", hint.text(lang)));
    }
    let (path, usage) = used(command, args, lang);
    message.push_str(&format!("\n\n{} {usage}\n\n", msg!("cli-usage").text(lang)));
    message.push_str(&msg!("cli-more", command = path).text(lang));
    Some(message)
}

/// The command the error is about, as typed (`dokgen build`), and its
/// usage line: the first word of `args` that names a subcommand.
fn used(command: &Command, args: &[std::ffi::OsString], lang: Lang) -> (String, String) {
    let sub = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find_map(|word| command.find_subcommand(word));
    let mut shown = sub.unwrap_or(command).clone();
    let path = shown.get_bin_name().unwrap_or_default().to_owned();
    (path, usage(&mut shown, lang))
}

/// How the argument `shown` (`--date <ÅÅÅÅ-MM-DD>`) is written, from its
/// value name, for the hint under a value that could not be read.
fn form_of(command: &Command, shown: &str) -> Option<String> {
    let mut all = vec![command];
    let mut found = None;
    while let Some(c) = all.pop() {
        for arg in c.get_arguments() {
            let long = arg.get_long().map(|l| format!("--{l}"));
            if long.as_deref().is_some_and(|l| shown.starts_with(l))
                && let Some(names) = arg.get_value_names()
            {
                found = names.first().map(ToString::to_string);
            }
        }
        all.extend(c.get_subcommands());
    }
    found.filter(|f| f.chars().any(|c| !c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument, with the id of its help.
    fn ids(command: &Command, id: &str, out: &mut Vec<String>) {
        if command.is_hide_set() {
            return;
        }
        out.push(id.to_owned());
        for arg in command.get_arguments() {
            let name = arg.get_id().as_str();
            if name != "help" && name != "version" {
                out.push(format!("{id}-{name}"));
            }
        }
        for sub in command.get_subcommands() {
            ids(sub, &format!("{id}-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let mut all = Vec::new();
        ids(&crate::commands::Cli::command(), "help", &mut all);
        let missing: Vec<String> = all
            .iter()
            .flat_map(|id| Lang::ALL.map(|lang| (id, lang)))
            .filter(|(id, lang)| !Message::made((*id).clone()).exists_in(*lang))
            .map(|(id, lang)| format!("{id} ({})", lang.code()))
            .collect();
        assert!(missing.is_empty(), "help without words: {missing:#?}");
    }

    #[test]
    fn a_value_name_is_given_in_both_languages_or_neither() {
        let mut all = Vec::new();
        ids(&crate::commands::Cli::command(), "help", &mut all);
        for id in all {
            let m = Message::made(id.clone());
            let named = Lang::ALL.map(|lang| m.attribute("value-name", lang).is_some());
            assert_eq!(named[0], named[1], "{id}");
        }
    }

    #[test]
    fn lang_is_read_before_clap_reads_the_rest() {
        let words = |s: &str| -> Vec<std::ffi::OsString> { s.split(' ').map(Into::into).collect() };
        assert_eq!(lang_asked(&words("dokgen --lang da build")), Some(Lang::Da));
        assert_eq!(lang_asked(&words("dokgen build --lang=en")), Some(Lang::En));
        assert_eq!(lang_asked(&words("dokgen build -- --lang da")), None);
        assert_eq!(lang_asked(&words("dokgen build")), None);
    }
}
