-- An overpayment recovery no longer stops the award itself (issue 13, item 5: a manual change of money needs a
-- second person). With stopAward it files a STOP change request through the payroll's AwardChanges, approved by a
-- county approver in award-change-approval. stop_request_id names that request (award_change_request.id, the payroll
-- module's table: read through AwardChanges, no foreign key). From this version on award_stopped means "a stop was
-- asked for with this recovery"; rows before it have award_stopped true and no request (the award was stopped at
-- once, by the one person who opened the recovery).
ALTER TABLE funds_recovery ADD COLUMN stop_request_id BIGINT;
