## The command line: `--help` of each command and argument. An id is
## help-<command>-<argument>; `.value-name` is the placeholder of its value.

help = dokgen turns facts (YAML) and prose (Markdown) into finished Danish public-sector documents (PDF).
help-lang = The language of messages and help: `da` or `en` [default: from DOKGEN_LANG, or the locale]
    .value-name = LANG
help-build = Build every document of a project into PDF.
help-build-project = The project folder (the one with dokgen.yaml).
    .value-name = PROJECT
help-build-output = Where to write the PDFs [default: the project's output/].
    .value-name = DIR
help-build-force = Make every document, also those whose inputs are unchanged since the last build (see output/manifest.json).
help-build-jobs = How many documents to make at once [default: one per core].
    .value-name = N
help-build-emit = Also write each document's generated Typst source beside its PDF (typst: `<output>.typ`).
    .value-name = WHAT
help-check = Check facts, references, rules, templates and prose without writing a PDF, and print what the facts show.
help-check-project = { help-build-project }
    .value-name = PROJECT
help-schema = Print the JSON Schema of a kind of project file, for editors.
help-schema-kind = Which file's schema: a fact file under content/ (facts), a document declaration under content/documents/ (document), or dokgen.yaml (project).
    .value-name = KIND
help-schema-markdown = Print the tables of fields of every kind of file, in Markdown, for people to read (docs/reference.md is this output).
help-schema-project = Write the schemas of this project into its schema/ folder, with the ids it defines, so that an editor marks an id that is not one (run it again after adding a municipality, an area, a meeting or an application).
    .value-name = DIR
help-compile = Typeset one Typst file with a project's fonts and templates, such as a source written by `build --emit typst` and edited by hand.
help-compile-file = The Typst file.
    .value-name = FILE
help-compile-project = The project folder whose fonts and templates it uses.
    .value-name = PROJECT
help-compile-output = The file to write, where one format is made [default: the Typst file's name with the format's extension, `.pdf`].
    .value-name = FILE
help-compile-date = The document's date (Typst's `today()` and the PDF's timestamp) [default: today].
    .value-name = YYYY-MM-DD
help-compile-formats = A format to make; repeat `--format` for each (`--format pdf --format html`) [default: the project's, `defaults.formats`].
    .value-name = FORMAT
help-serve = Show the documents in a browser, remade at every save, with the errors over the page where they occur.
help-serve-project = { help-build-project }
    .value-name = PROJECT
help-serve-port = The port on 127.0.0.1; 0 for any free one [default: the first free one from 3000].
    .value-name = PORT
help-serve-open = Open the page in the default browser.
help-serve-editor = Where a click on an error's place or on a word opens the file: code, codium, cursor, zed, idea or sublime; a link with {"{"}path{"}"}, {"{"}line{"}"} and {"{"}column{"}"}; or a command with them, which dokgen runs (`emacsclient +{"{"}line{"}"}:{"{"}column{"}"} {"{"}path{"}"}`).
    .value-name = EDITOR
help-serve-write = Also write the PDFs to the output folder at every change, exactly as `dokgen build` does (with its lock and manifest).
help-new = Start a project for a cooperation: asks what shapes the case (or takes it from the options or an answers file) and writes a project whose first build is a draft application.
help-new-dir = The folder to make; it must not exist or be empty. Inside a project, `application`, `meeting` or `document` adds one to it instead.
    .value-name = DIR
help-new-project = With application|meeting|document: the project folder.
    .value-name = PROJECT
help-new-id = With application|meeting|document: its id [default: the next free one, such as ansoegning-2].
    .value-name = ID
help-new-template = With document: its template [default: strategi.typ.tera].
    .value-name = TEMPLATE
help-new-answers = Take the answers from this YAML file (members, areas, leaving, date, start, ministry, name) and ask nothing.
    .value-name = FILE
help-new-members = A member municipality by its short name (`Ærø`); give one for each.
    .value-name = NAME
help-new-areas = A task area and the member that carries it out, for all members (`natur og miljø=Svendborg`) or on some members' behalf (`natur og miljø=Svendborg for Ærø`); give one for each.
    .value-name = AREA=MEMBER[ for MEMBER,…]
help-new-competence = Who keeps the political competence for an area carried out on others' behalf (`natur og miljø=Ærø`); give one for each such area.
    .value-name = AREA=MEMBER
help-new-leaving = An area the first application takes out of the cooperation [default: every area, and the cooperation ends]; with `application`, an area the new one takes out [default: those no application names yet].
    .value-name = AREA
help-new-date = The date of the new project's application, or of the application, meeting or document added (it goes into file names and ids) [default: asked for on a terminal; for a new project, today].
    .value-name = YYYY-MM-DD
help-new-start = From when the areas leave [default: 1 January after the date].
    .value-name = YYYY-MM-DD
help-new-ministry = The ministry the application is addressed to [default: the one responsible for the law on the date, from dokgen's table].
    .value-name = MINISTRY
help-new-name = The project's name [default: Forpligtende samarbejde A–B].
    .value-name = NAME
help-explain = Print what a document's template and prose can use on its date, marking what they use, or what each {"{{"} … {"}}"} on one line gives.
help-explain-document = The document: its output name (`ansoegning-1`) or its declaration (`content/documents/ansoegning-1.yaml`).
    .value-name = DOCUMENT
help-explain-value = Only this value and what is inside it (`application.later_areas`).
    .value-name = VALUE
help-explain-at = A line of a template or prose file: what each {"{{"} … {"}}"} on it gives (`content/prosa/ansoegning/baggrund.md:3`).
    .value-name = FILE:LINE
help-explain-project = { help-build-project }
    .value-name = PROJECT
help-templates = List a project's template files and where each comes from (built into dokgen, or the project's own), or copy built-in ones into the project to change them.
help-templates-eject = Copy built-in files into the project's templates folder, where they override the built-in ones: those named, or every one.
help-templates-files = With --eject: the files, as `dokgen templates` lists them (`dokgen.typ`, `partials/person.typ.tera`) [default: all].
    .value-name = FILES
help-templates-force = With --eject: replace files the project has already.
help-templates-project = { help-build-project }
    .value-name = PROJECT
help-worker = Make documents as another dokgen asks, in a process of their own.
help-worker-project = The project folder.
    .value-name = PROJECT

## What clap itself shows around the help.

cli-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-command = COMMAND
cli-options-placeholder = OPTIONS
cli-help = Print help
cli-version = Print version
cli-default = [default: { $value }]
cli-possible = [possible values: { $values }]
# The last line under an error on the command line.
cli-more = For more, run `{ $command } --help`.

## Mistakes on the command line.

cli-error-no-command = say what to do: a command such as `build` or `check`
cli-error-unknown-command = there is no command `{ $name }`
cli-error-unknown-argument = dokgen does not know the argument `{ $arg }`
cli-error-empty-value = `{ $arg }` needs a value
cli-error-invalid-value = `{ $arg }` cannot take the value `{ $value }`
cli-error-missing-argument = `{ $arg }` must be given
cli-error-conflict = `{ $arg }` cannot be used together with `{ $other }`
cli-error-number-of-values = `{ $arg }` was given the wrong number of values
cli-error-no-equals = write the value of `{ $arg }` after an equals sign: `{ $arg }=…`
cli-error-not-utf8 = an argument is not valid text (UTF-8)
cli-hint-possible = the values it takes: { $values }
cli-hint-did-you-mean = did you mean `{ $name }`?
cli-hint-form = write it as { $form }

## What the commands print.

build-unsealed = note: { $manifest } does not carry your seal (it was made by another user or on another machine, or changed since): every document is made anew
# A published protocol's record, written by `dokgen build` the first time.
build-protocol-recorded = recorded the published protocol in { $file }: keep it with the facts; from now on it is corrected only by addition
# A document written by `dokgen build`.
build-wrote = wrote { $file } ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $kilobytes } kB)
build-wrote-page = wrote { $file } (a web page, { $kilobytes } kB)
build-up-to-date = up to date: { $file } (nothing it is made from has changed)
build-copied = copied { $file } (an annex of the web publication, { $kilobytes } kB)
build-removed = removed { $file }: the web publication no longer has it
# The last line of `dokgen build`: files made, kept and failed, and the time.
build-summary = { $all ->
    [one] 1 document
   *[other] { $all } documents
}: { $made } made, { $kept } up to date, { $failed } failed, in { $seconds } s
# After the progress bar (indicatif fills in the braces).
build-progress = {"{"}pos{"}"}/{"{"}len{"}"} documents ({"{"}elapsed{"}"})
check-ok = ok { $file }
check-unsealed = note: { $manifest } does not carry your seal (made by another user or on another machine, or changed since): its PDFs are not vouched for, and the next build makes every document anew
check-summary = checked { $count ->
    [one] 1 document
   *[other] { $count } documents
}: no errors
check-unfilled = to fill in ({ $count ->
    [one] 1 place
   *[other] { $count } places
} where a placeholder stands for a fact or text):
check-unfilled-unprinted = no document prints it now
compile-output-one-file = --output names one file, and several formats are made
compile-output-one-file-hint = leave --output out: each file is written beside the Typst file, with its format's extension
compile-formats-hint = give each format once: `--format pdf --format html`
compile-wrote-page = wrote { $file }
compile-wrote = wrote { $file } ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
})
explain-at-form = give a file and a line number: `--at content/prosa/ansoegning/baggrund.md:3`
templates-builtin = built in
templates-own = { $file } (the project's own)
templates-same = { $file } (the same as the built-in one)
templates-instead = { $file } (instead of the built-in one)
templates-ejected = the project now uses these files instead of the built-in ones; `dokgen templates` lists which
templates-how-to-eject = (`dokgen templates --eject FILE` copies a built-in file into { $dir }/ to change it)
cli-hint-reason = { $reason }
cli-value-jobs = give a whole number from 1, such as 2
cli-value-port = give a port number from 0 to 65535, such as 3000
cli-value-date = write the date as YYYY-MM-DD, such as 2025-10-06
cli-value-format = give one of the formats { $formats }
build-copy-refused = the annex `{ $file }` cannot be copied into the web publication: { $reason }
