## door: hvordan dokgen læser et projekts filer. Døren, som hver fil går
## igennem (project.rs), YAML, som brugeren skrev den (yaml.rs), tegn, der
## ikke vises (unseen.rs), at lave dokumenter (session.rs, isolate.rs),
## outputmappen og noterne fra `dokgen check` (build/).

## Et problem ved en værdi: "<værdiens sti>: <meddelelse>", stien som
## YAML skriver den (`municipalities.ishoej.population[1].value`).

yaml-at = { $path }: { $what }

## Det, som gennemsynet af en YAML-fil afviser, før den læses (yaml.rs).

yaml-read-apart = fra dette sted læser YAML-programmer filen forskelligt ({ $detail })
yaml-read-apart-hint = skriv det mere enkelt: en tekst i anførselstegn på én linje eller som en blok (`|`), og ryk felterne i samme gruppe lige langt ind
yaml-apart-quoted = en tekst i anførselstegn fortsætter på en linje, der er rykket mindre ind end dens felt
yaml-apart-flow = en linje inden i `[…]` eller `{"{"}…{"}"}` er rykket mindre ind end dens felt
yaml-apart-bracket = en `]` eller `{"}"}` lukker noget, der ikke er åbnet
yaml-apart-indentation = en linje er ikke rykket lige så langt ind som linjerne omkring den
yaml-apart-colon = der står ikke et mellemrum efter et `:`
yaml-apart-comment = et `#` står lige efter en værdi: YAML læser det kun som en kommentar efter et mellemrum
yaml-apart-dash = en værdi begynder med `-` efterfulgt af en parentes eller et komma
yaml-alias-inside = dette alias står inde i den værdi, det henviser til
yaml-alias-inside-hint = skriv værdien helt ud; et alias kan kun henvise til en værdi, der er færdig dér, hvor aliaset står
yaml-aliases-multiply = filens aliaser står for { $count } knuder mere, end den selv skriver, og YAML læser dem, som om hver var skrevet ud
yaml-aliases-multiply-hint = skriv værdierne ud, eller brug kun et anker nogle få gange; aliaser må tilføje lige så mange knuder, som filen skriver, og { $allowance } mere
yaml-aliases-repeat = filens aliaser gentager dens værdier oftere, end YAML kan læse
yaml-key-not-text = en nøgle her er en gruppe af felter eller en liste; dokgen kan kun bruge tekster og tal som nøgler
yaml-key-not-text-hint = skriv nøglen som en tekst, `navn: værdi`
yaml-key-twice = nøglen `{ $key }` står to gange i samme gruppe af felter (første gang på linje { $first }): YAML ville bruge denne, mens den, der læser filen, ser den første
yaml-key-twice-hint = behold én af dem; en nøgle må kun stå én gang i en gruppe af felter, også når den er skrevet i en anden form, som YAML læser som den samme (`2024`, `+2024`, `"2024"`)

## Syntaksfejl: det, YAML-læseren mødte, sagt som det, brugeren skrev.

