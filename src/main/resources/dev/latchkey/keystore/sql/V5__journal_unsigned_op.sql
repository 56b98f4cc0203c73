-- Version 5: the signer's unsigned operation is written with its reservation, in the same transaction, so a row
-- that is RESERVED always has the exact operation to re-sign after a crash (JSON: {"enabling":bool,"op":{...}}).
ALTER TABLE userop_journal ADD COLUMN unsigned_op TEXT
