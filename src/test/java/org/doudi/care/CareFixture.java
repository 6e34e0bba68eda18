package org.doudi.care;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.doudi.care.CareRecords.Institution;
import org.doudi.household.TestApplications;
import org.doudi.tekun.CareLevel;
import org.doudi.tekun.CareMode;
import org.doudi.tekun.TekunCareLevelChanged;
import org.doudi.tekun.TekunRecognised;
import org.doudi.tekun.TekunSupportEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * Test helper: 特困 persons written straight into tekun_person (tests may; the module never reads it) and tekun's
 * events published as the recognition, re-assessment and termination would; institutions and beds registered.
 */
class CareFixture {

  static final String NONGAN = "220122";          // 农安县
  static final String NONGAN_VILLAGE = "220122100201";
  static final String NANGUAN = "220102";         // 南关区, same city (长春市 220100)
  static final String NANGUAN_VILLAGE = "220102001001";
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

  record Person(long id, String idNumber, String name, LocalDate birth, String county, String region,
      CareLevel level) {}

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final CareArrangements care;

  CareFixture(JdbcTemplate jdbc, ApplicationEventPublisher events, CareArrangements care) {
    this.jdbc = jdbc;
    this.events = events;
    this.care = care;
  }

  /** Starts each test from no institutions and no arrangements (the context, and its database, are shared). */
  void clean() {
    for (String t : List.of("care_visit", "care_placement", "care_placement_request", "care_agreement", "care_bed",
        "care_institution")) {
      jdbc.update("DELETE FROM " + t);
    }
  }

  /** A supported person (tekun_person row) born on the date given, with a unique valid ID number. */
  Person person(String name, LocalDate birth, String county, String region, CareLevel level, CareMode mode) {
    int n = SEQ.incrementAndGet() % 1000;
    String id = TestApplications.id(county + birth.toString().replace("-", "") + String.format("%03d", n));
    jdbc.update("UPDATE tekun_person SET status = 'ENDED', open_slot = NULL WHERE id_number = ?", id);
    Map<String, Object> m = new HashMap<>();
    m.put("id_number", id);
    m.put("full_name", name);
    m.put("birth_date", java.sql.Date.valueOf(birth));
    m.put("county_code", county);
    m.put("region_code", region);
    m.put("urban_rural", "RURAL");
    m.put("care_level", level.name());
    m.put("care_mode", mode.name());
    m.put("basic_amount", new BigDecimal("900.00"));
    m.put("care_amount", new BigDecimal("300.00"));
    m.put("support_from", "2026-12");
    m.put("status", "SUPPORTED");
    m.put("open_slot", 1);
    m.put("recognised_by", "test");
    m.put("recognised_at", Timestamp.from(Instant.now()));
    m.put("updated_at", Timestamp.from(Instant.now()));
    long pk = new SimpleJdbcInsert(jdbc).withTableName("tekun_person").usingGeneratedKeyColumns("id")
        .usingColumns(m.keySet().toArray(String[]::new)).executeAndReturnKey(m).longValue();
    return new Person(pk, id, name, birth, county, region, level);
  }

  Person recognised(String name, LocalDate birth, String county, String region, CareLevel level, CareMode mode) {
    Person p = person(name, birth, county, region, level, mode);
    events.publishEvent(new TekunRecognised(p.id(), p.idNumber(), p.name(), p.birth(), county, region, level, mode,
        YearMonth.of(2026, 12)));
    return p;
  }

  Person elder(String name, String county, String region, CareLevel level, CareMode mode) {
    return recognised(name, LocalDate.of(1945, 3, 1), county, region, level, mode);
  }

  void levelChanged(Person p, CareLevel from, CareLevel to, CareMode mode) {
    events.publishEvent(new TekunCareLevelChanged(p.id(), p.idNumber(), p.county(), p.region(), from, to, mode));
  }

  void supportEnded(Person p, String reason) {
    events.publishEvent(new TekunSupportEnded(p.id(), p.idNumber(), p.county(), p.region(), YearMonth.of(2027, 1),
        reason));
  }

  /** An institution with beds of the types given (bed numbers N1.., G1..). */
  Institution institution(String name, String county, InstitutionKind kind, int nursing, int general) {
    Institution i = care.registerInstitution(name, county, kind, "test");
    if (nursing > 0) {
      care.addBeds(i.id(), java.util.stream.IntStream.rangeClosed(1, nursing).mapToObj(k -> "N" + k).toList(),
          BedType.NURSING, "test");
    }
    if (general > 0) {
      care.addBeds(i.id(), java.util.stream.IntStream.rangeClosed(1, general).mapToObj(k -> "G" + k).toList(),
          BedType.GENERAL, "test");
    }
    return care.institution(i.id()).orElseThrow();
  }

  CareRecords.Request request(Person p) {
    return jdbc.query("SELECT id FROM care_placement_request WHERE tekun_person_id = ? ORDER BY id DESC",
        (rs, i) -> rs.getLong(1), p.id()).stream().findFirst().flatMap(care::request).orElseThrow();
  }

  CareRecords.Agreement agreement(Person p) {
    return jdbc.query("SELECT id FROM care_agreement WHERE tekun_person_id = ? ORDER BY id DESC",
        (rs, i) -> rs.getLong(1), p.id()).stream().findFirst().flatMap(care::agreement).orElseThrow();
  }

  /**
   * Two requests of the city race for its one free nursing bed, each in its own thread and transaction, released
   * together, from no other request. Returns the statuses after both finished (or the exception of a thread that failed).
   */
  List<String> raceForLastBed(int round) throws Exception {
    clean(); // the previous round's loser would otherwise wait for this round's bed
    Institution i = institution("竞争床位敬老院" + round, NONGAN, InstitutionKind.ELDERLY, 0, 0);
    Person a = elder("争甲" + round, NONGAN, NONGAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    Person b = elder("争乙" + round, NANGUAN, NANGUAN_VILLAGE, CareLevel.FULL, CareMode.CENTRALISED);
    long ra = request(a).id();
    long rb = request(b).id();
    care.addBeds(i.id(), List.of("N1"), BedType.NURSING, "test"); // both still NEW: nobody waits for it yet
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> runs = List.of(ra, rb).stream().map(id -> pool.submit(() -> {
        start.await();
        return care.requestBed(id);
      })).<java.util.concurrent.Future<?>>map(x -> x).toList();
      for (java.util.concurrent.Future<?> r : runs) {
        r.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return List.of(care.request(ra).orElseThrow().status(), care.request(rb).orElseThrow().status());
  }
}
