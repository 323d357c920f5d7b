## template: templates and prose as Tera makes them into a document's
## Typst source, the values they see, placeholders, the Markdown of prose,
## and `dokgen explain`.

## Loading and rendering templates and prose.

# A template or prose file holds one of the characters dokgen marks lines with.
template-marker-character = a control character (U+0001 or U+0002) in a template
template-marker-character-hint = remove it: dokgen uses these characters to find the lines of templates
# A loop in a template made more text than a document may have.
template-output-too-large = the text made is larger than { $megabytes } MB, and was stopped
template-output-too-large-hint = a loop, or a component that calls itself, prints without end?
# A `{{ … }}` printed an empty value; $expression is what stands inside it.
template-hole = `{ $expression }` prints nothing here: the value is empty
template-hole-unnamed = a value prints nothing here: it is empty
template-hole-unplaced = a value prints nothing here
template-hole-hint = a document is not made with a hole in it: put the sentence in `{"{%"} if … {"%}"}…{"{%"} endif {"%}"}` where the value may be empty, or say what to print instead, `{"{{"} … | eller(tekst="…") {"}}"}`
# Hint under an `{% include "…" %}` of a template that does not exist.
template-include-hint = `include` takes a template of the project by its name under templates/, e.g. `{"{%"} include "partials/punkt.typ.tera" {"%}"}`; no other file can be included
# A template names a value that does not exist ($value is the path, as written).
template-not-defined = `{ $value }` is not defined here
template-latest-hint = `latest` is a municipality's newest population figure on or before the document's date: a document dated before a municipality's first figure has none (check the document's `date`, or give an earlier figure)
template-did-you-mean = did you mean `{ $name }`?
# $has is the part of a path that has a value, $lacks the name it does not have, $names what it has.
template-has-no = `{ $has }` has no `{ $lacks }`; it has { $names }
template-list-has-no = `{ $has }` has no item `{ $lacks }`; it has items 0 to { $last }
# A template places a field the facts leave out (or a misspelt one).
template-no-value = `{ $expression }` has no value here: the facts leave it out, or there is no such field
template-fields-here = the fields that have a value here: { $fields }
template-areas-hint = only a document's own `application` knows the areas of the other applications (`later_areas`, `earlier_areas`, `current_areas`); an application of `applications` or `application_by_id` has its own `areas`
template-check-name-hint = check the name against the fact files; every value a template uses must exist

## Why a value prints nothing: said under "prints nothing here".

template-empty-later-areas = `later_areas` lists the areas of the applications after this one: it is empty in the last application
template-empty-earlier-areas = `earlier_areas` lists the areas of the applications before this one: it is empty in the first application
template-empty-current-areas = `current_areas` lists the areas still in the cooperation when the application is made
template-empty-known = `known` lists the figures dated on or before the document's date: it is empty if all are later
template-empty-requests = `requests` lists an application's principal and subsidiary requests, if it has any
template-empty-annexes = `annexes` lists the annexes, if there are any
template-empty-absent = `absent` lists those who sent apologies, if anyone did
template-empty-members = `members` lists those called to the meeting, if the facts name them
template-empty-left-out = the facts leave this value out

## dokgen's filters and functions, when a template uses them wrongly.

template-range-step-zero = `range` was called with `step_by=0`
template-range-over-budget = `range` would give { $count } more numbers, over the { $budget } a text may use in all: loops that run that often do not end in time
template-dato-form = `dato` knows the forms "lang", "kort", "ugedag" and "bindestreg", not "{ $form }"
template-paragraf-section = `paragraf` takes a provision with a `section`: `law.dispensation | paragraf`
template-paragraf-not-number = `paragraf`: `{ $name }` is not a number
template-nr-act = `nr` takes an act with a `number` and a `date`: `law.act | nr`
template-kl-time = `kl` takes a time as "17:30", not "{ $time }"
template-liste-no-field = `liste`: an item has no `{ $field }`
template-liste-empty-item = `liste`: item { $number } of the list is empty
template-liste-empty-field = `liste`: item { $number } of the list has an empty `{ $field }`
template-eller-needs-text = `eller` needs what to print instead: `eller(tekst="…")`
template-no-safe = dokgen has no `safe`: a value printed unescaped would run as Typst code; write it into Typst with `typst_str` or `typst`
template-no-prose-file = no prose file `{ $path }` is loaded for this document
template-date-expected = expected a date as YYYY-MM-DD, got "{ $text }"
template-typst-not-finite = `typst` cannot write a number that is not finite
# $kind is one of the template-type-… words.
template-typst-cannot = `typst` cannot write { $kind }

