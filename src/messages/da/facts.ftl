## facts: at læse faktafilerne i content/ og tjekke dem.
## En fejl i fakta vises som "<faktaens sti>: <meddelelse>", stien som
## YAML skriver den (`meetings[1].absent[0]`).

# En fejl ved en faktaoplysning: dens sti i fakta, derefter hvad der er galt.
facts-at = { $path }: { $message }

## Lister sat sammen af dele: "a, b eller c", "a, b og c".


## At læse faktafilerne (load.rs).

# En mappe under content/, der ikke kan læses.
facts-folder-unreadable = mappen kan ikke læses: { $reason }
# Grunden, når et symbolsk link i content/ fører tilbage til en mappe over det.
facts-folder-loop = et symbolsk link i den fører tilbage til en mappe over den
facts-folder-hint = et projekt skal have en mappe content/ med fakta som YAML-filer
# `municipalities.ishoej` angivet i to faktafiler.
facts-defined-twice = `{ $path }` er angivet to gange
facts-defined-twice-hint = den er også angivet i { $file }; behold kun den ene
# Et afsnit som `cooperation` angivet i to faktafiler.
facts-section-twice = afsnittet `{ $section }` er angivet to gange
facts-section-twice-hint = det er også angivet i { $file }; et projekt har kun ét `{ $section }`
facts-prose-outside = prosafilen `{ $path }` ligger uden for content/
facts-prose-outside-hint = stier til prosafiler regnes fra content/ og må ikke bruge `..` eller begynde med `/`
# Grunden kommer fra den dør, filer læses igennem ("den findes ikke").
facts-prose-not-read = prosafilen `content/{ $path }` læses ikke: { $reason }
facts-prose-relative-hint = stier til prosafiler regnes fra content/

## Ukendte henvisninger og id'er.

