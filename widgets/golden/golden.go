// Package golden compares a widget's rendering, as Fyne's test markup, with
// a golden file under testdata/; `go test -update` rewrites the files.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

var update = flag.Bool("update", false, "rewrite the markup golden files under testdata/")

// AssertMarkup fails t when o does not render to testdata/name.
func AssertMarkup(t testing.TB, name string, o fyne.CanvasObject) {
	t.Helper()
	path := filepath.Join("testdata", name)
	got := test.RenderObjectToMarkup(o)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the golden file (run go test -update to make it): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s renders differently from %s (go test -update rewrites it):\n%s", t.Name(), path, got)
	}
}
