/**
 * Standards in bulk (issue 19 item 3): a county table of 低保 or 特困 standards from CSV, each row checked exactly as
 * the single entry checks it ({@code DibaoStandards.check}, {@code TekunStandards.check}), in force only after a
 * second administrator approved the batch (docs/eligibility.md, "标准批量导入"). Owns {@code standard_batch*}.
 */
package org.doudi.standards;