## Tera's own messages, said in dokgen's words. Tera reads templates and
## prose; these are the mistakes it finds in their `{{ … }}` and `{% … %}`.

# What stood, or should stand, in a template where Tera found a mistake.
template-token-symbol = `{ $symbol }`
template-token-name = a name
template-token-string = a text in quotes
template-token-integer = a whole number
template-token-float = a decimal number
template-token-bool = true or false
template-token-text = text
template-token-comment = a comment
template-token-field-name = the name of a field
# The kind of a value, as messages below name it ($kind).
template-type-text = a text
template-type-whole-number = a whole number
template-type-number = a number
template-type-yes-no = a yes/no value
template-type-list = a list
template-type-map = a map of named values
template-type-none = nothing (none)
template-type-undefined = a value that does not exist
template-type-bytes = raw bytes
template-type-other = a value of the kind `{ $name }`
# $found and $expected are template-token-… words.
template-tera-found-expected = { $expected } should stand here, but { $found } does
template-tera-expected-value = a value is missing here (a name, a number, a text in quotes, a list …): { $found } stands where it should be
template-tera-expected-endif = the `{"{%"} if … {"%}"}` is not ended: `{"{%"} elif … {"%}"}`, `{"{%"} else {"%}"}` or `{"{%"} endif {"%}"}` should stand here, but { $found } does
template-tera-minus-number = `-` must be followed by a number, but { $found } is
template-tera-end-of-input = the text ends before everything is closed: a `{"{{"} … {"}}"}` or `{"{%"} … {"%}"}` lacks its end, or an `{"{%"} if {"%}"}` or `{"{%"} for {"%}"}` lacks its `{"{%"} endif {"%}"}` or `{"{%"} endfor {"%}"}`
template-tera-unknown-tag = this `{"{%"} … {"%}"}` is unknown here: check its spelling, and that an `endif`, `endfor`, `else` or `elif` belongs to an `{"{%"} if {"%}"}` or `{"{%"} for {"%}"}` before it
template-tera-unexpected-character = this character has no meaning inside `{"{{"} … {"}}"}` or `{"{%"} … {"%}"}`
template-tera-bad-number = the number cannot be read (is it too large?)
template-tera-bad-escape = a `\` in a text in quotes may only stand before `"`, `'`, `/`, `\`, `n`, `t` or `r`
template-tera-string-unclosed = the text begun with `{ $quote }` lacks its closing `{ $quote }`
template-tera-comment-unclosed = the comment is not closed with `{ $end }`
template-tera-loop-only = `{ $keyword }` can only be used inside a `{"{%"} for {"%}"}` loop
template-tera-reserved = `{ $name }` is a word of Tera's own and cannot name a variable
template-tera-argument-twice = the argument `{ $name }` is given more than once
template-tera-loop-field = `loop` has no `{ $field }`: it has `index`, `index0`, `first`, `last` and `length`
template-tera-end-name = the name at the end, `{ $end }`, is not the name at the start, `{ $start }`
template-tera-minus-not = `-` and `not` cannot stand right after each other
template-tera-not-in = `not` can stand here only as part of `not in`
template-tera-call-first = a function can only be called at the start of a chain of names
template-tera-set-syntax = `set` needs `=` and a value: `{"{%"} set name = value {"%}"}`
template-tera-too-deep = the expression or the tags nest too deep
template-tera-block-twice = the template already has a block named `{ $name }`
template-tera-extends-first = `extends` must be the first tag of the template, and there may be only one
template-tera-child-content = this text would be left out: a template that uses `extends` may hold only blocks at its top level
template-tera-block-inside = a `block` cannot stand inside another tag
template-tera-unknown-filter = the filter `{ $name }` does not exist
template-tera-unknown-test = the test `{ $name }` does not exist
template-tera-unknown-function = the function `{ $name }` does not exist
template-tera-unknown-component = the component `{ $name }` does not exist
template-tera-unknown-template = the template `{ $name }` does not exist
template-tera-unknown-block = no template that this one extends has a block `{ $name }`
template-tera-missing-parent = `{ $template }` extends `{ $parent }`, which does not exist
# $chain names the templates in turn: `a` → `b` → `a`.
template-tera-circular-extend = the template `{ $template }` extends itself: { $chain }
template-tera-circular-include = the template `{ $template }` includes itself: { $chain }
template-tera-names-here = the names that have a value here: { $names }
template-tera-variable-no-value = `{ $name }` has no value here
template-tera-field-undefined = there is no field `{ $field }` here
template-tera-print-undefined = the value printed here does not exist
template-tera-index-undefined = `[…]` is used on a value that does not exist
template-tera-index-expression-undefined = what stands in `[…]` has no value
template-tera-slice-undefined = a part of the slice `[…:…]` has no value
template-tera-divide-by-zero = this divides by 0
template-tera-not-iterable = `for` can only go through a list or a map of named values, not { $kind }
template-tera-pairs-not-map = `for k, v in …` goes only through a map of named values, not { $kind }
template-tera-math-not-number = only numbers can be calculated with, not { $kind }
template-tera-plus-not-numbers = `+` adds numbers only; here it has { $left } and { $right } (join texts with `~`)
template-tera-cannot-compare = { $left } cannot be compared with { $right }
template-tera-cannot-sort = the list cannot be sorted: it holds both { $left } and { $right }
template-tera-wrong-type = the value is { $got }, but { $expected } is needed here
template-tera-missing-argument = the argument `{ $name }` is missing (`{ $name }=…`)
template-tera-out-of-range = the number { $value } is too large or too small here
template-tera-index-not-number = an item of a list is chosen by a whole number, not by { $kind }
template-tera-get-no-key = the map has no `{ $key }`, and no `default` is given
template-tera-not-whole-number = "{ $value }" is not a whole number
template-tera-not-number = "{ $value }" is not a number
template-tera-no-length = { $kind } has no length
template-tera-item-lacks-field = item { $number } of the list has no `{ $field }`
template-tera-filter-needs-number = this filter takes a number, not { $kind }
template-tera-in-not-container = `in` looks in a list, a text or a map, not in { $kind }

