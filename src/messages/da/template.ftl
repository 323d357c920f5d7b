## template: skabeloner og prosa, som Tera gør dem til et dokuments
## Typst-kilde, de værdier, de ser, pladsholdere, prosaens Markdown og
## `dokgen explain`.

## At indlæse og udfylde skabeloner og prosa.

# En skabelon eller prosafil indeholder et af de tegn, dokgen markerer linjer med.
template-marker-character = et kontroltegn (U+0001 eller U+0002) i en skabelon
template-marker-character-hint = slet det: dokgen bruger disse tegn til at finde skabelonernes linjer
# En løkke i en skabelon lavede mere tekst, end et dokument må have.
template-output-too-large = skabelonen lavede mere end { $megabytes } MB tekst og blev stoppet
template-output-too-large-hint = skriver en løkke eller en komponent, der kalder sig selv, uden ende?
# En `{{ … }}` udskrev en tom værdi; $expression er det, der står i den.
template-hole = `{ $expression }` udskriver ingenting her: værdien er tom
template-hole-unnamed = en værdi udskriver ingenting her: den er tom
template-hole-unplaced = en værdi udskriver ingenting her
template-hole-hint = et dokument laves ikke med et hul i: sæt sætningen i `{"{%"} if … {"%}"}…{"{%"} endif {"%}"}`, hvor værdien kan være tom, eller angiv, hvad der skal stå i stedet, `{"{{"} … | eller(tekst="…") {"}}"}`
# Råd under en `{% include "…" %}` af en skabelon, der ikke findes.
template-include-hint = `include` tager en af projektets skabeloner ved dens navn under templates/, fx `{"{%"} include "partials/punkt.typ.tera" {"%}"}`; ingen anden fil kan tages med
# En skabelon nævner en værdi, der ikke findes ($value er stien, som den er skrevet).
template-not-defined = `{ $value }` findes ikke her
template-latest-hint = `latest` er en kommunes nyeste befolkningstal på eller før dokumentets dato: et dokument, der er dateret før kommunens første tal, har intet (tjek dokumentets `date`, eller angiv et tidligere tal)
template-did-you-mean = mente du `{ $name }`?
# $has er den del af stien, der har en værdi, $lacks det navn, den ikke har, $names det, den har.
template-has-no = `{ $has }` har ingen `{ $lacks }`; den har { $names }
template-list-has-no = `{ $has }` har intet element `{ $lacks }`; den har elementerne 0 til { $last }
# En skabelon placerer et felt, som fakta udelader (eller et felt, der er stavet forkert).
template-no-value = `{ $expression }` har ingen værdi her: fakta angiver den ikke, eller feltet findes ikke
template-fields-here = de felter, der har en værdi her: { $fields }
template-areas-hint = kun et dokuments egen `application` kender de andre ansøgningers områder (`later_areas`, `earlier_areas`, `current_areas`); en ansøgning fra `applications` eller `application_by_id` har sine egne `areas`
template-check-name-hint = tjek navnet mod faktafilerne; hver værdi, en skabelon bruger, skal findes

## Hvorfor en værdi ikke udskriver noget: vises under "udskriver ingenting her".

template-empty-later-areas = `later_areas` er områderne i ansøgningerne efter denne: den er tom i den sidste ansøgning
template-empty-earlier-areas = `earlier_areas` er områderne i ansøgningerne før denne: den er tom i den første ansøgning
template-empty-current-areas = `current_areas` er de områder, der stadig er i samarbejdet, når ansøgningen laves
template-empty-known = `known` er de tal, der er dateret på eller før dokumentets dato: den er tom, hvis de alle er senere
template-empty-requests = `requests` er en ansøgnings principale og subsidiære anmodninger, hvis den har nogen
template-empty-annexes = `annexes` er bilagene, hvis der er nogen
template-empty-absent = `absent` er dem, der har meldt afbud, hvis nogen har
template-empty-members = `members` er dem, der er indkaldt til mødet, hvis fakta nævner dem
template-empty-left-out = fakta angiver ikke denne værdi

## dokgens filtre og funktioner, når en skabelon bruger dem forkert.

