package org.doudi.payroll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doudi.engine.EngineAsSystem;
import org.doudi.payment.BankFileLines;
import org.doudi.payment.LedgerBulk;
import org.doudi.payment.PaymentStatus;
import org.doudi.payment.Payments;
import org.doudi.payroll.BankResultRejectedException.LineError;
import org.doudi.payroll.internal.BankLayout;
import org.doudi.payroll.internal.PayrollProperties;
import org.doudi.payroll.internal.ReturnCases;
import org.doudi.payroll.persistence.BankFileRepository;
import org.doudi.payroll.persistence.PayrollRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank disbursement files and the bank's result files (layouts in docs/payroll.md). A file is made once: its rows go
 * APPROVED → SENT with {@code bank_file_id}, and its content, SHA-256 and batch number are stored, in one transaction;
 * a crash leaves either all of it or nothing, and a retry of a run's export returns the stored file. A result file is
 * checked completely before anything changes.
 */
@Service
public class BankFiles {

  public static final String IMPORT_TASK = "Task_ImportBankResult";
  /** Sent to the run's process when every line of its bank file has a result (monthly-payroll.bpmn). */
  public static final String RESULT_MESSAGE = "PayrollBankResultReceived";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final BankFileRepository files;
  private final PayrollRepository runs;
  private final LedgerBulk ledger;
  private final Payments payments;
  private final PayrollProperties properties;
  private final ReturnCases returnCases;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final EngineAsSystem asSystem;
  private final Payroll payroll;
  private final BankFileLines fileLines;

  public BankFiles(BankFileRepository files, PayrollRepository runs, LedgerBulk ledger, Payments payments,
      PayrollProperties properties, ReturnCases returnCases, TaskService tasks, RuntimeService runtime,
      EngineAsSystem asSystem, Payroll payroll, BankFileLines fileLines) {
    this.runtime = runtime;
    this.files = files;
    this.runs = runs;
    this.ledger = ledger;
    this.payments = payments;
    this.properties = properties;
    this.returnCases = returnCases;
    this.tasks = tasks;
    this.asSystem = asSystem;
    this.payroll = payroll;
    this.fileLines = fileLines;
  }

