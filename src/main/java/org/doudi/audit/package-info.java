/**
 * Audit: 审计留痕 and 尽职免责 (issue 17 items 5–6; docs/audit.md). Every action on a case, award, payment, standard,
 * rule or model, every login, export and refused request lands in the insert-only {@code audit_entry}, written in the
 * acting transaction ({@link org.doudi.audit.AuditTrail}); a sealer chains committed entries by SHA-256 in
 * {@code audit_seal}, and {@code GET /api/audit/verify} recomputes the chain. Findings on a case with the
 * supervisor's decision ({@link org.doudi.audit.Findings}) link to the entries they rest on.
 */
package org.doudi.audit;
