// Doudi: Simplified Chinese (zh, our own translation) besides English; browsers asking for zh/zh-CN get Chinese.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
