package org.doudi.notice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doudi.notice.NoticeTemplateException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The notices' texts: plain UTF-8 files an administrator can read and change, {@code notices/<name>.txt} on the
 * class path, or the same name in {@code doudi.notices.templates-dir} when that directory holds it (read at each
 * notice, so a corrected text applies to the next one without a restart).
 *
 * <p>Format (docs/notices.md): lines starting with {@code %} are notes for the administrator and are not printed;
 * the first other line is the title; {@code {{name}}} is replaced by the value {@code name} (a value of several
 * lines stays on its lines); a line starting with {@code >>} is printed flush right (office, date). A placeholder
 * without a value is an error naming the template and every missing name: a notice is complete or not issued.
 */
@Component
public class NoticeTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,60}");

  private final Path directory;

  public NoticeTemplates(@Value("${doudi.notices.templates-dir:}") String directory) {
    this.directory = directory == null || directory.isBlank() ? null : Path.of(directory.strip());
  }

  /** A rendered notice: the title and the body lines (a line starting with {@code >>} is right-aligned). */
  public record Rendered(String title, List<String> lines) {

    /** The whole text, title first, as one string (for the text rows other code keeps). */
    public String plain() {
      StringBuilder b = new StringBuilder(title);
      for (String line : lines) {
        b.append('\n').append(line.startsWith(">>") ? line.substring(2).strip() : line);
      }
      return b.toString();
    }
  }

  /** Renders template {@code name} with {@code values}; every placeholder must have a value. */
  public Rendered render(String name, Map<String, String> values) {
    String title = null;
    List<String> lines = new ArrayList<>();
    for (String line : substitute(name, values).split("\n", -1)) {
      if (title == null) {
        if (!line.isBlank()) {
          title = line.strip();
        }
        continue;
      }
      lines.add(line.stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (title == null) {
      throw new NoticeTemplateException("通知书模板 " + name + ".txt 没有标题行");
    }
    return new Rendered(title, lines);
  }

  /**
   * A fragment (a template without a title, e.g. {@code remedies}): its lines with the values filled in, notes and
   * blank lines around it dropped; every placeholder must have a value.
   */
  public String fragment(String name, Map<String, String> values) {
    return substitute(name, values).replaceFirst("^(\\s*\\n)+", "").stripTrailing();
  }

  /** The template without its notes, every placeholder replaced (values go in after the notes are gone). */
  private String substitute(String name, Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    for (String line : source(name).split("\n", -1)) {
      if (!line.startsWith("%")) {
        text.append(line).append('\n');
      }
    }
    TreeSet<String> missing = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        missing.add(m.group(1));
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.replace("\r\n", "\n").replace('\r', '\n')));
    }
    m.appendTail(out);
    if (!missing.isEmpty()) {
      throw new NoticeTemplateException("通知书模板 " + name + ".txt 中的占位符没有取值：" + String.join("、", missing)
          + "（通知书不完整，未生成）");
    }
    return out.toString();
  }

  /** The template's text, from the templates directory when it holds the file, else from the class path. */
  public String source(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new NoticeTemplateException("通知书模板名称无效：" + name);
    }
    if (directory != null) {
      Path file = directory.resolve(name + ".txt");
      if (Files.isRegularFile(file)) {
        try {
          return strip(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new NoticeTemplateException("通知书模板 " + file + " 无法读取：" + e.getMessage(), e);
        }
      }
    }
    try (InputStream in = NoticeTemplates.class.getResourceAsStream("/notices/" + name + ".txt")) {
      if (in == null) {
        throw new NoticeTemplateException("通知书模板 notices/" + name + ".txt 不存在");
      }
      return strip(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NoticeTemplateException("通知书模板 notices/" + name + ".txt 无法读取：" + e.getMessage(), e);
    }
  }

  private static String strip(String text) {
    return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
  }
}