template-range-step-zero = `range` blev kaldt med `step_by=0`
template-range-over-budget = `range` ville lave { $count } tal mere og dermed komme over de { $budget }, en tekst højst må bruge i alt: løkker, der kører så mange gange, bliver ikke færdige i tide
template-dato-form = `dato` kender formerne "lang", "kort", "ugedag" og "bindestreg", ikke "{ $form }"
template-paragraf-section = `paragraf` tager en bestemmelse med en `section`: `law.dispensation | paragraf`
template-paragraf-not-number = `paragraf`: `{ $name }` er ikke et tal
template-nr-act = `nr` tager en lov med `number` og `date`: `law.act | nr`
template-kl-time = `kl` tager et klokkeslæt som "17:30", ikke "{ $time }"
template-liste-no-field = `liste`: et element har ingen `{ $field }`
template-liste-empty-item = `liste`: element { $number } i listen er tomt
template-liste-empty-field = `liste`: element { $number } i listen har en tom `{ $field }`
template-eller-needs-text = `eller` skal vide, hvad der skal stå i stedet: `eller(tekst="…")`
template-no-safe = dokgen har ingen `safe`: en værdi, der udskrives ubeskyttet, ville blive kørt som Typst-kode; skriv den ind i Typst med `typst_str` eller `typst`
template-no-prose-file = der er ingen prosafil `{ $path }` indlæst til dette dokument
template-date-expected = "{ $text }" er ikke en dato skrevet som ÅÅÅÅ-MM-DD, fx 2017-05-17
template-typst-not-finite = `typst` kan ikke skrive et tal, der ikke er endeligt
# $kind er et af ordene template-type-….
template-typst-cannot = `typst` kan ikke skrive { $kind }

## Teras egne meddelelser med dokgens ord. Tera læser skabeloner og prosa;
## dette er de fejl, den finder i deres `{{ … }}` og `{% … %}`.

