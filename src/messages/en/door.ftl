## door: how dokgen reads a project's files. The door that every file
## passes (project.rs), YAML as the user wrote it (yaml.rs), characters
## that do not show (unseen.rs), making documents (session.rs, isolate.rs),
## the output folder and the notes of `dokgen check` (build/).

## A problem at a value: "<path of the value>: <message>", the path as
## the YAML writes it (`municipalities.ishoej.population[1].value`).

yaml-at = { $path }: { $what }

## What the screen of a YAML file refuses before it is read (yaml.rs).

# The YAML reader dokgen types with, and the one that tells positions, read
# the file apart. $detail says where (one of the yaml-apart-* messages).
yaml-read-apart = YAML readers read this file differently from here on ({ $detail })
yaml-read-apart-hint = write it more plainly: a quoted text on one line or as a block (`|`), each key of a mapping indented alike
yaml-apart-quoted = a quoted text goes on at a line indented less than its field
yaml-apart-flow = a line inside `[…]` or `{"{"}…{"}"}` is indented less than its field
yaml-apart-bracket = a `]` or `{"}"}` closes nothing that is open
yaml-apart-indentation = a line is not indented as the lines around it
yaml-apart-colon = a `:` is not followed by a space
yaml-apart-comment = a `#` stands right after a value: YAML reads it as a comment only after a space
yaml-apart-dash = a value begins with `-` followed by a bracket or a comma
# `a: &a [1, *a]`: an alias within the value of its own anchor.
yaml-alias-inside = this alias stands inside the value it names
yaml-alias-inside-hint = write the value out; an anchor names a value that is complete where the alias stands
yaml-aliases-multiply = the aliases of this file stand for { $count } nodes more than it writes, which YAML reads as if each were written out
yaml-aliases-multiply-hint = write the values out, or use an anchor a few times only; aliases may add as many nodes as the file writes, and { $allowance } more
yaml-aliases-repeat = the aliases of this file repeat its values more often than YAML reads
# `? { a: 1 }: x`
yaml-key-not-text = a key here is a mapping or a list; dokgen reads texts and numbers as keys
yaml-key-not-text-hint = write the key as a text, `name: value`
yaml-key-twice = the key `{ $key }` is given twice in this mapping (first at line { $first }): YAML would keep this one, while a reader of the file sees the first
yaml-key-twice-hint = keep one of them; a key may appear once in a mapping, also when written in another form that YAML reads as the same (`2024`, `+2024`, `"2024"`)

## Syntax errors: what the YAML reader met, said as what the user wrote.

