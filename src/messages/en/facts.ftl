## facts: reading the fact files of content/ and checking them.
## A problem in the facts is shown as "<path of the fact>: <message>", the
## path as the YAML writes it (`meetings[1].absent[0]`).

# A problem at a fact: its path in the facts, then what is wrong.
facts-at = { $path }: { $message }

## Lists built of parts: "a, b or c", "a, b and c".


## Reading the fact files (load.rs).

# A folder below content/ that cannot be listed.
facts-folder-unreadable = cannot read the folder: { $reason }
# The reason when a symbolic link in content/ leads back to a folder above it.
facts-folder-loop = a symbolic link in it leads back to a folder above it
facts-folder-hint = a project needs a content/ folder with the facts as YAML files
# `municipalities.ishoej` given by two fact files.
facts-defined-twice = `{ $path }` is defined twice
facts-defined-twice-hint = it is also defined in { $file }; keep one of them
# A section such as `cooperation` given by two fact files.
facts-section-twice = the section `{ $section }` is given twice
facts-section-twice-hint = it is also given in { $file }; a project has one `{ $section }`
facts-prose-outside = the prose file `{ $path }` is outside content/
facts-prose-outside-hint = prose paths are relative to content/ and may not use `..` or start with `/`
# The reason comes from the door that reads files ("it does not exist").
facts-prose-not-read = the prose file `content/{ $path }` is not read: { $reason }
facts-prose-relative-hint = prose paths are relative to content/

## Unknown references and ids.

# A reference to an id the facts do not define, by what it names.
facts-unknown-municipality = unknown municipality `{ $id }`
facts-unknown-member = unknown member of the cooperation `{ $id }`
facts-unknown-applicant = unknown applicant `{ $id }`
facts-unknown-area = unknown area `{ $id }`
facts-unknown-own-area = unknown area of this application `{ $id }`
facts-unknown-meeting = unknown meeting `{ $id }`
facts-unknown-application = unknown application `{ $id }`
facts-unknown-near-hint = did you mean `{ $near }`? (known: { $known })
facts-unknown-known-hint = known: { $known }
facts-unknown-none-hint = none are defined
facts-did-you-mean = did you mean `{ $near }`?
facts-invalid-id = `{ $id }` is not a valid id
facts-invalid-id-hint = ids use a-z, 0-9, - and _ and start with a letter, e.g. `{ $example }`; the Danish name goes in `name:`
facts-id-twice = the id `{ $id }` is used twice
# `other` is the path of the entry with the same id: `meetings[0]`.
facts-id-twice-hint = { $other } has the same id; give each its own

## Municipalities, their population and officials.

facts-population-not-positive = { $value } inhabitants is not a population
facts-population-not-positive-hint = a population figure is a whole number above zero
# A population figure or a size rule above ten million.
facts-population-implausible = { $value } inhabitants is more than Denmark has
facts-population-implausible-hint = write the number of inhabitants with digits only, e.g. 22988; Denmark has about six million
facts-figure-without-source = the figure has no source
facts-figure-without-source-hint = say where the figure comes from, e.g. `Danmarks Statistik, FOLK1A`
facts-figure-year-twice = a second figure for { $year }
# `other` is the path of the other figure: `municipalities.ishoej.population[2]`.
facts-figure-year-twice-hint = { $other } is also from { $year }; keep one figure per year
facts-figures-out-of-order = the figures are not in date order: { $date } comes after { $previous }
facts-figures-out-of-order-hint = list the figures oldest first
facts-office-nobody = nobody holds the office
facts-office-nobody-hint = give the person: `{"{"} name: …, title: … {"}"}`
facts-term-reversed = the term ends ({ $until }) before it begins ({ $from })
facts-term-reversed-hint = `from` is the first day in office, `until` the last
# Two persons in one office, `before` listed first, without dates that part their terms.
facts-terms-undated = { $before } and { $after } may both hold the office at once
facts-terms-undated-hint = with more than one person, give each term's dates: `until:` on the earlier, `from:` on the later
facts-terms-overlap = the term begins on { $began }, before { $before }'s ends ({ $ended })
facts-terms-overlap-hint = list the terms oldest first, without overlap
# The offices, as a message names them: "has no chief executive in office".
facts-office-mayor = mayor
facts-office-chief-executive = chief executive
facts-author-unknown = `{ $id }` is not a municipality of the facts
facts-municipalities-are = the municipalities are { $known }

