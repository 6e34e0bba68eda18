package org.doudi.payment;

/**
 * Who receives a payment. {@code beneficiaryKey} is the stable id of the household or person across payments
 * ({@code HH-<applicationId>}, {@code P-<idNumber>}); bank fields are required for {@link Channel#BANK}.
 */
public record Payee(String beneficiaryKey, String name, String idNumber, String bankName, String accountNumber) {}
