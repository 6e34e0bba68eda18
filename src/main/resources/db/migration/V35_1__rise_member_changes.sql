-- Issue 15 item 1 (helper rise): the members whose supplement a rise changes are found while its lines are computed
-- (that statement joins the members with the rules already), so that the apply joins only those lines' members
-- instead of every member of the province with the rules again (docs/benchmarks/standard-rise.md).
-- member_changes: the line's members whose rule (category, percent, single percent) differs from the one applied;
-- NULL on lines computed before this column (the apply then looks at their members as before).
ALTER TABLE standard_rise_line ADD COLUMN member_changes INT;
-- the rise's lines with member_changes > 0 (or NULL: unknown), counted with the review's figures
ALTER TABLE standard_rise ADD COLUMN member_change_lines INT;
