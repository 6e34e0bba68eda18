package org.doudi.document;

/** A stored file with its bytes, as {@link Documents#open} returns it. */
public record DocumentContent(StoredDocument document, byte[] bytes) {}