yaml-syntax-hint = tjek indrykningen, at hvert `navn: værdi` har et mellemrum efter kolonet, og at alle anførselstegn er lukket (fejlen kan stå på en linje ovenover); sæt anførselstegn om tekst, der indeholder `: `
yaml-tab = her står et tabulatortegn, hvor YAML forventer mellemrum
yaml-tab-hint = YAML rykker kun ind med mellemrum; denne linje er rykket ind med et tabulatortegn
yaml-cannot-begin = i YAML kan en værdi ikke begynde med { $character }
yaml-quote-hint = sæt hele teksten i anførselstegn: `"…"`
yaml-list-not-closed = listen, der begynder med `[` på linje { $line }, mangler sin `]` eller et komma mellem sine elementer
yaml-list-not-closed-hint = en liste, der begynder med `[`, slutter med `]`, og der står et komma mellem hvert af dens elementer: `[ishoej, vallensbaek]`
yaml-fields-not-closed = felterne, der begynder med `{"{"}` på linje { $line }, mangler deres `{"}"}` eller et komma mellem to af dem
yaml-fields-not-closed-hint = felter, der begynder med `{"{"}`, slutter med `{"}"}`, og der står et komma mellem hvert af dem: `{"{"} number: 541, date: 2005-06-24 {"}"}`
yaml-no-value = her mangler en værdi (efter et komma eller før en afsluttende parentes)
yaml-colon-in-value = her står et kolon og et mellemrum (`: `), hvor intet felt kan begynde: inde i en tekst eller på en linje, der er rykket længere ind end feltet ovenover
yaml-dash-after-field = et listeelement (`- `) kan ikke stå på samme linje som sit felt
yaml-list-indented-less = linjen er rykket mindre ind end den liste, den hører til (listen begynder på linje { $line })
yaml-list-without-dash = linjen står i listen, der begynder på linje { $line }, men begynder ikke med `-`, som et element i listen gør
yaml-list-hint = ryk hvert felt i et listeelement lige så langt ind som elementets første felt (efter `- `), og begynd et nyt element med `- `
yaml-list-item-misplaced = dette listeelement (`- …`) er ikke rykket lige så langt ind som den liste, det hører til
yaml-after-quote = der står tekst efter det anførselstegn, der afslutter værdien
yaml-field-expected = her skulle et felt (`navn: værdi`) begynde, som på linjerne ovenover med samme indrykning
yaml-colon-missing = kolonet (`:`) efter feltnavnet på linje { $line } mangler
yaml-quote-not-closed = anførselstegnet, der åbner på linje { $line }, lukkes aldrig
yaml-quote-not-closed-hint = afslut teksten med samme slags anførselstegn, som den begynder med: `"…"` eller `'…'`
yaml-ends-early = filen slutter midt i en værdi
yaml-after-block-sign = en tekstblok, der begynder med `|` eller `>`, har sin tekst på linjerne under tegnet, ikke efter det
yaml-unknown-escape = `{ $escape }` er ikke en tegnkode, YAML kender i en tekst i dobbelte anførselstegn
yaml-escape-hint = skriv en omvendt skråstreg i dobbelte anførselstegn som `\\`, eller sæt teksten i enkelte anførselstegn: `'C:\mappe'`
yaml-alias-start = i YAML kan en værdi ikke begynde med { $character }, som YAML læser som et alias eller et anker
yaml-unknown-anchor = `{ $alias }` henviser til et anker, som filen ikke har: YAML læser en værdi, der begynder med `*`, som et alias
yaml-documents = filen indeholder mere end ét YAML-dokument (en linje med `---` eller `...` deler dem)
yaml-documents-hint = fjern skillelinjen: en faktafil er ét dokument
yaml-empty = filen indeholder ingen værdi
yaml-too-deep = filen har lister eller felter inden i hinanden i flere lag, end YAML kan læse
yaml-too-deep-hint = skriv den med færre lag; en faktafil behøver kun en håndfuld

## En værdi af den forkerte slags: "her skal stå <ønsket>, ikke <fundet>".

