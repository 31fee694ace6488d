// Admin configuration of the SP4N-LAPOR! application (overrides the webapp's default config.js).
export default {
  app: {
    vendor: 'SP4N-LAPOR!',
    name: 'Admin'
  },
  // Bahasa Indonesia first; English for browsers (or people) asking for it: app/lapor/scripts/bahasa.js
  locales: {
    availableLocales: ['id', 'en'],
    fallbackLocale: 'id'
  },
  customScripts: [
    // the language switch and the person's language choice (cookie lapor-lang)
    '../lapor/scripts/bahasa'
  ]
};
