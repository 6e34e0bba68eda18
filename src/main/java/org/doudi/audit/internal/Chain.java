package org.doudi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical serialisation and hashes of the chain. An entry's fields are joined with the unit separator, a
 * missing value written as NUL, the time as epoch microseconds, so that no two different rows serialise alike. A
 * seal's hash covers the previous seal's hash, its sequence number, the entry id, the entry hash and the seal time.
 */
public final class Chain {

  public static final String GENESIS = "0".repeat(64);
  private static final char SEP = '\u001f';

  private Chain() {}

  public static String entryHash(long id, Instant at, String kind, String action, String actor, String pid,
      String businessKey, String region, String subject, String before, String after, String idHash) {
    StringBuilder b = new StringBuilder(256);
    b.append(id).append(SEP).append(micros(at));
    for (String s : new String[] {kind, action, actor, pid, businessKey, region, subject, before, after, idHash}) {
      b.append(SEP).append(s == null ? "\u0000" : s);
    }
    return sha256(b.toString());
  }

  public static String sealHash(String prevHash, long seq, long entryId, String entryHash, Instant sealedAt) {
    return sha256(prevHash + "|" + seq + "|" + entryId + "|" + entryHash + "|" + micros(sealedAt));
  }

  public static Instant truncate(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
