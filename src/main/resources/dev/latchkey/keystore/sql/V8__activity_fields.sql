-- Version 8: activity rows carry typed fields next to their sentence (ActivityFields): the screens read the fields and
-- never parse the sentence. Rows written before version 8 get their fields from their sentences here, once, in the
-- formats versions 1 to 7 wrote; a sentence in another shape leaves its fields NULL (the row still shows).
ALTER TABLE activity_log ADD COLUMN user_op_hash TEXT
;;
ALTER TABLE activity_log ADD COLUMN tx_hash TEXT
;;
ALTER TABLE activity_log ADD COLUMN call_outcome TEXT CHECK (call_outcome IN ('SUCCEEDED', 'REVERTED'))
;;
ALTER TABLE activity_log ADD COLUMN nonce_seq INTEGER
;;
ALTER TABLE activity_log ADD COLUMN reason TEXT
;;
ALTER TABLE activity_log ADD COLUMN intent_ref TEXT
;;
ALTER TABLE activity_log ADD COLUMN trigger_seq INTEGER
;;
ALTER TABLE activity_log ADD COLUMN rule_kind TEXT
;;
ALTER TABLE activity_log ADD COLUMN chain_id INTEGER
;;
ALTER TABLE activity_log ADD COLUMN status TEXT
;;
ALTER TABLE activity_log ADD COLUMN session_ref TEXT
;;
ALTER TABLE activity_log ADD COLUMN amounts TEXT
;;
-- the table stays append-only for everything but this one backfill
DROP TRIGGER activity_log_no_update
;;
-- "userOpHash <hash> seq <n> tx <hash>[ (call reverted)]"
UPDATE activity_log SET
  user_op_hash = substr(detail, 12, instr(detail, ' seq ') - 12),
  nonce_seq = CAST(substr(detail, instr(detail, ' seq ') + 5, instr(detail, ' tx ') - instr(detail, ' seq ') - 5) AS INTEGER),
  tx_hash = CASE WHEN instr(detail, ' (call reverted)') > 0
                 THEN substr(detail, instr(detail, ' tx ') + 4, instr(detail, ' (call reverted)') - instr(detail, ' tx ') - 4)
                 ELSE substr(detail, instr(detail, ' tx ') + 4) END,
  call_outcome = CASE WHEN instr(detail, ' (call reverted)') > 0 THEN 'REVERTED' ELSE 'SUCCEEDED' END
WHERE kind = 'signer.included' AND detail LIKE 'userOpHash % seq % tx %'
;;
UPDATE activity_log SET reason = detail
WHERE kind LIKE 'signer.%' AND kind NOT IN ('signer.included', 'signer.approved') OR kind = 'trade.explained'
;;
-- signer rows about a session (reconciliation) name its permission id, with or without 0x; intents are 16 bytes
UPDATE activity_log SET session_ref = CASE WHEN substr(subject, 1, 2) = '0x' THEN lower(subject) ELSE '0x' || lower(subject) END
WHERE kind LIKE 'signer.%' AND (length(subject) = 64 OR (length(subject) = 66 AND substr(subject, 1, 2) = '0x'))
;;
-- "intent 0x<id> trigger <n>"
UPDATE activity_log SET
  intent_ref = lower(substr(detail, 10, instr(detail, ' trigger ') - 10)),
  trigger_seq = CAST(substr(detail, instr(detail, ' trigger ') + 9) AS INTEGER)
WHERE kind = 'automation.fired' AND detail LIKE 'intent 0x% trigger %'
;;
-- "intent 0x<id>: <outcome>"
UPDATE activity_log SET
  intent_ref = lower(substr(detail, 10, instr(detail, ': ') - 10)),
  reason = substr(detail, instr(detail, ': ') + 2)
WHERE kind IN ('automation.succeeded', 'automation.failed') AND detail LIKE 'intent 0x%: %'
;;
-- "<KIND> <label>"
UPDATE activity_log SET rule_kind = CASE WHEN instr(detail, ' ') > 0 THEN substr(detail, 1, instr(detail, ' ') - 1) ELSE detail END
WHERE kind = 'automation.added'
;;
UPDATE activity_log SET reason = detail
WHERE kind LIKE 'automation.%' AND kind NOT IN ('automation.added', 'automation.fired', 'automation.succeeded', 'automation.failed')
;;
UPDATE activity_log SET chain_id = CAST(substr(detail, 7) AS INTEGER) WHERE kind = 'SESSION_ENABLED' AND detail LIKE 'chain %'
;;
UPDATE activity_log SET status = detail WHERE kind IN ('SESSION_ADDED', 'SESSION_STATUS')
;;
CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END
