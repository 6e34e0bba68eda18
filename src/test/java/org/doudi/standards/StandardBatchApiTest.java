package org.doudi.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.doudi.eligibility.DibaoStandards;
import org.doudi.eligibility.NewDibaoStandard;
import org.doudi.platform.DoudiTest;
import org.doudi.tekun.TekunStandards;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Standards in bulk through the API: upload, four eyes, approval, rejection, refusals. Each test uses counties of
 * its own among those V62_2 shipped (no demo standards, no other test's), so the tests do not depend on each other.
 */
@DoudiTest
class StandardBatchApiTest {

  static final RequestPostProcessor UPLOADER = user("root").roles("ADMIN");
  static final RequestPostProcessor SECOND = user("admin2").roles("ADMIN");
  static final String NOTE = "长春市人民政府关于调整城乡低保标准的通知（测试）";

  @Autowired WebApplicationContext web;
  @Autowired DibaoStandards dibao;
  @Autowired TekunStandards tekun;
  @Autowired JdbcTemplate jdbc;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  ResultActions upload(String kind, String date, String csv, RequestPostProcessor who) throws Exception {
    return mvc.perform(post("/api/admin/standards/import").with(who).param("kind", kind).param("effectiveFrom", date)
        .param("sourceNote", NOTE).param("fileName", "table.csv").contentType("text/csv")
        .content(csv.getBytes(StandardCharsets.UTF_8)));
  }

  long id(ResultActions result) throws Exception {
    return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
  }

  @Test
  void aBatchIsInForceOnlyAfterAnotherAdministratorApprovesIt() throws Exception {
    long id = id(upload("DIBAO", "2030-01-01", "县级区划代码,城乡类别,月标准,财产限额月数\n220103,城市,800\n220103,农村,600.50,30\n",
        UPLOADER)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andExpect(jsonPath("$.uploadedBy").value("root"))
        .andExpect(jsonPath("$.rows[*].line").value(Matchers.contains(2, 3))));
    assertThat(dibao.find("220103", "URBAN", LocalDate.of(2030, 6, 1))).isEmpty();

    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(UPLOADER))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("不能批准本人上传的标准批次")));
    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(user("clerk").roles("COUNTY_APPROVER")))
        .andExpect(status().isForbidden());
    assertThat(dibao.find("220103", "URBAN", LocalDate.of(2030, 6, 1))).isEmpty();

    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(SECOND))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value("admin2"));
    assertThat(dibao.require("220103", "URBAN", LocalDate.of(2030, 6, 1)).monthlyStandard()).isEqualByComparingTo("800");
    assertThat(dibao.require("220103", "RURAL", LocalDate.of(2030, 1, 1)).assetLimitMonths()).isEqualTo(30);
    assertThat(dibao.require("220103", "RURAL", LocalDate.of(2030, 1, 1)).createdBy())
        .isEqualTo("root（批次" + id + "，admin2批准）");
    assertThat(dibao.find("220103", "URBAN", LocalDate.of(2029, 12, 31))).isEmpty();

    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(user("admin3").roles("ADMIN")))
        .andExpect(status().isConflict());
  }

  @Test
  void aBadFileIsRefusedWithEveryBadLineAndNothingIsStored() throws Exception {
    int batches = jdbc.queryForObject("SELECT count(*) FROM standard_batch", Integer.class);
    upload("DIBAO", "2030-01-01", String.join("\n", "229999,城市,800", "220104,郊区,800", "220104,农村,abc",
        "220104,城市,0", "220104,城市,700", "220105,农村,650,x", "220104,城市,500,24,多余") + "\n", UPLOADER)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.title").value("标准文件有误"))
        .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(1, 2, 3, 4, 5, 6, 7)))
        .andExpect(jsonPath("$.errors[0].reason").value("县级区划代码 229999 不是已登记的县（市、区）"))
        .andExpect(jsonPath("$.errors[1].reason").value("城乡类别必须为 URBAN（城市）或 RURAL（农村）"))
        .andExpect(jsonPath("$.errors[3].reason").value("低保标准必须大于0且小于100000元/人·月"))
        .andExpect(jsonPath("$.errors[4].reason").value(Matchers.containsString("重复")));
    upload("DIBAO", "2030-13-01", "220104,城市,800\n", UPLOADER).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("年-月-日")));
    upload("SUBSIDY", "2030-01-01", "220104,城市,800\n", UPLOADER).andExpect(status().isBadRequest());
    upload("DIBAO", "2030-01-01", "220104,城市,800\n", user("clerk").roles("TOWNSHIP_CASEWORKER"))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM standard_batch", Integer.class)).isEqualTo(batches);
    assertThat(dibao.list("220104")).isEmpty();
  }

  @Test
  void aRejectedBatchRecordsNothing() throws Exception {
    long id = id(upload("DIBAO", "2030-01-01", "220105,城市,800\n", UPLOADER).andExpect(status().isCreated()));
    mvc.perform(post("/api/admin/standards/batches/" + id + "/reject").with(SECOND)
            .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/api/admin/standards/batches/" + id + "/reject").with(UPLOADER)
            .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"金额有误，撤回\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.decisionNote").value("金额有误，撤回"));
    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(SECOND))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("已驳回")));
    assertThat(dibao.list("220105")).isEmpty();
    mvc.perform(post("/api/admin/standards/batches/987654/approve").with(SECOND)).andExpect(status().isNotFound());
  }

  @Test
  void aTekunBatchIsCheckedAgainstTheDibaoStandardInForceAsTheSingleEntryIs() throws Exception {
    long dibaoBatch = id(upload("DIBAO", "2030-01-01", "220106,城市,700\n220106,农村,600\n", UPLOADER));
    mvc.perform(post("/api/admin/standards/batches/" + dibaoBatch + "/approve").with(SECOND)).andExpect(status().isOk());

    upload("TEKUN", "2030-01-01", "220106,城市,1000\n220106,农村,700\n", UPLOADER)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(2)))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("1.3倍即 780 元")));
    upload("TEKUN", "2030-01-01", "220106,城市,1000,24\n", UPLOADER).andExpect(status().isBadRequest());

    long id = id(upload("TEKUN", "2030-01-01", "220106,城市,910\n220106,农村,780\n", UPLOADER)
        .andExpect(status().isCreated()));
    assertThat(tekun.find("220106", "RURAL", LocalDate.of(2030, 2, 1))).isEmpty();
    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(SECOND)).andExpect(status().isOk());
    assertThat(tekun.find("220106", "RURAL", LocalDate.of(2030, 2, 1))).get()
        .satisfies(s -> assertThat(s.monthlyStandard()).isEqualByComparingTo("780"));
  }

  @Test
  void anApprovalWhoseRowsNoLongerFitRecordsNothingAndTheBatchStaysPending() throws Exception {
    long id = id(upload("DIBAO", "2031-01-01", "220112,城市,800\n220112,农村,600\n", UPLOADER));
    // meanwhile the single entry records a later urban standard
    dibao.add(new NewDibaoStandard("220112", "URBAN", new java.math.BigDecimal("820"), null, LocalDate.of(2032, 1, 1),
        false, NOTE), "root");

    mvc.perform(post("/api/admin/standards/batches/" + id + "/approve").with(SECOND))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(1)))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("2032-01-01")));
    assertThat(dibao.find("220112", "RURAL", LocalDate.of(2031, 6, 1))).isEmpty();
    assertThat(jdbc.queryForObject("SELECT status FROM standard_batch WHERE id = ?", String.class, id))
        .isEqualTo("PENDING");
  }
}
