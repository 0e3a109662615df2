package store

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"mediareview/analysis"
)

// These tests use real processes and real files. The test binary re-runs
// itself as a helper that writes verdicts (see TestMain).

const helperEnv = "MEDIAREVIEW_STORE_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(helperMain(os.Getenv(helperEnv)))
	}
	os.Exit(m.Run())
}

// helperMain opens the library and, when MEDIAREVIEW_HELPER_REVIEWER names
// a reviewer, writes one verdict per sentence of article 1 as them, printing "ok N" after each write
// returns, "busy N" when the database stayed busy; other errors exit 3.
func helperMain(db string) int {
	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	defer s.Close()
	reviewer := os.Getenv("MEDIAREVIEW_HELPER_REVIEWER")
	switch reviewer {
	case "":
		return 0 // only open (and create) the library
	case "+articles":
		return writeArticles(ctx, s)
	}
	res, err := s.LatestAnalysis(ctx, 1)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	for i := range res.Sentences {
		v := SentenceVerdict(res, i)
		v.Decision, v.Note = Disagree, fmt.Sprintf("note %d by %s", i, reviewer)
		_, err := s.SetVerdict(ctx, 1, reviewer, v)
		switch {
		case errors.Is(err, ErrBusy):
			fmt.Printf("busy %d\n", i)
		case err != nil:
			fmt.Fprintln(os.Stderr, err)
			return 3
		default:
			fmt.Printf("ok %d\n", i) // fmt.Printf writes straight to the fd: no buffer to lose
		}
	}
	return 0
}

// writeArticles adds large analysed articles, printing "ok N" after each:
// big transactions, so a kill often lands in the middle of a commit.
func writeArticles(ctx context.Context, s *Store) int {
	for i := 0; ; i++ {
		text := fmt.Sprintf("Article %d opens. ", i) + strings.Repeat(fmt.Sprintf("Line %d of a long report on the harbour. ", i), 4000)
		id, _, err := s.AddArticle(ctx, Article{Title: fmt.Sprint("Big ", i), Text: text})
		if err == nil {
			err = s.SaveAnalysis(ctx, id, fixtureResult(text, "1"))
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		fmt.Printf("ok %d\n", i)
	}
}

// bigArticle makes a library with one article of n sentences, analysed.
func bigArticle(t *testing.T, n int) (db string, res *analysis.Result) {
	t.Helper()
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "Sentence number %d says the ferry left at dawn. ", i)
	}
	text := sb.String()
	db = filepath.Join(t.TempDir(), "library.db")
	s, err := Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _, err := s.AddArticle(context.Background(), Article{Title: "Many", Text: text})
	if err != nil || id != 1 {
		t.Fatalf("AddArticle = %d, %v", id, err)
	}
	res = fixtureResult(text, "1")
	if err := s.SaveAnalysis(context.Background(), id, res); err != nil {
		t.Fatal(err)
	}
	return db, res
}

type helper struct {
	cmd    *exec.Cmd
	lines  chan string
	stderr bytes.Buffer
}

func startHelper(t *testing.T, db, reviewer string) *helper {
	t.Helper()
	h := &helper{cmd: exec.Command(os.Args[0], "-test.run=^$"), lines: make(chan string, 1024)}
	h.cmd.Env = append(os.Environ(), helperEnv+"="+db, "MEDIAREVIEW_HELPER_REVIEWER="+reviewer)
	h.cmd.Stderr = &h.stderr
	out, err := h.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	return h
}

// acked collects the sentence numbers the helper reported as written.
func acked(lines []string) map[int]bool {
	ok := map[int]bool{}
	for _, l := range lines {
		if n, found := strings.CutPrefix(l, "ok "); found {
			i, _ := strconv.Atoi(n)
			ok[i] = true
		}
	}
	return ok
}

func checkIntegrity(t *testing.T, s *Store) {
	t.Helper()
	var result string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Fatalf("integrity_check = %q, %v", result, err)
	}
	var orphans int
	if err := s.db.QueryRow("PRAGMA foreign_key_check").Scan(&orphans); err != sql.ErrNoRows {
		t.Fatalf("foreign_key_check found problems (%v)", err)
	}
}

