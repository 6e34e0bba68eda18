/**
 * The adapter to the provincial 家庭经济状况信息核对平台 (社会救助暂行办法 第58条; 审核确认办法 第17条):
 * {@link org.doudi.checkplatform.CheckPlatform}, with an HTTP client and a local simulator
 * ({@code doudi.check-platform.mode=http|simulator}). See docs/eligibility.md.
 */
package org.doudi.checkplatform;
