## typeset
## Sideopsætning (Typst), eksport (PDF) og dokumenternes arter.

## Filer, Typst beder om, som dokgen ikke giver det. Meddelelsen vises
## dér, hvor skabelonen (eller SVG-tegningen) nævner filen.

# En skabelon importerer en Typst-pakke (`#import "@preview/…"`).
typeset-file-package = Typst-pakker kan ikke bruges i dokgen (`{ $spec }`): dokgen henter intet fra nettet
typeset-file-package-hint = læg Typst-filen i projektets mappe templates/, og importér den derfra
# En fil, en skabelon nævner, ligger via et symbolsk link uden for projektet.
typeset-file-outside = `{ $path }` fører uden for projektmappen; dokgen læser kun filer i den
# En fil, en skabelon nævner, kan ikke åbnes; $reason siger hvorfor.
typeset-file-unreadable = `{ $path }` kan ikke læses: { $reason }
# En fil i en delt skabelonmappe uden for projektet, som hverken er en skabelon, en Typst-fil eller et billede.
typeset-file-not-shared-kind = `{ $path }` læses ikke: fra en skabelonmappe uden for projektet læses kun skabeloner, Typst-filer, stylesheets og billeder
# En fil, projektets grænser afviser (for stor, for mange pixels …); $reason siger hvilken.
typeset-file-not-read = `{ $path }` læses ikke: { $reason }
# En Typst-fil i projektet har et tegn, der vender tekstens retning eller ikke kan ses.
typeset-file-unseen = `{ $path }` læses ikke (linje { $line }, kolonne { $column }): { $what }
# Et PDF-bilag, hvis sider ikke kan tegnes.
typeset-file-annex-not-pdf = bilaget `{ $file }` kan ikke læses som PDF: { $why }

## Typsts egne meddelelser, genkendt og formuleret her. Typsts ord for
## slags værdier ("integer") og dele af syntaksen ("closing bracket").

