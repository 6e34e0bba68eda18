/**
 * Monthly payroll 月度发放 (issue 5): benefit awards (table benefit_award, one row per change: grant, 增发/减发, 停发,
 * account change, 迁移 to another county or township, effective from the month after the decision; manual changes
 * through four-eyes change requests), the monthly roster computed in bulk SQL into the
 * payment ledger, county approval, bank disbursement files and the import of the bank's results, and the re-issue of
 * returned payments. Exactly once: one run per county and month, unique ledger keys, one file per run. See
 * docs/payroll.md.
 */
package org.doudi.payroll;
