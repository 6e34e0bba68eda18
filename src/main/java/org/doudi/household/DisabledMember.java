package org.doudi.household;

/**
 * A member with a disability (残疾人证 category and grade) as one application records them, with the household's
 * place, status and bank account: what the two disability subsidies' proactive discovery and applications read
 * (docs/disability.md). {@code memberId} orders a scan; a person appears once per application they are a member of.
 */
public record DisabledMember(long memberId, long applicationId, String name, String idNumber,
    HouseholdApplication.DisabilityCategory category, int grade, String countyCode, String regionCode,
    HouseholdApplication.UrbanRural urbanRural, ApplicationStatus status, String bankName, String accountNumber,
    String accountHolder) {}