## Files the facts name: a logo, an annex.

# `kinds` is a list such as ".svg, .png, .jpg or .jpeg".
facts-logo-kind = `{ $file }` is not a file of a kind a logo can be
facts-logo-kind-hint = give the logo as a { $kinds } file inside the project
facts-logo-outside = `{ $file }` is outside the project
facts-logo-outside-hint = logo paths are relative to the project folder, e.g. `bilag/{ $name }`
# The reason comes from the door that reads files ("it does not exist").
facts-logo-not-read = the logo `{ $file }` is not read: { $reason }
facts-logo-relative-hint = logo paths are relative to the project folder (the one with dokgen.yaml)
facts-annex-kind = `{ $file }` is not a file of a kind an annex can be
facts-annex-kind-hint = give the annex as a { $kinds } file inside the project
facts-annex-outside = `{ $file }` is outside the project
facts-annex-outside-hint = annex paths are relative to the project folder, e.g. `bilag/{ $name }`
facts-annex-not-read = the annex `{ $file }` is not read: { $reason }
facts-annex-relative-hint = annex paths are relative to the project folder (the one with dokgen.yaml)
# The reason comes from the PDF reader.
facts-annex-not-a-pdf = `{ $file }` cannot be read as a PDF: { $reason }
facts-annex-not-a-pdf-hint = export the annex again as PDF, or give it as a PNG or SVG image
facts-annex-no-ministry-decision = the application `{ $id }` has no ministry decision to annex
facts-annex-no-ministry-decision-hint = add `ministry_decision: {"{"} date: …, case_number: "…", outcome: granted {"}"}` to applications.{ $id }
facts-annex-several = the annex is more than one of an extract (`minutes`), a meeting's minutes (`meeting`), a decision (`decision`) and a document of the project (`document`)
facts-annex-several-hint = give each its own annex
facts-annex-unknown-document = the annex names the document `{ $name }`, which the project does not have
facts-annex-unknown-document-hint = name a document by its output name: { $known }
facts-annex-looks-like-document = the annex “{ $title }” looks like the document `{ $document }` (“{ $document_title }” of { $date }) but does not name it
facts-annex-looks-like-document-hint = write `document: { $document }` instead of the title, and the annex is titled with the document's own title and date
facts-annex-untitled = the annex has no title
facts-annex-untitled-hint = give it a `title:`, or name what it is: `minutes: {"{"} meeting: <id>, item: <number> {"}"}` (an extract), `meeting: <id>` (a meeting's minutes) `decision: <application id>` (the ministry's decision) or `document: <output>` (a document of the project)
facts-annex-title-undated = the annex title `{ $title }` refers to a meeting or a decision but not to its date
facts-annex-title-undated-hint = name the meeting (`meeting: <id>`) or the decision (`decision: <application id>`) instead of the title, and dokgen words the title with its date; or write the date into the title

## Rules and the strategy.

facts-range-reversed = min { $min } is above max { $max }
facts-range-reversed-hint = the range is `{"{"} min: …, max: … {"}"}` with min ≤ max
facts-line-number = line number { $number } where { $expected } was expected
facts-line-number-hint = number the strategic lines 1, 2, … in order

## Meetings, their items and the people at them.

