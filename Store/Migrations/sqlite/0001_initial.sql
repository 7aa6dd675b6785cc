-- 1: sources, fetch log, items, candidates, reviews and model versions.
-- SQLite INTEGER is 64-bit; the PostgreSQL file uses BIGINT for ids and hashes.
CREATE TABLE sources (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, kind TEXT NOT NULL,
    etag TEXT, last_modified TEXT, last_checked TEXT, last_success TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_error_kind TEXT,
    last_item_count INTEGER, usual_item_count REAL, next_check TEXT, redirected_to TEXT, flagged TEXT);
CREATE TABLE fetch_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, source_id TEXT NOT NULL, url TEXT NOT NULL, at TEXT NOT NULL,
    outcome TEXT NOT NULL, status INTEGER, bytes INTEGER, elapsed_ms INTEGER, error_kind TEXT, error TEXT);
CREATE INDEX fetch_log_source ON fetch_log(source_id, at);
CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT, source_id TEXT NOT NULL, url TEXT NOT NULL,
    canonical_url TEXT NOT NULL UNIQUE, title TEXT NOT NULL, published TEXT, fetched TEXT NOT NULL,
    language TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL, simhash INTEGER NOT NULL,
    relevant INTEGER NOT NULL, relevance_terms TEXT, extraction TEXT,
    duplicate_of INTEGER REFERENCES items(id));
CREATE INDEX items_content_hash ON items(content_hash);
CREATE INDEX items_duplicate_of ON items(duplicate_of);
CREATE TABLE candidates (
    item_id INTEGER PRIMARY KEY REFERENCES items(id), status TEXT NOT NULL,
    response_types TEXT NOT NULL, scores TEXT NOT NULL, actor TEXT, actor_type TEXT, co_actors TEXT,
    confidence REAL NOT NULL, model_version TEXT NOT NULL,
    reviewed_types TEXT, reviewed_actor TEXT, reviewed_actor_type TEXT,
    version INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX candidates_status ON candidates(status);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, item_id INTEGER NOT NULL REFERENCES items(id), reviewer TEXT NOT NULL,
    at TEXT NOT NULL, decision TEXT NOT NULL, before TEXT, after TEXT);
CREATE INDEX reviews_item ON reviews(item_id);
CREATE TABLE model_versions (
    version TEXT PRIMARY KEY, created TEXT NOT NULL, path TEXT NOT NULL, metrics TEXT,
    data_fingerprint TEXT, active INTEGER NOT NULL DEFAULT 0);
