-- The county review's anomalies (Payroll.anomalies, docs/payroll.md): each of this month's roster rows probes the
-- province's awards for another active award with the same payee ID number or the same bank account. One index probe
-- per row instead of a scan of every award per county (a province: 60 counties × 1.1 million awards).
CREATE INDEX benefit_award_id_number_idx ON benefit_award (payee_id_number);
CREATE INDEX benefit_award_account_idx ON benefit_award (account_number);
