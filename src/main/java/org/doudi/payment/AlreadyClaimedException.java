package org.doudi.payment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The person has already received this scheme for this period in the province; says where and when. */
public class AlreadyClaimedException extends RuntimeException {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final Claim earlier;

  /** @param regionName the name of the region of the earlier claim, shown to the caseworker */
  public AlreadyClaimedException(Claim earlier, String regionName) {
    super("该人员已于" + WHEN.format(earlier.claimedAt()) + "在" + regionName + "（" + earlier.regionCode() + "，案件"
        + earlier.caseRef() + "）领取" + earlier.scheme().label() + "，全省只能领取一次");
    this.earlier = earlier;
  }

  public Claim getEarlier() {
    return earlier;
  }
}
