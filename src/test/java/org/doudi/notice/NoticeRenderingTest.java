package org.doudi.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.doudi.notice.internal.NoticePdf;
import org.doudi.notice.internal.NoticeTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates render completely or not at all; the PDF carries the text, extractable, in an embedded subset. */
class NoticeRenderingTest {

  private final NoticeTemplates templates = new NoticeTemplates("");
  private final NoticePdf pdf = new NoticePdf("");

  private static Map<String, String> refusal() {
    Map<String, String> v = new HashMap<>();
    v.put("caseNumber", "42");
    v.put("applicantName", "张三");
    v.put("appliedOn", "2026年11月2日");
    v.put("decidedOn", "2026年12月4日");
    v.put("decidingOffice", "农安县民政局");
    v.put("townshipOffice", "农安镇人民政府");
    v.put("issuedOn", "2026年12月5日");
    v.put("reasons", "1. 家庭月人均收入812.00元，高于当地低保标准620.00元\n2. 拥有机动车1辆（Art.9）");
    v.put("reviewBody", "农安县人民政府");
    return v;
  }

  @Test
  void aMissingPlaceholderFailsNamingEveryMissingValue() {
    Map<String, String> v = refusal();
    v.remove("reasons");
    v.remove("decidedOn");
    v.put("remedies", "……");
    assertThatThrownBy(() -> templates.render("dibao-refused", v))
        .isInstanceOf(NoticeTemplateException.class)
        .hasMessageContaining("dibao-refused.txt").hasMessageContaining("decidedOn、reasons")
        .hasMessageContaining("未生成");
  }

  @Test
  void theRemediesNameTheReviewingBodyAndBothTimeLimits() {
    String remedies = templates.fragment("remedies", refusal());
    assertThat(remedies).isEqualTo("如对本决定不服，可以自收到本通知书之日起60日内向农安县人民政府申请行政复议，"
        + "也可以自收到本通知书之日起6个月内依法向人民法院提起行政诉讼。");
    assertThatThrownBy(() -> templates.fragment("remedies", Map.of()))
        .isInstanceOf(NoticeTemplateException.class).hasMessageContaining("reviewBody");
  }

  @Test
  void theRefusalRendersToAPdfWhoseTextCanBeExtracted() throws Exception {
    Map<String, String> v = refusal();
    v.put("remedies", templates.fragment("remedies", v));
    NoticeTemplates.Rendered r = templates.render("dibao-refused", v);
    assertThat(r.title()).isEqualTo("不予确认同意最低生活保障通知书");
    byte[] bytes = pdf.render(r, "test");
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
      assertThat(text).contains("不予确认同意最低生活保障通知书", "张三", "不予确认同意", "812.00元",
          "拥有机动车1辆（Art.9）", "60日内向农安县人民政府申请行政复议", "6个月内依法向人民法院提起行政诉讼")
          .doesNotContain("不予批准", "{{");
      PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
          .iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // a subset, not the whole font
    }
    assertThat(bytes.length).isLessThan(200_000);
  }

  @Test
  void aLongNoticeWrapsAndContinuesOnANewPage() throws Exception {
    Map<String, String> v = refusal();
    v.put("remedies", "救济");
    v.put("reasons", ("理由很长的一段文字，" + "需要换行。").repeat(400));
    byte[] bytes = pdf.render(templates.render("dibao-refused", v), "test");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("救济");
    }
  }

  @Test
  void aTemplateInTheTemplatesDirectoryReplacesTheBundledOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("remedies.txt"), "% note\n向{{reviewBody}}复议。\n", StandardCharsets.UTF_8);
    NoticeTemplates local = new NoticeTemplates(dir.toString());
    assertThat(local.fragment("remedies", refusal())).isEqualTo("向农安县人民政府复议。");
    assertThat(local.render("dibao-refused", Map.of("x", "y") .isEmpty() ? refusal() : withRemedies()).title())
        .isEqualTo("不予确认同意最低生活保障通知书");
    assertThatThrownBy(() -> local.source("../etc/passwd")).isInstanceOf(NoticeTemplateException.class);
  }

  private static Map<String, String> withRemedies() {
    Map<String, String> v = refusal();
    v.put("remedies", "x");
    return v;
  }

  @Test
  void aBadFontSettingFailsWithTheSettingsName() {
    assertThatThrownBy(() -> new NoticePdf("/no/such/font.ttf")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("doudi.notices.font");
  }
}
