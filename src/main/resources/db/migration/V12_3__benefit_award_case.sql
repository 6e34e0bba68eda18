-- A case's payroll rows are found through its awards' beneficiaries (Payments.byCase, V12_2): awards by case.
CREATE INDEX benefit_award_case_idx ON benefit_award (case_ref);
