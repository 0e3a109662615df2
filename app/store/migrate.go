package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Migrations are numbered SQL files, 0001_name.sql onwards, applied in
// order, each in its own transaction with PRAGMA user_version set to its
// number. Add a schema change as the next file; never edit a released one.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

var migrations = mustLoadMigrations()

func mustLoadMigrations() []migration {
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		panic(err) // a build mistake, caught by every test
	}
	return ms
}

func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: want number %04d", base, i+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

// SchemaVersion is the schema this build writes.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v == len(migrations) {
		return nil // up to date: opening writes nothing
	}
	if v > 0 && v < len(migrations) {
		if err := s.backup(ctx, v); err != nil {
			return err
		}
	}
	for {
		done, err := s.migrateOne(ctx)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, reading user_version inside the
// write transaction so two processes opening a new file never both apply it.
func (s *Store) migrateOne(ctx context.Context) (done bool, err error) {
	err = s.write(ctx, "update the database schema", func(tx *sql.Tx) error {
		var v int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("%w (schema %d; this version knows up to %d)", ErrNewer, v, len(migrations))
		}
		if v == len(migrations) {
			done = true
			return nil
		}
		m := migrations[v]
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
		return err
	})
	return done, err
}

// backup copies a database of an older schema to PATH.schemaN.bak before
// migrating it, once: a failed or unwanted upgrade can always be undone.
func (s *Store) backup(ctx context.Context, version int) error {
	dest := fmt.Sprintf("%s.schema%d.bak", s.path, version)
	if _, err := os.Stat(dest); err == nil {
		return nil
	}
	return s.Backup(ctx, dest)
}

// Backup writes a consistent copy of the whole library to dest, a new
// file, while the library stays in use.
func (s *Store) Backup(ctx context.Context, dest string) error {
	f, err := os.OpenFile(dest, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // private, like the library
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("back up %s: %s already exists", s.path, dest)
	}
	if err != nil {
		return fmt.Errorf("back up %s: %w", s.path, err)
	}
	f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		os.Remove(dest)
		return fmt.Errorf("back up %s to %s: %w", s.path, dest, classify(err))
	}
	return nil
}
