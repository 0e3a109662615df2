package analysis

import (
	"testing"
	"unicode/utf8"
)

// FuzzWriterSignals checks that any text and any range give signals inside
// the range, on UTF-8 boundaries (when the text is UTF-8), in order, outside the quoted words, and a
// decision with a confidence from 0.5 to 1, without a panic.
func FuzzWriterSignals(f *testing.F) {
	for _, s := range []string{
		"The council's reckless plan wrecked a decade of progress.",
		"We shouldn’t wait?! “Who pays?” she asked.",
		"It is the most reckless, the worst ever — isn't it?",
		"Ça a été désastreux, vraiment très mauvais!",
		"must\xffnot \xe2\x80 ought to",
	} {
		f.Add(s, 0, len(s), 4, 9)
	}
	w := testVoice(f)
	f.Fuzz(func(t *testing.T, text string, start, end, skipStart, skipEnd int) {
		skip := []span{{skipStart, skipEnd}}
		sigs := w.signals(text, start, end, skip)
		lo, hi := clampSpan(text, start, end)
		last, valid := lo, utf8.ValidString(text)
		for _, s := range sigs {
			if s.Start < last || s.End <= s.Start || s.End > hi {
				t.Fatalf("signal %+v out of order or outside [%d,%d) after %d", s, lo, hi, last)
			}
			if valid && (!boundary(text, s.Start) || !boundary(text, s.End)) {
				t.Fatalf("signal %+v does not sit on UTF-8 boundaries", s)
			}
			if text[s.Start:s.End] != s.Text || s.Why == "" {
				t.Fatalf("signal %+v: text does not match its offsets or has no why", s)
			}
			if skipStart < skipEnd && s.Start < skipEnd && skipStart < s.End {
				t.Fatalf("signal %+v lies in the quoted range [%d,%d)", s, skipStart, skipEnd)
			}
			last = s.Start
		}
		if _, conf := w.opinion(text, start, end, sigs); !(conf >= 0.5 && conf <= 1) {
			t.Fatalf("confidence %v outside 0.5–1", conf)
		}
	})
}

func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}