yaml-wanted-not = her skal stå { $wanted }, ikke { $found }
yaml-wanted-but-nothing = her skal stå { $wanted }, men der står ingenting (en tom værdi eller `null`)
yaml-number-out-of-range = tallet `{ $number }` er uden for det tilladte interval: her skal stå et helt tal fra { $min } til { $max }
yaml-found-text = teksten `{ $value }`
yaml-found-number = tallet `{ $value }`
yaml-found-decimal = decimaltallet `{ $value }`
yaml-found-bool = `{ $value }`, som YAML læser som ja eller nej
yaml-found-list = en liste
yaml-found-fields = felter (`navn: værdi`)
yaml-found-nothing = ingenting
yaml-wanted-whole = et helt tal
yaml-wanted-number = et tal
yaml-wanted-text = en tekst
yaml-wanted-bool = `true` eller `false`
yaml-wanted-list = en liste
yaml-wanted-fields = felter (`navn: værdi`)
yaml-wanted-one-value = en enkelt værdi
yaml-wanted-field-name = navnet på et felt
yaml-wanted-date = en dato (ÅÅÅÅ-MM-DD)
yaml-wanted-percentage = en procentsats
yaml-thousands-hint = skriv hele tal uden tusindtalspunktum: 12399, ikke 12.399
yaml-digits-hint = skriv et helt tal kun med cifre, fx 12399
yaml-act-hint = en lov skrives som sit nummer og sin dato: `{"{"} number: 541, date: 2005-06-24 {"}"}`; filteret `nr` udskriver "nr. 541 af 24. juni 2005"
yaml-closed-hint = et lukket punkt angiver den neutrale titel, som den offentlige dagsorden viser, og hjemlen til at lukke det: `closed: {"{"} public_title: Forhandlingsmandat, basis: "kommunestyrelseslovens § 10, jf. offentlighedslovens § 30, nr. 2" {"}"}`
yaml-provision-hint = en bestemmelse i en lov skrives i dele: `{"{"} section: "11 a", subsection: 2 {"}"}`; filteret `paragraf` udskriver "§ 11 a, stk. 2"

## Navne på felter og værdier.

yaml-unknown-field = ukendt felt `{ $field }`
yaml-fields-here = de mulige felter her er { $fields }
yaml-unknown-value = `{ $value }` er ikke en værdi, feltet kan have
yaml-values-here = de mulige værdier her er { $values }
yaml-did-you-mean = mente du `{ $name }`?
yaml-missing-field = feltet `{ $field }` mangler
yaml-missing-field-hint = tilføj `{ $field }:` her (docs/reference.md viser felterne)
yaml-duplicate-field = feltet `{ $field }` står to gange
yaml-percentage = { $value } er ikke en procentsats, dokgen kan afregne med
yaml-percentage-hint = angiv en procentsats fra 0 til 1000 med højst 2 decimaler, fx `5` eller `2.5`

## Datoer. Datoen vises, som brugeren skrev den.

yaml-date-hint = skriv datoer som ÅÅÅÅ-MM-DD, fx 2017-05-17, og tjek, at dagen findes
yaml-date-day-first = datoen { $date } har dagen først: skriv { $iso }
yaml-date-no-month = datoen { $date } findes ikke: der er ingen måned nummer { $month }
yaml-date-no-day = datoen { $date } findes ikke: den måned har { $days } dage
yaml-date-incomplete = datoen { $date } er ikke fuldstændig: en dato har år, måned og dag
yaml-date-unreadable = `{ $date }` er ikke en dato skrevet som ÅÅÅÅ-MM-DD
yaml-date-unreadable-here = dette er ikke en dato skrevet som ÅÅÅÅ-MM-DD

## Tekster, der skal angives (`name`, `title` …).

yaml-text-control = teksten indeholder kontroltegnet { $code }, som intet dokument kan udskrive
yaml-text-control-hint = fjern tegnet (det kan være kommet ind med tekst, der er kopieret fra et andet program, eller som en kode som `\0` i anførselstegn)
yaml-text-null = `{ $word }` er ikke en tekst: denne værdi skal angives
yaml-text-empty = teksten er tom: denne værdi skal angives
yaml-text-nothing-hint = skriv teksten; kender du den ikke endnu, så skriv en pladsholder som `[indsæt navn]`, som `dokgen check` viser, og som et endeligt dokument aldrig udskriver

## Tegn, der ikke vises eller vender tekstens retning (unseen.rs).
## Navnet i parentes er tegnets navn i Unicode og oversættes ikke.

