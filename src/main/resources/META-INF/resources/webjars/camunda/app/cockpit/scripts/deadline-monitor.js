// Doudi Cockpit plugins (issue 17): 办理时限监控 on the dashboard and as a process-definition tab, and the
// fund-monitoring chart (资金监测) as a Cockpit page. Plain ES module, no build step, nothing from outside this
// origin. Data: GET /api/supervision/deadlines(/counts) with the Cockpit session (docs/supervision-cockpit.md).

// Cockpit picks its language from the browser's first language when it is an available locale (config.js:
// en, zh) and falls back to English; the plugin follows the same rule so that it speaks what Cockpit speaks.
const LANG = (() => {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  return first.split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';
})();

const TEXT = {
  zh: {
    title: '办理时限监控',
    tab: '办理时限',
    funds: '资金监测',
    fundsTitle: '救助资金监测（流向、流速、流量）',
    fundsOpen: '在新窗口打开',
    overdue: '已超期',
    dueSoon: '3个工作日内到期',
    onTime: '未到期',
    all: '全部',
    scheme: '救助类别',
    process: '流程',
    county: '县（市、区）',
    township: '乡镇（街道）',
    band: '状态',
    reset: '清除筛选',
    refresh: '刷新',
    activity: '环节',
    region: '地区',
    holder: '办理人',
    dueAt: '办理时限',
    daysLeft: '剩余工作日',
    open: '打开',
    instance: '流程实例',
    task: '任务',
    perCounty: '各县（市、区）',
    perTownship: '各乡镇（街道）',
    name: '名称',
    none: '辖区内没有符合条件的未办结时限。',
    loading: '正在加载……',
    page: (p, n, t) => `第 ${p} / ${n} 页，共 ${t} 条`,
    prev: '上一页',
    next: '下一页',
    asOf: (d) => `统计时间：${d}`,
    overdueBy: (n) => `超期 ${n} 个工作日`,
    dueToday: '今日到期',
    left: (n) => `剩 ${n} 个工作日`,
    calendar: '（自然日时限）',
    provisional: '（暂定）',
    group: '候选组',
    unassigned: '未认领',
    forbidden: '当前角色无权查看办理时限（需督查、审计、县乡经办或审批角色）。',
    unauthorized: '登录已失效，请重新登录 Cockpit。',
    unavailable: '办理时限接口暂不可用。',
    timeout: '服务器长时间未响应',
    failed: (s) => `加载失败（${s}）`,
    schemes: {
      dibao: '最低生活保障', tekun: '特困人员救助供养', care: '特困人员供养安排', temporary: '临时救助',
      unemployed: '未参保失业人员临时救助', child: '儿童基本生活费', disability: '残疾人两项补贴', review: '动态管理',
      watch: '低收入人口监测预警', outreach: '主动发现', payment: '资金发放', supervision: '督查'
    }
  },
  en: {
    title: 'Legal deadline monitor',
    tab: 'Deadlines',
    funds: 'Fund monitoring',
    fundsTitle: 'Fund monitoring (flow, speed, volume)',
    fundsOpen: 'Open in a new window',
    overdue: 'Overdue',
    dueSoon: 'Due within 3 working days',
    onTime: 'On time',
    all: 'All',
    scheme: 'Scheme',
    process: 'Process',
    county: 'County',
    township: 'Township',
    band: 'Status',
    reset: 'Clear filters',
    refresh: 'Refresh',
    activity: 'Activity',
    region: 'Region',
    holder: 'Holder',
    dueAt: 'Due',
    daysLeft: 'Working days left',
    open: 'Open',
    instance: 'Instance',
    task: 'Task',
    perCounty: 'Per county',
    perTownship: 'Per township',
    name: 'Name',
    none: 'No open deadline matches in your region.',
    loading: 'Loading…',
    page: (p, n, t) => `Page ${p} of ${n}, ${t} deadlines`,
    prev: 'Previous',
    next: 'Next',
    asOf: (d) => `As of ${d}`,
    overdueBy: (n) => `overdue by ${n} working day${n === 1 ? '' : 's'}`,
    dueToday: 'due today',
    left: (n) => `${n} working day${n === 1 ? '' : 's'} left`,
    calendar: ' (calendar days)',
    provisional: ' (provisional)',
    group: 'group',
    unassigned: 'unclaimed',
    forbidden: 'Your role may not see case deadlines (supervisor, auditor, county or township staff only).',
    unauthorized: 'Your session has ended; please log in to Cockpit again.',
    unavailable: 'The deadline service is not available.',
    timeout: 'the server did not answer in time',
    failed: (s) => `Could not load the deadlines (${s})`,
    schemes: {
      dibao: 'Minimum living allowance (dibao)', tekun: 'Extreme poverty support (tekun)', care: 'Care arrangements',
      temporary: 'Temporary assistance', unemployed: 'Assistance for uninsured unemployed', child: 'Child living allowance',
      disability: 'Disability allowances', review: 'Periodic review', watch: 'Low-income monitoring',
      outreach: 'Outreach', payment: 'Payments', supervision: 'Supervision'
    }
  }
}[LANG];

