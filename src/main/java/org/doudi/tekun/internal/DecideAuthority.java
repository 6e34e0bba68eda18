package org.doudi.tekun.internal;

import static org.doudi.tekun.TekunRecognitionVariables.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.engine.EngineContext;
import org.doudi.engine.ProcessBean;
import org.doudi.tekun.TekunSettings;
import org.doudi.tekun.persistence.TekunCaseRepository;
import org.doudi.tekun.persistence.TekunCaseRepository.SpotCheck;

/**
 * 报送审核确认: the 公示 is over, the file reaches the confirming authority ({@code fileReceivedAt}, its 15 working
 * days): the county, or the township where the county delegated it (吉民发〔2020〕40号 五(二)). A county confirmation
 * draws the 抽查 sample: the case gets the next number k of its county and year, and is drawn when
 * ceil(k × rate) &gt; ceil((k − 1) × rate) — after any k cases exactly ceil(k × rate) are drawn, so the share never
 * falls below the rate (at least 30 %), and the draw is the same whoever repeats it. Stored once per case
 * (tekun_spot_check); a retried job reads the stored draw.
 */
@ProcessBean("tekunDecideAuthority")
public class DecideAuthority implements JavaDelegate {

  private final TekunCaseRepository cases;
  private final TekunSettings settings;

  public DecideAuthority(TekunCaseRepository cases, TekunSettings settings) {
    this.cases = cases;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Cases.caseId(execution);
    String county = Cases.string(execution, COUNTY_CODE);
    boolean township = settings.delegated(county);
    Boolean sampled = null;
    String text;
    if (township) {
      text = "县级民政部门已委托乡镇（街道）审核确认（吉民发〔2020〕40号 五（二）），不参加县级抽查";
    } else {
      SpotCheck s = cases.spotCheck(id).orElseGet(() -> draw(id, county));
      sampled = s.sampled();
      text = "县级抽查：本县" + s.year() + "年第" + s.seq() + "件，按不低于" + s.ratePercent() + "%顺序抽取，"
          + (s.sampled() ? "抽中，确认前入户抽查" : "未抽中") + "（" + s.rule() + "）";
    }
    cases.setAuthority(id, township ? "TOWNSHIP" : "COUNTY", sampled, EngineContext.now());
    cases.insertRecord(id, "FILE_RECEIVED", "公示期满无异议，报送" + (township ? "乡镇（街道）" : "县级民政部门")
        + "审核确认。" + text, null, null, EngineContext.now());
    execution.setVariable(AUTHORITY, township ? "TOWNSHIP" : "COUNTY");
    execution.setVariable(SPOT_CHECKED, Boolean.TRUE.equals(sampled));
    execution.setVariable(SPOT_CHECK_TEXT, text);
    execution.setVariable(FILE_RECEIVED_AT, Date.from(EngineContext.now()));
  }

  private SpotCheck draw(long id, String county) {
    int year = LocalDate.from(EngineContext.today()).getYear();
    int rate = settings.getSpotCheckPercent();
    int k = cases.nextSpotCheckSeq(county, year);
    boolean sampled = drawn(k, rate);
    SpotCheck s = new SpotCheck(id, county, year, k, rate, sampled,
        "第k件抽中当且仅当 ceil(k×" + rate + "%) > ceil((k−1)×" + rate + "%)");
    cases.insertSpotCheck(s, EngineContext.now());
    return s;
  }

  /** Whether the k-th case (from 1) is drawn at {@code ratePercent}: ceil(k·r) &gt; ceil((k−1)·r). */
  static boolean drawn(int k, int ratePercent) {
    return ceilDiv(k * ratePercent, 100) > ceilDiv((k - 1) * ratePercent, 100);
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
