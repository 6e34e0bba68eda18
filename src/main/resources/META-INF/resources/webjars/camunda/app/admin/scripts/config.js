// Doudi: Simplified Chinese (zh, our own translation) besides English; browsers asking for en get English, all others Chinese.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'zh' // zh, not en: the fallback's file is loaded too, and the last one loaded sets moment's locale (relative times)
  }
};
