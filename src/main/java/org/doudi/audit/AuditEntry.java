package org.doudi.audit;

import java.time.Instant;

/** A stored audit entry as auditors read it (text already masked when stored; the ID number never stored). */
public record AuditEntry(long id, Instant recordedAt, AuditKind kind, String action, String actor,
    String processInstanceId, String businessKey, String regionCode, String subject, String before, String after,
    boolean concernsPerson, Long sealSeq) {}
