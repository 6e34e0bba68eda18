package org.doudi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every key of Camunda's English web-app locale (from the 7.24 webjar on the classpath) has a Chinese
 * entry of ours, keeping its placeholders; and the app offers zh.
 */
class ChineseLocaleTest {

  static final String BASE = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  /** English plural suffixes ("batch" + "s"): Chinese has none, so the entry is rightly empty. */
  static final List<String> EMPTY_IN_CHINESE = List.of("/labels/PLGN_BATCH_S", "/labels/PLGN_MIG_S");
  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAChineseEntry(String app) throws Exception {
    JsonNode en = read(BASE + app + "/locales/en.json");
    JsonNode zh = read(BASE + app + "/locales/zh.json");
    List<String> missing = new ArrayList<>();
    List<String> brokenPlaceholders = new ArrayList<>();
    compare(en, zh, "", missing, brokenPlaceholders);
    assertThat(missing).as(app + ": English keys without a Chinese entry").isEmpty();
    assertThat(brokenPlaceholders).as(app + ": Chinese entries that lost a {{placeholder}}").isEmpty();
    assertThat(zh.toString()).as("it is Chinese").containsPattern("[\\u4e00-\\u9fff]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theAppOffersChinese(String app) throws Exception {
    try (InputStream in = new ClassPathResource(BASE + app + "/scripts/config.js").getInputStream()) {
      String config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(config).containsPattern("availableLocales:\\s*\\[[^]]*'zh'").contains("'en'");
    }
  }

  private void compare(JsonNode en, JsonNode zh, String path, List<String> missing, List<String> broken) {
    if (en.isContainerNode()) {
      if (en.isObject()) {
        en.fieldNames().forEachRemaining(k -> {
          JsonNode z = zh == null ? null : zh.get(k);
          compare(en.get(k), z, path + "/" + k, missing, broken);
        });
      } else {
        for (int i = 0; i < en.size(); i++) {
          compare(en.get(i), zh == null ? null : zh.get(i), path + "[" + i + "]", missing, broken);
        }
      }
      return;
    }
    boolean emptyByMistake = zh != null && zh.isTextual() && zh.asText().isEmpty() && !en.asText().isEmpty()
        && !EMPTY_IN_CHINESE.contains(path);
    if (zh == null || zh.isNull() || emptyByMistake) {
      missing.add(path);
      return;
    }
    Matcher m = PLACEHOLDER.matcher(en.asText());
    while (m.find()) {
      String p = m.group().replace(" ", "");
      if (!zh.asText().replace(" ", "").contains(p)) {
        broken.add(path + " " + m.group());
      }
    }
  }

  /** The English file carries a BOM; our files do not. */
  private JsonNode read(String path) throws Exception {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return json.readTree(s.startsWith("\uFEFF") ? s.substring(1) : s);
    }
  }
}
