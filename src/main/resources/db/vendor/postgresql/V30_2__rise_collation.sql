-- PostgreSQL only (as V12_0): the keys of the rise's and the basis's tables compare byte by byte ("C"), like
-- benefit_award's, so that the joins of a standard rise use their indexes (a key of another collation cannot use
-- them, and a county's rise would read the province's tables).
ALTER TABLE award_basis_member DROP CONSTRAINT award_basis_member_basis_fk;
ALTER TABLE award_basis
  ALTER COLUMN beneficiary_key TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C";
ALTER TABLE award_basis_member
  ALTER COLUMN beneficiary_key TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C",
  ALTER COLUMN id_number TYPE VARCHAR(18) COLLATE "C";
ALTER TABLE award_basis_member ADD CONSTRAINT award_basis_member_basis_fk FOREIGN KEY (beneficiary_key, scheme)
  REFERENCES award_basis (beneficiary_key, scheme);
ALTER TABLE standard_rise
  ALTER COLUMN county_code TYPE VARCHAR(6) COLLATE "C";
ALTER TABLE standard_rise_line
  ALTER COLUMN beneficiary_key TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C",
  ALTER COLUMN region_code TYPE VARCHAR(12) COLLATE "C";
ALTER TABLE award_age_change
  ALTER COLUMN beneficiary_key TYPE VARCHAR(64) COLLATE "C",
  ALTER COLUMN scheme TYPE VARCHAR(30) COLLATE "C",
  ALTER COLUMN id_number TYPE VARCHAR(18) COLLATE "C";
ALTER TABLE award_age_rule
  ALTER COLUMN county_code TYPE VARCHAR(6) COLLATE "C";
