package org.doudi.payment;

/** The payment cannot move from its current status to the one asked for. */
public class IllegalPaymentTransitionException extends RuntimeException {

  public IllegalPaymentTransitionException(long id, PaymentStatus from, PaymentStatus to) {
    super("付款" + id + "当前状态为“" + from.label() + "”，不能改为“" + to.label() + "”");
  }
}
