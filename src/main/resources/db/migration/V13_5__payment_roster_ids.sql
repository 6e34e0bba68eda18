-- Ids of roster rows come in blocks: each roster statement takes one block of 2^24 ids (one nextval of this
-- sequence) and numbers its rows in the order it writes them, so that a batch's rows hold one unbroken range of ids
-- (V13_3) even while another group of counties inserts at the same time; ids from the identity sequence (every
-- other row) would interleave the two statements' rows and a county's range would cover twice its rows. The blocks
-- start at 2^40, above every id the identity sequence may give (capped below it here).
CREATE SEQUENCE payment_roster_block_seq START WITH 1099511627776 INCREMENT BY 16777216;
ALTER TABLE payment_ledger ALTER COLUMN id SET MAXVALUE 1099511627775;
