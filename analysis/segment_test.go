package analysis

import (
	"reflect"
	"testing"
)

func spanTexts(text string, spans []span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, text[s.start:s.end])
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"blank lines", "One.\n\nTwo.\n \n\nThree.", []string{"One.", "Two.", "Three."}},
		{"CRLF", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"hard-wrapped lines stay one paragraph",
			"The council met on Monday evening to discuss the ferry and the\nharbour clinic, and it voted to close the night service early.",
			[]string{"The council met on Monday evening to discuss the ferry and the\nharbour clinic, and it voted to close the night service early."}},
		{"headline over byline", "Council halts ferry\nBy Ana Ortiz\n\nThe council voted.",
			[]string{"Council halts ferry", "By Ana Ortiz", "The council voted."}},
		{"one paragraph per line",
			"The council met on Monday evening to discuss the ferry, the harbour clinic and the budget for next year, which is short.\nIt voted to close the night service early.",
			[]string{"The council met on Monday evening to discuss the ferry, the harbour clinic and the budget for next year, which is short.",
				"It voted to close the night service early."}},
		{"only space", " \n\t\n", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spanTexts(tt.text, paragraphs(tt.text)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	a := testAnalyzer(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"simple", "The vote was 7–2. It passed!  Did it? Yes.", []string{"The vote was 7–2.", "It passed!", "Did it?", "Yes."}},
		{"titles", "Dr. Ana Ortiz met Mr. Lee and Sen. Park.", []string{"Dr. Ana Ortiz met Mr. Lee and Sen. Park."}},
		{"initials", "J. R. Smith spoke. Then he left.", []string{"J. R. Smith spoke.", "Then he left."}},
		{"abbreviation before a name", "The U.S. Senate voted. The U.S. The end.", []string{"The U.S. Senate voted.", "The U.S.", "The end."}},
		{"times", "It opens at 9 a.m. The queue was long.", []string{"It opens at 9 a.m.", "The queue was long."}},
		{"decimals and numbers", "It rose 2.5 per cent to 1,000.5 units. Then fell.", []string{"It rose 2.5 per cent to 1,000.5 units.", "Then fell."}},
		{"quote ends the sentence", "“We will win.” The crowd cheered.", []string{"“We will win.”", "The crowd cheered."}},
		{"question inside a quote, lower-case cue", "“Who knows?” she asked. Nobody.", []string{"“Who knows?” she asked.", "Nobody."}},
		{"question inside a quote, named cue", "“Who knows?” Ortiz asked. Nobody did.", []string{"“Who knows?” Ortiz asked.", "Nobody did."}},
		{"dash signature", "“We will win.” ― Ana Ortiz", []string{"“We will win.” ― Ana Ortiz"}},
		{"ellipsis", "It was… fine. Really.", []string{"It was… fine.", "Really."}},
		{"no final stop", "A headline with no stop", []string{"A headline with no stop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range paragraphs(tt.text) {
				got = append(got, spanTexts(tt.text, a.sentences(tt.text, p))...)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
