package org.doudi.region;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.doudi.platform.DoudiTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code POST /api/admin/regions/import}: administrators only, counts on success, 400 problem+json with every bad
 * line. The files add a province the demo slice lacks (青海, 63), removed again after each test so that the other
 * tests (the start forms' region lists) see the demo slice only.
 */
@DoudiTest
class RegionImportApiTest {

  static final RequestPostProcessor ADMIN = user("root").roles("ADMIN");
  static final String FILE = """
      统计用区划代码,名称,城乡分类代码
      630000000000,青海省,
      630100000000,西宁市,
      630102000000,城东区,
      630102001000,东关大街街道,
      630102001001,东关社区,111
      """;

  @Autowired WebApplicationContext web;
  @Autowired JdbcTemplate jdbc;
  @Autowired Regions regions;
  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
  }

  @AfterEach
  void removeTheTestProvince() {
    removeProvince(jdbc, regions, "63");
  }

  /** Test clean-up only: regions are never deleted by the application. */
  static void removeProvince(JdbcTemplate jdbc, Regions regions, String prefix) {
    jdbc.update("DELETE FROM region_history WHERE code LIKE ?", prefix + "%");
    for (String level : new String[] {"VILLAGE", "TOWNSHIP", "COUNTY", "CITY", "PROVINCE"}) {
      jdbc.update("DELETE FROM region WHERE code LIKE ? AND level = ?", prefix + "%", level);
    }
    regions.reload();
  }

  @Test
  void anAdministratorImportsAFileAndTheSameFileAgainChangesNothing() throws Exception {
    mvc.perform(post("/api/admin/regions/import?fileName=qinghai.csv").with(ADMIN).contentType("text/csv")
            .content(FILE.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(5))
        .andExpect(jsonPath("$.unchanged").value(0));
    mvc.perform(get("/api/regions/630102001001").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.parentCode").value("630102001"))
        .andExpect(jsonPath("$.urbanRural").value("URBAN"))
        .andExpect(jsonPath("$.inUse").value(true));
    mvc.perform(post("/api/admin/regions/import").with(ADMIN).contentType("text/csv")
            .content(FILE.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.added").value(0))
        .andExpect(jsonPath("$.unchanged").value(5));
    mvc.perform(get("/api/regions/630102001001").with(ADMIN))
        .andExpect(jsonPath("$.name").value("东关社区"));
  }

  @Test
  void onlyAdministratorsImport() throws Exception {
    for (String role : new String[] {"COUNTY_APPROVER", "SUPERVISOR", "ANALYST"}) {
      mvc.perform(post("/api/admin/regions/import").with(user("someone").roles(role)).contentType("text/csv")
              .content(FILE.getBytes(StandardCharsets.UTF_8)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/regions/630000").with(ADMIN)).andExpect(status().isNotFound());
  }

  @Test
  void aBadFileIsRefusedWithEveryBadLineAndNothingChanges() throws Exception {
    String bad = FILE.replace("630102001001,东关社区,111", "630102001001,东关社区,311")
        + "630102002001,无街道社区,111\n630199000000,=HYPERLINK(1),\n";
    mvc.perform(post("/api/admin/regions/import").with(ADMIN).contentType("text/csv")
            .content(bad.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.title").value("行政区划文件有误"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("整个文件未导入")))
        .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(6, 7, 8)))
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("城乡分类代码“311”无效")))
        .andExpect(jsonPath("$.errors[1].reason").value(Matchers.containsString("630102002")));
    mvc.perform(get("/api/regions/630000").with(ADMIN)).andExpect(status().isNotFound());
  }

  @Test
  void aFileNotInUtf8IsRefusedInChinese() throws Exception {
    mvc.perform(post("/api/admin/regions/import").with(ADMIN).contentType("text/csv")
            .content(FILE.getBytes(Charset.forName("GB18030"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("UTF-8")));
  }
}
