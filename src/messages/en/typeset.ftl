## typeset
## Typesetting (Typst), exporting (PDF) and the kinds of documents.

## Files Typst asks for that dokgen does not give it. The message is shown
## where the template (or SVG drawing) names the file.

# A template imports a Typst package (`#import "@preview/…"`).
typeset-file-package = packages are not available in dokgen (`{ $spec }`): nothing is downloaded
typeset-file-package-hint = put the Typst file in the project's templates/ folder and import it from there
# A file a template names is, through a symbolic link, outside the project.
typeset-file-outside = `{ $path }` leads outside the project folder; dokgen reads only files inside it
# A file a template names cannot be opened; $reason says why.
typeset-file-unreadable = `{ $path }` cannot be read: { $reason }
# A file in a shared templates folder outside the project that is not a template, a Typst file or an image.
typeset-file-not-shared-kind = `{ $path }` is not read: from a templates folder outside the project, only templates, Typst files, stylesheets and images are
# A file the project's limits refuse (too large, too many pixels, …); $reason says which.
typeset-file-not-read = `{ $path }` is not read: { $reason }
# A Typst file of the project's holds a character that turns the direction of text or does not show.
typeset-file-unseen = `{ $path }` is not read: at line { $line }, column { $column }, { $what }
# A PDF annex whose pages cannot be drawn.
typeset-file-annex-not-pdf = the annex `{ $file }` cannot be read as a PDF: { $why }

## Typst's own messages, recognised and worded here. Typst's words for
## kinds of values ("integer") and pieces of syntax ("closing bracket").

