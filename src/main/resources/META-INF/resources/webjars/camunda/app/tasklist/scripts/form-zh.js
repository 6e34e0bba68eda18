// Doudi: the form texts Tasklist 7.24 shows only in English, in Chinese (docs/operations.md, "Tasklist in Chinese").
// Tasklist renders Camunda Forms with form-js 1.8.7, whose validation messages and select placeholder are fixed
// English strings (no translation hook), and writes notifications as "status: message" with a half-width colon.
// This script, loaded as a Tasklist custom script (config.js), rewrites those texts in the page when the browser
// asks for Chinese (the same rule Tasklist uses to pick its locale). It changes only what is displayed.
const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请填写有效的电子邮箱地址。',
  'Value is not a number.': '请填写数字。',
  'Date and time must both be entered.': '日期和时间都须填写。',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '没有匹配的选项'
};
const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不能小于$1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于$1。'],
  [/^Field must have minimum length of (.+)\.$/, '至少填写$1个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '最多填写$1个字符。'],
  [/^Field must match pattern .+\.$/, '格式不正确，请按说明填写。'],
  [/^Field must be a valid\s+international phone number.*$/, '请填写有效的电话号码。'],
  // an engine message around a sentence of ours (the server takes it off too; kept for older answers)
  [/^(?:Cannot instantiate process definition|Cannot submit task form|Cannot complete task)(?: \S+)?: (.*[\u4e00-\u9fff].*)$/s, '$1']
];

export function translate(text) {
  if (text == null) {
    return text;
  }
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return trimmed.replace(pattern, replacement);
    }
  }
  return text;
}

const SELECTORS = '.fjs-form-field-error li, .fjs-select-display, .fjs-select-placeholder, .fjs-dropdownlist-empty, '
  + '.notifications .message';

function rewrite(root) {
  if (!(root instanceof Element)) {
    return;
  }
  const elements = root.matches(SELECTORS) ? [root] : [];
  elements.push(...root.querySelectorAll(SELECTORS));
  for (const el of elements) {
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const t = translate(node.nodeValue);
        if (t !== node.nodeValue) {
          node.nodeValue = t;
        }
      }
    }
  }
  for (const input of root.querySelectorAll('.fjs-container input[placeholder]')) {
    const t = translate(input.getAttribute('placeholder'));
    if (t !== input.getAttribute('placeholder')) {
      input.setAttribute('placeholder', t);
    }
  }
  // "无法启动流程: …": the notification's separator in full width
  for (const strong of root.querySelectorAll('.notifications .alert > strong:not(.status)')) {
    if (strong.textContent === ':') {
      strong.textContent = '：';
    }
  }
}

const language = ((Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '')
  .split('-')[0].toLowerCase();
if (language === 'zh' && typeof MutationObserver !== 'undefined') {
  const observer = new MutationObserver(mutations => {
    for (const m of mutations) {
      if (m.type === 'characterData') {
        rewrite(m.target.parentElement);
      } else {
        m.addedNodes.forEach(n => rewrite(n.nodeType === Node.TEXT_NODE ? n.parentElement : n));
      }
    }
  });
  observer.observe(document.body, {childList: true, subtree: true, characterData: true});
  rewrite(document.body);
}

export default [];
