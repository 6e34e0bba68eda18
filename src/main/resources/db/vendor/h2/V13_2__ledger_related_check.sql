-- H2 keeps V7_1's foreign key on payment_ledger.related_id; see the PostgreSQL version.
SELECT 1;
