-- 迁移: a household that moves is paid by the old county up to the month of the move and by the new one from then,
-- as one change row (TRANSFER) with the new county and region (docs/integrity.md).
ALTER TABLE benefit_award DROP CONSTRAINT benefit_award_kind_chk;
ALTER TABLE benefit_award ADD CONSTRAINT benefit_award_kind_chk
  CHECK (change_kind IN ('GRANT', 'INCREASE', 'DECREASE', 'STOP', 'ACCOUNT', 'TRANSFER'));
