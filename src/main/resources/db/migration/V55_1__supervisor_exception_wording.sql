-- Wording (issue 18 item 6): a supervisor's exception is not "越权". Records superseded by V16_2 carried the prefix
-- "越权发放（旧做法，V16_2 前）："; the caseworker reads it, so it names the practice instead of a migration.
UPDATE payment_once_only
   SET superseded_reason = REPLACE(superseded_reason, '越权发放（旧做法，V16_2 前）：', '主管人员例外准许的重复发放（已停止的旧做法）：')
 WHERE superseded_reason LIKE '越权发放（旧做法，V16_2 前）：%';
