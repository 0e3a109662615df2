package review

import (
	"sort"

	"mediareview/analysis"
)

// Summary is the article at a glance, as the summary screen shows it.
type Summary struct {
	Sentences int
	Mix       []LabelShare           // the four labels in display order
	Sources   []analysis.SourceCount // most cited first
	Signals   []SignalCount          // most frequent first
	Agreement Agreement
}

// LabelShare is how many sentences carry one label, and their share.
type LabelShare struct {
	Label analysis.Label
	Count int
	Share float64 // 0–1
}

// SignalCount is how often one kind of signal occurs.
type SignalCount struct {
	Kind  analysis.SignalKind
	Count int
}

// Agreement is how often the reviewer agreed with the machine, overall and
// per machine label.
type Agreement struct {
	Agreed, Reviewed int
	PerLabel         map[analysis.Label][2]int // agreed, reviewed
}

// Rate is the share of verdicts that agree, 0 when there are none.
func (a Agreement) Rate() float64 {
	if a.Reviewed == 0 {
		return 0
	}
	return float64(a.Agreed) / float64(a.Reviewed)
}

// Summary counts the machine's labels, sources and signals, and the
// reviewer's agreement so far.
func (s *Session) Summary() Summary {
	return Summarize(s.res, s.verdicts)
}

// Summarize builds the summary of res with the verdicts given on it, keyed
// by sentence index.
func Summarize(res *analysis.Result, verdicts map[int]Verdict) Summary {
	sum := Summary{Sentences: len(res.Sentences)}
	counts := map[analysis.Label]int{}
	signals := map[analysis.SignalKind]int{}
	for _, sen := range res.Sentences {
		counts[sen.Label]++
		for _, sig := range sen.Signals {
			signals[sig.Kind]++
		}
	}
	for _, l := range analysis.Labels {
		share := 0.0
		if sum.Sentences > 0 {
			share = float64(counts[l]) / float64(sum.Sentences)
		}
		sum.Mix = append(sum.Mix, LabelShare{Label: l, Count: counts[l], Share: share})
	}
	for k, n := range signals {
		sum.Signals = append(sum.Signals, SignalCount{Kind: k, Count: n})
	}
	sort.Slice(sum.Signals, func(i, j int) bool {
		a, b := sum.Signals[i], sum.Signals[j]
		return a.Count > b.Count || a.Count == b.Count && a.Kind < b.Kind
	})
	sum.Sources = append(sum.Sources, res.Summary.Sources...)
	sort.SliceStable(sum.Sources, func(i, j int) bool {
		a, b := sum.Sources[i], sum.Sources[j]
		return a.Quotes+a.Paraphrases > b.Quotes+b.Paraphrases
	})
	sum.Agreement = agreement(res, verdicts)
	return sum
}

func agreement(res *analysis.Result, verdicts map[int]Verdict) Agreement {
	a := Agreement{PerLabel: map[analysis.Label][2]int{}}
	for i, v := range verdicts {
		if i < 0 || i >= len(res.Sentences) {
			continue
		}
		l := res.Sentences[i].Label
		pl := a.PerLabel[l]
		pl[1]++
		a.Reviewed++
		if v.Decision == Agree {
			pl[0]++
			a.Agreed++
		}
		a.PerLabel[l] = pl
	}
	return a
}