func verdictNotes(t *testing.T, s *Store, reviewer string) map[int]string {
	t.Helper()
	res, err := s.LatestAnalysis(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.Verdicts(context.Background(), 1, reviewer)
	if err != nil {
		t.Fatal(err)
	}
	notes := map[int]string{}
	for _, v := range vs {
		for i, sn := range res.Sentences {
			if sn.Start == v.Start {
				notes[i] = v.Note
			}
		}
	}
	return notes
}

// TestKilledWriterLosesNothing kills a writer with SIGKILL while it writes
// verdicts as fast as it can, then checks the file and that every verdict
// whose SetVerdict had returned is there, in three rounds on one file.
func TestKilledWriterLosesNothing(t *testing.T) {
	db, _ := bigArticle(t, 3000)
	for round, killAfter := range []int{50, 400, 1200} {
		reviewer := fmt.Sprintf("round%d", round)
		h := startHelper(t, db, reviewer)
		var lines []string
		for l := range h.lines {
			lines = append(lines, l)
			if len(lines) == killAfter {
				if err := h.cmd.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
			}
		}
		err := h.cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: helper ended with %v before it was killed (%s)", round, err, h.stderr.String())
		}
		ok := acked(lines)
		s, err := Open(context.Background(), db)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		checkIntegrity(t, s)
		notes := verdictNotes(t, s, reviewer)
		for i := range ok {
			if notes[i] != fmt.Sprintf("note %d by %s", i, reviewer) {
				t.Errorf("round %d: verdict %d was acknowledged but reads %q after the kill", round, i, notes[i])
			}
		}
		if len(ok) < killAfter || len(notes) < len(ok) || len(notes) > len(ok)+1 {
			t.Errorf("round %d: %d acknowledged, %d stored; want all acknowledged and at most one in flight", round, len(ok), len(notes))
		}
		s.Close()
		t.Logf("round %d: killed after %d acknowledgements, %d verdicts stored", round, len(ok), len(notes))
	}
}

// TestKilledDuringBigWrites kills a process adding large articles and
// their analyses; every article whose write returned is there, whole.
func TestKilledDuringBigWrites(t *testing.T) {
	db := filepath.Join(t.TempDir(), "library.db")
	openAt(t, db).Close()
	h := startHelper(t, db, "+articles")
	var lines []string
	for l := range h.lines {
		lines = append(lines, l)
		if len(lines) == 6 {
			h.cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	h.cmd.Wait()
	s := openAt(t, db)
	defer s.Close()
	checkIntegrity(t, s)
	ctx := context.Background()
	for i := range acked(lines) {
		id, err := s.FindArticle(ctx, fmt.Sprintf("Article %d opens. ", i)+strings.Repeat(fmt.Sprintf("Line %d of a long report on the harbour. ", i), 4000))
		if err != nil {
			t.Errorf("acknowledged article %d is missing: %v", i, err)
			continue
		}
		if res, err := s.LatestAnalysis(ctx, id); err != nil || len(res.Sentences) == 0 {
			t.Errorf("acknowledged article %d lost its analysis: %v", i, err)
		}
	}
	if len(acked(lines)) < 6 {
		t.Errorf("only %d articles acknowledged before the kill", len(acked(lines)))
	}
}

// TestTwoWritersAtOnce runs two processes writing to one file at the same
// time: each write either lands or reports busy; nothing else goes wrong.
func TestTwoWritersAtOnce(t *testing.T) {
	db, res := bigArticle(t, 400)
	a, b := startHelper(t, db, "ana"), startHelper(t, db, "ben")
	var linesA, linesB []string
	for l := range a.lines {
		linesA = append(linesA, l)
	}
	for l := range b.lines {
		linesB = append(linesB, l)
	}
	for _, h := range []*helper{a, b} {
		if err := h.cmd.Wait(); err != nil {
			t.Fatalf("writer failed: %v\n%s", err, h.stderr.String())
		}
	}
	s, err := Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIntegrity(t, s)
	for name, lines := range map[string][]string{"ana": linesA, "ben": linesB} {
		ok, notes := acked(lines), verdictNotes(t, s, name)
		if len(ok)+strings.Count(strings.Join(lines, "\n"), "busy") != len(res.Sentences) {
			t.Errorf("%s: %d lines for %d sentences", name, len(lines), len(res.Sentences))
		}
		for i := range ok {
			if notes[i] != fmt.Sprintf("note %d by %s", i, name) {
				t.Errorf("%s: acknowledged verdict %d reads %q", name, i, notes[i])
			}
		}
		t.Logf("%s: %d written, %d busy", name, len(ok), len(res.Sentences)-len(ok))
	}
}

func fileState(t *testing.T, dir string) string {
	t.Helper()
	var sb strings.Builder
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		fmt.Fprintf(&sb, "%s %d %x\n", e.Name(), len(b), b[:min(len(b), 64)])
		sb.WriteString(string(b))
	}
	return sb.String()
}

// TestOpenRefuses opens files that must not be touched and checks the
// error and that every byte in the folder is as it was.
func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		reason  error
		words   string
	}{
		{"text file", func(t *testing.T, p string) { writeFile(t, p, []byte("My notes, not a database.\n")) },
			ErrNotDatabase, "not a Media Review database"},
		{"truncated header", func(t *testing.T, p string) { writeFile(t, p, []byte("SQLite form")) },
			ErrNotDatabase, "left untouched"},
		{"newer version", func(t *testing.T, p string) { makeDB(t, p, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)) },
			ErrNewer, "newer version"},
		{"another program's database", func(t *testing.T, p string) { rawDB(t, p, "CREATE TABLE photos (id INTEGER)") },
			ErrNotDatabase, "another program"},
		{"damaged", damage, ErrNotDatabase, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "library.db")
			tt.prepare(t, path)
			before := fileState(t, dir)
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			t.Log(err)
			if !errors.Is(err, tt.reason) || !strings.Contains(err.Error(), tt.words) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open error = %q, want %v naming %s and saying %q", err, tt.reason, path, tt.words)
			}
			if after := fileState(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore %.200s\nafter  %.200s", before, after)
			}
		})
	}
}

