package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mediareview/app/store"
	"mediareview/assets"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestImport(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"bridge.txt":     "Bridge reopens after repairs\n\nThe river bridge reopened on Friday. \"It feels safer,\" said Ines Ruiz.\n",
		"hall.md":        "# Town hall roof\n\nBy Omar Said\n\nThe *roof* of the town hall leaks again. Council staff put out buckets.\n",
		"photo.txt":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"empty.txt":      "  \n",
		"long.txt":       strings.Repeat("A long sentence about the harbour. ", 100),
		"menu.html":      "<!doctype html><html><body><nav><a href=/>Home</a></nav></body></html>",
		"x.mrsubmission": `{"format": "mediareview-submission", "student": "7b"}`,
		"x.mrexercise":   "PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/vnd.mediareview.exercise+zip",
		"result.json":    `{"sentences": [{"index": 0, "label": "quote"}]}`,
	})
	db := filepath.Join(t.TempDir(), "lib.db")
	p := func(name string) string { return filepath.Join(dir, name) }
	stdout, stderr, code := run(t, "import", "--db", db, "--max-bytes", "2000",
		p("bridge.txt"), p("photo.txt"), p("hall.md"), p("empty.txt"), p("long.txt"), p("menu.html"), p("gone.txt"),
		p("x.mrsubmission"), p("x.mrexercise"), p("result.json"))
	if code != 1 {
		t.Errorf("exit %d, want 1 when some files fail", code)
	}
	okLine := regexp.MustCompile(`^\d+\t.+\t\d+ sentences$`)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || !okLine.MatchString(lines[0]) || !okLine.MatchString(lines[1]) ||
		!strings.Contains(lines[0], "Bridge reopens after repairs") || !strings.Contains(lines[1], "Town hall roof") {
		t.Errorf("stdout:\n%s\nwant a line for bridge.txt and for hall.md", stdout)
	}
	for _, want := range []string{
		p("photo.txt") + " is not a text file (binary data)",
		p("empty.txt") + " is empty",
		p("long.txt") + " is too large (3.4 KB; the limit is 2 KB)",
		p("menu.html") + " has no article text",
		p("gone.txt") + " cannot be read: no such file",
		p("x.mrsubmission") + " is a student's submission, not an article: grade it with `mediareview exercise grade",
		p("x.mrexercise") + " is a classroom exercise, not an article: open it with `mediareview " + p("x.mrexercise") + "` or File → Open",
		p("result.json") + " is a JSON document, not an article",
		"8 of 10 files not imported",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Articles(context.Background(), "")
	st.Close()
	if err != nil || len(list) != 2 || list[0].Sentences == 0 || list[1].Sentences == 0 {
		t.Fatalf("library after import: %+v, %v; want two analysed articles", list, err)
	}
	byTitle := map[string]store.ArticleSummary{}
	for _, a := range list {
		byTitle[a.Title] = a
	}
	if byTitle["Town hall roof"].Byline != "Omar Said" || byTitle["Bridge reopens after repairs"].Origin != p("bridge.txt") {
		t.Errorf("byline or origin lost: %+v", list)
	}

	stdout, stderr, code = run(t, "import", p("bridge.txt"), "--db", db)
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(stdout), "(already in the library)") || stderr != "" {
		t.Errorf("re-import: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestImportSamples(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, s := range assets.Samples() {
		p := filepath.Join(dir, strings.Repeat("x", i+1)+".txt")
		if err := os.WriteFile(p, []byte(s.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	stdout, stderr, code := run(t, append([]string{"import", "--db", filepath.Join(dir, "lib.db")}, files...)...)
	if code != 0 || stderr != "" || strings.Count(stdout, "\n") != len(files) {
		t.Fatalf("import of the samples: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestImportUsage(t *testing.T) {
	tests := [][]string{
		{"import"},
		{"import", "--db"},
		{"import", "--nope", "a.txt"},
	}
	for _, args := range tests {
		if _, stderr, code := run(t, args...); code != 2 || !strings.Contains(stderr, "usage: mediareview import") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and the usage", args, code, stderr)
		}
	}
	if _, stderr, code := run(t, "import", "--db", filepath.Join(t.TempDir(), "no", "lib.db"), "a.txt"); code != 1 || !strings.Contains(stderr, "does not exist") {
		t.Errorf("import into a missing folder: exit %d, %q", code, stderr)
	}
}

func TestImportStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	var out, errb bytes.Buffer
	_, code := Main([]string{"import", "--db", db, "-"}, IO{
		Stdin:  strings.NewReader("Pasted headline\n\nThe quay was repaved in April. Traders welcomed it.\n"),
		Stdout: &out, Stderr: &errb})
	if code != 0 || !strings.Contains(out.String(), "\tPasted headline\t") {
		t.Fatalf("import -: exit %d, %q %q", code, out.String(), errb.String())
	}
	_, code = Main([]string{"import", "--db", db, "-"}, IO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	if code != 1 || !strings.Contains(errb.String(), "standard input is empty") {
		t.Errorf("import of empty stdin: exit %d, %q", code, errb.String())
	}
	errb.Reset()
	_, code = Main([]string{"import", "--db", db, "-"}, IO{Stdin: strings.NewReader(`[{"label": "quote"}]`), Stdout: &out, Stderr: &errb})
	if code != 1 || !strings.Contains(errb.String(), "standard input is a JSON document, not an article") {
		t.Errorf("import of JSON on stdin: exit %d, %q", code, errb.String())
	}
}

// TestImportWhileLibraryBusy holds the library's write lock, as a window
// saving a verdict would for far longer than it does, and checks that
// import waits, then says the library is busy in plain words.
func TestImportWhileLibraryBusy(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Quay works start\n\nWork on the quay starts in June.\n"})
	db := filepath.Join(dir, "lib.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	_, stderr, code := run(t, "import", "--db", db, filepath.Join(dir, "a.txt"))
	if code != 1 || !strings.Contains(stderr, "a.txt") || !strings.Contains(stderr, "the database is busy") {
		t.Errorf("import into a locked library: exit %d, %q", code, stderr)
	}
}
