package org.doudi.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.dibao.DibaoFixture.*;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.doudi.dibao.DibaoCases.StartedCase;
import org.doudi.document.Documents;
import org.doudi.notice.NoticeKind;
import org.doudi.notice.NoticeRequest;
import org.doudi.notice.NoticeTexts;
import org.doudi.notice.NoticeTexts.Notice;
import org.doudi.notice.Notices;
import org.doudi.platform.DoudiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 低保 case's notices as documents (docs/notices.md): each step that decides stores its PDF with the case,
 * and the text extracted from the PDF says what the rules require.
 */
@DoudiTest
class DibaoNoticesTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DibaoCases cases;
  @Autowired Documents documents;
  @Autowired Notices notices;

  DibaoFixture f;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    f = new DibaoFixture(tasks, management);
    clockAt("2026-02-11T09:00");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  Notice only(String pid, NoticeKind kind) {
    List<Notice> found = NoticeTexts.of(documents, pid, kind);
    assertThat(found).as(kind.title()).hasSize(1);
    assertThat(found.get(0).uploadedBy()).isEqualTo("system");
    return found.get(0);
  }

  @Test
  void missingMaterialsGiveOneNoticeWithEveryItemAndTheLapseDateThenANotAcceptedNotice() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", vars("materialIdentity", true, "materialIncome", true,
        "materialAssets", false, "materialAuthorisation", true, "materialPledge", false));
    Notice told = only(pid, NoticeKind.DIBAO_MISSING_MATERIALS);
    assertThat(told.text()).startsWith("一次性告知书").contains("张三", "2026年2月11日提出的最低生活保障申请",
        "1.家庭财产状况说明", "2.承诺书", "3.残疾证、诊断证明等重病重残证明材料", "请于2026年3月13日前",
        "农安镇人民政府", "本次申请失效").doesNotContain("户口簿");
    assertThat(NoticeTexts.of(documents, pid, NoticeKind.DIBAO_ACCEPTED)).isEmpty();

    advanceDays(30);
    f.runJobs(pid);
    Notice refused = only(pid, NoticeKind.DIBAO_NOT_ACCEPTED);
    assertThat(refused.text()).startsWith("不予受理通知书").contains("仍未补齐", "家庭财产状况说明", "不予受理",
        "60日内向农安县人民政府申请行政复议", "6个月内依法向人民法院提起行政诉讼");
  }

  @Test
  void acceptancePublicNoticeOfTheVillageAndApprovalWithAmountAndStartMonth() {
    StartedCase neighbour = cases.apply(baota(), "nongan-cw");
    f.complete(neighbour.processInstanceId(), "Task_AcceptApplication", "nongan-cw", allMaterials());
    f.complete(neighbour.processInstanceId(), "Task_StartInvestigation", "nongan-cw", startInvestigation());
    f.complete(neighbour.processInstanceId(), "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(neighbour.processInstanceId(), "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "符合条件"));

    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    assertThat(only(pid, NoticeKind.DIBAO_ACCEPTED).text()).startsWith("最低生活保障申请受理通知书")
        .contains("最低生活保障申请受理通知书", "申请材料齐全", "农安镇人民政府已于2026年2月11日受理",
            "3个工作日内启动家庭经济状况调查", "30个工作日内办结", "45个工作日");
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", startInvestigation());
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "APPROVE", "preliminaryNotes", "符合条件"));
    String amount = (String) runtime.getVariable(pid, "monthlyAmount");
    Notice posted = only(pid, NoticeKind.DIBAO_PUBLIC_NOTICE);
    // the village's list: the neighbour already in 公示 and this household, names and amounts, no ID numbers
    assertThat(posted.text()).contains("宝塔村", "1.张三家，3人，拟纳入最低生活保障，月保障金额" + amount + "元（公示至2026年2月18日）",
        "2.张三家", "公示期7天", "异议").doesNotContainPattern("\\d{17}[\\dX]");

    advanceDays(7);
    f.runJobs(pid);
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "APPROVE"));
    Notice approved = only(pid, NoticeKind.DIBAO_APPROVED);
    assertThat(approved.text()).startsWith("最低生活保障确认通知书").contains("农安县民政局于2026年2月18日决定",
        "确认同意纳入最低生活保障", "保障人数：3人", "月保障金额：" + amount + "元", "起始月份：2026年3月起按月发放");
    assertThat(approved.fileName()).startsWith("最低生活保障确认通知书-" + c.applicationId() + "-decision-")
        .endsWith(".pdf");
  }

  @Test
  void refusalSaysNotConfirmedWithReasonsAndRemediesNamingTheReviewingBody() {
    StartedCase c = cases.apply(baotaWithHiddenDeposit(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    f.complete(pid, "Task_StartInvestigation", "nongan-cw", startInvestigation());
    f.complete(pid, "Task_InvestigateHousehold", "nongan-cw", investigation());
    f.complete(pid, "Task_RecordCheckResponse", "nongan-cw", vars("checkResponse", "ACCEPTS"));
    f.complete(pid, "Task_PreliminaryReview", "nongan-approver",
        vars("preliminaryOpinion", "REJECT", "preliminaryNotes", "人均金融资产超过标准"));
    advanceDays(7);
    f.runJobs(pid);
    f.complete(pid, "Task_ConfirmApplication", "na-county-approver", vars("decision", "REJECT",
        "decisionReasons", "家庭人均存款超过当地低保标准的24倍"));
    Notice refused = only(pid, NoticeKind.DIBAO_REFUSED);
    assertThat(refused.text()).startsWith("不予确认同意最低生活保障通知书")
        .contains("农安县民政局于2026年2月18日作出决定：不予确认同意", "家庭人均存款超过当地低保标准的24倍",
            "最低生活保障审核确认办法》第二十一条", "自收到本通知书之日起60日内向农安县人民政府申请行政复议",
            "自收到本通知书之日起6个月内依法向人民法院提起行政诉讼", "通过农安镇人民政府送达")
        .doesNotContain("不予批准");
  }

  @Test
  void issuingTheSameStepAgainReturnsTheStoredNoticeAndStoresNothing() {
    StartedCase c = cases.apply(baota(), "nongan-cw");
    String pid = c.processInstanceId();
    f.complete(pid, "Task_AcceptApplication", "nongan-cw", allMaterials());
    Notice first = only(pid, NoticeKind.DIBAO_ACCEPTED);
    NoticeRequest again = NoticeRequest.of(pid, String.valueOf(c.applicationId()), "220122100201",
        NoticeKind.DIBAO_ACCEPTED, "accepted", "nongan-cw").with("applicantName", "张三")
        .with("appliedOn", "2026年2月11日").with("acceptedOn", "2026年2月11日").with("limitDays", 30);
    assertThat(notices.issue(again).documentId()).isEqualTo(first.documentId());
    assertThat(NoticeTexts.of(documents, pid)).hasSize(1);
    assertThat(notices.forCase(pid)).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NoticeKind.DIBAO_ACCEPTED);
      assertThat(n.step()).isEqualTo("accepted");
    });
  }
}
