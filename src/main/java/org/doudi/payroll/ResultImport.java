package org.doudi.payroll;

import java.util.List;

/**
 * An accepted result file: lines read, payments newly PAID and RETURNED by it (a repeated file changes nothing), the
 * payments still SENT (awaiting a result), and the payment-return cases started for the returned ones.
 */
public record ResultImport(long bankFileId, String batchNo, int lines, int paid, int returned, int stillSent,
    List<String> returnCaseIds) {}