## A document's Typst source, made from templates and prose.

# Hint under an error Typst found, said where the error was moved back to the template or prose.
template-typst-from-prose = in the Typst made from this prose, at { $place }
template-typst-from-template = in the Typst made from this template, at { $place }
template-typst-generated = { $file } is the Typst made for this document; `dokgen build --emit typst` writes it beside the PDF
template-prose-empty = the prose file is empty: the document would print nothing where it stands
template-prose-empty-hint = write the text; while the document is a draft, a placeholder such as `[indsæt baggrunden]` marks what is missing
template-prose-line-unknown = the line could not be told: facts filled into the prose moved it
# $reason is Tera's own words.
template-facts-not-passed = cannot pass the facts to the template: { $reason }

## Placeholders ("[indsæt …]", "N.N.", "TODO") a document prints.

template-placeholder-in-draft = `{ $placeholder }` is a placeholder, not a fact: the draft prints it
template-placeholder-in-final = `{ $placeholder }` is a placeholder, not a fact: a final document does not print it
# $place is file:line:column, $line what is written there.
template-placeholder-stands-in = it stands in { $place }: `{ $line }`
template-placeholder-more-places = { $count ->
    [one] the document prints it in 1 more place
   *[other] the document prints it in { $count } more places
}
template-placeholder-hint = give the fact; while the document is being written, mark it `draft: true` in its declaration: a draft is made with a warning and marked UDKAST

## The Markdown of prose, as it is made into Typst.

# $problem is the sentence about the character that does not show.
template-markdown-unseen-reference = { $problem }; it is written here as a character reference (`&#x…;`), delete it
template-markdown-too-deep = quotes, lists and emphasis nested more than { $depth } deep are shown without the deeper levels
template-markdown-html = raw HTML is shown as text, not interpreted
template-markdown-bad-label = `{"{"}#{ $id }{"}"}` cannot be a label: use letters, digits, `-`, `_`, `.` and `:`
template-markdown-footnote-unreferenced = the footnote `[^{ $label }]` is never referred to; it is placed where it is defined
template-markdown-link-no-label = the link to `{ $dest }` is shown as text: no heading here has the label `{"{"}#{ $label }{"}"}`
template-markdown-link-scheme = the link to `{ $dest }` is shown as text: only http, https and mailto links are allowed
template-markdown-image-no-alt = the image `{ $dest }` has no alt text; write what it shows between the brackets: ![…]({ $dest })
template-markdown-image-remote = the image `{ $dest }` is not a file in the project; dokgen does not download images
template-markdown-image-outside = the image `{ $dest }` is outside the project
template-markdown-image-no-file = the image `{ $dest }` cannot be found: the prose comes from no file
template-markdown-image-missing = the image `{ $dest }` does not exist (looked for { $path }, relative to the Markdown file)

