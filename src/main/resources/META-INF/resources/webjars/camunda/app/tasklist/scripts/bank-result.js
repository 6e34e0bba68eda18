// Doudi Tasklist plugin (issue 18 items 3 and 7): the tab 银行回盘 on the payroll task 下载代发文件并上传银行回盘.
// Download the bank disbursement file, upload the bank's result file, see paid / returned / waiting counts and the
// errors of a refused file line by line. Plain ES module, no build step, no innerHTML, nothing from another origin.
// Calls /api/payroll/tasks/{taskId}/… with the Tasklist session; the upload carries Camunda's CSRF token
// (X-XSRF-TOKEN), which the server checks against the session (docs/payroll.md).

const API = '/api/payroll/tasks/';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') {
      node.className = v;
    } else if (k.startsWith('on')) {
      node.addEventListener(k.substring(2), v);
    } else {
      node.setAttribute(k, v);
    }
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function csrfToken(api) {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : (api && api.CSRFToken) || '';
}

async function call(url, options) {
  const res = await fetch(url, Object.assign({ credentials: 'same-origin' }, options));
  let body = null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    body = await res.json();
  }
  return { status: res.status, ok: res.ok, body, res };
}

function problemText(r) {
  if (r.status === 401) {
    return '登录已失效，请重新登录 Tasklist。';
  }
  const m = r.body && (r.body.message || r.body.detail);
  return m || `请求失败（${r.status}）`;
}

function counts(f) {
  return el('dl', { class: 'doudi-bank-counts dl-horizontal' },
    el('dt', {}, '银行批次号'), el('dd', { 'data-field': 'batchNo' }, f.batchNo),
    el('dt', {}, '代发笔数'), el('dd', {}, f.rowCount),
    el('dt', {}, '代发总额（元）'), el('dd', {}, f.totalAmount),
    el('dt', {}, '成功'), el('dd', { 'data-field': 'paid' }, f.paid + ' 笔'),
    el('dt', {}, '退回'), el('dd', { 'data-field': 'returned' }, f.returned + ' 笔'),
    el('dt', {}, '等待银行结果'), el('dd', { 'data-field': 'waiting' }, f.waiting + ' 笔'));
}

function errorTable(errors) {
  return el('table', { class: 'table table-condensed doudi-bank-errors' },
    el('thead', {}, el('tr', {}, el('th', {}, '行号'), el('th', {}, '错误'))),
    el('tbody', {}, errors.map((e) => el('tr', {}, el('td', {}, e.line), el('td', {}, e.message)))));
}

async function show(node, taskId, api) {
  node.replaceChildren(el('p', {}, '正在加载……'));
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const r = await call(API + encodeURIComponent(taskId) + '/bank-file', { headers });
  if (r.status === 404) {
    node.replaceChildren(el('p', { class: 'text-muted' }, '本任务不涉及银行代发文件。'));
    return;
  }
  if (!r.ok) {
    node.replaceChildren(el('p', { class: 'alert alert-danger' }, problemText(r)));
    return;
  }
  const file = r.body;
  const summary = el('div', {}, counts(file));
  const result = el('div', { class: 'doudi-bank-result', 'aria-live': 'polite' });
  const input = el('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', class: 'doudi-bank-file' });
  const upload = el('button', { type: 'button', class: 'btn btn-primary doudi-bank-upload' }, '上传回盘文件');
  const download = el('button', { type: 'button', class: 'btn btn-default doudi-bank-download' },
    '下载代发文件（' + file.fileName + '）');

  download.addEventListener('click', async () => {
    const d = await fetch(API + encodeURIComponent(taskId) + '/bank-file/content',
      { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    if (!d.ok) {
      const body = (d.headers.get('Content-Type') || '').includes('json') ? await d.json() : null;
      result.replaceChildren(el('p', { class: 'alert alert-danger' }, problemText({ status: d.status, body })));
      return;
    }
    const url = URL.createObjectURL(await d.blob());
    const a = el('a', { href: url, download: file.fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  upload.addEventListener('click', async () => {
    const chosen = input.files && input.files[0];
    if (!chosen) {
      result.replaceChildren(el('p', { class: 'alert alert-warning' }, '请先选择银行回盘文件。'));
      return;
    }
    upload.disabled = true;
    result.replaceChildren(el('p', {}, '正在导入……'));
    try {
      const u = await call(API + encodeURIComponent(taskId) + '/bank-result', {
        method: 'POST',
        headers: Object.assign({}, headers, {
          'Content-Type': file.format === 'BANK-TXT-1' ? 'text/plain' : 'text/csv',
          'X-XSRF-TOKEN': csrfToken(api)
        }),
        body: chosen
      });
      if (u.ok) {
        const a = u.body;
        summary.replaceChildren(counts(Object.assign({}, file, a)));
        result.replaceChildren(el('p', { class: 'alert alert-success doudi-bank-ok' }, a.message));
      } else if (u.body && Array.isArray(u.body.errors)) {
        result.replaceChildren(el('p', { class: 'alert alert-danger doudi-bank-refused' },
          '回盘文件被整体拒收，未导入任何记录。请更正下列行后重新上传：'), errorTable(u.body.errors));
      } else {
        result.replaceChildren(el('p', { class: 'alert alert-danger doudi-bank-refused' }, problemText(u)));
      }
    } catch (e) {
      result.replaceChildren(el('p', { class: 'alert alert-danger' }, '上传失败：服务器未响应。'));
    } finally {
      upload.disabled = false;
    }
  });

  node.replaceChildren(el('div', { class: 'doudi-bank-tab', style: 'padding: 10px 15px' },
    el('p', {}, '1. 下载本批次银行代发文件，报送银行。'), el('p', {}, download),
    el('p', {}, '2. 收到银行回盘文件后选择文件上传；银行分次回盘的，逐个上传。全部记录都有结果后本任务自动结束。'),
    el('p', {}, input), el('p', {}, upload), summary, result));
}

export default {
  id: 'doudi.bankResult',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: '银行回盘' },
  render: (node, { taskId, api }) => {
    show(node, taskId, api).catch(() => {
      node.replaceChildren(el('p', { class: 'alert alert-danger' }, '银行回盘页签加载失败。'));
    });
  }
};
