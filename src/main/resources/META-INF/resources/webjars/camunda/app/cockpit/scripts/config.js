// Doudi: Simplified Chinese (zh, our own translation) besides English; browsers asking for zh/zh-CN get Chinese.
// customScripts: the 办理时限监控 dashboard and definition tab, and 资金监测 (docs/supervision-cockpit.md).
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  customScripts: ['scripts/deadline-monitor.js']
};
