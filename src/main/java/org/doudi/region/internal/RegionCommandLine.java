package org.doudi.region.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.doudi.platform.Importer;
import org.doudi.region.RegionImport;
import org.doudi.region.RegionImportException;
import org.doudi.region.RegionImportException.BadLine;

/** {@code --doudi.import.regions=<file>}: the region importer from the command line (docs/regions.md). */
@org.springframework.stereotype.Component
public class RegionCommandLine implements Importer {

  private final RegionImport regionImport;

  public RegionCommandLine(RegionImport regionImport) {
    this.regionImport = regionImport;
  }

  @Override
  public String name() {
    return "regions";
  }

  @Override
  public Outcome importFile(Path file, String by) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      return Outcome.refused(List.of("文件不是UTF-8编码（请在表格软件中另存为“CSV UTF-8”）"));
    } catch (IOException e) {
      return Outcome.refused(List.of("文件无法读取：" + e.getMessage()));
    }
    try {
      return Outcome.accepted(List.of(regionImport.importCsv(text, by, "命令行导入：" + file.getFileName()).summary()));
    } catch (RegionImportException e) {
      List<String> lines = new java.util.ArrayList<>();
      lines.add(e.getMessage());
      e.badLines().stream().map(BadLine::text).forEach(lines::add);
      return Outcome.refused(lines);
    }
  }
}
