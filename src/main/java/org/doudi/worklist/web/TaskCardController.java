package org.doudi.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.identity.Staff;
import org.doudi.identity.StaffMember;
import org.doudi.worklist.TaskCard;
import org.doudi.worklist.TaskCards;
import org.doudi.worklist.WorklistRequestException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Tasklist card facts (待办卡片) for the card plugin. The id list is taken as text and checked here, so that every
 * refusal is a Chinese 400 whatever is wrong with it.
 */
@RestController
@Tag(name = "待办列表", description = "Worklist: what Tasklist's task cards show of each case")
public class TaskCardController {

  static final String READERS = "hasAnyRole('VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_APPROVER', "
      + "'COUNTY_CASEWORKER', 'COUNTY_APPROVER', 'SUPERVISOR', 'AUDITOR', 'ADMIN')";
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final TaskCards cards;
  private final Staff staff;

  public TaskCardController(TaskCards cards, Staff staff) {
    this.cards = cards;
    this.staff = staff;
  }

  /** The answer: the cards of the visible tasks, and the day the working days were counted from. */
  public record Cards(OffsetDateTime asOf, LocalDate today, List<TaskCard> cards) {}

  @GetMapping(value = "/api/worklist/cards", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(READERS)
  @Operation(summary = "Task card facts for a list of tasks (待办卡片)",
      description = "For each listed task the caller may see: the applicant's name (process variable applicantName, "
          + "personName, childName, recipientName, payeeName or subjectName), the case's region with its county, "
          + "township and village names, the scheme in Chinese, and the legal limit: the task's own open due clock "
          + "(limitOf TASK) or else the case's earliest open clock (CASE), with workingDaysLeft on the official "
          + "calendar of the case's region (0 due today, negative overdue) and band OVERDUE / DUE_SOON (≤ 3 working "
          + "days) / ON_TIME. Region-scoped: tasks of cases outside the caller's region, unknown or closed tasks are "
          + "left out. Analysts 403. Also served to the Tasklist card plugin through the Camunda web-app session "
          + "(GET only).",
      responses = {@ApiResponse(responseCode = "200", description = "the cards, in the order asked"),
          @ApiResponse(responseCode = "400", description = "bad id list (problem+json, Chinese detail)"),
          @ApiResponse(responseCode = "403", description = "a role without case data")})
  public Cards cards(
      @Parameter(description = "task ids, comma-separated, 1–100") @RequestParam(required = false) String taskIds,
      Principal principal) {
    StaffMember caller = staff.find(principal.getName()).orElseThrow(() -> new AccessDeniedException("未知用户"));
    List<TaskCard> list = cards.cards(caller, ids(taskIds));
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
    return new Cards(now, now.toLocalDate(), list);
  }

  static List<String> ids(String taskIds) {
    if (taskIds == null || taskIds.isBlank()) {
      throw new WorklistRequestException(400, "缺少参数 taskIds（以逗号分隔的任务编号）");
    }
    List<String> out = new ArrayList<>();
    for (String part : taskIds.split(",", -1)) {
      String id = part.trim();
      if (!TASK_ID.matcher(id).matches()) {
        throw new WorklistRequestException(400, "任务编号格式有误：“" + abbreviate(id)
            + "”（应为1至64位字母、数字或 - _ . :，多个编号以逗号分隔）");
      }
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    if (out.size() > TaskCards.MAX_TASKS) {
      throw new WorklistRequestException(400, "一次最多查询" + TaskCards.MAX_TASKS + "个任务");
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