unseen-holds-named = teksten indeholder tegnet { $code } (»{ $name }«), som { $what }: { $so }
unseen-holds = teksten indeholder tegnet { $code }, som { $what }: { $so }
unseen-turns-direction = vender retningen på teksten omkring det
unseen-marks-direction = angiver en retning, som teksten omkring det følger
unseen-breaks-line = bryder linjen, hvor ingen editor viser et linjeskift
unseen-soft-hyphen = er en bindestreg, der kun vises ved enden af en linje
unseen-does-not-show = ikke vises
unseen-control = er et kontroltegn
unseen-cannot-print = intet dokument kan udskrive det
unseen-differs = det, et dokument udskriver, ville afvige fra det, man ser i filen
unseen-hint = slet tegnet (en editor viser det måske ikke: slet tegnene omkring kolonnen, og skriv dem igen); dokgen afviser i fakta, prosa og skabeloner tegn, der vender tekstens retning eller ikke vises

## Døren, som hver fil i et projekt går igennem (project.rs). En fil, der
## afvises, "læses ikke", og årsagen siger hvorfor: "`x` læses ikke: den
## findes ikke".

door-kind-facts = en faktafil
door-kind-prose = en prosafil
door-kind-template = en skabelonfil
door-kind-annex = en bilagsfil
door-kind-image = en billedfil
door-kind-font = en skrifttypefil
door-not-read = `{ $file }` læses ikke: { $reason }
door-unreadable = filen kan ikke læses: { $reason }
door-unreadable-hint = tjek filens rettigheder
door-not-found = filen findes ikke
door-not-found-hint = tjek stavningen, eller opret filen
door-outside = filen fører uden for projektmappen (et symbolsk link?)
door-outside-hint = dokgen læser kun filer inde i projektet; kopiér filen ind i det
door-too-large = filen fylder { $size } MB, men { $file } må højst fylde { $limit } MB
door-too-large-hint = hvis filen skal være så stor, så hæv grænsen i dokgen.yaml: `limits: {"{"} { $key }: … {"}"}` (i megabyte)
door-not-regular = stien peger ikke på en almindelig fil, men på en mappe, en enhed eller en pipe
door-not-regular-hint = angiv en fil inde i projektet
door-unpacks-too-large = filen er komprimeret, og udpakket fylder den mere end de { $limit } MB, som { $file } højst må fylde
door-unpacks-too-large-hint = gem den som en almindelig SVG, eller hæv grænsen i dokgen.yaml, hvis tegningen skal være så stor
door-filter-slow = filen indeholder et filter, som det kan tage minutter at tegne: { $what }
door-filter-slow-hint = gem tegningen uden filtre (eller som PNG); et logo har ikke brug for nogen
door-filter-octaves = turbulens med { $octaves } oktaver (højst 10)
door-filter-convolution = en foldningsmatrix på over 10 × 10
door-filter-blur = en sløring på { $value } enheder, større end tegningen ({ $size } enheder)
door-filter-morphology = en morfologi på { $value } enheder, større end tegningen ({ $size } enheder)
door-filter-region = et filterområde, hvor { $attribute } er { $value }, mere end fire gange tegningens størrelse
door-stream-too-large = en datastrøm i filen fylder mere end { $limit } MB, når den pakkes ud
door-stream-too-large-hint = eksportér bilaget igen fra det program, der lavede det (en PDF-printer laver almindelige datastrømme), eller angiv dets sider som billeder
door-image-unreadable = filen er ikke et { $format }-billede, der kan læses: { $why }
door-image-cut-off = filen slutter, før billedet gør
door-image-damaged = billedets data er beskadiget
door-image-unsupported = filen bruger en udgave af formatet, som dokgen ikke kan læse
door-image-unreadable-hint = gem billedet igen, eller angiv det som en anden PNG-, JPEG- eller SVG-fil
door-too-many-pixels = filen er et billede på { $width } × { $height } pixel, men et billede må højst have { $most } mio. pixel
door-carries-too-many-pixels = filen indeholder et billede på { $width } × { $height } pixel, men et billede må højst have { $most } mio. pixel
door-too-many-pixels-hint = gør billedet mindre (300 pixel pr. tomme i den trykte størrelse er rigeligt), eller hæv grænsen i dokgen.yaml: `limits: {"{"} megapixels: … {"}"}`
door-not-utf8 = filen er ikke UTF-8-tekst: på dette sted står { $bytes }
door-not-utf8-hint = gem filen som UTF-8 (den tegnkodning, som alle YAML-, Markdown- og skabelonfiler har)