func writeFile(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// makeDB makes a Media Review database at p and runs stmt on it.
func makeDB(t *testing.T, p, stmt string) {
	t.Helper()
	s, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func rawDB(t *testing.T, p, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite3", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}

// damage makes a library with enough rows to fill several pages, then
// overwrites the middle of the file with garbage.
func damage(t *testing.T, p string) {
	t.Helper()
	makeDB(t, p, "SELECT 1")
	s, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if _, _, err := s.AddArticle(context.Background(), Article{Title: "T", Text: strings.Repeat(fmt.Sprint("text ", i), 300)}); err != nil {
			t.Fatal(err)
		}
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 3; i < len(b)/3+8192 && i < len(b); i++ {
		b[i] = 0xA5
	}
	writeFile(t, p, b)
}

func TestOpenMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not-there")
	_, err := Open(context.Background(), filepath.Join(dir, "library.db"))
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Open in a missing folder: %v", err)
	}
	if _, serr := os.Stat(dir); !errors.Is(serr, os.ErrNotExist) {
		t.Errorf("Open created the missing folder (%v)", serr)
	}
}

// TestOpenReadOnlyFolder needs a folder the test cannot write to. Root
// ignores permissions, so as root the folder is also made immutable.
func TestOpenReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.db")
	makeDB(t, existing, "SELECT 1")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
			t.Fatalf("running as root and cannot make %s read-only: %v %s", dir, err, out)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
	}
	before := fileState(t, dir)
	for _, name := range []string{"new.db", "old.db"} {
		path := filepath.Join(dir, name)
		s, err := Open(context.Background(), path)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s) in a read-only folder succeeded", name)
		}
		t.Log(err)
		if !errors.Is(err, ErrCannotWrite) || !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%s) error = %q, want ErrCannotWrite naming the file", name, err)
		}
	}
	if after := fileState(t, dir); after != before {
		t.Errorf("the read-only folder changed")
	}
}

// TestBusyIsReported holds the write lock in one connection and checks
// that a write from another store gives up with ErrBusy, not a hang or a
// raw SQLite message.
func TestBusyIsReported(t *testing.T) {
	s := openTemp(t)
	id, res := addFixture(t, s)
	other, err := Open(context.Background(), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := s.db.Begin() // _txlock=immediate: takes the write lock now
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	v := withDecision(SentenceVerdict(res, 0), Agree)
	_, err = other.SetVerdict(context.Background(), id, "ana", v) // waits BusyTimeout first
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "busy") {
		t.Fatalf("write while locked: %v, want ErrBusy", err)
	}
}

// TestManyOpenANewFile starts four processes that all create the same new
// library at once: each succeeds and the schema is applied exactly once.
func TestManyOpenANewFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new.db")
	var helpers []*helper
	for range 4 {
		helpers = append(helpers, startHelper(t, db, ""))
	}
	for _, h := range helpers {
		for range h.lines {
		}
		if err := h.cmd.Wait(); err != nil {
			t.Errorf("a process failed to open the new library: %v\n%s", err, h.stderr.String())
		}
	}
	s, err := Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkIntegrity(t, s)
	if v := userVersion(t, db); v != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion())
	}
}
