## What every diagnostic says around its message, and the last line of a
## run that failed.

diagnostic-error = error
diagnostic-warning = warning
diagnostic-hint = hint
diagnostic-note = note
# One step of the way to a problem: "while calling `f`", and where.
diagnostic-trace = { $what }, at { $place }
summary-errors = dokgen: { $count ->
    [one] 1 error
   *[other] { $count } errors
}

## A message of a tool dokgen uses that dokgen does not know how to word:
## the tool's own words, marked as its.

foreign-said = { $tool } says: { $text }

## Reading and writing files.

# A file dokgen wrote (build, new, schema, templates).
wrote = wrote { $file }

io-cannot-access = cannot access `{ $path }`: { $reason }
io-disk-full = the disk is full: free some space and build again (a file that could not be written keeps its earlier version)
io-not-found = there is no such file or folder
io-permission-denied = dokgen is not allowed to (check the file's permissions)
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is a file, not a folder
io-full = the disk is full
io-read-only = the disk is read-only
io-already-exists = it already exists
io-invalid-data = its content cannot be read as text
io-other = the system says: { $text }

## Lists: "a, b or c", "a, b and c" (message::list).

list-nothing = nothing
list-one = { $item }
list-or = { $a } or { $b }
list-and = { $a } and { $b }
list-more = { $first }, { $rest }