## At åbne et projekt, dets skabelonmappe, og at skrive i det.

door-cannot-open = projektmappen `{ $folder }` kan ikke åbnes: { $reason }
door-cannot-open-hint = angiv den mappe, der indeholder { $file }, eller kør dokgen inde i den
door-not-a-project = `{ $folder }` er ikke et dokgen-projekt: { $file } læses ikke: { $reason }
door-not-a-project-hint = en projektmappe indeholder en { $file } med mindst `name:` og en mappe content/; `dokgen new MAPPE` opretter et nyt projekt
door-templates-missing = skabelonmappen `{ $folder }` findes ikke
door-templates-hold-project = skabelonmappen `{ $folder }` indeholder projektmappen: Typst ville kunne læse alle filer ved siden af projektet
door-templates-no-templates = skabelonmappen `{ $folder }` ligger uden for projektet og har ingen skabelon eller Typst-fil øverst, så den læses ikke
door-templates-folder-hint = angiv en mappe i forhold til projektmappen, fx `../../templates`, eller udelad `templates:` for at bruge de indbyggede skabeloner
door-templates-unreadable = skabelonmappen kan ikke læses: { $reason }
door-templates-loop = et symbolsk link i den fører tilbage til en mappe over den
door-templates-unreadable-hint = dokgen læser alle filer under den; tjek mappens rettigheder
door-eject-outside = skabelonmappen `{ $folder }` ligger uden for projektet: dokgen skriver kun inde i det
door-eject-outside-hint = et projekts dokgen.yaml kan ikke få dokgen til at skrive andre steder; kopiér selv de filer, du ønsker, ind i den mappe, eller lad `templates:` pege på en mappe inde i projektet
door-eject-exists = { $file } findes allerede og bliver ikke erstattet
door-eject-exists-hint = projektet bruger sin egen fil; slet den først, eller giv --force for at erstatte den med den indbyggede
door-not-builtin = `{ $name }` er ikke en indbygget skabelonfil
door-builtin-files = de indbyggede filer er { $names }
door-not-written = `{ $file }` skrives ikke: { $why }
door-not-written-hint = dokgen skriver kun inde i projektmappen; fjern linket
door-write-no-folder = filen har ingen mappe
door-write-outside = filen ligger uden for projektet
door-write-link-on-way = en mappe på stien er et link eller en fil
door-write-no-name = filen har intet navn
door-output-outside = `output` fører uden for projektmappen (et symbolsk link?)
door-output-outside-hint = dokgen skriver kun inde i projektet; fjern linket, eller angiv en mappe med --output

## Bilag: hvorfor et PDF-bilag ikke kan læses (annex.rs).

annex-no-pages = filen har ingen sider
annex-reader-failed = PDF-læseren kunne ikke læse filen
annex-encrypted = filen er krypteret
annex-invalid = filen er beskadiget eller slet ikke en PDF

## At lave et dokument (session.rs).

