package analysis

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// summarize counts labels, sources and signals.
func (w *attributionWords) summarize(r *Result) Summary {
	s := Summary{Labels: map[Label]int{}, Signals: map[SignalKind]int{}, Sources: []SourceCount{}}
	index := map[string]int{}
	count := func(name string, named bool) *SourceCount {
		k, ok := index[name]
		if !ok {
			k = len(s.Sources)
			index[name] = k
			s.Sources = append(s.Sources, SourceCount{Name: name, Named: named})
		}
		return &s.Sources[k]
	}
	for _, sent := range r.Sentences {
		s.Labels[sent.Label]++
		for _, sig := range sent.Signals {
			s.Signals[sig.Kind]++
		}
		if sent.Label == LabelAttributed && sent.Source != "" {
			count(sent.Source, w.named(sent.Source)).Paraphrases++
		}
	}
	for _, q := range r.Quotes {
		if q.Kind != QuoteScare && q.Speaker != "" {
			count(q.Speaker, w.named(q.Speaker)).Quotes++
		}
	}
	sort.SliceStable(s.Sources, func(i, j int) bool {
		a, b := s.Sources[i], s.Sources[j]
		return a.Quotes+a.Paraphrases > b.Quotes+b.Paraphrases
	})
	return s
}

// named says whether a source is a name ("Lena Varga", "the Port Alder
// council" is not) rather than a description or a vague group.
func (w *attributionWords) named(source string) bool {
	words := strings.Fields(source)
	for i, word := range words {
		r, _ := utf8.DecodeRuneInString(word)
		if !unicode.IsUpper(r) || i == 0 && sentenceStarters[strings.ToLower(word)] {
			continue
		}
		return !w.unnamed[strings.ToLower(source)]
	}
	return false
}
