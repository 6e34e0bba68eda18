package org.doudi.calendar.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import com.fasterxml.jackson.databind.JsonNode;
import org.doudi.calendar.CalendarDataException;
import org.doudi.calendar.persistence.CalendarRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loading and correcting notices and regional closures at runtime. Each change is validated completely
 * before anything is written, audited in {@code cal_change_log}, and followed by the recomputation of
 * every open deadline (in batches, after the change committed).
 */
@Service
public class CalendarAdministration {

  private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

  private final CalendarRepository repository;
  private final CalendarService calendar;
  private final DeadlineRecomputer recomputer;
  private final CalendarTime time;
  private final TransactionTemplate transactions;

  public CalendarAdministration(CalendarRepository repository, CalendarService calendar,
      DeadlineRecomputer recomputer, CalendarTime time, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.calendar = calendar;
    this.recomputer = recomputer;
    this.time = time;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  public record LoadResult(List<Integer> years, List<String> replaced, DeadlineRecomputer.Summary deadlines) {}

  /** Loads (or replaces) the notices of a file in the documented format. */
  public LoadResult loadNotices(JsonNode document, String actor) {
    List<NoticeYear> uploaded = NoticeFiles.parse(document);
    List<NoticeYear> existing = repository.notices();
    for (NoticeYear n : uploaded) {
      List<NoticeYear> others = new ArrayList<>(existing);
      others.addAll(uploaded);
      NoticeFiles.checkConsistent(n, others);
    }
    List<String> replaced = new ArrayList<>();
    OffsetDateTime now = time.nowOffset();
    transactions.executeWithoutResult(s -> {
      for (NoticeYear n : uploaded) {
        if (existing.stream().anyMatch(e -> e.year() == n.year())) {
          replaced.add(String.valueOf(n.year()));
        }
        repository.replaceNotice(n, actor, now);
        repository.log(replaced.contains(String.valueOf(n.year())) ? "CORRECT_YEAR" : "LOAD_YEAR",
            String.valueOf(n.year()), document.get(String.valueOf(n.year())).toString(), actor, now);
      }
    });
    calendar.reload();
    List<Integer> years = uploaded.stream().map(NoticeYear::year).toList();
    log.info("{} loaded holiday notice(s) {} (replacing {})", actor, years, replaced);
    DeadlineRecomputer.Summary summary = recomputer.recomputeAll("holiday notice " + years + " loaded by " + actor);
    return new LoadResult(years, replaced, summary);
  }

  public DeadlineRecomputer.Summary addClosure(String regionCode, LocalDate date, String reason, String actor) {
    RegionCodes.normalise(regionCode);
    if (date == null) {
      throw new CalendarDataException("停止办公须填写日期");
    }
    if (date.getYear() < NoticeFiles.MIN_YEAR || date.getYear() > NoticeFiles.MAX_YEAR) {
      throw new CalendarDataException("停止办公日期" + date + "不在" + NoticeFiles.MIN_YEAR + "至"
          + NoticeFiles.MAX_YEAR + "年之间");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new CalendarDataException("停止办公须填写理由（1至500字）");
    }
    String code = regionCode.trim();
    if (repository.closureExists(code, date)) {
      throw new CalendarDataException("行政区划" + code + "在" + date + "已登记停止办公");
    }
    OffsetDateTime now = time.nowOffset();
    transactions.executeWithoutResult(s -> {
      repository.addClosure(new RegionClosure(code, date, reason.trim()), actor, now);
      repository.log("ADD_CLOSURE", code + " " + date, reason.trim(), actor, now);
    });
    calendar.reload();
    return recomputer.recomputeAll("closure of region " + code + " on " + date + " added by " + actor);
  }

  public DeadlineRecomputer.Summary removeClosure(String regionCode, LocalDate date, String actor) {
    RegionCodes.normalise(regionCode);
    String code = regionCode.trim();
    OffsetDateTime now = time.nowOffset();
    transactions.executeWithoutResult(s -> {
      if (repository.removeClosure(code, date) == 0) {
        throw new NoSuchElementException("行政区划" + code + "在" + date + "没有停止办公登记");
      }
      repository.log("REMOVE_CLOSURE", code + " " + date, null, actor, now);
    });
    calendar.reload();
    return recomputer.recomputeAll("closure of region " + code + " on " + date + " removed by " + actor);
  }
}
