package org.doudi.notice;

/**
 * A notice stored with its case: the document's id (download it through {@code document.Documents.open}), its kind
 * and step, the file name and the text as rendered (for the text rows other code reads).
 */
public record IssuedNotice(long documentId, NoticeKind kind, String step, String fileName, String text) {}
