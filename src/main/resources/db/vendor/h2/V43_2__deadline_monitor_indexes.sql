-- H2 (tests): no partial indexes; plain ones with the same leading columns as the PostgreSQL ones.
CREATE INDEX ix_cal_deadline_open_due ON cal_deadline (status, due_at, id);
CREATE INDEX ix_cal_deadline_open_township ON cal_deadline (township_code, status, due_at, id);
CREATE INDEX ix_cal_deadline_open_county ON cal_deadline (county_code, status, due_at, id);
CREATE INDEX ix_cal_deadline_open_city ON cal_deadline (city_code, status, due_at, id);