# The hint of most syntax errors.
yaml-syntax-hint = check the indentation, that every `key: value` has a space after the colon, and that every quote is closed (the mistake may be on a line above); quote text that contains `: `
yaml-tab = a tab stands where YAML expects spaces
yaml-tab-hint = YAML indents with spaces only; this line is indented with a tab
# `name: @navn`, `name: %x`, a backtick. $character is shown in backticks: `@`.
yaml-cannot-begin = a value cannot begin with { $character } in YAML
yaml-quote-hint = put the whole text in quotes: `"…"`
# `members: [ishoej, vallensbaek` without its `]`.
yaml-list-not-closed = the list opened with `[` on line { $line } lacks its `]`, or a comma between two of its items
yaml-list-not-closed-hint = a list opened with `[` is closed with `]`, and a comma stands between two of its items: `[ishoej, vallensbaek]`
yaml-fields-not-closed = the fields opened with `{"{"}` on line { $line } lack their `{"}"}`, or a comma between two of them
yaml-fields-not-closed-hint = fields opened with `{"{"}` are closed with `{"}"}`, and a comma stands between two of them: `{"{"} number: 541, date: 2005-06-24 {"}"}`
# `[a, b,` and the file ends.
yaml-no-value = a value is missing here (after a comma, or before a closing bracket)
# `title: Mødet: kl. 10`, or a line indented more than the field above.
yaml-colon-in-value = a colon and a space (`: `) stand here where no field can begin: inside a text, or on a line indented more than the field above it
# `name: - a`
yaml-dash-after-field = a list item (`- `) cannot stand on the same line as its field
yaml-list-indented-less = the line is indented less than the list it belongs to (begun on line { $line })
yaml-list-without-dash = the line stands in the list begun on line { $line }, but does not begin with `-` as an item of it does
yaml-list-hint = indent each field of a list item as far as its first field (after `- `), and begin a new item with `- `
yaml-list-item-misplaced = this list item (`- …`) is not indented as the list it belongs to
# `name: "a" b`
yaml-after-quote = text follows the quote that closes the value
yaml-field-expected = a field (`name: value`) should begin here, as on the lines above it at this indentation
# `value 3` on a line of fields.
yaml-colon-missing = the `:` after the field name on line { $line } is missing
yaml-quote-not-closed = the quote opened on line { $line } is never closed
yaml-quote-not-closed-hint = close the text with the same quote it opens with: `"…"` or `'…'`
yaml-ends-early = the file ends in the middle of a value
# `name: |tekst`: text after the sign that begins a block of text.
yaml-after-block-sign = a block of text begun with `|` or `>` has its text on the lines below the sign, not after it
# `"C:\mappe"`: $escape is `\m`.
yaml-unknown-escape = `{ $escape }` is not a sign YAML knows in a text in double quotes
yaml-escape-hint = write a backslash in double quotes as `\\`, or put the text in single quotes: `'C:\mappe'`
# `name: *bold*`: $character is `*` (an alias) or `&` (an anchor).
yaml-alias-start = a value cannot begin with { $character } in YAML, which reads it as an alias or an anchor
yaml-unknown-anchor = `{ $alias }` names an anchor the file does not have: YAML reads a value that begins with `*` as an alias
yaml-documents = the file holds more than one YAML document (a line `---` or `...` divides them)
yaml-documents-hint = remove the dividing line: a fact file is one document
yaml-empty = the file holds no value
yaml-too-deep = the file nests lists or fields deeper than YAML reads
yaml-too-deep-hint = write it with fewer levels; a fact file needs a handful

## A value of the wrong kind: "this must be <wanted>, not <found>".

yaml-wanted-not = this must be { $wanted }, not { $found }
yaml-wanted-but-nothing = this must be { $wanted }, but nothing is given (an empty value or `null`)
yaml-number-out-of-range = the number `{ $number }` is out of range here: this must be a whole number from { $min } to { $max }
# What was written ($found above).
yaml-found-text = the text `{ $value }`
yaml-found-number = the number `{ $value }`
yaml-found-decimal = the decimal number `{ $value }`
yaml-found-bool = `{ $value }`, which YAML reads as yes or no
yaml-found-list = a list
yaml-found-fields = fields (`name: value`)
yaml-found-nothing = nothing
# What is wanted ($wanted above).
yaml-wanted-whole = a whole number
yaml-wanted-number = a number
yaml-wanted-text = a text
yaml-wanted-bool = `true` or `false`
yaml-wanted-list = a list
yaml-wanted-fields = fields (`name: value`)
yaml-wanted-one-value = a single value
yaml-wanted-field-name = the name of a field
yaml-wanted-date = a date (YYYY-MM-DD)
yaml-wanted-percentage = a percentage
yaml-thousands-hint = write whole numbers without a thousands point: 12399, not 12.399
yaml-digits-hint = write a whole number with digits only, e.g. 12399
yaml-act-hint = an act is written as its number and date: `{"{"} number: 541, date: 2005-06-24 {"}"}`; the `nr` filter prints "nr. 541 af 24. juni 2005"
yaml-closed-hint = a closed item gives the neutral title the public papers show and the legal basis for closing it: `closed: {"{"} public_title: Forhandlingsmandat, basis: "kommunestyrelseslovens § 10, jf. offentlighedslovens § 30, nr. 2" {"}"}`
yaml-provision-hint = a place in a law is written in parts: `{"{"} section: "11 a", subsection: 2 {"}"}`; the `paragraf` filter prints "§ 11 a, stk. 2"

