/**
 * 儿童基本生活费 (issue 16 item 6; 吉民发〔2020〕40号 三(三)): recognition of 孤儿 and 事实无人抚养儿童 on the guardian's
 * application, township investigation, county decision (four eyes), the monthly award paid by the payroll as scheme
 * CHILD_SUBSIDY, the county's standards for 集中养育 and 社会散居 with their history, the yearly review and the end at
 * 18. The child is held in the one-person register (scheme CHILD_SUBSIDY), so a child is never both 特困 (or in a
 * 低保 household's award) and in this subsidy. Tables {@code child_*}. See docs/child.md.
 */
package org.doudi.child;
