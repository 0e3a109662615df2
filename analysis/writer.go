package analysis

// span is a byte range [start, end) of the analysed text.
type span struct{ start, end int }

// writerVoice finds the signs of the writer's own voice: evaluative and
// loaded words, intensifiers, hedges, modals, first person, superlatives and
// rhetorical questions.
//
// STUB: returns nothing; the opinion work replaces this file.
type writerVoice struct{}

func newWriterVoice() (*writerVoice, error) { return &writerVoice{}, nil }

// signals returns the writer-voice signals in text[start:end], in order,
// skipping words that lie inside any skip range (quoted words belong to
// the speaker, not the writer).
func (w *writerVoice) signals(text string, start, end int, skip []span) []Signal {
	return nil
}

// opinion says whether the sentence text[start:end], with the signals found
// in it, is the writer's opinion, and how sure that is (0–1).
func (w *writerVoice) opinion(text string, start, end int, sigs []Signal) (bool, float64) {
	return false, 0.5
}
