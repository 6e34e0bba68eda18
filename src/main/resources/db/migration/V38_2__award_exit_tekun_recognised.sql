-- 特困 recognition (docs/tekun.md "Recognition"): a one-person 低保 household whose member is recognised as 特困 ends
-- its 低保 award with exit reason TEKUN_RECOGNISED (the person moves to 特困 support in the same transaction; no
-- relapse-risk assessment: the person is supported). Additive: the existing reasons stay as they are.
ALTER TABLE award_exit DROP CONSTRAINT award_exit_reason_chk;
ALTER TABLE award_exit ADD CONSTRAINT award_exit_reason_chk CHECK (exit_reason_code IN (
    'INCOME_ABOVE_STANDARD_EMPLOYMENT', 'INCOME_ABOVE_STANDARD_OTHER', 'ASSETS_ABOVE_LIMIT', 'DEATH', 'FRAUD',
    'MOVED_AWAY', 'REFUSED_COOPERATION', 'OTHER', 'TEKUN_RECOGNISED'));
ALTER TABLE award_exit DROP CONSTRAINT award_exit_risk_chk;
ALTER TABLE award_exit ADD CONSTRAINT award_exit_risk_chk CHECK (exit_reason_code IN ('DEATH', 'FRAUD', 'MOVED_AWAY',
    'TEKUN_RECOGNISED')
    OR (risk_income_stability IN ('STABLE', 'UNSTABLE', 'NONE') AND risk_health IN ('GOOD', 'CHRONIC', 'SERIOUS')
        AND risk_debts IN ('NONE', 'MODERATE', 'HEAVY') AND risk_dependants >= 0
        AND risk_level IN ('LOW', 'MEDIUM', 'HIGH')));
