// 社会救助网上办理: the citizens' page (docs/citizen.md). Plain script, no build step, no external resources; text is
// set as text only (never innerHTML), so nothing a case holds can run as code here.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var PROVINCE = '220000';
  var MATERIALS = [['IDENTITY', '身份证、户口簿等身份证明'], ['INCOME', '家庭收入情况证明'], ['ASSETS', '家庭财产情况证明'],
    ['AUTHORISATION', '家庭经济状况核对授权书'], ['PLEDGE', '申请材料真实性承诺书'],
    ['DISABILITY_PROOF', '残疾人证、重病诊断证明等'], ['EXPENSE_PROOF', '医疗、教育等刚性支出票据或证明'],
    ['OTHER', '其他材料']];

  function say(text, ok) {
    var m = $('message');
    m.textContent = text || '';
    m.className = !text ? '' : ok ? 'ok' : 'error';
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function call(method, path, body, isForm) {
    var opts = { method: method, credentials: 'same-origin', headers: {} };
    if (method !== 'GET') { opts.headers['X-Citizen-Request'] = '1'; }
    if (body !== undefined) {
      if (isForm) { opts.body = body; } else {
        opts.headers['Content-Type'] = 'application/json';
        opts.body = JSON.stringify(body);
      }
    }
    return fetch(path, opts).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        if (!r.ok) {
          if (r.status === 401 && path.indexOf('/sign-in') < 0) { showSignIn(); }
          var msg = data && (data.message || data.detail) || ('请求失败（' + r.status + '）');
          throw new Error(msg);
        }
        return data;
      });
    });
  }

  function fail(e) { say(e.message, false); }

  function fmtTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString('zh-CN', { hour12: false });
  }

  // ---- sign-in
  function showSignIn() {
    $('signIn').hidden = false; $('home').hidden = true; $('signOut').hidden = true;
    $('caseList').textContent = ''; $('reportList').textContent = ''; $('draftList').textContent = ''; $('code').value = '';
  }

  function showHome(me) {
    $('signIn').hidden = true; $('home').hidden = false; $('signOut').hidden = false;
    $('who').textContent = '已登录：' + me.idNumber.slice(0, 6) + '********' + me.idNumber.slice(14) + '，手机 '
      + me.phone.slice(0, 3) + '****' + me.phone.slice(7);
    // every sign-in starts at 我的案件 (the page may have shown another person's tabs before)
    document.querySelector('nav .tab[data-tab="cases"]').click();
  }

  $('sendCode').addEventListener('click', function () {
    call('POST', '/api/citizen/sign-in/code', { idNumber: $('idNumber').value.trim(), phone: $('phone').value.trim() })
      .then(function (d) { say(d.message, true); }).catch(fail);
  });

  $('doSignIn').addEventListener('click', function () {
    call('POST', '/api/citizen/sign-in', { idNumber: $('idNumber').value.trim(), phone: $('phone').value.trim(),
      code: $('code').value.trim() })
      .then(function () { return call('GET', '/api/citizen/me'); })
      .then(function (me) { say('登录成功', true); showHome(me); }).catch(fail);
  });

  $('signOut').addEventListener('click', function () {
    call('POST', '/api/citizen/sign-out', {}).then(function () { say('已退出', true); showSignIn(); }).catch(fail);
  });

  // ---- tabs
  Array.prototype.forEach.call(document.querySelectorAll('nav .tab'), function (b) {
    b.addEventListener('click', function () {
      Array.prototype.forEach.call(document.querySelectorAll('nav .tab'), function (x) { x.classList.remove('active'); });
      b.classList.add('active');
      ['cases', 'consents', 'apply'].forEach(function (t) { $('tab-' + t).hidden = t !== b.dataset.tab; });
      if (b.dataset.tab === 'cases') { loadCases(); }
      if (b.dataset.tab === 'consents') { loadDrafts(); }
      if (b.dataset.tab === 'apply' && !$('county').options.length) { loadCounties(); }
    });
  });

  // ---- cases
  function loadCases() {
    call('GET', '/api/citizen/cases').then(function (list) {
      var box = $('caseList');
      box.textContent = '';
      if (!list.length) { box.appendChild(el('p', '暂无案件。', 'hint')); }
      list.forEach(function (c) { box.appendChild(caseCard(c)); });
    }).catch(fail);
    call('GET', '/api/citizen/emergency-reports').then(function (list) {
      var box = $('reportList');
      box.textContent = '';
      if (!list.length) { return; }
      box.appendChild(el('h2', '我报告的急难情况'));
      list.forEach(function (r) {
        var card = el('div', null, 'card report');
        card.dataset.pid = r.processInstanceId;
        card.appendChild(el('p', r.subjectName + '　' + (r.regionName || '') + '　' + fmtTime(r.reportedAt)));
        var st = el('p', '办理情况：');
        st.appendChild(el('span', r.stage, 'stage'));
        card.appendChild(st);
        box.appendChild(card);
      });
    }).catch(fail);
  }

  function section(card, title, items, render) {
    if (!items || !items.length) { return; }
    card.appendChild(el('h3', title));
    var ul = el('ul');
    items.forEach(function (i) { ul.appendChild(render(i)); });
    card.appendChild(ul);
  }

  function caseCard(c) {
    var card = el('div', null, 'card case');
    card.dataset.pid = c.processInstanceId;
    card.appendChild(el('h2', c.schemeLabel + '（' + c.channel + '）'));
    card.appendChild(el('p', '申请人：' + (c.applicantName || '') + '　' + (c.regionName || '')));
    var st = el('p', '当前环节：');
    st.appendChild(el('span', c.stage, 'stage'));
    card.appendChild(st);
    if (c.clockStopped) { card.appendChild(el('p', '办理时限中止计时中（等待补齐材料）', 'hint')); }
    if (c.missingMaterials && c.missingMaterials.length) {
      var n = el('div', null, 'notice missing');
      n.appendChild(el('strong', '一次性告知：请补齐以下材料'));
      var ul = el('ul');
      c.missingMaterials.forEach(function (m) { ul.appendChild(el('li', m.label)); });
      n.appendChild(ul);
      card.appendChild(n);
    }
    if (c.checkSummary) {
      card.appendChild(el('div', '信息核对结果：' + c.checkSummary, 'notice'));
    }
    section(card, '办理时限', c.deadlines, function (d) { return el('li', d.step + '：' + fmtTime(d.dueAt) + '前'); });
    section(card, '审核确认决定', c.decisions, function (d) {
      return el('li', d.decisionLabel + (d.decidedOn ? '（' + d.decidedOn + '）' : '')
        + (d.monthlyAmount ? '，每月' + d.monthlyAmount + '元，自' + d.paymentFrom + '起' : '')
        + (d.totalAmount ? '，救助金共' + d.totalAmount + '元' + (d.instalments > 1 ? '，分' + d.instalments + '期发放' : '') : '')
        + (d.reasons ? '。理由：' + d.reasons : ''));
    });
    section(card, '救助金发放', c.payments, function (p) {
      return el('li', (p.periodStart || '') + '至' + (p.periodEnd || '') + '：' + p.amount + '元，' + p.statusLabel);
    });
    section(card, '家庭成员', c.persons, function (p) {
      return el('li', p.name + '（' + p.relation + '）' + p.idNumber + (p.you ? '（您）' : ''));
    });
    section(card, '材料和通知书', c.documents, function (d) {
      var li = el('li');
      var a = el('a', (d.notice ? '下载通知书：' : '') + d.materialLabel + '：' + d.fileName, d.notice ? 'doc-notice' : '');
      a.href = '/api/citizen/documents/' + encodeURIComponent(d.id) + '/content';
      a.setAttribute('download', '');
      li.appendChild(a);
      li.appendChild(el('span', '　' + fmtTime(d.uploadedAt), 'hint'));
      return li;
    });
    if (c.canUpload) { card.appendChild(uploadForm(c)); }
    if (c.canAskRecheck) {
      card.appendChild(action(c, '对核对结果有异议，申请复查', 'recheck', 'reasons', '请写明理由和证据'));
    }
    if (c.canObject) {
      card.appendChild(action(c, '对公示提出异议', 'objections', 'content', '请写明异议内容'));
    }
    if (c.canWithdraw) {
      card.appendChild(action(c, '撤回申请', 'withdrawal', 'reason', '请写明撤回理由'));
    }
    return card;
  }

  function uploadForm(c) {
    var box = el('div', null, 'upload');
    box.appendChild(el('h3', '上传材料（照片或PDF）'));
    var type = el('select');
    type.className = 'u-type';
    var missing = (c.missingMaterials || []).map(function (m) { return m.materialType; });
    MATERIALS.forEach(function (m) {
      var o = el('option', m[1]); o.value = m[0];
      if (missing.length && m[0] === missing[0]) { o.selected = true; }
      type.appendChild(o);
    });
    var lt = el('label', '材料类别'); lt.appendChild(type); box.appendChild(lt);
    var file = el('input'); file.type = 'file'; file.className = 'u-file';
    file.accept = 'image/jpeg,image/png,application/pdf';
    var lf = el('label', '选择文件'); lf.appendChild(file); box.appendChild(lf);
    var b = el('button', '上传', 'primary u-send'); b.type = 'button';
    b.addEventListener('click', function () {
      if (!file.files.length) { say('请选择要上传的照片或PDF文件', false); return; }
      var fd = new FormData();
      fd.append('materialType', type.value);
      fd.append('file', file.files[0]);
      call('POST', '/api/citizen/cases/' + encodeURIComponent(c.processInstanceId) + '/documents', fd, true)
        .then(function (d) { say(d.message, true); loadCases(); }).catch(fail);
    });
    box.appendChild(b);
    return box;
  }

  function action(c, title, path, field, placeholder) {
    var box = el('div', null, 'action action-' + path);
    var t = el('textarea'); t.placeholder = placeholder; t.maxLength = 2000; t.rows = 2;
    var b = el('button', title); b.type = 'button';
    b.addEventListener('click', function () {
      var body = {}; body[field] = t.value.trim();
      call('POST', '/api/citizen/cases/' + encodeURIComponent(c.processInstanceId) + '/' + path, body)
        .then(function () { say(title + '：已提交', true); loadCases(); }).catch(fail);
    });
    box.appendChild(t); box.appendChild(b);
    return box;
  }

  // ---- drafts and consents
  function loadDrafts() {
    call('GET', '/api/citizen/applications').then(function (list) {
      var box = $('draftList');
      box.textContent = '';
      if (!list.length) { box.appendChild(el('p', '暂无网上申请。', 'hint')); }
      list.forEach(function (d) { box.appendChild(draftCard(d)); });
    }).catch(fail);
  }

  function draftCard(d) {
    var card = el('div', null, 'card draft');
    card.appendChild(el('h2', (d.scheme === 'EXPENDITURE' ? '支出型临时救助网上申请' : '低保网上申请')
      + '（申请人：' + d.applicantName + '）'));
    card.appendChild(el('p', '状态：' + d.statusLabel + (d.status === 'DRAFT' ? '，' + fmtTime(d.expiresAt) + '前须全部签署' : '')));
    section(card, '签署情况', d.persons, function (p) {
      var s = p.name + '（' + p.relation + '）';
      if (p.needsConsent) { s += p.authorised || !p.applicant && !p.needsConsent ? '：已签授权书' : '：未签授权书'; }
      if (p.applicant) { s += p.pledged ? '，已签承诺书' : '，未签承诺书'; }
      return el('li', s + (p.you ? '（您）' : ''));
    });
    var due = d.yourPendingConsents || [];
    if (due.length) {
      var auth = null, pledge = null;
      if (due.indexOf('AUTHORISATION') >= 0) {
        auth = el('input'); auth.type = 'checkbox'; auth.className = 'c-auth';
        var la = el('label', null, 'check'); la.appendChild(auth);
        la.appendChild(document.createTextNode('家庭经济状况核对授权书：本人授权民政部门及相关单位核对本人的收入、财产等家庭经济状况信息。'));
        card.appendChild(la);
      }
      if (due.indexOf('PLEDGE') >= 0) {
        pledge = el('input'); pledge.type = 'checkbox'; pledge.className = 'c-pledge';
        var lp = el('label', null, 'check'); lp.appendChild(pledge);
        lp.appendChild(document.createTextNode('承诺书：本人承诺所填信息真实、完整，如有虚假愿承担法律责任。'));
        card.appendChild(lp);
      }
      var b = el('button', '同意并签署', 'primary c-sign'); b.type = 'button';
      b.addEventListener('click', function () {
        call('POST', '/api/citizen/applications/' + d.id + '/consents',
          { authorisation: !!(auth && auth.checked), pledge: !!(pledge && pledge.checked) })
          .then(function (r) {
            say(r.status === 'SUBMITTED' ? '全部签署完成，申请已提交' : '已签署，等待其他家庭成员签署', true);
            loadDrafts();
          }).catch(fail);
      });
      card.appendChild(b);
    }
    return card;
  }

  // ---- apply
  function fillSelect(select, list, empty) {
    select.textContent = '';
    var o = el('option', empty); o.value = ''; select.appendChild(o);
    list.forEach(function (r) { var x = el('option', r.name); x.value = r.code; select.appendChild(x); });
  }

  function loadCounties() {
    call('GET', '/api/citizen/regions?parent=' + PROVINCE).then(function (cities) {
      return Promise.all(cities.map(function (c) { return call('GET', '/api/citizen/regions?parent=' + c.code); }));
    }).then(function (lists) {
      fillSelect($('county'), [].concat.apply([], lists), '请选择');
    }).catch(fail);
  }

  $('county').addEventListener('change', function () {
    fillSelect($('village'), [], '请先选择乡镇');
    if (!this.value) { fillSelect($('township'), [], '请先选择县'); return; }
    call('GET', '/api/citizen/regions?parent=' + this.value).then(function (l) { fillSelect($('township'), l, '请选择'); }).catch(fail);
  });
  $('township').addEventListener('change', function () {
    if (!this.value) { fillSelect($('village'), [], '请先选择乡镇'); return; }
    call('GET', '/api/citizen/regions?parent=' + this.value).then(function (l) { fillSelect($('village'), l, '（不选则为乡镇）'); }).catch(fail);
  });

  function addMember(self) {
    var f = $('memberTemplate').content.firstElementChild.cloneNode(true);
    f.querySelector('.m-relation').value = self ? 'SELF' : 'SPOUSE';
    f.querySelector('.m-remove').addEventListener('click', function () { f.remove(); numberMembers(); });
    $('members').appendChild(f);
    numberMembers();
    return f;
  }

  function numberMembers() {
    Array.prototype.forEach.call(document.querySelectorAll('#members .member'), function (f, i) {
      f.querySelector('legend').textContent = '第' + (i + 1) + '位成员';
    });
  }

  $('addMember').addEventListener('click', function () { addMember(false); });

  function money(v) { var s = String(v || '0').trim(); return s === '' ? '0' : s; }

  $('submitApplication').addEventListener('click', function () {
    var members = [], phones = [];
    Array.prototype.forEach.call(document.querySelectorAll('#members .member'), function (f) {
      var q = function (c) { return f.querySelector(c); };
      var id = q('.m-id').value.trim().toUpperCase();
      var cat = q('.m-disability').value;
      members.push({ name: q('.m-name').value.trim(), idNumber: id, relation: q('.m-relation').value,
        hukouCountyCode: null, hukouUrbanRural: null, disabilityCategory: cat || null,
        disabilityGrade: cat && q('.m-grade').value ? Number(q('.m-grade').value) : null,
        seriousIllness: q('.m-ill').checked, ableToWork: q('.m-work').checked, student: q('.m-student').checked,
        monthlyIncome: { WAGE: money(q('.m-wage').value), PENSION_BASIC: money(q('.m-pension').value) },
        rigidExpenses: 0 });
      if (q('.m-phone').value.trim()) { phones.push({ idNumber: id, phone: q('.m-phone').value.trim() }); }
    });
    var bank = $('accountNumber').value.trim() ? { bankName: $('bankName').value.trim(),
      accountNumber: $('accountNumber').value.trim(), holderName: $('holderName').value.trim() } : null;
    var household = { countyCode: $('county').value, regionCode: $('village').value || $('township').value,
      urbanRural: $('urbanRural').value, address: $('address').value.trim(), contactPhone: null, members: members,
      assets: [{ type: 'DEPOSIT', description: '银行存款', value: money($('deposit').value) }],
      authorisationSigned: false, pledgeSigned: false, agent: null, bankAccount: bank,
      separateRegistration: false, separateRegistrationNote: null };
    call('POST', '/api/citizen/applications', { household: household, phones: phones }).then(function () {
      say('申请已保存。请您和已满18周岁的家庭成员在“待我授权”中签署。', true);
      document.querySelector('nav .tab[data-tab="consents"]').click();
    }).catch(fail);
  });

  // ---- emergency report (the township verifies it before any money moves)
  $('applyKind').addEventListener('change', function () {
    var e = this.value === 'emergency';
    $('apply-emergency').hidden = !e; $('apply-dibao').hidden = this.value !== 'dibao';
    $('apply-expenditure').hidden = this.value !== 'expenditure';
    $('regionTitle').textContent = e ? '急难发生地' : '居住地';
  });

  // ---- 支出型临时救助 (the applicant consents on their own phone, as for 低保)
  $('xFor').addEventListener('change', function () {
    $('xIdLabel').hidden = this.value !== 'FAMILY'; $('xPhoneLabel').hidden = this.value !== 'FAMILY';
  });
  function amount(id) { var v = $(id).value.trim(); return v === '' ? null : v; }
  $('submitExpenditure').addEventListener('click', function () {
    var family = $('xFor').value === 'FAMILY';
    call('GET', '/api/citizen/me').then(function (me) {
      return call('POST', '/api/citizen/temporary-applications', { regionCode: $('village').value || $('township').value,
        recipientName: $('xName').value.trim(), recipientIdNumber: family ? $('xId').value.trim().toUpperCase() : me.idNumber,
        recipientPhone: family ? $('xPhone').value.trim() : me.phone, causeKind: $('xKind').value,
        cause: $('xCause').value.trim(), expenseAmount: amount('xExpense'), amount: amount('xAmount'),
        memberCount: $('xMembers').value.trim() ? Number($('xMembers').value.trim()) : null,
        householdMonthlyIncome: amount('xIncome'), bankName: $('xBank').value.trim(),
        bankAccountNumber: $('xAccount').value.trim() });
    }).then(function () {
      say(family ? '申请已保存。请申请人用本人手机登录，在“待我授权”中签署授权书和承诺书。'
        : '申请已保存。请在“待我授权”中签署授权书和承诺书。', true);
      document.querySelector('nav .tab[data-tab="consents"]').click();
    }).catch(fail);
  });
  $('eRelation').addEventListener('change', function () { $('eIdLabel').hidden = this.value !== 'FAMILY'; });

  $('submitReport').addEventListener('click', function () {
    var family = $('eRelation').value === 'FAMILY';
    call('POST', '/api/citizen/emergency-reports', { regionCode: $('village').value || $('township').value,
      relation: $('eRelation').value, subjectName: $('eName').value.trim(),
      subjectIdNumber: family ? $('eId').value.trim().toUpperCase() : null, address: $('eAddress').value.trim(),
      situation: $('eSituation').value.trim(), phone: $('ePhone').value.trim() || null }).then(function (r) {
      say('报告已提交，' + r.stage + '。工作人员核实后会与您联系。', true);
      document.querySelector('nav .tab[data-tab="cases"]').click();
    }).catch(fail);
  });

  addMember(true);
  call('GET', '/api/citizen/me').then(showHome).catch(function () { say(''); showSignIn(); });
}());
