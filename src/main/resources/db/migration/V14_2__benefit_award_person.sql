-- The persons an award covers (docs/integrity.md): the whole household, or the one member of a 单人户 decision.
-- Written with the GRANT row; member_count of the award is their number.
CREATE TABLE benefit_award_person (
  award_id     BIGINT      NOT NULL REFERENCES benefit_award (id),
  id_number    VARCHAR(18) NOT NULL,
  person_name  VARCHAR(50) NOT NULL,
  PRIMARY KEY (award_id, id_number)
);
