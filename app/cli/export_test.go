package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/analysis"
	"mediareview/app/report"
	"mediareview/app/store"
)

// libraryWithVerdicts imports two articles through the command and has two
// reviewers judge the first sentences of the first one.
func libraryWithVerdicts(t *testing.T) (db string) {
	t.Helper()
	dir := writeFiles(t, map[string]string{
		"a.txt": "Ferry fares rise\n\nThe ferry company raised fares by 8% on Monday. \"We had no choice,\" said Lena Holt. Critics say the rise is outrageous.\n",
		"b.txt": "Market day moves\n\nThe Saturday market moves to the quay in May.\n",
	})
	db = filepath.Join(t.TempDir(), "lib.db")
	if _, stderr, code := run(t, "import", "--db", db, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, err := st.LatestAnalysis(ctx, 1)
	if err != nil || len(res.Sentences) < 3 {
		t.Fatalf("analysis of article 1: %v (%d sentences)", err, len(res.Sentences))
	}
	for i, reviewer := range []string{"Ms Park", "Ms Park", "=cmd|' /C calc'!A0"} {
		v := store.SentenceVerdict(res, i)
		v.Decision, v.Note = store.Agree, "checked, \"fine\""
		if i == 1 {
			v.Decision, v.Label = store.Disagree, analysis.LabelOpinion
		}
		if _, err := st.SetVerdict(ctx, 1, reviewer, v); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestExport(t *testing.T) {
	db := libraryWithVerdicts(t)
	out := filepath.Join(t.TempDir(), "report.csv")
	_, stderr, code := run(t, "export", "--db", db, "--all", "--out", out)
	if code != 0 || !strings.Contains(stderr, "wrote 3 rows to "+out) {
		t.Fatalf("export: exit %d, %q", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(report.Columns, ",") {
		t.Fatalf("report: %v\n%s", err, b)
	}
	if rows[1][12] != "'=cmd|' /C calc'!A0" || rows[2][12] != "Ms Park" || rows[3][14] != "opinion" || rows[2][16] != "checked, \"fine\"" {
		t.Errorf("report rows:\n%s", b)
	}

	stdout, _, code := run(t, "export", "--db", db, "--article", "1", "--reviewer", "Ms Park", "--anonymize", "--excel", "--out", "-")
	if code != 0 || !strings.HasPrefix(stdout, "\uFEFFarticle_id,") || strings.Contains(stdout, "Park") || strings.Count(stdout, "R001") != 2 {
		t.Errorf("anonymised stdout export:\n%s", stdout)
	}

	stdout, _, code = run(t, "export", "--summary", "--db", db, "--out", "-")
	summary, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != 0 || err != nil || len(summary) != 3 {
		t.Fatalf("summary: exit %d, %v\n%s", code, err, stdout)
	}
	if park := summary[2]; park[2] != "Ms Park" || park[3] != "2" || park[4] != "1" || park[5] != "1" || park[16] != "50.0" {
		t.Errorf("Ms Park's summary row = %v, want 2 reviewed, 1 agree, 1 disagree, 50.0%%", park)
	}

	stdout, _, code = run(t, "export", "--db", db, "--article", "2", "--out", "-")
	if code != 0 || strings.Count(stdout, "\n") != 1 {
		t.Errorf("export of an unreviewed article: exit %d, want only the header:\n%s", code, stdout)
	}
}

func TestExportRefuses(t *testing.T) {
	db := libraryWithVerdicts(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "--db", db}, 2, "give --out"},
		{[]string{"export", "--db", db, "--all", "--article", "1", "--out", "-"}, 2, "not both"},
		{[]string{"export", "--db", db, "--out", "-", "extra"}, 2, "unexpected argument"},
		{[]string{"export", "--db", db, "--article", "9", "--out", "-"}, 1, "article 9: not found"},
		{[]string{"export", "--db", missing, "--out", "-"}, 1, "no library at " + missing},
		{[]string{"export", "--db", db, "--out", filepath.Join(t.TempDir(), "no", "r.csv")}, 1, "write "},
		{[]string{"export", "--db", db, "--out", db}, 1, "is the library itself"},
	}
	for _, tt := range tests {
		_, stderr, code := run(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("export created a database at %s", missing)
	}
}
