package org.doudi.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.NewDibaoStandard;
import org.doudi.eligibility.persistence.StandardRepository;
import org.doudi.platform.Postgres;
import org.doudi.region.Regions;
import org.doudi.standards.internal.BatchStore;
import org.doudi.tekun.TekunStandards;
import org.doudi.tekun.persistence.TekunStandardRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Standard batches on PostgreSQL (migrations by Flyway, no application context; each call in its own transaction as
 * the service's {@code @Transactional} would): the row lock, the four-eyes constraint in the table, an approval that
 * rolls back whole.
 */
class StandardBatchPostgresIT {

  static String url;
  static JdbcTemplate jdbc;
  static StandardBatches batches;
  static DibaoStandards dibao;
  static TekunStandards tekun;
  static TransactionTemplate tx;

  @BeforeAll
  static void database() {
    url = Postgres.freshDatabase("doudi_standard_batch_it");
    DriverManagerDataSource ds = new DriverManagerDataSource(url, Postgres.USER, Postgres.PASSWORD);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql",
        "classpath:db/demo").table("doudi_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
    Regions regions = new Regions(jdbc);
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    dibao = new DibaoStandards(new StandardRepository(named), regions, event -> { });
    tekun = new TekunStandards(new TekunStandardRepository(named), dibao, regions, event -> { });
    // the SQL here; the approval process runs in StandardBatchProcessTest (an engine is not part of this test)
    batches = new StandardBatches(new BatchStore(jdbc), dibao, tekun, new ApprovalProcess(null, null) {
      @Override
      void start(StandardBatch b) { }

      @Override
      void decidedElsewhere(long id) { }
    });
    tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
  }

  @AfterAll
  static void drop() {
    if (url != null) {
      Postgres.dropIfTemporary(url);
    }
  }

  @Test
  void uploadFourEyesAndApprovalOnPostgres() {
    StandardBatch b = tx.execute(s -> batches.upload(StandardKind.DIBAO, LocalDate.of(2030, 1, 1), "测试通知",
        "220202,城市,810.50\n220202,农村,620,36\n", "t.csv", "root"));
    assertThat(b.rows()).hasSize(2);
    assertThat(dibao.find("220202", "URBAN", LocalDate.of(2030, 1, 1))).isEmpty();
    assertThatThrownBy(() -> tx.execute(s -> batches.approve(b.id(), "root")))
        .isInstanceOf(BatchDecisionException.class);
    // the table itself refuses an approval by the uploader
    assertThatThrownBy(() -> jdbc.update("UPDATE standard_batch SET status = 'APPROVED', decided_by = uploaded_by "
        + "WHERE id = ?", b.id())).hasMessageContaining("ck_standard_batch_four_eyes");

    StandardBatch approved = tx.execute(s -> batches.approve(b.id(), "admin2"));

    assertThat(approved.status()).isEqualTo("APPROVED");
    assertThat(dibao.require("220202", "URBAN", LocalDate.of(2030, 1, 1)).monthlyStandard())
        .isEqualByComparingTo("810.50");
    assertThat(dibao.require("220202", "RURAL", LocalDate.of(2030, 1, 1)).assetLimitMonths()).isEqualTo(36);

    StandardBatch t = tx.execute(s -> batches.upload(StandardKind.TEKUN, LocalDate.of(2030, 1, 1), "测试通知",
        "220202,城市,1053.65\n", null, "root"));
    tx.execute(s -> batches.approve(t.id(), "admin2"));
    assertThat(tekun.find("220202", "URBAN", LocalDate.of(2030, 1, 1))).isPresent();
  }

  @Test
  void anApprovalThatCannotRecordEveryRowRecordsNone() {
    StandardBatch b = tx.execute(s -> batches.upload(StandardKind.DIBAO, LocalDate.of(2031, 1, 1), "测试通知",
        "220203,城市,800\n220203,农村,600\n", null, "root"));
    tx.execute(s -> dibao.add(new NewDibaoStandard("220203", "RURAL", new BigDecimal("650"), null,
        LocalDate.of(2031, 1, 1), false, "单项录入"), "root"));

    assertThatThrownBy(() -> tx.execute(s -> batches.approve(b.id(), "admin2")))
        .isInstanceOf(StandardBatchException.class);

    assertThat(dibao.find("220203", "URBAN", LocalDate.of(2031, 1, 1))).isEmpty();
    assertThat(batches.get(b.id()).status()).isEqualTo("PENDING");
    StandardBatch rejected = tx.execute(s -> batches.reject(b.id(), "admin2", "与已录入的农村标准冲突"));
    assertThat(rejected.status()).isEqualTo("REJECTED");
  }
}
