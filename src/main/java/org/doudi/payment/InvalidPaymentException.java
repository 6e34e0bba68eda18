package org.doudi.payment;

import java.util.List;

/** The payment request is incomplete or wrong; nothing was recorded. The message lists every problem in Chinese. */
public class InvalidPaymentException extends RuntimeException {

  private final List<String> problems;

  public InvalidPaymentException(List<String> problems) {
    super("付款信息有误：" + String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