facts-time-invalid = `{ $time }` is not a time of day
facts-time-invalid-hint = write the time as HH:MM in quotes, e.g. `time: "17:30"`; it is printed as kl. 17.30
facts-secretariat-without-papers = `{ $id }` has no `meeting_papers`, so its items have no headings
facts-secretariat-without-papers-hint = give municipalities.{ $id }.meeting_papers.headings: a list of `{"{"} part: presentation, title: Sagsfremstilling {"}"}`
facts-meeting-without-secretariat = the meeting has items but no secretariat
facts-meeting-without-secretariat-hint = add `secretariat: <municipality id>`: its headings and their order are used for the items
facts-item-recommends-nothing = the item recommends nothing
facts-item-recommends-nothing-hint = give one "at"-clause per decision, without the "at": `- styregruppen godkender strategien`
facts-clause-with-at = the clause begins with "at", which the template adds
facts-clause-with-at-hint = write the clause without its leading "at"
facts-heading-twice = this part has a heading already
facts-heading-twice-hint = give each part one heading
facts-heading-with-meeting = only the decision's heading can name the meeting
facts-heading-with-meeting-hint = remove `with_meeting` here
facts-heading-missing = no heading for `{ $part }`
facts-heading-missing-hint = every item has a recommendation (Indstilling) and a decision (Beslutning); give both a heading
facts-email-invalid = `{ $email }` is not an e-mail address
facts-email-invalid-hint = write it as name@domain.dk
facts-not-a-person = `{ $name }` is not a person's name
facts-absentee-not-a-person-hint = the minutes name each absentee: give the full name
facts-absentee-not-a-member = `{ $name }` is not among the meeting's members
facts-absentee-no-members-hint = name the members in `members:` first; an absentee is one of them
# `names` are the members' names as the facts give them.
facts-absentee-names-hint = write the name as `members` gives it: { $names }
facts-attendee-not-a-person-hint = papers name people: give each member's full name ("Ole Bjørstorp"), with `party:` or `role:`; an official can be named by `official:` and `municipality:`
# A person at a meeting, or a letter's contact, given both ways or neither.
# `who` is facts-who-*, `occasion` facts-occasion-*, `instead` facts-instead-*.
facts-name-and-official = { $who } has both a name and an official
facts-name-and-official-hint = keep `name:` (a person) or `official:` (mayor or chief_executive), not both
facts-neither-name-nor-official = { $who } is given neither a name nor an official
facts-neither-name-nor-official-hint = give the person's `name:`, or `official: chief_executive` (or mayor) with `municipality:` for the municipality's official on { $occasion } date
facts-official-without-municipality = the official has no municipality
facts-official-without-municipality-hint = add `municipality: <id>`: whose official it is
# "Vallensbæk Kommune has no chief executive in office on 2017-06-19, the meeting's date".
facts-official-not-in-office = { $municipality } has no { $office } in office on { $date }, { $occasion } date
facts-official-not-in-office-hint = add the holder of the office to municipalities.{ $id }.officials, or { $instead }
facts-who-person = the person
facts-who-contact = the contact
facts-occasion-meeting = the meeting's
facts-occasion-letter = the letter's
facts-instead-person = give the person's `name:`
facts-instead-contact = name the contact with `name:` and `title:`
facts-item-missing = the meeting `{ $meeting }` has no item { $number }
facts-item-numbers-one = its one item is numbered { $first }
facts-item-numbers-one-after-standard = its one item is numbered { $first } (the standard items before it are numbered first)
facts-item-numbers-range = its items are numbered { $first }–{ $last }
facts-item-numbers-range-after-standard = its items are numbered { $first }–{ $last } (the standard items before them are numbered first)
facts-item-without-decision = item { $number } of `{ $meeting }` records no decision
facts-item-without-decision-hint = give the item its `decision:` ("Godkendt."): what the council decided is cited and extracted from it

## A final letter's contact.

facts-contact-is-an-office = the final letter's contact `{ $name }` is an office, not a person
facts-contact-is-an-office-hint = name the person (`name:` and `title:`) or the official (`official: chief_executive`); the office goes in `unit:`
facts-contact-without-title = the final letter's contact { $name } has no title
facts-contact-without-title-hint = add the person's `title:` ("Chefkonsulent")
facts-contact-unreachable = the final letter's contact has neither a telephone number nor an e-mail address
facts-contact-unreachable-hint = add `phone:` ("43 57 75 75") or `email:`, or both; or mark the letter `draft: true` until one is known

## The law and the applications.

