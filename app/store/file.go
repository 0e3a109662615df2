package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

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
	before := dbFileState(path)
	err = checkSchema(ctx, path)
	if errors.Is(err, ErrNotDatabase) && dbFileState(path) != before {
		// The read-only check takes the file as immutable; a file that
		// changed meanwhile is being written by another process (a new
		// library being created), not damaged: let Open try again.
		return &OpenError{Path: path, Reason: ErrBusy}
	}
	return err
}

// fileStateKey is what changes when another process writes the database:
// the sizes of the file and its WAL, and the file's modification time.
type fileStateKey struct {
	size, walSize int64
	mod           time.Time
}

// dbFileState reads the fileStateKey of the database at path.
func dbFileState(path string) fileStateKey {
	var k fileStateKey
	if info, err := os.Stat(path); err == nil {
		k.size, k.mod = info.Size(), info.ModTime()
	}
	if info, err := os.Stat(path + "-wal"); err == nil {
		k.walSize = info.Size()
	}
	return k
}

func checkSchema(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return &OpenError{Path: path, Reason: err}
	}
	defer db.Close()
	var version, tables int
	check := "ok"
	// One statement, one snapshot: another process may be creating the
	// schema right now, and user_version and the tables must be read from
	// the same state of the file (read apart, a new library looks like
	// "another program's database" for a moment).
	err = db.QueryRowContext(ctx, `SELECT (SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_master WHERE type = 'table')`).Scan(&version, &tables)
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
