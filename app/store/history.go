package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Change is one entry of a reviewer's history on an article: a verdict
// set, withdrawn, or an undo. Before and After are nil where there was no
// verdict.
type Change struct {
	At     time.Time
	Action string // "set", "withdraw" or "undo"
	Span
	Before, After *Verdict
	Undone        bool // a later undo took this change back
}

// History lists the reviewer's changes on the article, oldest first: the
// record that nothing was overwritten silently.
func (s *Store) History(ctx context.Context, article int64, reviewer string) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT h.changed_at, h.action, h.kind, h.start, h."end", h.before, h.after, h.undone
		FROM verdict_history h JOIN reviewers r ON r.id = h.reviewer_id
		WHERE h.article_id = ? AND r.name = ? ORDER BY h.id`, article, strings.TrimSpace(reviewer))
	if err != nil {
		return nil, fmt.Errorf("history of article %d: %w", article, classify(err))
	}
	defer rows.Close()
	var list []Change
	for rows.Next() {
		var c Change
		var at string
		var before, after sql.NullString
		if err := rows.Scan(&at, &c.Action, &c.Kind, &c.Start, &c.End, &before, &after, &c.Undone); err != nil {
			return nil, fmt.Errorf("history of article %d: %w", article, err)
		}
		c.At = parseTime(at)
		if c.Before, err = decodeVerdict(before); err == nil {
			c.After, err = decodeVerdict(after)
		}
		if err != nil {
			return nil, fmt.Errorf("history of article %d: %w: %w", article, ErrNotDatabase, err)
		}
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history of article %d: %w", article, classify(err))
	}
	return list, nil
}

func decodeVerdict(js sql.NullString) (*Verdict, error) {
	if !js.Valid {
		return nil, nil
	}
	var v Verdict
	if err := json.Unmarshal([]byte(js.String), &v); err != nil {
		return nil, err
	}
	return &v, nil
}

func addHistory(ctx context.Context, tx *sql.Tx, rid, article int64, span Span, action string, before, after *Verdict, at string) error {
	encode := func(v *Verdict) (any, error) {
		if v == nil {
			return nil, nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	b, err := encode(before)
	if err != nil {
		return err
	}
	a, err := encode(after)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO verdict_history (article_id, reviewer_id, kind, start, "end", action, before, after, changed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, article, rid, span.Kind, span.Start, span.End, action, b, a, at)
	return err
}
