package org.doudi.region.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.doudi.platform.Importer;
import org.doudi.platform.Utf8Files;
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
      Optional<String> decoded = Utf8Files.decode(Files.readAllBytes(file));
      if (decoded.isEmpty()) {
        return Outcome.refused(List.of(Utf8Files.NOT_UTF8));
      }
      text = decoded.get();
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