const BANDS = ['OVERDUE', 'DUE_SOON', 'ON_TIME'];
const BAND_LABEL = { OVERDUE: TEXT.overdue, DUE_SOON: TEXT.dueSoon, ON_TIME: TEXT.onTime };
const BAND_CLASS = { OVERDUE: 'overdue', DUE_SOON: 'due-soon', ON_TIME: 'on-time' };
const PAGE_SIZE = 50;

// the stylesheet sits next to this module (style-src 'self'; no inline styles needed)
function ensureStyles() {
  if (document.getElementById('doudi-dl-styles')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'doudi-dl-styles';
  link.rel = 'stylesheet';
  link.href = new URL('deadline-monitor.css', import.meta.url).href;
  document.head.appendChild(link);
}

/** Small DOM builder: el('td', {className: 'x'}, 'text', childNode). Text is always set as text, never HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) {
      return;
    }
    if (k === 'className' || k === 'textContent' || k === 'value' || k === 'disabled' || k === 'selected') {
      node[k] = v;
    } else if (k.startsWith('on')) {
      node.addEventListener(k.substring(2), v);
    } else {
      node.setAttribute(k, v);
    }
  });
  children.flat().forEach((c) => {
    if (c !== undefined && c !== null && c !== false) {
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  });
  return node;
}

function appRoot(api) {
  // api.baseApi is e.g. /camunda/api/engine; the web apps live under /camunda/app
  return (api && api.baseApi ? api.baseApi : '/camunda/api/engine').replace(/\/api\/engine$/, '');
}

function formatDue(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (isNaN(d.getTime())) {
    return iso;
  }
  // the legal limits are Beijing time whatever the browser's zone
  // zh: 2026/12/01 17:00; en: 2026-12-01 17:00 (ISO order, no day/month ambiguity)
  return d.toLocaleString(LANG === 'zh' ? 'zh-CN' : 'sv-SE', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  });
}

function daysText(n) {
  if (n === null || n === undefined) {
    return '';
  }
  if (n < 0) {
    return TEXT.overdueBy(-n);
  }
  return n === 0 ? TEXT.dueToday : TEXT.left(n);
}

const TIMEOUT_MS = 60000;

async function getJson(url) {
  // a request that never answers (e.g. a login prompt the browser keeps open) ends as an error, not a spinner
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      signal: abort.signal });
  } catch (e) {
    const err = new Error(abort.signal.aborted ? TEXT.timeout : String(e.message || e));
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
    // not JSON: keep the status only
  }
  const err = new Error(detail);
  err.status = res.status;
  throw err;
}

function errorText(err) {
  if (err.status === 401) {
    return TEXT.unauthorized;
  }
  if (err.status === 403) {
    return TEXT.forbidden;
  }
  if (err.status === 404) {
    return TEXT.unavailable;
  }
  // a 400 carries the server's (Chinese) explanation
  if (!err.status) {
    return TEXT.failed(err.message);
  }
  return err.message ? `${TEXT.failed(err.status)}: ${err.message}` : TEXT.failed(err.status);
}

/**
 * One monitor in {@code node}. {@code fixedProcess}: a process definition key the list is limited to (the
 * definition tab), which also hides the scheme and process filters and the per-region tables.
 */
class DeadlineMonitor {
  constructor(node, api, fixedProcess) {
    this.node = node;
    this.api = api;
    this.root = appRoot(api);
    this.fixedProcess = fixedProcess;
    this.filters = { scheme: '', process: fixedProcess || '', county: '', township: '', band: '' };
    this.page = 0;
    this.sort = 'dueAt';
    this.counts = null;
    this.generation = 0;
  }

  async start() {
    ensureStyles();
    this.node.replaceChildren();
    this.box = el('div', { className: 'doudi-dl', 'data-doudi': 'deadline-monitor' });
    if (!this.fixedProcess) {
      this.box.appendChild(el('h3', { className: 'doudi-dl-title' }, TEXT.title));
    }
    this.status = el('div', { className: 'doudi-dl-status', role: 'status' }, TEXT.loading);
    this.totals = el('div', { className: 'doudi-dl-totals' });
    this.filterBar = el('div', { className: 'doudi-dl-filters' });
    this.list = el('div', { className: 'doudi-dl-list' });
    this.regions = el('div', { className: 'doudi-dl-regions' });
    this.box.append(this.status, this.totals, this.filterBar, this.list, this.regions);
    this.node.appendChild(this.box);
    if (!this.fixedProcess) {
      this.loadProcesses();
    }
    await this.reload();
  }

  query(withBand) {
    const p = new URLSearchParams();
    ['scheme', 'process', 'county', 'township'].forEach((k) => {
      if (this.filters[k]) {
        p.set(k, this.filters[k]);
      }
    });
    if (withBand) {
      if (this.filters.band) {
        p.set('band', this.filters.band);
      }
      p.set('page', String(this.page));
      p.set('size', String(PAGE_SIZE));
      p.set('sort', this.sort);
    }
    return p.toString();
  }

  async reload() {
    const generation = ++this.generation;
    this.status.textContent = TEXT.loading;
    this.status.classList.remove('doudi-dl-error');
    try {
      const [counts, items] = await Promise.all([
        getJson(`/api/supervision/deadlines/counts?${this.query(false)}`),
        getJson(`/api/supervision/deadlines?${this.query(true)}`)
      ]);
      if (generation !== this.generation) {
        return; // a newer request is under way
      }
      this.counts = counts;
      this.status.textContent = TEXT.asOf(formatDue(items.asOf || counts.asOf));
      this.renderTotals(counts.total || {});
      this.renderFilters();
      this.renderList(items);
      if (!this.fixedProcess) {
        this.renderRegions(counts);
      }
    } catch (err) {
      if (generation !== this.generation) {
        return;
      }
      this.status.textContent = errorText(err);
      this.status.classList.add('doudi-dl-error');
      this.list.replaceChildren();
      this.totals.replaceChildren();
      this.regions.replaceChildren();
    }
  }

  set(key, value) {
    this.filters[key] = value;
    if (key === 'county' && value === '') {
      this.filters.township = '';
    }
    if (key === 'township' && value) {
      // a township lies in exactly one county: keep the two selects consistent
      const t = (this.counts && this.counts.townships || []).find((x) => x.code === value);
      if (t) {
        this.filters.county = t.countyCode;
      }
    }
    this.page = 0;
    this.reload();
  }

  renderTotals(total) {
    const card = (band, n) => el('button', {
      type: 'button',
      className: `doudi-dl-card ${BAND_CLASS[band]}${this.filters.band === band ? ' active' : ''}`,
      'data-band': band,
      onclick: () => this.set('band', this.filters.band === band ? '' : band)
    }, el('span', { className: 'doudi-dl-count' }, String(n || 0)), el('span', {}, BAND_LABEL[band]));
    this.totals.replaceChildren(card('OVERDUE', total.overdue), card('DUE_SOON', total.dueSoon),
        card('ON_TIME', total.onTime));
  }

  async loadProcesses() {
    try {
      const defs = await getJson(`${this.api.engineApi}/process-definition?latestVersion=true&sortBy=name&sortOrder=asc`);
      this.processes = defs.map((d) => ({ key: d.key, name: d.name || d.key }));
      this.renderFilters();
    } catch (e) {
      this.processes = []; // the process filter then offers only what the list shows
    }
  }

  renderFilters() {
    const select = (key, label, options) => el('label', {},
        el('span', {}, label),
        el('select', { name: key, onchange: (e) => this.set(key, e.target.value) },
            el('option', { value: '' }, TEXT.all),
            options.map(([v, t]) => el('option', { value: v, selected: this.filters[key] === v }, t))));
    const counties = (this.counts && this.counts.counties || []).map((c) => [c.code, c.name || c.code]);
    const townships = (this.counts && this.counts.townships || [])
        .filter((t) => !this.filters.county || t.countyCode === this.filters.county)
        .map((t) => [t.code, t.name || t.code]);
    const parts = [];
    if (!this.fixedProcess) {
      parts.push(select('scheme', TEXT.scheme, Object.entries(TEXT.schemes)));
      parts.push(select('process', TEXT.process, (this.processes || []).map((p) => [p.key, p.name])));
    }
    parts.push(select('county', TEXT.county, counties));
    parts.push(select('township', TEXT.township, townships));
    parts.push(select('band', TEXT.band, BANDS.map((b) => [b, BAND_LABEL[b]])));
    parts.push(el('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => {
      this.filters = { scheme: '', process: this.fixedProcess || '', county: '', township: '', band: '' };
      this.page = 0;
      this.reload();
    } }, TEXT.reset));
    parts.push(el('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => this.reload() },
        TEXT.refresh));
    this.filterBar.replaceChildren(...parts);
  }

  renderList(data) {
    const items = data.items || [];
    if (!items.length) {
      this.list.replaceChildren(el('p', { className: 'doudi-dl-empty' }, TEXT.none));
      return;
    }
    const arrow = this.sort === 'dueAt' ? ' ▲' : ' ▼';
    const head = el('tr', {},
        this.fixedProcess ? null : el('th', {}, TEXT.process),
        el('th', {}, TEXT.activity), el('th', {}, TEXT.region), el('th', {}, TEXT.holder),
        el('th', { className: 'doudi-dl-sort' }, el('a', { href: '', role: 'button', onclick: (e) => {
          e.preventDefault();
          this.sort = this.sort === 'dueAt' ? '-dueAt' : 'dueAt';
          this.page = 0;
          this.reload();
        } }, TEXT.dueAt + arrow)),
        el('th', {}, TEXT.daysLeft), el('th', {}, TEXT.open));
    const rows = items.map((it) => {
      const band = BAND_CLASS[it.band] || '';
      const holder = it.assignee
        || (it.candidateGroups && it.candidateGroups.length ? `${TEXT.group}: ${it.candidateGroups.join(', ')}` : '')
        || (it.taskId ? TEXT.unassigned : '');
      const region = [it.countyName, it.townshipName].filter(Boolean).join(' ') || it.regionCode || '';
      return el('tr', { className: `doudi-dl-row ${band}`, 'data-process-instance': it.processInstanceId,
        'data-band': it.band },
        this.fixedProcess ? null : el('td', {}, it.processName || it.processKey,
            it.businessKey ? el('div', { className: 'doudi-dl-key' }, it.businessKey) : null),
        el('td', {}, it.activityName || it.activityId),
        el('td', {}, region),
        el('td', {}, holder),
        el('td', {}, formatDue(it.dueAt), it.calendarDays ? TEXT.calendar : '', it.provisional ? TEXT.provisional : ''),
        el('td', { className: `doudi-dl-days ${band}`, 'data-days': it.workingDaysLeft },
            el('span', { className: `doudi-dl-badge ${band}` }, BAND_LABEL[it.band] || it.band),
            ' ', el('span', { className: 'doudi-dl-n' }, String(it.workingDaysLeft)),
            el('div', { className: 'doudi-dl-hint' }, daysText(it.workingDaysLeft))),
        el('td', {},
            el('a', { href: `#/process-instance/${encodeURIComponent(it.processInstanceId)}/runtime`,
              className: 'doudi-dl-instance' }, TEXT.instance),
            it.taskId ? ' · ' : null,
            it.taskId ? el('a', { href: `${this.root}/app/tasklist/${encodeURIComponent(this.api.engine || 'default')}/#/?task=${encodeURIComponent(it.taskId)}`,
              className: 'doudi-dl-task', target: '_blank', rel: 'noopener' }, TEXT.task) : null));
    });
    const pages = Math.max(1, Math.ceil((data.total || 0) / (data.size || PAGE_SIZE)));
    const pager = el('div', { className: 'doudi-dl-pager' },
        el('button', { type: 'button', className: 'btn btn-default btn-sm', disabled: this.page <= 0,
          onclick: () => { this.page -= 1; this.reload(); } }, TEXT.prev),
        el('span', {}, TEXT.page(this.page + 1, pages, data.total || 0)),
        el('button', { type: 'button', className: 'btn btn-default btn-sm', disabled: this.page + 1 >= pages,
          onclick: () => { this.page += 1; this.reload(); } }, TEXT.next));
    this.list.replaceChildren(
        el('table', { className: 'table table-condensed doudi-dl-table' }, el('thead', {}, head), el('tbody', {}, rows)),
        pager);
  }

  renderRegions(counts) {
    const table = (title, rows, key) => el('div', { className: 'doudi-dl-region' },
        el('h4', {}, title),
        el('table', { className: 'table table-condensed' },
            el('thead', {}, el('tr', {}, el('th', {}, TEXT.name), el('th', {}, TEXT.overdue),
                el('th', {}, TEXT.dueSoon), el('th', {}, TEXT.onTime))),
            el('tbody', {}, rows.map((r) => el('tr', { 'data-code': r.code },
                el('td', {}, el('a', { href: '', onclick: (e) => { e.preventDefault(); this.set(key, r.code); } },
                    r.name || r.code)),
                el('td', { className: r.overdue ? 'overdue' : '' }, String(r.overdue || 0)),
                el('td', { className: r.dueSoon ? 'due-soon' : '' }, String(r.dueSoon || 0)),
                el('td', {}, String(r.onTime || 0)))))));
    this.regions.replaceChildren(
        table(TEXT.perCounty, counts.counties || [], 'county'),
        table(TEXT.perTownship, (counts.townships || [])
            .filter((t) => !this.filters.county || t.countyCode === this.filters.county), 'township'));
  }
}

