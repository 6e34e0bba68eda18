-- 流浪乞讨人员 moved between stations (issue 17 item 4, docs/vagrants.md): the case a new intake continues (the same
-- person's case at the station the person came from) and the first intake of the person, from which the 3-month
-- settlement clock counts. Existing cases are their own first intake.
ALTER TABLE vagrant_case ADD COLUMN previous_case_id BIGINT REFERENCES vagrant_case (id);
ALTER TABLE vagrant_case ADD COLUMN first_intake_at TIMESTAMP WITH TIME ZONE;
UPDATE vagrant_case SET first_intake_at = intake_at;
-- a stay is continued by one later intake at most
CREATE UNIQUE INDEX vagrant_case_previous_uq ON vagrant_case (previous_case_id);
