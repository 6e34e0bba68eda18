package org.doudi.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.doudi.platform.DoudiTest;
import org.doudi.platform.Http;
import org.doudi.platform.ProcessFixture;
import org.doudi.watch.persistence.WatchRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/watch/**: signals reported, region scoping, masking, per-rule monthly counts, refusals. */
@DoudiTest
class WatchApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired WatchRepository records;
  @Autowired TaskService tasks;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  static String medical(String id, String region, String amount, String income, String ref) {
    return "{\"idNumber\":\"" + id + "\",\"name\":\"卫十五\",\"regionCode\":\"" + region + "\",\"amount\":" + amount
        + (income == null ? "" : ",\"annualIncome\":" + income) + ",\"reference\":\"" + ref + "\",\"description\":\"肾病透析\"}";
  }

  @Test
  void largeMedicalSpendingRaisesOneAlertPerReportAsTheRulesSay() throws Exception {
    Http http = new Http(port);
    String id = WatchListTest.newId();

    Http.Response small = http.send("nongan-cw", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "4000", "30000", "bill-small-" + id));
    assertThat(small.status()).isEqualTo(200);
    assertThat(json.readTree(small.body()).get("alertRaised").asBoolean()).isFalse();

    Http.Response share = http.send("nongan-cw", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "8000", "12000", "bill-share-" + id));
    JsonNode s = json.readTree(share.body());
    assertThat(s.get("alertRaised").asBoolean()).isTrue();
    assertThat(s.get("basis").asText()).contains("一半");

    Http.Response again = http.send("nongan-cw", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "8000", "12000", "bill-share-" + id));
    assertThat(json.readTree(again.body()).get("alreadyRaised").asBoolean()).isTrue();
    assertThat(json.readTree(again.body()).get("alertId").asLong()).isEqualTo(s.get("alertId").asLong());
    WatchRepository.AlertRow alert = records.alert(s.get("alertId").asLong()).orElseThrow();
    assertThat(alert.ruleCode()).isEqualTo("MEDICAL_EXPENSE");
    assertThat(tasks.createTaskQuery().processInstanceId(alert.processInstanceId()).count()).isEqualTo(1);

    Http.Response large = http.send("nongan-cw", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "25000", null, "bill-large-" + id));
    assertThat(json.readTree(large.body()).get("basis").asText()).contains("2万元");

    // refusals change nothing
    assertThat(http.send("nanling-cw", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "25000", null, "bill-x-" + id)).status()).as("another township").isEqualTo(403);
    Http.Response bad = http.send("nongan-cw", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "-5", null, "bill-y-" + id));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("医疗费用须大于0");
    assertThat(http.send("nongan-cw", "POST", "/api/watch/medical-expenses",
        medical("220122197001010000", "220122100201", "25000", null, "bill-z-" + id)).body()).contains("无效");
    assertThat(http.send("analyst", "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "25000", null, "bill-a-" + id)).status()).isEqualTo(403);
    assertThat(http.send(null, "POST", "/api/watch/medical-expenses",
        medical(id, "220122100201", "25000", null, "bill-b-" + id)).status()).isEqualTo(401);
  }

  @Test
  void staffSeeAlertsAndEntriesOfTheirRegionMasked() throws Exception {
    Http http = new Http(port);
    String id = WatchListTest.newId();
    Http.Response death = http.send("nongan-cw", "POST", "/api/watch/deaths", "{\"idNumber\":\"" + id
        + "\",\"name\":\"蒋十六\",\"regionCode\":\"220122100201\",\"diedOn\":\"2026-01-05\",\"source\":\"殡葬信息\"}");
    assertThat(death.status()).isEqualTo(200);
    long alertId = json.readTree(death.body()).get("alertId").asLong();

    String masked = id.substring(0, 6) + "********" + id.substring(14);
    Http.Response mine = http.get("nongan-cw", "/api/watch/alerts?rule=DEATH&size=500");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains(masked, "蒋十六", "家庭成员死亡").doesNotContain(id);
    assertThat(http.get("supervisor", "/api/watch/alerts?rule=DEATH&size=500").body()).as("city supervisor")
        .contains(masked);
    assertThat(http.get("nanling-cw", "/api/watch/alerts?rule=DEATH&size=500").body()).as("another county")
        .doesNotContain(masked);
    assertThat(http.get("analyst", "/api/watch/alerts").status()).isEqualTo(403);
    assertThat(http.get("nongan-cw", "/api/watch/alerts?status=MAYBE").status()).isEqualTo(400);
    assertThat(http.get("nongan-cw", "/api/watch/entries?category=NOPE").status()).isEqualTo(400);
    assertThat(http.get("nongan-cw", "/api/watch/entries").status()).isEqualTo(200);

    // the second report of the same death changes nothing
    Http.Response again = http.send("na-county-cw", "POST", "/api/watch/deaths", "{\"idNumber\":\"" + id
        + "\",\"name\":\"蒋十六\",\"regionCode\":\"220122100201\",\"diedOn\":\"2026-01-05\"}");
    assertThat(json.readTree(again.body()).get("alreadyRaised").asBoolean()).isTrue();
    assertThat(json.readTree(again.body()).get("alertId").asLong()).isEqualTo(alertId);
  }

  @Test
  void monthlyRuleStatistics() throws Exception {
    Http http = new Http(port);
    ProcessFixture.clockAt("2032-07-01T09:00");
    String a = WatchListTest.newId();
    String b = WatchListTest.newId();
    for (String id : new String[] {a, b}) {
      http.send("nongan-cw", "POST", "/api/watch/deaths", "{\"idNumber\":\"" + id
          + "\",\"name\":\"韩十七\",\"regionCode\":\"220122100201\",\"diedOn\":\"2032-06-30\"}");
    }
    long dismissed = records.alert("DEATH", "death:" + b).orElseThrow().id();
    Task t = tasks.createTaskQuery().processInstanceId(records.alert(dismissed).orElseThrow().processInstanceId())
        .singleResult();
    tasks.claim(t.getId(), "nongan-cw");
    tasks.complete(t.getId(), Map.of("closeReason", "DUPLICATE"));

    JsonNode stats = json.readTree(http.get("nongan-cw", "/api/watch/rule-statistics?month=2032-07").body());
    assertThat(stats.get("month").asText()).isEqualTo("2032-07");
    assertThat(stats.get("rules")).hasSize(AlertRule.values().length);
    JsonNode death = null;
    for (JsonNode r : stats.get("rules")) {
      if (r.get("ruleCode").asText().equals("DEATH")) {
        death = r;
      }
    }
    assertThat(death.get("raised").asLong()).isEqualTo(2);
    assertThat(death.get("dismissed").asLong()).isEqualTo(1);
    assertThat(death.get("open").asLong()).isEqualTo(1);
    assertThat(death.get("confirmed").asLong()).isZero();
    JsonNode other = json.readTree(http.get("nanling-cw", "/api/watch/rule-statistics?month=2032-07").body());
    for (JsonNode r : other.get("rules")) {
      assertThat(r.get("raised").asLong()).as("nothing in 南关区").isZero();
    }
    assertThat(http.get("nongan-cw", "/api/watch/rule-statistics?month=July").status()).isEqualTo(400);
  }
}
