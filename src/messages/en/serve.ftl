## serve
## What `dokgen serve` prints in the terminal while it runs.

# The first line: where the page is.
serve-listening = dokgen serve: http://{ $addr }/ (Ctrl-C stops)
# The files a save changed, as a list.
serve-changed = changed: { $files }
# A document made anew, and how long it took.
serve-made = { $name }: { $ms } ms
serve-failed = { $name }: failed, { $count ->
    [one] 1 error
   *[other] { $count } errors
}
serve-unreadable = the project cannot be read; the page shows why until it is mended
# With --write: a PDF written to the output folder.
serve-wrote = wrote { $path }
serve-stopped = stopped
# With --open, when no browser could be started.
serve-no-browser = could not open a browser ({ $opener }); open { $url } yourself
serve-no-self = cannot find dokgen itself: { $reason }

## The process that serves ended (a template that used up its memory), and
## the one watching over it starts it again.

serve-ended-too-often = the preview ended { $count } times within a minute ({ $why })
serve-ended-too-often-hint = run `dokgen check` to see which document ends it
# In place of the reason, when the process gave none.
serve-ended-unknown = for no reason it gave
serve-restarting = dokgen serve: the preview ended while making { $names } ({ $why }); it starts again
serve-restarting-project = dokgen serve: the preview ended while making the project ({ $why }); it starts again

## Starting: the port, the editor (--editor), the watch of the folder.

serve-editor-unknown = `{ $editor }` is no editor dokgen knows, and has no {"{"}path{"}"} to fill in: give code, codium, cursor, zed, idea or sublime, a link such as `myeditor://open?file={"{"}path{"}"}&line={"{"}line{"}"}`, or a command such as `emacsclient +{"{"}line{"}"}:{"{"}column{"}"} {"{"}path{"}"}`
serve-open-not-ours = `{ $file }` is not a file of the project
serve-open-empty-command = the editor command is empty
serve-open-cannot-run = cannot run `{ $program }`: { $reason }
serve-cannot-serve = cannot serve: { $reason }
serve-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $reason }
serve-cannot-listen-hint = give another port with --port, or --port 0 for any free one
serve-port-in-use = the port is in use by another program
serve-watch-stopped = the watch of the project folder stopped
serve-cannot-watch = cannot watch the project folder for changes: { $reason }
serve-cannot-watch-hint = on Linux, raise fs.inotify.max_user_watches if the folder is large
serve-watch-too-many = the system already watches as many files as it allows

## What the server answers a request it does not serve (plain text, seen
## only by someone who types an address by hand).

serve-http-method-not-allowed = method not allowed
serve-http-wrong-host = dokgen serve answers only requests for http://127.0.0.1:{ $port }/
serve-http-other-site = requests from other sites are refused
serve-http-bad-path = not a path this server serves
serve-http-not-found = not found
serve-http-no-page = no such page (it was drawn anew since)
# `format` is PDF, HTML, …
serve-http-no-file = no { $format } of that document has been made
serve-http-origin-query = give doc, page, x and y
serve-http-no-editor = no editor command is configured (dokgen serve --editor)
serve-http-not-text = the request is not text
serve-http-not-json = the request is not JSON
serve-http-open-query = give file and line
serve-http-busy = busy
serve-http-bad-request = bad request

## The preview page in the browser.

# The browser tab's title when no document is chosen.
serve-page-title = dokgen serve
# The browser tab's title: the document shown.
serve-page-document-title = { $name } · dokgen serve
# Top right: the page's connection to the server.
serve-page-connecting = connecting…
serve-page-live = live
serve-page-lost = connection lost: is dokgen serve still running?
# For screen readers: the list of documents on the left.
serve-page-documents = Documents
# The name of the scrolling region that holds the pages, for a screen reader.
serve-page-pages = The document's pages
# Tooltips of the zoom buttons, with their keys.
serve-page-zoom-out = Smaller (−)
serve-page-zoom-fit = Fit the width (0)
serve-page-zoom-in = Larger (+)
# The button between − and +.
serve-page-zoom-fit-button = Fit
# `format` is PDF, HTML, …
serve-page-download = Download { $format }
serve-page-views = What to show
serve-page-view-pages = Pages
serve-page-view-web = Web page
serve-page-web-page = The document as a web page
# Beside the title: how long the document took to make.
serve-page-took = made in { $ms } ms
# For screen readers: a page's drawing.
serve-page-page-alt = Page { $number }
# The badge of a document in the list.
serve-page-badge-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
serve-page-badge-making = making…
# A document's badge, and the heading of its warnings.
serve-page-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
# Where the pages go while there are none.
serve-page-no-documents = The project declares no documents yet.
serve-page-making-document = Making the document…
# The box of errors over the pages.
serve-page-failed-title = { $name } could not be made: { $count ->
    [one] 1 error
   *[other] { $count } errors
}
serve-page-unreadable-title = The project cannot be read: { $count ->
    [one] 1 error
   *[other] { $count } errors
}
serve-page-note-stale = The pages below are from the last time it was made. Saving a fix updates them.
serve-page-note-first = Saving a fix shows the document.
# Tooltip of a place (file:line:column) in an error.
serve-page-open-in-editor = Open in the editor
# The box shown at a click on a word: where it was written.
serve-page-origin = Where this came from
serve-page-kind-prose = Prose
serve-page-kind-fact = Fact { $fact }
serve-page-kind-template = Template
serve-page-kind-style = Style library
# Before the template line that put the fact on the page.
serve-page-printed-by = printed by
serve-page-nothing-here = Nothing a person wrote is drawn here (page numbers, rules and spacing come from the style library).
