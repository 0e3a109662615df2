package review

import "mediareview/analysis"

// Filter chooses which sentences the article list shows.
type Filter string

// The filters of the top bar, in display order.
const (
	FilterAll        Filter = "all"
	FilterQuotes     Filter = "quotes"
	FilterAttributed Filter = "attributed"
	FilterReported   Filter = "reported"
	FilterOpinions   Filter = "opinions"
	FilterUnreviewed Filter = "unreviewed"
)

// Filters lists the filters in display order.
var Filters = []Filter{FilterAll, FilterQuotes, FilterAttributed, FilterReported, FilterOpinions, FilterUnreviewed}

// ParseFilter reads a remembered filter; anything unknown is FilterAll.
func ParseFilter(s string) Filter {
	for _, f := range Filters {
		if string(f) == s {
			return f
		}
	}
	return FilterAll
}

var filterLabel = map[Filter]analysis.Label{
	FilterQuotes:     analysis.LabelQuote,
	FilterAttributed: analysis.LabelAttributed,
	FilterReported:   analysis.LabelReported,
	FilterOpinions:   analysis.LabelOpinion,
}

// keeps says whether the filter shows a sentence with this verdict.
func (f Filter) keeps(s analysis.Sentence, v *Verdict) bool {
	switch f {
	case FilterAll:
		return true
	case FilterUnreviewed:
		return v == nil
	}
	return LabelOf(s, v) == filterLabel[f]
}
