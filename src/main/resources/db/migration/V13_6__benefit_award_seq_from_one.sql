-- An award's changes are numbered from 1 (Awards). The award in force (AwardRepository.IN_FORCE) relies on it to
-- look only at changes (seq > 1) for the later rows of a beneficiary.
ALTER TABLE benefit_award ADD CONSTRAINT benefit_award_seq_chk CHECK (seq >= 1);