typeset-typst-unknown-variable = ukendt navn: `{ $name }`
typeset-typst-unexpected-argument = funktionen kender ikke dette argument
typeset-typst-unexpected-argument-named = funktionen kender ikke argumentet `{ $name }`
typeset-typst-missing-argument = argumentet `{ $name }` mangler
typeset-typst-duplicate-argument = argumentet `{ $name }` er angivet to gange
typeset-typst-duplicate-key = nøglen `{ $key }` er angivet to gange
typeset-typst-call-depth = for mange funktionskald inden i hinanden: den største tilladte dybde er nået
typeset-typst-show-depth = for mange show-regler inden i hinanden: den største tilladte dybde er nået
typeset-typst-layout-depth = for mange elementer inden i hinanden: den største tilladte dybde er nået
typeset-typst-parse-depth = koden har for mange lag inden i hinanden: den største tilladte dybde er nået
typeset-typst-unknown-font = ukendt skrifttype: `{ $name }`
typeset-typst-label-missing = mærket `{ $label }` findes ikke i dokumentet
typeset-typst-dictionary-key = samlingen har ingen nøgle `{ $key }`
typeset-typst-array-index = listen har intet element med indeks { $index } (listens længde er { $len }, og der tælles fra 0)
typeset-typst-string-index = teksten har ingen byte med indeks { $index } (tekstens længde er { $len } bytes, og der tælles fra 0)
typeset-typst-cannot-join = { $a } og { $b } kan ikke sættes sammen
typeset-typst-cannot-add = { $a } og { $b } kan ikke lægges sammen
# "expected integer, found string": en værdi af forkert slags, eller en del af syntaksen, hvor en anden var ventet.
typeset-typst-expected-found = her skulle stå { $expected }, men her står { $found }
typeset-typst-expected = her skulle stå { $expected }
typeset-typst-unexpected = { $found } hører ikke til her
typeset-typst-unclosed-delimiter = en parentes er åbnet, men ikke lukket
typeset-typst-unclosed-string = en tekst i anførselstegn mangler sit afsluttende `"`
typeset-typst-unclosed-label = et mærke mangler sit afsluttende `>`
typeset-typst-unclosed-raw = en kodetekst mangler sin afsluttende `` ` ``
typeset-typst-not-source = filen er ikke en Typst-fil
typeset-typst-cyclic-import = filerne importerer hinanden i en ring
# En sti i en skabelon, der med `..` går op over projektmappen.
typeset-typst-path-escapes = stien `{ $path }` fører uden for projektmappen
typeset-typst-file-not-found = filen findes ikke: `{ $path }`
typeset-typst-load-failed = filen kunne ikke indlæses
typeset-typst-load-file = filen kunne ikke indlæses: { $reason }
typeset-typst-svg-parse = SVG-tegningen kan ikke læses: { $reason }
typeset-typst-svg-linked-image = billedet `{ $href }`, som SVG-tegningen henviser til, kunne ikke indlæses: { $reason }
typeset-typst-image-decode = billedet kan ikke læses: { $reason }
typeset-typst-at-place = { $message } (ved { $place })
# En opremsning: "a eller b", "a, b eller c", "a og b".
typeset-typst-code = `{ $code }`
typeset-typst-code-plain = { $code }
typeset-typst-keyword = nøgleordet `{ $keyword }`
typeset-typst-thing = { $thing ->
    [anything] hvad som helst
    [integer] et helt tal
    [float] et decimaltal
    [decimal] et decimaltal
    [string] en tekst
    [content] indhold
    [length] en længde
    [relative-length] en relativ længde
    [ratio] en procentdel
    [fraction] en brøkdel
    [angle] en vinkel
    [color] en farve
    [gradient] en farveovergang
    [boolean] en ja/nej-værdi
    [array] en liste
    [dictionary] en samling af navngivne værdier
    [function] en funktion
    [none] `none`
    [auto] `auto`
    [alignment] en justering
    [label] et mærke
    [datetime] en dato
    [duration] en varighed
    [bytes] bytes
    [stroke] en streg
    [symbol] et symbol
    [module] et modul
    [type] en type
    [arguments] argumenter
    [regex] et regulært udtryk
    [selector] en selektor
    [location] en placering
    [direction] en retning
    [version] en version
    [expression] et udtryk
    [identifier] et navn
    [pattern] et mønster
    [block] en blok
    [argument-list] en argumentliste
    [semicolon-or-line-break] et semikolon eller et linjeskift
    [comma-or-semicolon] et komma eller et semikolon
    [named-or-keyed-pair] et par med navn eller nøgle
    [named-pair] et par med navn
    [keyed-pair] et par med nøgle
    [semicolon] et semikolon
    [line-break] et linjeskift
    [paragraph-break] et afsnitsskift
    [comma] et komma
    [colon] et kolon
    [dot] et punktum
    [hash] et `#`
    [equals-sign] et lighedstegn
    [plus] et plus
    [minus] et minus
    [star] en stjerne
    [slash] en skråstreg
    [arrow] en pil
    [dollar-sign] et dollartegn
    [opening-paren] en venstreparentes `(`
    [closing-paren] en højreparentes `)`
    [opening-bracket] en kantet venstreparentes `[`
    [closing-bracket] en kantet højreparentes `]`
    [opening-brace] en krøllet venstreparentes `{"{"}`
    [closing-brace] en krøllet højreparentes `{"}"}`
    [end] filens slutning
    [text] tekst
    [space] et mellemrum
    [markup] opmærkning
    [code] kode
    [code-block] en kodeblok
    [content-block] en indholdsblok
    [function-call] et funktionskald
    [escape] en escape-sekvens
    [syntax-error] en syntaksfejl
    [heading] en overskrift
    [link] et link
    [reference] en henvisning
    [equation] en formel
   *[other] { $thing }
}

## Den årsag, Typst giver i parentes efter "failed to …".

typeset-cause-access-denied = adgang nægtet
typeset-cause-directory = det er en mappe, ikke en fil
typeset-cause-not-utf8 = filen er ikke gyldig UTF-8
typeset-cause-too-large = filen er for stor
typeset-cause-compression = filen er ikke komprimeret korrekt
typeset-cause-svg-size = dens bredde, højde eller viewBox er ugyldig
typeset-cause-no-root = den har intet rodelement
typeset-cause-absolute = absolutte stier er ikke tilladt
typeset-cause-url = webadresser er ikke tilladt
typeset-cause-image-format = billedformatet er ukendt
typeset-cause-unknown-entity = ukendt entitet `{ $entity }`
typeset-cause-duplicate-attribute = attributten `{ $attribute }` er angivet to gange

