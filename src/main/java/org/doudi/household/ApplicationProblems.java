package org.doudi.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The one 400 answer for a bad application, shared by every controller that takes a {@link HouseholdApplication}:
 * <pre>
 * {"type":"urn:doudi:problem:invalid-application","title":"申请内容有误","status":400,
 *  "detail":"申请内容有1处错误：第2位成员（李四）的身份证号码校验位错误，应为X",
 *  "violations":[{"field":"members[1].idNumber","message":"第2位成员（李四）的身份证号码校验位错误，应为X"}]}
 * </pre>
 * In a module's {@code platform.ProblemAnswers} bean: {@code @ExceptionHandler(InvalidApplicationException.class) ProblemDetail bad(InvalidApplicationException e)
 * { return ApplicationProblems.of(e); }} and likewise {@link #of(HttpMessageNotReadableException)} for JSON that
 * does not even map to the record (an unknown enum value, text where a number belongs).
 */
public final class ApplicationProblems {

  public static final URI TYPE = URI.create("urn:doudi:problem:invalid-application");
  public static final String TITLE = "申请内容有误";

  private ApplicationProblems() {}

  public static ProblemDetail of(InvalidApplicationException e) {
    return of(e.violations());
  }

  public static ProblemDetail of(List<Violation> violations) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        new InvalidApplicationException(violations).getMessage());
    p.setType(TYPE);
    p.setTitle(TITLE);
    p.setProperty("violations", List.copyOf(violations));
    return p;
  }

  /** A body that is not JSON or does not fit the record, in the same shape (field = JSON path). */
  public static ProblemDetail of(HttpMessageNotReadableException e) {
    return of(List.of(unreadable(e.getCause())));
  }

  /** For any controller's unreadable body: which field, which value, what was expected, in Chinese. */
  public static String unreadableMessage(HttpMessageNotReadableException e) {
    return unreadable(e.getCause()).message();
  }

  static Violation unreadable(Throwable cause) {
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = path(m);
      String given = cause instanceof InvalidFormatException f && f.getValue() != null ? "“" + f.getValue() + "”" : "";
      Class<?> target = cause instanceof MismatchedInputException mi ? mi.getTargetType() : null;
      return new Violation(field, "字段 " + field + " 的值" + given + "无效" + expected(target));
    }
    if (cause instanceof JsonProcessingException) {
      return new Violation("", "请求内容不是有效的JSON");
    }
    return new Violation("", "请求内容无法读取");
  }

  private static String path(JsonMappingException m) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    return b.toString();
  }

  private static String expected(Class<?> target) {
    if (target == null) {
      return "";
    }
    if (target.isEnum()) {
      return "，可选值：" + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、"));
    }
    if (target == BigDecimal.class || target == BigInteger.class || Number.class.isAssignableFrom(target)
        || target == int.class || target == long.class) {
      return "，应为数字";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "，应为 true 或 false";
    }
    if (List.class.isAssignableFrom(target)) {
      return "，应为列表";
    }
    return "";
  }
}
