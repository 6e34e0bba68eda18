package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per money table (issue 13): SQL naming a {@code payment_*} table (view, sequence) appears only in
 * {@code org.doudi.payment}, and SQL naming {@code benefit_award} only in {@code org.doudi.payroll}; every other module
 * goes through their public APIs ({@code Payments}, {@code LedgerFlows}, {@code Awards}, {@code Payroll}), and so
 * does the payroll for the ledger: its roster, review and bank files are statements of the payment module
 * ({@code LedgerBulk.insertRoster}, {@code BatchReview}, {@code BankFileLines}) that embed the payroll's SQL over
 * benefit_award ({@code CallerSql}); there is no exception. The money
 * tables are those the Flyway migrations create with these names, so a new one is covered as soon as it exists. What
 * counts as SQL text is every Java string literal (text blocks too) under src/main/java: comments and identifiers do
 * not count, and neither do the SQL migrations themselves. docs/payments.md, "One writer per money table".
 */
class MoneyTableOwnersTest {

  static final Path SOURCES = Path.of("src/main/java");
  static final Path MIGRATIONS = Path.of("src/main/resources/db");

  /** The money tables' owners: a table name prefix (or whole name) → the owning module's source folder. */
  static final Map<String, String> OWNERS = Map.of("payment_", "org/doudi/payment/", "benefit_award",
      "org/doudi/payroll/");

  @Test
  void sqlOnMoneyTablesOnlyInTheModuleThatOwnsThem() throws IOException {
    Set<String> tables = moneyTables();
    assertThat(tables).as("the money tables, from the migrations")
        .contains("payment_ledger", "payment_status_change", "payment_batch", "payment_entry", "payment_once_only",
            "benefit_award");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String relative = SOURCES.relativize(f).toString().replace('\\', '/');
        violations.addAll(violations(relative, Files.readString(f, StandardCharsets.UTF_8), tables));
      }
    }
    assertThat(violations).as("SQL on money tables outside their owning module (use its public API)").isEmpty();
  }

  @Test
  void theRuleCatchesSqlInStringsAndTextBlocksButNotCommentsOrColumns() throws IOException {
    Set<String> tables = moneyTables();
    String planted = """
        package org.doudi.funds;
        /** Reads benefit_award and payment_ledger: a comment only. */
        class Planted {
          // INSERT INTO payment_status_change
          char quote = '"';
          String column = "payment_from"; /* payment_batch */
          String escaped = "a \\" b";
          String sql = "SELECT SUM(amount) FROM Payment_Entry WHERE x = '\\"'";
          String block = \"""
              SELECT a.* FROM benefit_award a
              \""";
          String insert = new StringBuilder("INSERT INTO payment_ledger").toString();
          String claim = "DELETE FROM payment_once_only";
        }
        """;
    assertThat(violations("org/doudi/funds/Planted.java", planted, tables)).containsExactly(
        "org/doudi/funds/Planted.java:8 names payment_entry (only org/doudi/payment/ may)",
        "org/doudi/funds/Planted.java:9 names benefit_award (only org/doudi/payroll/ may)",
        "org/doudi/funds/Planted.java:12 names payment_ledger (only org/doudi/payment/ may)",
        "org/doudi/funds/Planted.java:13 names payment_once_only (only org/doudi/payment/ may)");
    assertThat(violations("org/doudi/payment/Planted.java", planted, tables)).containsExactly(
        "org/doudi/payment/Planted.java:9 names benefit_award (only org/doudi/payroll/ may)");
    assertThat(violations("org/doudi/payroll/persistence/PayrollRepository.java", planted, tables))
        .as("no exception for the payroll: its roster and bank files go through the payment module").containsExactly(
            "org/doudi/payroll/persistence/PayrollRepository.java:8 names payment_entry (only org/doudi/payment/ may)",
            "org/doudi/payroll/persistence/PayrollRepository.java:12 names payment_ledger (only org/doudi/payment/ may)",
            "org/doudi/payroll/persistence/PayrollRepository.java:13 names payment_once_only (only org/doudi/payment/ may)");
  }

  /** payment_* and benefit_award tables, views and sequences the migrations create (lower case). */
  static Set<String> moneyTables() throws IOException {
    Pattern create = Pattern.compile("(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TABLE|VIEW|SEQUENCE)\\s+"
        + "(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    Set<String> tables = new java.util.TreeSet<>();
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        Matcher m = create.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
          if (owner(name) != null) {
            tables.add(name);
          }
        }
      }
    }
    return tables;
  }

  static String owner(String table) {
    return OWNERS.entrySet().stream().filter(e -> table.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
        .orElse(null);
  }

  /** The money tables named in the string literals of one source file that its module may not name. */
  static List<String> violations(String relativePath, String source, Set<String> tables) {
    List<String> out = new ArrayList<>();
    if (relativePath.matches(".*/V\\d+(_\\d+)*__\\w+\\.java")) {
      return out; // a Java Flyway migration: migrations are the tables' definition, as the .sql ones
    }
    Pattern names = Pattern.compile("(?i)(?<![A-Za-z0-9_])(" + String.join("|", tables)
        + ")(?![A-Za-z0-9_])");
    new TreeMap<>(literals(source)).forEach((line, text) -> {
      Matcher m = names.matcher(text);
      while (m.find()) {
        String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String owner = owner(table);
        if (!relativePath.startsWith(owner)) {
          out.add(relativePath + ":" + line + " names " + table + " (only " + owner + " may)");
        }
      }
    });
    return out;
  }

  /**
   * The string literals of a Java source (text blocks included, escapes left as written), by the line each starts
   * on; several on one line are joined with a space. Comments and char literals are skipped.
   */
  static Map<Integer, String> literals(String s) {
    Map<Integer, String> out = new TreeMap<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (s.startsWith("//", i)) {
        i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        line += count(s, i, end);
        i = end;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '\'') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else if (s.startsWith("\"\"\"", i)) {
        int j = i + 3;
        while (j < s.length() && !s.startsWith("\"\"\"", j)) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        out.merge(line, s.substring(i + 3, Math.min(j, s.length())), (a, b) -> a + " " + b);
        line += count(s, i, Math.min(j, s.length()));
        i = j + 3;
      } else if (c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"' && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        out.merge(line, s.substring(i + 1, Math.min(j, s.length())), (a, b) -> a + " " + b);
        i = j + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }
}