async function definitionKey(api, processDefinitionId) {
  try {
    const def = await getJson(`${api.engineApi}/process-definition/${encodeURIComponent(processDefinitionId)}`);
    return def.key;
  } catch (e) {
    return String(processDefinitionId).split(':')[0]; // the engine's ids start with the key
  }
}

const FUNDS_PATH = '/doudi-funds';

export default [
  {
    id: 'doudi.deadlines.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, { api }) => {
      new DeadlineMonitor(node, api, null).start();
    }
  },
  {
    id: 'doudi.deadlines.definitionTab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 5,
    properties: { label: TEXT.tab },
    render: (node, { api, processDefinitionId }) => {
      definitionKey(api, processDefinitionId).then((key) => new DeadlineMonitor(node, api, key).start());
    }
  },
  {
    id: 'doudi.funds.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: FUNDS_PATH },
    render: (node) => {
      node.replaceChildren(el('a', { href: `#${FUNDS_PATH}`, 'data-doudi': 'funds-nav' }, TEXT.funds));
    }
  },
  {
    id: 'doudi.funds.route',
    pluginPoint: 'cockpit.route',
    priority: 5,
    properties: { path: FUNDS_PATH },
    render: (node) => {
      ensureStyles();
      // /funds/ is framed from this origin only (frame-ancestors 'self'); it keeps its own CSP and login check
      node.replaceChildren(el('div', { className: 'doudi-funds' },
          el('div', { className: 'doudi-funds-head' }, el('h3', {}, TEXT.fundsTitle),
              el('a', { href: '/funds/', target: '_blank', rel: 'noopener' }, TEXT.fundsOpen)),
          el('iframe', { src: '/funds/', title: TEXT.fundsTitle, className: 'doudi-funds-frame' })));
    }
  }
];
