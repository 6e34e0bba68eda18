-- Indexes on Camunda's own tables. Run by identity.internal.EngineIndexes once the engine has created its schema
-- (Flyway's main run, db/migration and db/vendor, precedes the engine's tables on a fresh database), with its own
-- history table doudi_engine_schema_history.
--
-- The user's arm of Camunda's authorization sub-query (A.USER_ID_ in (?, '*')) had no usable index (the unique key
-- (TYPE_, USER_ID_, ...) begins with TYPE_), so every checked task query read the whole authorization table: at a
-- million open tasks 12 million rows, 2 s for a township's worklist. With this index the sub-query is a BitmapOr of the
-- user and group indexes (docs/benchmarks/dibao.md, runs on 2026-12-05 afternoon).
CREATE INDEX IF NOT EXISTS doudi_idx_auth_user ON act_ru_authorization (user_id_);
