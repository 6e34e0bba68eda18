/**
 * Supervision (督办, issue 17): oversight of how cases are handled across the province. The root holds the deadline
 * monitor (办理时限监控, {@link org.doudi.supervision.DeadlineMonitor}): every open legal clock of every process
 * (calendar's open DUE and TIMER deadlines, read through {@link org.doudi.calendar.OpenDeadlines}) with the working
 * days left on the official calendar, a colour band and counts per county and township, region-scoped to the caller,
 * served at {@code GET /api/supervision/deadlines} and {@code /counts} to the Cockpit plugin. Sub-packages
 * {@code supervision.petition…}, {@code supervision.vagrant…}, {@code supervision.escalation…} hold the other
 * supervision features. See docs/supervision.md.
 */
package org.doudi.supervision;