session-document = `{ $output }` (skabelon { $template }): { $what }
session-overprint = tekst skrives oven i anden tekst på side { $page }: »{ $text }« løber ind i »{ $over }«
session-off-page = tekst løber ud i margenen på side { $page }: »{ $text }«
session-overprint-printed-by = det er værdien af `{ $path }`, som skrives af { $template }:{ $line }
session-overprint-printed-at = det skrives af { $template }:{ $line }
session-overprint-hint = et ord er for langt til sin kolonne eller boks: giv kolonnen mere plads i skabelonen, forkort teksten, eller lad ordet dele sig (en blød bindestreg, U+00AD, hvor det må deles)
session-annex-breaks-standard = { $path }: bilaget bryder en regel i dokumentets PDF-standard: { $what }
session-annex-breaks-standard-hint = eksportér bilaget igen (hvis du udskriver det som PDF på ny, bliver det, der ligger for dybt, fladet ud), eller angiv dets sider som billeder
session-more-errors = Typst fandt { $count ->
    [one] 1 fejl mere
   *[other] { $count } fejl mere
} i det, denne linje lavede
session-internal-error = en intern fejl stoppede `{ $output }` (skabelon { $template }): { $what }
session-bug-hint = dette er en fejl i dokgen eller i et bibliotek, som dokgen bruger, og den opstod med dette projekts filer; de andre dokumenter bliver lavet. Meld gerne fejlen, og send de filer med, som dokumentet laves af
session-no-template = skabelonen `{ $template }` findes ikke
session-templates-are = skabelonerne er { $names } (i { $folder }/ eller indbygget i dokgen)
session-output-not-plain = `output: { $output }` er ikke et almindeligt filnavn
session-output-not-plain-hint = angiv PDF'ens navn uden mappe og uden .pdf, fx `output: strategi`: navnet må ikke indeholde tegnene { $characters } eller tegn, der ikke vises, må ikke slutte med punktum eller mellemrum, må højst fylde { $most } bytes og må ikke være et navn, Windows reserverer (CON, NUL, COM1, …)
session-output-twice = både dette og et andet dokument skrives til `{ $output }.pdf`
session-output-twice-case = både dette og et andet dokument skrives til `{ $output }.pdf` (`{ $first }` og `{ $second }` adskiller sig kun ved store og små bogstaver og er derfor samme fil på Windows og macOS)
session-output-twice-encoding = både dette og et andet dokument skrives til `{ $output }.pdf` (`{ $first }` og `{ $second }` adskiller sig kun ved, hvordan bogstaverne er kodet, og er derfor samme fil på Windows og macOS)
session-output-twice-hint = { $file } bruger samme `output`; giv hvert dokument sit eget
session-no-documents = projektet har ingen dokumenter
session-no-documents-hint = tilføj en YAML-fil pr. dokument under content/documents/ med felterne template, output, title og date
session-epoch = SOURCE_DATE_EPOCH er `{ $value }`, ikke et antal sekunder
session-epoch-hint = sæt den til et helt antal sekunder siden 1970-01-01 UTC, fx `SOURCE_DATE_EPOCH=1503273600`, eller fjern den, så hver PDF dateres efter sit dokument

## Et dokument, der laves i en proces for sig (isolate.rs). "det" er dokumentet.

