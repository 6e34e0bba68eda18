package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The counter start forms choose the region by name from lists written into the form by ops/region-selects.py
 * (Tasklist opens a start form without variables): the lists must be the region table's townships and villages in
 * use (abolished ones stay in the table for their cases, not in the lists).
 */
@DoudiTest
class RegionSelectsTest {

  static final List<String> FORMS = List.of("forms/dibao-start.form", "forms/temporary-expenditure-start.form",
      "forms/temporary-emergency-start.form", "forms/tekun-start.form", "forms/unemployed-start.form",
      "forms/petition-start.form");
  static final Pattern BRANCH = Pattern.compile("if township = \"(\\d{9})\" then \\[(.*?)\\](?= else)");
  static final Pattern ITEM = Pattern.compile("\\{label: \"([^\"]*)\", value: \"(\\d{12})\"\\}");

  @Autowired Regions regions;

  @Test
  void theStartFormsListTheRegionTablesTownshipsAndVillagesByName() throws Exception {
    Map<String, String> townships = new LinkedHashMap<>();
    Map<String, List<String>> villages = new LinkedHashMap<>();
    for (Region t : regions.list()) {
      if (t.level() == RegionLevel.TOWNSHIP && t.inUse()) {
        townships.put(t.code(), regions.get(t.parentCode()).name() + t.name());
        villages.put(t.code(), regions.children(t.code()).stream()
            .filter(v -> v.level() == RegionLevel.VILLAGE && v.inUse())
            .map(v -> v.name() + "=" + v.code()).sorted().toList());
      }
    }
    assertThat(townships).isNotEmpty();
    for (String file : FORMS) {
      JsonNode form = new ObjectMapper().readTree(Path.of(file).toFile());
      Map<String, String> listed = new LinkedHashMap<>();
      Map<String, List<String>> listedVillages = new LinkedHashMap<>();
      for (JsonNode c : form.path("components")) {
        if (c.path("key").asText().equals("township")) {
          c.path("values").forEach(v -> listed.put(v.path("value").asText(), v.path("label").asText()));
        }
        if (c.path("key").asText().equals("regionCode")) {
          assertThat(c.path("type").asText()).as(file + ": village is a select").isEqualTo("select");
          Matcher m = BRANCH.matcher(c.path("valuesExpression").asText());
          while (m.find()) {
            List<String> items = new ArrayList<>();
            Matcher i = ITEM.matcher(m.group(2));
            while (i.find()) {
              items.add(i.group(1) + "=" + i.group(2));
            }
            listedVillages.put(m.group(1), items.stream().sorted().toList());
          }
        }
      }
      assertThat(listed).as(file + " townships (run ops/region-selects.py)").isEqualTo(townships);
      assertThat(listedVillages).as(file + " villages per township (run ops/region-selects.py)").isEqualTo(villages);
    }
  }
}
