package org.doudi.calendar;

/** The scheme of a deployed model: the module folder it lives in ({@code processes/<scheme>/<key>.bpmn}). */
public final class ModelSchemes {

  private ModelSchemes() {}

  /**
   * {@code processes/dibao/dibao-application.bpmn} → {@code dibao}; for a resource outside {@code processes/} its
   * folder ({@code calendar/x.bpmn} → {@code calendar}); {@code null} without one.
   */
  public static String of(String resourceName) {
    if (resourceName == null) {
      return null;
    }
    String[] parts = resourceName.replace('\\', '/').split("/");
    if (parts.length < 2) {
      return null;
    }
    String folder = parts[parts.length - 2];
    return folder.isBlank() || folder.length() > 30 ? null : folder;
  }
}
