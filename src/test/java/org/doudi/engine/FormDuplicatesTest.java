package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Camunda Form in {@code forms/}: no component id and no field key declared twice (nested groups included). A
 * form with a duplicate id does not open in Tasklist (form-js refuses to render it); two fields with one key write
 * one variable twice; two fields with one label side by side cannot be told apart by the caseworker (the 急难型
 * paperwork showed 救助金额（元） twice: the amount paid and the amount to confirm). Plain JUnit, no Spring context.
 */
class FormDuplicatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The duplicates of one form, as "id X" / "key Y" (empty when there are none). */
  static List<String> duplicates(JsonNode form) {
    List<String> problems = new ArrayList<>();
    walk(form, new HashSet<>(), new HashSet<>(), problems);
    return problems;
  }

  private static void walk(JsonNode node, Set<String> ids, Set<String> keys, List<String> problems) {
    Set<String> labels = new HashSet<>(); // per level: a dynamic list's row repeats the labels of its own fields
    for (JsonNode c : node.path("components")) {
      if (c.hasNonNull("key") && c.hasNonNull("label") && !labels.add(c.get("label").asText())) {
        problems.add("label " + c.get("label").asText());
      }
      if (c.hasNonNull("id") && !ids.add(c.get("id").asText())) {
        problems.add("id " + c.get("id").asText());
      }
      if (c.hasNonNull("key") && !keys.add(c.get("key").asText())) {
        problems.add("key " + c.get("key").asText());
      }
      walk(c, ids, keys, problems);
    }
  }

  @Test
  void noFormDeclaresAComponentIdOrAFieldKeyTwice() throws IOException {
    List<Path> forms;
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).hasSizeGreaterThan(20);
    List<String> problems = new ArrayList<>();
    for (Path f : forms) {
      JsonNode form = JSON.readTree(f.toFile());
      assertThat(form.path("id").asText()).as(f + " has an id").isNotBlank();
      duplicates(form).forEach(d -> problems.add(f.getFileName() + ": " + d + " appears twice"));
    }
    assertThat(problems).as("duplicate component ids or field keys in forms/").isEmpty();
  }

  @Test
  void theCheckFindsDuplicatesAlsoInsideGroups() throws IOException {
    JsonNode bad = JSON.readTree("""
        {"id": "f", "components": [
          {"type": "textfield", "key": "amount", "id": "Field_amount"},
          {"type": "group", "id": "Group_1", "components": [
            {"type": "number", "key": "amount", "id": "Field_amount"}]}]}
        """);
    assertThat(duplicates(bad)).containsExactly("id Field_amount", "key amount");
    JsonNode sameLabel = JSON.readTree("""
        {"id": "f", "components": [
          {"type": "textfield", "key": "amount", "label": "救助金额（元）", "id": "Field_amount"},
          {"type": "number", "key": "amountConfirmed", "label": "救助金额（元）", "id": "Field_amountConfirmed"}]}
        """);
    assertThat(duplicates(sameLabel)).containsExactly("label 救助金额（元）");
  }
}
