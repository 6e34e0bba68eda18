package org.doudi.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doudi.document.DocumentContent;
import org.doudi.document.Documents;
import org.doudi.document.MaterialType;

/** Test helper: a case's stored notices, their text extracted from the PDF by PDFBox (white space removed). */
public final class NoticeTexts {

  private NoticeTexts() {}

  /** One stored notice: its file name and the text of its PDF. */
  public record Notice(long documentId, String fileName, String uploadedBy, String text) {}

  public static List<Notice> of(Documents documents, String processInstanceId) {
    return documents.listForCase(processInstanceId).stream().filter(d -> d.materialType() == MaterialType.NOTICE)
        .map(d -> {
          DocumentContent c = documents.open(d.id());
          return new Notice(d.id(), d.fileName(), d.uploadedBy(), text(c.bytes()));
        }).toList();
  }

  /** The notices whose file name starts with the kind's title. */
  public static List<Notice> of(Documents documents, String processInstanceId, NoticeKind kind) {
    return of(documents, processInstanceId).stream().filter(n -> n.fileName().startsWith(kind.title() + "-"))
        .toList();
  }

  public static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
