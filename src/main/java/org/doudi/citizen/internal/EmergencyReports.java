package org.doudi.citizen.internal;

import static org.doudi.watch.WatchVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doudi.audit.AuditKind;
import org.doudi.audit.AuditRecord;
import org.doudi.audit.AuditTrail;
import org.doudi.citizen.persistence.CitizenRepository;
import org.doudi.citizen.persistence.CitizenRepository.ReportRow;
import org.doudi.household.IdNumber;
import org.doudi.identity.CaseVariables;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报告急难情况 by a citizen (docs/citizen.md): no money moves on a citizen's word. The report starts the township's
 * 困难群众主动发现报告 ({@code hardship-report}, task 核实困难情况 for the township caseworkers of the place) with
 * channel ONLINE; after verifying it the caseworker helps the person apply — for an emergency through the staff
 * 急难型 path, whose 先行救助 then rests on the township's own report. Only the filer (ID number and phone) sees it.
 */
@Service
public class EmergencyReports {

  static final String RELATION_SELF = "SELF";
  static final String RELATION_FAMILY = "FAMILY";

  private final CitizenRepository repository;
  private final Regions regions;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final AuditTrail audit;
  private final Clock clock = Clock.systemUTC();

  public EmergencyReports(CitizenRepository repository, Regions regions, RuntimeService runtime, TaskService tasks,
      HistoryService history, AuditTrail audit) {
    this.repository = repository;
    this.regions = regions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.audit = audit;
  }

  /** What the citizen reports (checked here; the request record carries the Bean Validation limits). */
  public record Report(String regionCode, String relation, String subjectName, String subjectIdNumber,
      String address, String situation, String phone) {}

  public record ReportView(long id, String processInstanceId, String subjectName, String regionName,
      Instant reportedAt, String stage, boolean finished) {}

  /** Checks the report and starts the township's verification; a refusal stores and starts nothing. */
  @Transactional
  public ReportView report(Citizen c, Report r) {
    Region region = regions.findInUse(r.regionCode().strip()).orElseThrow(() -> new CitizenRefusal(
        HttpStatus.BAD_REQUEST, "请选择急难发生地所在的乡镇（街道）或村（社区）"));
    if (region.level() != RegionLevel.TOWNSHIP && region.level() != RegionLevel.VILLAGE) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "请选择急难发生地所在的乡镇（街道）或村（社区），不能只选到县");
    }
    boolean self = RELATION_SELF.equals(r.relation());
    if (!self && !RELATION_FAMILY.equals(r.relation())) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "请选择报告的是本人还是家庭成员的急难情况");
    }
    String subjectId = self ? c.idNumber() : blankToNull(r.subjectIdNumber());
    if (subjectId != null) {
      try {
        subjectId = IdNumber.parse(subjectId.toUpperCase()).value();
      } catch (IllegalArgumentException e) {
        throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "家庭成员的" + e.getMessage());
      }
    }
    String phone = blankToNull(r.phone()) == null ? c.phone() : r.phone().strip();
    if (!phone.matches("1\\d{10}")) {
      throw new CitizenRefusal(HttpStatus.BAD_REQUEST, "联系电话须为11位手机号码");
    }
    String name = r.subjectName().strip();
    Instant now = clock.instant();
    Map<String, Object> v = new HashMap<>();
    v.put(CaseVariables.REGION_CODE, region.code());
    v.put(HOUSEHOLD_HEAD, name);
    v.put(ADDRESS, r.address().strip());
    v.put(CONTACT_PHONE, phone);
    v.put(DISCOVERY_SOURCE, "SELF");
    v.put(SITUATION, "【群众网上报告急难情况，" + (self ? "本人" : "家庭成员") + "报告，未经核实，未发放任何救助】"
        + r.situation().strip());
    v.put(REPORT_CHANNEL, "ONLINE");
    v.put(REPORTED_BY, c.actor());
    if (subjectId != null) {
      v.put(SUBJECT_ID_NUMBER, subjectId);
    }
    String pid = runtime.createProcessInstanceByKey(HARDSHIP_PROCESS).setVariables(v).execute().getId();
    long id = repository.insertReport(c.idNumber(), c.phone(), name, region.code(), now, pid);
    audit.record(new AuditRecord(AuditKind.CHANGE, "citizen.emergency-reported", c.actor(), pid, null,
        region.code(), "citizen_report " + id, null, "网上报告急难情况（待乡镇核实，未发放救助）", c.idNumber()));
    return view(new ReportRow(id, name, region.code(), now, pid));
  }

  /** The reports this citizen filed with this phone, with their stage. */
  public List<ReportView> mine(Citizen c) {
    List<ReportView> out = new ArrayList<>();
    for (ReportRow r : repository.reportsOf(c.idNumber(), c.phone())) {
      out.add(view(r));
    }
    return out;
  }

  private ReportView view(ReportRow r) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).list();
    String stage;
    boolean finished = false;
    if (!open.isEmpty()) {
      stage = "乡镇（街道）核实中：" + open.get(0).getName();
    } else {
      HistoricProcessInstance hp = history.createHistoricProcessInstanceQuery()
          .processInstanceId(r.processInstanceId()).singleResult();
      finished = hp != null && hp.getEndTime() != null;
      stage = finished ? outcome(r.processInstanceId()) : "乡镇（街道）已核实，正在登记核实结论";
    }
    return new ReportView(r.id(), r.processInstanceId(), r.subjectName(), regions.fullName(r.regionCode()),
        r.createdAt(), stage, finished);
  }

  /** The end the township's verification reached, in the citizen's words. */
  private String outcome(String pid) {
    List<HistoricActivityInstance> ends = history.createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityType("noneEndEvent").list();
    String end = ends.isEmpty() ? "" : ends.get(0).getActivityId();
    return switch (end) {
      case "EndEvent_ReferredToApplication" -> "乡镇（街道）已核实，将协助您申请救助，请留意工作人员的联系";
      case "EndEvent_OnWatchList" -> "乡镇（街道）已核实：暂不符合救助条件，已列入关注名单，将定期回访";
      case "EndEvent_NoAssistanceNeeded" -> "乡镇（街道）已核实：不需要救助";
      default -> "已办结";
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