  /** The run's disbursement file, made once (see the class comment); the run must be approved. */
  @Transactional
  public BankFile export(long runId, String actor) {
    PayrollRun run = runs.lock(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    Optional<BankFile> existing = files.byRun(runId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!run.status().equals("APPROVED")) {
      throw new IllegalStateException("发放批次" + runId + "尚未经县级审批，不能生成银行文件");
    }
    return exportNew(run, actor).file();
  }

  private Created exportNew(PayrollRun run, String actor) {
    String batch = "P" + run.countyCode() + run.month().toString().replace("-", "");
    Created c = create(batch, "PAYROLL", run.id(), run.countyCode(), run.month().atDay(1), actor);
    runs.setStatus(run.id(), "SENT");
    payroll.checkpoint("export", c.file().id());
    return c;
  }

  /** A file just made, with its content (already stored). */
  private record Created(BankFile file, byte[] content) {}

  /**
   * {@link #export(long, String)}, then the file to {@code out}: the bytes just stored, or the stored bytes of a file
   * made before. Returns the number of payment lines.
   */
  @Transactional
  public long export(long runId, OutputStream out, String actor) {
    PayrollRun run = runs.lock(runId).orElseThrow(() -> new NoSuchElementException("发放批次" + runId + "不存在"));
    if (files.byRun(runId).isPresent() || !run.status().equals("APPROVED")) {
      BankFile f = export(runId, actor);
      write(f.id(), out);
      return f.rowCount();
    }
    Created c = exportNew(run, actor);
    try {
      out.write(c.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c.file().rowCount();
  }

  /**
   * The county's pending one-off payments (APPROVED, BANK, no payroll month, not in a file: temporary assistance,
   * re-issues) in a file of their own; empty when there are none.
   */
  @Transactional
  public Optional<BankFile> exportPending(String countyCode, String actor) {
    if (ledger.pendingForFile(countyCode, null).count() == 0) {
      return Optional.empty();
    }
    String prefix = "T" + countyCode + LocalDate.ofInstant(Awards.now(), CHINA).format(DateTimeFormatter.BASIC_ISO_DATE);
    String batch = prefix + "-" + (files.oneOffFilesOn(countyCode, prefix) + 1);
    BankFile f = create(batch, "ONE_OFF", null, countyCode, null, actor).file();
    payroll.checkpoint("export", f.id());
    return Optional.of(f);
  }

  @Transactional(readOnly = true)
  public Optional<BankFile> find(long id) {
    return files.find(id);
  }

  @Transactional(readOnly = true)
  public Optional<BankFile> ofRun(long runId) {
    return files.byRun(runId);
  }

  @Transactional(readOnly = true)
  public List<BankFile> list(String withinRegion) {
    return files.list(Payroll.countyPrefix(withinRegion));
  }

  /** The file's lines by result, counted from the ledger now. */
  @Transactional(readOnly = true)
  public BankFileProgress progress(long bankFileId) {
    BankFile file = files.find(bankFileId).orElseThrow(() -> new NoSuchElementException("银行文件" + bankFileId + "不存在"));
    LocalDate month = file.payrollMonth() == null ? null : file.payrollMonth().atDay(1);
    return new BankFileProgress(fileLines.count(file.countyCode(), month, file.id(), PaymentStatus.PAID),
        fileLines.count(file.countyCode(), month, file.id(), PaymentStatus.RETURNED),
        fileLines.count(file.countyCode(), month, file.id(), PaymentStatus.SENT));
  }

  /** The stored bytes of a file, unchanged. */
  @Transactional(readOnly = true)
  public void write(long bankFileId, OutputStream out) {
    try {
      out.write(files.content(bankFileId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Created create(String batch, String kind, Long runId, String county, LocalDate month, String actor) {
    Instant now = Awards.now();
    LedgerBulk.Totals t = ledger.pendingForFile(county, month);
    PayrollProperties.Bank bank = properties.getBank();
    Charset charset = Charset.forName(bank.getCharset());
    BankLayout layout = BankLayout.of(bank.getFormat());
    long id = files.insert(batch, kind, runId, county, month, bank.getName(), layout.code(), charset.name(),
        t.count(), t.total(), now, actor);
    // what changed between the count above and the marking (a payment cancelled in between) shows as a file whose
    // lines differ from the count below, and rolls all of it back
    ledger.markSent(id, county, month, now, actor, "银行批次 " + batch);
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream(Math.max(1024, t.count() * 110));
    byte[] header = layout.header(batch, county, bank.getName(), month == null ? "" : month.toString().substring(0, 7),
        t.count(), t.total()).getBytes(StandardCharsets.UTF_8);
    utf8.writeBytes(header);
    long lines = writeLines(county, month, id, layout, utf8);
    if (lines != t.count()) {
      throw new IllegalStateException("生成银行文件时付款记录被同时修改（" + lines + "行，应为" + t.count() + "行），请重试");
    }
    byte[] content = charset.equals(StandardCharsets.UTF_8) ? utf8.toByteArray()
        : encode(new String(utf8.toByteArray(), StandardCharsets.UTF_8), charset);
    files.setContent(id, content, sha256(content));
    return new Created(files.find(id).orElseThrow(), content);
  }

  /**
   * Writes the payment lines of a file to {@code out} in the layout, in UTF-8: DOUDI-CSV-1 on PostgreSQL by the
   * payment module's COPY (its CSV is this layout's "D" record), otherwise each line formatted here from the payment
   * module's stream. Both write the same bytes. Returns the number of lines.
   */
  private long writeLines(String county, LocalDate month, long fileId, BankLayout layout, OutputStream out) {
    if (layout == BankLayout.DOUDI_CSV_1) {
      java.util.OptionalLong copied = fileLines.copyCsv(county, month, fileId, "D", out);
      if (copied.isPresent()) {
        return copied.getAsLong();
      }
    }
    StringBuilder b = new StringBuilder(1 << 16);
    long[] n = {0};
    fileLines.forEachLine(county, month, fileId, l -> {
      n[0]++;
      b.append(layout.line((int) n[0], l.id(), l.payeeName(), l.payeeIdNumber(), l.bankName(), l.accountNumber(),
          l.amount(), l.scheme(), l.periodStart(), l.periodEnd()));
      if (b.length() > 60_000) {
        flush(b, out);
      }
    });
    flush(b, out);
    return n[0];
  }

  private static void flush(StringBuilder b, OutputStream out) {
    try {
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    b.setLength(0);
  }

  /**
   * Imports the bank's result file for a disbursement file: every line is checked (batch, payment in this file,
   * account, amount, result) and any error refuses the whole file with its line numbers, changing nothing. Accepted:
   * SENT → PAID / RETURNED; a returned payment starts a payment-return case; a repeated line changes nothing. When no
   * payment of a payroll file is left without result, the run is RECONCILED and the bank-result message goes to its
   * process (see {@link #resultsComplete}).
   */
  @Transactional
  public ResultImport importResult(long bankFileId, InputStream resultCsv, String actor) {
    BankFile file = files.lock(bankFileId).orElseThrow(() -> new NoSuchElementException("银行文件" + bankFileId + "不存在"));
    byte[] bytes;
    try {
      bytes = resultCsv.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = new String(bytes, Charset.forName(file.charset()));
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    LocalDate month = file.payrollMonth() == null ? null : file.payrollMonth().atDay(1);
    Map<Long, BankFileLines.FilePayment> rows = fileLines.payments(file.countyCode(), month, file.id());
    List<LineError> errors = new ArrayList<>();
    Map<Long, PaymentStatus> results = new LinkedHashMap<>();
    Map<Long, String> reasons = new HashMap<>();
    boolean header = false;
    int dataLines = 0;
    BankLayout layout = BankLayout.of(file.format());
    for (int i = 0; i < lines.length; i++) {
      int no = i + 1;
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (!header) {
        String batch = layout.batchOf(line);
        if (batch == null) {
          errors.add(new LineError(no, "第一行应为批次行：" + layout.headerHint()));
        } else if (!batch.equals(file.batchNo())) {
          errors.add(new LineError(no, "批次号" + batch + "与银行文件的批次号" + file.batchNo() + "不符"));
        }
        header = true;
        continue;
      }
      dataLines++;
      BankLayout.ResultLine f = layout.result(line);
      if (f.error() != null) {
        errors.add(new LineError(no, f.error()));
        continue;
      }
      long id;
      try {
        id = Long.parseLong(f.paymentId());
      } catch (NumberFormatException e) {
        errors.add(new LineError(no, "付款编号“" + f.paymentId() + "”不是数字"));
        continue;
      }
      BankFileLines.FilePayment row = rows.get(id);
      if (row == null) {
        errors.add(new LineError(no, "付款编号" + id + "不在批次" + file.batchNo() + "中"));
        continue;
      }
      if (results.containsKey(id)) {
        errors.add(new LineError(no, "付款编号" + id + "重复出现"));
        continue;
      }
      if (!f.account().equals(row.accountNumber())) {
        errors.add(new LineError(no, "付款编号" + id + "的账号与发放文件不符"));
      }
      try {
        if (new BigDecimal(f.amount()).compareTo(row.amount()) != 0) {
          errors.add(new LineError(no, "付款编号" + id + "的金额" + f.amount() + "与发放金额" + row.amount() + "不符"));
        }
      } catch (NumberFormatException e) {
        errors.add(new LineError(no, "金额“" + f.amount() + "”不是数字"));
      }
      PaymentStatus result = switch (f.result()) {
        case "PAID", "成功" -> PaymentStatus.PAID;
        case "RETURNED", "退回", "失败" -> PaymentStatus.RETURNED;
        default -> null;
      };
      if (result == null) {
        errors.add(new LineError(no, "结果“" + f.result() + "”应为 PAID（成功）或 RETURNED（退回）"));
        continue;
      }
      PaymentStatus current = row.status();
      if (current != PaymentStatus.SENT && current != result) {
        errors.add(new LineError(no, "付款编号" + id + "已是" + current.label() + "，不能改为"
            + result.label()));
        continue;
      }
      results.put(id, result);
      if (!f.reason().isBlank()) {
        reasons.put(id, f.reason().length() > 200 ? f.reason().substring(0, 200) : f.reason());
      }
    }
    if (!header) {
      errors.add(new LineError(1, "文件为空"));
    }
    if (!errors.isEmpty()) {
      throw new BankResultRejectedException(errors);
    }
    Instant now = Awards.now();
    LedgerBulk.Settled changed = ledger.settle(bankFileId, results, reasons, now, actor);
    List<String> cases = new ArrayList<>();
    for (Long id : changed.returned()) {
      cases.add(returnCases.start(payments.get(id), file.batchNo(), reasons.get(id)));
    }
    int paid = fileLines.count(file.countyCode(), month, file.id(), PaymentStatus.PAID);
    int returned = fileLines.count(file.countyCode(), month, file.id(), PaymentStatus.RETURNED);
    int stillSent = fileLines.count(file.countyCode(), month, file.id(), PaymentStatus.SENT);
    files.setResult(bankFileId, now, actor, sha256(bytes), paid, returned);
    payroll.checkpoint("import", bankFileId);
    if (file.runId() != null && stillSent == 0) {
      PayrollRun run = runs.lock(file.runId()).orElseThrow();
      if (!run.status().equals("RECONCILED")) {
        runs.setStatus(run.id(), "RECONCILED");
      }
      if (run.processInstanceId() != null) {
        asSystem.call(() -> {
          resultsComplete(run.processInstanceId(), run.id(), bankFileId, paid, returned, actor);
          return null;
        });
      }
    }
    return new ResultImport(bankFileId, file.batchNo(), dataLines, changed.paid(), changed.returned().size(), stillSent,
        cases);
  }

  /**
   * Every line of the run's file has its result: the message {@value #RESULT_MESSAGE} to the run's process, correlated
   * by its variables {@code runId} and {@code bankFileId}; it ends the upload task (boundary event
   * {@code Event_BankResultReceived}). An instance started from a model before that event (its upload task has no
   * message boundary) gets its task completed as before, with the API-only fields its model expects. A repeated file
   * finds neither a subscription nor a task and changes nothing.
   */
  private void resultsComplete(String processInstanceId, long runId, long bankFileId, int paid, int returned,
      String actor) {
    var correlated = runtime.createMessageCorrelation(RESULT_MESSAGE).processInstanceId(processInstanceId)
        .processInstanceVariableEquals("runId", runId).processInstanceVariableEquals("bankFileId", bankFileId)
        .correlateAllWithResult();
    if (!correlated.isEmpty()) {
      return;
    }
    Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(IMPORT_TASK)
        .singleResult();
    if (t != null) {
      tasks.complete(t.getId(), Map.of("paidCount", paid, "returnedCount", returned, "resultImportedBy", actor));
    }
  }

  /**
   * The file in a character set other than UTF-8. A character the set cannot represent (a rare name character in
   * GBK) refuses the file, naming the line: never a '?' in place of a payee's name.
   */
  private static byte[] encode(String text, Charset charset) {
    try {
      java.nio.ByteBuffer b = charset.newEncoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (java.nio.charset.CharacterCodingException e) {
      String[] lines = text.split("\n", -1);
      int line = 1;
      while (line < lines.length && charset.newEncoder().canEncode(lines[line - 1])) {
        line++;
      }
      java.util.regex.Matcher id = java.util.regex.Pattern.compile("^D,(\\d+),|\\|DD(\\d+)\r?$")
          .matcher(lines[line - 1]);
      String payment = id.find() ? "（付款编号" + (id.group(1) != null ? id.group(1) : id.group(2)) + "）" : "";
      throw new IllegalStateException("银行文件第" + line + "行" + payment + "含有字符集" + charset.name()
          + "无法表示的字符，文件未生成：请更正姓名或改用字符集 GB18030", e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
