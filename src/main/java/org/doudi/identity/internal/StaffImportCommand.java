package org.doudi.identity.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.doudi.identity.StaffImport;
import org.doudi.identity.StaffImport.ImportRefused;
import org.springframework.stereotype.Component;

/**
 * The staff import from the command line ({@code --doudi.import.staff=<file>}): prints each new account with its
 * initial password to standard output (for the administrator, never to the log), or every problem with its line.
 */
@Component
public class StaffImportCommand {

  private final StaffImport staffImport;

  StaffImportCommand(StaffImport staffImport) {
    this.staffImport = staffImport;
  }

  /** 0 when every account was created, 1 when the file was refused or unreadable (nothing created). */
  public int run(Path file, PrintStream out) {
    byte[] csv;
    try {
      csv = Files.readAllBytes(file);
    } catch (IOException e) {
      out.println("人员导入失败：无法读取文件 " + file + "（" + e.getMessage() + "）");
      return 1;
    }
    try {
      StaffImport.Result result = staffImport.importCsv(csv, "command-line");
      out.println("人员导入完成：新建 " + result.created() + " 个账号。初始密码只显示这一次，请分别交给本人；"
          + "首次登录前必须在 /account/password 修改。");
      out.println("行号,账号,姓名,角色,区划代码,初始密码");
      for (StaffImport.Created c : result.accounts()) {
        out.println(c.line() + "," + c.account() + "," + c.name() + "," + c.roleName() + "," + c.regionCode() + ","
            + c.initialPassword());
      }
      return 0;
    } catch (ImportRefused e) {
      out.println(e.getMessage() + "：");
      e.problems().forEach(p -> out.println("第 " + p.line() + " 行：" + p.message()));
      return 1;
    }
  }
}