## The values templates see, as they are made from the facts. `dokgen
## check` reports these first, with their lines; they are seen only if it
## missed one.

template-context-no-mayor = { $municipality } has no mayor in office on { $date }
template-context-no-chief-executive = { $municipality } has no chief executive in office on { $date }
template-context-missing-term-hint = run `dokgen check` to see which term is missing
template-context-unknown-municipality = unknown municipality `{ $id }`
template-context-unknown-area = unknown area `{ $id }`
template-context-unknown-application = unknown application `{ $id }`
template-context-unknown-meeting = unknown meeting `{ $id }`
# $meeting is the meeting's id.
template-context-unknown-item = unknown item of the meeting `{ $meeting }`
template-context-unknown-decision-body = unknown body of the decision of `{ $municipality }`
template-context-unknown-decision-date = unknown date of the decision of `{ $municipality }`
template-context-unknown-ministry-decision = unknown ministry decision of `{ $id }`
template-context-unknown-secretariat = unknown secretariat of the meeting `{ $meeting }`
template-context-unknown-paper-style = unknown paper style of `{ $id }`
template-context-broken-reference-hint = run `dokgen check` to see which reference is broken
template-context-contact-no-person = the contact at { $municipality } names no person in office on { $date }
template-context-contact-hint = run `dokgen check` to see what the contact lacks
template-context-attendee-no-name = a person at a meeting on { $date } has no name
template-context-attendee-hint = run `dokgen check` to see which
template-context-settlement-failed = the settlement cannot be computed: a price or volume of the service `{ $service }` is wrong
template-context-settlement-hint = run `dokgen check` to see which price or volume is wrong

## `dokgen explain`: what a document's template and prose can use.

template-explain-no-document = the project has no document `{ $name }`
template-explain-documents = its documents are { $names }
# The first lines of `dokgen explain <document>`.
template-explain-title = What { $document } ({ $file }) can use on { $date }, its date.
template-explain-marks = {"*"} marks what its template { $template }, the partials and its prose use.
template-explain-no-value = `{ $path }` is not a value of this document
template-explain-document-holds = what the document holds: { $names }
template-explain-value-holds = what `{ $value }` holds: { $names }
# Below the first items of a long list.
template-explain-more = { $count } more of the same kind
# The kind of a value in the tree, in a column 8 characters wide.
template-explain-empty = empty
template-explain-yes-no = yes/no
template-explain-number = number
template-explain-text = text
template-explain-list = list
template-explain-list-empty = (empty)
template-explain-list-of = list of { $count }
template-explain-list-of-named = list of { $count }: { $names }
template-explain-map-of = map of { $count }
template-explain-none = none
template-explain-keys-placed = Prose keys the template places (document.prose.<key>): { $keys }
template-explain-keys-given = Prose keys { $file } gives: { $keys }
template-explain-keys-not-given = not given (the template places them only where it needs them): { $keys }
template-explain-keys-unused = given but never placed: { $keys }
template-explain-no-line = { $file } has { $count ->
    [one] 1 line
   *[other] { $count } lines
}, not { $line }
template-explain-prose-value = the prose of content/{ $file }, as Typst markup (`--at content/{ $file }:LINE` shows its values)
# $why says why the value could not be had.
template-explain-no-value-here = no value: { $why } (in { $document }'s context; a variable the template sets with `set` or `for` has a value only while it renders)
template-explain-unknown-reason = the reason is not known
template-explain-no-expression = the line has no {"{{"} … {"}}"}
template-explain-no-file = `{ $file }` is neither a template nor a file of the project
template-explain-no-file-hint = give a template (`templates/ansoegning.typ.tera`), a prose file (`content/prosa/…/x.md`) or a fact file, and a line: `--at content/prosa/ansoegning/baggrund.md:3`
