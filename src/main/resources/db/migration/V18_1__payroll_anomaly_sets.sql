-- The review's province-wide anomalies (docs/payroll.md "Anomalies"): the month's payee ID numbers held by two or more
-- awards in force and the accounts of two or more beneficiaries, computed once for the province and kept per month;
-- each county's review joins its roster rows with them.

-- Award rows written per effective month, added to by triggers on benefit_award (V18_2, per vendor) in the writing
-- statement's transaction, whoever writes (Awards, a COPY, a correction by SQL). The awards in force in month M
-- change only with a row effective by M, so SUM(changes) over effective_from <= M is M's stamp: it grows with every
-- such row and with nothing else. The row of 0001-01-01 counts what changes every month (PostgreSQL: a TRUNCATE).
CREATE TABLE payroll_award_stamp (
  effective_from DATE   PRIMARY KEY,
  changes        BIGINT NOT NULL
);

-- One row per month whose sets were computed: the stamp they were computed at (read before their statement, so a
-- change committed in between makes them recomputed, never kept stale), -1 while never computed. The row is locked
-- while the sets are recomputed, so that one review computes them and the others wait and read them.
CREATE TABLE payroll_anomaly_month (
  payroll_month DATE      PRIMARY KEY,
  award_stamp   BIGINT    NOT NULL,
  computed_at   TIMESTAMP WITH TIME ZONE,
  millis        BIGINT
);

-- The month's sets: kind DUPLICATE_ID (shared_value = a payee ID number in two or more awards in force and not
-- stopped, any county and scheme) or SHARED_ACCOUNT (an account number in such awards of two or more beneficiaries).
CREATE TABLE payroll_anomaly_set (
  payroll_month DATE        NOT NULL,
  kind          VARCHAR(16) NOT NULL,
  shared_value  VARCHAR(30) NOT NULL,
  CONSTRAINT payroll_anomaly_set_pk PRIMARY KEY (payroll_month, kind, shared_value),
  CONSTRAINT payroll_anomaly_set_kind_chk CHECK (kind IN ('DUPLICATE_ID', 'SHARED_ACCOUNT'))
);
