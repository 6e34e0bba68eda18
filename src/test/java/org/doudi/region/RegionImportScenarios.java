package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import javax.sql.DataSource;
import org.doudi.household.ApplicationValidator;
import org.doudi.household.Households;
import org.doudi.household.InvalidApplicationException;
import org.doudi.household.TestApplications;
import org.doudi.household.persistence.HouseholdRepository;
import org.doudi.region.RegionImportException.BadLine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The region importer on a real database with the migrations applied (H2: {@link RegionImportTest}, PostgreSQL:
 * {@link RegionImportPostgresIT}), with a generated file of a whole province down to its villages.
 */
abstract class RegionImportScenarios {

  JdbcTemplate jdbc;
  Regions regions;
  RegionImport importer;
  ApplicationValidator validator;
  Households households;

  /** Each test gets its own freshly migrated database. */
  abstract DataSource freshDatabase();

  void wire() {
    DataSource ds = freshDatabase();
    jdbc = new JdbcTemplate(ds);
    regions = new Regions(jdbc);
    importer = new RegionImport(regions, jdbc, new DataSourceTransactionManager(ds));
    validator = new ApplicationValidator(regions);
    households = new Households(validator, new HouseholdRepository(jdbc, regions));
  }

  @Test
  void theMigrationsShipJilinsNineCitiesAndSixtyCounties() {
    wire();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM region WHERE level = 'CITY' AND parent_code = '220000'",
        Integer.class)).isEqualTo(9);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM region WHERE level = 'COUNTY' AND code LIKE '22%'",
        Integer.class)).isEqualTo(60);
    assertThat(regions.get("222401").name()).isEqualTo("延吉市");
    assertThat(regions.get("222401").parentCode()).isEqualTo("222400");
    assertThat(regions.get("220184").name()).isEqualTo("公主岭市");
    assertThat(regions.get("220184").urbanRural()).isEqualTo("RURAL");
    assertThat(regions.get("220113").urbanRural()).isEqualTo("URBAN");
    assertThat(regions.fullName("220122100201")).isEqualTo("长春市农安县农安镇宝塔村");
  }

  @Test
  void aWholeProvinceImportsAndTheSameFileTwiceChangesNothing() {
    wire();
    ProvinceFile file = ProvinceFile.jilin(jdbc);
    assertThat(file.regions()).isGreaterThan(11_000);
    int before = count("SELECT count(*) FROM region");

    RegionImportResult first = importer.importCsv(file.csv(), "admin", "jilin.csv");

    // the province, its 9 cities, 60 counties, 4 demo townships and 6 demo villages were there; the villages get
    // their official class code
    assertThat(first.added()).isEqualTo(file.regions() - 80);
    assertThat(first.unchanged()).isEqualTo(74);
    assertThat(first.reclassified()).isEqualTo(6);
    assertThat(first.renamed() + first.restored() + first.abolished()).isZero();
    assertThat(count("SELECT count(*) FROM region")).isEqualTo(before + first.added());
    assertThat(count("SELECT count(*) FROM region WHERE level = 'TOWNSHIP'")).isEqualTo(900);
    assertThat(count("SELECT count(*) FROM region WHERE level = 'VILLAGE'")).isEqualTo(10_800);
    Region village = regions.get("220581105203");
    assertThat(village.level()).isEqualTo(RegionLevel.VILLAGE);
    assertThat(village.parentCode()).isEqualTo("220581105");
    assertThat(village.urbanRural()).isEqualTo("RURAL");
    assertThat(regions.get("220102003").urbanRural()).isEqualTo("URBAN");
    assertThat(regions.get("220102003004").urbanRural()).isEqualTo("URBAN");
    assertThat(regions.get("220122201").name()).isEqualTo("农安第12乡");
    int history = count("SELECT count(*) FROM region_history");
    String table = snapshot();

    RegionImportResult again = importer.importCsv(file.csv(), "admin", "jilin.csv");

    assertThat(again.changed()).isZero();
    assertThat(again.unchanged()).isEqualTo(file.regions());
    assertThat(snapshot()).isEqualTo(table);
    assertThat(count("SELECT count(*) FROM region_history")).isEqualTo(history);
  }

  @Test
  void aRenamedRegionKeepsItsCodeItsCasesAndItsOldName() {
    wire();
    ProvinceFile file = ProvinceFile.jilin(jdbc);
    importer.importCsv(file.csv(), "admin", "jilin.csv");
    long caseId = households.register(TestApplications.household(), "nongan-cw");

    RegionImportResult r = importer.importCsv(file.with(l -> l.replace(",宝塔村,", ",宝塔社区,")
        .replace(",农安镇,", ",农安街道,")).csv(), "admin2", "jilin-2024.csv");

    assertThat(r.renamed()).isEqualTo(2);
    assertThat(r.reclassified()).isEqualTo(1); // 农安镇 → 农安街道: derived urban
    assertThat(r.added() + r.abolished()).isZero();
    assertThat(regions.get("220122100201").name()).isEqualTo("宝塔社区");
    assertThat(households.summary(caseId).regionName()).isEqualTo("宝塔社区");
    assertThat(jdbc.queryForList("SELECT old_name || '→' || new_name FROM region_history WHERE code = '220122100201' "
        + "AND change_kind = 'RENAMED'", String.class)).containsExactly("宝塔村→宝塔社区");
    assertThat(jdbc.queryForObject("SELECT changed_by FROM region_history WHERE code = '220122100' "
        + "AND change_kind = 'RENAMED'", String.class)).isEqualTo("admin2");
  }

  @Test
  void anAbolishedRegionStaysForItsCasesButNewApplicationsCannotUseIt() {
    wire();
    ProvinceFile file = ProvinceFile.jilin(jdbc);
    importer.importCsv(file.csv(), "admin", "jilin.csv");
    long caseId = households.register(TestApplications.household(), "nongan-cw");

    // 伏龙泉镇 and its 12 villages omitted from the province's full list; 宝塔村 marked as merged
    RegionImportResult r = importer.importCsv(file.with(l -> l.startsWith("220122101") ? null
        : l.startsWith("220122100201,") ? l + ",合并" : l).csv(), "admin", "jilin-2025.csv");

    assertThat(r.abolished()).isEqualTo(14);
    assertThat(r.added() + r.renamed() + r.restored()).isZero();
    Region baota = regions.get("220122100201");
    assertThat(baota.inUse()).isFalse();
    assertThat(baota.name()).isEqualTo("宝塔村");
    assertThat(regions.find("220122101201")).get().extracting(Region::inUse).isEqualTo(false);
    assertThat(regions.findInUse("220122101")).isEmpty();
    // the case filed before keeps its region and is still assessed as before
    assertThat(households.summary(caseId).regionName()).isEqualTo("宝塔村");
    validator.validate(households.load(caseId));
    // a new application cannot choose it, and nothing is stored
    int cases = count("SELECT count(*) FROM household_application");
    InvalidApplicationException refused = catchThrowableOfType(InvalidApplicationException.class,
        () -> households.register(TestApplications.household(), "nongan-cw"));
    assertThat(refused.violations()).extracting(v -> v.field() + ":" + v.message())
        .containsExactly("regionCode:行政区划宝塔村（220122100201）已撤销或合并，新的申请不能再选用；请选择现行的行政区划");
    assertThat(count("SELECT count(*) FROM household_application")).isEqualTo(cases);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM region_history WHERE change_kind = 'ABOLISHED'", Integer.class))
        .isEqualTo(14);

    // the next full list has them again: restored
    RegionImportResult back = importer.importCsv(file.csv(), "admin", "jilin.csv");
    assertThat(back.restored()).isEqualTo(14);
    assertThat(regions.get("220122100201").inUse()).isTrue();
  }

  @Test
  void aFileWithBadLinesIsRefusedWholeNamingEveryLine() {
    wire();
    ProvinceFile file = ProvinceFile.jilin(jdbc);
    importer.importCsv(file.csv(), "admin", "jilin.csv");
    String table = snapshot();
    int history = count("SELECT count(*) FROM region_history");
    ProvinceFile bad = file.with(l -> switch (l.split(",")[0]) {
      case "220102001001" -> "22010200100X,南岭社区,111"; // not digits
      case "220102001002" -> "220102001002,建和社区,999"; // no such class code
      case "220102002001" -> "220102002001,自强社区,"; // a village without class code
      case "220122100202" -> "220122100202,新阳村,220,作废"; // unknown status
      case "220122100203" -> "220122999203,孤村,220"; // its township is nowhere
      case "220122100204" -> "220122100205,农安镇第5村,220"; // the same code twice
      case "220581105203" -> "220581105203,梅河口新名,220"; // a good rename, not applied either
      default -> l;
    });

    RegionImportException e = catchThrowableOfType(RegionImportException.class,
        () -> importer.importCsv(bad.csv(), "admin", "bad.csv"));

    assertThat(e.badLines()).extracting(BadLine::line).containsExactly(file.lineOf("220102001001"),
        file.lineOf("220102001002"), file.lineOf("220102002001"), file.lineOf("220122100202"),
        file.lineOf("220122100203"), file.lineOf("220122100205"));
    assertThat(e.badLines()).extracting(BadLine::reason).allMatch(reason -> reason.matches(".*\\p{IsHan}.*"));
    assertThat(e.badLines().get(4).reason()).contains("220122999").contains("既不在本文件中");
    assertThat(e.badLines().get(5).reason()).contains("重复");
    assertThat(snapshot()).isEqualTo(table);
    assertThat(count("SELECT count(*) FROM region_history")).isEqualTo(history);
    assertThat(regions.get("220581105203").name()).isEqualTo("梅河口第6镇第3村");
  }

  @Test
  void aPartialFileAddsAndMarksWithoutAbolishingTheRest() {
    wire();
    int before = count("SELECT count(*) FROM region WHERE abolished_on IS NULL");
    RegionImportResult r = importer.importCsv("220122102000,巴吉垒镇\n220122102201,巴吉垒村,220\n"
        + "220102002001,自强社区,111,撤销\n", "admin", "fix.csv");
    assertThat(r.added()).isEqualTo(2);
    assertThat(r.abolished()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM region WHERE abolished_on IS NULL")).isEqualTo(before + 1);
    assertThatThrownBy(() -> importer.importCsv("220122103201,无乡之村,220\n", "admin", "x.csv"))
        .isInstanceOf(RegionImportException.class);
    List<BadLine> lines = catchThrowableOfType(RegionImportException.class,
        () -> importer.importCsv("220102002001,自强社区,111,撤销\n220102002001001,,1\n", "admin", "x.csv")).badLines();
    assertThat(lines).extracting(BadLine::text).containsExactly("第2行：区划代码“220102002001001”应为12位数字（统计用区划代码），或6位、9位");
  }

  int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  /** The whole table as one string, to compare before and after. */
  String snapshot() {
    return String.join("\n", jdbc.queryForList("SELECT code || '|' || name || '|' || level || '|' || "
        + "coalesce(parent_code, '-') || '|' || coalesce(urban_rural, '-') || '|' || coalesce(class_code, '-') || '|' "
        + "|| coalesce(CAST(abolished_on AS VARCHAR(10)), '-') FROM region ORDER BY code", String.class));
  }
}
