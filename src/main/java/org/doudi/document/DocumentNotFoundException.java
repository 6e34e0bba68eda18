package org.doudi.document;

/** No document with this id (404). */
public class DocumentNotFoundException extends RuntimeException {
  public DocumentNotFoundException(long id) {
    super("材料文件" + id + "不存在");
  }
}
