package assets

import (
	"regexp"
	"strings"
	"testing"
)

func TestSamplesHaveHeadlineAndBody(t *testing.T) {
	samples := Samples()
	if len(samples) < 2 || len(samples) > 3 {
		t.Fatalf("%d samples, want 2 or 3", len(samples))
	}
	seen := map[string]bool{}
	for i, s := range samples {
		if i > 0 && samples[i-1].Name >= s.Name {
			t.Errorf("samples out of order: %s before %s", samples[i-1].Name, s.Name)
		}
		title := s.Title()
		if title == "" || len(title) > 100 || strings.HasSuffix(title, ".") || seen[title] {
			t.Errorf("%s: headline %q must be one short, unique line without a full stop", s.Name, title)
		}
		seen[title] = true
		words := len(strings.Fields(s.Text))
		if words < 250 || words > 550 {
			t.Errorf("%s: %d words, want a short article of about 300-500", s.Name, words)
		}
		if !strings.Contains(s.Text, "\n\n") {
			t.Errorf("%s: no paragraphs", s.Name)
		}
	}
}

// TestSamplesCoverTheLabelGuide checks that the samples, taken together,
// contain every case docs/labels.md asks the analyser to handle, so the
// analyser's golden files exercise all of them.
func TestSamplesCoverTheLabelGuide(t *testing.T) {
	var all strings.Builder
	for _, s := range Samples() {
		all.WriteString(s.Text + "\n\n")
	}
	text := all.String()
	cases := []struct{ name, pattern string }{
		{"curly double quotes", `“[^”]+”`},
		{"straight double quotes", `"[^"]+"`},
		{"single quotes", `‘[^’]+’`},
		{"nested quote", `"[^"]*'[^']+'[^"]*"`},
		{"cue after a quote", `[,?!]” (he|she) said`},
		{"cue before a quote", `(added|told [^.“"]+): [“"‘]`},
		{"named speaker", `[”"’],? (Mayor |Deputy mayor )?[A-Z][a-z]+ [A-Z][a-z]+ (said|told)`},
		{"described speaker", `the (director|agency's top lawyer) added`},
		{"X, a spokeswoman for Y, said", `, a spokeswoman for [^,]+, said`},
		{"quote over a paragraph break", `(?m)^“[^”\n]+$\n\n^“`},
		{"partial quote", `called the vote “`},
		{"scare quote", `so-called “`},
		{"indirect speech with that", `said that`},
		{"indirect speech without that", `said the [a-z]+ (would|had|was)`},
		{"according to", `[Aa]ccording to`},
		{"vague source", `(Critics say|Some experts believe|Many residents)`},
		{"anonymous source", `(asked not to be named|on condition of anonymity)`},
		{"loaded verbs", `claimed`},
		{"loaded verbs", `admitted`},
		{"loaded verbs", `insisted`},
		{"modal", `\b(should|must)\b`},
		{"first person outside quotes", `(?m)^I have`},
		{"rhetorical question", `(?m)[a-z]\?$`},
		{"superlative", `the (worst|best|most)\b`},
		{"plain fact with a number", `\b[0-9][0-9,]* (passengers|households|books|signatures)\b`},
	}
	for _, c := range cases {
		if !regexp.MustCompile(c.pattern).MatchString(text) {
			t.Errorf("no sample has a %s (%s)", c.name, c.pattern)
		}
	}
}
