package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"mediareview/app/cli"
	"mediareview/app/report"
)

func TestExportFormOptions(t *testing.T) {
	tests := []struct {
		name string
		set  func(*exportForm)
		want report.Options
	}{
		{"defaults: this article, every reviewer", func(*exportForm) {}, report.Options{Article: 7}},
		{"mine everywhere", func(f *exportForm) { f.scope.SetSelected(scopeAll); f.who.SetSelected(whoMe) }, report.Options{Reviewer: "kim"}},
		{"summary for excel, anonymised", func(f *exportForm) {
			f.summary.SetChecked(true)
			f.excel.SetChecked(true)
			f.anonymize.SetChecked(true)
		}, report.Options{Article: 7, Summary: true, Excel: true, Anonymize: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newExportForm()
			tt.set(f)
			if got := f.options(7, "kim"); got != tt.want {
				t.Errorf("options = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestExportName(t *testing.T) {
	day := time.Now().Format("2006-01-02")
	tests := []struct {
		title string
		opts  report.Options
		want  string
	}{
		{"Port Alder: ferry halted!", report.Options{Article: 1}, "port-alder-ferry-halted-verdicts-" + day + ".csv"},
		{"Port Alder", report.Options{}, "library-verdicts-" + day + ".csv"},
		{"Über «café» talks", report.Options{Article: 1, Summary: true}, "ber-caf-talks-summary-" + day + ".csv"},
		{"", report.Options{Article: 1}, "library-verdicts-" + day + ".csv"},
	}
	for _, tt := range tests {
		if got := exportName(tt.title, tt.opts); got != tt.want {
			t.Errorf("exportName(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestExportWritesVerdicts gives two verdicts by keyboard and exports them
// the way the dialog does.
func TestExportWritesVerdicts(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	press(w, fyne.KeyA, fyne.KeyD)
	var buf bytes.Buffer
	n, err := report.Write(context.Background(), &buf, m.store, newExportForm().options(m.session.Article(), "kim"))
	if err != nil || n != 2 {
		t.Fatalf("wrote %d rows: %v", n, err)
	}
	rows, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := indexOf(rows[0], "verdict")
	if rows[1][col] != "agree" || rows[2][col] != "disagree" {
		t.Errorf("verdicts exported: %q, %q", rows[1][col], rows[2][col])
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
