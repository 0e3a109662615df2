package analysis

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze runs the whole pipeline on arbitrary text: it must not panic,
// and its result must keep the contract (see checkResult).
func FuzzAnalyze(f *testing.F) {
	for _, seed := range []string{
		"",
		"“We will reopen the bridge by spring,” the mayor said.",
		"“One.\n\n“Two,” she said.",
		"‘Nested “double” inside,’ he said. It’s the voters’ choice in the ’90s.",
		"\"Unclosed quote\n\nNext paragraph.\"",
		"Dr. J. R. Smith, a spokesman for the U.S. agency (D-Wis.), said: «Oui». ― Ana",
		"According to, said said said , , “”“”''\"\"",
		"\r\n\r\n\t“\xff\xfe broken bytes”\n",
		"Critics say. Who? Nobody! … „German“ ‚single‘ ‹angle›",
	} {
		f.Add(seed)
	}
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := a.Analyze(context.Background(), text, nil); err != nil {
			t.Fatal(err) // invalid UTF-8 too: no panic, no error
		}
		if !utf8.ValidString(text) {
			// The CLI and the window decode files to UTF-8 first; invalid
			// bytes must still not break the analyser.
			text = string([]rune(text))
		}
		r, err := a.Analyze(context.Background(), text, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, r)
	})
}
