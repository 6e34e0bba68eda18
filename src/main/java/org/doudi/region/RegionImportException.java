package org.doudi.region;

import java.util.List;

/** A region file refused whole: every bad line with its reason (Chinese); nothing was changed. */
public class RegionImportException extends RuntimeException {

  /** One bad line: its 1-based line number in the file (0 for the file as a whole) and the reason. */
  public record BadLine(int line, String reason) {
    public String text() {
      return line == 0 ? reason : "第" + line + "行：" + reason;
    }
  }

  private final List<BadLine> badLines;

  public RegionImportException(List<BadLine> badLines) {
    super("行政区划文件有" + badLines.size() + "处错误，整个文件未导入（未作任何更改）");
    this.badLines = List.copyOf(badLines);
  }

  public List<BadLine> badLines() {
    return badLines;
  }
}
