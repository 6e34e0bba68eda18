package org.doudi.payroll;

import java.util.List;

/** A result file refused as a whole, with every bad line (1-based line numbers); nothing was changed. */
public class BankResultRejectedException extends RuntimeException {

  public record LineError(int line, String message) {}

  private final List<LineError> errors;

  public BankResultRejectedException(List<LineError> errors) {
    super("银行回盘文件有" + errors.size() + "处错误，未导入任何记录："
        + String.join("；", errors.stream().limit(20).map(e -> "第" + e.line() + "行：" + e.message()).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<LineError> errors() {
    return errors;
  }
}
