package org.doudi.household;

import java.time.OffsetDateTime;

/** The few facts about a stored application that lists, forms and process variables need. */
public record ApplicationSummary(
    long id,
    String applicantName,
    String applicantIdNumber,
    int memberCount,
    String countyCode,
    String countyName,
    String regionCode,
    String regionName,
    HouseholdApplication.UrbanRural urbanRural,
    boolean separateRegistration,
    boolean hasAgent,
    boolean hasSeriousIllness,
    boolean hasSevereDisability,
    ApplicationStatus status,
    String processInstanceId,
    String registeredBy,
    OffsetDateTime registeredAt) {}
