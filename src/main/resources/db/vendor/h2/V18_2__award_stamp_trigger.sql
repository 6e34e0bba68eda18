-- H2: payroll_award_stamp (V18_1) kept by a row trigger (a Java class; H2 has no transition tables). H2 fires no
-- trigger on TRUNCATE: empty benefit_award with DELETE on H2.
CREATE TRIGGER benefit_award_stamp AFTER INSERT, UPDATE, DELETE ON benefit_award FOR EACH ROW
  CALL 'org.doudi.payroll.internal.AwardStampTrigger';
