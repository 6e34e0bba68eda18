package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.doudi.payment.Channel;
import org.doudi.payment.LedgerEntry;
import org.doudi.payment.Payee;
import org.doudi.payment.PaymentRequest;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payment.Scheme;
import org.doudi.payroll.internal.BankLayout;
import org.doudi.payroll.internal.PayrollProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of file the application writes — a county's monthly payroll file and a one-off file, in each layout and
 * each allowed character set — made through the public API from payees whose names need quoting or replacing, then
 * read with {@link DocumentedBankFile} (the documentation's rules only) and compared with the ledger: the header's
 * batch, county, month, count and total are the file's, each line is a payment of the file with its payee, account
 * and amount, and every payment of the file has its line. Shared by the H2 test and the PostgreSQL one (COPY).
 */
final class BankFileConformance {

  /** Names with a comma, quotes, the text layout's separator and a line break; one that needs four bytes in UTF-8. */
  static final List<String> NAMES = List.of("张,三", "李\"四\"", "王|五", "赵\n六", "钱七", "𠮷孙");

  private BankFileConformance() {}

  /**
   * Writes and checks the files, from {@code firstMonth} on (one payroll month per layout and character set) in
   * county {@code county} (village {@code village}); restores the bank settings.
   */
  static int writeAndCheckEveryKindOfFile(ApplicationContext app, String county, String village,
      YearMonth firstMonth) {
    Awards awards = app.getBean(Awards.class);
    Payroll payroll = app.getBean(Payroll.class);
    BankFiles bankFiles = app.getBean(BankFiles.class);
    Payments payments = app.getBean(Payments.class);
    PayrollProperties.Bank bank = app.getBean(PayrollProperties.class).getBank();
    String name = bank.getName();
    String format = bank.getFormat();
    String charset = bank.getCharset();
    String tag = "BF" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LocalDate decided = firstMonth.minusMonths(1).atDay(10);
    for (int i = 0; i < NAMES.size(); i++) {
      awards.grant(new AwardGrant(tag + "-" + i, Scheme.DIBAO, "case-" + tag, county, village, "RURAL", 1,
          new Payee(tag + "-" + i, NAMES.get(i), PayrollFixture.personId("220122195001010014", tag + "-" + i),
              "农安农商银行", "6228480" + (10_000_000 + i)),
          new BigDecimal("300.00").add(BigDecimal.valueOf(i * 7, 2)), decided, "银行文件格式测试"), "test");
    }
    int checked = 0;
    try {
      bank.setName("吉林\"农商\",银行|营业部");
      YearMonth month = firstMonth;
      for (BankLayout layout : BankLayout.values()) {
        for (String set : PayrollProperties.Bank.CHARSETS) {
          bank.setFormat(layout.code());
          bank.setCharset(set);
          // names a character set cannot hold: GBK lacks 𠮷 (it is in GB18030 and UTF-8)
          boolean representable = java.nio.charset.Charset.forName(set).newEncoder().canEncode(String.join("", NAMES));
          RosterSummary roster = payroll.computeRoster(county, month, "test");
          payroll.approve(roster.runId(), "test");
          if (!representable) {
            assertThatThrownBy(() -> bankFiles.export(roster.runId(), "test")).hasMessageContaining("无法表示")
                .hasMessageContaining(set);
            assertThat(bankFiles.ofRun(roster.runId())).as("refused: no file, nothing sent").isEmpty();
            for (LedgerEntry e : rows(app, county, month, "APPROVED")) {
              if (!java.nio.charset.Charset.forName(set).newEncoder().canEncode(e.payee().name())) {
                payments.transition(e.id(), PaymentStatus.CANCELLED, "test", "姓名无法用" + set + "表示");
              }
            }
          }
          check(app, bankFiles.export(roster.runId(), "test"));
          checked++;
          for (int i = 0; i < 2; i++) {
            payments.record(new PaymentRequest(tag + ":" + month + ":" + i, Scheme.TEMPORARY_EMERGENCY,
                "case-" + tag, new Payee(tag + "-" + i, NAMES.get(i),
                    PayrollFixture.personId("220122195001010014", tag + "-" + i), "农安,农商\"银行\"",
                    "6228480" + (20_000_000 + i)), county, village, month.atDay(1), month.atEndOfMonth(),
                new BigDecimal("1234.50"), Channel.BANK, null, "一次性"), PaymentStatus.APPROVED, "test");
          }
          check(app, bankFiles.exportPending(county, "test").orElseThrow());
          checked++;
          month = month.plusMonths(1);
        }
      }
    } finally {
      bank.setName(name);
      bank.setFormat(format);
      bank.setCharset(charset);
    }
    return checked;
  }

  private static List<LedgerEntry> rows(ApplicationContext app, String county, YearMonth month, String status) {
    Payments payments = app.getBean(Payments.class);
    return app.getBean(JdbcTemplate.class).queryForList("SELECT id FROM payment_entry WHERE county_code = ? "
        + "AND payroll_month = ? AND status = ?", Long.class, county, java.sql.Date.valueOf(month.atDay(1)), status)
        .stream().map(payments::get).toList();
  }

  /** The stored file, read by the documentation's rules, against the file's record and the ledger. */
  static void check(ApplicationContext app, BankFile file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    app.getBean(BankFiles.class).write(file.id(), out);
    byte[] bytes = out.toByteArray();
    try {
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .isEqualTo(file.sha256());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DocumentedBankFile.Parsed parsed;
    try {
      parsed = DocumentedBankFile.read(bytes, file.format(), file.charset());
    } catch (AssertionError e) {
      throw new AssertionError(file.format() + " " + file.charset() + " file " + file.batchNo() + ", " + e.getMessage(),
          e);
    }
    boolean txt = file.format().equals("BANK-TXT-1");
    DocumentedBankFile.Header h = parsed.header();
    assertThat(h.batchNo()).isEqualTo(file.batchNo());
    assertThat(h.countyCode()).isEqualTo(file.countyCode());
    assertThat(h.payrollMonth()).isEqualTo(file.payrollMonth() == null ? "" : file.payrollMonth().toString());
    assertThat(h.bankName()).isEqualTo(txt ? plain(file.bankName()) : file.bankName());
    assertThat(h.lineCount()).isEqualTo(file.rowCount());
    assertThat(h.total()).isEqualByComparingTo(file.totalAmount());
    Payments payments = app.getBean(Payments.class);
    List<Long> ids = new ArrayList<>();
    for (DocumentedBankFile.Line l : parsed.lines()) {
      LedgerEntry e = payments.get(l.ledgerId());
      ids.add(e.id());
      assertThat(e.bankFileId()).as("payment %s is in this file", e.id()).isEqualTo(file.id());
      assertThat(l.payeeName()).isEqualTo(txt ? plain(e.payee().name()) : e.payee().name());
      assertThat(l.idNumber()).isEqualTo(e.payee().idNumber());
      assertThat(l.account()).isEqualTo(e.payee().accountNumber());
      assertThat(l.amount()).isEqualByComparingTo(e.amount());
      if (!txt) {
        assertThat(l.bankName()).isEqualTo(e.payee().bankName());
        assertThat(l.scheme()).isEqualTo(e.scheme().name());
        assertThat(l.periodStart()).isEqualTo(e.periodStart());
        assertThat(l.periodEnd()).isEqualTo(e.periodEnd());
      }
    }
    assertThat(ids).as("every payment of the file has its line").containsExactlyInAnyOrderElementsOf(
        app.getBean(JdbcTemplate.class).queryForList("SELECT id FROM payment_entry WHERE bank_file_id = ?",
            Long.class, file.id()));
  }

  /** The text layout's rule for a name: '|', CR and LF become a space. */
  private static String plain(String s) {
    return s.replace('|', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
