-- PostgreSQL only (H2 has no partial indexes and keeps the full index). The county/month index holds the rows with a
-- status of their own: one-off payments, re-issues, subsidies, and the rows that left their batch (paid, returned,
-- cancelled). The rows still following their batch (status BATCH, a province's million a month) are found by their
-- batch's range of ids (V13_3). Inserting a roster row maintained this index too: about 1.5 s per million rows of the
-- payroll's 8 (docs/benchmarks/payroll.md). Queries on it name a status other than BATCH or say batch_id IS NULL (rows
-- outside a batch, never BATCH: V12_1's check), which the predicate spells out for the planner.
DROP INDEX payment_ledger_county_month_idx;
CREATE INDEX payment_ledger_county_month_idx ON payment_ledger (county_code, payroll_month, status)
  WHERE batch_id IS NULL OR status <> 'BATCH';