## Names of fields and values.

yaml-unknown-field = unknown field `{ $field }`
yaml-fields-here = the fields here are { $fields }
yaml-unknown-value = `{ $value }` is not a value this field takes
yaml-values-here = the values here are { $values }
yaml-did-you-mean = did you mean `{ $name }`?
yaml-missing-field = the field `{ $field }` is missing
yaml-missing-field-hint = add `{ $field }:` to this entry (docs/reference.md lists the fields)
yaml-duplicate-field = the field `{ $field }` is given twice
yaml-percentage = { $value } is not a percentage dokgen can settle
yaml-percentage-hint = give a percentage from 0 to 1000 with at most two decimals, e.g. `5` or `2.5`

## Dates. The date is shown as the user wrote it.

yaml-date-hint = write dates as YYYY-MM-DD, e.g. 2017-05-17, and check that the day exists
# 06-10-2025, 06.10.2025, 6/10/2025; $iso is the same date as 2025-10-06.
yaml-date-day-first = the date { $date } has the day first: write { $iso }
yaml-date-no-month = the date { $date } does not exist: there is no month { $month }
yaml-date-no-day = the date { $date } does not exist: that month has { $days } days
yaml-date-incomplete = the date { $date } is not complete: a date has a year, a month and a day
yaml-date-unreadable = `{ $date }` is not a date written as YYYY-MM-DD
yaml-date-unreadable-here = this is not a date written as YYYY-MM-DD

## Texts that must be given (`name`, `title` …).

yaml-text-control = the text holds the control character { $code }, which no document can print
yaml-text-control-hint = remove the character (it may have come in with text copied from another program, or as a `\0`-style escape in quotes)
# `name: null` or `name: ~`
yaml-text-null = `{ $word }` is not a text: this value must be given
yaml-text-empty = the text is empty: this value must be given
yaml-text-nothing-hint = write the text; while it is not known, write a placeholder such as `[indsæt navn]`, which `dokgen check` lists and a final document never prints

## Characters that do not show, or turn the direction of text (unseen.rs).
## "the text holds U+202E (RIGHT-TO-LEFT OVERRIDE), which turns …: …".
## The name in parentheses is the character's Unicode name.

unseen-holds-named = the text holds { $code } ({ $name }), which { $what }: { $so }
unseen-holds = the text holds { $code }, which { $what }: { $so }
unseen-turns-direction = turns the direction of the text around it
unseen-marks-direction = marks a direction that the text around it takes
unseen-breaks-line = breaks the line where no editor shows a break
unseen-soft-hyphen = is a hyphen that shows only at the end of a line
unseen-does-not-show = does not show
unseen-control = is a control character
unseen-cannot-print = no document can print it
unseen-differs = what a document prints would differ from what a reader of the file sees
unseen-hint = delete the character (an editor may not show it: delete the characters around the column and type them again); dokgen refuses characters that turn the direction of text or do not show, in facts, prose and templates

## The door every file of a project passes (project.rs). A file that is
## refused is "not read", and the reason says why: "`x` is not read: it
## does not exist".

