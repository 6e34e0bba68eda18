package org.doudi.payroll;

/** Where the lines of a bank file stand, counted from the ledger: paid, returned by the bank, still awaiting a result. */
public record BankFileProgress(int paid, int returned, int waiting) {

  public boolean complete() {
    return waiting == 0;
  }
}
