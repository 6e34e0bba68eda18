package org.doudi.unemployed;

/**
 * Called inside the payment step's transaction right after its ledger row is written ({@code ledger-written}, with
 * the ledger id), before the step records and commits. Every bean of this type is called; the application itself has
 * none (as {@code payroll.PayrollCheckpoint}). The reliability tests register one that throws, to prove that the
 * retried job pays exactly once.
 */
public interface UnemployedCheckpoint {

  String LEDGER_WRITTEN = "ledger-written";

  void reached(String step, long id);
}
