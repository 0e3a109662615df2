package analysis

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/assets"
)

// update rewrites the golden files: go test ./analysis -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenSamples pins the full JSON result for each built-in sample
// article, so that any change in the results shows up in review.
func TestGoldenSamples(t *testing.T) {
	samples := assets.Samples()
	if len(samples) == 0 {
		t.Fatal("no sample articles embedded")
	}
	for _, s := range samples {
		t.Run(s.Name, func(t *testing.T) {
			r := analyze(t, s.Text)
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(s.Name, ".txt")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result for %s differs from %s; review the change and run with -update:\n%s",
					s.Name, path, firstDifference(string(want), string(got)))
			}
		})
	}
}

// firstDifference shows the first line where two texts differ.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			return "line " + itoa(i+1) + ":\n want " + wl[i] + "\n  got " + gl[i]
		}
	}
	return "lengths differ: " + itoa(len(wl)) + " against " + itoa(len(gl)) + " lines"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
