// Doudi Tasklist card plugin (issue 18 item 1, docs/worklist.md): each task card shows the applicant, the village or
// township, the scheme and the legal limit with the working days left on the official calendar, amber when at most
// 3 working days are left, red when overdue. Days left change every day, so they are asked for, never stored: one
// GET /api/worklist/cards per list rendering with the ids of the cards shown, through the Tasklist session.
// Plain ES module, no build step, nothing from outside this origin.

// Tasklist picks its language from the browser's first language when it is an available locale (config.js: en, zh)
// and falls back to Chinese; the plugin follows the same rule.
const LANG = (() => {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  return first.split('-')[0].toLowerCase() === 'en' ? 'en' : 'zh';
})();

const TEXT = {
  zh: {
    due: '法定时限',
    caseLimit: '（案件时限）',
    left: (n) => `剩 ${n} 个工作日`,
    today: '今天到期',
    overdueBy: (n) => `已逾期 ${n} 个工作日`,
    calendar: '（自然日时限）',
    provisional: '（暂定）',
    unavailable: '案件信息暂不可用'
  },
  en: {
    due: 'Legal limit',
    caseLimit: ' (case limit)',
    left: (n) => `${n} working day${n === 1 ? '' : 's'} left`,
    today: 'due today',
    overdueBy: (n) => `overdue by ${n} working day${n === 1 ? '' : 's'}`,
    calendar: ' (calendar days)',
    provisional: ' (provisional)',
    unavailable: 'Case details unavailable'
  }
}[LANG];

const CACHE_MS = 60000;
const MAX_IDS = 100;
const cache = new Map(); // taskId → { at, card }  (card null: not visible to this user)
const pending = new Map(); // taskId → [node]
let scheduled = false;

function styles() {
  if (document.getElementById('doudi-wl-styles')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'doudi-wl-styles';
  link.rel = 'stylesheet';
  link.href = new URL('worklist-cards.css', import.meta.url).href;
  document.head.appendChild(link);
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) {
    node.className = cls;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

function formatDue(iso) {
  const d = new Date(iso);
  if (isNaN(d.getTime())) {
    return iso;
  }
  // legal limits are Beijing time whatever the browser's zone
  return d.toLocaleString(LANG === 'zh' ? 'zh-CN' : 'sv-SE', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  });
}

function daysText(n) {
  if (n < 0) {
    return TEXT.overdueBy(-n);
  }
  return n === 0 ? TEXT.today : TEXT.left(n);
}

function draw(node, card) {
  node.textContent = '';
  if (!card) {
    return;
  }
  const box = el('div', 'doudi-wl');
  box.setAttribute('data-task', card.taskId);
  if (card.band) {
    box.setAttribute('data-band', card.band);
  }
  const who = el('div', 'doudi-wl-case');
  if (card.applicantName) {
    who.appendChild(el('span', 'doudi-wl-name', card.applicantName));
  }
  const place = [card.townshipName, card.villageName].filter(Boolean).join(' ');
  if (place) {
    who.appendChild(el('span', 'doudi-wl-region', place));
  }
  if (card.schemeName) {
    who.appendChild(el('span', 'doudi-wl-scheme', card.schemeName));
  }
  box.appendChild(who);
  if (card.dueAt) {
    // one line under the case facts (Tasklist shows a card's first 45 px): the days left first, then the limit;
    // what does not fit ends in "…", and the whole line is the tooltip
    const due = el('div', 'doudi-wl-due');
    const days = el('span', 'doudi-wl-days', daysText(card.workingDaysLeft));
    days.setAttribute('data-days', String(card.workingDaysLeft));
    due.appendChild(days);
    due.appendChild(el('span', 'doudi-wl-label', TEXT.due + (card.limitOf === 'CASE' ? TEXT.caseLimit : '') + ' '));
    due.appendChild(el('span', 'doudi-wl-date', formatDue(card.dueAt)));
    if (card.calendarDays) {
      due.appendChild(el('span', 'doudi-wl-note', TEXT.calendar));
    }
    if (card.provisional) {
      due.appendChild(el('span', 'doudi-wl-note', TEXT.provisional));
    }
    due.title = due.textContent;
    box.appendChild(due);
  }
  node.appendChild(box);
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    // the cards of one list are rendered in one go: collect them, then ask once
    setTimeout(flush, 0);
  }
}

async function flush() {
  scheduled = false;
  const batch = new Map(pending);
  pending.clear();
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += MAX_IDS) {
    const part = ids.slice(i, i + MAX_IDS);
    let answer = null;
    try {
      const res = await fetch('/api/worklist/cards?taskIds=' + part.map(encodeURIComponent).join(','), {
        credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
      });
      if (res.ok) {
        answer = await res.json();
      } else if (res.status === 403) {
        answer = { cards: [] }; // a role without case data: plain cards
      }
    } catch (e) {
      answer = null;
    }
    const now = Date.now();
    const byId = new Map();
    if (answer) {
      (answer.cards || []).forEach((c) => byId.set(c.taskId, c));
      part.forEach((id) => cache.set(id, { at: now, card: byId.get(id) || null }));
    }
    part.forEach((id) => (batch.get(id) || []).forEach((node) => {
      if (answer) {
        draw(node, byId.get(id) || null);
      } else {
        node.textContent = '';
        node.appendChild(el('div', 'doudi-wl doudi-wl-error', TEXT.unavailable));
      }
    }));
  }
}

export default {
  id: 'doudi.worklist.card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, { taskId }) => {
    styles();
    if (!taskId) {
      return;
    }
    const hit = cache.get(taskId);
    if (hit && Date.now() - hit.at < CACHE_MS) {
      draw(node, hit.card);
      return;
    }
    if (!pending.has(taskId)) {
      pending.set(taskId, []);
    }
    pending.get(taskId).push(node);
    schedule();
  }
};
