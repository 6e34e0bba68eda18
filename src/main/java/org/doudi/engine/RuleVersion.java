package org.doudi.engine;

import java.time.Instant;

/**
 * One version of a money rule and whether it decides (table rule_approval). {@code author} is who deployed it
 * ({@code application} for the start-up deployment).
 */
public record RuleVersion(String decisionDefinitionId, String decisionKey, int version, String deploymentId,
    String author, Instant deployedAt, String inForceBefore, Status status, String decidedBy, Instant decidedAt,
    String note, String processInstanceId) {

  public enum Status {
    /** Deployed by the application at start-up (the reviewed files of the repository). */
    STARTUP,
    /** Byte for byte the version in force when it was deployed: it decides the same. */
    UNCHANGED,
    /** Waiting for a second person in process rule-approval; the version in force keeps deciding. */
    PENDING,
    APPROVED,
    /** Never takes effect. */
    REJECTED,
    /** A newer version came before this one was decided; it never takes effect. */
    SUPERSEDED;

    public boolean inForce() {
      return this == STARTUP || this == UNCHANGED || this == APPROVED;
    }
  }
}
