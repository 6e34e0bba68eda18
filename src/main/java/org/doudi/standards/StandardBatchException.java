package org.doudi.standards;

import java.util.List;

/**
 * A standards file refused whole (400: every bad line, nothing stored), or an approval that cannot record every row
 * (409: every row that a standard recorded since the upload now conflicts with; nothing recorded, still pending).
 */
public class StandardBatchException extends RuntimeException {

  /** One bad line: 1-based line number (0 for the upload as a whole) and the reason. */
  public record BadLine(int line, String reason) {}

  private final List<BadLine> badLines;
  private final boolean atApproval;

  public StandardBatchException(String message, List<BadLine> badLines, boolean atApproval) {
    super(message);
    this.badLines = List.copyOf(badLines);
    this.atApproval = atApproval;
  }

  public List<BadLine> badLines() {
    return badLines;
  }

  public boolean atApproval() {
    return atApproval;
  }
}
