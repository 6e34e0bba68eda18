package org.doudi.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of an uploaded file that must be UTF-8 (the importers' CSV files): a file saved as GBK by a spreadsheet is
 * refused whole with {@link #NOT_UTF8}, never read with replacement characters into names.
 */
public final class Utf8Files {

  /** What an importer says of a file that is not UTF-8. */
  public static final String NOT_UTF8 = "文件不是UTF-8编码（请在表格软件中另存为“CSV UTF-8”）";

  private Utf8Files() {}

  /** The text, or empty when the bytes are not valid UTF-8; {@code null} reads as an empty file. */
  public static Optional<String> decode(byte[] bytes) {
    if (bytes == null) {
      return Optional.of("");
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
