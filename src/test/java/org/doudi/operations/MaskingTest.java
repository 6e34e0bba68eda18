package org.doudi.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void idNumbersKeepTheirAddressCodeAndLastFourCharacters() {
    assertThat(Masking.mask("申请人 22010219900101123X 已受理")).isEqualTo("申请人 220102********123X 已受理");
    assertThat(Masking.mask("id=220102199001011234,")).isEqualTo("id=220102********1234,");
  }

  @Test
  void bankAccountsKeepTheirLastFourDigits() {
    assertThat(Masking.mask("账号 6222021234567890123 开户")).isEqualTo("账号 ***************0123 开户");
    assertThat(Masking.mask("account 621700123456789")).isEqualTo("account ***********6789");
  }

  @Test
  void fieldsAndKeysAreMaskedAlike() {
    assertThat(Masking.idNumber("22010219900101123X")).isEqualTo("220102********123X");
    assertThat(Masking.account("6222021234567890123")).isEqualTo("***************0123");
    assertThat(Masking.account("1234")).isEqualTo("1234");
    assertThat(Masking.key("P-220102199001011234")).isEqualTo("P-220102********1234");
    assertThat(Masking.key("unemployed:22010219900101123X:2020")).isEqualTo("unemployed:220102********123X:2020");
    assertThat(Masking.key(null)).isNull();
  }

  @Test
  void regionCodesIdsAndShortNumbersAreLeftAlone() {
    String text = "region 220122100201 instance 3a62be06-eb1b-11f1-a5a9-123456789012 amount 1000 at 1732780000000";
    assertThat(Masking.mask(text)).isEqualTo(text);
  }

  @Test
  void theJsonLogLineIsMaskedInMessageMdcAndStackTrace() throws Exception {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("org.doudi.Test"), Level.WARN,
        "核对 {} 失败", new IllegalStateException("账户 6222021234567890123"), new Object[] {"220102199001011234"});
    event.setMDCPropertyMap(Map.of("applicant", "220102199001011234"));

    String line = new MaskingJsonLogFormatter().format(event);

    var json = new ObjectMapper().readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("核对 220102********1234 失败");
    assertThat(json.get("mdc").get("applicant").asText()).isEqualTo("220102********1234");
    assertThat(json.get("error").asText()).contains("***************0123").doesNotContain("6222021234567890123");
    assertThat(line).doesNotContain("19900101");
    assertThat(json.get("level").asText()).isEqualTo("WARN");
  }
}
