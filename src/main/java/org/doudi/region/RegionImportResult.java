package org.doudi.region;

/**
 * What one import changed: regions added, renamed (same code, new name; the old name kept in {@code region_history}),
 * reclassified (urban/rural changed), restored (abolished before, listed again), abolished (absent from a full import
 * or marked 撤销/合并) and unchanged. The same file twice: everything unchanged the second time.
 */
public record RegionImportResult(int added, int renamed, int reclassified, int restored, int abolished,
    int unchanged) {

  public int changed() {
    return added + renamed + reclassified + restored + abolished;
  }

  /** One line for the operator, in Chinese. */
  public String summary() {
    return "行政区划导入完成：新增" + added + "个，更名" + renamed + "个，城乡类别变更" + reclassified + "个，恢复" + restored
        + "个，撤销" + abolished + "个，未变" + unchanged + "个";
  }
}
