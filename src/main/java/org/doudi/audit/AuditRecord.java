package org.doudi.audit;

/**
 * One action to record. {@code actor} null = the current engine or HTTP user. Text fields are masked before they
 * are stored (ID numbers and account numbers keep only their ends: {@link org.doudi.operations.Masking}); the ID
 * number of the person concerned (given, or the first valid one found in the text) is stored only as a keyed hash.
 *
 * @param processInstanceId the case's process instance, if any
 * @param businessKey the case's business key (award key, case key), if any
 * @param regionCode the region of the case or record (scopes who may read the entry)
 * @param subject what was acted on (task, variable, table and key …)
 * @param before the value before the action, if known
 * @param after the value after the action
 */
public record AuditRecord(AuditKind kind, String action, String actor, String processInstanceId, String businessKey,
    String regionCode, String subject, String before, String after, String idNumber) {

  public static AuditRecord of(AuditKind kind, String action, String subject) {
    return new AuditRecord(kind, action, null, null, null, null, subject, null, null, null);
  }

  public AuditRecord onCase(String processInstanceId, String businessKey, String regionCode) {
    return new AuditRecord(kind, action, actor, processInstanceId, businessKey, regionCode, subject, before, after,
        idNumber);
  }

  public AuditRecord change(String before, String after) {
    return new AuditRecord(kind, action, actor, processInstanceId, businessKey, regionCode, subject, before, after,
        idNumber);
  }

  public AuditRecord by(String actor) {
    return new AuditRecord(kind, action, actor, processInstanceId, businessKey, regionCode, subject, before, after,
        idNumber);
  }

  public AuditRecord person(String idNumber) {
    return new AuditRecord(kind, action, actor, processInstanceId, businessKey, regionCode, subject, before, after,
        idNumber);
  }
}
