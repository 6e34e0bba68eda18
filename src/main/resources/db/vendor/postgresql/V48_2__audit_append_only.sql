-- PostgreSQL: the audit tables are insert-only for everyone but a DBA who disables the triggers (which the
-- verification then reports: docs/audit.md).
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计记录只能追加，不能修改或删除（%）', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_finding_append_only BEFORE UPDATE OR DELETE ON audit_finding
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_finding_no_truncate BEFORE TRUNCATE ON audit_finding
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_finding_entry_append_only BEFORE UPDATE OR DELETE ON audit_finding_entry
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_finding_decision_append_only BEFORE UPDATE OR DELETE ON audit_finding_decision
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_lock_fixed BEFORE INSERT OR UPDATE OR DELETE ON audit_seal_lock
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
