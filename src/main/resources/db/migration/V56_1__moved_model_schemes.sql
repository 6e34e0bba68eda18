-- The payroll, funds and unemployed models moved to their module's folder (processes/payroll/, processes/funds/,
-- processes/unemployed/; docs/architecture.md "Layout"). The deadline monitor's scheme is the model's folder: the
-- open legal clocks stored before the move follow their models (calendar.ModelSchemes maps old versions the same way).
UPDATE cal_deadline SET scheme = 'funds' WHERE process_key = 'overpayment-recovery';
UPDATE cal_deadline SET scheme = 'unemployed' WHERE process_key = 'unemployed-assistance';
UPDATE cal_deadline SET scheme = 'payroll' WHERE scheme = 'payment';
