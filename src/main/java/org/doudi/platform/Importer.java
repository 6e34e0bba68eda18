package org.doudi.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * A file importer run from the command line (docs/regions.md, "命令行导入"): started with
 * {@code --doudi.import.<name>=<file>}, the application comes up, runs every importer whose switch was given (in
 * the order of the switches' names), prints each one's lines and exits with status 0 when all were accepted, 1
 * otherwise. A module adds its switch by providing a bean of this type (regions: {@code regions}; staff:
 * {@code staff}).
 */
public interface Importer {

  /** The switch's last part: {@code regions} for {@code --doudi.import.regions=<file>}. */
  String name();

  /** Imports the file; a refused file changes nothing and says why line by line. */
  Outcome importFile(Path file, String by);

  /** Whether the file was accepted, and what to print (Chinese, one line each: counts, or every bad line). */
  record Outcome(boolean accepted, List<String> lines) {
    public static Outcome accepted(List<String> lines) {
      return new Outcome(true, lines);
    }

    public static Outcome refused(List<String> lines) {
      return new Outcome(false, lines);
    }
  }
}
