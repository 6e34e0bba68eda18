/**
 * Scanned materials (申请材料扫描件; issue 18 item 3, later the citizens' uploads of issue 20; docs/documents.md):
 * JPEG, PNG and PDF files recognised by their content, with a SHA-256 checksum, linked to a case (process instance
 * and business key, with the case's region for access) and a {@link org.doudi.document.MaterialType}. Public API:
 * {@link org.doudi.document.Documents} (store, list for a case, open, the ticked 受理 checklist items without their
 * files) and {@link org.doudi.document.MaterialChecklist} (each scheme's checkbox → material types). Table
 * {@code case_document}.
 */
package org.doudi.document;
