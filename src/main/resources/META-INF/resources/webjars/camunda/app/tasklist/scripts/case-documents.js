// Doudi: task tab 申请材料 — the scanned materials of the task's case: list, download, upload (JPEG, PNG, PDF).
// Calls /api/cases/{processInstanceId}/documents with the Tasklist session; an upload carries Camunda's CSRF token
// (header X-XSRF-TOKEN), which the server compares with the session's (docs/documents.md).
const TYPES = [
  ['APPLICATION', '救助申请书'],
  ['IDENTITY', '身份证、户口簿等身份证明'],
  ['INCOME', '家庭收入情况证明'],
  ['ASSETS', '家庭财产情况证明'],
  ['AUTHORISATION', '家庭经济状况核对授权书'],
  ['PLEDGE', '申请材料真实性承诺书'],
  ['DISABILITY_PROOF', '残疾人证、重病诊断证明等'],
  ['SUPPORTER_STATEMENT', '法定赡养、抚养、扶养义务人情况说明'],
  ['GUARDIANSHIP_PROOF', '监护关系证明'],
  ['EXPENSE_PROOF', '医疗、教育等刚性支出票据或证明'],
  ['OTHER', '其他材料']
];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'className') {
      e.className = v;
    } else {
      e.setAttribute(k, v);
    }
  });
  children.forEach(c => e.append(c));
  return e;
}

// the session's token as Camunda last set it (the cookie is readable under /camunda), else the one at load time
function csrfToken(api) {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : api.CSRFToken;
}

function size(bytes) {
  return bytes >= 1000000 ? (bytes / 1000000).toFixed(1) + ' MB' : Math.ceil(bytes / 1000) + ' KB';
}

async function message(res) {
  try {
    const body = await res.json();
    return body.message || body.detail || '操作失败（' + res.status + '）';
  } catch (e) {
    return res.status === 401 ? '登录已过期，请刷新页面后重新登录' : '操作失败（' + res.status + '）';
  }
}

export default {
  id: 'doudi.case-documents',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  properties: { label: '申请材料' },
  render: (node, { taskId, api }) => {
    node.innerHTML = '';
    const status = el('p', { className: 'doudi-documents-status' });
    const list = el('tbody');
    const table = el('table', { className: 'table table-condensed doudi-documents' },
      el('thead', {}, el('tr', {}, el('th', {}, '材料类型'), el('th', {}, '文件'), el('th', {}, '大小'),
        el('th', {}, '上传人'), el('th', {}, '上传时间'))), list);
    const typeSelect = el('select', { className: 'form-control', name: 'materialType' },
      ...TYPES.map(([v, l]) => el('option', { value: v }, l)));
    const file = el('input', { type: 'file', name: 'file', accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf' });
    const button = el('button', { type: 'submit', className: 'btn btn-primary' }, '上传');
    const form = el('form', { className: 'form-inline doudi-documents-upload' },
      el('label', {}, '材料类型 ', typeSelect), ' ', file, ' ', button,
      el('p', { className: 'help-block' }, '只能上传 JPEG、PNG 图片或 PDF 文件，每个文件不超过 10 MB。'));
    node.append(form, status, table);
    let processInstanceId = null;

    async function refresh() {
      const res = await fetch(`/api/cases/${encodeURIComponent(processInstanceId)}/documents`,
        { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
      if (!res.ok) {
        status.textContent = await message(res);
        return;
      }
      const docs = await res.json();
      list.innerHTML = '';
      if (!docs.length) {
        list.append(el('tr', {}, el('td', { colspan: '5' }, '本案还没有上传材料。')));
      }
      docs.forEach(d => {
        const link = el('a', { href: `/api/documents/${d.id}/content`, target: '_blank', rel: 'noopener' });
        link.textContent = d.fileName;
        list.append(el('tr', {}, el('td', {}, d.materialLabel), el('td', {}, link), el('td', {}, size(d.size)),
          el('td', {}, d.uploadedBy), el('td', {}, (d.uploadedAt || '').replace('T', ' ').substring(0, 16))));
      });
    }

    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!file.files.length) {
        status.textContent = '请选择要上传的扫描件。';
        return;
      }
      const data = new FormData();
      data.append('materialType', typeSelect.value);
      data.append('file', file.files[0]);
      button.disabled = true;
      status.textContent = '正在上传……';
      try {
        const res = await fetch(`/api/cases/${encodeURIComponent(processInstanceId)}/documents`, {
          method: 'POST', body: data, credentials: 'same-origin',
          headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) }
        });
        status.textContent = res.ok ? '已上传。' : await message(res);
        if (res.ok) {
          file.value = '';
          await refresh();
        }
      } finally {
        button.disabled = false;
      }
    });

    fetch(`${api.engineApi}/task/${encodeURIComponent(taskId)}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(res => res.ok ? res.json() : Promise.reject(res))
      .then(task => {
        processInstanceId = task.processInstanceId;
        if (!processInstanceId) {
          form.hidden = true;
          status.textContent = '这个任务不属于案件，没有申请材料。';
          return;
        }
        return refresh();
      })
      .catch(() => { status.textContent = '无法读取任务，请刷新页面。'; });
  }
};
