-- Issue 15 item 1: a standard rise updates the standard and amount of every basis it applies (a million rows for a
-- province). With full pages each new version went to the table's end with a new entry in the primary key's index;
-- with half of each page free the update stays on its page and the index is not touched (a HOT update; measured in
-- docs/benchmarks/standard-rise.md, runs 25–27). The heap is about twice the rows from the start; the new versions
-- used to double it anyway. Rows stored before this migration keep their full pages until VACUUM FULL award_basis
-- (docs/operations.md, Upgrades).
ALTER TABLE award_basis SET (fillfactor = 50);