# Det, der stod, eller skulle have stået, hvor Tera fandt en fejl.
template-token-symbol = `{ $symbol }`
template-token-name = et navn
template-token-string = en tekst i anførselstegn
template-token-integer = et helt tal
template-token-float = et decimaltal
template-token-bool = true eller false
template-token-text = tekst
template-token-comment = en kommentar
template-token-field-name = navnet på et felt
# Hvilken slags en værdi er, som meddelelserne nedenfor nævner den ($kind).
template-type-text = en tekst
template-type-whole-number = et helt tal
template-type-number = et tal
template-type-yes-no = en ja/nej-værdi
template-type-list = en liste
template-type-map = en samling af navngivne værdier
template-type-none = ingenting (none)
template-type-undefined = en værdi, der ikke findes
template-type-bytes = rå bytes
template-type-other = en værdi af typen `{ $name }`
# $found og $expected er ord fra template-token-….
template-tera-found-expected = her skulle der stå { $expected }, men der står { $found }
template-tera-expected-value = her mangler en værdi (et navn, et tal, en tekst i anførselstegn, en liste …): der står { $found }, hvor den skulle stå
template-tera-expected-endif = `{"{%"} if … {"%}"}` er ikke afsluttet: her skulle der stå `{"{%"} elif … {"%}"}`, `{"{%"} else {"%}"}` eller `{"{%"} endif {"%}"}`, men der står { $found }
template-tera-minus-number = efter `-` skal der stå et tal, men der står { $found }
template-tera-end-of-input = teksten slutter, før alt er lukket: en `{"{{"} … {"}}"}` eller `{"{%"} … {"%}"}` mangler sin afslutning, eller en `{"{%"} if {"%}"}` eller `{"{%"} for {"%}"}` mangler sin `{"{%"} endif {"%}"}` eller `{"{%"} endfor {"%}"}`
template-tera-unknown-tag = denne `{"{%"} … {"%}"}` kendes ikke her: tjek stavningen, og at en `endif`, `endfor`, `else` eller `elif` hører til en `{"{%"} if {"%}"}` eller `{"{%"} for {"%}"}` før den
template-tera-unexpected-character = dette tegn betyder ikke noget inde i `{"{{"} … {"}}"}` eller `{"{%"} … {"%}"}`
template-tera-bad-number = tallet kan ikke læses (er det for stort?)
template-tera-bad-escape = et `\` i en tekst i anførselstegn må kun stå foran `"`, `'`, `/`, `\`, `n`, `t` eller `r`
template-tera-string-unclosed = teksten, der begynder med `{ $quote }`, mangler sit afsluttende `{ $quote }`
template-tera-comment-unclosed = kommentaren er ikke lukket med `{ $end }`
template-tera-loop-only = `{ $keyword }` kan kun bruges inde i en `{"{%"} for {"%}"}`-løkke
template-tera-reserved = `{ $name }` er et af Teras egne ord og kan ikke bruges som navn på en variabel
template-tera-argument-twice = argumentet `{ $name }` er angivet mere end én gang
template-tera-loop-field = `loop` har ingen `{ $field }`: den har `index`, `index0`, `first`, `last` og `length`
template-tera-end-name = navnet i slutningen, `{ $end }`, er ikke det samme som navnet i begyndelsen, `{ $start }`
template-tera-minus-not = `-` og `not` kan ikke stå lige efter hinanden
template-tera-not-in = `not` kan kun stå her som en del af `not in`
template-tera-call-first = en funktion kan kun kaldes først i en kæde af navne
template-tera-set-syntax = `set` kræver `=` og en værdi: `{"{%"} set navn = værdi {"%}"}`
template-tera-too-deep = udtrykket eller de `{"{%"} … {"%}"}`, der står inden i hinanden, har for mange niveauer
template-tera-block-twice = skabelonen har allerede en blok, der hedder `{ $name }`
template-tera-extends-first = `extends` skal stå først i skabelonen, og der må kun være én
template-tera-child-content = denne tekst ville blive udeladt: en skabelon, der bruger `extends`, må kun indeholde blokke på øverste niveau
template-tera-block-inside = en `block` kan ikke stå inde i en anden `{"{%"} … {"%}"}`
template-tera-unknown-filter = filteret `{ $name }` findes ikke
template-tera-unknown-test = testen `{ $name }` findes ikke
template-tera-unknown-function = funktionen `{ $name }` findes ikke
template-tera-unknown-component = komponenten `{ $name }` findes ikke
template-tera-unknown-template = skabelonen `{ $name }` findes ikke
template-tera-unknown-block = ingen af de skabeloner, denne bygger på, har en blok `{ $name }`
template-tera-missing-parent = `{ $template }` bygger på `{ $parent }`, som ikke findes
# $chain nævner skabelonerne efter hinanden: `a` → `b` → `a`.
template-tera-circular-extend = skabelonen `{ $template }` bygger på sig selv: { $chain }
template-tera-circular-include = skabelonen `{ $template }` tager sig selv med: { $chain }
template-tera-names-here = de navne, der har en værdi her: { $names }
template-tera-variable-no-value = `{ $name }` har ingen værdi her
template-tera-field-undefined = der er intet felt `{ $field }` her
template-tera-print-undefined = den værdi, der udskrives her, findes ikke
template-tera-index-undefined = `[…]` bruges på en værdi, der ikke findes
template-tera-index-expression-undefined = det, der står i `[…]`, har ingen værdi
template-tera-slice-undefined = en del af udsnittet `[…:…]` har ingen værdi
template-tera-divide-by-zero = der divideres med 0
template-tera-not-iterable = `for` kan kun gå igennem en liste eller en samling af navngivne værdier, ikke { $kind }
template-tera-pairs-not-map = `for k, v in …` går kun igennem en samling af navngivne værdier, ikke { $kind }
template-tera-math-not-number = der kan kun regnes med tal, ikke med { $kind }
template-tera-plus-not-numbers = `+` lægger kun tal sammen; her står { $left } og { $right } (sæt tekster sammen med `~`)
template-tera-cannot-compare = { $left } kan ikke sammenlignes med { $right }
template-tera-cannot-sort = listen kan ikke sorteres: den indeholder både { $left } og { $right }
template-tera-wrong-type = værdien er { $got }, men her skal bruges { $expected }
template-tera-missing-argument = argumentet `{ $name }` mangler (`{ $name }=…`)
template-tera-out-of-range = tallet { $value } er for stort eller for lille her
template-tera-index-not-number = et element i en liste vælges med et helt tal, ikke med { $kind }
template-tera-get-no-key = samlingen har ingen `{ $key }`, og der er ikke angivet nogen `default`
template-tera-not-whole-number = "{ $value }" er ikke et helt tal
template-tera-not-number = "{ $value }" er ikke et tal
template-tera-no-length = { $kind } har ingen længde
template-tera-item-lacks-field = element { $number } i listen har ingen `{ $field }`
template-tera-filter-needs-number = dette filter kræver et tal, ikke { $kind }
template-tera-in-not-container = `in` leder i en liste, en tekst eller en samling, ikke i { $kind }

