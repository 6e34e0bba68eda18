/**
 * Worklist (待办列表, issue 18 item 1): what a Tasklist task card shows beyond the task's name, so that a caseworker
 * tells cases apart — the applicant's name, the village and township, the scheme in Chinese, and the legal due date
 * with the working days left on the official calendar (calendar's open clocks, read through
 * {@link org.doudi.calendar.OpenDeadlines}). {@link org.doudi.worklist.TaskCards} answers for a list of task ids,
 * region-scoped to the caller; served at {@code GET /api/worklist/cards} to the Tasklist card plugin
 * ({@code app/tasklist/scripts/worklist-cards.js}) through the Camunda web-app session. The due-date filters
 * 今日到期/已逾期/本周到期 are shared filters created by {@code identity.internal.IdentityBootstrap}. See docs/worklist.md.
 */
package org.doudi.worklist;
