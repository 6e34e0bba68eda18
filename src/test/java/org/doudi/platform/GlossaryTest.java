package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The terms a caseworker reads are those of the rules (docs/glossary.md, "用词规范"): no forbidden term in the forms,
 * the models, our web-app locale files or the Chinese string literals of the application, except where the
 * allow-list below says why the word is legally right there; one citation style for articles and notice sections.
 */
class GlossaryTest {

  static final Path ROOT = Path.of(".");
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * Where a forbidden term is right. Each entry: the term, a path prefix (relative to the project root), and why.
   * Keep this list short; a new entry needs a reason a legal reviewer accepts.
   */
  static final List<Allowed> ALLOWED = List.of(
      // 临时救助 is approved (审批) by the county or township: 《社会救助暂行办法》第四十八条, 吉民发〔2020〕40号 四（一）
      new Allowed("批准", "processes/temporary/", "临时救助 审批"),
      new Allowed("批准", "src/main/java/org/doudi/temporary/", "临时救助 审批"),
      new Allowed("批准", "src/main/java/org/doudi/unemployed/", "未参保失业人员 一次性临时救助金 is 临时救助 (审批)"),
      new Allowed("批准", "processes/unemployed/", "未参保失业人员 一次性临时救助金 is 临时救助 (审批)"),
      // 残疾人两项补贴 are approved by the county (审批), not confirmed under the 低保 rule
      new Allowed("批准", "forms/disability-", "残疾人两项补贴 县级审批"),
      new Allowed("批准", "processes/disability/", "残疾人两项补贴 县级审批"),
      new Allowed("批准", "src/main/java/org/doudi/disability/", "残疾人两项补贴 县级审批"),
      // a rule change is approved by a second analyst (docs/security.md): internal four-eyes approval, no benefit
      new Allowed("批准", "forms/rule-approval.form", "规则变更审批"),
      new Allowed("批准", "processes/engine/rule-approval.bpmn", "规则变更审批"),
      new Allowed("批准", "src/main/java/org/doudi/engine/internal/RuleApprovalCheck.java", "规则变更审批"),
      // a batch of standards is approved by a second administrator (docs/security.md), like a rule change
      new Allowed("批准", "forms/standard-batch-approval.form", "标准批次审批"),
      new Allowed("批准", "processes/standards/standard-batch-approval.bpmn", "标准批次审批"),
      new Allowed("批准", "src/main/java/org/doudi/standards/", "标准批次审批"),
      // writing off an overpayment needs an approval (批准文号) outside the system: 《社会救助暂行办法》第六十八条
      new Allowed("批准", "forms/recovery-record.form", "核销须经批准"),
      new Allowed("批准", "processes/funds/overpayment-recovery.bpmn", "核销须经批准"),
      new Allowed("批准", "src/main/java/org/doudi/funds/Recoveries.java", "核销须经批准"),
      // the fund-monitoring report sums all schemes (临时救助 审批 included); its column names are a file format
      new Allowed("批准", "src/main/java/org/doudi/funds/internal/MonitoringCsv.java", "资金监管报表列名"),
      new Allowed("批准", "src/main/resources/static/funds/", "资金监管看板，同上"),
      // a vagrant's settlement is approved by the local government (《城市生活无着的流浪乞讨人员救助管理办法》)
      new Allowed("批准", "forms/vagrant-settlement.form", "当地政府批准安置"),
      new Allowed("批准", "src/main/java/org/doudi/supervision/vagrant/", "当地政府批准安置"),
      // a petition's handling time is extended with approval (《信访工作条例》第三十七条, 经批准可以适当延长)
      new Allowed("批准", "processes/supervision/petition.bpmn", "信访办理期限经批准延长"));

  /** Files not yet reviewed for the terms (none: every form, model and message is checked). */
  static final List<String> NOT_YET_REVIEWED = List.of();

  /** Citation style (docs/glossary.md): article numbers in Chinese numerals, notice sections in full-width brackets. */
  static final Map<String, Pattern> STYLE = Map.of(
      "article number in Arabic digits (write 第十八条)", Pattern.compile("第\\d+条"),
      "half-width brackets around a section number (write 二（一）)", Pattern.compile("[一二三四五六七八九十]\\([一二三四五六七八九十]+\\)"),
      "space between a title and its article (write 》第)", Pattern.compile("》 +第"));

  record Allowed(String term, String pathPrefix, String reason) {}

  record Text(String path, String text) {}

  @Test
  void theGlossaryListsForbiddenTerms() throws IOException {
    List<String[]> rules = forbidden();
    assertThat(rules).extracting(r -> r[0]).contains("批准", "越权", "机动车辆", "县（区）");
    assertThat(rules).allSatisfy(r -> assertThat(r[1]).as("preferred term for " + r[0]).isNotBlank());
  }

