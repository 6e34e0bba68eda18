package org.doudi.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fields of a deployed Camunda Form: those a user fills in ({@code editable}) and those it only shows
 * ({@code shown}: disabled or read-only, so Tasklist displays the variable but a submission may only echo it).
 */
record FormFields(Set<String> editable, Set<String> shown, FormRules rules) {

  static final FormFields NONE = new FormFields(Set.of(), Set.of(), FormRules.NONE);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WITHOUT_VALUE = Set.of("text", "button", "spacer", "separator", "image", "html");

  static FormFields parse(InputStream form) {
    if (form == null) {
      return NONE;
    }
    try (InputStream in = form) {
      Set<String> editable = new LinkedHashSet<>();
      Set<String> shown = new LinkedHashSet<>();
      JsonNode schema = JSON.readTree(in);
      collect(schema, editable, shown, false);
      shown.removeAll(editable);
      return new FormFields(Set.copyOf(editable), Set.copyOf(shown), FormRules.of(schema));
    } catch (IOException e) {
      throw new IllegalStateException("Deployed form is not readable JSON", e);
    }
  }

  private static void collect(JsonNode node, Set<String> editable, Set<String> shown, boolean inheritedReadOnly) {
    JsonNode components = node.path("components");
    for (JsonNode c : components) {
      boolean readOnly = inheritedReadOnly || c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
      String path = c.path("path").asText("");
      if (!path.isEmpty()) {
        // a dynamic list or a group with a path submits its fields as one object/array variable named by the path's
        // first segment; the module that reads it checks what is inside
        (readOnly ? shown : editable).add(path.split("\\.", 2)[0]);
        continue;
      }
      String key = c.path("key").asText("");
      if (!key.isEmpty() && !WITHOUT_VALUE.contains(c.path("type").asText())) {
        (readOnly ? shown : editable).add(key);
      }
      collect(c, editable, shown, readOnly);
    }
  }
}
