-- The deadline monitor (办理时限监控, docs/supervision.md) lists and counts open legal clocks by process, scheme and
-- region without touching the engine's tables: each row carries its process definition and the padded city, county
-- and township codes of its region_code, set at insert (rows of older versions are filled at start-up).
ALTER TABLE cal_deadline ADD COLUMN process_definition_id VARCHAR(64);
ALTER TABLE cal_deadline ADD COLUMN process_key VARCHAR(255);
ALTER TABLE cal_deadline ADD COLUMN scheme VARCHAR(30);
ALTER TABLE cal_deadline ADD COLUMN city_code VARCHAR(6);
ALTER TABLE cal_deadline ADD COLUMN county_code VARCHAR(6);
ALTER TABLE cal_deadline ADD COLUMN township_code VARCHAR(9);