  @Test
  void noForbiddenTermWhereACaseworkerReads() throws IOException {
    List<String> found = new ArrayList<>();
    List<Text> texts = texts();
    assertThat(texts).as("forms, models, locales and Java literals were read").hasSizeGreaterThan(200);
    for (String[] rule : forbidden()) {
      for (Text t : texts) {
        int at = t.text().indexOf(rule[0]);
        if (at >= 0 && !allowed(rule[0], t.path())) {
          found.add(t.path() + ": “" + excerpt(t.text(), at) + "” — use " + rule[1]);
        }
      }
    }
    assertThat(found).as("forbidden terms (docs/glossary.md, 用词规范)").isEmpty();
  }

  @Test
  void oneCitationStyle() throws IOException {
    List<String> found = new ArrayList<>();
    for (Text t : texts()) {
      if (NOT_YET_REVIEWED.contains(t.path())) {
        continue;
      }
      STYLE.forEach((what, p) -> {
        Matcher m = p.matcher(t.text());
        if (m.find()) {
          found.add(t.path() + ": “" + excerpt(t.text(), m.start()) + "” — " + what);
        }
      });
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theScanFindsAForbiddenTerm() {
    // the scan can fail: a literal with a forbidden term outside the allow-list is found, inside it is not
    Text bad = new Text("src/main/java/org/doudi/dibao/X.java", literals("  throw new X(\"低保申请已批准\");"));
    assertThat(bad.text()).contains("已批准");
    assertThat(allowed("批准", bad.path())).isFalse();
    assertThat(allowed("批准", "src/main/java/org/doudi/temporary/internal/X.java")).isTrue();
    assertThat(literals("  // 已批准 in a comment\n  x(\"english only\");")).isEmpty();
    assertThat(STYLE.values()).anySatisfy(p -> assertThat(p.matcher("（第20条）").find()).isTrue());
  }

  /** The rows of the "用词规范" table: {forbidden, preferred}. */
  static List<String[]> forbidden() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("docs/glossary.md"), StandardCharsets.UTF_8);
    List<String[]> rules = new ArrayList<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith("## 用词规范");
        continue;
      }
      if (inSection && line.startsWith("|") && !line.startsWith("|---") && !line.contains("禁用 (forbidden)")) {
        String[] cells = line.split("\\|");
        rules.add(new String[] {cells[1].strip(), cells[2].strip()});
      }
    }
    return rules;
  }

  static boolean allowed(String term, String path) {
    return NOT_YET_REVIEWED.contains(path)
        || ALLOWED.stream().anyMatch(a -> a.term().equals(term) && path.startsWith(a.pathPrefix()));
  }

  static List<Text> texts() throws IOException {
    List<Text> all = new ArrayList<>();
    for (Path p : files("forms", ".form")) {
      all.add(new Text(rel(p), read(p)));
    }
    for (Path p : files("processes", ".bpmn")) {
      all.add(new Text(rel(p), read(p)));
    }
    for (Path p : files("processes", ".dmn")) {
      all.add(new Text(rel(p), read(p)));
    }
    for (Path p : files("src/main/resources/META-INF/resources/webjars/camunda/app", "zh.json")) {
      all.add(new Text(rel(p), read(p)));
    }
    for (Path p : files("src/main/java", ".java")) {
      String s = literals(read(p));
      if (!s.isEmpty()) {
        all.add(new Text(rel(p), s));
      }
    }
    for (Path p : files("src/main/resources/static", ".html")) {
      all.add(new Text(rel(p), read(p)));
    }
    // the notices' templates: what the applicant reads (docs/notices.md)
    for (Path p : files("src/main/resources/notices", ".txt")) {
      all.add(new Text(rel(p), read(p)));
    }
    return all;
  }

  /** The Chinese string literals of a Java source, one per line; comment lines are skipped. */
  static String literals(String source) {
    StringBuilder out = new StringBuilder();
    for (String line : source.split("\n")) {
      String l = line.strip();
      if (l.startsWith("*") || l.startsWith("//") || l.startsWith("/*")) {
        continue;
      }
      Matcher m = STRING_LITERAL.matcher(line);
      while (m.find()) {
        if (CJK.matcher(m.group(1)).find()) {
          out.append(m.group(1)).append('\n');
        }
      }
    }
    return out.toString();
  }

  static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  static String rel(Path p) {
    return ROOT.relativize(p).normalize().toString().replace('\\', '/');
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  static String excerpt(String s, int at) {
    return s.substring(Math.max(0, at - 15), Math.min(s.length(), at + 20)).replace('\n', ' ');
  }
}
