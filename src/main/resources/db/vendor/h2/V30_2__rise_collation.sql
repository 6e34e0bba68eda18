-- H2: nothing to do (PostgreSQL's V30_2 gives the rise's keys the "C" collation of benefit_award's).
SELECT 1;