## Et dokuments Typst-kilde, lavet af skabeloner og prosa.

# Råd under en fejl, Typst fandt, når fejlen er flyttet tilbage til skabelonen eller prosaen.
template-typst-from-prose = i den Typst-kode, der er lavet ud fra denne prosa: { $place }
template-typst-from-template = i den Typst-kode, der er lavet ud fra denne skabelon: { $place }
template-typst-generated = { $file } er den Typst-kode, der er lavet til dette dokument; `dokgen build --emit typst` skriver den ved siden af PDF'en
template-prose-empty = prosafilen er tom: dokumentet ville ikke udskrive noget der, hvor den står
template-prose-empty-hint = skriv teksten; mens dokumentet er et udkast, kan en pladsholder som `[indsæt baggrunden]` markere, hvad der mangler
template-prose-line-unknown = linjen kunne ikke findes: de fakta, der er sat ind i prosaen, har flyttet den
# $reason er Teras egne ord.
template-facts-not-passed = fakta kan ikke gives videre til skabelonen: { $reason }

## Pladsholdere ("[indsæt …]", "N.N.", "TODO"), som et dokument udskriver.

template-placeholder-in-draft = `{ $placeholder }` er en pladsholder, ikke en oplysning: udkastet udskriver den
template-placeholder-in-final = `{ $placeholder }` er en pladsholder, ikke en oplysning: et endeligt dokument udskriver den ikke
# $place er fil:linje:kolonne, $line det, der står der.
template-placeholder-stands-in = den står i { $place }: `{ $line }`
template-placeholder-more-places = { $count ->
    [one] dokumentet udskriver den ét sted mere
   *[other] dokumentet udskriver den { $count } steder mere
}
template-placeholder-hint = angiv oplysningen; mens dokumentet bliver skrevet, kan du markere det med `draft: true` i dets dokumentfil: et udkast laves med en advarsel og mærkes UDKAST

## Prosaens Markdown, når den laves om til Typst.

# $problem er sætningen om det tegn, der ikke kan ses.
template-markdown-unseen-reference = { $problem }; det er skrevet her som en tegnreference (`&#x…;`), slet den
template-markdown-too-deep = citater, lister og fremhævelser, der er indlejret mere end { $depth } niveauer, vises uden de dybere niveauer
template-markdown-html = rå HTML vises som tekst og fortolkes ikke
template-markdown-bad-label = `{"{"}#{ $id }{"}"}` kan ikke være et mærke: brug bogstaver, cifre, `-`, `_`, `.` og `:`
template-markdown-footnote-unreferenced = der henvises aldrig til fodnoten `[^{ $label }]`; den sættes der, hvor den er skrevet
template-markdown-link-no-label = linket til `{ $dest }` vises som tekst: ingen overskrift her har mærket `{"{"}#{ $label }{"}"}`
template-markdown-link-scheme = linket til `{ $dest }` vises som tekst: kun links med http, https og mailto er tilladt
template-markdown-image-no-alt = billedet `{ $dest }` har ingen alternativ tekst; skriv mellem de firkantede parenteser, hvad det viser: ![…]({ $dest })
template-markdown-image-remote = billedet `{ $dest }` er ikke en fil i projektet; dokgen henter ikke billeder fra nettet
template-markdown-image-outside = billedet `{ $dest }` ligger uden for projektet
template-markdown-image-no-file = billedet `{ $dest }` kan ikke findes: prosaen kommer ikke fra en fil
template-markdown-image-missing = billedet `{ $dest }` findes ikke (dokgen ledte efter { $path } i forhold til Markdown-filen)

## De værdier, skabeloner ser, som de laves af faktaoplysningerne. `dokgen
## check` melder disse fejl først, med deres linjer; de ses kun, hvis den
## overså en.

