package org.doudi.payment;

import java.time.Instant;

/** One step in the life of a payment; {@code from} is null for the row's creation. */
public record StatusChange(PaymentStatus from, PaymentStatus to, Instant at, String by, String note) {}
