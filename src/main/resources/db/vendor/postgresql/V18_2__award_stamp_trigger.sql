-- PostgreSQL: payroll_award_stamp (V18_1) kept by statement triggers with transition tables, so a COPY of a million
-- awards adds one aggregate, not a million updates of one row. The upsert locks the month's stamp row until the
-- writing transaction ends: award writes effective in the same month take turns at it (a decision's transaction is
-- short), and a reader that saw the old stamp recomputes after the commit.
CREATE FUNCTION payroll_award_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO payroll_award_stamp AS s (effective_from, changes) VALUES (DATE '0001-01-01', 1)
      ON CONFLICT (effective_from) DO UPDATE SET changes = s.changes + 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO payroll_award_stamp AS s (effective_from, changes)
      SELECT effective_from, COUNT(*) FROM award_new GROUP BY effective_from ORDER BY effective_from
      ON CONFLICT (effective_from) DO UPDATE SET changes = s.changes + EXCLUDED.changes;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO payroll_award_stamp AS s (effective_from, changes)
      SELECT effective_from, COUNT(*) FROM award_old GROUP BY effective_from ORDER BY effective_from
      ON CONFLICT (effective_from) DO UPDATE SET changes = s.changes + EXCLUDED.changes;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER benefit_award_stamp_insert AFTER INSERT ON benefit_award
  REFERENCING NEW TABLE AS award_new FOR EACH STATEMENT EXECUTE FUNCTION payroll_award_stamp();
CREATE TRIGGER benefit_award_stamp_update AFTER UPDATE ON benefit_award
  REFERENCING OLD TABLE AS award_old NEW TABLE AS award_new FOR EACH STATEMENT EXECUTE FUNCTION payroll_award_stamp();
CREATE TRIGGER benefit_award_stamp_delete AFTER DELETE ON benefit_award
  REFERENCING OLD TABLE AS award_old FOR EACH STATEMENT EXECUTE FUNCTION payroll_award_stamp();
CREATE TRIGGER benefit_award_stamp_truncate AFTER TRUNCATE ON benefit_award
  FOR EACH STATEMENT EXECUTE FUNCTION payroll_award_stamp();