template-context-no-mayor = { $municipality } har ingen siddende borgmester den { $date }
template-context-no-chief-executive = { $municipality } har ingen siddende kommunaldirektør den { $date }
template-context-missing-term-hint = kør `dokgen check` for at se, hvilken embedsperiode der mangler
template-context-unknown-municipality = ukendt kommune `{ $id }`
template-context-unknown-area = ukendt område `{ $id }`
template-context-unknown-application = ukendt ansøgning `{ $id }`
template-context-unknown-meeting = ukendt møde `{ $id }`
# $meeting er mødets id.
template-context-unknown-item = ukendt punkt på mødet `{ $meeting }`
template-context-unknown-decision-body = ukendt organ bag beslutningen fra `{ $municipality }`
template-context-unknown-decision-date = ukendt dato for beslutningen fra `{ $municipality }`
template-context-unknown-ministry-decision = ukendt afgørelse fra ministeriet om `{ $id }`
template-context-unknown-secretariat = ukendt sekretariat for mødet `{ $meeting }`
template-context-unknown-paper-style = ukendt opsætning af mødepapirer for `{ $id }`
template-context-broken-reference-hint = kør `dokgen check` for at se, hvilken henvisning der ikke passer
template-context-contact-no-person = kontaktpersonen hos { $municipality } peger ikke på nogen, der har embedet den { $date }
template-context-contact-hint = kør `dokgen check` for at se, hvad kontaktpersonen mangler
template-context-attendee-no-name = en person på et møde den { $date } har intet navn
template-context-attendee-hint = kør `dokgen check` for at se hvem
template-context-settlement-failed = afregningen kan ikke beregnes: en pris eller en mængde for ydelsen `{ $service }` er forkert
template-context-settlement-hint = kør `dokgen check` for at se, hvilken pris eller mængde der er forkert

## `dokgen explain`: det, et dokuments skabelon og prosa kan bruge.

template-explain-no-document = projektet har intet dokument `{ $name }`
template-explain-documents = projektets dokumenter er { $names }
# De første linjer af `dokgen explain <dokument>`.
template-explain-title = Det, { $document } ({ $file }) kan bruge på sin dato, { $date }.
template-explain-marks = {"*"} markerer det, som skabelonen { $template }, delskabelonerne og prosaen bruger.
template-explain-no-value = `{ $path }` er ikke en værdi i dette dokument
template-explain-document-holds = det, dokumentet indeholder: { $names }
template-explain-value-holds = det, `{ $value }` indeholder: { $names }
# Under de første elementer i en lang liste.
template-explain-more = { $count } mere af samme slags
# Hvilken slags en værdi i træet er, i en kolonne på 8 tegn.
template-explain-empty = tom
template-explain-yes-no = ja/nej
template-explain-number = tal
template-explain-text = tekst
template-explain-list = liste
template-explain-list-empty = (tom)
template-explain-list-of = liste med { $count }
template-explain-list-of-named = liste med { $count }: { $names }
template-explain-map-of = samling med { $count }
template-explain-none = ingen
template-explain-keys-placed = Prosanøgler, som skabelonen placerer (document.prose.<nøgle>): { $keys }
template-explain-keys-given = Prosanøgler, som { $file } angiver: { $keys }
template-explain-keys-not-given = ikke angivet (skabelonen placerer dem kun, hvor den har brug for dem): { $keys }
template-explain-keys-unused = angivet, men aldrig placeret: { $keys }
template-explain-no-line = { $file } har { $count ->
    [one] 1 linje
   *[other] { $count } linjer
}, ikke { $line }
template-explain-prose-value = prosaen fra content/{ $file } som Typst-markup (`--at content/{ $file }:LINJE` viser dens værdier)
# $why siger, hvorfor værdien ikke kunne fås.
template-explain-no-value-here = ingen værdi: { $why } (i sammenhængen for { $document }; en variabel, som skabelonen sætter med `set` eller `for`, har kun en værdi, mens skabelonen udfyldes)
template-explain-unknown-reason = årsagen kendes ikke
template-explain-no-expression = linjen har ingen {"{{"} … {"}}"}
template-explain-no-file = `{ $file }` er hverken en skabelon eller en fil i projektet
template-explain-no-file-hint = angiv en skabelon (`templates/ansoegning.typ.tera`), en prosafil (`content/prosa/…/x.md`) eller en faktafil og en linje: `--at content/prosa/ansoegning/baggrund.md:3`
