namespace Pipeline.Store;

/// <summary>
/// Ordered schema migrations, one list per dialect with the same tables, columns and constraints; never edit a
/// released one, append a new one to both lists. (SQLite INTEGER is 64-bit; PostgreSQL needs BIGINT for ids and hashes.)
/// </summary>
internal static class Migrations
{
    public static readonly string[] Sqlite =
    [
        """
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
            data_fingerprint TEXT, active INTEGER NOT NULL DEFAULT 0)
        """,
        // 2: when each version was last activated, so that rollback can return to the previous one.
        """
        ALTER TABLE model_versions ADD COLUMN activated TEXT
        """,
        // 3: review accounts (salted password hashes only) and indexes for the review queue and the audit trail.
        """
        CREATE TABLE users (
            name TEXT PRIMARY KEY COLLATE NOCASE, role TEXT NOT NULL, password_hash TEXT NOT NULL, stamp TEXT NOT NULL,
            created TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX candidates_queue ON candidates(status, confidence);
        CREATE INDEX reviews_reviewer ON reviews(reviewer, id)
        """,
        // 4: one primary per exact text, enforced by the database, so that workers on several machines deduplicate through
        // it (a process-local lock could not). Primaries stored twice before this index are made duplicates of the first.
        """
        UPDATE items SET duplicate_of = (SELECT MIN(p.id) FROM items p WHERE p.content_hash = items.content_hash AND p.duplicate_of IS NULL)
        WHERE duplicate_of IS NULL AND id > (SELECT MIN(p.id) FROM items p WHERE p.content_hash = items.content_hash AND p.duplicate_of IS NULL);
        UPDATE candidates SET status = 'duplicate' WHERE status = 'pending' AND item_id IN (SELECT id FROM items WHERE duplicate_of IS NOT NULL);
        CREATE UNIQUE INDEX items_primary_content ON items(content_hash) WHERE duplicate_of IS NULL
        """,
        // 5: model files in the database (PostgreSQL: every worker fetches the active version from there), the features a
        // version was made for, and leases (one worker trains the first model while the others wait).
        """
        CREATE TABLE model_files (version TEXT NOT NULL, name TEXT NOT NULL, content BLOB NOT NULL, PRIMARY KEY (version, name));
        ALTER TABLE model_versions ADD COLUMN feature_version TEXT;
        CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires TEXT NOT NULL)
        """,
        // 6: the review queue pages on one index per sort order (issue 13). The newest-first key (the item's published
        // date, else when it was fetched) is kept on the candidate too, so that status, order and date filter are one
        // index range; each index ends in item_id, the tie-break of the order and of the keyset cursor. The two
        // status-less indexes serve "all"; candidates_status and candidates_queue are prefixes of the new ones.
        """
        ALTER TABLE candidates ADD COLUMN item_time TEXT NOT NULL DEFAULT '';
        UPDATE candidates SET item_time = (SELECT COALESCE(i.published, i.fetched) FROM items i WHERE i.id = candidates.item_id);
        DROP INDEX candidates_status;
        DROP INDEX candidates_queue;
        CREATE INDEX candidates_uncertainty ON candidates(status, confidence, item_id);
        CREATE INDEX candidates_newest ON candidates(status, item_time, item_id);
        CREATE INDEX candidates_all_uncertainty ON candidates(confidence, item_id);
        CREATE INDEX candidates_all_newest ON candidates(item_time, item_id)
        """,
    ];

