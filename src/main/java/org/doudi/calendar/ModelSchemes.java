package org.doudi.calendar;

import java.util.Map;

/** The scheme of a deployed model: the module folder it lives in ({@code processes/<scheme>/<key>.bpmn}). */
public final class ModelSchemes {

  /**
   * Versions deployed before the models moved to their module's folder (docs/architecture.md, "Layout") keep their
   * old resource names; running cases on them still count under the module that owns them now.
   */
  private static final Map<String, String> MOVED = Map.of(
      "processes/payment/overpayment-recovery.bpmn", "funds",
      "processes/temporary/unemployed-assistance.bpmn", "unemployed");

  private ModelSchemes() {}

  /**
   * {@code processes/dibao/dibao-application.bpmn} → {@code dibao}; for a resource outside {@code processes/} its
   * folder ({@code calendar/x.bpmn} → {@code calendar}); {@code null} without one.
   */
  public static String of(String resourceName) {
    if (resourceName == null) {
      return null;
    }
    String name = resourceName.replace('\\', '/');
    if (MOVED.containsKey(name)) {
      return MOVED.get(name);
    }
    if (name.startsWith("processes/payment/")) {
      return "payroll";
    }
    String[] parts = name.split("/");
    if (parts.length < 2) {
      return null;
    }
    String folder = parts[parts.length - 2];
    return folder.isBlank() || folder.length() > 30 ? null : folder;
  }
}
