-- PostgreSQL only. A standard rise updates every basis of its county and type (standard and amount: no indexed column)
-- in one statement. With half of each page left free, each row's new version fits on its own page: a heap-only tuple
-- (HOT) update, no new entry in the primary key's index and no row moved to the table's end. Lab, 200,000 bases: the
-- UPDATE 5.1 s → 2.1 s, every row HOT (docs/benchmarks/standard-rise.md, run 19). The table is about twice as large
-- on disk. Rows already stored keep their pages until rewritten (docs/operations.md: VACUUM FULL award_basis once).
ALTER TABLE award_basis SET (fillfactor = 50);
