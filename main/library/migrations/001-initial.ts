import type { Database } from 'better-sqlite3';

/** 001: samples, their files (content-addressed blobs) and the trigram full-text index. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE samples (
      n            INTEGER PRIMARY KEY,
      id           TEXT NOT NULL UNIQUE,
      title        TEXT NOT NULL,
      kind         TEXT NOT NULL,
      format       TEXT NOT NULL DEFAULT '',
      width_mm     REAL,
      height_mm    REAL,
      published_at TEXT NOT NULL,
      unit         TEXT NOT NULL DEFAULT '',
      location     TEXT NOT NULL DEFAULT '',
      channel      TEXT NOT NULL DEFAULT '',
      fraud_types  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fraud_types)),
      tags         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
      slogan       TEXT NOT NULL DEFAULT '',
      notes        TEXT NOT NULL DEFAULT '',
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      trashed_at   TEXT
    );
    CREATE INDEX samples_published ON samples (published_at);
    CREATE INDEX samples_kind ON samples (kind);
    CREATE INDEX samples_unit ON samples (unit);

    CREATE TABLE files (
      sample_n INTEGER NOT NULL REFERENCES samples (n) ON DELETE CASCADE,
      role     TEXT NOT NULL CHECK (role IN ('design', 'pdf', 'png', 'original', 'thumbnail')),
      sha256   TEXT NOT NULL CHECK (length(sha256) = 64),
      size     INTEGER NOT NULL,
      mime     TEXT NOT NULL,
      name     TEXT NOT NULL,
      PRIMARY KEY (sample_n, role)
    ) WITHOUT ROWID;
    CREATE INDEX files_sha ON files (sha256);

    -- Its own copy of the searchable text (tags as plain words), kept by triggers.
    CREATE VIRTUAL TABLE samples_fts USING fts5 (title, slogan, tags, unit, location, notes, tokenize = 'trigram');
    CREATE TRIGGER samples_ai AFTER INSERT ON samples BEGIN
      INSERT INTO samples_fts (rowid, title, slogan, tags, unit, location, notes)
      VALUES (new.n, new.title, new.slogan, (SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.unit, new.location, new.notes);
    END;
    CREATE TRIGGER samples_ad AFTER DELETE ON samples BEGIN
      DELETE FROM samples_fts WHERE rowid = old.n;
    END;
    CREATE TRIGGER samples_au AFTER UPDATE OF title, slogan, tags, unit, location, notes ON samples BEGIN
      DELETE FROM samples_fts WHERE rowid = old.n;
      INSERT INTO samples_fts (rowid, title, slogan, tags, unit, location, notes)
      VALUES (new.n, new.title, new.slogan, (SELECT group_concat(value, ' ') FROM json_each(new.tags)), new.unit, new.location, new.notes);
    END;
  `);
}
