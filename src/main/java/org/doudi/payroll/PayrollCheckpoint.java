package org.doudi.payroll;

/**
 * Called at the end of each payroll step, inside its transaction, just before it commits: {@code roster},
 * {@code award-change} (an approved award change applied), {@code reissue} (an approved re-issue of a returned
 * payment recorded),
 * {@code approve}, {@code export}, {@code import}. Every bean of this type is called; the application itself has none.
 * The reliability tests register one that throws, to prove that a step failing at its last moment leaves nothing
 * behind and that the retried step pays exactly once.
 */
public interface PayrollCheckpoint {

  void reached(String step, long id);
}
