-- Version 2: an address book, and a quarantine mark for secret rows that failed authentication.
CREATE TABLE address_book (
  address    TEXT PRIMARY KEY,
  label      TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
)
;;
ALTER TABLE secret ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0
