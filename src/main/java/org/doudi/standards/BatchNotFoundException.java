package org.doudi.standards;

/** No batch with this id (404). */
public class BatchNotFoundException extends RuntimeException {
  public BatchNotFoundException(long id) {
    super("标准批次" + id + "不存在");
  }
}
