package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// Undo takes back the reviewer's latest change on the article that is not
// undone yet, restoring the verdict it replaced (or none). Called again, it
// goes further back. It returns the span it changed and the verdict now
// current there (nil for none), or ErrNothingToUndo.
func (s *Store) Undo(ctx context.Context, article int64, reviewer string) (Span, *Verdict, error) {
	return s.undo(ctx, article, reviewer, nil)
}

// UndoSpan is Undo limited to the changes of one span.
func (s *Store) UndoSpan(ctx context.Context, article int64, reviewer string, span Span) (*Verdict, error) {
	_, v, err := s.undo(ctx, article, reviewer, &span)
	return v, err
}

func (s *Store) undo(ctx context.Context, article int64, reviewer string, only *Span) (span Span, restored *Verdict, err error) {
	err = s.write(ctx, fmt.Sprintf("undo %s's last verdict on article %d", reviewer, article), func(tx *sql.Tx) error {
		rid, err := findReviewer(ctx, tx, reviewer)
		if err != nil {
			return err
		}
		q := `SELECT id, kind, start, "end", before FROM verdict_history
			WHERE reviewer_id = ? AND article_id = ? AND action != 'undo' AND undone = 0`
		args := []any{rid, article}
		if only != nil {
			q += ` AND kind = ? AND start = ? AND "end" = ?`
			args = append(args, only.Kind, only.Start, only.End)
		}
		var hid int64
		var before sql.NullString
		err = tx.QueryRowContext(ctx, q+" ORDER BY id DESC LIMIT 1", args...).Scan(&hid, &span.Kind, &span.Start, &span.End, &before)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return err
		}
		now, err := currentVerdict(ctx, tx, article, rid, span)
		if err != nil {
			return err
		}
		if restored, err = restore(ctx, tx, rid, article, span, before); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE verdict_history SET undone = 1 WHERE id = ?", hid); err != nil {
			return err
		}
		return addHistory(ctx, tx, rid, article, span, "undo", now, restored, s.stamp())
	})
	return span, restored, err
}

func restore(ctx context.Context, tx *sql.Tx, rid, article int64, span Span, before sql.NullString) (*Verdict, error) {
	if !before.Valid {
		return nil, deleteVerdict(ctx, tx, article, rid, span)
	}
	v, err := decodeVerdict(before)
	if err != nil {
		return nil, fmt.Errorf("%w: history entry: %w", ErrNotDatabase, err)
	}
	matches, err := spanInLatest(ctx, tx, article, span)
	if err != nil {
		return nil, err
	}
	v.Stale = !matches // the article may have been re-analysed since
	return v, putVerdict(ctx, tx, rid, *v)
}

// spanInLatest reports whether the article's latest analysis has a sentence
// or quote with exactly this span (true when it has no analysis at all).
func spanInLatest(ctx context.Context, tx *sql.Tx, article int64, span Span) (bool, error) {
	var blob string
	err := tx.QueryRowContext(ctx, `SELECT result FROM analyses WHERE article_id = ?
		ORDER BY created_at DESC, id DESC LIMIT 1`, article).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	type spanOnly struct{ Start, End int }
	var res struct{ Sentences, Quotes []spanOnly }
	if err := json.Unmarshal([]byte(blob), &res); err != nil {
		return false, fmt.Errorf("%w: analysis of article %d: %w", ErrNotDatabase, article, err)
	}
	list := res.Sentences
	if span.Kind == KindQuote {
		list = res.Quotes
	}
	for _, sp := range list {
		if sp.Start == span.Start && sp.End == span.End {
			return true, nil
		}
	}
	return false, nil
}
