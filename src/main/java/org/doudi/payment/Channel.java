package org.doudi.payment;

/** How the money reaches the recipient. */
public enum Channel {
  /** Through the bank (社会化发放, 一卡通): the row goes into a bank file and the bank reports paid or returned. */
  BANK,
  /** From the township's reserve fund (备用金), handed over on the spot (先行救助). */
  RESERVE_FUND
}
