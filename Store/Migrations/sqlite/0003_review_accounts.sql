-- 3: review accounts (salted password hashes only) and indexes for the review queue and the audit trail.
CREATE TABLE users (
    name TEXT PRIMARY KEY COLLATE NOCASE, role TEXT NOT NULL, password_hash TEXT NOT NULL, stamp TEXT NOT NULL,
    created TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX candidates_queue ON candidates(status, confidence);
CREATE INDEX reviews_reviewer ON reviews(reviewer, id);
