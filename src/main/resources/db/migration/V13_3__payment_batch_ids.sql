-- The ids of a batch's rows: the roster writes a county's rows in one statement, so they lie in one range of ids
-- (shared with the rows another county's statement writes at the same time). Reads of a batch's rows go by
-- batch_id = b.id AND id BETWEEN first_id AND last_id (the primary key), so that the county/month index need not
-- hold the million rows a month that follow their batch (V13_4, PostgreSQL): one index entry less per roster row.
-- A later roster of the same batch (rows for awards that came after it) widens the range; it stays correct.
ALTER TABLE payment_batch ADD COLUMN first_id BIGINT;
ALTER TABLE payment_batch ADD COLUMN last_id BIGINT;
UPDATE payment_batch SET
  first_id = (SELECT MIN(l.id) FROM payment_ledger l WHERE l.batch_id = payment_batch.id),
  last_id = (SELECT MAX(l.id) FROM payment_ledger l WHERE l.batch_id = payment_batch.id);
ALTER TABLE payment_batch ADD CONSTRAINT payment_batch_ids_chk CHECK ((row_count = 0 AND first_id IS NULL)
  OR (row_count > 0 AND first_id IS NOT NULL AND last_id >= first_id));
