-- A batch's rows counted once, when the roster writes them: how many rows and how much the batch holds (every row
-- ever written with it, whatever it became), so that a county's figures (the roster's totals, what is approved, what
-- goes into the bank file) come from the batch and the few rows that took their own status, instead of reading the
-- county's tens of thousands of rows at every step (docs/benchmarks/payroll.md). Only the roster insert adds rows to
-- a batch (LedgerBulk.addedToBatches, in the same transaction, under the batch's lock); rows are never deleted.
ALTER TABLE payment_batch ADD COLUMN row_count INT DEFAULT 0 NOT NULL;
ALTER TABLE payment_batch ADD COLUMN total_amount NUMERIC(14,2) DEFAULT 0 NOT NULL;
UPDATE payment_batch SET
  row_count = (SELECT COUNT(*) FROM payment_ledger l WHERE l.batch_id = payment_batch.id),
  total_amount = (SELECT COALESCE(SUM(l.amount), 0) FROM payment_ledger l WHERE l.batch_id = payment_batch.id);
ALTER TABLE payment_batch ADD CONSTRAINT payment_batch_count_chk CHECK (row_count >= 0);
