## Det, hver meddelelse siger omkring sin tekst, og den sidste linje af en
## kørsel, der mislykkedes.

diagnostic-error = fejl
diagnostic-warning = advarsel
diagnostic-hint = råd
diagnostic-note = note
diagnostic-trace = { $what }, i { $place }
summary-errors = dokgen: { $count } fejl

## En meddelelse fra et værktøj, dokgen bruger, som dokgen ikke kan
## formulere selv: værktøjets egne ord, markeret som dets.

foreign-said = { $tool } siger (på engelsk): { $text }

## At læse og skrive filer.

wrote = skrev { $file }

io-cannot-access = dokgen kan ikke få adgang til `{ $path }`: { $reason }
io-disk-full = disken er fuld: frigør plads, og prøv igen (en fil, der ikke kunne skrives, beholder sin tidligere udgave)
io-not-found = filen eller mappen findes ikke
io-permission-denied = dokgen har ikke adgang (tjek filens rettigheder)
io-is-a-directory = det er en mappe, ikke en fil
io-not-a-directory = en del af stien er en fil, ikke en mappe
io-full = disken er fuld
io-read-only = disken er skrivebeskyttet
io-already-exists = den findes allerede
io-invalid-data = indholdet kan ikke læses som tekst
io-other = systemet siger (på engelsk): { $text }

## Lister: "a, b eller c", "a, b og c" (message::list).

list-nothing = ingenting
list-one = { $item }
list-or = { $a } eller { $b }
list-and = { $a } og { $b }
list-more = { $first }, { $rest }
