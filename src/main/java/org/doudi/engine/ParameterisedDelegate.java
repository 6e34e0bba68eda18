package org.doudi.engine;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A {@link JavaDelegate} that one service task or another uses with a different fixed choice, given as the task's
 * input parameter ({@link TaskParameter}). Tests check that every model task using such a delegate sets the parameter
 * to a known value, and that element templates offer exactly these values.
 */
public interface ParameterisedDelegate extends JavaDelegate {

  /** The input parameter this delegate reads, with its allowed values. */
  TaskParameter parameter();
}
