package org.doudi.calendar;

import java.util.Collection;
import java.util.List;
import org.doudi.calendar.persistence.DeadlineRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of a case's legal clocks, open and closed, for the case overview (clock stops: {@link CaseClock}). */
@Service
public class CaseDeadlines {

  private final DeadlineRepository deadlines;

  public CaseDeadlines(DeadlineRepository deadlines) {
    this.deadlines = deadlines;
  }

  /** Every clock of these process instances (a case and its sub-processes), oldest first. */
  @Transactional(readOnly = true)
  public List<CaseDeadline> of(Collection<String> processInstanceIds) {
    return processInstanceIds.stream().flatMap(pid -> deadlines.allFor(pid).stream())
        .map(r -> new CaseDeadline(r.id(), r.processInstanceId(), r.activityId(), r.kind(), r.startDate(),
            r.workingDays(), r.calendarDays(), r.extensionDays(), r.provisional(), r.dueAt(), r.status()))
        .sorted(java.util.Comparator.comparingLong(CaseDeadline::id)).toList();
  }
}
