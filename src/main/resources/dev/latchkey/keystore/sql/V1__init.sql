-- Latchkey wallet schema, version 1. Statements are separated by lines holding only ';;'.
CREATE TABLE keystore_meta (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  format_version  INTEGER NOT NULL,
  kdf_id          TEXT    NOT NULL,
  kdf_m_kib       INTEGER NOT NULL,
  kdf_t           INTEGER NOT NULL,
  kdf_p           INTEGER NOT NULL,
  kdf_salt        BLOB    NOT NULL CHECK (length(kdf_salt) >= 16),
  kek_version     INTEGER NOT NULL,
  dek_version     INTEGER NOT NULL,
  wrap_nonce      BLOB    NOT NULL CHECK (length(wrap_nonce) = 12),
  wrapped_dek     BLOB    NOT NULL CHECK (length(wrapped_dek) = 48),
  header_checksum BLOB    NOT NULL CHECK (length(header_checksum) = 32),
  dek_encryptions INTEGER NOT NULL DEFAULT 0,
  updated_at      INTEGER NOT NULL
)
;;
CREATE TABLE unlock_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  failures        INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL
)
;;
CREATE TABLE secret (
  uuid        BLOB PRIMARY KEY CHECK (length(uuid) = 16),
  purpose     TEXT NOT NULL CHECK (purpose IN ('OWNER_KEY','SESSION_KEY','ENABLE_SIG','SIGNED_USEROP')),
  public_ref  TEXT NOT NULL,
  dek_version INTEGER NOT NULL,
  nonce       BLOB NOT NULL CHECK (length(nonce) = 12),
  ciphertext  BLOB NOT NULL,
  label       TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  UNIQUE (purpose, public_ref)
)
;;
CREATE TABLE account (
  address       TEXT PRIMARY KEY,
  owner_address TEXT NOT NULL,
  label         TEXT NOT NULL,
  created_at    INTEGER NOT NULL
)
;;
CREATE TABLE session (
  permission_id    BLOB PRIMARY KEY CHECK (length(permission_id) = 32),
  account          TEXT NOT NULL REFERENCES account(address),
  session_key_uuid BLOB NOT NULL REFERENCES secret(uuid),
  salt             BLOB NOT NULL UNIQUE CHECK (length(salt) = 32),
  session_struct   BLOB NOT NULL,
  session_digest   BLOB NOT NULL CHECK (length(session_digest) = 32),
  valid_after      INTEGER NOT NULL,
  valid_until      INTEGER NOT NULL CHECK (valid_until > valid_after),
  status           TEXT NOT NULL CHECK (status IN ('PENDING_ENABLE','ENABLED','REVOKING','REVOKED','EXPIRED')),
  nonce_key_base   BLOB NOT NULL CHECK (length(nonce_key_base) = 24),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
)
;;
CREATE TABLE session_chain (
  permission_id BLOB NOT NULL REFERENCES session(permission_id),
  chain_id      INTEGER NOT NULL CHECK (chain_id > 0),
  smart_session TEXT NOT NULL,
  enable_nonce  INTEGER NOT NULL,
  PRIMARY KEY (permission_id, chain_id)
)
;;
CREATE TABLE budget (
  permission_id BLOB NOT NULL REFERENCES session(permission_id),
  token         TEXT NOT NULL,
  cap_total     TEXT NOT NULL,
  reserved      TEXT NOT NULL,
  spent_final   TEXT NOT NULL,
  uses_cap      INTEGER NOT NULL,
  uses_reserved INTEGER NOT NULL,
  uses_final    INTEGER NOT NULL,
  PRIMARY KEY (permission_id, token)
)
;;
CREATE TABLE userop_journal (
  intent_id           BLOB PRIMARY KEY CHECK (length(intent_id) = 16),
  permission_id       BLOB NOT NULL REFERENCES session(permission_id),
  chain_id            INTEGER NOT NULL,
  sender              TEXT NOT NULL,
  nonce_key           BLOB NOT NULL CHECK (length(nonce_key) = 24),
  nonce_seq           INTEGER NOT NULL CHECK (nonce_seq >= 0),
  calldata            BLOB NOT NULL,
  reservation         TEXT NOT NULL,
  user_op_hash        BLOB,
  state               TEXT NOT NULL CHECK (state IN ('RESERVED','SIGNED','SUBMITTED','UNKNOWN','INCLUDED','FINAL','FAILED','CANCELLED','CONFLICT')),
  bundler_error       TEXT,
  included_block      INTEGER,
  included_block_hash BLOB,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  UNIQUE (sender, nonce_key, nonce_seq)
)
;;
CREATE TABLE activity_log (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail  TEXT NOT NULL
)
;;
CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END
;;
CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END
;;
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
)