facts-act-number-zero = an act is numbered from 1
facts-act-number-zero-hint = write the number of the act: `act: {"{"} number: 541, date: 2005-06-24 {"}"}`
facts-consolidated-number-zero = a consolidated act is numbered from 1
facts-consolidated-number-zero-hint = write its number: `consolidated: {"{"} number: 789, date: 2024-06-24 {"}"}`
facts-section-invalid = `{ $section }` is not a section of a law
facts-section-invalid-hint = write the section without § and the subsection apart: `{"{"} section: "11 a", subsection: 2 {"}"}`; the `paragraf` filter prints "§ 11 a, stk. 2"
facts-subsection-zero = a subsection counts from 1
facts-number-zero = a number counts from 1
facts-provision-zero-hint = stk. 1 is the first subsection, nr. 1 the first number
facts-application-without-areas = the application names no areas
facts-application-without-areas-hint = list the areas it asks to leave the cooperation, by id
facts-application-unsigned = nobody signs the application
facts-application-unsigned-hint = list the municipalities whose mayor and chief executive sign, e.g. `[ishoej, vallensbaek]`
facts-provision-unknown-order = the provision is in the executive order `{ $order }`, which `law.orders` does not have
facts-provision-unknown-order-hint = add it to the law's facts: `orders: {"{"} { $order }: {"{"} number: 656, date: 2005-06-29 {"}"} {"}"}`
facts-council-other-name = “{ $body }”: { $municipality } calls its council { $council }
facts-council-other-name-hint = write “{ $body }”, or set `council:` of municipalities.{ $id } if the municipality calls it otherwise
facts-decision-in-place-not-annexed = { $municipality }'s decision stands in place of its signature, but the application does not enclose it as an extract of the minutes
facts-decision-in-place-not-annexed-hint = add `- minutes: {"{"} meeting: { $meeting }, item: { $item } {"}"}` to the application's annexes
facts-decision-in-place-no-meeting-hint = only a decision at a meeting in the facts (`meeting` and `item`) can be enclosed as an extract
facts-addressee-unknown = the application names no ministry, and dokgen's table of ministries does not know the one responsible for the law on { $date }
facts-addressee-unknown-hint = the table runs from { $first } to { $last }; give the ministry as `addressee: {"{"} name: …, address: [ …, … ] {"}"}`
facts-addressee-wrong = the application is addressed to { $given }, but on { $date } the law on binding cooperation was under { $right }
facts-addressee-wrong-hint = leave `addressee` out and dokgen names { $right } with its address (source: { $source }), or give the right name
facts-minister-wrong = “{ $said }” on { $date }: the minister responsible for the law was { $right }
facts-minister-wrong-hint = write {"{{"} ministry.minister {"}}"}, which is always the title on the document's date (source: { $source })
facts-start-not-after-date = the areas would leave on { $start }, not after the application's date { $date }
facts-start-not-after-date-hint = an application asks the minister for a change from a later date: give `start` after `date`
facts-ministry-decision-early = the ministry decided on { $decided } but the application is dated { $date }
facts-ministry-decision-early-hint = the decision comes after the application: check both dates
facts-applicant-not-concerned = `{ $applicant }` is not concerned by the application's areas
# `concerned` is a list of ids: `ishoej`, `vallensbaek`.
facts-applicant-not-concerned-hint = its areas are carried out by and for { $concerned }; remove `{ $applicant }`, or add an area it takes part in
# `areas` are the areas' names: "beskæftigelse and det sociale område".
facts-concerned-not-applying = `{ $member }` takes part in { $areas } but does not apply
facts-concerned-not-applying-hint = the minister acts on application from the councils concerned: add `{ $member }` to the applicants
facts-signatory-not-in-office = { $municipality } has no { $office } in office on { $date }, the application's date
facts-signatory-no-holder-hint = no holder of the office is known; add the holder of the office to municipalities.{ $id }.officials
# `terms` are the holders with their terms: "Lars Hansen –2018-06-30, Anette J. Laustsen 2018-10-01–".
facts-signatory-terms-hint = the terms known are { $terms }; add the holder of the office to municipalities.{ $id }.officials
facts-decision-twice = `{ $municipality }` has a decision already
facts-decision-twice-hint = each council's decision to apply is given once
facts-decision-without-item = the decision names a meeting but not its item
facts-decision-without-item-hint = add `item: <the item's number on the agenda>`
facts-decision-meeting-and-body = the decision names a meeting and also a body or date
facts-decision-meeting-and-body-hint = a meeting in the facts has its body and date; give either `meeting` and `item`, or `body` and `date`
facts-decision-nowhere = the decision says neither where nor when
facts-decision-nowhere-hint = give `meeting` and `item` for a meeting in the facts, or `body` ("Kommunalbestyrelsen i Tårnby Kommune") and `date`
facts-decision-after-application = the council decided on { $decided }, after the application's date { $date }
facts-decision-after-application-hint = an application is sent once the councils have decided to apply
facts-phase-missing = the application has no phase, but others have
facts-phase-missing-hint = give every application its `phase: 1, 2, …`, or none (then they are taken by date)
facts-phase-twice = phase { $phase } is also the phase of `{ $other }`
facts-phase-twice-hint = each application has its own phase: 1, 2, …
facts-phase-gap = phase { $phase } where phase { $expected } was expected
facts-phase-gap-hint = number the phases 1, 2, … in the order the applications are sent
facts-first-phase-areas = the first application holds { $count ->
    [one] 1 area
   *[other] { $count } areas
}, but { $min }–{ $max } are allowed
facts-first-phase-areas-hint = move areas to a later application, or change or remove `rules.first_phase_areas`
facts-area-in-two-applications = the area `{ $area }` is in two applications: `{ $first }` and `{ $second }`
facts-area-in-two-applications-hint = an area leaves the cooperation once; remove it from one of them
facts-area-in-no-application = the area `{ $area }` is in no application
# `applications` is a list of ids: `ansoegning-1`, `ansoegning-2`.
facts-area-in-no-application-hint = the cooperation `ends`, so every area leaves it in one application: add it to { $count ->
    [one] { $applications }
   *[other] one of { $applications }
}, or remove `ends: true` to keep it in the cooperation

