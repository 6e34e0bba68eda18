-- "Only once in the province" without exceptions (issue 13, item 5; 吉民发〔2020〕40号 二(二)3). A supervisor can
-- no longer let a person be paid a second time; he can only correct the record when the earlier payment never reached
-- the person (returned by the bank or cancelled): the earlier claim is then superseded (who, when, why) and the new
-- case holds the one active claim. One active claim per person, scheme and period is a unique key: active_slot is 1
-- for the active claim and NULL for superseded ones (NULLs never collide, on PostgreSQL and H2 alike).
ALTER TABLE payment_once_only ADD COLUMN active_slot SMALLINT;
ALTER TABLE payment_once_only ADD COLUMN superseded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_once_only ADD COLUMN superseded_by VARCHAR(64);
ALTER TABLE payment_once_only ADD COLUMN superseded_reason VARCHAR(500);

-- claims made before: the latest of each person, scheme and period is the active one; an earlier one was followed by
-- a supervisor's override (the practice this migration ends), recorded as such
UPDATE payment_once_only o SET
  superseded_at = (SELECT n.claimed_at FROM payment_once_only n WHERE n.person_id_number = o.person_id_number
      AND n.scheme = o.scheme AND n.period_key = o.period_key AND n.override_seq = o.override_seq + 1),
  superseded_by = (SELECT n.claimed_by FROM payment_once_only n WHERE n.person_id_number = o.person_id_number
      AND n.scheme = o.scheme AND n.period_key = o.period_key AND n.override_seq = o.override_seq + 1),
  superseded_reason = (SELECT SUBSTRING('越权发放（旧做法，V16_2 前）：' || n.override_reason FROM 1 FOR 500)
      FROM payment_once_only n WHERE n.person_id_number = o.person_id_number AND n.scheme = o.scheme
      AND n.period_key = o.period_key AND n.override_seq = o.override_seq + 1)
WHERE EXISTS (SELECT 1 FROM payment_once_only n WHERE n.person_id_number = o.person_id_number
    AND n.scheme = o.scheme AND n.period_key = o.period_key AND n.override_seq > o.override_seq);
UPDATE payment_once_only SET active_slot = 1 WHERE superseded_at IS NULL;

ALTER TABLE payment_once_only ADD CONSTRAINT payment_once_only_active_uq
  UNIQUE (person_id_number, scheme, period_key, active_slot);
ALTER TABLE payment_once_only ADD CONSTRAINT payment_once_only_active_chk CHECK (
  (active_slot = 1 AND superseded_at IS NULL AND superseded_by IS NULL AND superseded_reason IS NULL)
  OR (active_slot IS NULL AND superseded_at IS NOT NULL AND superseded_by IS NOT NULL
      AND superseded_reason IS NOT NULL));
-- a case's claims: a re-issue asks whether its case's claim was superseded, a correction locks the earlier case's
CREATE INDEX payment_once_only_case_idx ON payment_once_only (case_ref, scheme);