## Typsts råd.

typeset-hint-sandbox = dokgen læser kun filer i projektmappen
typeset-hint-subtraction = hvis du ville trække fra, så sæt mellemrum om minustegnet: `{ $code }`
typeset-hint-letters = hvis du ville vise flere bogstaver, som de er, så sæt mellemrum mellem dem: `{ $code }`
typeset-hint-quotes = eller, hvis du ville vise det som tekst, så sæt det i anførselstegn: `{ $code }`
typeset-hint-hash = hvis du mente værdien, så sæt et `#` foran: `{ $code }`
typeset-hint-length-unit = en længde skal have en enhed: mente du { $number }pt?
typeset-hint-heading-levels = overskrifternes niveauer skal følge hinanden
typeset-hint-alt-text = sørg for, at billeder og formler har en alternativ tekst
typeset-hint-title = angiv titlen med `set document(title: [...])`
typeset-hint-language = angiv dokumentets sprog
typeset-hint-date = angiv dokumentets dato
typeset-hint-nesting = læg færre elementer inden i hinanden
typeset-hint-other-font = prøv en anden skrifttype
typeset-hint-bug = det er en fejl i Typst eller dokgen, ikke i projektet: meld den gerne
typeset-hint-transparency-standard = vælg en PDF-standard, der tillader gennemsigtighed
typeset-hint-transparency-image = eller gem billedet uden gennemsigtighed
typeset-hint-transparency-svg = en SVG-tegning skal måske gemmes som et billede uden gennemsigtighed
typeset-hint-transparency-color = eller brug farver uden gennemsigtighed
typeset-hint-conic-gradient = koniske farveovergange er ikke tilladt i denne PDF-standard
typeset-hint-paragraphs = det skyldes nok, hvordan afsnittene er grupperet
typeset-hint-breaks = måske er et `parbreak`, `colbreak` eller `pagebreak` årsagen
typeset-hint-font-broken = skrifttypen kan være beskadiget eller af en slags, Typst ikke kan bruge

## Vejen til et problem, vist som noter under det.

typeset-trace-call = under kaldet af `{ $name }`
typeset-trace-call-unnamed = under kaldet af en funktion
typeset-trace-show = mens et `{ $name }`-element blev vist
typeset-trace-import = under importen af `{ $name }`
typeset-trace-include = under indsættelsen af `{ $name }`

## Regler i PDF-standarder, som dokumentet bryder ($standards: "PDF/A-2a").

typeset-pdf-rule = { $problem } (i strid med { $standards })
typeset-pdf-nesting = grafikken i PDF'en ligger i for mange lag inden i hinanden
typeset-pdf-alt-text = der mangler en alternativ tekst
typeset-pdf-annotation-alt-text = en kommentar i PDF'en (en annotation) mangler alternativ tekst
typeset-pdf-title = dokumentet mangler en titel
typeset-pdf-language = dokumentets sprog er ikke angivet
typeset-pdf-date = dokumentets dato mangler
typeset-pdf-first-heading = den første overskrift skal være på niveau 1
typeset-pdf-skipped-heading = overskrifterne springer fra niveau { $from } til { $to }
typeset-pdf-heading-empty = en overskrift er tom
typeset-pdf-heading-unknown = teksten i en overskrift kunne ikke bestemmes
typeset-pdf-transparency = PDF'en indeholder gennemsigtighed
typeset-pdf-image-transparency = billedet indeholder gennemsigtighed
typeset-pdf-color-transparency = udfyldningen eller stregen er gennemsigtig
typeset-pdf-postscript = PDF'en indeholder PostScript-kode
typeset-pdf-cmyk = PDF'en mangler en CMYK-profil
typeset-pdf-too-many-objects = PDF'en har for mange objekter
typeset-pdf-long-string = en tekst i PDF'en er længere end 32767 tegn
typeset-pdf-artifact-link = et sidehoved, en sidefod eller en anden pynt indeholder et link
typeset-pdf-attachment = dokumentet har en vedhæftet fil
typeset-pdf-smooth-scaling = et billede skaleres med udglatning
typeset-pdf-codepoints = noget af teksten er ikke knyttet til tegn
typeset-pdf-tag-split = ugyldig dokumentstruktur: et elements strukturmærke i PDF'en ville blive delt
typeset-pdf-structure = ugyldig struktur i et `{ $parent }`-element
typeset-pdf-embedded-pdf = denne PDF-standard tillader ikke, at en PDF indlejres, som den er
# SOURCE_DATE_EPOCH er ikke en dato, en PDF kan have.
typeset-pdf-timestamp-not-a-date = { $seconds } sekunder efter 1970 er ikke en dato
typeset-pdf-date-out-of-range = { $date } kan ikke bruges som dato i en PDF

