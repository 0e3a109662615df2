package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Article is one text in the library.
type Article struct {
	ID         int64
	Title      string
	Origin     string // the path or URL it came from
	Byline     string
	Published  string // the date as the source gives it
	Text       string
	SHA256     string // of Text, hex
	ImportedAt time.Time
}

// ArticleSummary is one line of the library list: enough for "12 of 32
// reviewed" without loading texts or analyses.
type ArticleSummary struct {
	ID         int64
	Title      string
	Origin     string
	Byline     string
	Published  string
	ImportedAt time.Time
	Sentences  int // in the latest analysis; 0 before the first
	Reviewed   int // sentences with a current, not stale verdict by the reviewer asked about
}

// TextHash is the hex SHA-256 that identifies an article's text.
func TextHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// AddArticle adds a to the library and returns its id. When the same text
// is already there it returns that article's id with existed true and
// changes nothing.
func (s *Store) AddArticle(ctx context.Context, a Article) (id int64, existed bool, err error) {
	if strings.TrimSpace(a.Text) == "" {
		return 0, false, fmt.Errorf("add article %q: the text is empty", a.Title)
	}
	hash := TextHash(a.Text)
	err = s.write(ctx, "add article "+a.Title, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE sha256 = ?", hash).Scan(&id)
		if err == nil {
			existed = true
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles (title, origin, byline, published, text, sha256, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, a.Title, a.Origin, a.Byline, a.Published, a.Text, hash, s.stamp())
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, existed, err
}

// FindArticle returns the id of the article with exactly this text, or
// ErrNotFound.
func (s *Store) FindArticle(ctx context.Context, text string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM articles WHERE sha256 = ?", TextHash(text)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("find article: %w", ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("find article: %w", classify(err))
	}
	return id, nil
}

// Article loads one article with its text.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	var a Article
	var at string
	err := s.db.QueryRowContext(ctx, `SELECT id, title, origin, byline, published, text, sha256, imported_at
		FROM articles WHERE id = ?`, id).Scan(&a.ID, &a.Title, &a.Origin, &a.Byline, &a.Published, &a.Text, &a.SHA256, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, classify(err))
	}
	a.ImportedAt = parseTime(at)
	return a, nil
}

// Articles lists the library, newest import first, with each article's
// sentence count and how many of its sentences reviewer has judged (0 for
// all when reviewer is empty).
func (s *Store) Articles(ctx context.Context, reviewer string) ([]ArticleSummary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT a.id, a.title, a.origin, a.byline, a.published, a.imported_at,
			COALESCE((SELECT n.sentences FROM analyses n WHERE n.article_id = a.id
				ORDER BY n.created_at DESC, n.id DESC LIMIT 1), 0),
			(SELECT count(*) FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id
				WHERE v.article_id = a.id AND r.name = ? AND v.kind = 'sentence' AND v.stale = 0)
		FROM articles a ORDER BY a.imported_at DESC, a.id DESC`, strings.TrimSpace(reviewer))
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", classify(err))
	}
	defer rows.Close()
	var list []ArticleSummary
	for rows.Next() {
		var a ArticleSummary
		var at string
		if err := rows.Scan(&a.ID, &a.Title, &a.Origin, &a.Byline, &a.Published, &at, &a.Sentences, &a.Reviewed); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		a.ImportedAt = parseTime(at)
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", classify(err))
	}
	return list, nil
}

// DeleteArticle removes an article with its analyses, verdicts and their
// history. The window asks for confirmation first.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.write(ctx, fmt.Sprintf("delete article %d", id), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM articles WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
}
