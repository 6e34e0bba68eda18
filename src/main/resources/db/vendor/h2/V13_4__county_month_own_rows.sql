-- H2 keeps V7_1's full county/month index; see the PostgreSQL version.
SELECT 1;