## Tjek af tilgængeligheden, før en PDF laves.

typeset-access-image-alt = et billede har ingen alternativ tekst
typeset-access-image-alt-hint = skriv, hvad det viser: i Markdown `![Kort over kommunerne](kort.svg)`, i en skabelon `image("…", alt: "…")`
typeset-access-first-heading = den første overskrift er på niveau { $level }, ikke 1
typeset-access-heading-skips = en overskrift på niveau { $level } følger efter en på niveau { $previous }
typeset-access-heading-hint = overskrifterne går ét niveau ned ad gangen; i Markdown begynder et afsnit under en af skabelonens overskrifter med ##
typeset-access-table-header = en tabel har ingen overskriftsrække
typeset-access-table-header-hint = begynd tabellen med `table.header(…)`; en tabel i Markdown har altid en
typeset-access-no-title = dokumentet har ingen titel
typeset-access-no-title-hint = giv dokumentet en `title:` i dokumentfilen, og giv den videre til `dokument.with(titel: …)`

## PDF-standarder og formater, som en dokumentfil eller dokgen.yaml vælger.

# $field er dér, listen står: `pdf_standards`, `defaults.pdf_standards`.
typeset-standards-incompatible = { $field }: standarderne kan ikke overholdes på én gang: { $reason }
typeset-standards-hint = vælg ét PDF/A-niveau, fx `[a-2a, ua-1]` (standardvalget), eller `[]` for en almindelig PDF
typeset-standards-one-pdf-a = vælg højst én PDF/A-standard
typeset-standards-one-pdf-ua = vælg højst én PDF/UA-standard
typeset-standards-two-versions = en PDF kan ikke både være version { $a } og { $b }
typeset-standards-no-common-version = { $standards } har ingen fælles PDF-version
typeset-standards-version-incompatible = PDF { $version } passer ikke til { $standards }
typeset-standards-requires-version = { $standard } kræver PDF-version { $version }
typeset-standards-requires-between = { $standard } kræver en PDF-version fra { $min } til { $max }
typeset-standards-requires-at-least = { $standard } kræver mindst PDF-version { $version }
typeset-formats-none = der er ikke angivet noget format: et dokument laves i mindst ét
typeset-formats-twice = `{ $format }` er angivet to gange
typeset-formats-hint = angiv en liste af formater, hvert én gang: `formats: [pdf]` (standardvalget)

## Et dokuments tidsgrænse (`limits: seconds` i dokgen.yaml).

typeset-work-rendering = udfyldningen af skabelonen
typeset-work-typesetting = sideopsætningen
typeset-work-exporting = eksporten
typeset-budget-spent = { $work } tog længere tid end dokumentets tidsgrænse på { $seconds } s og blev stoppet
typeset-budget-spent-hint = den sandsynlige årsag er en løkke i en skabelon, som ikke slutter eller først slutter efter milliarder af skridt; et dokument, der blot er stort, kan få mere tid i dokgen.yaml: `limits: { "{" } seconds: 300 { "}" }`
typeset-budget-no-thread = der kunne ikke startes en tråd til { $work }: { $reason }
typeset-budget-no-result = tråden, der arbejdede på dokumentet, sluttede uden et resultat
typeset-budget-too-many = ikke lavet: { $running } tidligere udfyldninger eller sideopsætninger har overskredet deres tidsgrænse og holder stadig processoren beskæftiget
typeset-budget-too-many-hint = ret den skabelon, hvis løkke ikke slutter, og afslut og start dokgen igen (`dokgen serve` lader dem køre, indtil den afsluttes)

