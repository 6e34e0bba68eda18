package org.doudi.funds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.doudi.funds.MonitoringRow;
import org.junit.jupiter.api.Test;

/**
 * The monitoring CSV opened in a spreadsheet runs no formula: every text cell that starts like one (= + - @, or a tab
 * or carriage return) is prefixed with ' , also when it has to be quoted; the rest of the row stays where it was.
 */
class MonitoringCsvTest {

  static final List<String> NAMES = List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)",
      "\t=1+1", "\r=1+1", "=1,2", "南关区", "a=b");

  @Test
  void noTextCellStartsLikeAFormula() {
    List<MonitoringRow> rows = new ArrayList<>();
    for (String name : NAMES) {
      rows.add(new MonitoringRow(YearMonth.of(2026, 3), "220102", name, 1, new BigDecimal("1.00"), 0,
          new BigDecimal("0.00"), 0, 0, new BigDecimal("0.00"), null, null));
    }
    String csv = new String(MonitoringCsv.write(rows), StandardCharsets.UTF_8);
    List<List<String>> cells = cells(csv.substring(1));
    assertThat(cells).hasSize(NAMES.size() + 1);
    for (int i = 1; i < cells.size(); i++) {
      List<String> row = cells.get(i);
      assertThat(row).hasSize(12);
      for (String cell : row) {
        assertThat(cell).as("row %s", i).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
            .doesNotStartWith("\t").doesNotStartWith("\r");
        assertThat(cell.startsWith("-") && !cell.matches("-\\d+(\\.\\d+)?")).as("row %s: %s", i, cell).isFalse();
      }
      String name = NAMES.get(i - 1);
      assertThat(row.get(2)).isEqualTo("=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name);
    }
  }

  /** RFC 4180 cells: records end with CRLF (none of the names holds one), a quoted cell doubles its quotes. */
  static List<List<String>> cells(String csv) {
    java.util.regex.Pattern cell = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,\"]*)");
    List<List<String>> out = new ArrayList<>();
    for (String record : csv.split("\r\n")) {
      List<String> row = new ArrayList<>();
      java.util.regex.Matcher m = cell.matcher(record);
      int at = 0;
      while (m.find(at) && m.start() == at) {
        row.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
        at = m.end() + 1;
        if (m.end() >= record.length()) {
          break;
        }
        assertThat(record.charAt(m.end())).as(record).isEqualTo(',');
      }
      out.add(row);
    }
    return out;
  }
}
