-- Overpayment recovery (module funds): whether fraud (骗取) was established, and by what finding. The recovery notice
-- (docs/notices.md) says 骗取 only when it was; otherwise it recovers 多领取的救助资金.
ALTER TABLE funds_recovery ADD COLUMN fraud_established BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE funds_recovery ADD COLUMN fraud_finding VARCHAR(500);
