// Doudi Tasklist plugin (issue 18 item 2): the task-detail tab 案件概况 — the whole case of the open task on one
// screen. Plain ES module, no build step, nothing from outside this origin, text always set as text (no innerHTML).
// Data: GET /api/cases/overview?taskId=… with the Tasklist session (docs/case-overview.md).

const LANG = (() => {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  return first.split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';
})();

// Chinese labels whatever the browser says, with English only for the few words of the frame when Tasklist runs
// in English (the case data itself is Chinese)
const T = {
  tab: LANG === 'zh' ? '案件概况' : '案件概况 Case',
  loading: '正在加载……',
  summary: '案件', process: '流程', scheme: '救助类别', businessKey: '业务编号', caseId: '案件编号', region: '地区', state: '状态',
  started: '受理时间', ended: '办结时间', openTasks: '当前待办',
  masked: '您所在辖区不包含本案，身份证号码和姓名已部分隐藏。',
  persons: '申请人及家庭成员', name: '姓名', idNumber: '身份证号码', role: '身份', relation: '与申请人关系',
  household: '家庭档案', address: '住址', urbanRural: '城乡', memberCount: '家庭人数', status: '状态',
  income: '月收入（元）', severe: '重残', illness: '重病', ableToWork: '有劳动能力', assets: '财产',
  bank: '发放账户', assessment: '评估结果', outcome: '结论', standard: '保障标准（元/月）',
  perCapita: '家庭人均收入（元/月）', amount: '月补助金额（元）', reasons: '理由及依据', citation: '依据',
  decisions: '审批决定', decision: '决定', authority: '审批层级', decidedBy: '审批人', decidedAt: '审批时间',
  paymentFrom: '发放起始', awards: '待遇及变更', change: '变更', effectiveFrom: '生效', payee: '收款人',
  reason: '原因', changes: '变更申请', payments: '付款及状态', period: '所属期间', path: '状态变化',
  deadlines: '办理时限', step: '环节', start: '起算日', days: '时限', due: '到期时间', working: '个工作日',
  calendar: '个自然日', extension: '延长', stops: '中止计时', stopped: '中止', resumed: '恢复',
  steps: '办理过程', assignee: '办理人', done: '完成', facts: '案件记录', audit: '审计留痕', at: '时间',
  actor: '操作人', action: '操作', subject: '内容', notes: '说明', none: '无', yes: '是', no: '否',
  unauthorized: '登录已失效，请重新登录 Tasklist。',
  forbidden: '当前角色无权查看案件概况。',
  notFound: '未找到本任务所属的案件，或您无权查看。',
  failed: (s) => `加载失败（${s}）`,
  timeout: '服务器长时间未响应'
};

function ensureStyles() {
  if (document.getElementById('doudi-co-styles')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'doudi-co-styles';
  link.rel = 'stylesheet';
  link.href = new URL('case-overview.css', import.meta.url).href;
  document.head.appendChild(link);
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (k === 'className' || k === 'textContent') {
      node[k] = v;
    } else {
      node.setAttribute(k, v);
    }
  });
  children.flat(Infinity).forEach((c) => {
    if (c !== undefined && c !== null && c !== false) {
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  });
  return node;
}

function when(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (isNaN(d.getTime())) {
    return String(iso);
  }
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit' });
}

function text(v) {
  if (v === null || v === undefined || v === '') {
    return '';
  }
  if (v === true) {
    return T.yes;
  }
  return v === false ? T.no : String(v);
}

function dl(pairs) {
  return el('dl', { className: 'doudi-co-dl' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' ? v : text(v))]));
}

function table(section, headers, rows) {
  if (!rows || rows.length === 0) {
    return el('p', { className: 'doudi-co-none', 'data-doudi-empty': section }, T.none);
  }
  return el('table', { className: 'table table-condensed', 'data-doudi-section': section },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {},
      c !== null && typeof c === 'object' ? c : text(c)))))));
}

async function getJson(url) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 60000);
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal: abort.signal,
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  } catch (e) {
    const err = new Error(abort.signal.aborted ? T.timeout : String(e.message || e));
    err.status = 0;
    throw err;
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) {
    return res.json();
  }
  let detail = '';
  try {
    const body = await res.json();
    detail = body.detail || body.message || '';
  } catch (e) {
    // not JSON: the status alone
  }
  const err = new Error(detail);
  err.status = res.status;
  throw err;
}

function errorText(err) {
  switch (err.status) {
    case 401: return T.unauthorized;
    case 403: return T.forbidden;
    case 404: return T.notFound;
    case 0: return T.failed(err.message);
    default: return err.message ? `${T.failed(err.status)}：${err.message}` : T.failed(err.status);
  }
}

