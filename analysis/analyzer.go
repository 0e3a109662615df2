package analysis

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
)

// Name and Version identify the analyser's rules and word lists. Change
// Version whenever results can change.
const (
	Name    = "mediareview-rules"
	Version = "0.17.0"
)

// Analyzer holds the loaded word lists; build it once with New and reuse
// it: Analyze is safe for concurrent use.
type Analyzer struct {
	words *attributionWords
	voice *writerVoice
}

// New loads the analyser's word lists.
func New() (*Analyzer, error) {
	words, err := loadAttributionWords()
	if err != nil {
		return nil, fmt.Errorf("analyser: %w", err)
	}
	voice, err := newWriterVoice()
	if err != nil {
		return nil, fmt.Errorf("analyser: %w", err)
	}
	return &Analyzer{words: words, voice: voice}, nil
}

// Progress, when not nil, is told the share of the text done (0–1). It is
// called on the goroutine that called Analyze.
type Progress func(done float64)

// draft is what the analyser learns about one sentence before it looks at
// the article as a whole.
type draft struct {
	span
	paragraph int
	quotes    []int // indices of the quotes that overlap the sentence
	attr      attribution
	hasAttr   bool
	mention   []token // the words of attr.mention
	words     int     // how many words lie outside quotes
	headline  bool    // most words are capitalised
	names     []nameMention
	signals   []Signal
}

// Analyze labels every sentence of text, finds its quotes and their
// speakers, and sums the article up. It stops early with ctx.Err() when
// ctx is cancelled.
func (a *Analyzer) Analyze(ctx context.Context, text string, progress Progress) (*Result, error) {
	report := func(done float64) {
		if progress != nil {
			progress(done)
		}
	}
	paras := paragraphs(text)
	quotes := findQuotes(text, paras)
	drafts := a.split(text, paras, quotes)
	if err := a.readSentences(ctx, text, drafts, quotes, report); err != nil {
		return nil, err
	}
	r := a.assemble(text, drafts, quotes)
	report(1)
	return r, nil
}

// split cuts the paragraphs into sentences and notes the quotes in each.
func (a *Analyzer) split(text string, paras []span, quotes []quoted) []draft {
	var out []draft
	q := 0
	for pi, p := range paras {
		for _, s := range a.sentences(text, p) {
			for q < len(quotes) && quotes[q].end <= s.start {
				q++
			}
			d := draft{span: s, paragraph: pi}
			for k := q; k < len(quotes) && quotes[k].start < s.end; k++ {
				if quotes[k].end > s.start {
					d.quotes = append(d.quotes, k)
				}
			}
			out = append(out, d)
		}
	}
	return out
}

// readSentences does the work that needs only one sentence at a time, in
// parallel over the cores, chunk by chunk in text order.
func (a *Analyzer) readSentences(ctx context.Context, text string, drafts []draft, quotes []quoted, report func(float64)) error {
	const chunkBytes = 16 << 10
	type chunk struct{ from, to int }
	var chunks []chunk
	for from := 0; from < len(drafts); {
		to, size := from, 0
		for to < len(drafts) && (to == from || size < chunkBytes) {
			size += drafts[to].end - drafts[to].start
			to++
		}
		chunks = append(chunks, chunk{from, to})
		from = to
	}
	work := make(chan chunk)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(chunks), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				for i := c.from; i < c.to; i++ {
					a.read(text, &drafts[i], quotes)
				}
				done <- struct{}{}
			}
		}()
	}
	go func() {
		defer close(work)
		for _, c := range chunks {
			select {
			case work <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for range done {
		finished++
		report(0.9 * float64(finished) / float64(len(chunks)))
	}
	return ctx.Err()
}

// read finds what one sentence says on its own: words, cue and source,
// names, and the signals of the writer's voice.
func (a *Analyzer) read(text string, d *draft, quotes []quoted) {
	skip := make([]span, 0, len(d.quotes))
	for _, k := range d.quotes {
		skip = append(skip, quotes[k].span)
	}
	toks := tokenize(text, d.start, d.end, skip)
	var edges []int
	for _, k := range d.quotes {
		edges = append(edges, quotes[k].openMark.start, max(quotes[k].closeMark.end, quotes[k].end))
	}
	d.attr, d.hasAttr = a.words.findAttribution(toks, edges)
	if d.hasAttr {
		d.mention = slices.Clone(tokensIn(toks, d.attr.mention))
	}
	d.words, d.headline = wordsOutside(toks), titleCase(toks)
	d.names = a.words.findNames(text, toks)
	d.signals = a.voice.signals(text, d.start, d.end, skip)
	d.signals = append(d.signals, a.words.sourceSignals(text, d, toks)...)
}
