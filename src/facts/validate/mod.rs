//! Checks of the merged facts: ids, references across files, and the rules
//! of the domain. Every problem points at the line of the fact that breaks
//! it, and all problems are reported together.

use std::collections::BTreeMap;
use std::path::Path;

use super::load::Unread;
use super::model::Facts;
use super::sources::Sources;
use crate::diagnostic::Diagnostic;
use crate::id::Scope;
use crate::message::{Arg, Join, Message};
use crate::msg;
use crate::project::{FileKind, Project};

/// More inhabitants than Denmark has: no population figure or size rule
/// can be above it, which also keeps every sum of figures far from
/// overflowing.
const PLAUSIBLE_INHABITANTS: u64 = 10_000_000;

mod advice;
mod applications;
mod papers;
mod protocol;
mod refs;
mod settlement;

/// What the checks found: every problem, in a stable order, and the page
/// count of every PDF annex (which the checks open to see that they can be
/// read).
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// The problems.
    pub problems: Vec<Diagnostic>,
    /// Pages of each PDF annex, by its path as the facts name it.
    pub annex_pages: BTreeMap<String, usize>,
    /// Where each PDF annex is first named: the fact's path and place.
    pub annex_named: BTreeMap<String, (String, Option<crate::diagnostic::Location>)>,
}

pub(crate) use advice::advice;
pub(crate) use papers::contact_gaps;

/// Checks `facts`, which came from `sources`. Files the facts name (logos,
/// annexes) are looked up below the project folder. The ids of `unread`
/// files count as known, and while there are any, the rules about the
/// whole project (that every area leaves once, the phases) are not
/// checked. Gives the checker with what it found, for the checks of the
/// documents to go on with; none where one file defines what another does
/// (then nothing can be said of references).
pub(crate) fn validate<'a>(
    project: &'a Project,
    facts: &'a Facts,
    sources: &'a Sources,
    unread: &'a Unread,
) -> Option<Validator<'a>> {
    if unread.unknowable {
        return None;
    }
    let mut v = Validator {
        project,
        placeholders: project.placeholders(),
        facts,
        sources,
        unread,
        problems: Vec::new(),
        annex_pages: BTreeMap::new(),
        annex_named: BTreeMap::new(),
    };
    v.ids();
    v.references();
    v.defaults();
    v.municipalities();
    v.law();
    v.applications();
    v.rules();
    v.strategy();
    v.meetings();
    v.protocols();
    v.settlement();
    Some(v)
}

/// The checks of the facts, and of the documents made from them: each
/// problem at the line of the fact, value or declaration that has it.
pub(crate) struct Validator<'a> {
    project: &'a Project,
    /// The project's placeholders: a value that holds one is not yet a
    /// fact, and its form is not checked (a document that prints it is
    /// not made, or is a draft).
    placeholders: Vec<&'a str>,
    facts: &'a Facts,
    sources: &'a Sources,
    unread: &'a Unread,
    problems: Vec<Diagnostic>,
    annex_pages: BTreeMap<String, usize>,
    annex_named: BTreeMap<String, (String, Option<crate::diagnostic::Location>)>,
}

impl<'a> Validator<'a> {
    /// What the checks found.
    pub(crate) fn finish(self) -> Checked {
        Checked {
            problems: self.problems,
            annex_pages: self.annex_pages,
            annex_named: self.annex_named,
        }
    }

