-- Issue 15 item 1 (helper rise): a line stores the numbers of its formula, not its Chinese text (about 250 of the
-- ~330 bytes of a line: a province's rise wrote 327 MB of lines). The text is built from them where it is read: the
-- lines' page and the review form (StandardRiseRepository.lines) and the award rows the apply writes, with the very
-- words the computation used to store (docs/standard-rise.md). Lines computed before keep their stored text
-- (reason NOT NULL there); new lines have reason NULL.
ALTER TABLE standard_rise_line ALTER COLUMN reason DROP NOT NULL;
-- the basis's outcome (NULL: the award has no basis), household size, net income, per-capita income, the standard
-- and amount it stood on before the rise; the covered members counted and the sum of their supplements at the new
-- standard
ALTER TABLE standard_rise_line ADD COLUMN outcome VARCHAR(13);
ALTER TABLE standard_rise_line ADD COLUMN household_size INT;
ALTER TABLE standard_rise_line ADD COLUMN net_income NUMERIC(12,2);
ALTER TABLE standard_rise_line ADD COLUMN per_capita_income NUMERIC(12,2);
ALTER TABLE standard_rise_line ADD COLUMN old_standard NUMERIC(10,2);
ALTER TABLE standard_rise_line ADD COLUMN basis_amount NUMERIC(12,2);
ALTER TABLE standard_rise_line ADD COLUMN member_count INT;
ALTER TABLE standard_rise_line ADD COLUMN supplements NUMERIC(12,2);
