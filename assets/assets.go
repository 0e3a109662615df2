// Package assets holds the files built into the binary: the icon, the
// sample articles and the analyser's word lists with their licences. It
// imports no Fyne.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed icon.png
var Icon []byte

//go:embed samples/*.txt
var samples embed.FS

// Sample is one built-in article.
type Sample struct {
	Name string // file name, e.g. "01-ferry.txt"
	Text string
}

// Samples returns the built-in articles in order; the first is the one
// a first start opens.
func Samples() []Sample {
	entries, _ := fs.ReadDir(samples, "samples")
	out := make([]Sample, 0, len(entries))
	for _, e := range entries {
		b, err := samples.ReadFile(path.Join("samples", e.Name()))
		if err != nil {
			continue
		}
		out = append(out, Sample{Name: e.Name(), Text: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Title is the first line of a sample, its headline.
func (s Sample) Title() string {
	line, _, _ := strings.Cut(s.Text, "\n")
	return strings.TrimSpace(line)
}