# A file of a kind, for the size limits: "more than the 5 MB a prose file may be".
door-kind-facts = a facts file
door-kind-prose = a prose file
door-kind-template = a template file
door-kind-annex = an annex file
door-kind-image = an image file
door-kind-font = a font file
door-not-read = `{ $file }` is not read: { $reason }
door-unreadable = it cannot be read: { $reason }
door-unreadable-hint = check the file's permissions
door-not-found = it does not exist
door-not-found-hint = check the spelling, or create the file
door-outside = it leads outside the project folder (a symbolic link?)
door-outside-hint = dokgen reads only files inside the project; copy the file into it
# $size is in megabytes as written ("1.3"), $limit the limit in megabytes.
door-too-large = it is { $size } MB, more than the { $limit } MB { $file } may be
# $key is the name in `limits:`, as written there.
door-too-large-hint = if the file is right, raise the limit in dokgen.yaml: `limits: {"{"} { $key }: … {"}"}` (megabytes)
door-not-regular = it is not a regular file (a folder, a device or a pipe)
door-not-regular-hint = name a file inside the project
door-unpacks-too-large = it is compressed, and unpacks into more than the { $limit } MB { $file } may be
door-unpacks-too-large-hint = save it as a plain SVG, or raise the limit in dokgen.yaml if the drawing is right
door-filter-slow = it draws a filter whose drawing could take minutes: { $what }
door-filter-slow-hint = save the drawing without filters (or as a PNG); a logo needs none
door-filter-octaves = turbulence of { $octaves } octaves (10 at most)
door-filter-convolution = a convolution matrix over 10 × 10
door-filter-blur = a blur of { $value } units, larger than the drawing ({ $size } units)
door-filter-morphology = a morphology of { $value } units, larger than the drawing ({ $size } units)
# $attribute is the SVG attribute as written (x, y, width, height).
door-filter-region = a filter region whose { $attribute } is { $value }, more than four times the drawing
door-stream-too-large = a stream of it unpacks into more than { $limit } MB
door-stream-too-large-hint = export the annex again from the program that made it (a PDF printer makes ordinary streams), or give its pages as images
# $format is PNG, JPEG, GIF or WEBP; $why one of the door-image-* below.
door-image-unreadable = it is not a { $format } image that can be read: { $why }
door-image-cut-off = the file ends before the image does
door-image-damaged = its data is damaged
door-image-unsupported = it uses a form of the format that cannot be read
door-image-unreadable-hint = save the image again, or give it as another PNG, JPEG or SVG file
door-too-many-pixels = it is an image of { $width } × { $height } pixels, more than the { $most } million an image may have
# An SVG that carries a raster image inside it.
door-carries-too-many-pixels = it carries an image of { $width } × { $height } pixels, more than the { $most } million an image may have
door-too-many-pixels-hint = scale the image down (300 pixels per inch at its printed size is plenty), or raise the limit in dokgen.yaml: `limits: {"{"} megapixels: … {"}"}`
# $bytes: the first bytes that are not UTF-8, as 0xF8 0x6A.
door-not-utf8 = the file is not UTF-8 text: bytes { $bytes } at this place
door-not-utf8-hint = save the file as UTF-8 (the encoding of every YAML, Markdown and template file)

## Opening a project, its templates folder, and writing into it.

door-cannot-open = cannot open the project folder `{ $folder }`: { $reason }
door-cannot-open-hint = give the folder that holds { $file }, or run dokgen inside it
door-not-a-project = `{ $folder }` is not a dokgen project: { $file } is not read: { $reason }
door-not-a-project-hint = a project folder holds a { $file } with at least `name:`, and a content/ folder; `dokgen new DIR` starts one
# `templates:` in dokgen.yaml names a folder that cannot be one.
door-templates-missing = the templates folder `{ $folder }` does not exist
door-templates-hold-project = the templates folder `{ $folder }` holds the project folder: Typst could read every file beside the project
door-templates-no-templates = the templates folder `{ $folder }` lies outside the project and holds no template or Typst file at its top, so it is not read
door-templates-folder-hint = give a folder relative to the project folder, e.g. `../../templates`, or leave `templates:` out to use the built-in templates
door-templates-unreadable = cannot read the templates folder: { $reason }
door-templates-loop = a symbolic link in it leads back to a folder above it
door-templates-unreadable-hint = dokgen reads every file below it; check the folder's permissions
# `dokgen templates eject`
door-eject-outside = the templates folder `{ $folder }` lies outside the project: dokgen writes only inside it
door-eject-outside-hint = a project's dokgen.yaml cannot send dokgen's writes elsewhere; copy the files you want into that folder yourself, or point `templates:` at a folder inside the project
door-eject-exists = { $file } exists already: it is not replaced
door-eject-exists-hint = the project uses its own file; delete it first, or give --force to replace it with the built-in one
door-not-builtin = `{ $name }` is not a built-in template file
door-builtin-files = the built-in files are { $names }
door-not-written = `{ $file }` is not written: { $why }
door-not-written-hint = dokgen writes only inside the project folder; remove the link
door-write-no-folder = it has no folder
door-write-outside = it lies outside the project
door-write-link-on-way = a folder on its way is a link or a file
door-write-no-name = it has no name
door-output-outside = `output` leads outside the project folder (a symbolic link?)
door-output-outside-hint = dokgen writes only inside the project; remove the link, or name a folder with --output

