-- Limits counted in calendar days (信访条例: 15日, 60日, 30日) are recorded beside the working-day ones so that the
-- deadline monitor shows every legal clock; WORKING rows move with the calendar and clock stops, CALENDAR rows never.
ALTER TABLE cal_deadline ADD COLUMN day_basis VARCHAR(10) DEFAULT 'WORKING' NOT NULL;
ALTER TABLE cal_deadline ADD CONSTRAINT ck_cal_deadline_day_basis CHECK (day_basis IN ('WORKING', 'CALENDAR'));
