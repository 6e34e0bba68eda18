/**
 * 低收入人口监测预警 (issue 15 item 5; 吉民发〔2020〕40号 一(二)): the register of the low-income population
 * ({@code watch_entry}: households that left 低保/特困 within two years, rejected applicants, 低保边缘 families,
 * 支出型 临时救助 recipients, people found by 主动发现) and its alerts ({@code watch_alert}: each a township task in
 * process {@code processes/watch/watch-alert.bpmn}, closed only with a reason code, counted per rule and month).
 * Other modules publish events (records in their top-level packages) that this module's listeners turn into entries
 * and alerts; {@link org.doudi.watch.WatchList} is the API for the rest. See docs/watch.md.
 */
package org.doudi.watch;