typeset-typst-unknown-variable = unknown variable: { $name }
typeset-typst-unexpected-argument = unexpected argument
typeset-typst-unexpected-argument-named = unexpected argument: { $name }
typeset-typst-missing-argument = missing argument: { $name }
typeset-typst-duplicate-argument = the argument `{ $name }` is given twice
typeset-typst-duplicate-key = the key `{ $key }` is given twice
typeset-typst-call-depth = maximum function call depth exceeded
typeset-typst-show-depth = maximum show rule depth exceeded
typeset-typst-layout-depth = maximum layout depth exceeded
typeset-typst-parse-depth = maximum parsing depth exceeded
typeset-typst-unknown-font = unknown font family: { $name }
typeset-typst-label-missing = the label `{ $label }` does not exist in the document
typeset-typst-dictionary-key = the dictionary has no key `{ $key }`
typeset-typst-array-index = the list has no element at index { $index } (it has { $len }, counted from 0)
typeset-typst-string-index = the text has no byte at index { $index } (it has { $len } bytes, counted from 0)
typeset-typst-cannot-join = cannot join { $a } with { $b }
typeset-typst-cannot-add = cannot add { $a } and { $b }
# "expected integer, found string": a value of the wrong kind, or a piece of syntax where another was expected.
typeset-typst-expected-found = expected { $expected }, found { $found }
typeset-typst-expected = expected { $expected }
typeset-typst-unexpected = unexpected { $found }
typeset-typst-unclosed-delimiter = unclosed delimiter: a bracket or parenthesis is opened and never closed
typeset-typst-unclosed-string = unclosed string: a text in quotes lacks its closing `"`
typeset-typst-unclosed-label = unclosed label: a `<` lacks its closing `>`
typeset-typst-unclosed-raw = unclosed raw text: a `` ` `` lacks its closing one
typeset-typst-not-source = the file is not a Typst source file
typeset-typst-cyclic-import = the files import each other in a circle
# A path in a template that climbs above the project folder with `..`.
typeset-typst-path-escapes = the path `{ $path }` leads outside the project folder
typeset-typst-file-not-found = file not found: `{ $path }`
typeset-typst-load-failed = failed to load file
typeset-typst-load-file = failed to load file: { $reason }
typeset-typst-svg-parse = failed to read the SVG drawing: { $reason }
typeset-typst-svg-linked-image = failed to load the image `{ $href }` that the SVG drawing links to: { $reason }
typeset-typst-image-decode = failed to read the image: { $reason }
typeset-typst-at-place = { $message } (at { $place })
# A list: "a or b", "a, b or c", "a and b".
typeset-typst-code = `{ $code }`
typeset-typst-code-plain = { $code }
typeset-typst-keyword = keyword `{ $keyword }`
typeset-typst-thing = { $thing ->
    [anything] anything
    [integer] integer
    [float] float
    [decimal] decimal
    [string] string
    [content] content
    [length] length
    [relative-length] relative length
    [ratio] ratio
    [fraction] fraction
    [angle] angle
    [color] color
    [gradient] gradient
    [boolean] boolean
    [array] array
    [dictionary] dictionary
    [function] function
    [none] none
    [auto] auto
    [alignment] alignment
    [label] label
    [datetime] datetime
    [duration] duration
    [bytes] bytes
    [stroke] stroke
    [symbol] symbol
    [module] module
    [type] type
    [arguments] arguments
    [regex] regular expression
    [selector] selector
    [location] location
    [direction] direction
    [version] version
    [expression] expression
    [identifier] identifier
    [pattern] pattern
    [block] block
    [argument-list] argument list
    [semicolon-or-line-break] semicolon or line break
    [comma-or-semicolon] comma or semicolon
    [named-or-keyed-pair] named or keyed pair
    [named-pair] named pair
    [keyed-pair] keyed pair
    [semicolon] semicolon
    [line-break] line break
    [paragraph-break] paragraph break
    [comma] comma
    [colon] colon
    [dot] dot
    [hash] hash
    [equals-sign] equals sign
    [plus] plus
    [minus] minus
    [star] star
    [slash] slash
    [arrow] arrow
    [dollar-sign] dollar sign
    [opening-paren] opening paren
    [closing-paren] closing paren
    [opening-bracket] opening bracket
    [closing-bracket] closing bracket
    [opening-brace] opening brace
    [closing-brace] closing brace
    [end] end of file
    [text] text
    [space] space
    [markup] markup
    [code] code
    [code-block] code block
    [content-block] content block
    [function-call] function call
    [escape] escape sequence
    [syntax-error] syntax error
    [heading] heading
    [link] link
    [reference] reference
    [equation] equation
   *[other] { $thing }
}

## The cause Typst gives in parentheses after "failed to …".

typeset-cause-access-denied = access denied
typeset-cause-directory = it is a folder, not a file
typeset-cause-not-utf8 = the file is not valid UTF-8
typeset-cause-too-large = the file is too large
typeset-cause-compression = the file is not compressed correctly
typeset-cause-svg-size = its width, height or viewBox is invalid
typeset-cause-no-root = it has no root element
typeset-cause-absolute = absolute paths are not allowed
typeset-cause-url = web addresses are not allowed
typeset-cause-image-format = the image format is not known
typeset-cause-unknown-entity = unknown entity `{ $entity }`
typeset-cause-duplicate-attribute = the attribute `{ $attribute }` is given twice

## Typst's hints.

typeset-hint-sandbox = dokgen reads only files inside the project folder
typeset-hint-subtraction = if you meant to subtract, put spaces around the minus sign: `{ $code }`
typeset-hint-letters = if you meant to show several letters as they are, put spaces between them: `{ $code }`
typeset-hint-quotes = or, if you meant to show this as text, put it in quotes: `{ $code }`
typeset-hint-hash = if you meant the value, put a hash before it: `{ $code }`
typeset-hint-length-unit = a length needs a unit: did you mean { $number }pt?
typeset-hint-heading-levels = heading levels must follow each other
typeset-hint-alt-text = make sure your images and equations have alt text
typeset-hint-title = set the title with `set document(title: [...])`
typeset-hint-language = set the language of the document
typeset-hint-date = set the date of the document
typeset-hint-nesting = reduce the number of nested containers
typeset-hint-other-font = try another font
typeset-hint-bug = this is a fault in Typst or dokgen, not in the project: please report it
typeset-hint-transparency-standard = choose a PDF standard that allows transparency
typeset-hint-transparency-image = or convert the image to one without transparency
typeset-hint-transparency-svg = an SVG drawing may have to be converted to an image without transparency
typeset-hint-transparency-color = or use colours without transparency
typeset-hint-conic-gradient = conic gradients are not allowed by this PDF standard
typeset-hint-paragraphs = this is probably caused by how paragraphs are grouped
typeset-hint-breaks = perhaps a `parbreak`, `colbreak` or `pagebreak` is the cause
typeset-hint-font-broken = the font may be damaged, or of a kind Typst does not support

## Where the way to a problem went, shown as notes under it.

typeset-trace-call = while calling `{ $name }`
typeset-trace-call-unnamed = while calling a function
typeset-trace-show = while showing a `{ $name }` element
typeset-trace-import = while importing `{ $name }`
typeset-trace-include = while including `{ $name }`

## Rules of PDF standards the document breaks ($standards: "PDF/A-2a").

typeset-pdf-rule = { $standards } error: { $problem }
typeset-pdf-nesting = graphics are nested too deep in the PDF
typeset-pdf-alt-text = missing alt text
typeset-pdf-annotation-alt-text = missing alt text of an annotation
typeset-pdf-title = missing document title
typeset-pdf-language = missing document language
typeset-pdf-date = missing document date
typeset-pdf-first-heading = the first heading must be of level 1
typeset-pdf-skipped-heading = skipped from heading level { $from } to { $to }
typeset-pdf-heading-empty = a heading is empty
typeset-pdf-heading-unknown = the text of a heading could not be determined
typeset-pdf-transparency = the PDF contains transparency
typeset-pdf-image-transparency = the image contains transparency
typeset-pdf-color-transparency = the fill or stroke has transparency
typeset-pdf-postscript = the PDF contains PostScript code
typeset-pdf-cmyk = the PDF is missing a CMYK profile
typeset-pdf-too-many-objects = the PDF has too many objects
typeset-pdf-long-string = a text in the PDF is longer than 32767 characters
typeset-pdf-artifact-link = a header, footer or other decoration contains a link
typeset-pdf-attachment = the document contains an attached file
typeset-pdf-smooth-scaling = an image is scaled smoothly
typeset-pdf-codepoints = some text is not mapped to characters
typeset-pdf-tag-split = invalid document structure: an element's PDF tag would be split up
typeset-pdf-structure = invalid structure of a { $parent }
typeset-pdf-embedded-pdf = a PDF cannot be embedded as it is under this PDF standard
# SOURCE_DATE_EPOCH is not a date a PDF can have.
typeset-pdf-timestamp-not-a-date = { $seconds } seconds since 1970 is not a date
typeset-pdf-date-out-of-range = { $date } cannot be a PDF's date

## Accessibility checks before a PDF is made.

typeset-access-image-alt = an image has no alt text
typeset-access-image-alt-hint = say what it shows: in Markdown `![Kort over kommunerne](kort.svg)`, in a template `image("…", alt: "…")`
typeset-access-first-heading = the first heading is of level { $level }, not 1
typeset-access-heading-skips = a heading of level { $level } follows one of level { $previous }
typeset-access-heading-hint = headings go down one level at a time; in Markdown a section under a heading of the template starts with ##
typeset-access-table-header = a table has no header row
typeset-access-table-header-hint = begin the table with `table.header(…)`; a Markdown table always has one
typeset-access-no-title = the document has no title
typeset-access-no-title-hint = give the document a `title:` in its declaration, and pass it to `dokument.with(titel: …)`

## PDF standards and formats a declaration or dokgen.yaml chooses.

# $field is where the list is given: `pdf_standards`, `defaults.pdf_standards`.
typeset-standards-incompatible = { $field }: these standards cannot be met together: { $reason }
typeset-standards-hint = choose one PDF/A level, e.g. `[a-2a, ua-1]` (the default), or `[]` for a plain PDF
typeset-standards-one-pdf-a = choose at most one PDF/A standard
typeset-standards-one-pdf-ua = choose at most one PDF/UA standard
typeset-standards-two-versions = a PDF cannot be of version { $a } and { $b } at the same time
typeset-standards-no-common-version = { $standards } have no PDF version in common
typeset-standards-version-incompatible = PDF { $version } does not go with { $standards }
typeset-standards-requires-version = { $standard } requires PDF version { $version }
typeset-standards-requires-between = { $standard } requires a PDF version from { $min } to { $max }
typeset-standards-requires-at-least = { $standard } requires at least PDF version { $version }
typeset-formats-none = no format is given: a document is made in at least one
typeset-formats-twice = `{ $format }` is given twice
typeset-formats-hint = give a list of formats, each once: `formats: [pdf]` (the default)

## A document's time budget (`limits: seconds` in dokgen.yaml).

typeset-work-rendering = rendering
typeset-work-typesetting = typesetting
typeset-work-exporting = exporting
typeset-budget-spent = { $work } took longer than the document's time budget of { $seconds } s, and was stopped
typeset-budget-spent-hint = a loop in a template that does not end, or ends only after billions of steps, is the likely cause; a document that is simply large can be given more time in dokgen.yaml: `limits: { "{" } seconds: 300 { "}" }`
typeset-budget-no-thread = no thread could be started for { $work } the document: { $reason }
typeset-budget-no-result = the thread that typeset the document ended without a result
typeset-budget-too-many = not made: { $running } earlier renders or layouts ran over their time budget and still keep the processor busy
typeset-budget-too-many-hint = end dokgen and start it again (a `dokgen serve` keeps them until it ends), after mending the template whose loop does not end

## Fonts in the project's fonts/ folder.

typeset-font-not-a-font = this file is not a font Typst can read
typeset-font-not-a-font-hint = fonts/ may hold TrueType and OpenType files (.ttf, .otf, .ttc)
typeset-font-folder-unreadable = cannot read the fonts folder: { $reason }
typeset-font-folder-loop = a symbolic link in it leads back into the folder
typeset-font-not-read = the font is not read: { $reason }

## Kinds of documents. What a document of each kind is, inside other
## messages ("this declaration is an application letter").

typeset-kind-document = a document
typeset-kind-application = an application letter
typeset-kind-papers = meeting papers
# A field of a declaration and what is wrong with it: "formats: `pdf` is given twice".
typeset-kind-at = { $path }: { $message }
typeset-kind-unknown = kind: `{ $name }` is not a kind of document
typeset-kind-the-kinds = the kinds are { $kinds }
typeset-kind-did-you-mean = did you mean `{ $name }`?
typeset-kind-unknown-field = unknown field `{ $field }`, expected one of { $expected }
typeset-kind-field-of-another = `{ $field }` is a field of { $other }, and this declaration is { $kind }
typeset-kind-field-of-another-hint = remove `{ $field }`, or declare { $other } in a file of its own
typeset-kind-two-kinds = `{ $second_field }` is a field of { $second }, and `{ $first_field }` makes this declaration { $first }
typeset-kind-two-kinds-hint = a declaration makes documents of one kind: declare { $second } in a file of its own
# $collection is the collection of `for_each:`: municipalities, applications, meetings.
typeset-kind-batch-makes-another = for_each: a batch over { $collection } makes { $other }, and this declaration is { $kind }
typeset-kind-batch-makes-another-hint = write `kind: { $name }`, or leave `kind:` out and let the batch say it
typeset-kind-batch-fields-of-another = for_each: a batch over { $collection } makes { $other }, and the fields of this declaration are those of { $kind }
typeset-kind-batch-fields-of-another-hint = remove the fields of { $kind }: a batch gives each document its element
typeset-kind-context-failed = cannot pass the facts to the template: { $reason }

## Every document.

typeset-document-no-title = title: the document has no title
typeset-document-no-title-hint = a PDF needs its title for PDF/UA-1 and for readers: give `title:` the document's heading
typeset-document-no-date = the document has no date
typeset-document-no-date-hint = add `date: 2017-08-21`: it is shown in the document and dates the PDF
typeset-document-date-out-of-range = { $date } is not a date a document can have
typeset-document-date-out-of-range-hint = a document is dated in the years { $first } to { $last }; write the date as YYYY-MM-DD, e.g. 2017-08-21
typeset-document-no-authors = the document names no authors
typeset-document-no-authors-hint = add `authors: [<municipality id>]`, or `defaults: authors:` in dokgen.yaml
# `dokgen new document --template …` names a template that is not there.
typeset-document-new-no-template = the template `{ $template }` does not exist
typeset-document-new-templates = the templates are { $templates }

## Batches (`for_each:`).

typeset-batch-empty = for_each: there are no { $collection } to make documents for
typeset-batch-empty-hint = add { $collection } to the facts, or remove `for_each`
typeset-batch-one-output = output: every document of the batch would be written to `{ $output }.pdf`
typeset-batch-one-output-hint = name a field of each element in the output, e.g. `output: brev-{ "{" }id{ "}" }`
typeset-batch-unknown-field = { $field }: `{ "{" }{ $name }{ "}" }` is not a field of the { $collection }
typeset-batch-fields = the fields that can be named: { $fields }

## Application letters.

typeset-letter-no-application = an application letter names its application
typeset-letter-no-application-hint = add `application: <application id>`
typeset-letter-date = date: the document is dated { $date } but its application { $application_date }
typeset-letter-date-hint = a letter carries the date of its application; make the two dates equal
# A warning before sending: the newest population figure is old on the letter's date.
typeset-letter-old-population = application: the letter of { $date } argues from { $municipality }'s population on { $figure_date }, the newest figure the facts give
typeset-letter-old-population-hint = add the newest figure known on the letter's date to municipalities.{ $id }.population (Danmarks Statistik, Statistikbanken, FOLK1A)
typeset-letter-office-mayor = the mayor
typeset-letter-office-chief-executive = the chief executive
# A signatory of a letter whose name is a placeholder; $office is one of the two above.
typeset-letter-unnamed-signatory = { $office } of { $municipality } on { $date } is `{ $name }`: an official with an unknown name signs nothing
typeset-letter-no-council-decision = application: the letter states no decision of { $municipality }'s council to apply
typeset-letter-no-council-decision-hint = add it to applications.{ $id }.decisions: `- { "{" } municipality: { $applicant }, meeting: <meeting id>, item: <number> { "}" }`, or `body:` and `date:`; or mark the letter `draft: true` until the council has decided
typeset-letter-applicant-unsigned = { $municipality } applies but neither signs the letter nor encloses its council's decision in place of a signature
typeset-letter-applicant-unsigned-hint = add `{ $applicant }` to `signatories` (its mayor and chief executive sign, kommunestyrelseslovens § 32), or give its decision at a meeting in the facts with `in_place_of_signature: true` and enclose the extract as an annex; or mark the letter `draft: true`
typeset-letter-no-ministry-decision = application: the letter cites no ministry decision on the earlier application `{ $earlier }`
typeset-letter-no-ministry-decision-hint = add `ministry_decision: { "{" } date: …, case_number: "…", outcome: granted { "}" }` to applications.{ $earlier }
typeset-letter-no-contact = { $path }: the final letter names no contact person
typeset-letter-no-contact-hint = add `contact: { "{" } official: chief_executive, municipality: <id>, phone: …, email: … { "}" }` or a person by `name:` and `title:`; or mark the letter `draft: true`
# `dokgen new application`.
typeset-letter-new-no-cooperation = the project has no cooperation, so an application has no areas
typeset-letter-new-no-cooperation-hint = give `cooperation:` with its members and areas first (see `dokgen new DIR`)
typeset-letter-new-unknown-area = `{ $area }` is not an area of the cooperation
typeset-letter-new-areas = its areas are { $areas }
typeset-letter-new-no-areas-left = every area of the cooperation is in an application already
typeset-letter-new-no-areas-left-hint = name the areas of the new application with --leaving AREA

## Meeting papers.

typeset-papers-no-meeting = meeting papers name their meeting
typeset-papers-no-meeting-hint = add `meeting: <meeting id>`
typeset-papers-no-items = meeting: the meeting `{ $id }` has no items
typeset-papers-no-items-hint = give meetings[{ $index }] a list of `items:`
typeset-papers-internal-public-name = output: the internal papers are written to `{ $file }`, a public name
typeset-papers-internal-public-name-hint = name the file as internal: `output: { $output }-intern`
typeset-papers-public-internal-name = output: the public papers are written to `{ $file }`, an internal name
typeset-papers-public-internal-name-hint = remove "intern" from the name, or set `internal: true`
typeset-papers-no-minute-taker = { $path }: the minutes `{ $file }` name no minute taker
typeset-papers-no-minute-taker-hint = add `minute_taker: { "{" } name: <full name> { "}" }`, or `{ "{" } official: chief_executive, municipality: <id> { "}" }`
typeset-papers-no-decision = { $path }: the minutes `{ $file }` need the decision on "{ $title }"
typeset-papers-no-decision-hint = add `decision: Tiltrådt.` (or what was decided) to the item
# `dokgen new meeting`, when the secretariat has no headings of its agenda items.
typeset-papers-new-no-headings = `{ $secretariat }` has no `meeting_papers`: a meeting's items would have no headings
typeset-papers-new-no-headings-hint = give municipalities.{ $secretariat }.meeting_papers.headings first, the headings of its agenda items in its order: `- { "{" } part: presentation, title: Sagsfremstilling { "}" }`

## Supplementary agendas, extracts and the public minutes of closed items.
typeset-papers-extract-no-item = papers: an extract of the protocol names its item
typeset-papers-extract-no-item-hint = add `item:` with the number the agenda prints
typeset-papers-extract-unknown-item = item: { $number } is not one of the items of the meeting `{ $id }`
typeset-papers-extract-unknown-item-hint = an extract is of an item, not of a standard item: { $numbers }
typeset-papers-item-without-extract = item: only an extract of the protocol (`papers: extract`) is of one item
typeset-papers-item-without-extract-hint = write `papers: extract`, or leave `item` out
typeset-papers-no-supplementary-items = papers: the meeting `{ $id }` has no supplementary items
typeset-papers-no-supplementary-items-hint = an item added after the agenda went out has `supplementary:` with the reason it cannot wait
typeset-papers-closed-decision-unpublished = { $path }: the public minutes `{ $file }` say nothing of the decision on the closed item { $number }
typeset-papers-closed-decision-unpublished-hint = kommunestyrelseslovens § 8, stk. 7: decisions taken behind closed doors are published as far as confidentiality allows; add `public_decision:` to `closed` (for instance "Indstillingen blev godkendt.")
typeset-papers-extract-before-meeting = date: the extract is dated { $date }, before the meeting of { $meeting }
typeset-papers-extract-before-meeting-hint = an extract of the protocol is certified after the meeting: give the date it is certified

## Web pages (the `html` format).
typeset-html-left-out = a web page cannot show this `{ $what }`: it belongs to the printed page, and the page would lack what the PDF prints
typeset-html-left-out-hint = give the function a web page's way, with `context if target() == "html" {"{"} … {"}"} else {"{"} … {"}"}`, as the style library dokgen.typ does; or leave `html` out of the document's `formats`
typeset-kind-publication = an index page of the web publication
typeset-web-annex-not-ua = { $path }: the annex `{ $file }` is published on the web as it is, and it is not marked as PDF/UA (an accessible PDF)
typeset-web-annex-not-ua-hint = the accessibility act covers PDF files on a public body's website too: save or export the annex as PDF/UA, or make it accessible and mark it PDF/UA in a PDF tool (such as Adobe Acrobat), or mark it `public: false` until it is accessible
