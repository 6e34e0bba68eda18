package org.doudi.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.doudi.platform.Utf8Files;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts in bulk from a CSV file (docs/security.md, "人员导入"): every row is checked as {@link Staff#ensureUser}
 * checks it, and any bad row refuses the whole file with every problem and its line number; nothing is created then.
 * Each new account gets a random initial password, answered once and never stored in the clear, that its owner must
 * change before using the system ({@link InitialPasswords}). Existing accounts are refused, never changed: a file
 * that could reset a password or add a role to an account would be a way to take it over.
 */
@Service
public class StaffImport {

  public static final int MAX_ROWS = 5000;
  static final List<String> HEADER = List.of("account", "name", "role", "region");
  static final List<String> HEADER_ZH = List.of("账号", "姓名", "角色", "区划代码");
  private static final int MAX_ACCOUNT = 64;
  private static final int MAX_NAME = 50;

  private final Staff staff;
  private final Regions regions;
  private final IdentityService identity;
  private final InitialPasswords passwords;
  private final Pattern accountPattern;

  public StaffImport(Staff staff, Regions regions, IdentityService identity, InitialPasswords passwords,
      ProcessEngine engine) {
    this.staff = staff;
    this.regions = regions;
    this.identity = identity;
    this.passwords = passwords;
    // the same rule Camunda Admin and /engine-rest apply to a new user's id
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String pattern = cfg.getUserResourceWhitelistPattern() != null ? cfg.getUserResourceWhitelistPattern()
        : cfg.getGeneralResourceWhitelistPattern();
    this.accountPattern = Pattern.compile(pattern == null || pattern.isBlank() ? "[a-zA-Z0-9]+" : pattern);
  }

  /** One problem of the file: its line (1 = the header) and what is wrong, in Chinese. */
  public record Problem(int line, String message) {}

  /** A created account and its initial password (shown once). */
  public record Created(int line, String account, String name, String role, String roleName, String regionCode,
      String regionName, String initialPassword) {}

  public record Result(int created, List<Created> accounts) {}

  /** The file was refused; nothing was created. */
  public static class ImportRefused extends RuntimeException {
    private final List<Problem> problems;

    public ImportRefused(List<Problem> problems) {
      super("人员导入被拒绝，共 " + problems.size() + " 处问题，未创建任何账号");
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  private record Row(int line, String account, String name, Role role, Region region) {}

  /**
   * Checks the whole file, then creates every account in one transaction.
   *
   * @param by who imports (the administrator, or "command-line")
   * @throws ImportRefused every problem with its line; nothing created
   */
  @Transactional
  public Result importCsv(byte[] csv, String by) {
    if (staff.directory()) {
      throw new ImportRefused(List.of(new Problem(0, Staff.DIRECTORY_REFUSAL)));
    }
    List<Problem> problems = new ArrayList<>();
    List<Row> rows = parse(csv, problems);
    if (!problems.isEmpty()) {
      throw new ImportRefused(problems);
    }
    List<Created> created = new ArrayList<>();
    for (Row r : rows) {
      String password = passwords.generate();
      // the whole name as the first name: a Chinese name is not split into given and family name here
      staff.ensureUser(r.account(), r.name(), "", password, r.role(), r.region().code());
      passwords.require(r.account(), by);
      created.add(new Created(r.line(), r.account(), r.name(), r.role().name(), r.role().label(), r.region().code(),
          r.region().name(), password));
    }
    return new Result(created.size(), List.copyOf(created));
  }

  private List<Row> parse(byte[] csv, List<Problem> problems) {
    Optional<String> decoded = Utf8Files.decode(csv);
    if (decoded.isEmpty()) {
      problems.add(new Problem(0, Utf8Files.NOT_UTF8));
      return List.of();
    }
    String text = decoded.get();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      problems.add(new Problem(1, "文件为空：第一行应为表头 account,name,role,region（或 账号,姓名,角色,区划代码）"));
      return List.of();
    }
    List<String> header = Optional.ofNullable(split(lines[0])).orElse(List.of()).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    if (!header.equals(HEADER) && !header.equals(HEADER_ZH)) {
      problems.add(new Problem(1, "表头应为 account,name,role,region（或 账号,姓名,角色,区划代码），实为 "
          + String.join(",", header)));
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      if (rows.size() + problems.size() >= MAX_ROWS) {
        problems.add(new Problem(line, "一次最多导入 " + MAX_ROWS + " 行，请分多个文件导入"));
        break;
      }
      List<String> cells = split(lines[i]);
      if (cells == null) {
        problems.add(new Problem(line, "引号不成对（一个单元格内不能换行）"));
        continue;
      }
      if (cells.size() != 4) {
        problems.add(new Problem(line, "应有 4 列（账号、姓名、角色、区划代码），实有 " + cells.size() + " 列"));
        continue;
      }
      List<String> lineProblems = new ArrayList<>();
      String account = cells.get(0).trim();
      String name = cells.get(1).trim();
      Optional<Role> role = role(cells.get(2).trim());
      Optional<Region> region = regions.find(cells.get(3).trim());
      if (account.isEmpty()) {
        lineProblems.add("账号为空");
      } else if (account.length() > MAX_ACCOUNT || !accountPattern.matcher(account).matches()) {
        lineProblems.add("账号“" + account + "”不合规：只能由字母、数字和 . _ - 组成，最长 " + MAX_ACCOUNT + " 个字符");
      } else {
        Integer before = seen.putIfAbsent(account.toLowerCase(Locale.ROOT), line);
        if (before != null) {
          lineProblems.add("账号“" + account + "”与第 " + before + " 行重复（每个账号只能出现一次）");
        } else if (identity.createUserQuery().userId(account).count() > 0) {
          lineProblems.add("账号“" + account + "”已存在（导入只新建账号，已有账号的角色请在 Camunda Admin 中调整）");
        }
      }
      if (name.isEmpty()) {
        lineProblems.add("姓名为空");
      } else if (name.length() > MAX_NAME) {
        lineProblems.add("姓名超过 " + MAX_NAME + " 个字符");
      } else if (!name.codePoints().allMatch(c -> Character.isLetter(c) || c == '·' || c == '•' || c == ' '
          || c == '.')) {
        lineProblems.add("姓名“" + name + "”只能包含文字、空格和间隔号（·）");
      }
      if (role.isEmpty()) {
        lineProblems.add("角色“" + cells.get(2).trim() + "”不存在，可用：" + Arrays.stream(Role.values())
            .map(r -> r.label() + "（" + r.name() + "）").reduce((a, b) -> a + "、" + b).orElse(""));
      }
      if (region.isEmpty()) {
        lineProblems.add("区划代码“" + cells.get(3).trim() + "”不存在");
      }
      if (role.isPresent() && region.isPresent()) {
        Staff.levelProblem(role.get(), region.get()).ifPresent(lineProblems::add);
      }
      if (lineProblems.isEmpty()) {
        rows.add(new Row(line, account, name, role.get(), region.get()));
      } else {
        problems.add(new Problem(line, String.join("；", lineProblems)));
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(2, "文件没有数据行"));
    }
    return rows;
  }

  /** A role by its Chinese label (full- or half-width brackets) or its code (TOWNSHIP_CASEWORKER, case-insensitive). */
  static Optional<Role> role(String cell) {
    String label = cell.replace('(', '（').replace(')', '）');
    return Arrays.stream(Role.values())
        .filter(r -> r.label().equals(label) || r.name().equalsIgnoreCase(cell))
        .findFirst();
  }

  /** One CSV line (RFC 4180 quotes, comma-separated); null when a quote is not closed. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    cells.add(cell.toString());
    return cells;
  }
}
