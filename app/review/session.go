package review

import (
	"fmt"

	"mediareview/analysis"
)

// Session is one reviewer working through one analysed article. Its
// methods are called from the UI goroutine only; every verdict is handed to
// the Store before the method returns.
type Session struct {
	store    Store
	article  int64
	reviewer string
	res      *analysis.Result

	verdicts map[int]Verdict
	filter   Filter
	rows     []int // sentence indices the filter shows, in order
	current  int   // selected sentence index, -1 for none
	undo     []int // sentences given a verdict in this session, oldest first
}

// NewSession loads the reviewer's verdicts on the article and selects the
// first sentence the filter shows.
func NewSession(store Store, article int64, reviewer string, res *analysis.Result, filter Filter) (*Session, error) {
	vs, err := store.Verdicts(article, reviewer, res)
	if err != nil {
		return nil, fmt.Errorf("load the verdicts of %s on article %d: %w", reviewer, article, err)
	}
	if vs == nil {
		vs = map[int]Verdict{}
	}
	s := &Session{store: store, article: article, reviewer: reviewer, res: res, verdicts: vs, current: -1}
	s.SetFilter(filter)
	return s, nil
}

// Result is the analysis under review.
func (s *Session) Result() *analysis.Result { return s.res }

// Article is the id of the article under review.
func (s *Session) Article() int64 { return s.article }

// Reviewer is the name or code the verdicts are given under.
func (s *Session) Reviewer() string { return s.reviewer }

// Filter is the filter in use.
func (s *Session) Filter() Filter { return s.filter }

// Rows is the number of sentences the filter shows.
func (s *Session) Rows() int { return len(s.rows) }

// Row is the sentence index shown at row r.
func (s *Session) Row(r int) int { return s.rows[r] }

// RowOf is the row showing sentence i, or -1 when the filter hides it.
func (s *Session) RowOf(i int) int {
	for r, idx := range s.rows {
		if idx == i {
			return r
		}
	}
	return -1
}

// Current is the selected sentence index, -1 when none is.
func (s *Session) Current() int { return s.current }

// Sentence returns sentence i.
func (s *Session) Sentence(i int) analysis.Sentence { return s.res.Sentences[i] }

// Verdict is the reviewer's current verdict on sentence i, nil when none.
func (s *Session) Verdict(i int) *Verdict {
	v, ok := s.verdicts[i]
	if !ok {
		return nil
	}
	return &v
}

// Progress is how many sentences have a verdict, of how many.
func (s *Session) Progress() (reviewed, total int) {
	return len(s.verdicts), len(s.res.Sentences)
}

// SetFilter shows only the sentences the filter keeps. The selection stays
// when the filter still shows it, else moves to the first row.
func (s *Session) SetFilter(f Filter) {
	s.filter = f
	s.rows = s.rows[:0]
	for i, sen := range s.res.Sentences {
		if f.keeps(sen, s.Verdict(i)) {
			s.rows = append(s.rows, i)
		}
	}
	if s.RowOf(s.current) < 0 {
		s.current = -1
		if len(s.rows) > 0 {
			s.current = s.rows[0]
		}
	}
}

// Select makes sentence i the current one.
func (s *Session) Select(i int) {
	if i >= 0 && i < len(s.res.Sentences) {
		s.current = i
	}
}

// Next moves to the next row; it stays on the last one.
func (s *Session) Next() { s.move(+1) }

// Prev moves to the previous row; it stays on the first one.
func (s *Session) Prev() { s.move(-1) }

func (s *Session) move(step int) {
	if len(s.rows) == 0 {
		return
	}
	r := s.RowOf(s.current)
	switch {
	case r < 0:
		r = 0
	case r+step >= 0 && r+step < len(s.rows):
		r += step
	}
	s.current = s.rows[r]
}

// NextUnreviewed moves to the next row without a verdict, wrapping round to
// the top. It reports false, and stays, when every row has one.
func (s *Session) NextUnreviewed() bool {
	n := len(s.rows)
	r := s.RowOf(s.current)
	for k := 1; k <= n; k++ {
		i := s.rows[(r+k+n)%n]
		if s.Verdict(i) == nil {
			s.current = i
			return true
		}
	}
	return false
}
