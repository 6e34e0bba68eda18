-- H2 (tests, demo): the same index as db/engine/postgresql/V58_1, so that both databases have the same indexes.
CREATE INDEX IF NOT EXISTS doudi_idx_auth_user ON act_ru_authorization (user_id_);