## The settlement of services (BUM).

facts-settlement-no-years = no years to settle
facts-settlement-no-years-hint = list the years, e.g. `years: [2018, 2019]`
facts-settlement-year-twice = { $year } is listed twice
facts-settlement-year-twice-hint = list each year once
facts-not-an-orderer = `{ $orderer }` is not one of the orderers
facts-not-an-orderer-hint = the orderers are { $orderers }; add `{ $orderer }` to settlement.orderers or remove its volumes
# `unit` is the service's unit as the facts name it: "forløb".
facts-volume-negative = { $volume } { $unit } is not a volume
facts-volume-negative-hint = a volume is a whole number of units, 0 or more
facts-volume-year-not-settled = { $year } is not one of the years settled
facts-volume-year-not-settled-hint = add the year to settlement.years, or remove this volume
facts-volume-missing = no volume for `{ $orderer }` in { $year }
facts-volume-missing-hint = give every orderer's volume for every year, 0 if it orders none: `{ $orderer }: {"{"} { $year }: 0 {"}"}`
# `bound` is written the Danish way: "100.000.000.000".
facts-unit-cost-too-large = the unit's cost price comes to more than { $bound } kr.
facts-unit-cost-too-large-hint = check the amount: whole kroner, without øre or thousands points
facts-amount-too-large = the price times this volume comes to more than { $bound } kr.
facts-amount-too-large-hint = check the volume and the service's cost price
facts-kroner-negative = { $value } kr. is negative
facts-kroner-negative-hint = an amount of kroner is 0 or more
facts-no-units = { $units } units a year cannot price a unit
facts-no-units-hint = give how many { $unit } one full-time equivalent delivers a year, 1 or more

## Advice: warnings of `dokgen check`.

# An agenda item whose text names an amount of money, without an Økonomi section.
facts-amount-without-finances = the item "{ $title }" names an amount ({ $amount }) but has no Økonomi section
facts-amount-without-finances-hint = add `finances: <prose file>`: what it costs, and where the money comes from

# What a `mayor:` or `officials:` entry must be, in "this must be …, not …".
facts-wanted-terms = a person (`name`, `title`) or a list of persons with their terms

## Attendance: who was away, stood in, came late or left early, or had a
## conflict of interest in an item.

