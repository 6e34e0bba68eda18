-- PostgreSQL only: codes and keys compare byte by byte ("C"), whatever the database's locale. They are ASCII, so the
-- order is the same, but the payroll sorts and indexes a million of them a month, and a locale's comparison (glibc
-- strcoll, no abbreviated sort keys; far slower still under zh_CN.UTF-8) costs more than the rest of the sort.
-- Before V12_1, which creates a view over these columns.
ALTER TABLE payment_ledger
  ALTER COLUMN idempotency_key TYPE VARCHAR(200) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C",
  ALTER COLUMN kind TYPE VARCHAR(12) COLLATE "C",
  ALTER COLUMN case_ref TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN beneficiary_key TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN county_code TYPE VARCHAR(6) COLLATE "C",
  ALTER COLUMN region_code TYPE VARCHAR(12) COLLATE "C",
  ALTER COLUMN channel TYPE VARCHAR(12) COLLATE "C",
  ALTER COLUMN status TYPE VARCHAR(12) COLLATE "C";
ALTER TABLE benefit_award
  ALTER COLUMN beneficiary_key TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C",
  ALTER COLUMN change_kind TYPE VARCHAR(12) COLLATE "C",
  ALTER COLUMN case_ref TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN county_code TYPE VARCHAR(6) COLLATE "C",
  ALTER COLUMN region_code TYPE VARCHAR(12) COLLATE "C";
