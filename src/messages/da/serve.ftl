## serve
## Det, `dokgen serve` skriver i terminalen, mens den kører.

# Den første linje: hvor siden er.
serve-listening = dokgen serve: http://{ $addr }/ (stop med Ctrl+C)
# De filer, en gemning ændrede, som en liste.
serve-changed = ændret: { $files }
# Et dokument lavet på ny, og hvor lang tid det tog.
serve-made = { $name }: { $ms } ms
serve-failed = { $name }: kunne ikke laves, { $count } fejl
serve-unreadable = projektet kan ikke læses; siden viser hvorfor, indtil fejlen er rettet
# Med --write: en PDF skrevet til outputmappen.
serve-wrote = skrev { $path }
serve-stopped = stoppet
# Med --open, når ingen browser kunne startes.
serve-no-browser = dokgen kunne ikke åbne en browser ({ $opener }); åbn selv { $url }
serve-no-self = dokgen kan ikke finde sin egen programfil: { $reason }

## Processen, der viser siden, stoppede (en skabelon, der brugte al sin
## hukommelse), og den, der holder øje med den, starter den igen.

serve-ended-too-often = forhåndsvisningen stoppede { $count } gange inden for et minut ({ $why })
serve-ended-too-often-hint = kør `dokgen check` for at se, hvilket dokument der får den til at stoppe
# I stedet for grunden, når processen ikke gav nogen.
serve-ended-unknown = uden at sige hvorfor
serve-restarting = dokgen serve: forhåndsvisningen stoppede, mens den lavede { $names } ({ $why }); den starter igen
serve-restarting-project = dokgen serve: forhåndsvisningen stoppede, mens den arbejdede med projektet ({ $why }); den starter igen

## Opstarten: porten, editoren (--editor), overvågningen af mappen.

serve-editor-unknown = `{ $editor }` er ikke en editor, dokgen kender, og der er intet {"{"}path{"}"} at udfylde: angiv code, codium, cursor, zed, idea eller sublime, et link som `myeditor://open?file={"{"}path{"}"}&line={"{"}line{"}"}` eller en kommando som `emacsclient +{"{"}line{"}"}:{"{"}column{"}"} {"{"}path{"}"}`
serve-open-not-ours = `{ $file }` er ikke en fil i projektet
serve-open-empty-command = editor-kommandoen er tom
serve-open-cannot-run = `{ $program }` kan ikke køres: { $reason }
serve-cannot-serve = siden kan ikke vises: { $reason }
serve-cannot-listen = dokgen kan ikke lytte på 127.0.0.1:{ $port }: { $reason }
serve-cannot-listen-hint = angiv en anden port med --port, eller --port 0 for en vilkårlig ledig port
serve-port-in-use = porten bruges allerede af et andet program
serve-watch-stopped = overvågningen af projektmappen stoppede
serve-cannot-watch = projektmappen kan ikke overvåges for ændringer: { $reason }
serve-cannot-watch-hint = på Linux: hæv fs.inotify.max_user_watches, hvis mappen er stor
serve-watch-too-many = systemet overvåger allerede så mange filer, som det tillader

## Det, serveren svarer på en forespørgsel, den ikke tager imod (ren tekst,
## som kun ses af den, der skriver en adresse i hånden).

serve-http-method-not-allowed = metoden er ikke tilladt
serve-http-wrong-host = dokgen serve svarer kun på forespørgsler til http://127.0.0.1:{ $port }/
serve-http-other-site = forespørgsler fra andre websteder afvises
serve-http-bad-path = denne sti findes ikke på serveren
serve-http-not-found = ikke fundet
serve-http-no-page = siden findes ikke (den er blevet tegnet på ny i mellemtiden)
# `format` er PDF, HTML, …
serve-http-no-file = der er ikke lavet nogen { $format } af dette dokument
serve-http-origin-query = angiv doc, page, x og y
serve-http-no-editor = der er ikke sat nogen editor-kommando op (dokgen serve --editor)
serve-http-not-text = forespørgslen er ikke tekst
serve-http-not-json = forespørgslen er ikke JSON
serve-http-open-query = angiv file og line
serve-http-busy = optaget
serve-http-bad-request = ugyldig forespørgsel

## Forhåndsvisningen i browseren.

# Browserfanens titel, når intet dokument er valgt.
serve-page-title = dokgen serve
# Browserfanens titel: det viste dokument.
serve-page-document-title = { $name } · dokgen serve
# Øverst til højre: sidens forbindelse til serveren.
serve-page-connecting = forbinder …
serve-page-live = forbundet
serve-page-lost = forbindelsen er afbrudt: kører dokgen serve stadig?
# Til skærmlæsere: listen over dokumenter til venstre.
serve-page-documents = Dokumenter
serve-page-pages = Dokumentets sider
# Værktøjstips på zoomknapperne, med deres taster.
serve-page-zoom-out = Mindre (−)
serve-page-zoom-fit = Tilpas til bredden (0)
serve-page-zoom-in = Større (+)
# Knappen mellem − og +.
serve-page-zoom-fit-button = Tilpas
# `format` er PDF, HTML, …
serve-page-download = Hent { $format }
serve-page-views = Visning
serve-page-view-pages = Sider
serve-page-view-web = Webside
serve-page-web-page = Dokumentet som webside
# Ved titlen: hvor lang tid det tog at lave dokumentet.
serve-page-took = lavet på { $ms } ms
# Til skærmlæsere: tegningen af en side.
serve-page-page-alt = Side { $number }
# Mærket ved et dokument i listen.
serve-page-badge-errors = { $count } fejl
serve-page-badge-making = laves …
# Mærket ved et dokument, og overskriften over dets advarsler.
serve-page-warnings = { $count ->
    [one] 1 advarsel
   *[other] { $count } advarsler
}
# Der, hvor siderne står, så længe der ingen er.
serve-page-no-documents = Projektet har endnu ingen dokumenter.
serve-page-making-document = Dokumentet laves …
# Boksen med fejl over siderne.
serve-page-failed-title = { $name } kunne ikke laves: { $count } fejl
serve-page-unreadable-title = Projektet kan ikke læses: { $count } fejl
serve-page-note-stale = Siderne nedenfor er fra sidste gang, dokumentet blev lavet. De opdateres, når du gemmer en rettelse.
serve-page-note-first = Dokumentet vises, når du gemmer en rettelse.
# Værktøjstip på et sted (fil:linje:kolonne) i en fejl.
serve-page-open-in-editor = Åbn i editoren
# Boksen, der vises ved et klik på et ord: hvor det er skrevet.
serve-page-origin = Hvor det kommer fra
serve-page-kind-prose = Prosa
serve-page-kind-fact = Fakta { $fact }
serve-page-kind-template = Skabelon
serve-page-kind-style = Stilbibliotek
# Før den linje i skabelonen, der satte faktaoplysningen ind på siden.
serve-page-printed-by = indsat af
serve-page-nothing-here = Intet, som en person har skrevet, står her (sidetal, streger og afstande kommer fra stilbiblioteket).
