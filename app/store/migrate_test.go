package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// withMigrations swaps in the real migrations plus extra ones for a test.
func withMigrations(t *testing.T, extra map[string]string) []migration {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, m := range migrations {
		fsys["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
	}
	for name, sql := range extra {
		fsys["migrations/"+name] = &fstest.MapFile{Data: []byte(sql)}
	}
	ms, err := loadMigrations(fsys)
	if err != nil {
		t.Fatal(err)
	}
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	return ms
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestUpgradeBacksUpFirst(t *testing.T) {
	ms := withMigrations(t, map[string]string{"0002_tags.sql": "CREATE TABLE tags (name TEXT);"})
	path := filepath.Join(t.TempDir(), "lib.db")
	migrations = ms[:1]
	s := openAt(t, path)
	if _, _, err := s.AddArticle(context.Background(), Article{Title: "Old", Text: "Kept across the upgrade."}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	migrations = ms
	s = openAt(t, path)
	defer s.Close()
	if _, err := s.db.Exec("INSERT INTO tags VALUES ('x')"); err != nil {
		t.Errorf("migration 0002 not applied: %v", err)
	}
	if v := userVersion(t, path); v != 2 {
		t.Errorf("user_version = %d, want 2", v)
	}
	bak := path + ".schema1.bak"
	if v := userVersion(t, bak); v != 1 {
		t.Errorf("backup %s has user_version %d, want 1", bak, v)
	}
	if list, _ := s.Articles(context.Background(), ""); len(list) != 1 {
		t.Errorf("articles after the upgrade: %+v", list)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	ms := withMigrations(t, map[string]string{"0002_broken.sql": "CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);"})
	path := filepath.Join(t.TempDir(), "lib.db")
	migrations = ms[:1]
	openAt(t, path).Close()
	migrations = ms
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "0002_broken.sql") {
		t.Fatalf("Open with a broken migration: %v", err)
	}
	if v := userVersion(t, path); v != 1 {
		t.Errorf("user_version = %d after a failed migration, want 1", v)
	}
	migrations = ms[:1]
	s := openAt(t, path)
	defer s.Close()
	if _, err := s.db.Exec("SELECT * FROM half"); err == nil {
		t.Error("the failed migration's first statement was kept")
	}
}

func TestLoadMigrationsNeedsNumbers(t *testing.T) {
	for _, files := range []fstest.MapFS{
		{"migrations/0002_gap.sql": {}},
		{"migrations/0001_a.sql": {}, "migrations/init.sql": {}},
	} {
		if _, err := loadMigrations(files); err == nil {
			t.Errorf("loadMigrations accepted %v", files)
		}
	}
}

func TestNewFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	openAt(t, path).Close()
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("new database mode %v (%v), want 0600", info.Mode().Perm(), err)
	}
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBackup(t *testing.T) {
	s := openTemp(t)
	id, res := addFixture(t, s)
	if _, err := s.SetVerdict(context.Background(), id, "ana", withDecision(SentenceVerdict(res, 1), Agree)); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(context.Background(), dest); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(dest); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600 (%v)", info.Mode().Perm(), err)
	}
	if err := s.Backup(context.Background(), dest); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second backup to the same file: %v", err)
	}
	c := openAt(t, dest)
	defer c.Close()
	if vs := mustVerdicts(t, c, id); len(vs) != 1 || vs[0].Start != res.Sentences[1].Start {
		t.Errorf("verdicts in the backup: %+v", vs)
	}
}
