package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"mediareview/analysis"
)

// SpanKind says whether a verdict judges a sentence or a quote.
type SpanKind string

// The two kinds of span a reviewer judges.
const (
	KindSentence SpanKind = "sentence"
	KindQuote    SpanKind = "quote"
)

// Span anchors a verdict in the article text: UTF-8 byte offsets, end
// exclusive. The text never changes, so a span survives re-analysis.
type Span struct {
	Kind       SpanKind
	Start, End int
}

// Decision is the reviewer's answer to the machine's label.
type Decision string

// The two decisions. A relabel is a Disagree with a reviewer Label.
const (
	Agree    Decision = "agree"
	Disagree Decision = "disagree"
)

// Verdict is one reviewer's current judgement of one span, with what the
// machine said when the reviewer judged it.
type Verdict struct {
	Span
	Article  int64
	Reviewer string

	SpanHash          string // hex SHA-256 of the span's text
	AnalyzerVersion   string
	MachineLabel      analysis.Label
	MachineSpeaker    string
	MachineCue        string
	MachineConfidence float64

	Decision Decision
	Label    analysis.Label // the reviewer's label when it differs from the machine's
	Speaker  string         // the reviewer's speaker or source when it differs
	Note     string

	Stale     bool // the latest analysis has no sentence or quote with this span
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SentenceVerdict starts a verdict on sentence i of res: span and machine
// fields filled in, the decision left to the caller.
func SentenceVerdict(res *analysis.Result, i int) Verdict {
	sn := res.Sentences[i]
	return Verdict{
		Span:            Span{KindSentence, sn.Start, sn.End},
		AnalyzerVersion: res.Analyzer.Version, MachineLabel: sn.Label, MachineSpeaker: sn.Source,
		MachineCue: sn.Cue, MachineConfidence: sn.Confidence,
	}
}

// QuoteVerdict starts a verdict on quote i of res. Its machine label is
// quote and its confidence that of the quote's first sentence.
func QuoteVerdict(res *analysis.Result, i int) Verdict {
	q := res.Quotes[i]
	v := Verdict{
		Span:            Span{KindQuote, q.Start, q.End},
		AnalyzerVersion: res.Analyzer.Version, MachineLabel: analysis.LabelQuote,
		MachineSpeaker: q.Speaker, MachineCue: q.Cue,
	}
	if len(q.Sentences) > 0 && q.Sentences[0] >= 0 && q.Sentences[0] < len(res.Sentences) {
		v.MachineConfidence = res.Sentences[q.Sentences[0]].Confidence
	}
	return v
}

func (v Verdict) check() error {
	switch {
	case v.Kind != KindSentence && v.Kind != KindQuote:
		return fmt.Errorf("unknown span kind %q", v.Kind)
	case v.Decision != Agree && v.Decision != Disagree:
		return fmt.Errorf("unknown decision %q", v.Decision)
	case v.Start < 0 || v.End <= v.Start:
		return fmt.Errorf("bad span %d–%d", v.Start, v.End)
	case v.Label != "" && !slices.Contains(analysis.Labels, v.Label):
		return fmt.Errorf("unknown label %q", v.Label)
	}
	return nil
}

// SetVerdict makes v the reviewer's current verdict on v.Span of the
// article (v.Article and v.Reviewer are ignored). The previous verdict goes
// to the history, so Undo brings it back. It returns the verdict as stored;
// saving an identical verdict changes nothing.
func (s *Store) SetVerdict(ctx context.Context, article int64, reviewer string, v Verdict) (Verdict, error) {
	reviewer = strings.TrimSpace(reviewer)
	what := fmt.Sprintf("save %s's verdict on article %d", reviewer, article)
	if reviewer == "" {
		return v, fmt.Errorf("%s: the reviewer has no name", what)
	}
	if err := v.check(); err != nil {
		return v, fmt.Errorf("%s: %w", what, err)
	}
	err := s.write(ctx, what, func(tx *sql.Tx) error {
		hash, err := spanHash(ctx, tx, article, v.Span)
		if err != nil {
			return err
		}
		rid, err := reviewerID(ctx, tx, reviewer, s.stamp())
		if err != nil {
			return err
		}
		before, err := currentVerdict(ctx, tx, article, rid, v.Span)
		if err != nil {
			return err
		}
		v.Article, v.Reviewer, v.SpanHash, v.Stale = article, reviewer, hash, false
		v.CreatedAt, v.UpdatedAt = s.now(), s.now()
		if before != nil {
			v.CreatedAt, v.Stale = before.CreatedAt, before.Stale
			if sameJudgement(*before, v) {
				v = *before
				return nil
			}
		}
		if err := putVerdict(ctx, tx, rid, v); err != nil {
			return err
		}
		return addHistory(ctx, tx, rid, v.Article, v.Span, "set", before, &v, s.stamp())
	})
	return v, err
}

func sameJudgement(a, b Verdict) bool {
	return a.Decision == b.Decision && a.Label == b.Label && a.Speaker == b.Speaker && a.Note == b.Note &&
		a.MachineLabel == b.MachineLabel && a.MachineSpeaker == b.MachineSpeaker && a.MachineCue == b.MachineCue &&
		a.MachineConfidence == b.MachineConfidence && a.AnalyzerVersion == b.AnalyzerVersion
}

// WithdrawVerdict removes the reviewer's verdict on span, keeping it in the
// history so Undo brings it back. Withdrawing nothing is not an error.
func (s *Store) WithdrawVerdict(ctx context.Context, article int64, reviewer string, span Span) error {
	return s.write(ctx, fmt.Sprintf("withdraw %s's verdict on article %d", reviewer, article), func(tx *sql.Tx) error {
		rid, err := findReviewer(ctx, tx, reviewer)
		if err != nil || rid == 0 {
			return err
		}
		before, err := currentVerdict(ctx, tx, article, rid, span)
		if err != nil || before == nil {
			return err
		}
		if err := deleteVerdict(ctx, tx, article, rid, span); err != nil {
			return err
		}
		return addHistory(ctx, tx, rid, article, span, "withdraw", before, nil, s.stamp())
	})
}

// Verdicts lists the current verdicts on the article (every article when
// article is 0) by reviewer (every reviewer when reviewer is empty), in
// article, reviewer and text order.
func (s *Store) Verdicts(ctx context.Context, article int64, reviewer string) ([]Verdict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+verdictColumns+` FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id
		WHERE (? = 0 OR v.article_id = ?) AND (? = '' OR r.name = ?)
		ORDER BY v.article_id, r.name, v.start, v."end" DESC, v.kind DESC`,
		article, article, strings.TrimSpace(reviewer), strings.TrimSpace(reviewer))
	if err != nil {
		return nil, fmt.Errorf("list verdicts: %w", classify(err))
	}
	defer rows.Close()
	var list []Verdict
	for rows.Next() {
		v, err := scanVerdict(rows)
		if err != nil {
			return nil, fmt.Errorf("list verdicts: %w", err)
		}
		list = append(list, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list verdicts: %w", classify(err))
	}
	return list, nil
}

const verdictColumns = `v.article_id, r.name, v.kind, v.start, v."end", v.span_sha256, v.analyzer_version,
	v.machine_label, v.machine_speaker, v.machine_cue, v.machine_confidence,
	v.verdict, v.reviewer_label, v.reviewer_speaker, v.note, v.stale, v.created_at, v.updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanVerdict(row scanner) (Verdict, error) {
	var v Verdict
	var created, updated string
	err := row.Scan(&v.Article, &v.Reviewer, &v.Kind, &v.Start, &v.End, &v.SpanHash, &v.AnalyzerVersion,
		&v.MachineLabel, &v.MachineSpeaker, &v.MachineCue, &v.MachineConfidence,
		&v.Decision, &v.Label, &v.Speaker, &v.Note, &v.Stale, &created, &updated)
	v.CreatedAt, v.UpdatedAt = parseTime(created), parseTime(updated)
	return v, err
}

func currentVerdict(ctx context.Context, tx *sql.Tx, article, rid int64, span Span) (*Verdict, error) {
	v, err := scanVerdict(tx.QueryRowContext(ctx, `SELECT `+verdictColumns+` FROM verdicts v JOIN reviewers r ON r.id = v.reviewer_id
		WHERE v.article_id = ? AND v.reviewer_id = ? AND v.kind = ? AND v.start = ? AND v."end" = ?`,
		article, rid, span.Kind, span.Start, span.End))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func putVerdict(ctx context.Context, tx *sql.Tx, rid int64, v Verdict) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO verdicts (article_id, reviewer_id, kind, start, "end", span_sha256,
			analyzer_version, machine_label, machine_speaker, machine_cue, machine_confidence,
			verdict, reviewer_label, reviewer_speaker, note, stale, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, reviewer_id, kind, start, "end") DO UPDATE SET
			span_sha256 = excluded.span_sha256, analyzer_version = excluded.analyzer_version,
			machine_label = excluded.machine_label, machine_speaker = excluded.machine_speaker,
			machine_cue = excluded.machine_cue, machine_confidence = excluded.machine_confidence,
			verdict = excluded.verdict, reviewer_label = excluded.reviewer_label,
			reviewer_speaker = excluded.reviewer_speaker, note = excluded.note, stale = excluded.stale,
			created_at = excluded.created_at, updated_at = excluded.updated_at`,
		v.Article, rid, v.Kind, v.Start, v.End, v.SpanHash, v.AnalyzerVersion,
		v.MachineLabel, v.MachineSpeaker, v.MachineCue, v.MachineConfidence,
		v.Decision, v.Label, v.Speaker, v.Note, v.Stale,
		v.CreatedAt.UTC().Format(time.RFC3339Nano), v.UpdatedAt.UTC().Format(time.RFC3339Nano))
	return err
}

func deleteVerdict(ctx context.Context, tx *sql.Tx, article, rid int64, span Span) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM verdicts WHERE article_id = ? AND reviewer_id = ? AND kind = ? AND start = ? AND "end" = ?`,
		article, rid, span.Kind, span.Start, span.End)
	return err
}

// spanHash checks that span lies inside the article's text and hashes its
// bytes (substr of a BLOB counts bytes, so the text is not loaded).
func spanHash(ctx context.Context, tx *sql.Tx, article int64, span Span) (string, error) {
	var size int
	var part []byte
	err := tx.QueryRowContext(ctx, `SELECT length(CAST(text AS BLOB)), substr(CAST(text AS BLOB), ?, ?)
		FROM articles WHERE id = ?`, span.Start+1, span.End-span.Start, article).Scan(&size, &part)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", article, ErrNotFound)
	}
	if err != nil {
		return "", err
	}
	if span.End > size {
		return "", fmt.Errorf("span %d–%d is outside the article's %d bytes", span.Start, span.End, size)
	}
	h := sha256.Sum256(part)
	return hex.EncodeToString(h[:]), nil
}
