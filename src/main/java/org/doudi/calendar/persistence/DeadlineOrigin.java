package org.doudi.calendar.persistence;

/**
 * The process definition a deadline belongs to: its id, key and scheme ({@link org.doudi.calendar.ModelSchemes});
 * the deadline monitor filters by them without asking the engine.
 */
public record DeadlineOrigin(String processDefinitionId, String processKey, String scheme) {

  public static final DeadlineOrigin UNKNOWN = new DeadlineOrigin(null, null, null);
}