# En henvisning til et id, som fakta ikke angiver, efter hvad den henviser til.
facts-unknown-municipality = ukendt kommune `{ $id }`
facts-unknown-member = ukendt medlem af samarbejdet `{ $id }`
facts-unknown-applicant = ukendt ansøger `{ $id }`
facts-unknown-area = ukendt område `{ $id }`
facts-unknown-own-area = ukendt område `{ $id }` i denne ansøgning
facts-unknown-meeting = ukendt møde `{ $id }`
facts-unknown-application = ukendt ansøgning `{ $id }`
facts-unknown-near-hint = mente du `{ $near }`? (kendte id'er: { $known })
facts-unknown-known-hint = kendte id'er: { $known }
facts-unknown-none-hint = fakta angiver endnu ingen id'er af den slags
facts-did-you-mean = mente du `{ $near }`?
facts-invalid-id = `{ $id }` er ikke et gyldigt id
facts-invalid-id-hint = brug kun a-z, 0-9, - og _ i id'et, og begynd med et bogstav, fx `{ $example }`; det danske navn skrives i `name:`
facts-id-twice = id'et `{ $id }` er brugt to gange
# `other` er stien til den post, der har samme id: `meetings[0]`.
facts-id-twice-hint = { $other } har samme id; giv hver sit eget

## Kommunerne, deres befolkning og embedspersoner.

facts-population-not-positive = { $value } indbyggere er ikke et gyldigt befolkningstal
facts-population-not-positive-hint = et befolkningstal er et helt tal over nul
# Et befolkningstal eller en størrelsesregel over ti millioner.
facts-population-implausible = { $value } indbyggere er mere end hele Danmarks befolkning
facts-population-implausible-hint = skriv antallet af indbyggere kun med cifre, fx 22988; Danmark har omkring seks millioner indbyggere
facts-figure-without-source = tallet har ingen kilde
facts-figure-without-source-hint = skriv, hvor tallet kommer fra, fx `Danmarks Statistik, FOLK1A`
facts-figure-year-twice = endnu et tal for { $year }
# `other` er stien til det andet tal: `municipalities.ishoej.population[2]`.
facts-figure-year-twice-hint = { $other } er også fra { $year }; behold ét tal pr. år
facts-figures-out-of-order = tallene står ikke i datoorden: { $date } kommer efter { $previous }
facts-figures-out-of-order-hint = skriv tallene med det ældste først
facts-office-nobody = embedet har ingen indehaver
facts-office-nobody-hint = angiv personen: `{"{"} name: …, title: … {"}"}`
facts-term-reversed = embedsperioden slutter ({ $until }), før den begynder ({ $from })
facts-term-reversed-hint = `from` er den første dag i embedet, `until` den sidste
# To personer i ét embede, `before` nævnt først, uden datoer, der skiller deres perioder.
facts-terms-undated = ifølge datoerne kan { $before } og { $after } have embedet samtidig
facts-terms-undated-hint = når der er mere end én person, så angiv datoerne for hver periode: `until:` på den tidligere, `from:` på den senere
facts-terms-overlap = perioden begynder den { $began }, før perioden for { $before } slutter ({ $ended })
facts-terms-overlap-hint = skriv perioderne med den ældste først og uden overlap
# Embederne, som en meddelelse nævner dem: "har ingen siddende kommunaldirektør".
facts-office-mayor = borgmester
facts-office-chief-executive = kommunaldirektør
facts-author-unknown = `{ $id }` er ikke en af kommunerne i fakta
facts-municipalities-are = kommunerne er { $known }

## Filer, som fakta nævner: et logo, et bilag.

# `kinds` er en liste som ".svg, .png, .jpg eller .jpeg".
facts-logo-kind = `{ $file }` har ikke en filtype, som et logo kan have
facts-logo-kind-hint = angiv logoet som en fil af typen { $kinds } inde i projektet
facts-logo-outside = `{ $file }` ligger uden for projektet
facts-logo-outside-hint = stier til logoer regnes fra projektmappen, fx `bilag/{ $name }`
# Grunden kommer fra den dør, filer læses igennem ("den findes ikke").
facts-logo-not-read = logoet `{ $file }` læses ikke: { $reason }
facts-logo-relative-hint = stier til logoer regnes fra projektmappen (den med dokgen.yaml)
facts-annex-kind = `{ $file }` har ikke en filtype, som et bilag kan have
facts-annex-kind-hint = angiv bilaget som en fil af typen { $kinds } inde i projektet
facts-annex-outside = `{ $file }` ligger uden for projektet
facts-annex-outside-hint = stier til bilag regnes fra projektmappen, fx `bilag/{ $name }`
facts-annex-not-read = bilaget `{ $file }` læses ikke: { $reason }
facts-annex-relative-hint = stier til bilag regnes fra projektmappen (den med dokgen.yaml)
# Grunden kommer fra det program, der læser PDF-filer.
facts-annex-not-a-pdf = `{ $file }` kan ikke læses som PDF: { $reason }
facts-annex-not-a-pdf-hint = eksportér bilaget som PDF igen, eller angiv det som et PNG- eller SVG-billede
facts-annex-no-ministry-decision = ansøgningen `{ $id }` har ingen afgørelse fra ministeriet, der kan vedlægges som bilag
facts-annex-no-ministry-decision-hint = tilføj `ministry_decision: {"{"} date: …, case_number: "…", outcome: granted {"}"}` til applications.{ $id }
facts-annex-several = bilaget angiver mere end én af disse: et uddrag (`minutes`), et mødes referat (`meeting`), en afgørelse (`decision`) og et dokument i projektet (`document`)
facts-annex-several-hint = giv hver sit eget bilag
facts-annex-unknown-document = bilaget nævner dokumentet `{ $name }`, som projektet ikke har
facts-annex-unknown-document-hint = nævn et dokument ved dets output-navn: { $known }
facts-annex-looks-like-document = bilaget »{ $title }« ligner dokumentet `{ $document }` (»{ $document_title }« af { $date }), men nævner det ikke
facts-annex-looks-like-document-hint = skriv `document: { $document }` i stedet for titlen, så får bilaget dokumentets egen titel og dato
facts-annex-untitled = bilaget har ingen titel
facts-annex-untitled-hint = giv det en `title:`, eller angiv, hvad det er: `minutes: {"{"} meeting: <id>, item: <nummer> {"}"}` (et uddrag), `meeting: <id>` (et mødes referat), `decision: <ansøgningens id>` (ministeriets afgørelse) eller `document: <output>` (et dokument i projektet)
facts-annex-title-undated = bilagstitlen `{ $title }` henviser til et møde eller en afgørelse, men nævner ikke datoen
facts-annex-title-undated-hint = angiv mødet (`meeting: <id>`) eller afgørelsen (`decision: <ansøgningens id>`) i stedet for titlen, så skriver dokgen titlen med datoen; eller skriv datoen ind i titlen

## Reglerne og strategien.

facts-range-reversed = min { $min } er større end max { $max }
facts-range-reversed-hint = et interval skrives `{"{"} min: …, max: … {"}"}` med min ≤ max
facts-line-number = den strategiske linje har nummer { $number }, men nummer { $expected } var ventet
facts-line-number-hint = nummerér de strategiske linjer 1, 2, … i rækkefølge

## Møderne, deres punkter og deltagerne.

facts-time-invalid = `{ $time }` er ikke et klokkeslæt
facts-time-invalid-hint = skriv klokkeslættet som TT:MM i anførselstegn, fx `time: "17:30"`; det udskrives som kl. 17.30
facts-secretariat-without-papers = `{ $id }` har ingen `meeting_papers`, så mødets punkter får ingen overskrifter
facts-secretariat-without-papers-hint = angiv municipalities.{ $id }.meeting_papers.headings: en liste af `{"{"} part: presentation, title: Sagsfremstilling {"}"}`
facts-meeting-without-secretariat = mødet har punkter, men intet sekretariat
facts-meeting-without-secretariat-hint = tilføj `secretariat: <kommunens id>`: kommunens overskrifter og deres rækkefølge bruges til punkterne
facts-item-recommends-nothing = punktet indstiller ingenting
facts-item-recommends-nothing-hint = skriv én at-sætning pr. beslutning, uden "at": `- styregruppen godkender strategien`
facts-clause-with-at = sætningen begynder med "at", som skabelonen selv tilføjer
facts-clause-with-at-hint = skriv sætningen uden det indledende "at"
facts-heading-twice = denne del har allerede en overskrift
facts-heading-twice-hint = giv hver del én overskrift
facts-heading-with-meeting = kun beslutningens overskrift kan nævne mødet
facts-heading-with-meeting-hint = fjern `with_meeting` her
facts-heading-missing = ingen overskrift for `{ $part }`
facts-heading-missing-hint = hvert punkt har en indstilling (Indstilling) og en beslutning (Beslutning); giv begge en overskrift
facts-email-invalid = `{ $email }` er ikke en e-mailadresse
facts-email-invalid-hint = skriv den som navn@domæne.dk
facts-not-a-person = `{ $name }` er ikke en persons navn
facts-absentee-not-a-person-hint = referatet nævner hvert afbud ved navn: skriv det fulde navn
facts-absentee-not-a-member = `{ $name }` er ikke blandt mødets medlemmer
facts-absentee-no-members-hint = nævn først medlemmerne i `members:`; den, der har meldt afbud, er en af dem
# `names` er medlemmernes navne, som fakta skriver dem.
facts-absentee-names-hint = skriv navnet, som det står i `members`: { $names }
facts-attendee-not-a-person-hint = mødepapirer nævner personer: skriv hvert medlems fulde navn ("Ole Bjørstorp") med `party:` eller `role:`; en embedsperson kan angives med `official:` og `municipality:`
# En deltager i et møde, eller et brevs kontaktperson, angivet på begge måder eller ingen af dem.
# `who` er facts-who-*, `occasion` facts-occasion-*, `instead` facts-instead-*.
facts-name-and-official = { $who } har både et navn og et embede
facts-name-and-official-hint = behold `name:` (en person) eller `official:` (mayor eller chief_executive), ikke begge
facts-neither-name-nor-official = { $who } har hverken et navn eller et embede
facts-neither-name-nor-official-hint = angiv personens `name:` eller, for den embedsperson, der havde embedet på { $occasion } dato, `official: chief_executive` (eller mayor) med `municipality:`
facts-official-without-municipality = embedet er ikke knyttet til nogen kommune
facts-official-without-municipality-hint = tilføj `municipality: <id>` for den kommune, embedet hører til
# "Vallensbæk Kommune har ingen siddende kommunaldirektør den 2017-06-19, mødets dato".
facts-official-not-in-office = { $municipality } har ingen siddende { $office } den { $date }, { $occasion } dato
facts-official-not-in-office-hint = tilføj den, der havde embedet, til municipalities.{ $id }.officials, eller { $instead }
facts-who-person = personen
facts-who-contact = kontaktpersonen
facts-occasion-meeting = mødets
facts-occasion-letter = brevets
facts-instead-person = skriv personens `name:`
facts-instead-contact = angiv kontaktpersonen med `name:` og `title:`
facts-item-missing = mødet `{ $meeting }` har intet punkt { $number }
facts-item-numbers-one = mødets eneste punkt har nummer { $first }
facts-item-numbers-one-after-standard = mødets eneste punkt har nummer { $first } (de faste punkter før det nummereres først)
facts-item-numbers-range = mødets punkter har numrene { $first }–{ $last }
facts-item-numbers-range-after-standard = mødets punkter har numrene { $first }–{ $last } (de faste punkter før dem nummereres først)
facts-item-without-decision = punkt { $number } på `{ $meeting }` har ingen beslutning
facts-item-without-decision-hint = giv punktet en `decision:` (fx "Godkendt."): det er derfra, beslutningen citeres og uddrages

## Et endeligt brevs kontaktperson.

facts-contact-is-an-office = kontaktpersonen i det endelige brev, `{ $name }`, er et kontor, ikke en person
facts-contact-is-an-office-hint = angiv personen (`name:` og `title:`) eller embedet (`official: chief_executive`); kontoret skrives i `unit:`
facts-contact-without-title = kontaktpersonen i det endelige brev, { $name }, har ingen titel
facts-contact-without-title-hint = tilføj personens `title:` ("Chefkonsulent")
facts-contact-unreachable = det endelige brevs kontaktperson har hverken telefonnummer eller e-mailadresse
facts-contact-unreachable-hint = tilføj `phone:` ("43 57 75 75") eller `email:`, eller begge; eller markér brevet med `draft: true`, indtil et af dem kendes

## Loven og ansøgningerne.

facts-act-number-zero = en lov nummereres fra 1
facts-act-number-zero-hint = skriv lovens nummer: `act: {"{"} number: 541, date: 2005-06-24 {"}"}`
facts-consolidated-number-zero = en lovbekendtgørelse nummereres fra 1
facts-consolidated-number-zero-hint = skriv dens nummer: `consolidated: {"{"} number: 789, date: 2024-06-24 {"}"}`
facts-section-invalid = `{ $section }` er ikke en paragraf i en lov
facts-section-invalid-hint = skriv paragraffen uden § og stykket for sig: `{"{"} section: "11 a", subsection: 2 {"}"}`; filteret `paragraf` udskriver "§ 11 a, stk. 2"
facts-subsection-zero = stykker tælles fra 1
facts-number-zero = numre tælles fra 1
facts-provision-zero-hint = stk. 1 er det første stykke, nr. 1 det første nummer
facts-application-without-areas = ansøgningen nævner ingen områder
facts-application-without-areas-hint = angiv id'erne på de områder, ansøgningen søger om at tage ud af samarbejdet
facts-application-unsigned = ingen skriver under på ansøgningen
facts-application-unsigned-hint = angiv de kommuner, hvis borgmester og kommunaldirektør skriver under, fx `[ishoej, vallensbaek]`
facts-provision-unknown-order = bestemmelsen står i bekendtgørelsen `{ $order }`, som `law.orders` ikke har
facts-provision-unknown-order-hint = tilføj den til lovens fakta: `orders: {"{"} { $order }: {"{"} number: 656, date: 2005-06-29 {"}"} {"}"}`
facts-council-other-name = »{ $body }«: { $municipality } kalder sin kommunalbestyrelse { $council }
facts-council-other-name-hint = skriv »{ $body }«, eller ret `council:` under municipalities.{ $id }, hvis kommunen kalder den noget andet
facts-decision-in-place-not-annexed = { $municipality }s beslutning træder i stedet for kommunens underskrift, men ansøgningen har den ikke som bilag (udskrift af beslutningsprotokollen)
facts-decision-in-place-not-annexed-hint = tilføj `- minutes: {"{"} meeting: { $meeting }, item: { $item } {"}"}` til ansøgningens bilag
facts-decision-in-place-no-meeting-hint = kun en beslutning på et møde i faktaene (`meeting` og `item`) kan vedlægges som udskrift
facts-addressee-unknown = ansøgningen nævner intet ministerium, og dokgens tabel over ministerier kender ikke det ministerium, der havde ansvaret for loven den { $date }
facts-addressee-unknown-hint = tabellen går fra { $first } til { $last }; angiv ministeriet som `addressee: {"{"} name: …, address: [ …, … ] {"}"}`
facts-addressee-wrong = ansøgningen er stilet til { $given }, men den { $date } hørte loven om forpligtende samarbejde under { $right }
facts-addressee-wrong-hint = udelad `addressee`, så skriver dokgen { $right } med adresse (kilde: { $source }), eller ret navnet
facts-minister-wrong = »{ $said }« den { $date }: den minister, der havde ansvaret for loven, var { $right }
facts-minister-wrong-hint = skriv {"{{"} ministry.minister {"}}"}, som altid er titlen på dokumentets dato (kilde: { $source })
facts-start-not-after-date = områderne skal udgå efter ansøgningens dato { $date }, men `start` er { $start }
facts-start-not-after-date-hint = en ansøgning beder ministeren om en ændring fra en senere dato: sæt `start` efter `date`
facts-ministry-decision-early = ministeriet traf afgørelse den { $decided }, men ansøgningen er dateret { $date }
facts-ministry-decision-early-hint = afgørelsen kommer efter ansøgningen: tjek begge datoer
facts-applicant-not-concerned = `{ $applicant }` er ikke berørt af ansøgningens områder
# `concerned` er en liste af id'er: `ishoej`, `vallensbaek`.
facts-applicant-not-concerned-hint = ansøgningens områder varetages af og for { $concerned }; fjern `{ $applicant }`, eller tilføj et område, som kommunen deltager i
# `areas` er områdernes navne: "beskæftigelse og det sociale område".
facts-concerned-not-applying = `{ $member }` deltager i { $areas }, men er ikke blandt ansøgerne
facts-concerned-not-applying-hint = ministeren handler efter ansøgning fra de berørte kommunalbestyrelser: tilføj `{ $member }` til ansøgerne
facts-signatory-not-in-office = { $municipality } har ingen siddende { $office } den { $date }, ansøgningens dato
facts-signatory-no-holder-hint = ingen indehaver af embedet kendes; tilføj den, der havde embedet, til municipalities.{ $id }.officials
# `terms` er indehaverne med deres perioder: "Lars Hansen –2018-06-30, Anette J. Laustsen 2018-10-01–".
facts-signatory-terms-hint = de kendte embedsperioder er { $terms }; tilføj den, der havde embedet, til municipalities.{ $id }.officials
facts-decision-twice = `{ $municipality }` har allerede en beslutning
facts-decision-twice-hint = hver kommunalbestyrelses beslutning om at søge angives én gang
facts-decision-without-item = beslutningen nævner et møde, men ikke punktet
facts-decision-without-item-hint = tilføj `item: <punktets nummer på dagsordenen>`
facts-decision-meeting-and-body = beslutningen nævner både et møde og et organ eller en dato
facts-decision-meeting-and-body-hint = et møde i fakta har selv sit organ og sin dato; angiv enten `meeting` og `item` eller `body` og `date`
facts-decision-nowhere = beslutningen angiver hverken, hvor eller hvornår den blev truffet
facts-decision-nowhere-hint = angiv `meeting` og `item` for et møde i fakta, eller `body` ("Kommunalbestyrelsen i Tårnby Kommune") og `date`
facts-decision-after-application = kommunalbestyrelsen besluttede den { $decided }, efter ansøgningens dato { $date }
facts-decision-after-application-hint = en ansøgning sendes, når kommunalbestyrelserne har besluttet at søge
facts-phase-missing = ansøgningen har ingen fase, men andre har
facts-phase-missing-hint = giv hver ansøgning sin `phase: 1, 2, …`, eller giv ingen af dem en fase (så ordnes de efter dato)
facts-phase-twice = fase { $phase } er også fasen for `{ $other }`
facts-phase-twice-hint = hver ansøgning har sin egen fase: 1, 2, …
facts-phase-gap = fase { $phase }, men fase { $expected } var ventet
facts-phase-gap-hint = nummerér faserne 1, 2, … i den rækkefølge, ansøgningerne sendes
facts-first-phase-areas = den første ansøgning har { $count ->
    [one] 1 område
   *[other] { $count } områder
}, men { $min }–{ $max } er tilladt
facts-first-phase-areas-hint = flyt områder til en senere ansøgning, eller ret eller fjern `rules.first_phase_areas`
facts-area-in-two-applications = området `{ $area }` er med i to ansøgninger: `{ $first }` og `{ $second }`
facts-area-in-two-applications-hint = et område kan kun udgå af samarbejdet én gang; fjern det fra den ene ansøgning
facts-area-in-no-application = området `{ $area }` er ikke med i nogen ansøgning
# `applications` er en liste af id'er: `ansoegning-1`, `ansoegning-2`.
facts-area-in-no-application-hint = samarbejdet ophører (`ends`), så hvert område skal udgå i én ansøgning: tilføj det til { $count ->
    [one] { $applications }
   *[other] en af { $applications }
}, eller fjern `ends: true` for at beholde det i samarbejdet

## Afregningen af ydelser (BUM).

facts-settlement-no-years = der er ingen år at afregne
facts-settlement-no-years-hint = angiv årene, fx `years: [2018, 2019]`
facts-settlement-year-twice = { $year } står to gange
facts-settlement-year-twice-hint = skriv hvert år én gang
facts-not-an-orderer = `{ $orderer }` er ikke en af bestillerne
facts-not-an-orderer-hint = bestillerne er { $orderers }; tilføj `{ $orderer }` til settlement.orderers, eller fjern dens mængder
# `unit` er ydelsens enhed, som fakta skriver den: "forløb".
facts-volume-negative = { $volume } { $unit } er ikke en gyldig mængde
facts-volume-negative-hint = en mængde er et helt antal enheder, 0 eller flere
facts-volume-year-not-settled = { $year } er ikke et af de år, der afregnes
facts-volume-year-not-settled-hint = tilføj året til settlement.years, eller fjern denne mængde
facts-volume-missing = ingen mængde for `{ $orderer }` i { $year }
facts-volume-missing-hint = angiv hver bestillers mængde for hvert år (0, hvis den intet bestiller): `{ $orderer }: {"{"} { $year }: 0 {"}"}`
# `bound` er skrevet på dansk: "100.000.000.000".
facts-unit-cost-too-large = enhedens kostpris bliver over { $bound } kr.
facts-unit-cost-too-large-hint = tjek beløbet: hele kroner, uden øre og uden tusindtalspunktum
facts-amount-too-large = prisen gange denne mængde bliver over { $bound } kr.
facts-amount-too-large-hint = tjek mængden og ydelsens kostpris
facts-kroner-negative = { $value } kr. er et negativt beløb
facts-kroner-negative-hint = et beløb i kroner er 0 eller mere
facts-no-units = { $units } enheder om året kan ikke give en pris pr. enhed
facts-no-units-hint = angiv, hvor mange { $unit } ét årsværk leverer om året, 1 eller flere

## Råd: advarsler fra `dokgen check`.

# Et dagsordenspunkt, hvis tekst nævner et beløb, uden et afsnit om økonomi.
facts-amount-without-finances = punktet "{ $title }" nævner et beløb ({ $amount }), men har intet Økonomi-afsnit
facts-amount-without-finances-hint = tilføj `finances: <prosafil>`: hvad det koster, og hvor pengene kommer fra

facts-wanted-terms = en person (`name`, `title`) eller en liste af personer med deres embedsperioder

## Fremmøde: hvem der var fraværende, mødte som stedfortræder, kom senere
## eller gik før, eller var inhabil i et punkt.

facts-absent-twice = `{ $name }` står både som fraværende med afbud (`absent`) og uden afbud (`absent_without_notice`)
facts-absent-twice-hint = behold navnet i kun én af de to lister
facts-substitute-for-present = `{ $name }` er stedfortræder for `{ $member }`, som ikke er fraværende
facts-substitute-for-present-hint = en stedfortræder møder for et medlem, der står i `absent` eller `absent_without_notice`: tilføj medlemmet der, eller ret `instead_of`
facts-partly-but-absent = `{ $name }` står som fraværende fra hele mødet og samtidig som deltager i nogle af punkterne
facts-partly-but-absent-hint = et medlem, der kom senere eller gik før, deltog i mødet: fjern navnet fra `absent` eller `absent_without_notice`
facts-partly-no-such-item = mødet har intet punkt { $number }: dagsordenen har { $count ->
    [one] 1 punkt
   *[other] { $count } punkter
}
facts-partly-items-hint = angiv det første punkt, medlemmet deltog i, som `from_item` og det sidste som `until_item`, med de numre, dagsordenen bruger
facts-partly-nothing = `{ $name }` står som deltager i nogle af punkterne, men hverken `from_item` eller `until_item` siger hvilke
facts-partly-reversed = `until_item` ({ $until }) kommer før `from_item` ({ $from })
facts-conflicted-not-there = `{ $name }` er inhabil i punkt { $number }, men deltog slet ikke i punktet
facts-conflicted-not-there-hint = inhabilitet noteres for et medlem, der var til stede, da punktet blev behandlet; ellers udelades den

## Afstemninger og mindretalsudtalelser i et punkt.

facts-vote-twice = `{ $name }` står på to sider i afstemningen
facts-vote-twice-hint = hvert medlem eller parti stemmer én gang: for, imod eller hverken for eller imod
facts-vote-not-there = `{ $name }` stemmer i punkt { $number }, men deltog ikke i punktet
facts-vote-party-not-there = `{ $party }` stemmer i punkt { $number }, men ingen af partiets medlemmer deltog i punktet
facts-vote-not-there-hint = et medlem, der er fraværende, var ude under punktet eller er inhabil i det, stemmer ikke: se `absent`, `partly` og punktets `conflicted`
facts-vote-unknown = `{ $name }` er hverken medlem af mødet eller et af dets partier
facts-vote-known-hint = medlemmerne og partierne: { $known }
facts-vote-no-counts = afstemningen angiver ikke stemmetallene, og fakta nævner ikke mødets medlemmer, så de kan tælles
facts-vote-no-counts-hint = tilføj `counts: {"{"} for: 17, against: 2, abstaining: 1 {"}"}` til afstemningen, eller nævn medlemmerne i `members:`
facts-dissent-not-there = `{ $name }` har fået en mindretalsudtalelse tilført protokollen i punkt { $number }, men deltog ikke i punktet
facts-dissent-voted-for = `{ $name }` har fået en mindretalsudtalelse tilført protokollen, men stemte for beslutningen
facts-dissent-voted-for-hint = en mindretalsudtalelse tilføres for et medlem i mindretallet: et, der stemte imod eller undlod at stemme (den, der undlod, kan kun få en udtalelse om fremgangsmåden tilført)

## Referatet som protokol: hvornår mødet sluttede, og hvem der skriver under.

facts-meeting-ends-before-it-begins = mødet slutter kl. { $ended }, før det begynder kl. { $start }
facts-meeting-ends-before-it-begins-hint = skriv, hvornår mødet sluttede (`ended`) og begyndte (`time`), som `TT:MM` på samme dag
facts-signatory-not-there = `{ $name }` er mødets formand og skriver under på protokollen, men står som fraværende
facts-signatory-not-there-hint = den, der skriver under på protokollen, står inde for at have været til stede: angiv i `chair` det medlem, der var mødeleder
facts-signing-without-chair = protokollen underskrives af formanden og referenten, men fakta nævner ingen `chair` eller ingen `minute_taker`
facts-signing-without-chair-hint = angiv formanden (`chair:`, et medlems navn) og referenten (`minute_taker:`), eller lad alle medlemmer skrive under (`signing: all`)

## Hjemlen til at lukke et punkt, efter hvilken slags forsamling der holder mødet.

facts-closed-under-section-10 = `{ $body }` holder ikke offentlige møder og lukker derfor ikke et punkt efter kommunestyrelseslovens § 10: kun kommunalbestyrelsens møder er offentlige
facts-closed-under-section-10-hint = angiv grunden til at undtage punktet fra offentliggørelse efter offentlighedsloven alene, fx `basis: offentlighedslovens § 30, nr. 2`; er forsamlingen kommunalbestyrelsen, så angiv det med `body_kind: council`

## Papirsporet over tid: tillægspunkter, rettelser, offentliggjorte protokoller.
facts-item-after-supplementary = punktet står efter et tillægspunkt, men det var på dagsordenen, da den blev sendt ud
facts-item-after-supplementary-hint = punkter, der er optaget på dagsordenen efter udsendelsen (`supplementary`), står sidst og nummereres videre fra dagsordenen: flyt punktet op foran dem
facts-supplementary-without-reason = tillægspunktet "{ $title }" mangler en begrundelse for, at sagen ikke kan vente
facts-supplementary-without-reason-hint = kommunestyrelseslovens § 8, stk. 4: for et punkt, der optages på dagsordenen efter udsendelsen, skal det begrundes, hvorfor sagen ikke kan vente til næste møde; tilføj `reason:` under `supplementary`
facts-supplementary-after-meeting = tillægsdagsordenen blev sendt ud { $sent }, efter mødet { $date }
facts-supplementary-after-meeting-hint = et punkt, der blev behandlet på mødet, er optaget på dagsordenen senest på mødedagen: ret `sent`
facts-supplementary-before-agenda = tillægsdagsordenen blev sendt ud { $sent }, før selve dagsordenen ({ $agenda })
facts-supplementary-before-agenda-hint = et punkt, der var med, da dagsordenen blev sendt ud, er et almindeligt punkt: fjern `supplementary`, eller ret datoerne
facts-sent-after-meeting = papirerne blev sendt ud { $sent }, efter mødet { $date }
facts-sent-after-meeting-hint = ret datoen: papirerne til et møde sendes ud før mødet
facts-published-before-meeting = protokollen er offentliggjort { $published }, før mødet { $date }
facts-published-before-meeting-hint = `published` er den dag, referatet blev godkendt og offentliggjort, på eller efter mødedagen
facts-correction-unknown-item = rettelsen nævner punkt { $number }, som mødet ikke har
facts-correction-unknown-item-hint = dagsordenens punktnumre: { $numbers }; udelad `item` for en rettelse af protokollen som helhed
facts-correction-too-early = rettelsen er dateret { $date }, men kan tidligst tilføjes { $earliest }
facts-correction-too-early-hint = en rettelse tilføjes protokollen efter mødet og efter offentliggørelsen, hvis protokollen er offentliggjort
facts-published-item-gone = punkt { $number } ("{ $title }") i protokollen, der blev offentliggjort { $published }, er ikke længere blandt mødets punkter
facts-published-item-gone-hint = en offentliggjort protokol ændres ikke: genindsæt punktet, og skriv det, der skal rettes, under mødets `corrections` (den gemte protokol: { $file })
facts-published-protocol-changed = punkt { $number }: `{ $field }` afviger fra protokollen, der blev offentliggjort { $published }
facts-published-decision-was = i den offentliggjorte protokol står: { $decision }
facts-published-protocol-changed-hint = en offentliggjort protokol rettes kun ved tilføjelse: sæt det oprindelige tilbage, og skriv rettelsen med dens dato under mødets `corrections` (den gemte protokol: { $file })
facts-protocol-record-comment = Protokollen for mødet { $meeting }, som den blev offentliggjort { $published }.
    Lavet af dokgen build; gem den sammen med faktaene, og ret den ikke.
    En offentliggjort protokol rettes kun ved tilføjelse: skriv rettelsen under mødets `corrections`.
facts-agenda-late = dagsordenen blev sendt ud { $sent }, { $weekdays ->
        [one] 1 hverdag
       *[other] { $weekdays } hverdage
    } før mødet { $date }; kommunestyrelseslovens § 8, stk. 4, kræver { $required } hverdage (senest { $latest })
facts-material-late = materialet blev sendt ud { $sent }, { $weekdays ->
        [one] 1 hverdag
       *[other] { $weekdays } hverdage
    } før mødet { $date }; kommunestyrelseslovens § 8, stk. 4, kræver { $required } hverdage (senest { $latest })
facts-late-hint = hverdage er mandag til fredag, undtagen helligdage, grundlovsdag, juleaftensdag og nytårsaftensdag; fristen gælder "så vidt muligt", så skriv i dagsordenen, hvorfor sagen ikke kunne vente
facts-published-date-differs = protokollen blev gemt som offentliggjort { $recorded } ({ $file })
facts-published-date-differs-hint = en protokol offentliggøres én gang: `published` er datoen i den gemte protokol
facts-published-attendance-changed = `{ $field }` afviger fra fremmødet i protokollen, der blev offentliggjort { $published }
facts-published-item-added = punkt { $number } var ikke med i protokollen, der blev offentliggjort { $published }
facts-published-item-added-hint = en offentliggjort protokol får ikke nye punkter: skriv det, der skal tilføjes, som en rettelse under `corrections`, eller sæt punktet på et senere møde
facts-published-correction-gone = rettelsen af { $date } er tilført den offentliggjorte protokol og kan ikke tages ud igen
facts-published-correction-gone-hint = sæt den tilbage, som den var; en senere rettelse kan sige, at den var forkert (den gemte protokol: { $file })
facts-protocol-record-orphan = denne gemte protokol nævner mødet `{ $id }`, som fakta ikke har
facts-protocol-record-orphan-hint = et møde, hvis protokol er offentliggjort, beholder sit id: giv mødet sit id tilbage (filnavnet på den gemte protokol)
facts-protocol-record-misnamed = filen rummer den gemte protokol for mødet `{ $meeting }`, ikke for det møde, filnavnet angiver
facts-protocol-record-misnamed-hint = en gemt protokol har sit mødes id som navn og skrives af dokgen build; omdøb eller ret den ikke
facts-published-id-too-long = id'et har { $length } tegn, men et møde med offentliggjort protokol kan højst have et id på { $most } tegn
facts-published-id-too-long-hint = den gemte protokol er en fil med id'et som navn: giv mødet et kortere id
