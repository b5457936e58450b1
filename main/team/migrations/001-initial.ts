/**
 * 001: units, accounts and sessions; samples with their review state and files (content-addressed
 * blobs on disk, one row each here); shared templates and unit profiles; the append-only audit log.
 * Search: a trigram GIN index over one generated text column (pg_trgm indexes CJK `LIKE '%网中鱼%'`
 * under a C.UTF-8 cluster) and, for 1–2 characters, a GIN index of its single characters and pairs.
 */
export const up = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE units (
  id         serial PRIMARY KEY,
  name       text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id                  serial PRIMARY KEY,
  name                text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  unit_id             int NOT NULL REFERENCES units (id),
  role                text NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
  password_hash       text NOT NULL,
  disabled_at         timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is kept: a copy of the database (a backup) opens no session.
CREATE TABLE sessions (
  token_sha    bytea PRIMARY KEY,
  user_id      int NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  at        timestamptz NOT NULL DEFAULT now(),
  user_name text NOT NULL,
  ip        text NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (user_name, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

-- A file is on disk (fsynced, renamed into place) before its row is inserted here.
CREATE TABLE blobs (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint NOT NULL CHECK (size >= 0),
  mime        text NOT NULL,
  uploaded_by int REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- The searched text, lower-cased once here so a search is a plain LIKE (ILIKE lower-cases every row
-- at every search: 2 µs a row in UTF-8). array_to_string is only STABLE in general; for text[] it is
-- immutable, which a generated column needs. The functions have SQL-standard bodies (RETURN …):
-- their references are resolved when they are made, so pg_restore, which runs with an empty
-- search_path, can compute the generated columns of the rows it loads.
CREATE FUNCTION cs_search_text(title text, slogan text, tags text[], unit text, location text, notes text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(title || ' ' || slogan || ' ' || array_to_string(tags, ' ') || ' ' || unit || ' ' || location || ' ' || notes);

-- Trigrams cannot find one or two characters. For those, each sample keeps the hashes of every
-- single character and every adjacent pair of its searched text (spaces excluded) in an int[] with a
-- GIN index: a 1–2 character word is one index lookup, and a row is tested by reading the column,
-- never by recomputing it. md5, not hashtext: its value never changes between PostgreSQL versions.
CREATE FUNCTION cs_gram_hash(g text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ('x' || substr(md5(g), 1, 8))::bit(32)::int;
CREATE FUNCTION cs_short_grams(t text) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (SELECT coalesce(array_agg(DISTINCT cs_gram_hash(g)), '{}') FROM (
            SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) i
            UNION ALL SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) i) x
          WHERE g !~ '\\s');

CREATE TABLE samples (
  n              bigserial PRIMARY KEY,
  id             uuid NOT NULL UNIQUE,
  title          text NOT NULL,
  kind           text NOT NULL,
  format         text NOT NULL DEFAULT '',
  width_mm       double precision,
  height_mm      double precision,
  published_at   date NOT NULL,
  unit           text NOT NULL,
  location       text NOT NULL DEFAULT '',
  channel        text NOT NULL DEFAULT '',
  fraud_types    text[] NOT NULL DEFAULT '{}',
  tags           text[] NOT NULL DEFAULT '{}',
  slogan         text NOT NULL DEFAULT '',
  notes          text NOT NULL DEFAULT '',
  status         text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  owner_unit_id  int NOT NULL REFERENCES units (id),
  author_id      int NOT NULL REFERENCES users (id),
  content_sha    text NOT NULL CHECK (content_sha ~ '^[0-9a-f]{64}$'),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  submitted_at   timestamptz,
  reviewed_at    timestamptz,
  reviewer_id    int REFERENCES users (id),
  review_comment text,
  search_text    text GENERATED ALWAYS AS (cs_search_text(title, slogan, tags, unit, location, notes)) STORED,
  search_grams   int[] GENERATED ALWAYS AS (cs_short_grams(cs_search_text(title, slogan, tags, unit, location, notes))) STORED,
  -- The same content pushed twice by one station is one sample (an interrupted push retried).
  UNIQUE (owner_unit_id, content_sha)
);
CREATE INDEX samples_text ON samples USING gin (search_text gin_trgm_ops);
CREATE INDEX samples_short ON samples USING gin (search_grams);
CREATE INDEX samples_published ON samples (published_at DESC, n DESC);
-- Lists print the first 8 characters of an id; a prefix finds the sample.
CREATE INDEX samples_id_prefix ON samples ((id::text) text_pattern_ops);
CREATE INDEX samples_visible ON samples (status, owner_unit_id);
CREATE INDEX samples_unit ON samples (unit);
CREATE INDEX samples_kind ON samples (kind);
CREATE INDEX samples_fraud_types ON samples USING gin (fraud_types);
CREATE INDEX samples_tags ON samples USING gin (tags);

CREATE TABLE files (
  sample_n bigint NOT NULL REFERENCES samples (n) ON DELETE CASCADE,
  role     text NOT NULL CHECK (role IN ('design', 'pdf', 'png', 'original', 'thumbnail')),
  sha256   text NOT NULL REFERENCES blobs (sha256),
  size     bigint NOT NULL,
  mime     text NOT NULL,
  name     text NOT NULL,
  PRIMARY KEY (sample_n, role)
);
CREATE INDEX files_sha ON files (sha256);

CREATE TABLE shared_templates (
  id           text PRIMARY KEY,
  title        text NOT NULL,
  kind         text NOT NULL,
  doc          jsonb NOT NULL,
  version      int NOT NULL DEFAULT 1,
  updated_by   int NOT NULL REFERENCES users (id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz
);

CREATE TABLE unit_profiles (
  unit_id    int PRIMARY KEY REFERENCES units (id),
  doc        jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object' AND octet_length(doc::text) <= 16777216),
  version    int NOT NULL DEFAULT 1,
  updated_by int NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who did what, when and from where. Names are copied in, so the log still reads after a rename.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  actor_unit  text NOT NULL DEFAULT '',
  ip          text NOT NULL DEFAULT '',
  action      text NOT NULL,
  target_type text NOT NULL DEFAULT '',
  target_id   text NOT NULL DEFAULT '',
  details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_target ON audit_log (target_type, target_id, id);
CREATE INDEX audit_actor ON audit_log (actor, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION '审计日志只能追加，不能修改或删除'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
