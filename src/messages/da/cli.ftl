## Kommandolinjen: `--help` til hver kommando og hvert argument. Et id er
## help-<kommando>-<argument>; `.value-name` er pladsholderen for værdien.

help = dokgen laver fakta (YAML) og prosa (Markdown) om til færdige danske offentlige dokumenter (PDF).
help-lang = Sproget i meddelelser og hjælp: `da` eller `en` [standard: fra DOKGEN_LANG eller systemets sprogindstilling]
    .value-name = SPROG
help-build = Lav alle et projekts dokumenter som PDF.
help-build-project = Projektmappen (den med dokgen.yaml).
    .value-name = PROJEKT
help-build-output = Mappen, PDF'erne skrives i [standard: projektets mappe output/].
    .value-name = MAPPE
help-build-force = Lav alle dokumenter på ny, også dem, hvor intet af det, de laves af, er ændret siden sidste kørsel (se output/manifest.json).
help-build-jobs = Hvor mange dokumenter der laves ad gangen [standard: ét pr. processorkerne].
    .value-name = ANTAL
help-build-emit = Skriv også den Typst-kilde, der er lavet til hvert dokument, ved siden af dokumentets PDF (typst: `<output>.typ`).
    .value-name = HVAD
help-check = Tjek fakta, henvisninger, regler, skabeloner og prosa uden at skrive nogen PDF, og fortæl, hvad fakta viser.
help-check-project = { help-build-project }
    .value-name = PROJEKT
help-schema = Udskriv JSON-skemaet for en slags projektfil (til editorer).
help-schema-kind = Hvilken fils skema: en faktafil under content/ (facts), en dokumentfil under content/documents/ (document) eller dokgen.yaml (project).
    .value-name = SLAGS
help-schema-markdown = Udskriv en oversigt i Markdown over felterne i alle slags filer (docs/reference.md er lavet sådan).
help-schema-project = Skriv projektets skemaer i dets mappe schema/ med de id'er, projektet angiver, så en editor markerer et id, der ikke findes (kør kommandoen igen, når du har tilføjet en kommune, et område, et møde eller en ansøgning).
    .value-name = MAPPE
help-compile = Lav sideopsætningen af én Typst-fil med et projekts skrifttyper og skabeloner, fx en kilde, som `build --emit typst` har skrevet, og som er rettet i hånden.
help-compile-file = Typst-filen.
    .value-name = FIL
help-compile-project = Projektmappen, hvis skrifttyper og skabeloner Typst-filen bruger.
    .value-name = PROJEKT
help-compile-output = Filen, der skrives, når der laves ét format [standard: Typst-filens navn med formatets endelse, `.pdf`].
    .value-name = FIL