    public static readonly string[] Postgres =
    [
        """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, kind TEXT NOT NULL,
            etag TEXT, last_modified TEXT, last_checked TEXT, last_success TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_error_kind TEXT,
            last_item_count INTEGER, usual_item_count DOUBLE PRECISION, next_check TEXT, redirected_to TEXT, flagged TEXT);
        CREATE TABLE fetch_log (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, source_id TEXT NOT NULL, url TEXT NOT NULL, at TEXT NOT NULL,
            outcome TEXT NOT NULL, status INTEGER, bytes BIGINT, elapsed_ms BIGINT, error_kind TEXT, error TEXT);
        CREATE INDEX fetch_log_source ON fetch_log(source_id, at);
        CREATE TABLE items (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, source_id TEXT NOT NULL, url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE, title TEXT NOT NULL, published TEXT, fetched TEXT NOT NULL,
            language TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL, simhash BIGINT NOT NULL,
            relevant INTEGER NOT NULL, relevance_terms TEXT, extraction TEXT,
            duplicate_of BIGINT REFERENCES items(id));
        CREATE INDEX items_content_hash ON items(content_hash);
        CREATE INDEX items_duplicate_of ON items(duplicate_of);
        CREATE TABLE candidates (
            item_id BIGINT PRIMARY KEY REFERENCES items(id), status TEXT NOT NULL,
            response_types TEXT NOT NULL, scores TEXT NOT NULL, actor TEXT, actor_type TEXT, co_actors TEXT,
            confidence DOUBLE PRECISION NOT NULL, model_version TEXT NOT NULL,
            reviewed_types TEXT, reviewed_actor TEXT, reviewed_actor_type TEXT,
            version INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, updated TEXT NOT NULL);
        CREATE INDEX candidates_status ON candidates(status);
        CREATE TABLE reviews (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, item_id BIGINT NOT NULL REFERENCES items(id), reviewer TEXT NOT NULL,
            at TEXT NOT NULL, decision TEXT NOT NULL, before TEXT, after TEXT);
        CREATE INDEX reviews_item ON reviews(item_id);
        CREATE TABLE model_versions (
            version TEXT PRIMARY KEY, created TEXT NOT NULL, path TEXT NOT NULL, metrics TEXT,
            data_fingerprint TEXT, active INTEGER NOT NULL DEFAULT 0)
        """,
        """
        ALTER TABLE model_versions ADD COLUMN activated TEXT
        """,
        // 3: SQLite's COLLATE NOCASE key becomes a unique index on lower(name).
        """
        CREATE TABLE users (
            name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, stamp TEXT NOT NULL,
            created TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
        CREATE UNIQUE INDEX users_name_ci ON users(lower(name));
        CREATE INDEX candidates_queue ON candidates(status, confidence);
        CREATE INDEX reviews_reviewer ON reviews(reviewer, id)
        """,
        // 4: as in SQLite.
        """
        UPDATE items SET duplicate_of = (SELECT MIN(p.id) FROM items p WHERE p.content_hash = items.content_hash AND p.duplicate_of IS NULL)
        WHERE duplicate_of IS NULL AND id > (SELECT MIN(p.id) FROM items p WHERE p.content_hash = items.content_hash AND p.duplicate_of IS NULL);
        UPDATE candidates SET status = 'duplicate' WHERE status = 'pending' AND item_id IN (SELECT id FROM items WHERE duplicate_of IS NOT NULL);
        CREATE UNIQUE INDEX items_primary_content ON items(content_hash) WHERE duplicate_of IS NULL
        """,
        // 5: as in SQLite.
        """
        CREATE TABLE model_files (version TEXT NOT NULL, name TEXT NOT NULL, content BYTEA NOT NULL, PRIMARY KEY (version, name));
        ALTER TABLE model_versions ADD COLUMN feature_version TEXT;
        CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires TEXT NOT NULL)
        """,
        // 6: as in SQLite.
        """
        ALTER TABLE candidates ADD COLUMN item_time TEXT NOT NULL DEFAULT '';
        UPDATE candidates SET item_time = (SELECT COALESCE(i.published, i.fetched) FROM items i WHERE i.id = candidates.item_id);
        DROP INDEX candidates_status;
        DROP INDEX candidates_queue;
        CREATE INDEX candidates_uncertainty ON candidates(status, confidence, item_id);
        CREATE INDEX candidates_newest ON candidates(status, item_time, item_id);
        CREATE INDEX candidates_all_uncertainty ON candidates(confidence, item_id);
        CREATE INDEX candidates_all_newest ON candidates(item_time, item_id)
        """,
    ];
}
