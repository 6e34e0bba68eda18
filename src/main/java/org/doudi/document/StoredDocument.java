package org.doudi.document;

import java.time.OffsetDateTime;

/** One stored file's description (no content): what {@link Documents#listForCase} returns. */
public record StoredDocument(long id, String processInstanceId, String businessKey, String regionCode,
    MaterialType materialType, String fileName, String contentType, long size, String sha256, String uploadedBy,
    OffsetDateTime uploadedAt) {

  /** The material type's Chinese name, for lists. */
  @com.fasterxml.jackson.annotation.JsonProperty("materialLabel")
  public String materialLabel() {
    return materialType.label();
  }
}