    /// The facts checked.
    pub(crate) fn facts(&self) -> &'a Facts {
        self.facts
    }

    /// Where the facts and declarations stand.
    pub(crate) fn sources(&self) -> &'a Sources {
        self.sources
    }

    /// Reports `d`, a problem found by a check of its own.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    /// Checks that `id`, found at `path` of the declaration `file`, is one
    /// of `known` (a `what`).
    fn reference_in(&mut self, file: &Path, path: &str, id: &str, what: Scope, known: &[&str]) {
        if let Some(d) = unknown(path, id, what, known.iter().copied()) {
            let at = self.sources.value_in(file, path);
            self.problems.push(d.in_file(file).located(at));
        }
    }

    /// Whether `value` holds a placeholder.
    fn is_placeholder(&self, value: &str) -> bool {
        self.placeholders.iter().any(|p| value.contains(p))
    }

    /// An error at the value found at `path` of the facts: the path,
    /// then `message`.
    pub(crate) fn error(&mut self, path: &str, message: impl Into<Message>) -> &mut Diagnostic {
        let message = msg!("facts-at", path, message = message.into());
        self.problems
            .push(Diagnostic::error(message).located(self.sources.value(path)));
        self.problems.last_mut().expect("just pushed")
    }

    /// An error at the key of the entry at `path` (for ids that are keys).
    fn error_at_key(&mut self, path: &str, message: Message) -> &mut Diagnostic {
        let message = msg!("facts-at", path, message);
        self.problems
            .push(Diagnostic::error(message).located(self.sources.key(path)));
        self.problems.last_mut().expect("just pushed")
    }

    /// Checks that `id`, found at `path` of the facts, is one of `known`
    /// (a `what`).
    fn reference<'k>(
        &mut self,
        path: &str,
        id: &str,
        what: Scope,
        known: impl IntoIterator<Item = &'k str>,
    ) {
        if let Some(d) = unknown(path, id, what, known) {
            self.problems.push(d.located(self.sources.value(path)));
        }
    }

    /// Every reference of the facts names what its type says it may: a
    /// municipality, a member of the cooperation, an applicant of its
    /// application, an area, a meeting, an application (see `refs`).
    fn references(&mut self) {
        // What the scopes that do not depend on where a reference stands
        // name, gathered once: a batch project has thousands of
        // references.
        let anywhere: Vec<(Scope, Vec<&'a str>)> = Scope::ALL
            .iter()
            .filter_map(|&scope| Some((scope, self.known_anywhere(scope)?)))
            .collect();
        for found in refs::find(self.facts) {
            let here;
            let known: &[&str] = match anywhere.iter().find(|(scope, _)| *scope == found.scope) {
                Some((_, known)) => known,
                None => {
                    here = self.known(found.scope, &found.path);
                    &here
                }
            };
            self.reference(&found.path, &found.id, found.scope, known.iter().copied());
        }
    }

    /// Every reference of `value`, a declaration (or a kind's part of
    /// one) in `file`, names what its type says it may.
    pub(crate) fn references_in<T: serde::Serialize>(&mut self, file: &Path, value: &T) {
        for found in refs::find(value) {
            let known = self.known(found.scope, &found.path);
            self.reference_in(file, &found.path, &found.id, found.scope, &known);
        }
    }

    /// The ids a reference of `scope` standing at `path` may name: those
    /// the facts define (and those of files that could not be read).
    fn known(&self, scope: Scope, path: &str) -> Vec<&'a str> {
        if let Some(known) = self.known_anywhere(scope) {
            return known;
        }
        // The application the reference stands in: by the id after
        // `applications.`, or, for an id with a dot in it (which is no
        // valid id, and is reported as one), by trying each.
        let application = path.strip_prefix("applications.").and_then(|rest| {
            let apps = &self.facts.applications;
            rest.split_once('.')
                .and_then(|(id, _)| apps.get(id))
                .or_else(|| {
                    apps.iter()
                        .find(|(id, _)| {
                            rest.strip_prefix(id.as_str())
                                .is_some_and(|r| r.starts_with('.'))
                        })
                        .map(|(_, app)| app)
                })
        });
        let Some(app) = application else {
            return Vec::new();
        };
        match scope {
            Scope::Applicant => app.applicants.iter().map(|a| a.as_str()).collect(),
            Scope::OwnArea => app.areas.iter().map(|a| a.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// The ids a reference of `scope` may name wherever it stands; none
    /// for a scope that depends on its place (an applicant, or an area,
    /// of the application it stands in).
    fn known_anywhere(&self, scope: Scope) -> Option<Vec<&'a str>> {
        Some(match scope {
            Scope::Municipality => self.municipality_ids(),
            Scope::Member => {
                let members: Vec<&'a str> = self
                    .facts
                    .cooperation
                    .iter()
                    .flat_map(|c| c.members.iter().map(|m| m.as_str()))
                    .collect();
                match members.is_empty() {
                    true => self.municipality_ids(),
                    false => members,
                }
            }
            Scope::Area => self.area_ids(),
            Scope::Meeting => self.meeting_ids(),
            Scope::Application => self.application_ids(),
            Scope::Applicant | Scope::OwnArea => return None,
        })
    }

    fn ids(&mut self) {
        let f = self.facts;
        let mut found: Vec<(String, &str, bool)> = Vec::new();
        for id in f.municipalities.keys() {
            found.push((format!("municipalities.{id}"), id, true));
        }
        for id in f.applications.keys() {
            found.push((format!("applications.{id}"), id, true));
        }
        if let Some(c) = &f.cooperation {
            for (i, a) in c.areas.iter().enumerate() {
                found.push((format!("cooperation.areas[{i}].id"), &a.id, false));
            }
        }
        for (i, m) in f.meetings.iter().enumerate() {
            found.push((format!("meetings[{i}].id"), &m.id, false));
        }
        for (i, s) in f.scenarios.iter().enumerate() {
            found.push((format!("scenarios[{i}].id"), &s.id, false));
        }
        for (i, m) in f.milestones.iter().enumerate() {
            if let Some(id) = &m.id {
                found.push((format!("milestones[{i}].id"), id, false));
            }
        }
        for (path, id, is_key) in found {
            if crate::id::is_valid(id) {
                continue;
            }
            let message = msg!("facts-invalid-id", id);
            let d = if is_key {
                self.error_at_key(&path, message)
            } else {
                self.error(&path, message)
            };
            hint(
                d,
                msg!("facts-invalid-id-hint", example = crate::id::from_name(id)),
            );
        }
        self.unique(
            "cooperation.areas",
            self.facts
                .cooperation
                .iter()
                .flat_map(|c| c.areas.iter().map(|a| a.id.as_str())),
        );
        self.unique(
            "meetings",
            self.facts.meetings.iter().map(|m| m.id.as_str()),
        );
        self.unique(
            "scenarios",
            self.facts.scenarios.iter().map(|s| s.id.as_str()),
        );
        self.unique_some(
            "milestones",
            self.facts.milestones.iter().map(|m| m.id.as_deref()),
        );
    }

    /// Ids in a list where ids are optional must differ.
    fn unique_some<'i>(&mut self, list: &str, ids: impl Iterator<Item = Option<&'i str>>) {
        let mut seen = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            let Some(id) = id else { continue };
            if let Some(first) = seen.insert(id, i) {
                let d = self.error(&format!("{list}[{i}].id"), msg!("facts-id-twice", id));
                hint(
                    d,
                    msg!("facts-id-twice-hint", other = format!("{list}[{first}]")),
                );
            }
        }
    }

    /// Ids in a list must differ.
    fn unique<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>) {
        self.unique_some(list, ids.map(Some));
    }

    fn municipalities(&mut self) {
        for (id, m) in &self.facts.municipalities {
            let base = format!("municipalities.{id}");
            for (i, figure) in m.population.iter().enumerate() {
                let path = format!("{base}.population[{i}]");
                if figure.value <= 0 {
                    let d = self.error(
                        &format!("{path}.value"),
                        msg!(
                            "facts-population-not-positive",
                            value = figure.value.to_string()
                        ),
                    );
                    hint(d, msg!("facts-population-not-positive-hint"));
                } else if figure.value > PLAUSIBLE_INHABITANTS as i64 {
                    let d = self.error(
                        &format!("{path}.value"),
                        msg!(
                            "facts-population-implausible",
                            value = figure.value.to_string()
                        ),
                    );
                    hint(d, msg!("facts-population-implausible-hint"));
                }
                if figure.source.trim().is_empty() {
                    let d = self.error(
                        &format!("{path}.source"),
                        msg!("facts-figure-without-source"),
                    );
                    hint(d, msg!("facts-figure-without-source-hint"));
                }
                if i == 0 {
                    continue;
                }
                let previous = &m.population[i - 1];
                use chrono::Datelike;
                if figure.date.year() == previous.date.year() {
                    let year = figure.date.year().to_string();
                    let d = self.error(
                        &format!("{path}.date"),
                        msg!("facts-figure-year-twice", year = &year),
                    );
                    hint(
                        d,
                        msg!(
                            "facts-figure-year-twice-hint",
                            other = format!("{base}.population[{}]", i - 1),
                            year
                        ),
                    );
                } else if figure.date < previous.date {
                    let d = self.error(
                        &format!("{path}.date"),
                        msg!(
                            "facts-figures-out-of-order",
                            date = figure.date.to_string(),
                            previous = previous.date.to_string()
                        ),
                    );
                    hint(d, msg!("facts-figures-out-of-order-hint"));
                }
            }
            if let Some(logo) = &m.logo {
                self.logo(&format!("{base}.logo"), logo);
            }
            self.terms(&format!("{base}.officials.mayor"), &m.officials.mayor);
            if let Some(terms) = &m.officials.chief_executive {
                self.terms(&format!("{base}.officials.chief_executive"), terms);
            }
        }
    }

    /// The holders of an office: someone, each term from ≤ until, and the
    /// terms in order without overlapping.
    fn terms(&mut self, path: &str, terms: &crate::facts::model::Terms) {
        let persons = &terms.0;
        if persons.is_empty() {
            let d = self.error(path, msg!("facts-office-nobody"));
            hint(d, msg!("facts-office-nobody-hint"));
        }
        let at = |i: usize| {
            if persons.len() == 1 {
                path.to_owned()
            } else {
                format!("{path}[{i}]")
            }
        };
        for (i, p) in persons.iter().enumerate() {
            if let (Some(from), Some(until)) = (p.from, p.until)
                && from > until
            {
                let d = self.error(
                    &format!("{}.until", at(i)),
                    msg!(
                        "facts-term-reversed",
                        until = until.to_string(),
                        from = from.to_string()
                    ),
                );
                hint(d, msg!("facts-term-reversed-hint"));
            }
            if i == 0 {
                continue;
            }
            let before = &persons[i - 1];
            let (Some(ended), Some(began)) = (before.until, p.from) else {
                let d = self.error(
                    &at(i),
                    msg!(
                        "facts-terms-undated",
                        before = &before.name,
                        after = &p.name
                    ),
                );
                hint(d, msg!("facts-terms-undated-hint"));
                continue;
            };
            if began <= ended {
                let d = self.error(
                    &format!("{}.from", at(i)),
                    msg!(
                        "facts-terms-overlap",
                        began = began.to_string(),
                        before = &before.name,
                        ended = ended.to_string()
                    ),
                );
                hint(d, msg!("facts-terms-overlap-hint"));
            }
        }
    }

    fn logo(&mut self, path: &str, logo: &str) {
        self.project_file(
            path,
            logo,
            Role::Logo,
            FileKind::Image,
            &["svg", "png", "jpg", "jpeg"],
        );
    }

    /// Checks that `file`, named at `path` as a `role`, is a file inside
    /// the project with one of the `extensions`. Returns its content.
    fn project_file(
        &mut self,
        path: &str,
        file: &str,
        role: Role,
        kind: FileKind,
        extensions: &[&str],
    ) -> Option<Vec<u8>> {
        let p = Path::new(file);
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let kinds = extensions
            .iter()
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>();
        if !ext.is_some_and(|e| extensions.contains(&e.as_str())) {
            let kinds = either(&kinds);
            let (message, help) = match role {
                Role::Logo => (
                    msg!("facts-logo-kind", file),
                    msg!("facts-logo-kind-hint", kinds),
                ),
                Role::Annex => (
                    msg!("facts-annex-kind", file),
                    msg!("facts-annex-kind-hint", kinds),
                ),
            };
            let d = self.error(path, message);
            hint(d, help);
            return None;
        }
        if p.is_absolute()
            || p.components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
        {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let (message, help) = match role {
                Role::Logo => (
                    msg!("facts-logo-outside", file),
                    msg!("facts-logo-outside-hint", name),
                ),
                Role::Annex => (
                    msg!("facts-annex-outside", file),
                    msg!("facts-annex-outside-hint", name),
                ),
            };
            let d = self.error(path, message);
            hint(d, help);
            return None;
        }
        match self.project.read(p, kind) {
            Ok(bytes) => Some(bytes),
            Err(refused) => {
                let there = std::fs::symlink_metadata(self.project.root.join(p)).is_ok();
                // Where the file is there and inside, the path was right:
                // what is refused is the file itself (its size, its
                // pixels).
                let outside =
                    self.project.root.join(p).canonicalize().is_ok_and(|real| {
                        !self.project.bases().iter().any(|b| real.starts_with(b))
                    });
                let (message, relative) = match role {
                    Role::Logo => (
                        msg!("facts-logo-not-read", file, reason = refused.reason),
                        msg!("facts-logo-relative-hint"),
                    ),
                    Role::Annex => (
                        msg!("facts-annex-not-read", file, reason = refused.reason),
                        msg!("facts-annex-relative-hint"),
                    ),
                };
                let d = self.error(path, message);
                if !there || outside {
                    hint(d, relative);
                }
                hint(d, refused.hint);
                None
            }
        }
    }

    /// dokgen.yaml's `defaults.authors` name municipalities, whether a
    /// document uses them or not: reported at their line there.
    fn defaults(&mut self) {
        let known = self.municipality_ids();
        let authors = &self.project.config.defaults.authors;
        let unknown: Vec<(usize, &str)> = authors
            .iter()
            .enumerate()
            .filter(|(_, id)| !known.contains(&id.as_str()))
            .map(|(i, id)| (i, id.as_str()))
            .collect();
        if unknown.is_empty() {
            return;
        }
        let config = self.project.root.join(crate::project::CONFIG_FILE);
        let text = self
            .project
            .read_text(&config, FileKind::Facts)
            .unwrap_or_default();
        let positions = crate::yaml::Positions::of(&text);
        for (i, id) in unknown {
            let mut d = Diagnostic::error(msg!(
                "facts-at",
                path = format!("defaults.authors[{i}]"),
                message = msg!("facts-author-unknown", id)
            ))
            .in_file(crate::project::CONFIG_FILE);
            if let Some((line, column)) = positions.value(&format!("defaults.authors[{i}]")) {
                d = d.at(line, column).with_line_of(&text);
            }
            let near = crate::diagnostic::nearest(id, &known);
            if let Some(near) = near {
                d = d.hint(msg!("facts-did-you-mean", near));
            }
            self.problems.push(d.hint(msg!(
                "facts-municipalities-are",
                known = crate::diagnostic::code_list(&known)
            )));
        }
    }

    /// The municipalities' ids, those of files that could not be read
    /// included.
    fn municipality_ids(&self) -> Vec<&'a str> {
        self.facts
            .municipalities
            .keys()
            .map(String::as_str)
            .chain(self.unread.ids("municipality"))
            .collect()
    }

    /// The applications' ids, those of files that could not be read
    /// included.
    fn application_ids(&self) -> Vec<&'a str> {
        self.facts
            .applications
            .keys()
            .map(String::as_str)
            .chain(self.unread.ids("application"))
            .collect()
    }

    /// The meetings' ids, those of files that could not be read included.
    fn meeting_ids(&self) -> Vec<&'a str> {
        self.facts
            .meetings
            .iter()
            .map(|m| m.id.as_str())
            .chain(self.unread.ids("meeting"))
            .collect()
    }

    fn area_ids(&self) -> Vec<&'a str> {
        self.facts
            .cooperation
            .iter()
            .flat_map(|c| c.areas.iter().map(|a| a.id.as_str()))
            .chain(self.unread.ids("area"))
            .collect()
    }

    fn rules(&mut self) {
        let Some(rules) = &self.facts.rules else {
            return;
        };
        let sizes = [
            ("sustainable_size", rules.sustainable_size),
            ("cooperation_base", rules.cooperation_base),
            ("merger_range.min", rules.merger_range.map(|r| r.min)),
            ("merger_range.max", rules.merger_range.map(|r| r.max)),
        ];
        for (name, size) in sizes {
            if let Some(size) = size.filter(|&n| n > PLAUSIBLE_INHABITANTS) {
                let d = self.error(
                    &format!("rules.{name}"),
                    msg!("facts-population-implausible", value = size.to_string()),
                );
                hint(d, msg!("facts-population-implausible-hint"));
            }
        }
        for (name, range) in [
            ("merger_range", rules.merger_range),
            ("first_phase_areas", rules.first_phase_areas),
        ] {
            let Some(range) = range else { continue };
            if range.min > range.max {
                let d = self.error(
                    &format!("rules.{name}.min"),
                    msg!(
                        "facts-range-reversed",
                        min = range.min.to_string(),
                        max = range.max.to_string()
                    ),
                );
                hint(d, msg!("facts-range-reversed-hint"));
            }
        }
    }

    fn strategy(&mut self) {
        let Some(strategy) = &self.facts.strategy else {
            return;
        };
        for (expected, (i, line)) in (1..).zip(strategy.lines.iter().enumerate()) {
            if line.number != expected {
                let d = self.error(
                    &format!("strategy.lines[{i}].number"),
                    msg!(
                        "facts-line-number",
                        number = line.number.to_string(),
                        expected = expected.to_string()
                    ),
                );
                hint(d, msg!("facts-line-number-hint"));
            }
        }
    }
}

