-- PostgreSQL only (H2 has no partial indexes and keeps V7_1's full indexes). Batch rows are found by their county and
-- month, or a case's by its beneficiaries (Payments.byCase), so the case index leaves them out: a million random
-- case references a month would cost the payroll more than all its other indexes together (docs/benchmarks/payroll.md).
DROP INDEX payment_ledger_case_idx;
CREATE INDEX payment_ledger_case_idx ON payment_ledger (case_ref) WHERE batch_id IS NULL;
DROP INDEX payment_ledger_beneficiary_idx;
CREATE INDEX payment_ledger_beneficiary_idx ON payment_ledger (beneficiary_key, scheme) WHERE batch_id IS NULL;
-- Bank files (about 110 bytes a payment, a province's month ~110 MB): lz4 compresses them several times faster than
-- the default pglz, and they are written once and read seldom.
ALTER TABLE payroll_bank_file ALTER COLUMN content SET COMPRESSION lz4;
