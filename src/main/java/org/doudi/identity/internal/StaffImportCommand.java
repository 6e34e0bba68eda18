package org.doudi.identity.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.doudi.identity.StaffImport;
import org.doudi.identity.StaffImport.ImportRefused;
import org.doudi.platform.Importer;
import org.springframework.stereotype.Component;

/**
 * The staff import from the command line ({@code --doudi.import.staff=<file>}): prints each new account with its
 * initial password to standard output (for the administrator, never to the log), or every problem with its line.
 * Run by the platform's import runner like every {@code doudi.import.*} switch.
 */
@Component
public class StaffImportCommand implements Importer {

  private final StaffImport staffImport;

  StaffImportCommand(StaffImport staffImport) {
    this.staffImport = staffImport;
  }

  @Override
  public String name() {
    return "staff";
  }

  /** 0 when every account was created, 1 when the file was refused or unreadable (nothing created). */
  public int run(Path file, PrintStream out) {
    Outcome outcome = importFile(file, "command-line");
    outcome.lines().forEach(out::println);
    return outcome.accepted() ? 0 : 1;
  }

  @Override
  public Outcome importFile(Path file, String by) {
    byte[] csv;
    try {
      csv = Files.readAllBytes(file);
    } catch (IOException e) {
      return Outcome.refused(List.of("人员导入失败：无法读取文件 " + file + "（" + e.getMessage() + "）"));
    }
    try {
      StaffImport.Result result = staffImport.importCsv(csv, by);
      List<String> lines = new ArrayList<>();
      lines.add("人员导入完成：新建 " + result.created() + " 个账号。初始密码只显示这一次，请分别交给本人；"
          + "首次登录前必须在 /account/password 修改。");
      lines.add("行号,账号,姓名,角色,区划代码,初始密码");
      for (StaffImport.Created c : result.accounts()) {
        lines.add(c.line() + "," + c.account() + "," + c.name() + "," + c.roleName() + "," + c.regionCode() + ","
            + c.initialPassword());
      }
      return Outcome.accepted(lines);
    } catch (ImportRefused e) {
      List<String> lines = new ArrayList<>();
      lines.add(e.getMessage() + "：");
      e.problems().forEach(p -> lines.add("第 " + p.line() + " 行：" + p.message()));
      return Outcome.refused(lines);
    }
  }
}
