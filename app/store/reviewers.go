package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Reviewer is someone who gives verdicts: a display name or a pseudonymous
// code the class agreed on.
type Reviewer struct {
	ID       int64
	Name     string
	Verdicts int // current verdicts over all articles
}

// Code is the reviewer's stable pseudonym in anonymised reports: R001 for
// the first reviewer this database met, and so on.
func (r Reviewer) Code() string { return fmt.Sprintf("R%03d", r.ID) }

// Reviewers lists everyone who has given a verdict, by name.
func (s *Store) Reviewers(ctx context.Context) ([]Reviewer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.name,
		(SELECT count(*) FROM verdicts v WHERE v.reviewer_id = r.id) FROM reviewers r ORDER BY r.name`)
	if err != nil {
		return nil, fmt.Errorf("list reviewers: %w", classify(err))
	}
	defer rows.Close()
	var list []Reviewer
	for rows.Next() {
		var r Reviewer
		if err := rows.Scan(&r.ID, &r.Name, &r.Verdicts); err != nil {
			return nil, fmt.Errorf("list reviewers: %w", err)
		}
		list = append(list, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list reviewers: %w", classify(err))
	}
	return list, nil
}

func reviewerID(ctx context.Context, tx *sql.Tx, name, now string) (int64, error) {
	id, err := findReviewer(ctx, tx, name)
	if err != nil || id != 0 {
		return id, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO reviewers (name, created_at) VALUES (?, ?)", name, now)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// findReviewer returns 0 for a name the database has not met.
func findReviewer(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM reviewers WHERE name = ?", strings.TrimSpace(name)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
