// Cockpit configuration of the SP4N-LAPOR! application (overrides the webapp's default config.js).
export default {
  customScripts: [
    // the supervision dashboard "Pengaduan": board, figures, overdue list, connectivity, reports
    'scripts/lapor/pengaduan-dashboard',
    // lists finished complaints, which Cockpit Community Edition does not show
    'scripts/lapor/finished-complaints'
  ]
};