## Annexes: why a PDF annex cannot be read (annex.rs).

annex-no-pages = it has no pages
annex-reader-failed = the PDF reader failed on it
annex-encrypted = it is encrypted
annex-invalid = it is damaged, or not a PDF at all

## Making a document (session.rs).

# An error of a document that no file holds (a time budget spent): said at
# its declaration, with its output name and template.
session-document = `{ $output }` (template { $template }): { $what }
session-overprint = text prints over other text on page { $page }: “{ $text }” runs into “{ $over }”
session-off-page = text runs out into the margin of page { $page }: “{ $text }”
session-overprint-printed-by = it is the value of `{ $path }`, printed by { $template }:{ $line }
session-overprint-printed-at = it is printed by { $template }:{ $line }
session-overprint-hint = a word too long for its column or box: give the column more room in the template, shorten the text, or let the word break (a soft hyphen, U+00AD, where it may)
# $path is the fact that names the annex; $what the PDF standard's rule.
session-annex-breaks-standard = { $path }: the annex breaks a rule of the document's PDF standard: { $what }
session-annex-breaks-standard-hint = export the annex again (printing it to PDF anew flattens what nests too deep), or give its pages as images
session-more-errors = Typst found { $count ->
    [one] 1 more error
   *[other] { $count } more errors
} in what this line made
# A library panicked; $what is its own message, in English, for the bug report.
session-internal-error = an internal error stopped `{ $output }` (template { $template }): { $what }
session-bug-hint = this is a bug in dokgen or a library it uses, met on this project's input; the other documents are made. Please report it with the files this document is made from
session-no-template = the template `{ $template }` does not exist
session-templates-are = the templates are { $names } (in { $folder }/, or built into dokgen)
session-output-not-plain = `output: { $output }` is not a plain file name
# $characters: the characters a name may not hold, each in backticks.
session-output-not-plain-hint = give the PDF's name without folder and without .pdf, e.g. `output: strategi`: none of the characters { $characters } and no character that does not show, not ending in a point or space, at most { $most } bytes, and not a name Windows reserves (CON, NUL, COM1, …)
session-output-twice = two documents are written to `{ $output }.pdf`
session-output-twice-case = two documents are written to `{ $output }.pdf` (`{ $first }` and `{ $second }` differ only by case, and are one file on Windows and macOS)
# The two names with their letters written as codes: `cafe\u{301}`.
session-output-twice-encoding = two documents are written to `{ $output }.pdf` (`{ $first }` and `{ $second }` differ only by how their letters are encoded, and are one file on Windows and macOS)
session-output-twice-hint = { $file } uses the same `output`; give each document its own
session-no-documents = the project declares no documents
session-no-documents-hint = add a YAML file per document under content/documents/ with template, output, title and date
session-epoch = SOURCE_DATE_EPOCH is `{ $value }`, not a number of seconds
session-epoch-hint = set it to whole seconds since 1970-01-01 UTC, e.g. `SOURCE_DATE_EPOCH=1503273600`, or unset it to date each PDF by its document

## A document made in a process of its own (isolate.rs). "it" is the document.