## Skrifttyper i projektets mappe fonts/.

typeset-font-not-a-font = filen er ikke en skrifttype, Typst kan læse
typeset-font-not-a-font-hint = fonts/ kan indeholde TrueType- og OpenType-filer (.ttf, .otf, .ttc)
typeset-font-folder-unreadable = mappen med skrifttyper kan ikke læses: { $reason }
typeset-font-folder-loop = et symbolsk link i den fører tilbage ind i mappen
typeset-font-not-read = skrifttypen læses ikke: { $reason }

## Dokumenternes arter. Hvad et dokument af hver art er, inde i andre
## meddelelser ("denne dokumentfil beskriver et ansøgningsbrev").

typeset-kind-document = et dokument
typeset-kind-application = et ansøgningsbrev
typeset-kind-papers = mødepapirer
# Et felt i en dokumentfil, og hvad der er galt med det: "formats: `pdf` er angivet to gange".
typeset-kind-at = { $path }: { $message }
typeset-kind-unknown = kind: `{ $name }` er ikke en dokumentart
typeset-kind-the-kinds = de mulige arter er { $kinds }
typeset-kind-did-you-mean = mente du `{ $name }`?
typeset-kind-unknown-field = ukendt felt `{ $field }`; de mulige felter er { $expected }
typeset-kind-field-of-another = `{ $field }` er et felt til { $other }, og denne dokumentfil beskriver { $kind }
typeset-kind-field-of-another-hint = fjern `{ $field }`, eller beskriv { $other } i en fil for sig
typeset-kind-two-kinds = `{ $second_field }` er et felt til { $second }, og `{ $first_field }` gør denne dokumentfil til { $first }
typeset-kind-two-kinds-hint = en dokumentfil laver dokumenter af én art: beskriv { $second } i en fil for sig
# $collection er samlingen i `for_each:`: municipalities, applications, meetings.
typeset-kind-batch-makes-another = for_each: en serie over `{ $collection }` laver { $other }, men denne dokumentfil beskriver { $kind }
typeset-kind-batch-makes-another-hint = skriv `kind: { $name }`, eller udelad `kind:`, så serien bestemmer arten
typeset-kind-batch-fields-of-another = for_each: en serie over `{ $collection }` laver { $other }, men felterne i denne dokumentfil hører til { $kind }
typeset-kind-batch-fields-of-another-hint = fjern felterne til { $kind }: en serie giver hvert dokument sit element
typeset-kind-context-failed = fakta kan ikke gives videre til skabelonen: { $reason }

## Alle dokumenter.

typeset-document-no-title = title: dokumentet har ingen titel
typeset-document-no-title-hint = en PDF skal have en titel af hensyn til PDF/UA-1 og læserne: skriv dokumentets overskrift i `title:`
typeset-document-no-date = dokumentet har ingen dato
typeset-document-no-date-hint = tilføj `date: 2017-08-21`: datoen vises i dokumentet og daterer PDF'en
typeset-document-date-out-of-range = { $date } er ikke en dato, et dokument kan have
typeset-document-date-out-of-range-hint = et dokument dateres i årene { $first } til { $last }; skriv datoen som ÅÅÅÅ-MM-DD, fx 2017-08-21
typeset-document-no-authors = dokumentet nævner ingen forfattere
typeset-document-no-authors-hint = tilføj `authors: [<kommunens id>]`, eller `defaults: authors:` i dokgen.yaml
# `dokgen new document --template …` nævner en skabelon, der ikke findes.
typeset-document-new-no-template = skabelonen `{ $template }` findes ikke
typeset-document-new-templates = skabelonerne er { $templates }

## Serier (`for_each:`).

typeset-batch-empty = for_each: der er ingen `{ $collection }` at lave dokumenter til
typeset-batch-empty-hint = tilføj `{ $collection }` til fakta, eller fjern `for_each`
typeset-batch-one-output = output: alle dokumenter i serien ville blive skrevet til `{ $output }.pdf`
typeset-batch-one-output-hint = brug et felt fra elementet i navnet, så hvert dokument får sit eget, fx `output: brev-{ "{" }id{ "}" }`
typeset-batch-unknown-field = { $field }: `{ "{" }{ $name }{ "}" }` er ikke et felt i `{ $collection }`
typeset-batch-fields = de felter, der kan bruges: { $fields }

