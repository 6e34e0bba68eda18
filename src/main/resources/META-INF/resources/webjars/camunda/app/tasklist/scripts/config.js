// Doudi: Simplified Chinese (zh, our own translation) besides English; browsers asking for en get English, all others Chinese.
// customScripts: form-js's messages in Chinese (docs/glossary.md), the task cards (docs/worklist.md), the task tabs 案件概况 (docs/case-overview.md), 申请材料
// (docs/documents.md) and 银行回盘 (docs/payroll.md).
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh' // zh, not en: the fallback's file is loaded too, and the last one loaded sets moment's locale (relative times)
  },
  // Doudi's Tasklist plugins (scripts/*.js next to this file): form-js's dynamic lists and messages in Chinese, task cards, the tabs
  // 案件概况, 申请材料 and 银行回盘
  customScripts: ['scripts/formjs-lists.js', 'scripts/form-zh.js', 'scripts/worklist-cards.js', 'scripts/case-overview.js',
    'scripts/case-documents.js', 'scripts/bank-result.js'],
  // Camunda's default keyboard shortcuts, described in Chinese
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
