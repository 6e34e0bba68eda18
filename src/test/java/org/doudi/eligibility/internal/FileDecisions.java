package org.doudi.eligibility.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;

/** The decision files as shipped ({@code processes/rules/<key>.dmn} on the classpath), for tests without Spring. */
public final class FileDecisions implements DecisionSource {

  private final DmnEngineHolder engine = new DmnEngineHolder();

  public DmnEngineHolder engine() {
    return engine;
  }

  @Override
  public DmnDecision decision(String key) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/rules/" + key + ".dmn")) {
      if (in == null) {
        throw new IllegalStateException("processes/rules/" + key + ".dmn not on the classpath");
      }
      return engine.get().parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DibaoDecisions decisions() {
    FileDecisions files = new FileDecisions();
    return new DibaoDecisions(files, files.engine());
  }
}
