// Package store keeps Media Review's library in one SQLite file: the
// articles, their analyses, the reviewers and every verdict with its
// history. It imports no Fyne; the window and the command line share it.
//
// Every write is one transaction that is on disk when the call returns
// (WAL journal, synchronous=FULL). A database written by a newer version of
// the app, or a file that is not a Media Review database, is refused and
// left exactly as it was.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"mediareview/app/buildinfo"
)

// FileName is the database's file name inside the app's storage folder.
const FileName = "mediareview.db"

// BusyTimeout is how long a write waits for another process (a second
// window, an import running) to finish before it reports ErrBusy.
const BusyTimeout = 5 * time.Second

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

// Store is an open library. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// DefaultPath is the database in the app's storage folder, the folder Fyne
// gives app.NewWithID(buildinfo.ID) (fyne v2.7.1 internal/app rootConfigDir
// joined with the app ID): $XDG_CONFIG_HOME/fyne/ID on Linux and BSD,
// ~/Library/Preferences/fyne/ID on macOS, %USERPROFILE%\AppData\Roaming\fyne\ID
// on Windows. MEDIAREVIEW_DB, when set, wins.
func DefaultPath() (string, error) {
	if p := os.Getenv("MEDIAREVIEW_DB"); p != "" {
		return p, nil
	}
	root, err := fyneRoot()
	if err != nil {
		return "", fmt.Errorf("find the app's storage folder: %w", err)
	}
	return filepath.Join(root, "fyne", buildinfo.ID, FileName), nil
}

func fyneRoot() (string, error) {
	switch runtime.GOOS {
	case "darwin":
		home, err := os.UserHomeDir()
		return filepath.Join(home, "Library", "Preferences"), err
	case "windows":
		home, err := os.UserHomeDir()
		return filepath.Join(home, "AppData", "Roaming"), err
	}
	return os.UserConfigDir()
}

// Path is the database file the store uses.
func (s *Store) Path() string { return s.path }

// Open opens the database at path, creating it and bringing its schema up to
// date. An empty path means DefaultPath, whose folder is created on first
// use; any other path must be in a folder that exists.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		p, err := DefaultPath()
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return nil, &OpenError{Path: p, Reason: err}
		}
		path = p
	}
	if err := checkFile(ctx, path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		return nil, &OpenError{Path: path, Reason: err}
	}
	s := &Store{db: db, path: path, now: func() time.Time { return time.Now().UTC() }}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, &OpenError{Path: path, Reason: classify(err)}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(BusyTimeout.Milliseconds()))
	if readOnly {
		q.Set("mode", "ro")
		if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
			// No journal to replay: read the file as it is, creating no
			// -shm or -wal beside it. With a journal left by a crash,
			// SQLite must read both and may create the -shm.
			q.Set("immutable", "1")
		}
	} else {
		q.Set("_foreign_keys", "on")
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "FULL")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// createPrivate makes the empty database file readable by its owner only:
// it holds students' work. SQLite gives the -wal and -shm files the same
// permissions.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil // another process made it a moment ago
	}
	if err != nil {
		return &OpenError{Path: path, Reason: &plainError{ErrCannotWrite, err}}
	}
	return f.Close()
}

var sqliteHeader = []byte("SQLite format 3\x00")

// checkFile looks at an existing file before anything may write to it: it
// must be an SQLite database of a schema this version knows.
func checkFile(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if _, derr := os.Stat(dir); derr != nil {
			return &OpenError{Path: path, Reason: fmt.Errorf("the folder %s does not exist", dir)}
		}
		return createPrivate(path)
	}
	if err != nil {
		return &OpenError{Path: path, Reason: err}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return &OpenError{Path: path, Reason: errors.New("it is a folder, not a file")}
	}
	head := make([]byte, len(sqliteHeader))
	n, _ := f.Read(head)
	if n == 0 {
		return nil // an empty file: SQLite makes a database of it
	}
	if n < len(head) || string(head) != string(sqliteHeader) {
		return &OpenError{Path: path, Reason: ErrNotDatabase}
	}
	return checkSchema(ctx, path)
}

func checkSchema(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return &OpenError{Path: path, Reason: err}
	}
	defer db.Close()
	var version, tables int
	check := "ok"
	err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	if err == nil {
		err = db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables)
	}
	if err == nil {
		err = db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&check)
	}
	switch {
	case err != nil:
		return &OpenError{Path: path, Reason: classify(err)}
	case check != "ok":
		return &OpenError{Path: path, Reason: ErrNotDatabase, Detail: "damaged: " + firstProblem(check)}
	case version > len(migrations):
		return &OpenError{Path: path, Reason: ErrNewer,
			Detail: fmt.Sprintf("schema %d; this version knows up to %d", version, len(migrations))}
	case version == 0 && tables > 0:
		return &OpenError{Path: path, Reason: ErrNotDatabase, Detail: "an SQLite database of another program"}
	}
	return nil
}

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

// write runs fn in one immediate transaction and commits it.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, classify(err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("%s: %w", what, classify(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, classify(err))
	}
	return nil
}

func (s *Store) stamp() string { return s.now().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