isolate-not-started = no process could be started to make the document: { $reason }
isolate-lost = the process making the document was lost
isolate-over-budget = making it took longer than its time budget of { $seconds } s for each of rendering, typesetting and export, and it was stopped
isolate-over-budget-hint = a loop in a template that does not end, or an image whose drawing takes minutes (an SVG filter over a huge region), is the likely cause; a document that is simply large can be given more time in dokgen.yaml: `limits: {"{"} seconds: 60 {"}"}`
isolate-out-of-memory = making it needed more memory than its budget of { $megabytes } MB, and it was stopped
isolate-out-of-memory-hint = a template or prose that builds a huge text or list (a `replace` or `~` that doubles a text in a loop), or an image or annex that unpacks into gigabytes, is the likely cause; a document that is simply large can be given more in dokgen.yaml: `limits: {"{"} memory: { $double } {"}"}`
isolate-too-deep = making it nested deeper than dokgen can follow, and it was stopped
isolate-too-deep-hint = a chain of includes or imports, or of templates or functions calling each other, hundreds deep is the likely cause: shorten it
# $how is one of isolate-how-*.
isolate-ended = the process making it ended { $how }
# $last is the last line the process wrote, as it wrote it.
isolate-ended-saying = the process making it ended { $how }: { $last }
isolate-how-no-status = without a status
isolate-how-signal = with signal { $signal }
isolate-how-code = with exit code { $code }
isolate-how-abnormally = abnormally
isolate-no-such-document = no document `{ $document }` in the project as this worker read it (a file changed meanwhile?)

## The output folder (build/output.rs).

door-output-locked = another dokgen build is writing to { $folder } right now
door-output-locked-hint = wait for it to finish and build again, or build into another folder with --output

## What `dokgen check` notes about the facts (build/notes.rs). Figures
## are written as Danish writes them (20.000), whatever the language.

# $side: above or below.
findings-size = { $name } has { $count } inhabitants ({ $year }) and is { $side ->
    [above] above
   *[below] below
} the threshold of { $threshold }.
# $meets: yes or no.
findings-cooperation = { $names } have { $total } inhabitants together ({ $years }), and { $meets ->
    [yes] meet
   *[no] do not meet
} the requirement of at least { $min } inhabitants in a binding cooperation.
# A scenario of a merger; $side: within, below or above.
findings-scenario = { $name } gives { $total } inhabitants ({ $years }), { $side ->
    [within] within
    [below] below
   *[above] above
} the range { $min }–{ $max }.
findings-projection-reaches = Projection: with the trend from { $from } to { $to } ({ $per_year } inhabitants a year), { $name } reaches { $size } inhabitants in { $year }.
findings-projection-never = Projection: with the trend from { $from } to { $to }, { $name } does not reach { $size } inhabitants.
# The years a combined figure rests on.
findings-year = { $year }
findings-years = figures from { $from }–{ $to }
# "Ishøj, Albertslund and Vallensbæk"
findings-and = { $rest } and { $last }
findings-one = { $name }

## The web publication's settings (`publication:` in dokgen.yaml).
door-publication-folder = `{ $folder }` cannot be the publication's folder: it must be one name of letters, digits, `-` and `_`
door-publication-folder-hint = write one folder name, such as `folder: web`; it is made inside the output folder
door-publication-accent = `{ $colour }` is not a colour written `#rrggbb`
door-publication-accent-hint = write the colour as six hexadecimal digits after `#`, such as `accent: "#1f4e79"` (in quotes: YAML reads `#` as a comment)
door-publication-accent-contrast = the colour `{ $colour }` has a contrast of only { $ratio }:1 against the white background; links and headings need at least 4.5:1 (WCAG 2.1, success criterion 1.4.3)
door-publication-accent-contrast-hint = choose a darker shade of the colour; dokgen's own blue, `#1f4e79`, has 8.6:1
door-output-not-folder = `{ $folder }` is not a folder: a file of the output folder stands where `dokgen build` writes a folder, or a link points elsewhere
door-output-not-folder-hint = remove it; `dokgen build` makes the folder itself
door-publication-logo = `{ $logo }` cannot be the publication's logo: it must be a PNG, JPEG or SVG file in the project
door-publication-logo-hint = give the image's path from the project folder, such as `logo: assets/logo.svg`
