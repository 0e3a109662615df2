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
	"os"
	"path/filepath"
	"runtime"
	"time"

	"mediareview/app/buildinfo"
)

// FileName is the database's file name inside the app's storage folder.
const FileName = "mediareview.db"

// BusyTimeout is how long a write waits for another process (a second
// window, an import running) to finish before it reports ErrBusy.
const BusyTimeout = 5 * time.Second

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
	// The moments when another process creates the file or switches it to
	// WAL are not covered by SQLite's busy handler: wait them out here.
	deadline := time.Now().Add(BusyTimeout)
	for {
		s, err := open(ctx, path)
		if !errors.Is(err, ErrBusy) || time.Now().After(deadline) {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func open(ctx context.Context, path string) (*Store, error) {
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
