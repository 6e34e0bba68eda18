/**
 * 残疾人两项补贴 (吉民发〔2020〕40号 三(四), issue 15 item 6): 困难残疾人生活补贴 for disabled members of 低保 and 低收入
 * households and 重度残疾人护理补贴 for grades 1–2 and grade 3–4 intellectual/mental disability. Proactive discovery
 * over the household records (主动发现), applications, township review, county decision (four eyes), the grant as a
 * monthly award paid by the payroll, and the stop when the basis ends. Tables {@code disability_*}; rules
 * {@code disability-subsidy-eligibility} and {@code disability-subsidy-amount}. See docs/disability.md.
 */
package org.doudi.disability;
