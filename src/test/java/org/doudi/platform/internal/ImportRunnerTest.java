package org.doudi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.doudi.platform.DoudiTest;
import org.doudi.region.Regions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command-line import mode: {@code --doudi.import.regions=<file>} runs the region importer and gives the exit
 * status (the exit itself, {@code System.exit}, is left out: it would end the test run).
 */
@DoudiTest
class ImportRunnerTest {

  @Autowired ImportRunner runner;
  @Autowired JdbcTemplate jdbc;
  @Autowired Regions regions;
  @TempDir Path dir;

  @AfterEach
  void removeTheTestProvince() {
    jdbc.update("DELETE FROM region_history WHERE code LIKE '64%'");
    jdbc.update("DELETE FROM region WHERE code LIKE '64%' AND level = 'CITY'");
    jdbc.update("DELETE FROM region WHERE code LIKE '64%' AND level = 'PROVINCE'");
    regions.reload();
  }

  @Test
  void withoutAnImportSwitchTheApplicationRunsAsUsual() {
    assertThat(runner.runImports(new DefaultApplicationArguments("--server.port=0"), System.out)).isNull();
  }

  @Test
  void aGoodFileExitsWithZeroAndPrintsTheCounts() throws Exception {
    Path file = Files.writeString(dir.resolve("ningxia.csv"), "640000000000,宁夏回族自治区\n640100000000,银川市\n",
        StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Integer status = runner.runImports(new DefaultApplicationArguments("--doudi.import.regions=" + file),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("已导入").contains("新增2个");
    assertThat(regions.get("640100").name()).isEqualTo("银川市");
  }

  @Test
  void aBadFileOrAnUnknownSwitchExitsWithOneAndPrintsEveryBadLine() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.csv"), "640000000000,宁夏回族自治区\n6401000000,银川市\n"
        + "640200000000,石嘴山市,111\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Integer status = runner.runImports(new DefaultApplicationArguments("--doudi.import.regions=" + file,
        "--doudi.import.nothing=x.csv"), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("未导入").contains("第2行：").contains("第3行：")
        .contains("未知的导入开关 --doudi.import.nothing");
    assertThat(regions.find("640000")).isEmpty();
  }
}