## Ansøgningsbreve.

typeset-letter-no-application = et ansøgningsbrev skal nævne sin ansøgning
typeset-letter-no-application-hint = tilføj `application: <ansøgningens id>`
typeset-letter-date = date: dokumentet er dateret { $date }, men ansøgningen er dateret { $application_date }
typeset-letter-date-hint = et ansøgningsbrev har samme dato som sin ansøgning; gør de to datoer ens
# En advarsel før afsendelse: det nyeste befolkningstal er gammelt på brevets dato.
typeset-letter-old-population = application: brevet af { $date } bygger på befolkningstallet for { $municipality } pr. { $figure_date }, det nyeste tal i fakta
typeset-letter-old-population-hint = tilføj det nyeste tal, der var kendt på brevets dato, til municipalities.{ $id }.population (Danmarks Statistik, Statistikbanken, FOLK1A)
typeset-letter-office-mayor = borgmesteren
typeset-letter-office-chief-executive = kommunaldirektøren
# En, der skriver under på et brev, og hvis navn er en pladsholder; $office er en af de to ovenfor.
typeset-letter-unnamed-signatory = { $office } i { $municipality } pr. { $date } er `{ $name }`: en embedsperson uden et kendt navn kan ikke skrive under
typeset-letter-no-council-decision = application: brevet nævner ingen beslutning i kommunalbestyrelsen i { $municipality } om at søge
typeset-letter-no-council-decision-hint = tilføj den til applications.{ $id }.decisions: `- { "{" } municipality: { $applicant }, meeting: <mødets id>, item: <nummer> { "}" }`, eller `body:` og `date:`; eller markér brevet med `draft: true`, indtil kommunalbestyrelsen har besluttet
typeset-letter-applicant-unsigned = { $municipality } søger, men skriver hverken under på brevet eller vedlægger kommunalbestyrelsens beslutning i stedet for underskrift
typeset-letter-applicant-unsigned-hint = tilføj `{ $applicant }` til `signatories` (borgmester og kommunaldirektør skriver under, kommunestyrelseslovens § 32), eller angiv beslutningen på et møde i faktaene med `in_place_of_signature: true`, og vedlæg udskriften som bilag; eller markér brevet med `draft: true`
typeset-letter-no-ministry-decision = application: brevet henviser ikke til ministeriets afgørelse om den tidligere ansøgning `{ $earlier }`
typeset-letter-no-ministry-decision-hint = tilføj `ministry_decision: { "{" } date: …, case_number: "…", outcome: granted { "}" }` til applications.{ $earlier }
typeset-letter-no-contact = { $path }: det endelige brev nævner ingen kontaktperson
typeset-letter-no-contact-hint = tilføj `contact: { "{" } official: chief_executive, municipality: <id>, phone: …, email: … { "}" }` eller en person med `name:` og `title:`; eller markér brevet med `draft: true`
# `dokgen new application`.
typeset-letter-new-no-cooperation = projektet har intet samarbejde, så en ansøgning har ingen områder
typeset-letter-new-no-cooperation-hint = angiv først `cooperation:` med medlemmer og områder (se `dokgen new MAPPE`)
typeset-letter-new-unknown-area = `{ $area }` er ikke et område i samarbejdet
typeset-letter-new-areas = samarbejdets områder er { $areas }
typeset-letter-new-no-areas-left = alle samarbejdets områder er allerede med i en ansøgning
typeset-letter-new-no-areas-left-hint = nævn den nye ansøgnings områder med --leaving OMRÅDE

## Mødepapirer.

