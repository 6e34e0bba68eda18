/**
 * 动态管理 (issue 15 items 2 and 3): every 低保 award gets a review class (分类施保, DMN {@code dibao-review-class}) and a
 * next review date; a daily timer process ({@code dibao-review-schedule}) starts the due reviews in bounded chunks,
 * and changes reported by households or found by the system open a review at once. Process
 * {@code processes/review/dibao-review.bpmn}; public API {@link org.doudi.review.Reviews}; see docs/review.md.
 */
package org.doudi.review;
