// Cockpit configuration of the SP4N-LAPOR! application (overrides the webapp's default config.js).
export default {
  app: {
    vendor: 'SP4N-LAPOR!',
    name: 'Cockpit'
  },
  // Bahasa Indonesia first; English for browsers (or people) asking for it: app/lapor/scripts/bahasa.js
  locales: {
    availableLocales: ['id', 'en'],
    fallbackLocale: 'id'
  },
  customScripts: [
    // the language switch and the person's language choice (cookie lapor-lang)
    '../lapor/scripts/bahasa',
    // the supervision dashboard "Pengaduan": board, figures, overdue list, connectivity, reports
    'scripts/lapor/pengaduan-dashboard',
    // lists finished complaints, which Cockpit Community Edition does not show
    'scripts/lapor/finished-complaints',
    // readers (supervisors) do not see buttons that change instances
    'scripts/lapor/read-only'
  ]
};
