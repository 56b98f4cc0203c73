-- Version 3: the owner's one approval of a session, and where it has been enabled on chain.
-- approved_at: set once the owner's permissionEnableSig is sealed in `secret` (purpose ENABLE_SIG, ref = permission id);
-- NULL = not approved. enabled_at: set when SmartSession reports the permission enabled on that chain.
ALTER TABLE session ADD COLUMN approved_at INTEGER
;;
ALTER TABLE session_chain ADD COLUMN enabled_at INTEGER
