package org.doudi.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The administrative hierarchy. Read on every task creation (authorizations follow the region chain),
 * so it is held in memory; the table is small (a province has ~10^4 villages) and changes by migration or by the
 * importer ({@link RegionImport}, which reloads this copy). Abolished regions stay: {@link #find} and {@link #get}
 * answer them for the cases filed under them; a new case asks {@link Region#closedForNewCases()}.
 */
@Service
public class Regions {

  private final JdbcTemplate jdbc;
  private volatile Map<String, Region> byCode;
  /** When the copy was last compared with the table's history, and the newest history row it had seen. */
  private volatile long checkedAt;
  private volatile Long historyMark;

  public Regions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(all().get(code));
  }

  public Region get(String code) {
    return find(code).orElseThrow(() -> new UnknownRegionException(code));
  }

  /** The region and all its ancestors, from the region itself up to the province. */
  public List<Region> chain(String code) {
    List<Region> chain = new ArrayList<>();
    Region r = get(code);
    while (r != null) {
      chain.add(r);
      r = r.parentCode() == null ? null : all().get(r.parentCode());
    }
    return chain;
  }

  /** The ancestor (or the region itself) at the given level; empty if the region lies above it. */
  public Optional<Region> ancestorAt(String code, RegionLevel level) {
    return chain(code).stream().filter(r -> r.level() == level).findFirst();
  }

  /** True when {@code code} is {@code ancestorCode} or lies below it. */
  public boolean isWithin(String code, String ancestorCode) {
    return chain(code).stream().anyMatch(r -> r.code().equals(ancestorCode));
  }

  /**
   * The region's name with those of its ancestors below the province, as a caseworker writes an address
   * (长春市农安县农安镇宝塔村); the code itself when the region is unknown.
   */
  public String fullName(String code) {
    if (code == null || find(code).isEmpty()) {
      return code;
    }
    StringBuilder name = new StringBuilder();
    for (Region r : chain(code)) {
      if (r.level() != RegionLevel.PROVINCE) {
        name.insert(0, r.name());
      }
    }
    return name.toString();
  }

  public List<Region> children(String code) {
    return all().values().stream()
        .filter(r -> code.equals(r.parentCode()))
        .sorted((a, b) -> a.code().compareTo(b.code()))
        .toList();
  }

  public List<Region> list() {
    return all().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  /** The region if a new case may be filed under it; empty when unknown or abolished ({@link Region#inUse()}). */
  public Optional<Region> findInUse(String code) {
    return find(code).filter(Region::inUse);
  }

  private static final long STALE_AFTER_MILLIS = 60_000;

  private Long newestHistory() {
    return jdbc.queryForObject("SELECT max(id) FROM region_history", Long.class);
  }

  /** Drops the in-memory copy, e.g. after regions were loaded. */
  public void reload() {
    byCode = null;
  }

  private Map<String, Region> all() {
    Map<String, Region> m = byCode;
    long now = System.currentTimeMillis();
    if (m != null && now - checkedAt > STALE_AFTER_MILLIS) {
      // an import on another node of a cluster changed the table: every import leaves region_history rows
      checkedAt = now;
      if (!java.util.Objects.equals(historyMark, newestHistory())) {
        m = null;
      }
    }
    if (m == null) {
      historyMark = newestHistory();
      checkedAt = now;
      List<Region> rows = jdbc.query(
          "SELECT code, name, level, parent_code, urban_rural, abolished_on FROM region",
          (rs, i) -> new Region(rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3)),
              rs.getString(4), rs.getString(5), rs.getDate(6) == null));
      m = Collections.unmodifiableMap(rows.stream().collect(Collectors.toMap(Region::code, Function.identity())));
      byCode = m;
    }
    return m;
  }
}
