package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// Errors callers tell apart with errors.Is.
var (
	// ErrBusy: another process held the database longer than BusyTimeout.
	ErrBusy = errors.New("the database is busy: another copy of Media Review is writing to it; try again in a moment")
	// ErrNewer: the database was written by a newer version of the app.
	ErrNewer = errors.New("the database was made by a newer version of Media Review")
	// ErrNotDatabase: the file is not a Media Review database, or is damaged.
	ErrNotDatabase = errors.New("the file is not a Media Review database, or it is damaged")
	// ErrCannotWrite: the folder or the file is read-only, or not ours to write.
	ErrCannotWrite = errors.New("cannot write there: the folder or the file is read-only")
	// ErrNotFound: no article (or analysis) with that id.
	ErrNotFound = errors.New("not found")
	// ErrNothingToUndo: the reviewer has no change left to undo.
	ErrNothingToUndo = errors.New("nothing to undo")
)

// OpenError says which database could not be opened and why, and that it
// was left untouched.
type OpenError struct {
	Path   string
	Reason error // ErrNewer, ErrNotDatabase, ErrBusy or a system error
	Detail string
}

func (e *OpenError) Error() string {
	msg := fmt.Sprintf("cannot open the database %s: %v", e.Path, e.Reason)
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	switch {
	case errors.Is(e.Reason, ErrNewer), errors.Is(e.Reason, ErrNotDatabase):
		msg += "; the file was left untouched: move it away or choose another file with --db"
	case errors.Is(e.Reason, ErrCannotWrite):
		msg += "; choose a file in a folder you can write to with --db or MEDIAREVIEW_DB"
	}
	return msg
}

func (e *OpenError) Unwrap() error { return e.Reason }

// classify turns SQLite's busy, damaged-file and permission codes into
// ErrBusy, ErrNotDatabase and ErrCannotWrite, whose messages say what to
// do; SQLite's own words stay in the chain for errors.As, not the message.
func classify(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return &plainError{ErrBusy, err}
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		return &plainError{ErrNotDatabase, err}
	case sqlite3.ErrCantOpen, sqlite3.ErrReadonly, sqlite3.ErrPerm:
		return &plainError{ErrCannotWrite, err}
	}
	return err
}

// plainError reads as its reason and unwraps to both reason and cause.
type plainError struct{ reason, cause error }

func (e *plainError) Error() string   { return e.reason.Error() }
func (e *plainError) Unwrap() []error { return []error{e.reason, e.cause} }

// firstProblem is the first line of a quick_check report that names a
// problem, for an error message.
func firstProblem(report string) string {
	for line := range strings.Lines(report) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "***") {
			return line
		}
	}
	return strings.TrimSpace(report)
}
