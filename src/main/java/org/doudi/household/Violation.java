package org.doudi.household;

/**
 * One problem with an application: {@code field} is the JSON path ({@code members[1].idNumber}), {@code message}
 * the Chinese explanation naming the member and the reason.
 */
public record Violation(String field, String message) {}
