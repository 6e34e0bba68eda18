-- The bank's result for a whole payroll file settles its batch: SENT → PAID in one row with one history row, like
-- approval and sending (a province's month is a million payments). Returned payments leave the batch one by one.
ALTER TABLE payment_batch DROP CONSTRAINT payment_batch_status_chk;
ALTER TABLE payment_batch ADD CONSTRAINT payment_batch_status_chk
  CHECK (status IN ('CREATED', 'APPROVED', 'SENT', 'PAID'));
