package org.doudi.payment;

/** The key is already used by a payment with different content: a programming or data error, never paid twice. */
public class IdempotencyConflictException extends RuntimeException {

  private final LedgerEntry existing;

  public IdempotencyConflictException(LedgerEntry existing, String difference) {
    super("付款标识" + existing.idempotencyKey() + "已用于另一笔内容不同的付款（" + difference + "），未重复记账");
    this.existing = existing;
  }

  public LedgerEntry existing() {
    return existing;
  }
}
