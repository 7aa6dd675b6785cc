-- 3: as in SQLite, except that SQLite's COLLATE NOCASE key becomes a unique index on lower(name).
CREATE TABLE users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, stamp TEXT NOT NULL,
    created TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX users_name_ci ON users(lower(name));
CREATE INDEX candidates_queue ON candidates(status, confidence);
CREATE INDEX reviews_reviewer ON reviews(reviewer, id);
