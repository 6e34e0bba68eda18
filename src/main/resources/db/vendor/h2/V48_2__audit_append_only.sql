-- H2: the audit tables are insert-only (a Java row trigger refusing UPDATE and DELETE; H2 fires none on TRUNCATE).
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry FOR EACH ROW
  CALL 'org.doudi.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE, DELETE ON audit_seal FOR EACH ROW
  CALL 'org.doudi.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_finding_append_only BEFORE UPDATE, DELETE ON audit_finding FOR EACH ROW
  CALL 'org.doudi.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_finding_entry_append_only BEFORE UPDATE, DELETE ON audit_finding_entry FOR EACH ROW
  CALL 'org.doudi.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_finding_decision_append_only BEFORE UPDATE, DELETE ON audit_finding_decision FOR EACH ROW
  CALL 'org.doudi.audit.internal.AppendOnlyTrigger';
