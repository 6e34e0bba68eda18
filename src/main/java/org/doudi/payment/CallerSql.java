package org.doudi.payment;

import java.util.List;

/**
 * A piece of SQL over the caller's own tables, with its arguments in order, that a statement of the payment module
 * embeds: the payroll says which awards to pay (a query over benefit_award) or which batch rows to list (a condition
 * probing benefit_award), the payment module writes and reads the ledger around it. So each money table keeps one
 * module whose SQL names it (docs/payments.md, "One writer per money table"), and the set-based statement stays one
 * statement. What the SQL must produce or may refer to is documented where it is accepted.
 */
public record CallerSql(String sql, List<Object> args) {

  public CallerSql {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("sql is required");
    }
    if (sql.chars().filter(c -> c == '?').count() != args.size()) {
      throw new IllegalArgumentException("the SQL's parameters and its arguments differ in number: " + sql);
    }
    if (sql.contains(";")) {
      throw new IllegalArgumentException("one statement's part only: " + sql);
    }
    args = List.copyOf(args);
  }
}
