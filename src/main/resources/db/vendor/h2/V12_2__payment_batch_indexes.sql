-- H2 has no partial indexes: payment_ledger_case_idx (V7_1) stays a full index here; see the PostgreSQL version.
SELECT 1;
