package org.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.doudi.payroll.internal.BankLayout;
import org.doudi.payroll.internal.PayrollProperties;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Bank files match docs/payroll.md exactly: every kind of file the application writes, in every layout and allowed
 * character set, read by the documentation's rules alone (PostgreSQL's COPY path: PayrollPostgresIT). And the reader
 * refuses what the documentation does not allow, so a writer that drifts fails here.
 */
@DoudiTest
class BankFileLayoutTest {

  @Autowired ApplicationContext app;

  @Test
  void everyFileTheApplicationWritesFollowsTheDocumentedLayout() {
    int files = BankFileConformance.writeAndCheckEveryKindOfFile(app, "220102", "220102001001", YearMonth.of(2041, 1));
    assertThat(files).isEqualTo(BankLayout.values().length * PayrollProperties.Bank.CHARSETS.size() * 2);
  }

  @Test
  void onlyTheDocumentedCharacterSetsAreAccepted() {
    PayrollProperties.Bank bank = new PayrollProperties.Bank();
    assertThat(PayrollProperties.Bank.CHARSETS).containsExactlyInAnyOrderElementsOf(DocumentedBankFile.CHARSETS);
    bank.setCharset("gb18030");
    assertThat(bank.getCharset()).isEqualTo("GB18030");
    assertThatThrownBy(() -> bank.setCharset("UTF-16")).hasMessageContaining("不支持的银行文件字符集");
  }

  @Test
  void theReaderRefusesWhatTheDocumentationDoesNotAllow() {
    String ok = "H,T22010220410105-1,220102,代发银行,,1,12.50,DOUDI-CSV-1\n"
        + "D,7,\"张,三\",220122195001010014,农安农商银行,622848000001,12.50,DIBAO,2041-01-01,2041-01-31\n";
    assertThat(read(ok, "DOUDI-CSV-1").lines()).singleElement().satisfies(l -> assertThat(l.payeeName()).isEqualTo("张,三"));
    // the one-off header of the old writer: an empty field in quotes
    refused(ok.replace("代发银行,,1", "代发银行,\"\",1"), "DOUDI-CSV-1", "holds no comma");
    refused(ok.replace("\"张,三\"", "\"张三\""), "DOUDI-CSV-1", "holds no comma");
    refused(ok.replace("\n", "\r\n"), "DOUDI-CSV-1", "carriage return");
    refused(ok.substring(0, ok.length() - 1), "DOUDI-CSV-1", "does not end with LF");
    refused("\uFEFF" + ok, "DOUDI-CSV-1", "byte-order mark");
    refused(ok.replace(",1,12.50,", ",1,12.5,"), "DOUDI-CSV-1", "amount 12.5");
    refused(ok.replace(",1,12.50,", ",2,12.50,"), "DOUDI-CSV-1", "line count");
    refused(ok.replace(",1,12.50,", ",1,12.51,"), "DOUDI-CSV-1", "total");
    refused(ok.replace(",,1,", ",2041-01,1,"), "DOUDI-CSV-1", "payroll month");
    refused(ok.replace("2041-01-31", "2041-02-30"), "DOUDI-CSV-1", "date");
    refused(ok.replace("DIBAO,", ""), "DOUDI-CSV-1", "9 fields");

    String txt = "T22010220410105-1|1|12.50|代发银行|\r\n1|622848000001|张 三|12.50|220122195001010014|DD7\r\n";
    assertThat(read(txt, "BANK-TXT-1").lines()).singleElement().satisfies(l -> assertThat(l.ledgerId()).isEqualTo(7));
    refused(txt.replace("\r\n", "\n"), "BANK-TXT-1", "CRLF");
    refused(txt.replace("张 三", "张|三"), "BANK-TXT-1", "not seq|accountNumber");
    refused(txt.replace("\r\n1|", "\r\n2|"), "BANK-TXT-1", "sequence");
    refused(txt.replace("DD7", "7"), "BANK-TXT-1", "摘要");
    assertThatThrownBy(() -> DocumentedBankFile.read(ok.getBytes(StandardCharsets.UTF_8), "DOUDI-CSV-1", "UTF-16"))
        .hasMessageContaining("not one the documentation allows");
    assertThatThrownBy(() -> DocumentedBankFile.read("H,\u00e4".getBytes(StandardCharsets.ISO_8859_1), "DOUDI-CSV-1",
        "UTF-8")).hasMessageContaining("not valid UTF-8");
  }

  private static DocumentedBankFile.Parsed read(String text, String layout) {
    return DocumentedBankFile.read(text.getBytes(StandardCharsets.UTF_8), layout, "UTF-8");
  }

  private static void refused(String text, String layout, String why) {
    assertThatThrownBy(() -> read(text, layout)).isInstanceOf(AssertionError.class).hasMessageContaining(why);
  }
}
