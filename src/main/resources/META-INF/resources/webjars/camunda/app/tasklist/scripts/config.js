// Doudi: Simplified Chinese (zh, our own translation) besides English; browsers asking for en get English, all others Chinese.
// customScripts: the task cards (docs/worklist.md), the task tab 申请材料 (docs/documents.md).
export default {
  // Doudi Tasklist plugins (scripts/*.js next to this file)
  customScripts: ['scripts/bank-result'],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh' // zh, not en: the fallback's file is loaded too, and the last one loaded sets moment's locale (relative times)
  },
  // the task-card plugin: applicant, place, scheme, legal limit (docs/worklist.md); the task tab 申请材料
  customScripts: ['scripts/worklist-cards.js', 'scripts/case-documents.js'],
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
