// Tasklist configuration of the SP4N-LAPOR! application (overrides the webapp's default config.js).
export default {
  app: {
    vendor: 'SP4N-LAPOR!',
    name: 'Tasklist'
  },
  // Bahasa Indonesia first; English for browsers (or people) asking for it: app/lapor/scripts/bahasa.js
  locales: {
    availableLocales: ['id', 'en'],
    fallbackLocale: 'id'
  },
  customScripts: [
    // the language switch and the person's language choice (cookie lapor-lang)
    '../lapor/scripts/bahasa',
    // each task card shows its complaint: title, category, region, traffic light, deadline
    'scripts/lapor/task-card',
    // after completing a task: what happened to the complaint and who has it now
    'scripts/lapor/task-done'
  ],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'klaim tugas yang dipilih'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'fokus ke filter pertama dalam daftar'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'fokus ke tugas pertama dalam daftar'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'fokus ke isian pertama formulir tugas'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'buka dialog untuk memulai proses'
    }
  }
};
