package report

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"mediareview/analysis"
	"mediareview/app/store"
)

// source loads each article and analysis once, however many verdicts
// point at them.
type source struct {
	ctx      context.Context
	st       *store.Store
	articles map[int64]store.Article
	analyses map[string]*analysisIndex
}

func (s *source) article(id int64) (store.Article, error) {
	if a, ok := s.articles[id]; ok {
		return a, nil
	}
	a, err := s.st.Article(s.ctx, id)
	if err != nil {
		return a, fmt.Errorf("export: %w", err)
	}
	s.articles[id] = a
	return a, nil
}

// analysis is the analysis the verdict was given against, or the latest
// when that one is gone; nil when the article has none.
func (s *source) analysis(article int64, version string) (*analysisIndex, error) {
	key := fmt.Sprint(article, "/", version)
	if ix, ok := s.analyses[key]; ok {
		return ix, nil
	}
	res, err := s.st.Analysis(s.ctx, article, version)
	if errors.Is(err, store.ErrNotFound) {
		res, err = s.st.LatestAnalysis(s.ctx, article)
	}
	if errors.Is(err, store.ErrNotFound) {
		s.analyses[key] = nil
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	ix := &analysisIndex{res: res}
	s.analyses[key] = ix
	return ix, nil
}

type analysisIndex struct{ res *analysis.Result }

// sentenceAt is the index of the sentence holding byte offset, or -1.
func (ix *analysisIndex) sentenceAt(offset int) int {
	if ix == nil {
		return -1
	}
	ss := ix.res.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > offset })
	if i < len(ss) && ss[i].Start <= offset {
		return i
	}
	return -1
}

// signals are the signals that lie inside span, from the sentences it
// touches, in text order.
func (ix *analysisIndex) signals(start, end int) []analysis.Signal {
	if ix == nil {
		return nil
	}
	var out []analysis.Signal
	for _, sn := range ix.res.Sentences {
		if sn.End <= start || sn.Start >= end {
			continue
		}
		for _, sg := range sn.Signals {
			if sg.Start >= start && sg.End <= end {
				out = append(out, sg)
			}
		}
	}
	return out
}
