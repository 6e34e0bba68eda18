package org.doudi.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reading a completed task's form values in a server-side form check (complete listener): a missing, too long or
 * unknown value throws {@link FormFieldValidationException} naming the field in Chinese, so the completion rolls back,
 * the task stays open and the REST API answers 400. For new form checks; the older modules keep their own copies.
 */
public final class TaskFields {

  private TaskFields() {}

  /** The value stripped, or null when absent or blank. */
  public static String optional(DelegateTask task, String key) {
    Object v = task.getVariable(key);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  /** A required text of at most {@code max} characters. */
  public static String text(DelegateTask task, String key, String label, int max) {
    String s = optional(task, key);
    if (s == null) {
      throw new FormFieldValidationException(key, "请填写“" + label + "”");
    }
    if (s.length() > max) {
      throw new FormFieldValidationException(key, "“" + label + "”最多" + max + "个字，现有" + s.length() + "个字");
    }
    return s;
  }

  /** A required choice among {@code allowed}. */
  public static String oneOf(DelegateTask task, String key, String label, String... allowed) {
    String s = optional(task, key);
    if (s == null) {
      throw new FormFieldValidationException(key, "请选择“" + label + "”");
    }
    if (!Set.of(allowed).contains(s)) {
      throw new FormFieldValidationException(key, "“" + label + "”的值" + s + "无效，可选：" + String.join("、", allowed));
    }
    return s;
  }

  /** Who completes the task: the signed-in user, else the assignee; null when neither is known. */
  public static String actor(DelegateTask task) {
    String user = EngineContext.currentUser();
    return user != null ? user : task.getAssignee();
  }
}
