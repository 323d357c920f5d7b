## new
## `dokgen new`: spørgsmålene i terminalen, de svar, den afviser, og det,
## den fortæller, at den har skrevet. Filerne, den skriver i et projekt,
## er projektets eget danske indhold, ikke meddelelser.

## Spørgsmålene, ét pr. linje; svaret skrives efter hvert. Et forslag står
## i [ ], og Enter vælger det.

# Første linje, før spørgsmålene; `dir` er mappen, der oprettes.
new-ask-intro = Et nyt projekt i { $dir }. Tryk Enter for at vælge forslaget i [ ].
new-ask-members = Hvilke kommuner er med i samarbejdet? (adskilt med kommaer, fx Ærø, Svendborg)
# Vises under spørgsmålet ovenfor, når der er nævnt færre end to.
new-ask-members-too-few = Et forpligtende samarbejde omfatter mindst to kommuner.
new-ask-areas = Hvilke opgaveområder omfatter samarbejdet? (adskilt med kommaer, fx natur- og miljøområdet, specialundervisningen)
# `choices` er medlemmerne adskilt af skråstreg: Ærø/Svendborg.
new-ask-carried-out-by = Hvilken kommune varetager opgaverne inden for { $area }? ({ $choices })
# Vises, når svaret på spørgsmålet ovenfor ikke er et af medlemmerne.
new-ask-answer-member = Svar med en af kommunerne: { $members }.
new-ask-for-all = Varetager { $member } opgaverne for alle kommunerne i samarbejdet, også for sig selv?
new-ask-on-behalf-of = På hvilke kommuners vegne?
new-ask-keeps-competence = Bevarer { $member } den politiske kompetence?
new-ask-ends = Skal samarbejdet ophøre helt? (nej: nogle områder bliver i samarbejdet)
# `areas` er de områder, der blev nævnt før, adskilt med komma.
new-ask-leaving = Hvilke opgaveområder skal udgå med den første ansøgning? ({ $areas })
new-ask-leaving-some = Nævn ét eller flere af opgaveområderne, men ikke dem alle.
new-ask-date = Ansøgningens dato (ÅÅÅÅ-MM-DD)
new-ask-start = Fra hvilken dato skal områderne udgå? (ÅÅÅÅ-MM-DD)
new-ask-date-format = Skriv datoen på formen ÅÅÅÅ-MM-DD, fx 2027-01-01.
new-ask-ministry = Hvilket ministerium sendes ansøgningen til?
# Forslaget til et ja-eller-nej-spørgsmål, vist i [ ]. Begge sprogs ord
# forstås som svar (ja, j, yes, y; nej, n, no).
new-ask-yes = ja
new-ask-no = nej
new-ask-yes-or-no = Svar ja eller nej.
# Spørgsmålene kunne ikke fortsætte; `reason` er new-ask-input-ended eller
# grunden til, at terminalen ikke kunne læses.
new-ask-stopped = `dokgen new` stoppede: { $reason }
new-ask-input-ended = der kom intet svar (indtastningen sluttede)

## Svar, der ikke giver et samarbejde (fra spørgsmålene, tilvalgene eller
## en svarfil).

new-too-few-members = et forpligtende samarbejde har mindst to medlemmer
new-too-few-members-hint = nævn medlemskommunerne: `--member Ærø --member Svendborg`
new-member-no-letters = medlemmet `{ $member }` har ingen bogstaver i navnet
new-member-twice = medlemmet `{ $member }` er nævnt to gange
# Et område nævner en kommune (som varetager det, på hvis vegne, eller som
# bevarer kompetencen), der ikke er medlem.
new-area-not-a-member = området `{ $area }`: `{ $member }` er ikke medlem af samarbejdet
# `members` er medlemmernes navne i backticks, adskilt med komma.
new-members-are = medlemmerne er { $members }
new-area-no-letters = området `{ $area }` har ingen bogstaver i navnet
new-area-twice = området `{ $area }` er nævnt to gange
new-no-areas = samarbejdet har ingen opgaveområder
new-no-areas-hint = nævn hvert område, og hvem der varetager det: `--area "natur og miljø=Svendborg"`
new-leaving-unknown = området `{ $area }`, som skal udgå, er ikke et af samarbejdets områder
# `areas` er områdernes navne i backticks, adskilt med komma.
new-areas-are = områderne er { $areas }
new-start-not-after-date = områderne skulle udgå den { $start }, men den dato ligger ikke efter ansøgningens dato, { $date }
new-start-not-after-date-hint = en ansøgning søger om en ændring fra en dato efter ansøgningens egen
new-dir-occupied = `{ $dir }` findes allerede og er ikke en tom mappe
new-dir-occupied-hint = angiv navnet på en ny mappe: `dokgen new aeroe-svendborg`; inde i et projekt tilføjer `dokgen new application` en ansøgning

## Tilvalgene til `dokgen new`.

# Værdien af `--area` har intet `=`.
new-option-area-no-member = den nævner ingen kommune, der varetager området; skriv området, `=` og kommunen: `--area "natur og miljø=Svendborg"`, eller `=Svendborg for Ærø`, når kommunen kun varetager det på nogle medlemmers vegne
# Værdien af `--competence` har intet `=`.
new-option-competence-no-member = den nævner ingen kommune; skriv området, `=` og den kommune, der bevarer den politiske kompetence: `--competence "natur og miljø=Ærø"`
new-option-competence-unknown-area = `--competence { $area }={ $member }`: `{ $area }` er ikke et af de områder, `--area` nævner
new-no-terminal = ingen svar: `dokgen new` stiller sine spørgsmål i en terminal, og der er ingen terminal her
new-no-terminal-hint = giv svarene som tilvalg (`--member Ærø --member Svendborg --area "natur og miljø=Svendborg for Ærø"`) eller i en fil med `--answers`
new-ask-addition-date = Datoen (ÅÅÅÅ-MM-DD); den indgår i filnavnene og id'et
new-addition-no-date = ingen dato til { $what }: datoen indgår i filnavnene og id'et
new-addition-no-date-hint = angiv den med --date ÅÅÅÅ-MM-DD

## `dokgen new application|meeting|document` inde i et projekt.

# `files` er filernes stier i backticks, adskilt med komma.
new-add-taken = { $count ->
    [one] filen { $files } findes
   *[other] filerne { $files } findes
} allerede: intet er skrevet
new-add-taken-hint = vælg et andet id med `--id`
# Et råd under den fejl, der standser det nye dokument: skabelonen skal
# bruge fakta, som projektet mangler.
new-add-template-needs = skabelonen skal bruge noget, som projektet endnu ikke har; intet er tilføjet
# Et råd under den fejl, et dokument, der kunne laves før, nu ville få;
# `file` er filen, der erklærer dokumentet.
new-add-would-break = dokumentet i `{ $file }` kunne laves før, men ikke med det, der skulle tilføjes; intet er tilføjet

## Det, der blev skrevet, og hvad du skal gøre nu.

# Efter `dokgen new application|meeting|document`.
new-added-next = Næste skridt: udfyld de steder, hvor der står [indsæt …] (`dokgen check` viser, hvor de er); det nye dokument er et udkast, indtil du sletter dets `draft: true`.
# Efter et nyt projekt; `dir` er dets mappe.
new-created-next = Næste skridt: `dokgen build { $dir }` laver udkastet til ansøgningen; `dokgen check { $dir }` viser, hvad der mangler at blive udfyldt ({ $dir }/README.md fortæller mere).
