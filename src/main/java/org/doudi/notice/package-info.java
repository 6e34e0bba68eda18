/**
 * Notices as documents (通知书; issue 20 item 3, docs/notices.md): 受理通知, 一次性告知书, 不予受理, 不予确认同意 and the
 * other refusals with their remedies, 确认通知书, the 公示 list, the recovery notice. Texts live in templates an
 * administrator can read ({@code src/main/resources/notices/*.txt}, or a directory set by
 * {@code doudi.notices.templates-dir}); each notice is rendered to a PDF with an embedded Chinese font subset and
 * stored with the case through {@link org.doudi.document.Documents} as material {@code NOTICE}. Public API:
 * {@link org.doudi.notice.Notices}, {@link org.doudi.notice.NoticeRequest}, {@link org.doudi.notice.NoticeKind},
 * {@link org.doudi.notice.IssuedNotice}. Table {@code notice_issue}.
 */
package org.doudi.notice;
