-- Version 4: automations (docs/automation.md). A rule's parameters are sealed under the DEK like a secret row
-- (limit levels, recipients and schedules reveal trading intent); kind, label and state stay readable.
CREATE TABLE automation_rule (
  rule_id       BLOB PRIMARY KEY CHECK (length(rule_id) = 16),
  permission_id BLOB NOT NULL REFERENCES session(permission_id),
  kind          TEXT NOT NULL CHECK (kind IN ('LIMIT_ORDER','STOP','RECURRING','AUTO_REPAY')),
  label         TEXT NOT NULL,
  dek_version   INTEGER NOT NULL,
  nonce         BLOB NOT NULL CHECK (length(nonce) = 12),
  ciphertext    BLOB NOT NULL,
  version       INTEGER NOT NULL CHECK (version >= 1),
  status        TEXT NOT NULL CHECK (status IN ('ACTIVE','PAUSED','NEEDS_ATTENTION','DONE','REMOVED')),
  status_reason TEXT NOT NULL DEFAULT '',
  next_seq      INTEGER NOT NULL DEFAULT 0 CHECK (next_seq >= 0),
  next_attempt  INTEGER NOT NULL DEFAULT 0 CHECK (next_attempt >= 0),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
)
;;
CREATE TABLE automation_firing (
  intent_id  BLOB PRIMARY KEY CHECK (length(intent_id) = 16),
  rule_id    BLOB NOT NULL REFERENCES automation_rule(rule_id),
  seq        INTEGER NOT NULL CHECK (seq >= 0),
  attempt    INTEGER NOT NULL CHECK (attempt >= 0),
  block      INTEGER NOT NULL,
  chain_time INTEGER NOT NULL,
  calldata   BLOB NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('PENDING','SUCCEEDED','FAILED')),
  outcome    TEXT NOT NULL DEFAULT '',
  detail     TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (rule_id, seq, attempt)
)
;;
CREATE INDEX automation_firing_pending ON automation_firing(state) WHERE state = 'PENDING'
;;
CREATE TABLE automation_evaluation (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id    BLOB NOT NULL REFERENCES automation_rule(rule_id),
  block      INTEGER NOT NULL,
  chain_time INTEGER NOT NULL,
  result     TEXT NOT NULL CHECK (result IN ('CREATED','WAITING','FIRED','SKIPPED','SUCCEEDED','FAILED','ATTENTION','DONE','PAUSED','RESUMED','EDITED','REMOVED')),
  reason     TEXT NOT NULL,
  at         INTEGER NOT NULL
)
;;
CREATE INDEX automation_evaluation_rule ON automation_evaluation(rule_id, id)