facts-absent-twice = `{ $name }` is given both as absent with apologies (`absent`) and without (`absent_without_notice`)
facts-absent-twice-hint = keep the name in one of the two lists
# A substitute (`substitutes[k].instead_of`) for a member who took part.
facts-substitute-for-present = `{ $name }` stands in for `{ $member }`, who is not absent
facts-substitute-for-present-hint = a substitute stands in for a member named in `absent` or `absent_without_notice`: add the member there, or correct `instead_of`
facts-partly-but-absent = `{ $name }` is given as absent from the whole meeting, and as taking part in some items
facts-partly-but-absent-hint = a member who came late or left early took part: remove the name from `absent` or `absent_without_notice`
facts-partly-no-such-item = the meeting has no item { $number }: its agenda has { $count ->
    [one] 1 item
   *[other] { $count } items
}
facts-partly-items-hint = give the first item the member took part in as `from_item` and the last as `until_item`, by the numbers the agenda prints
facts-partly-nothing = `{ $name }` is given as taking part in some items, but neither `from_item` nor `until_item` says which
facts-partly-reversed = `until_item` ({ $until }) comes before `from_item` ({ $from })
# A member with a conflict of interest in an item that the member was not at anyway.
facts-conflicted-not-there = `{ $name }` has a conflict of interest in item { $number }, but did not take part in it anyway
facts-conflicted-not-there-hint = a conflict of interest is entered for a member who was at the meeting when the item was dealt with; otherwise leave it out

## Votes and dissents on an item.

