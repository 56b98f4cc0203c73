-- Version 6: whether the included operation's call succeeded (1) or reverted (0), written with the move to INCLUDED
-- from the bundler's receipt. NULL = not known: rows written before version 6, or never included. A FINAL row alone
-- does not say the call did anything: a reverted operation is included and its nonce and gas are spent.
ALTER TABLE userop_journal ADD COLUMN call_succeeded INTEGER CHECK (call_succeeded IN (0, 1))
