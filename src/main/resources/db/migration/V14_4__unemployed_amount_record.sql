-- The amount decided by the county's rule is stored with the case (kind AMOUNT); the payment reads it from here,
-- never from a process variable (docs/integrity.md). CORRECTION: the once-only record corrected by a supervisor.
ALTER TABLE unemployed_record DROP CONSTRAINT unemployed_record_kind_chk;
ALTER TABLE unemployed_record ADD CONSTRAINT unemployed_record_kind_chk CHECK (kind IN ('ELIGIBILITY',
  'INELIGIBLE_NOTICE', 'UNTRUE_NOTICE', 'REJECTION_NOTICE', 'OVERDUE', 'DUPLICATE', 'OVERRIDE', 'CORRECTION',
  'DUPLICATE_NOTICE', 'PAYMENT', 'ARCHIVED', 'AMOUNT'));
