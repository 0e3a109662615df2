-- Media Review's first schema: the library, the analyses, the reviewers and
-- their verdicts with full history. Times are RFC 3339 UTC text.

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT '',  -- path or URL it came from
    byline      TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',  -- as the source gives it
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,      -- of text: re-imports find the article
    imported_at TEXT NOT NULL
);

CREATE TABLE analyses (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    analyzer_name    TEXT NOT NULL,
    analyzer_version TEXT NOT NULL,
    sentences        INTEGER NOT NULL,
    result           TEXT NOT NULL,         -- analysis.Result as JSON
    created_at       TEXT NOT NULL,
    UNIQUE (article_id, analyzer_name, analyzer_version)
);

CREATE TABLE reviewers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- One current verdict per reviewer and span.
CREATE TABLE verdicts (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reviewer_id        INTEGER NOT NULL REFERENCES reviewers(id),
    kind               TEXT NOT NULL CHECK (kind IN ('sentence', 'quote')),
    start              INTEGER NOT NULL,
    "end"              INTEGER NOT NULL,
    span_sha256        TEXT NOT NULL,
    analyzer_version   TEXT NOT NULL,
    machine_label      TEXT NOT NULL DEFAULT '',
    machine_speaker    TEXT NOT NULL DEFAULT '',
    machine_cue        TEXT NOT NULL DEFAULT '',
    machine_confidence REAL NOT NULL DEFAULT 0,
    verdict            TEXT NOT NULL CHECK (verdict IN ('agree', 'disagree')),
    reviewer_label     TEXT NOT NULL DEFAULT '',
    reviewer_speaker   TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    stale              INTEGER NOT NULL DEFAULT 0, -- the latest analysis has no such span
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (article_id, reviewer_id, kind, start, "end")
);
CREATE INDEX verdicts_by_reviewer ON verdicts (reviewer_id, article_id);

-- Every change to a verdict, oldest first. before/after are the verdict as
-- JSON, NULL when there was none. Undo restores "before" of the latest
-- change not yet undone and marks it undone; the undo is itself recorded.
CREATE TABLE verdict_history (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
    kind        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('set', 'withdraw', 'undo')),
    before      TEXT,
    after       TEXT,
    undone      INTEGER NOT NULL DEFAULT 0,
    changed_at  TEXT NOT NULL
);
CREATE INDEX verdict_history_by_reviewer ON verdict_history (reviewer_id, article_id, id);
