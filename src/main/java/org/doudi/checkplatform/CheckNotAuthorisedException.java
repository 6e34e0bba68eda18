package org.doudi.checkplatform;

/** The household has not signed the authorisation (授权书); the platform may not be asked (暂行办法 第58条). */
public class CheckNotAuthorisedException extends RuntimeException {
  public CheckNotAuthorisedException(String applicationId) {
    super("申请 " + applicationId + " 未签署家庭经济状况核对授权书，不能提请信息核对");
  }
}
