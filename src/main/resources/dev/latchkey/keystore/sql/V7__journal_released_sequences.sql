-- Version 7: a FAILED or CANCELLED row has released its nonce sequence (the chain proved it unused), and the next
-- operation on the lane takes that sequence again: leaving it unused would stall the lane, because bundlers refuse
-- nonce gaps. Uniqueness of (sender, nonce key, sequence) therefore holds among the rows that still hold theirs.
-- SQLite cannot drop a table constraint, so the table is rebuilt with the same columns and checks.
CREATE TABLE userop_journal_v7 (
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
  unsigned_op         TEXT,
  call_succeeded      INTEGER CHECK (call_succeeded IN (0, 1))
)
;;
INSERT INTO userop_journal_v7 (intent_id, permission_id, chain_id, sender, nonce_key, nonce_seq, calldata, reservation,
  user_op_hash, state, bundler_error, included_block, included_block_hash, created_at, updated_at, unsigned_op, call_succeeded)
SELECT intent_id, permission_id, chain_id, sender, nonce_key, nonce_seq, calldata, reservation, user_op_hash, state,
  bundler_error, included_block, included_block_hash, created_at, updated_at, unsigned_op, call_succeeded
FROM userop_journal
;;
DROP TABLE userop_journal
;;
ALTER TABLE userop_journal_v7 RENAME TO userop_journal
;;
CREATE UNIQUE INDEX userop_journal_held_sequence ON userop_journal (sender, nonce_key, nonce_seq)
  WHERE state NOT IN ('FAILED', 'CANCELLED')
