## new
## `dokgen new`: the questions it asks on a terminal, the answers it
## refuses, and what it says it wrote. The files it writes into a project
## are the project's own Danish content, not messages.

## The questions, asked one per line; the answer is typed after each. A
## default follows in [ ], and Enter takes it.

# The first line, before the questions; `dir` is the folder to make.
new-ask-intro = A new project in { $dir }. Press Enter for the suggestion in [ ].
new-ask-members = Which municipalities are members of the cooperation? (separated by commas, e.g. Ærø, Svendborg)
# Shown under the question above when fewer than two were named.
new-ask-members-too-few = A binding cooperation has at least two municipalities.
# The names go into the Danish documents, so the examples are Danish.
new-ask-areas = Which task areas does the cooperation cover? (their Danish names, separated by commas, e.g. natur- og miljøområdet, specialundervisningen)
# `choices` are the members, separated by slashes: Ærø/Svendborg.
new-ask-carried-out-by = Which municipality carries out the tasks within { $area }? ({ $choices })
# Shown when the answer to the question above is none of the members.
new-ask-answer-member = Answer with one of the municipalities: { $members }.
new-ask-for-all = Does { $member } carry out the tasks for all the municipalities of the cooperation, itself included?
new-ask-on-behalf-of = On behalf of which municipalities?
new-ask-keeps-competence = Does { $member } keep the political competence?
new-ask-ends = Is the cooperation to end entirely? (no: some areas stay in the cooperation)
# `areas` are the areas named before, separated by commas.
new-ask-leaving = Which task areas is the first application to take out? ({ $areas })
new-ask-leaving-some = Name one or more of the task areas, but not all of them.
new-ask-date = The application's date (YYYY-MM-DD)
new-ask-start = From which date are the areas to leave? (YYYY-MM-DD)
new-ask-date-format = Write the date as YYYY-MM-DD, e.g. 2027-01-01.
new-ask-ministry = Which ministry is the application sent to?
# The default of a yes-or-no question, shown in [ ]. Either language's
# words are understood as answers (ja, j, yes, y; nej, n, no).
new-ask-yes = yes
new-ask-no = no
new-ask-yes-or-no = Answer yes or no.
# The questions could not go on; `reason` is new-ask-input-ended or why
# the terminal could not be read.
new-ask-stopped = `dokgen new` stopped: { $reason }
new-ask-input-ended = no answer (the input ended)

## Answers that do not make a cooperation (from the questions, the options
## or an answers file).

new-too-few-members = a binding cooperation has at least two members
new-too-few-members-hint = name the member municipalities: `--member Ærø --member Svendborg`
new-member-no-letters = the member `{ $member }` has no letters
new-member-twice = the member `{ $member }` is named twice
# An area names a municipality (to carry it out, on whose behalf, or
# keeping the competence) that is not a member.
new-area-not-a-member = the area `{ $area }`: `{ $member }` is not a member
# `members` are the members' names in backticks, separated by commas.
new-members-are = the members are { $members }
new-area-no-letters = the area `{ $area }` has no letters
new-area-twice = the area `{ $area }` is named twice
new-no-areas = the cooperation has no task areas
new-no-areas-hint = name each area and who carries it out: `--area "natur og miljø=Svendborg"`
new-leaving-unknown = the area `{ $area }` to leave is not an area of the cooperation
# `areas` are the areas' names in backticks, separated by commas.
new-areas-are = the areas are { $areas }
new-start-not-after-date = the areas would leave on { $start }, not after the application's date { $date }
new-start-not-after-date-hint = an application asks for a change from a later date
new-dir-occupied = `{ $dir }` exists and is not an empty folder
new-dir-occupied-hint = give a new folder's name: `dokgen new aeroe-svendborg`; inside a project, `dokgen new application` adds an application

## The options of `dokgen new`.

# The value of `--area` has no `=`.
new-option-area-no-member = it names no member that carries the area out; write the area, `=` and the member: `--area "natur og miljø=Svendborg"`, or `=Svendborg for Ærø` on some members' behalf
# The value of `--competence` has no `=`.
new-option-competence-no-member = it names no member; write the area, `=` and the member that keeps the competence: `--competence "natur og miljø=Ærø"`
new-option-competence-unknown-area = `--competence { $area }={ $member }`: `{ $area }` is not one of the --area options
new-no-terminal = no answers: `dokgen new` asks on a terminal, and this is none
new-no-terminal-hint = give them as options (`--member Ærø --member Svendborg --area "natur og miljø=Svendborg for Ærø"`), or in a file with --answers
new-ask-addition-date = Its date (YYYY-MM-DD); it goes into the file names and the id
new-addition-no-date = no date for { $what }: its date goes into the file names and the id
new-addition-no-date-hint = give it with --date YYYY-MM-DD

## `dokgen new application|meeting|document` inside a project.

# `files` are the files' paths in backticks, separated by commas.
new-add-taken = { $count ->
    [one] the file { $files } exists
   *[other] the files { $files } exist
} already: nothing is written
new-add-taken-hint = give another id with --id
# A hint under the error that stops the new document: its template needs
# facts the project lacks.
new-add-template-needs = the template needs what the project does not have yet; nothing was added
# A hint under the error a document made before would now have; `file` is
# its declaration.
new-add-would-break = { $file } was made before, and would not be with what was to be added; nothing was added

## What was written, and what to do next.

# After `dokgen new application|meeting|document`.
new-added-next = Next: fill in what stands in [indsæt …] (`dokgen check` lists it); the new document is a draft until you remove its `draft: true`.
# After a new project; `dir` is its folder.
new-created-next = Next: `dokgen build { $dir }` makes the draft application; `dokgen check { $dir }` lists what is left to fill in ({ $dir }/README.md says more).
