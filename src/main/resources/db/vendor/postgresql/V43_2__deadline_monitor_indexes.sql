-- PostgreSQL only. The monitor reads open legal clocks (status OPEN, kind DUE or TIMER; FOLLOW_UP is a reminder) of a
-- region in due order; partial indexes hold just those rows, so each page is a short index range scan whatever the
-- number of closed rows. Codes compare byte by byte ("C") so that a province's range condition uses the index.
ALTER TABLE cal_deadline
  ALTER COLUMN city_code TYPE VARCHAR(6) COLLATE "C",
  ALTER COLUMN county_code TYPE VARCHAR(6) COLLATE "C",
  ALTER COLUMN township_code TYPE VARCHAR(9) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C",
  ALTER COLUMN process_key TYPE VARCHAR(255) COLLATE "C",
  ALTER COLUMN region_code TYPE VARCHAR(12) COLLATE "C";
CREATE INDEX ix_cal_deadline_open_due ON cal_deadline (due_at, id)
  WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER');
CREATE INDEX ix_cal_deadline_open_township ON cal_deadline (township_code, due_at, id)
  WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER');
CREATE INDEX ix_cal_deadline_open_county ON cal_deadline (county_code, due_at, id)
  WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER');
CREATE INDEX ix_cal_deadline_open_city ON cal_deadline (city_code, due_at, id)
  WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER');
CREATE INDEX ix_cal_deadline_open_scheme ON cal_deadline (scheme, due_at, id)
  WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER');