help-compile-date = Dokumentets dato (Typsts `today()` og PDF'ens tidsstempel) [standard: i dag].
    .value-name = ÅÅÅÅ-MM-DD
help-compile-formats = Et format, der skal laves; gentag `--format` for hvert (`--format pdf --format html`) [standard: projektets, `defaults.formats`].
    .value-name = FORMAT
help-serve = Vis dokumenterne i en browser, lavet på ny, hver gang du gemmer, med fejlene vist over den side, hvor de opstår.
help-serve-project = { help-build-project }
    .value-name = PROJEKT
help-serve-port = Porten på 127.0.0.1; 0 for en vilkårlig ledig port [standard: den første ledige fra 3000].
    .value-name = PORT
help-serve-open = Åbn siden i standardbrowseren.
help-serve-editor = Hvor filen åbnes, når du klikker på stedet for en fejl eller på et ord: code, codium, cursor, zed, idea eller sublime; et link med {"{"}path{"}"}, {"{"}line{"}"} og {"{"}column{"}"}; eller en kommando med dem, som dokgen kører (`emacsclient +{"{"}line{"}"}:{"{"}column{"}"} {"{"}path{"}"}`).
    .value-name = EDITOR
help-serve-write = Skriv også PDF'erne i outputmappen ved hver ændring, præcis som `dokgen build` gør (med samme lås og manifest).
help-new = Start et projekt for et samarbejde: dokgen spørger om sagens forhold (eller tager svarene fra tilvalgene eller en svarfil) og skriver et projekt, hvor den første `dokgen build` laver et udkast til en ansøgning.
help-new-dir = Mappen, der skal oprettes; den må ikke findes i forvejen, eller den skal være tom. Inde i et projekt tilføjer `application`, `meeting` eller `document` i stedet en ansøgning, et møde eller et dokument til projektet.
    .value-name = MAPPE
help-new-project = Med application|meeting|document: projektmappen.
    .value-name = PROJEKT
help-new-id = Med application|meeting|document: id'et [standard: det næste ledige, fx ansoegning-2].
    .value-name = ID
help-new-template = Med document: dokumentets skabelon [standard: strategi.typ.tera].
    .value-name = SKABELON
help-new-answers = Tag svarene fra denne YAML-fil (members, areas, leaving, date, start, ministry, name), og spørg ikke om noget.
    .value-name = FIL
help-new-members = En medlemskommune ved sit korte navn (`Ærø`); gentag tilvalget for hver kommune.
    .value-name = NAVN
help-new-areas = Et opgaveområde og det medlem, der varetager det, for alle medlemmer (`natur og miljø=Svendborg`) eller på nogle medlemmers vegne (`natur og miljø=Svendborg for Ærø`); gentag tilvalget for hvert område.
    .value-name = OMRÅDE=MEDLEM[ for MEDLEM,…]
help-new-competence = Hvem der beholder den politiske kompetence for et område, der varetages på andres vegne (`natur og miljø=Ærø`); gentag tilvalget for hvert sådant område.
    .value-name = OMRÅDE=MEDLEM
help-new-leaving = Et område, som den første ansøgning tager ud af samarbejdet [standard: alle områder, og samarbejdet ophører]; med `application` et område, som den nye ansøgning tager ud [standard: dem, som ingen ansøgning nævner endnu].
    .value-name = OMRÅDE
help-new-date = Datoen for det nye projekts ansøgning eller for den ansøgning, det møde eller det dokument, der tilføjes (den indgår i filnavne og id'er) [standard: der spørges på en terminal; for et nyt projekt dags dato].
    .value-name = ÅÅÅÅ-MM-DD
help-new-start = Datoen, områderne udgår fra [standard: 1. januar efter ansøgningens dato].
    .value-name = ÅÅÅÅ-MM-DD
help-new-ministry = Ministeriet, ansøgningen er stilet til [standard: det ministerium, der havde ansvaret for loven på datoen, efter dokgens tabel].
    .value-name = MINISTERIUM
help-new-name = Projektets navn [standard: Forpligtende samarbejde A–B].
    .value-name = NAVN
help-explain = Vis, hvad et dokuments skabelon og prosa kan bruge på dokumentets dato, og markér det, de bruger; eller vis, hvad hvert {"{{"} … {"}}"} på en bestemt linje giver.
help-explain-document = Dokumentet: dets outputnavn (`ansoegning-1`) eller dets dokumentfil (`content/documents/ansoegning-1.yaml`).
    .value-name = DOKUMENT
help-explain-value = Kun denne værdi og det, der er inden i den (`application.later_areas`).
    .value-name = VÆRDI
help-explain-at = En linje i en skabelon eller prosafil: hvad hvert {"{{"} … {"}}"} på den giver (`content/prosa/ansoegning/baggrund.md:3`).
    .value-name = FIL:LINJE
help-explain-project = { help-build-project }
    .value-name = PROJEKT
help-templates = Vis et projekts skabelonfiler, og hvor hver af dem kommer fra (indbygget i dokgen eller projektets egen), eller kopiér indbyggede filer ind i projektet, så du kan ændre dem.
help-templates-eject = Kopiér indbyggede filer ind i projektets skabelonmappe, hvor de bruges i stedet for de indbyggede: de nævnte filer eller dem alle.
help-templates-files = Med --eject: filerne, som `dokgen templates` viser dem (`dokgen.typ`, `partials/person.typ.tera`) [standard: alle].
    .value-name = FILER
help-templates-force = Med --eject: erstat filer, projektet allerede har.
help-templates-project = { help-build-project }
    .value-name = PROJEKT
help-worker = Lav dokumenter, som en anden dokgen-proces beder om, i en proces for sig.
help-worker-project = Projektmappen.
    .value-name = PROJEKT

## Det, clap selv viser omkring hjælpen.

cli-usage = Brug:
cli-heading-commands = Kommandoer
cli-heading-arguments = Argumenter
cli-heading-options = Tilvalg
cli-command = KOMMANDO
cli-options-placeholder = TILVALG
cli-help = Vis hjælp
cli-version = Vis versionen
cli-default = [standard: { $value }]
cli-possible = [mulige værdier: { $values }]
cli-more = Kør `{ $command } --help` for at se mere.

## Fejl på kommandolinjen.

cli-error-no-command = angiv, hvad der skal gøres: en kommando som `build` eller `check`
cli-error-unknown-command = der er ingen kommando, der hedder `{ $name }`
cli-error-unknown-argument = dokgen kender ikke argumentet `{ $arg }`
cli-error-empty-value = `{ $arg }` skal have en værdi
cli-error-invalid-value = `{ $arg }` kan ikke have værdien `{ $value }`
cli-error-missing-argument = `{ $arg }` skal angives
cli-error-conflict = `{ $arg }` kan ikke bruges sammen med `{ $other }`
cli-error-number-of-values = `{ $arg }` har fået et forkert antal værdier
cli-error-no-equals = skriv værdien af `{ $arg }` efter et lighedstegn: `{ $arg }=…`
cli-error-not-utf8 = et argument er ikke gyldig tekst (UTF-8)
cli-hint-possible = mulige værdier: { $values }
cli-hint-did-you-mean = mente du `{ $name }`?
cli-hint-form = skriv den som { $form }

## Det, kommandoerne skriver.

# Optegnelsen af en offentliggjort protokol, skrevet af `dokgen build` første gang.
build-protocol-recorded = gemte den offentliggjorte protokol i { $file }; behold filen sammen med faktaene. Herefter rettes protokollen kun ved tilføjelse
build-unsealed = note: { $manifest } er ikke forseglet af dig (den er lavet af en anden bruger eller på en anden maskine, eller den er ændret siden): alle dokumenter laves på ny
build-wrote-page = skrev { $file } (en webside, { $kilobytes } kB)
build-wrote = skrev { $file } ({ $pages ->
    [one] 1 side
   *[other] { $pages } sider
}, { $kilobytes } kB)
build-up-to-date = uændret: { $file } (intet af det, den er lavet af, er ændret)
build-copied = kopierede { $file } (et bilag i webpubliceringen, { $kilobytes } kB)
build-removed = fjernede { $file }: den indgår ikke længere i webpubliceringen
build-summary = { $all ->
    [one] 1 dokument
   *[other] { $all } dokumenter
}: { $made } lavet, { $kept } uændret, { $failed } med fejl, på { $seconds } s
build-progress = {"{"}pos{"}"}/{"{"}len{"}"} dokumenter ({"{"}elapsed{"}"})
check-ok = ok { $file }
check-unsealed = note: { $manifest } er ikke forseglet af dig (den er lavet af en anden bruger eller på en anden maskine, eller den er ændret siden): dokgen kan ikke stå inde for PDF'erne i mappen, og næste `dokgen build` laver alle dokumenter på ny
check-summary = tjekkede { $count ->
    [one] 1 dokument
   *[other] { $count } dokumenter
}: ingen fejl
check-unfilled = skal udfyldes ({ $count ->
    [one] 1 sted
   *[other] { $count } steder
}, hvor en pladsholder står i stedet for en oplysning eller en tekst):
check-unfilled-unprinted = intet dokument udskriver dette nu
compile-output-one-file = --output angiver én fil, men der laves flere formater
compile-output-one-file-hint = udelad --output: så skrives hver fil ved siden af Typst-filen med sit formats endelse
compile-formats-hint = angiv hvert format én gang: `--format pdf --format html`
compile-wrote-page = skrev { $file }
compile-wrote = skrev { $file } ({ $pages ->
    [one] 1 side
   *[other] { $pages } sider
})
explain-at-form = angiv en fil og et linjenummer: `--at content/prosa/ansoegning/baggrund.md:3`
templates-builtin = indbygget
templates-own = { $file } (projektets egen)
templates-same = { $file } (den samme som den indbyggede)
templates-instead = { $file } (i stedet for den indbyggede)
templates-ejected = projektet bruger nu disse filer i stedet for de indbyggede; `dokgen templates` viser hvilke
templates-how-to-eject = (`dokgen templates --eject FIL` kopierer en indbygget fil ind i { $dir }/, så du kan ændre den)
cli-hint-reason = { $reason }
cli-value-jobs = angiv et helt tal på 1 eller mere, fx 2
cli-value-port = angiv et portnummer fra 0 til 65535, fx 3000
cli-value-date = skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-10-06
cli-value-format = angiv et af formaterne { $formats }
build-copy-refused = bilaget `{ $file }` kan ikke kopieres til webpubliceringen: { $reason }
