package org.doudi.notice;

/**
 * A template that cannot be rendered: unreadable, or naming a placeholder the caller did not fill. The step that
 * issues the notice fails with it (its transaction rolls back), so no incomplete notice is ever stored.
 */
public class NoticeTemplateException extends RuntimeException {

  public NoticeTemplateException(String message) {
    super(message);
  }

  public NoticeTemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
