-- 迁移 as a change request (issue 13, item 3): a household that moves is transferred to the county and the township or
-- village that pay it from the month after the approval. The request stores where to; the approval applies it
-- through Awards.transfer (docs/payroll.md, "Award changes: four eyes").
ALTER TABLE award_change_request ADD COLUMN new_county_code VARCHAR(6);
ALTER TABLE award_change_request ADD COLUMN new_region_code VARCHAR(12);
ALTER TABLE award_change_request DROP CONSTRAINT award_change_request_kind_chk;
ALTER TABLE award_change_request ADD CONSTRAINT award_change_request_kind_chk
  CHECK (kind IN ('ADJUST', 'STOP', 'ACCOUNT', 'TRANSFER'));
-- like the other kinds' columns: required for TRANSFER only; the place lies within the county it names
ALTER TABLE award_change_request ADD CONSTRAINT award_change_request_transfer_chk CHECK (kind <> 'TRANSFER'
  OR (new_county_code IS NOT NULL AND new_region_code IS NOT NULL AND new_region_code LIKE new_county_code || '%'));
