-- PostgreSQL only. The monitor's counts per county and township by band read every open legal clock of the caller's
-- scope; this covering partial index makes them an index-only scan in township order (a streaming group-by) instead of
-- a scan of the whole table with its closed and follow-up rows (docs/benchmarks/supervision.md).
CREATE INDEX ix_cal_deadline_open_counts ON cal_deadline (city_code, county_code, township_code, due_at)
  INCLUDE (region_code) WHERE status = 'OPEN' AND deadline_kind IN ('DUE', 'TIMER');