/// The error for a reference to an unknown id, with the nearest known id
/// as a suggestion; `None` if `id` is known.
fn unknown<'k>(
    path: &str,
    id: &str,
    what: Scope,
    known: impl IntoIterator<Item = &'k str>,
) -> Option<Diagnostic> {
    let known: Vec<&str> = known.into_iter().collect();
    if known.contains(&id) {
        return None;
    }
    let hint = match crate::diagnostic::nearest(id, &known) {
        _ if known.is_empty() => msg!("facts-unknown-none-hint"),
        Some(near) => msg!(
            "facts-unknown-near-hint",
            near,
            known = crate::diagnostic::code_list(&known)
        ),
        None => msg!(
            "facts-unknown-known-hint",
            known = crate::diagnostic::code_list(&known)
        ),
    };
    let message = match what {
        Scope::Municipality => msg!("facts-unknown-municipality", id),
        Scope::Member => msg!("facts-unknown-member", id),
        Scope::Applicant => msg!("facts-unknown-applicant", id),
        Scope::Area => msg!("facts-unknown-area", id),
        Scope::OwnArea => msg!("facts-unknown-own-area", id),
        Scope::Meeting => msg!("facts-unknown-meeting", id),
        Scope::Application => msg!("facts-unknown-application", id),
    };
    Some(Diagnostic::error(msg!("facts-at", path, message)).hint(hint))
}