typeset-papers-no-meeting = mødepapirer skal nævne deres møde
typeset-papers-no-meeting-hint = tilføj `meeting: <mødets id>`
typeset-papers-no-items = meeting: mødet `{ $id }` har ingen punkter
typeset-papers-no-items-hint = giv meetings[{ $index }] en liste af punkter, `items:`
typeset-papers-internal-public-name = output: de interne mødepapirer skrives til `{ $file }`, et offentligt navn
typeset-papers-internal-public-name-hint = giv filen et internt navn: `output: { $output }-intern`
typeset-papers-public-internal-name = output: de offentlige mødepapirer skrives til `{ $file }`, et internt navn
typeset-papers-public-internal-name-hint = fjern "intern" fra navnet, eller sæt `internal: true`
typeset-papers-no-minute-taker = { $path }: referatet `{ $file }` nævner ikke, hvem der har taget referatet
typeset-papers-no-minute-taker-hint = tilføj `minute_taker: { "{" } name: <fulde navn> { "}" }` eller `{ "{" } official: chief_executive, municipality: <id> { "}" }`
typeset-papers-no-decision = { $path }: referatet `{ $file }` mangler beslutningen om "{ $title }"
typeset-papers-no-decision-hint = tilføj `decision: Tiltrådt.` (eller det, der blev besluttet) til punktet
# `dokgen new meeting`, når sekretariatet ikke har overskrifter til sine dagsordenspunkter.
typeset-papers-new-no-headings = `{ $secretariat }` har ingen `meeting_papers`: et mødes punkter ville ikke have nogen overskrifter
typeset-papers-new-no-headings-hint = angiv først municipalities.{ $secretariat }.meeting_papers.headings, overskrifterne på kommunens dagsordenspunkter i kommunens rækkefølge: `- { "{" } part: presentation, title: Sagsfremstilling { "}" }`

## Tillægsdagsordener, udskrifter og det offentlige referat af lukkede punkter.
typeset-papers-extract-no-item = papers: en udskrift af protokollen skal angive sit punkt
typeset-papers-extract-no-item-hint = tilføj `item:` med det nummer, dagsordenen trykker
typeset-papers-extract-unknown-item = item: { $number } er ikke et af punkterne på mødet `{ $id }`
typeset-papers-extract-unknown-item-hint = en udskrift gælder et punkt, ikke et standardpunkt: { $numbers }
typeset-papers-item-without-extract = item: kun en udskrift af protokollen (`papers: extract`) gælder ét punkt
typeset-papers-item-without-extract-hint = skriv `papers: extract`, eller udelad `item`
typeset-papers-no-supplementary-items = papers: mødet `{ $id }` har ingen tillægspunkter
typeset-papers-no-supplementary-items-hint = et punkt, der er optaget på dagsordenen efter udsendelsen, har `supplementary:` med begrundelsen for, at det ikke kan vente
typeset-papers-closed-decision-unpublished = { $path }: det offentlige referat `{ $file }` siger intet om beslutningen i det lukkede punkt { $number }
typeset-papers-closed-decision-unpublished-hint = kommunestyrelseslovens § 8, stk. 7: beslutninger truffet for lukkede døre offentliggøres, så vidt tavshedspligten tillader; tilføj `public_decision:` under `closed` (fx "Indstillingen blev godkendt.")
typeset-papers-extract-before-meeting = date: udskriften er dateret { $date }, før mødet { $meeting }
typeset-papers-extract-before-meeting-hint = en udskrift af protokollen bekræftes efter mødet: angiv den dato, den bekræftes

## Websider (formatet `html`).
typeset-html-left-out = en webside kan ikke vise denne `{ $what }`: den hører til den trykte side, og siden ville mangle noget af det, PDF'en trykker
typeset-html-left-out-hint = giv funktionen en udgave til websiden med `context if target() == "html" {"{"} … {"}"} else {"{"} … {"}"}`, som stilbiblioteket dokgen.typ gør; eller fjern `html` fra dokumentets `formats`
typeset-kind-publication = en oversigtsside i webpubliceringen
typeset-web-annex-not-ua = { $path }: bilaget `{ $file }` offentliggøres uændret på nettet, men er ikke markeret som PDF/UA (tilgængelig PDF)
typeset-web-annex-not-ua-hint = webtilgængelighedsloven gælder også PDF-filer på en offentlig myndigheds hjemmeside: gem eller eksporter bilaget som PDF/UA, eller gør det tilgængeligt og marker det som PDF/UA i et PDF-værktøj (fx Adobe Acrobat), eller marker det `public: false`, indtil det er tilgængeligt
