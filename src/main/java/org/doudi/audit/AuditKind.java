package org.doudi.audit;

/** What an audit entry records. Stored by name; searchable with {@code kind=}. */
public enum AuditKind {
  /** A process instance started or ended. */
  CASE,
  /** A user task created, assigned, completed or deleted. */
  TASK,
  /** A process variable created, changed or deleted (its new value; the old one is the previous entry). */
  VARIABLE,
  /** Camunda's user operation log: an operation by a user on the engine, with property, old and new value. */
  OPERATION,
  /** A model deployment. */
  DEPLOYMENT,
  /** A domain event of a module (award recorded, standard added, …) or a module's own record of a money change. */
  CHANGE,
  /** A successful password check (web-app login or the first HTTP Basic call of a user in the login window). */
  LOGIN,
  /** A failed password check. */
  LOGIN_FAILED,
  /** A file or CSV download. */
  EXPORT,
  /** A request refused with 401 or 403. */
  REFUSED,
  /** A search or verification of the audit trail itself. */
  AUDIT_READ,
  /** A 尽职免责 finding or its decision. */
  FINDING
}