/// What a file the facts name is: the messages about it say so.
#[derive(Debug, Clone, Copy)]
enum Role {
    /// A municipality's logo.
    Logo,
    /// An annex of an agenda item or an application.
    Annex,
}

/// "a, b or c", in the reader's language.
fn either(items: &[String]) -> Arg {
    crate::message::list(items.iter().map(Arg::from).collect(), Join::Or).into()
}

/// "a, b and c", in the reader's language.
fn all_of<S: AsRef<str>>(items: &[S]) -> Arg {
    let items = items.iter().map(|i| Arg::from(i.as_ref())).collect();
    crate::message::list(items, Join::And).into()
}

/// Adds a hint at the fix to `d`, a problem just reported.
pub(crate) fn hint(d: &mut Diagnostic, text: impl Into<Message>) {
    d.hints.push(text.into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;
    use crate::project::Project;

    /// DOMAIN.md's cooperation: Ishøj and Vallensbæk, five areas, two
    /// applications (3 + 2 areas), the size rules.
    const FACTS: &str = "
municipalities:
  ishoej:
    name: Ishøj Kommune
    short_name: Ishøj
    address: [Ishøj Store Torv 20, 2635 Ishøj]
    officials: { mayor: { name: A, title: Borgmester }, chief_executive: { name: B, title: Kommunaldirektør } }
    population:
      - { date: 2005-01-01, value: 20668, source: Danmarks Statistik }
      - { date: 2018-01-01, value: 22988, source: Danmarks Statistik }
  vallensbaek:
    name: Vallensbæk Kommune
    short_name: Vallensbæk
    address: [Vallensbæk Stationstorv 100, 2665 Vallensbæk Strand]
    officials: { mayor: { name: C, title: Borgmester }, chief_executive: { name: D, title: Kommunaldirektør } }
    population:
      - { date: 2007-01-01, value: 12144, source: Vallensbæk Kommune }
      - { date: 2017-01-01, value: 15712, source: Vallensbæk Kommune }
cooperation:
  name: samarbejdet
  members: [ishoej, vallensbaek]
  since: 2007-01-01
  ends: true
  areas:
    - { id: beskaeftigelse, name: beskæftigelse, carried_out_by: vallensbaek }
    - { id: genoptraening, name: genoptræning, carried_out_by: ishoej }
    - { id: socialomraadet, name: det sociale område, carried_out_by: ishoej }
    - { id: specialundervisning, name: specialundervisning, carried_out_by: ishoej }
    - { id: natur-miljoe, name: natur/miljø, carried_out_by: ishoej }
rules:
  sustainable_size: 20000
  cooperation_base: 30000
  merger_range: { min: 50000, max: 100000 }
  first_phase_areas: { min: 2, max: 3 }
applications:
  a1:
    phase: 1
    areas: [natur-miljoe, genoptraening, specialundervisning]
    start: 2019-01-01
    date: 2018-09-03
    applicants: [ishoej, vallensbaek]
    signatories: [ishoej, vallensbaek]
    addressee: { name: Ministeriet, address: [Slotsholmsgade 10] }
    case_number: '1'
  a2:
    phase: 2
    areas: [beskaeftigelse, socialomraadet]
    start: 2022-01-01
    date: 2021-06-01
    applicants: [ishoej, vallensbaek]
    signatories: [ishoej, vallensbaek]
    addressee: { name: Ministeriet, address: [Slotsholmsgade 10] }
    case_number: '2'
";

    /// The messages `validate` gives for FACTS with `from` replaced by `to`.
    fn problems(from: &str, to: &str) -> Vec<String> {
        problems_after(&[(from, to)])
    }

    /// The messages `validate` gives for FACTS with each `(from, to)`
    /// replaced in turn.
    fn problems_after(edits: &[(&str, &str)]) -> Vec<String> {
        let mut facts = FACTS.to_owned();
        for (from, to) in edits {
            assert!(facts.contains(from), "{from}");
            facts = facts.replacen(from, to, 1);
        }
        problems_of(&facts)
    }

    /// The messages `validate` gives for `facts`, a project's one file.
    fn problems_of(facts: &str) -> Vec<String> {
        problems_in(Lang::En, facts)
    }

    /// The messages `validate` gives for `facts`, in `lang`.
    fn problems_in(lang: Lang, facts: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("dokgen.yaml"), "name: test\n").unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/facts.yaml"), facts).unwrap();
        let project = Project::open(dir.path()).unwrap();
        let file = Path::new("content/facts.yaml");
        let mut reader = crate::facts::load::FactReader::new();
        reader.sources.add_file(file, facts.to_owned());
        let mut problems = Vec::new();
        reader.read(facts, file, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let (facts, sources, unread) = reader.finish();
        validate(&project, &facts, &sources, &unread)
            .map(|v| v.finish().problems)
            .unwrap_or_default()
            .iter()
            .map(|d| d.render_in(lang, false))
            .collect()
    }

    #[test]
    fn the_domain_facts_are_valid() {
        assert_eq!(problems("", ""), Vec::<String>::new());
    }

    #[test]
    fn every_area_leaves_in_exactly_one_application() {
        let twice = problems(
            "[beskaeftigelse, socialomraadet]",
            "[beskaeftigelse, socialomraadet, genoptraening]",
        );
        assert_eq!(twice.len(), 1, "{twice:?}");
        let line = FACTS[..FACTS.find("areas: [beskaeftigelse").unwrap()]
            .matches('\n')
            .count()
            + 1;
        assert!(
            twice[0].contains(&format!("content/facts.yaml:{line}:45:")),
            "{}",
            twice[0]
        );
        assert!(
            twice[0].contains("the area `genoptraening` is in two applications: `a1` and `a2`")
        );
        let none = problems("[beskaeftigelse, socialomraadet]", "[beskaeftigelse]");
        assert_eq!(none.len(), 1, "{none:?}");
        assert!(
            none[0].contains(
                "cooperation.areas[2].id: the area `socialomraadet` is in no application"
            )
        );
    }

    #[test]
    fn without_ends_an_area_in_no_application_stays() {
        let stays = problems_after(&[
            ("  ends: true\n", ""),
            ("[beskaeftigelse, socialomraadet]", "[beskaeftigelse]"),
        ]);
        assert_eq!(stays, Vec::<String>::new());
        // An area in two applications is an error all the same.
        let twice = problems_after(&[
            ("  ends: true\n", ""),
            (
                "[beskaeftigelse, socialomraadet]",
                "[beskaeftigelse, genoptraening]",
            ),
        ]);
        assert!(twice[0].contains("is in two applications"), "{twice:?}");
    }

    #[test]
    fn applicants_are_the_members_the_areas_concern() {
        // Ishøj carries out the first application's three areas for
        // itself only: Vallensbæk is not concerned.
        let mine = ", carried_out_by: ishoej, on_behalf_of: [ishoej] }";
        let edits: Vec<(&str, &str)> = vec![(", carried_out_by: ishoej }", mine); 4];
        let not_concerned = problems_after(&edits);
        assert!(
            not_concerned.iter().any(|p| p.contains(
                "applications.a1.applicants[1]: `vallensbaek` is not concerned by the application's areas"
            )),
            "{not_concerned:?}"
        );
        // A member that carries out an area of the application applies.
        let missing = problems_after(&[(
            "applicants: [ishoej, vallensbaek]\n    signatories: [ishoej, vallensbaek]\n    addressee: { name: Ministeriet, address: [Slotsholmsgade 10] }\n    case_number: '2'",
            "applicants: [ishoej]\n    signatories: [ishoej]\n    addressee: { name: Ministeriet, address: [Slotsholmsgade 10] }\n    case_number: '2'",
        )]);
        assert!(
            missing.iter().any(|p| p.contains(
                "applications.a2.applicants: `vallensbaek` takes part in beskæftigelse and det sociale område but does not apply"
            )),
            "{missing:?}"
        );
    }

    #[test]
    fn partners_that_differ_by_area_apply_for_their_own_areas() {
        // Samsø's shape: different partners carry out different areas on
        // the island's behalf. The area table and the applicants follow.
        let samsoe = "
municipalities:
  samsoe: { name: Samsø Kommune, short_name: Samsø, address: [Søtofte 10], officials: { mayor: { name: A, title: Borgmester }, chief_executive: { name: B, title: Kommunaldirektør } }, population: [{ date: 2020-01-01, value: 3700, source: DST }] }
  aarhus: { name: Aarhus Kommune, short_name: Aarhus, address: [Rådhuspladsen 2], officials: { mayor: { name: C, title: Borgmester } }, population: [{ date: 2020-01-01, value: 350000, source: DST }] }
  horsens: { name: Horsens Kommune, short_name: Horsens, address: [Rådhustorvet 4], officials: { mayor: { name: D, title: Borgmester } }, population: [{ date: 2020-01-01, value: 90000, source: DST }] }
cooperation:
  name: samarbejdet
  members: [samsoe, aarhus, horsens]
  since: 2007-01-01
  areas:
    - { id: natur, name: natur og miljø, carried_out_by: aarhus, on_behalf_of: [samsoe], competence: samsoe }
    - { id: special, name: specialundervisning, carried_out_by: horsens, on_behalf_of: [samsoe], competence: samsoe }
applications:
  a:
    areas: [special]
    start: 2021-08-01
    date: 2021-02-01
    applicants: [samsoe, horsens]
    signatories: [samsoe]
    addressee: { name: Ministeriet, address: [Slotsholmsgade 10] }
    case_number: '1'
";
        let check = problems_of;
        assert_eq!(check(samsoe), Vec::<String>::new());
        let aarhus_too = check(&samsoe.replace(
            "applicants: [samsoe, horsens]",
            "applicants: [samsoe, horsens, aarhus]",
        ));
        assert!(
            aarhus_too[0].contains("`aarhus` is not concerned by the application's areas"),
            "{aarhus_too:?}"
        );
        let without_horsens =
            check(&samsoe.replace("applicants: [samsoe, horsens]", "applicants: [samsoe]"));
        assert!(
            without_horsens[0]
                .contains("`horsens` takes part in specialundervisning but does not apply"),
            "{without_horsens:?}"
        );
    }

    #[test]
    fn decisions_are_the_applicants_at_an_item_that_holds_one() {
        let decided = |d: &str| {
            problems(
                "    case_number: '1'\n",
                &format!("    case_number: '1'\n    decisions:\n{d}"),
            )
        };
        let nowhere = decided("      - { municipality: ishoej }\n");
        assert!(
            nowhere[0].contains("says neither where nor when"),
            "{nowhere:?}"
        );
        let unknown = decided("      - { municipality: ishoej, meeting: byraad, item: 1 }\n");
        assert!(
            unknown[0].contains("unknown meeting `byraad`"),
            "{unknown:?}"
        );
        let outsider = decided(
            "      - { municipality: dragoer, body: Kommunalbestyrelsen, date: 2018-08-01 }\n",
        );
        assert!(
            outsider[0].contains("unknown applicant `dragoer`"),
            "{outsider:?}"
        );
        let later = decided(
            "      - { municipality: ishoej, body: Byrådet i Ishøj Kommune, date: 2018-10-01 }\n",
        );
        assert!(
            later[0].contains(
                "the council decided on 2018-10-01, after the application's date 2018-09-03"
            ),
            "{later:?}"
        );
        let twice = decided(
            "      - { municipality: ishoej, body: Byrådet, date: 2018-08-01 }\n      - { municipality: ishoej, body: Byrådet, date: 2018-08-02 }\n",
        );
        assert!(
            twice[0].contains("`ishoej` has a decision already"),
            "{twice:?}"
        );
    }

    #[test]
    fn legal_references_have_the_shape_of_a_law() {
        let law = "law:\n  name: loven\n  act: { number: 541, date: 2005-06-24 }\n  dispensation: { section: \"11 a\", subsection: 2 }\n";
        let fine = problems("rules:\n", &format!("{law}rules:\n"));
        assert_eq!(fine, Vec::<String>::new());
        let loose = problems(
            "rules:\n",
            &format!(
                "{}rules:\n",
                law.replace("\"11 a\", subsection: 2", "\"§ 11 a, stk. 2\"")
            ),
        );
        assert!(
            loose[0]
                .contains("law.dispensation.section: `§ 11 a, stk. 2` is not a section of a law"),
            "{loose:?}"
        );
        let zero = problems(
            "rules:\n",
            &format!("{}rules:\n", law.replace("subsection: 2", "subsection: 0")),
        );
        assert!(zero[0].contains("a subsection counts from 1"), "{zero:?}");
    }

    #[test]
    fn rules_apply_only_where_given() {
        let none = problems_after(&[
            ("  merger_range: { min: 50000, max: 100000 }\n", ""),
            ("  first_phase_areas: { min: 2, max: 3 }\n", ""),
            (
                "[natur-miljoe, genoptraening, specialundervisning]",
                "[natur-miljoe, genoptraening, specialundervisning, socialomraadet]",
            ),
            ("[beskaeftigelse, socialomraadet]", "[beskaeftigelse]"),
        ]);
        assert_eq!(none, Vec::<String>::new());
    }

    #[test]
    fn the_first_phase_holds_two_or_three_areas() {
        let four = problems(
            "[natur-miljoe, genoptraening, specialundervisning]",
            "[natur-miljoe, genoptraening, specialundervisning, socialomraadet]",
        );
        assert!(
            four.iter()
                .any(|p| p.contains("the first application holds 4 areas, but 2–3 are allowed")),
            "{four:?}"
        );
        let one = problems(
            "[natur-miljoe, genoptraening, specialundervisning]",
            "[natur-miljoe]",
        );
        assert!(
            one.iter()
                .any(|p| p.contains("the first application holds 1 area, but")),
            "{one:?}"
        );
    }

    #[test]
    fn the_problems_are_told_in_danish_too() {
        let facts = FACTS
            .replacen(
                "[natur-miljoe, genoptraening, specialundervisning]",
                "[natur-miljoe]",
                1,
            )
            .replacen(
                "carried_out_by: vallensbaek",
                "carried_out_by: valensbaek",
                1,
            );
        let da = problems_in(Lang::Da, &facts);
        assert!(
            da.iter().any(|p| p.contains(
                "cooperation.areas[0].carried_out_by: ukendt medlem af samarbejdet `valensbaek`"
            ) && p
                .contains("råd: mente du `vallensbaek`? (kendte id'er: `ishoej`, `vallensbaek`)")),
            "{da:#?}"
        );
        assert!(
            da.iter()
                .any(|p| p.contains("den første ansøgning har 1 område, men 2–3 er tilladt")),
            "{da:#?}"
        );
        assert!(
            da.iter().any(|p| p.contains(
                "cooperation.areas[1].id: området `genoptraening` er ikke med i nogen ansøgning"
            )),
            "{da:#?}"
        );
    }

    #[test]
    fn population_years_are_unique_increasing_and_positive() {
        let order = problems(
            "date: 2017-01-01, value: 15712",
            "date: 2006-01-01, value: 15712",
        );
        assert!(order[0].contains("not in date order"), "{order:?}");
        let twice = problems(
            "date: 2017-01-01, value: 15712",
            "date: 2007-06-01, value: 15712",
        );
        assert!(twice[0].contains("a second figure for 2007"), "{twice:?}");
        let negative = problems("value: 15712", "value: -15712");
        assert!(
            negative[0].contains("-15712 inhabitants is not a population"),
            "{negative:?}"
        );
    }

    #[test]
    fn references_must_exist_and_typos_get_a_suggestion() {
        let area = problems("carried_out_by: vallensbaek", "carried_out_by: valensbaek");
        assert!(
            area[0].contains("unknown member of the cooperation `valensbaek`"),
            "{area:?}"
        );
        assert!(area[0].contains("did you mean `vallensbaek`?"), "{area:?}");
        let signatory = problems(
            "signatories: [ishoej, vallensbaek]",
            "signatories: [ishoej, dragoer]",
        );
        assert!(
            signatory[0].contains("unknown applicant `dragoer`"),
            "{signatory:?}"
        );
    }

    #[test]
    fn phases_are_numbered_without_repeats() {
        let repeated = problems("phase: 2", "phase: 1");
        assert!(
            repeated[0].contains("phase 1 is also the phase of `a1`"),
            "{repeated:?}"
        );
        let mixed = problems("    phase: 2\n", "");
        assert!(
            mixed[0].contains("applications.a2: the application has no phase, but others have"),
            "{mixed:?}"
        );
        let by_date = problems_after(&[("    phase: 1\n", ""), ("    phase: 2\n", "")]);
        assert_eq!(by_date, Vec::<String>::new());
    }
}
