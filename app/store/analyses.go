package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"mediareview/analysis"
)

// SaveAnalysis keeps res as the latest analysis of the article, replacing
// one by the same analyser version. Verdicts are kept; those whose span is
// no longer a sentence (or quote) of res are marked stale, and stale ones
// that match again are revived.
func (s *Store) SaveAnalysis(ctx context.Context, article int64, res *analysis.Result) error {
	blob, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("save analysis of article %d: %w", article, err)
	}
	return s.write(ctx, fmt.Sprintf("save analysis of article %d", article), func(tx *sql.Tx) error {
		var text string
		if err := tx.QueryRowContext(ctx, "SELECT text FROM articles WHERE id = ?", article).Scan(&text); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if text != res.Text {
			return errors.New("the analysis is of a different text than the article")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO analyses (article_id, analyzer_name, analyzer_version, sentences, result, created_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (article_id, analyzer_name, analyzer_version)
			DO UPDATE SET sentences = excluded.sentences, result = excluded.result, created_at = excluded.created_at`,
			article, res.Analyzer.Name, res.Analyzer.Version, len(res.Sentences), string(blob), s.stamp())
		if err != nil {
			return err
		}
		return markStale(ctx, tx, article, res)
	})
}

func markStale(ctx context.Context, tx *sql.Tx, article int64, res *analysis.Result) error {
	current := map[Span]bool{}
	for _, sn := range res.Sentences {
		current[Span{KindSentence, sn.Start, sn.End}] = true
	}
	for _, q := range res.Quotes {
		current[Span{KindQuote, q.Start, q.End}] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, start, "end", stale FROM verdicts WHERE article_id = ?`, article)
	if err != nil {
		return err
	}
	type change struct {
		id    int64
		stale bool
	}
	var changes []change
	for rows.Next() {
		var id int64
		var sp Span
		var stale bool
		if err := rows.Scan(&id, &sp.Kind, &sp.Start, &sp.End, &stale); err != nil {
			rows.Close()
			return err
		}
		if stale == current[sp] {
			changes = append(changes, change{id, !current[sp]})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range changes {
		if _, err := tx.ExecContext(ctx, "UPDATE verdicts SET stale = ? WHERE id = ?", c.stale, c.id); err != nil {
			return err
		}
	}
	return nil
}

// LatestAnalysis returns the most recently saved analysis of the article,
// or ErrNotFound when it has none yet.
func (s *Store) LatestAnalysis(ctx context.Context, article int64) (*analysis.Result, error) {
	return s.loadAnalysis(ctx, article, `SELECT result FROM analyses WHERE article_id = ?
		ORDER BY created_at DESC, id DESC LIMIT 1`, article)
}

// Analysis returns the article's analysis by the given analyser version, or
// ErrNotFound.
func (s *Store) Analysis(ctx context.Context, article int64, version string) (*analysis.Result, error) {
	return s.loadAnalysis(ctx, article, `SELECT result FROM analyses WHERE article_id = ? AND analyzer_version = ?
		ORDER BY created_at DESC, id DESC LIMIT 1`, article, version)
}

func (s *Store) loadAnalysis(ctx context.Context, article int64, query string, args ...any) (*analysis.Result, error) {
	var blob string
	err := s.db.QueryRowContext(ctx, query, args...).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("analysis of article %d: %w", article, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("analysis of article %d: %w", article, classify(err))
	}
	var res analysis.Result
	if err := json.Unmarshal([]byte(blob), &res); err != nil {
		return nil, fmt.Errorf("analysis of article %d: %w: %w", article, ErrNotDatabase, err)
	}
	return &res, nil
}
