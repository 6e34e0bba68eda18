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
 * so it is held in memory; the table is small (a province has ~10^4 villages) and changes by migration.
 */
@Service
public class Regions {

  private final JdbcTemplate jdbc;
  private volatile Map<String, Region> byCode;

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

  /** Drops the in-memory copy, e.g. after regions were loaded. */
  public void reload() {
    byCode = null;
  }

  private Map<String, Region> all() {
    Map<String, Region> m = byCode;
    if (m == null) {
      List<Region> rows = jdbc.query(
          "SELECT code, name, level, parent_code, urban_rural FROM region",
          (rs, i) -> new Region(rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3)),
              rs.getString(4), rs.getString(5)));
      m = Collections.unmodifiableMap(rows.stream().collect(Collectors.toMap(Region::code, Function.identity())));
      byCode = m;
    }
    return m;
  }
}