facts-vote-twice = `{ $name }` is on two sides of the vote
facts-vote-twice-hint = each member or party votes once: for, against or abstaining
# A member (or a party with no member) on a side of the vote who did not take part in the item.
facts-vote-not-there = `{ $name }` votes on item { $number }, but did not take part in it
facts-vote-party-not-there = `{ $party }` votes on item { $number }, but none of its members took part in it
facts-vote-not-there-hint = a member who is absent, was away for the item or had a conflict of interest in it does not vote: see `absent`, `partly` and the item's `conflicted`
facts-vote-unknown = `{ $name }` is neither a member of the meeting nor one of its parties
facts-vote-known-hint = the members and parties: { $known }
facts-vote-no-counts = the vote gives no counts, and the facts do not list the meeting's members to count them from
facts-vote-no-counts-hint = add `counts: {"{"} for: 17, against: 2, abstaining: 1 {"}"}` to the vote, or list the members in `members:`
facts-dissent-not-there = `{ $name }` has a dissent entered on item { $number }, but did not take part in it
facts-dissent-voted-for = `{ $name }` has a dissent entered, but voted for the decision
facts-dissent-voted-for-hint = a dissent is entered for a member in the minority: one who voted against or abstained (an abstainer's dissent concerns the procedure only)

## The minutes as a protocol: when the meeting ended, and who signs.

facts-meeting-ends-before-it-begins = the meeting ends at { $ended }, before it begins at { $start }
facts-meeting-ends-before-it-begins-hint = write when the meeting ended (`ended`) and began (`time`) as `HH:MM`, on the same day
# The chair (`chair`), who signs the minutes, is given as absent.
facts-signatory-not-there = `{ $name }` chairs the meeting and signs its minutes, but is given as absent from it
facts-signatory-not-there-hint = the one who signs the protocol vouches for having been there: name the member who chaired the meeting in `chair`
facts-signing-without-chair = the minutes are signed by the chair and the secretary, but the facts name no `chair` or no `minute_taker`
facts-signing-without-chair-hint = name the chair (`chair:`, a member's name) and the one who took the minutes (`minute_taker:`), or sign by every member (`signing: all`)

## The legal basis for closing an item, by the kind of body.

# A steering group or a committee citing kommunestyrelseslovens § 10 (the council's closed doors).
facts-closed-under-section-10 = `{ $body }` does not meet in public, so it does not close an item under kommunestyrelseslovens § 10: only the council's meetings are public
facts-closed-under-section-10-hint = give the ground for withholding the item from the published papers under offentlighedsloven alone, e.g. `basis: offentlighedslovens § 30, nr. 2`; if the body is the council, say so with `body_kind: council`

## The paper trail over time: supplementary items, corrections, published protocols.
facts-item-after-supplementary = this item comes after a supplementary item, but it was on the agenda when it went out
facts-item-after-supplementary-hint = items added after the agenda went out (`supplementary`) come last, numbered on from the agenda: move this item before them
facts-supplementary-without-reason = the supplementary item "{ $title }" does not say why it cannot wait
facts-supplementary-without-reason-hint = kommunestyrelseslovens § 8, stk. 4: an item added after the agenda went out says why the case cannot wait for the next meeting; add `reason:` to `supplementary`
facts-supplementary-after-meeting = the supplementary agenda went out on { $sent }, after the meeting of { $date }
facts-supplementary-after-meeting-hint = an item decided at the meeting was added by its date at the latest: check `sent`
facts-supplementary-before-agenda = the supplementary agenda went out on { $sent }, before the agenda itself ({ $agenda })
facts-supplementary-before-agenda-hint = an item that was there when the agenda went out is an ordinary item: remove `supplementary`, or check the dates
facts-sent-after-meeting = the papers went out on { $sent }, after the meeting of { $date }
facts-sent-after-meeting-hint = check the date: papers for a meeting go out before it
facts-published-before-meeting = the protocol is published on { $published }, before the meeting of { $date }
facts-published-before-meeting-hint = `published` is the date the minutes were approved and published, on or after the meeting
facts-correction-unknown-item = the correction names item { $number }, which the meeting does not have
facts-correction-unknown-item-hint = the numbers the agenda prints: { $numbers }; leave `item` out for a correction of the protocol as a whole
facts-correction-too-early = the correction is dated { $date }, but can be added on { $earliest } at the earliest
facts-correction-too-early-hint = a correction is added to the protocol after the meeting, and after its publication where it is published
facts-published-item-gone = item { $number } ("{ $title }") of the protocol published on { $published } is no longer among the meeting's items
facts-published-item-gone-hint = a published protocol is not changed: restore the item, and enter what must be corrected under the meeting's `corrections` (the record is { $file })
facts-published-protocol-changed = item { $number }: its `{ $field }` differs from the protocol published on { $published }
facts-published-decision-was = the published protocol says: { $decision }
facts-published-protocol-changed-hint = a published protocol is corrected only by addition: restore what it said, and enter the correction, with its date, under the meeting's `corrections` (the record is { $file })
facts-protocol-record-comment = The protocol of the meeting { $meeting } as it was published on { $published }.
    Made by dokgen build; keep it with the facts and do not edit it.
    A published protocol is corrected only by addition: enter a correction under the meeting's `corrections`.
facts-agenda-late = the agenda went out on { $sent }, { $weekdays ->
        [one] 1 weekday
       *[other] { $weekdays } weekdays
    } before the meeting of { $date }; kommunestyrelseslovens § 8, stk. 4, asks for { $required } weekdays (by { $latest })
facts-material-late = the material went out on { $sent }, { $weekdays ->
        [one] 1 weekday
       *[other] { $weekdays } weekdays
    } before the meeting of { $date }; kommunestyrelseslovens § 8, stk. 4, asks for { $required } weekdays (by { $latest })
facts-late-hint = weekdays are Monday to Friday, without public holidays, Constitution Day, Christmas Eve and New Year's Eve; the deadline holds "as far as possible", so say in the agenda why a case could not wait
facts-published-date-differs = the protocol was recorded as published on { $recorded } ({ $file })
facts-published-date-differs-hint = a protocol is published once: `published` is the date of its record
facts-published-attendance-changed = `{ $field }` differs from the attendance in the protocol published on { $published }
facts-published-item-added = item { $number } was not in the protocol published on { $published }
facts-published-item-added-hint = a published protocol takes no new items: enter what must be added as a correction under `corrections`, or put the item on a later meeting
facts-published-correction-gone = the correction of { $date } was added to the published protocol and cannot be taken out again
facts-published-correction-gone-hint = put it back as it was; a later correction can say that it was wrong (the record is { $file })
facts-protocol-record-orphan = this record of a published protocol names the meeting `{ $id }`, which the facts do not have
facts-protocol-record-orphan-hint = a meeting whose protocol is published keeps its id: give it its id back (the record's file name)
facts-protocol-record-misnamed = this file holds the record of the meeting `{ $meeting }`, not of the meeting its name gives
facts-protocol-record-misnamed-hint = a record is named by its meeting's id and written by dokgen build; do not rename or edit it
facts-published-id-too-long = the id has { $length } characters, but the id of a meeting whose protocol is published has at most { $most }
facts-published-id-too-long-hint = the record of the protocol is a file named by the id: give the meeting a shorter id
