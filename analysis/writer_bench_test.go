package analysis

import (
	"strings"
	"testing"
)

// benchArticle is a paragraph written for the benchmark: reported sentences,
// a quotation and the writer's own voice, in the proportions of a column.
const benchArticle = `The county council voted 7–2 on Monday to close the Eastside library by June. ` +
	`“We have no money left for the building,” said Dana Ortiz, the council's finance chair. ` +
	`Opponents say the decision was rushed and that the consultation lasted only ten days. ` +
	`It is a reckless, short-sighted plan, and the council should think again. ` +
	`Who will the children of Eastside turn to when the doors are locked? ` +
	`The library lent 48,000 books last year, the third largest total in the county. ` +
	`Perhaps the savings will prove real; so far the figures have been vague at best. `

func benchText(size int) (string, []span) {
	text := strings.Repeat(benchArticle+"\n\n", size/len(benchArticle)+1)
	var sents []span
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			end = len(text)
		} else {
			end += start + 2
		}
		sents = append(sents, span{start, end})
		start = end
	}
	return text, sents
}

func BenchmarkWriterSignals(b *testing.B) {
	w := testVoice(b)
	text, sents := benchText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			w.opinion(text, s.start, s.end, w.signals(text, s.start, s.end, nil))
		}
	}
}
