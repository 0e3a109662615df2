package analysis

import (
	"reflect"
	"testing"
)

// quotedTexts returns the quoted words of each quote found in text.
func quotedTexts(text string) []string {
	var out []string
	for _, q := range findQuotes(text, paragraphs(text)) {
		out = append(out, text[q.start:q.end])
	}
	return out
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"curly", "“We will win,” she said.", []string{"We will win,"}},
		{"straight", `"We will win," she said.`, []string{"We will win,"}},
		{"single curly", "‘We will win,’ she said.", []string{"We will win,"}},
		{"single straight", "'We will win,' she said.", []string{"We will win,"}},
		{"guillemets with spaces", "« Nous gagnerons » a-t-il dit.", []string{"Nous gagnerons"}},
		{"low-high", "„Wir gewinnen“, sagte sie.", []string{"Wir gewinnen"}},
		{"apostrophes are not quotes", "The mayor’s plan isn’t the voters’ choice, it's Ortiz's.", nil},
		{"decade apostrophe", "Prices rose in the ’90s and fell in the '00s.", nil},
		{"nested single inside double", "“They told us, ‘Fix your fields,’ and left,” he said.",
			[]string{"They told us, ‘Fix your fields,’ and left,"}},
		{"nested straight", `"They said 'no' to us," he said.`, []string{"They said 'no' to us,"}},
		{"nested double inside single", "‘He called it “a disgrace”,’ she said.", []string{"He called it “a disgrace”,"}},
		{"two quotes in a sentence", "“Yes,” she said, “and soon.”", []string{"Yes,", "and soon."}},
		{"partial", "She called the vote “a betrayal”.", []string{"a betrayal"}},
		{"continues into the next paragraph",
			"“We start at four.\n\n“Without the boat we quit,” he said.",
			[]string{"We start at four.\n\n“Without the boat we quit,"}},
		{"three paragraphs",
			"“One.\n\n“Two.\n\n“Three,” she said.", []string{"One.\n\n“Two.\n\n“Three,"}},
		{"empty paragraph after the opening mark", "“\n\n“We start,” she said.", []string{"We start,"}},
		{"a different mark in the next paragraph is a new quote",
			"\"Kevin was snoring.\n\n“Here he is,” she said.", []string{"Kevin was snoring.", "Here he is,"}},
		{"unclosed at the end of a paragraph is closed there",
			"“We never closed this, she said.\n\nThe next paragraph is plain.",
			[]string{"We never closed this, she said."}},
		{"closing mark typed as opening", "“Enough“ she said.", []string{"Enough"}},
		{"opening mark typed as closing", "”Enough” she said.", []string{"Enough"}},
		{"straight quotes glued to punctuation", `He said: "Go." Then "stop," she said.`, []string{"Go.", "stop,"}},
		{"two apostrophes as a double mark", "''We are a content provider,'' he said. It's Ortiz's.", []string{"We are a content provider,"}},
		{"marks around nothing", "“ ” and \"\" are empty.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quotedTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes in %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
