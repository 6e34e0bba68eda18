package org.doudi.document.internal;

import java.util.Optional;

/** The file kinds accepted, recognised by their first bytes (magic numbers). */
public enum FileKind {
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

  private final String contentType;
  private final String extension;
  private final byte[] magic;

  FileKind(String contentType, String extension, byte[] magic) {
    this.contentType = contentType;
    this.extension = extension;
    this.magic = magic;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The kind whose signature the content starts with; empty for anything else. */
  public static Optional<FileKind> of(byte[] content) {
    for (FileKind k : values()) {
      if (content != null && content.length >= k.magic.length
          && java.util.Arrays.equals(content, 0, k.magic.length, k.magic, 0, k.magic.length)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
