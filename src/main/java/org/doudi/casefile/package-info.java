/**
 * The case file (案件概况, issue 18 item 2): the whole case of any scheme on one screen — the process, the household
 * and its members (or the persons the scheme records), the assessment with its reasons and articles, decisions,
 * awards and their changes, payments with their status path, legal clocks and clock stops, the steps taken and the
 * audit entries — read only through the other modules' public APIs ({@link org.doudi.casefile.CaseFiles}), served at
 * {@code GET /api/cases/overview} and shown as the Tasklist tab 案件概况. See docs/case-overview.md.
 */
package org.doudi.casefile;
