package org.doudi.engine;

import java.util.List;

/** The models of one deployment: BPMN and DMN from {@code processes/}, Camunda Forms from {@code forms/}. */
public record ModelSet(List<ModelResource> resources) {

  /** A model file with its stable resource name (relative, e.g. {@code processes/dibao/dibao-application.bpmn}). */
  public record ModelResource(String name, byte[] content) {
    public boolean isBpmn() {
      return name.endsWith(".bpmn");
    }

    public boolean isDmn() {
      return name.endsWith(".dmn");
    }

    public boolean isForm() {
      return name.endsWith(".form");
    }
  }
}
