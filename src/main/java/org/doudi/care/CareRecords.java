package org.doudi.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.doudi.tekun.CareLevel;

/** What the module stores and shows (docs/care.md). ID numbers are shown masked. */
public final class CareRecords {

  private CareRecords() {}

  /** A care institution with its beds counted: total and free, general and 护理型. */
  public record Institution(long id, String name, String countyCode, String cityCode, InstitutionKind kind,
      int generalBeds, int nursingBeds, int freeGeneral, int freeNursing) {}

  /** A request for 集中供养. status NEW, WAITING, PLACED or ENDED. */
  public record Request(long id, long tekunPersonId, String idNumber, String fullName, LocalDate birthDate,
      String countyCode, String cityCode, String regionCode, CareLevel careLevel, InstitutionKind institutionKind,
      String status, boolean transferNeeded, OffsetDateTime requestedAt, String source, String processInstanceId,
      String endReason) {

    public BedType bedNeeded() {
      return BedType.neededFor(careLevel);
    }
  }

  /** A person in a bed (current when endedAt is null). kind PLACEMENT or TRANSFER. */
  public record Placement(long id, long requestId, long bedId, String bedNo, BedType bedType, long institutionId,
      String institutionName, String institutionCounty, String kind, OffsetDateTime placedAt, LocalDate admittedOn,
      String admittedBy, OffsetDateTime endedAt, String endReason) {}

  /** One line of the waiting list or of the placements of a region. */
  public record RequestView(long requestId, String fullName, String idNumberMasked, String countyCode,
      String regionCode, CareLevel careLevel, String careLevelLabel, BedType bedNeeded, String status,
      boolean transferNeeded, OffsetDateTime requestedAt, Integer position, Placement current) {}

  /** A three-party agreement. status PENDING (not yet entered), ACTIVE, ENDED. */
  public record Agreement(long id, long tekunPersonId, String idNumber, String fullName, String countyCode,
      String regionCode, CareLevel careLevel, String status, String caregiverKind, String caregiverName,
      String caregiverId, String caregiverPhone, String duties, LocalDate signedOn, LocalDate startsOn,
      LocalDate endsOn, String enteredBy, int renewals, Integer visitIntervalMonths, LocalDate nextVisitOn,
      String processInstanceId, OffsetDateTime endedAt, String endReason) {}

  /** One visit (探访) and its follow-up. */
  public record Visit(long id, long agreementId, LocalDate visitedOn, String visitor, String findings,
      String problems, String followUp, String followUpBy, OffsetDateTime followUpAt, String recordedBy,
      OffsetDateTime recordedAt) {}

  /** An agreement as shown: the ID number masked, with its visits. */
  public record AgreementFile(long id, String fullName, String idNumberMasked, String countyCode, String regionCode,
      CareLevel careLevel, String careLevelLabel, String status, String caregiverKind, String caregiverName,
      String caregiverPhone, String duties, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn, int renewals,
      Integer visitIntervalMonths, LocalDate nextVisitOn, OffsetDateTime endedAt, String endReason,
      List<Visit> visits) {}
}