isolate-not-started = ingen proces kunne startes til at lave dokumentet: { $reason }
isolate-lost = processen, der lavede dokumentet, gik tabt
isolate-over-budget = dokumentet blev stoppet: et af trinene (udfyldning, sideopsætning eller eksport) tog længere tid end tidsgrænsen på { $seconds } s
isolate-over-budget-hint = den sandsynlige årsag er en løkke i en skabelon, der ikke slutter, eller et billede, som det tager minutter at tegne (et SVG-filter over et kæmpe område); et dokument, der blot er stort, kan få mere tid i dokgen.yaml: `limits: {"{"} seconds: 60 {"}"}`
isolate-out-of-memory = dokumentet brugte mere hukommelse end grænsen på { $megabytes } MB og blev stoppet
isolate-out-of-memory-hint = den sandsynlige årsag er en skabelon eller prosa, der bygger en kæmpe tekst eller liste (en `replace` eller `~`, der fordobler en tekst i en løkke), eller et billede eller bilag, der fylder flere gigabyte, når det pakkes ud; et dokument, der blot er stort, kan få mere hukommelse i dokgen.yaml: `limits: {"{"} memory: { $double } {"}"}`
isolate-too-deep = dokumentet har flere lag inden i hinanden, end dokgen kan følge, og blev stoppet
isolate-too-deep-hint = den sandsynlige årsag er en kæde på hundredvis af led af `include` eller `import` eller af skabeloner eller funktioner, der kalder hinanden: gør kæden kortere
isolate-ended = processen, der lavede dokumentet, sluttede { $how }
isolate-ended-saying = processen, der lavede dokumentet, sluttede { $how }: { $last }
isolate-how-no-status = uden en afslutningskode
isolate-how-signal = med signal { $signal }
isolate-how-code = med afslutningskoden { $code }
isolate-how-abnormally = unormalt
isolate-no-such-document = projektet har intet dokument `{ $document }`, som denne proces læste det (er en fil blevet ændret imens?)

## Outputmappen (build/output.rs).

door-output-locked = en anden `dokgen build` skriver til { $folder } lige nu
door-output-locked-hint = vent, til den er færdig, og prøv igen, eller skriv til en anden mappe med --output

## Det, `dokgen check` noterer om fakta (build/notes.rs).

findings-size = { $name } har { $count } indbyggere ({ $year }) og er { $side ->
    [above] over
   *[below] under
} grænsen på { $threshold }.
findings-cooperation = { $names } har tilsammen { $total } indbyggere ({ $years }) og { $meets ->
    [yes] opfylder
   *[no] opfylder ikke
} kravet om mindst { $min } indbyggere i et forpligtende samarbejde.
findings-scenario = { $name } giver { $total } indbyggere ({ $years }) og ligger { $side ->
    [within] inden for
    [below] under
   *[above] over
} intervallet { $min }–{ $max }.
findings-projection-reaches = Fremskrivning: med udviklingen fra { $from } til { $to } ({ $per_year } indbyggere om året) når { $name } { $size } indbyggere i { $year }.
findings-projection-never = Fremskrivning: med udviklingen fra { $from } til { $to } når { $name } ikke { $size } indbyggere.
findings-year = { $year }
findings-years = tal fra { $from } til { $to }
findings-and = { $rest } og { $last }
findings-one = { $name }

## Webpubliceringens indstillinger (`publication:` i dokgen.yaml).
door-publication-folder = `{ $folder }` kan ikke være webpubliceringens mappe: navnet må kun indeholde bogstaver, cifre, `-` og `_`
door-publication-folder-hint = skriv ét mappenavn, fx `folder: web`; mappen oprettes i outputmappen
door-publication-accent = `{ $colour }` er ikke en farve på formen `#rrggbb`
door-publication-accent-hint = skriv farven som seks hexadecimale cifre efter `#`, fx `accent: "#1f4e79"`, i anførselstegn: ellers læser YAML `#` som starten på en kommentar
door-publication-accent-contrast = farven `{ $colour }` har kun en kontrast på { $ratio }:1 mod den hvide baggrund; links og overskrifter skal have mindst 4,5:1 (WCAG 2.1, succeskriterium 1.4.3)
door-publication-accent-contrast-hint = vælg en mørkere nuance af farven; standardfarven `#1f4e79` har 8,6:1
door-output-not-folder = `{ $folder }` er ikke en mappe: i outputmappen ligger en fil eller et link med det navn, som `dokgen build` skal bruge til en mappe
door-output-not-folder-hint = fjern eller omdøb den; `dokgen build` opretter selv mappen
door-publication-logo = `{ $logo }` kan ikke være webpubliceringens logo: det skal være en PNG-, JPEG- eller SVG-fil i projektet
door-publication-logo-hint = skriv stien til billedet, regnet fra projektmappen, fx `logo: assets/logo.svg`