function render(box, c) {
  const s = c.summary;
  const parts = [];
  parts.push(el('h4', {}, T.summary), dl([[T.process, s.processName], [T.caseId, s.processInstanceId],
    [T.scheme, s.schemeLabel], [T.businessKey, s.businessKey],
    [T.region, s.regionName ? `${s.regionName}（${s.regionCode}）` : s.regionCode],
    [T.state, s.stateLabel], [T.started, when(s.startedAt)], [T.ended, when(s.endedAt)],
    [T.openTasks, (s.openTasks || []).join('、')]]));
  if (c.masked) {
    parts.push(el('p', { className: 'doudi-co-masked', 'data-doudi': 'masked' }, T.masked));
  }
  parts.push(el('h4', {}, T.persons), table('persons', [T.role, T.name, T.idNumber, T.relation],
    (c.persons || []).map((p) => [p.role, p.name, el('span', { 'data-doudi': 'id-number' }, text(p.idNumber)),
      p.relation])));
  const h = c.household;
  if (h) {
    parts.push(el('h4', {}, T.household), dl([[T.address, h.address], [T.region, h.regionName],
      [T.urbanRural, h.urbanRural], [T.memberCount, h.memberCount], [T.status, h.status],
      [T.bank, h.bankName ? `${h.bankName} ${h.accountNumber || ''}` : '']]),
    table('members', [T.name, T.idNumber, T.relation, T.income, T.severe, T.illness, T.ableToWork],
      (h.members || []).map((m) => [m.name, m.idNumber, m.relation, m.monthlyIncome, m.severelyDisabled,
        m.seriousIllness, m.ableToWork])),
    table('assets', [T.assets, T.subject, T.amount], (h.assets || []).map((a) => [a.type, a.description, a.value])));
  }
  const a = c.assessment;
  parts.push(el('h4', {}, T.assessment));
  if (a) {
    parts.push(dl([[T.outcome, a.outcomeLabel || a.outcome], [T.standard, a.standard], [T.perCapita, a.perCapitaIncome],
      [T.amount, a.monthlyAmount]]),
    table('reasons', [T.reasons, T.citation], (a.reasons || []).map((r) => [r.text, r.citation])));
  } else {
    parts.push(el('p', { className: 'doudi-co-none' }, T.none));
  }
  parts.push(el('h4', {}, T.decisions), table('decisions', [T.decision, T.authority, T.decidedBy, T.decidedAt,
    T.amount, T.paymentFrom, T.reasons], (c.decisions || []).map((d) => [d.decisionLabel || d.decision, d.authority,
    d.decidedBy, when(d.decidedAt), d.monthlyAmount, d.paymentFrom, d.reasons])));
  parts.push(el('h4', {}, T.awards), table('awards', [T.scheme, T.change, T.effectiveFrom, T.amount, T.payee,
    T.reason, T.decidedBy], (c.awards || []).map((w) => [w.schemeLabel, w.changeLabel, w.effectiveFrom,
    w.monthlyAmount, w.payeeName, w.reason, w.decidedBy])));
  if ((c.awardChanges || []).length) {
    parts.push(table('award-changes', [T.changes, T.amount, T.status, T.reason, T.at],
      c.awardChanges.map((r) => [r.kindLabel, r.monthlyAmount, r.statusLabel, r.reason, when(r.requestedAt)])));
  }
  parts.push(el('h4', {}, T.payments), table('payments', [T.scheme, T.amount, T.period, T.payee, T.status, T.path],
    (c.payments || []).map((p) => [p.schemeLabel, p.amount, `${text(p.periodStart)}—${text(p.periodEnd)}`,
      p.payeeName, p.statusLabel, el('span', { className: 'doudi-co-path' },
        (p.statusPath || []).map((st) => el('span', { title: `${when(st.at)} ${text(st.by)}` }, st.toLabel)))])));
  parts.push(el('h4', {}, T.deadlines), table('deadlines', [T.step, T.start, T.days, T.due, T.status],
    (c.deadlines || []).map((d) => [d.activityName || d.activityId, d.startDate,
      `${d.days} ${d.calendarDays ? T.calendar : T.working}${d.extensionDays ? `（${T.extension} ${d.extensionDays}）` : ''}`,
      when(d.dueAt), el('span', { className: d.status === 'OPEN' ? 'doudi-co-open' : '' }, d.statusLabel)])));
  if ((c.clockStops || []).length) {
    parts.push(el('h4', {}, T.stops), table('clock-stops', [T.reason, T.stopped, T.resumed, T.days],
      c.clockStops.map((st) => [st.reason, st.suspendedOn, st.resumedOn, st.suspendedWorkingDays])));
  }
  parts.push(el('h4', {}, T.steps), table('steps', [T.step, T.assignee, T.start, T.done, T.due, T.status],
    (c.steps || []).map((st) => [st.name, st.assignee, when(st.startedAt), when(st.endedAt), when(st.dueAt),
      st.outcome])));
  parts.push(el('h4', {}, T.audit), table('audit', [T.at, T.actor, T.action, T.subject],
    (c.audit || []).map((e) => [when(e.at), e.actor, e.action, e.subject])));
  if ((c.facts || []).length) {
    parts.push(el('h4', {}, T.facts), table('facts', [T.name, T.subject], c.facts.map((f) => [f.name, f.value])));
  }
  if ((c.notes || []).length) {
    parts.push(el('h4', {}, T.notes), el('ul', {}, c.notes.map((n) => el('li', { className: 'doudi-co-note' }, n))));
  }
  box.replaceChildren(...parts);
}

export default {
  id: 'doudi.caseOverview.taskTab',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: T.tab },
  render: (node, { taskId }) => {
    ensureStyles();
    const box = el('div', { className: 'doudi-co', 'data-doudi': 'case-overview' },
      el('p', { className: 'doudi-co-status' }, T.loading));
    node.replaceChildren(box);
    getJson(`/api/cases/overview?taskId=${encodeURIComponent(taskId)}`)
      .then((c) => render(box, c))
      .catch((err) => box.replaceChildren(el('p', { className: 'doudi-co-status doudi-co-error',
        'data-doudi': 'error' }, errorText(err))));
  }
};
