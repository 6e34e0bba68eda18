package org.doudi.document;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Uploads a scan to a case through {@code POST /api/cases/{pid}/documents} as a caseworker with HTTP Basic (what the
 * Tasklist tab 申请材料 does with the session), for the tests of the 受理 checklists of other modules; the same
 * multipart request as {@link DocumentsTest}.
 */
public final class CaseDocumentUploads {

  private final int port;
  private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

  public CaseDocumentUploads(int port) {
    this.port = port;
  }

  /** A small PDF file. */
  public static byte[] pdf() {
    return DocumentsTest.pdf(200);
  }

  /** Uploads a PDF of {@code type} to the case as {@code user}; returns the HTTP status (201 when stored). */
  public int upload(String user, String processInstanceId, MaterialType type) throws Exception {
    java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/api/cases/" + processInstanceId + "/documents"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .header("X-Requested-With", "XMLHttpRequest")
        .header("Content-Type", "multipart/form-data; boundary=" + DocumentsTest.BOUNDARY)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(DocumentsTest.multipart(type.name(),
            type.label() + ".pdf", "application/pdf", pdf())))
        .build();
    return client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
