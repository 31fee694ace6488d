// Cockpit dashboard plugin "Pengaduan": supervision of complaint handling for the logged-in user's
// levels (nation → provinces → regencies/cities → OPDs), from /api/staff/supervision. The board
// drills down one level per click; the overdue list links to the process instances in Cockpit;
// charts use Chart.js served by the application (/webjars, no CDN). Every value is set as text.

const API = '/api/staff/supervision';
const CHART_JS = '/webjars/chart.js/dist/chart.umd.js';
const LIGHTS = [
  ['red', 'Merah', 'belum dibuka OPD'],
  ['yellow', 'Kuning', 'dibuka, belum ditindaklanjuti'],
  ['green', 'Hijau', 'ditindaklanjuti (periode ini)'],
  ['overdue', 'Terlambat', 'melewati tenggat, sekarang']
];
const SUMMARY = [
  ['received', 'Diterima'],
  ['verifiedOnTimeRate', 'Verifikasi tepat waktu', '%'],
  ['forwarded', 'Diteruskan ke OPD'],
  ['answered', 'Ditindaklanjuti'],
  ['answeredOnTimeRate', 'Tindak lanjut tepat waktu', '%'],
  ['followUpHoursMedian', 'Median waktu tindak lanjut', ' jam kerja'],
  ['followUpHoursP90', 'Persentil ke-90', ' jam kerja'],
  ['escalations', 'Eskalasi'],
  ['returns', 'Dikembalikan OPD'],
  ['transfers', 'Dialihkan'],
  ['reopenRate', 'Dibuka kembali', '%'],
  ['averageRating', 'Rata-rata penilaian', ' / 5'],
  ['resolved', 'Selesai'],
  ['completionRate', 'Tingkat penyelesaian', '%']
];
// complaint statuses as officers read them (messages.properties status.*)
const STATUS = {
  SUBMITTED: 'Menunggu verifikasi',
  AWAITING_INFORMATION: 'Menunggu kelengkapan dari pelapor',
  REFERRED_TO_NATIONAL: 'Dialihkan ke Admin Nasional',
  FORWARDED: 'Terverifikasi, belum ditindaklanjuti',
  IN_PROGRESS: 'Sedang diproses OPD',
  ANSWERED: 'Sudah ditindaklanjuti, menunggu tanggapan pelapor',
  RESOLVED: 'Selesai',
  ARCHIVED: 'Diarsipkan',
  MERGED: 'Digabung dengan laporan lain'
};
const KIND_NAMES = {
  NATIONAL: 'Nasional', PROVINCE: 'Provinsi', REGENCY: 'Kabupaten', CITY: 'Kota', AGENCY: 'Instansi pusat',
  OPD: 'OPD'
};
const STYLE = `
.lapor-dashboard { font-size: 13px; }
.lapor-dashboard h4 { margin: 18px 0 8px; font-size: 15px; }
.lapor-dashboard .lapor-controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
.lapor-dashboard .lapor-trail button { border: none; background: none; color: #1f5fa8; cursor: pointer; padding: 0; }
.lapor-dashboard .lapor-trail span.sep { margin: 0 6px; color: #888; }
.lapor-dashboard .lapor-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; }
.lapor-dashboard .lapor-card { border: 1px solid #ddd; border-radius: 4px; padding: 8px; background: #fff; }
.lapor-dashboard .lapor-card .value { font-size: 20px; font-weight: bold; }
.lapor-dashboard .lapor-card .label { color: #555; }
.lapor-dashboard table { width: 100%; border-collapse: collapse; background: #fff; }
.lapor-dashboard th, .lapor-dashboard td { border-bottom: 1px solid #e5e5e5; padding: 4px 6px; text-align: right; }
.lapor-dashboard th:first-child, .lapor-dashboard td:first-child { text-align: left; }
.lapor-dashboard td.light { font-weight: bold; }
.lapor-dashboard td.light.red { color: #c62828; }
.lapor-dashboard td.light.yellow { color: #b58900; }
.lapor-dashboard td.light.green { color: #2e7d32; }
.lapor-dashboard td.light.overdue { color: #fff; background: #c62828; }
.lapor-dashboard td.light.overdue.zero { color: #999; background: none; font-weight: normal; }
.lapor-dashboard .lapor-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; }
.lapor-dashboard .lapor-chart { background: #fff; border: 1px solid #ddd; padding: 6px; height: 260px; }
.lapor-dashboard .lapor-error { color: #c62828; }
.lapor-dashboard .lapor-notice { border-left: 5px solid #b35c00; background: #fff4e5; padding: 8px 12px; margin: 0 0 12px; }
.lapor-dashboard .grade-BAIK { color: #2e7d32; font-weight: bold; }
.lapor-dashboard .grade-SEDANG { color: #b58900; font-weight: bold; }
.lapor-dashboard .grade-KURANG { color: #c62828; font-weight: bold; }
`;

let chartLibrary;
let charts = [];

function loadChartJs() {
  if (!chartLibrary) {
    chartLibrary = window.Chart ? Promise.resolve(window.Chart) : new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => resolve(window.Chart);
      script.onerror = () => reject(new Error('Chart.js could not be loaded'));
      document.head.appendChild(script);
    });
  }
  return chartLibrary;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || detail;
    } catch (ignored) {
      // not a problem document
    }
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value == null) {
      continue;
    }
    if (key === 'className') {
      node.className = value;
    } else if (key === 'onclick') {
      node.addEventListener('click', value);
    } else {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    if (child != null) {
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child))
        : child);
    }
  }
  return node;
}

const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

function show(value, suffix) {
  if (value == null) {
    return '–';
  }
  // a follow-up answered outside office hours takes no working time: "0 jam kerja" would read as broken
  if (suffix === ' jam kerja' && value < 1) {
    return '< 1 jam kerja';
  }
  return number.format(value) + (suffix || '');
}

/** What a follow-up time in working hours means, for the figure's tooltip. */
const WORKING_HOURS_NOTE = 'Jam kerja: 08.00–16.00 pada hari kerja (tanpa libur nasional dan cuti bersama), '
  + 'dihitung dari diteruskan ke OPD sampai tindak lanjut. Tindak lanjut yang dikirim di luar jam kerja '
  + 'memakan kurang dari 1 jam kerja.';

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function table(headers, rows, className) {
  const t = el('table', { className: 'cam-table ' + (className || '') });
  const head = t.createTHead().insertRow();
  for (const h of headers) {
    head.appendChild(el('th', {}, h));
  }
  const body = t.createTBody();
  rows.forEach(row => body.appendChild(row));
  return t;
}

function render(node) {
  const today = new Date();
  const state = {
    trail: [],
    from: isoDate(new Date(today.getFullYear(), today.getMonth(), 1)),
    to: isoDate(today)
  };
  node.textContent = '';
  node.appendChild(el('style', {}, STYLE));
  node.appendChild(el('h3', { className: 'lapor-title' }, 'Pengaduan'));
  const root = el('div', { className: 'lapor-dashboard', 'data-lapor': 'dashboard' });
  node.appendChild(root);

  async function start() {
    root.textContent = 'Memuat…';
    try {
      const units = await getJson(`${API}/units`);
      if (units.length === 0) {
        root.textContent = 'Akun ini tidak mengawasi instansi mana pun.';
        return;
      }
      state.tops = units;
      state.trail = [units[0]];
      // warnings for operators and supervisors (e.g. next year's holidays not loaded from 1 October)
      state.notices = await getJson(`${API}/notices`).catch(() => []);
      await load();
    } catch (error) {
      root.textContent = '';
      root.appendChild(el('p', { className: 'lapor-error' }, 'Data pengawasan tidak dapat dimuat: ' + error.message));
    }
  }

  function current() {
    return state.trail[state.trail.length - 1];
  }

  async function load() {
    const unit = current();
    const query = `institution=${encodeURIComponent(unit.code)}&from=${state.from}&to=${state.to}`;
    root.setAttribute('data-state', 'loading');
    try {
      const [figures, overdue, connectivity] = await Promise.all([
        getJson(`${API}/figures?${query}`),
        getJson(`${API}/overdue?institution=${encodeURIComponent(unit.code)}&limit=50`),
        unit.kind === 'OPD' ? Promise.resolve(null)
          : getJson(`${API}/connectivity?institution=${encodeURIComponent(unit.code)}`)
      ]);
      draw(figures, overdue, connectivity);
      root.setAttribute('data-state', 'ready');
      root.setAttribute('data-institution', unit.code);
    } catch (error) {
      root.setAttribute('data-state', 'error');
      root.appendChild(el('p', { className: 'lapor-error' }, 'Data pengawasan tidak dapat dimuat: ' + error.message));
    }
  }

  function controls() {
    const trail = el('div', { className: 'lapor-trail' });
    state.trail.forEach((unit, i) => {
      if (i > 0) {
        trail.appendChild(el('span', { className: 'sep' }, '›'));
      }
      if (i === state.trail.length - 1) {
        trail.appendChild(el('strong', {}, unit.name));
      } else {
        trail.appendChild(el('button', { type: 'button', onclick: () => { state.trail = state.trail.slice(0, i + 1); load(); } },
          unit.name));
      }
    });
    const from = el('input', { type: 'date', value: state.from, 'aria-label': 'Dari tanggal' });
    const to = el('input', { type: 'date', value: state.to, 'aria-label': 'Sampai tanggal' });
    const apply = el('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => {
      state.from = from.value || state.from;
      state.to = to.value || state.to;
      load();
    } }, 'Tampilkan');
    const [year, month] = state.from.split('-');
    const code = encodeURIComponent(current().code);
    // one link per format of the report at `path` (without its extension)
    const formats = path => ['pdf', 'xlsx', 'csv'].flatMap(format => [
      el('a', { href: `/api/staff/reports/${code}/${path}.${format}`, download: '' }, format.toUpperCase()),
      document.createTextNode(' ')]);
    const reports = el('span', {}, 'Unduh laporan ' + Number(month) + '/' + year + ': ',
      ...formats(`${year}/${Number(month)}`), '· tahun ' + year + ': ', ...formats(year),
      el('a', { href: `/api/staff/reports/${code}/${year}/${Number(month)}/complaints.csv`, download: '' },
        'daftar pengaduan (CSV)'));
    return el('div', { className: 'lapor-controls' }, trail, el('span', {}, 'Periode diterima:'), from, to, apply,
      reports);
  }

  function draw(figures, overdue, connectivity) {
    charts.forEach(chart => chart.destroy());
    charts = [];
    root.textContent = '';
    (state.notices || []).forEach(notice => root.appendChild(el('p', { className: 'lapor-notice', role: 'status',
      'data-notice': notice.kind }, notice.text)));
    root.appendChild(controls());

    const cards = el('div', { className: 'lapor-cards' });
    for (const [key, label, suffix] of SUMMARY) {
      cards.appendChild(el('div', { className: 'lapor-card', 'data-summary': key,
        title: suffix === ' jam kerja' ? WORKING_HOURS_NOTE : null },
        el('div', { className: 'value' }, show(figures.summary[key], suffix)), el('div', { className: 'label' }, label)));
    }
    cards.appendChild(el('div', { className: 'lapor-card', 'data-summary': 'overdueNow' },
      el('div', { className: 'value' }, show(figures.board.overdue)), el('div', { className: 'label' }, 'Terlambat saat ini')));
    root.appendChild(cards);
    if (figures.followUpHoursApproximate) {
      root.appendChild(el('p', { className: 'text-muted', 'data-note': 'approximate' }, 'Median dan persentil ke-90 '
        + 'tingkat nasional dihitung dari sebaran waktu tindak lanjut per hari (selisih paling banyak sekitar 3 %).'));
    }

    if (figures.units.length > 0) {
      root.appendChild(el('h4', {}, 'Papan lampu lalu lintas'));
      const rows = figures.units.map(u => {
        const drill = u.code !== figures.institution.code;
        const name = drill ? el('button', { type: 'button', className: 'btn btn-link btn-xs', onclick: () => {
          state.trail.push({ code: u.code, name: u.name, kind: u.kind });
          load();
        } }, u.name) : el('span', {}, u.name);
        const row = el('tr', { 'data-code': u.code }, el('td', {}, name));
        for (const [key] of LIGHTS) {
          const value = u.board[key];
          row.appendChild(el('td', { className: `light ${key}${value === 0 ? ' zero' : ''}`, 'data-figure': key }, show(value)));
        }
        row.appendChild(el('td', { 'data-figure': 'received' }, show(u.counts.received)));
        row.appendChild(el('td', { 'data-figure': 'answeredOnTimeRate' }, show(u.counts.answeredOnTimeRate, '%')));
        row.appendChild(el('td', { 'data-figure': 'completionRate' }, show(u.counts.completionRate, '%')));
        row.appendChild(el('td', { 'data-figure': 'followUpHoursMedian', title: WORKING_HOURS_NOTE },
          show(u.counts.followUpHoursMedian, ' jam kerja')));
        row.appendChild(el('td', { 'data-figure': 'escalations' }, show(u.counts.escalations)));
        return row;
      });
      root.appendChild(table([KIND_NAMES[figures.units[0].kind] || 'Unit', ...LIGHTS.map(l => l[1]), 'Diterima',
        'Tepat waktu', 'Penyelesaian', 'Median tindak lanjut', 'Eskalasi'], rows, 'lapor-board'));
      root.appendChild(el('p', { className: 'text-muted' }, LIGHTS.map(l => `${l[1]}: ${l[2]}`).join(' · ')));
    }

    const chartBox = el('div', { className: 'lapor-charts' });
    const canvases = ['trend', 'category', 'channel'].map(name => {
      const canvas = el('canvas', { 'data-chart': name });
      chartBox.appendChild(el('div', { className: 'lapor-chart' }, canvas));
      return canvas;
    });
    root.appendChild(el('h4', {}, 'Grafik'));
    root.appendChild(chartBox);
    loadChartJs().then(Chart => {
      const options = { responsive: true, maintainAspectRatio: false, animation: false };
      charts.push(new Chart(canvases[0], {
        type: 'line',
        data: {
          labels: figures.weekly.map(w => w.weekStart),
          datasets: [
            { label: 'Diterima', data: figures.weekly.map(w => w.received), borderColor: '#1f5fa8' },
            { label: 'Ditindaklanjuti', data: figures.weekly.map(w => w.answered), borderColor: '#e08a1e' },
            { label: 'Selesai', data: figures.weekly.map(w => w.resolved), borderColor: '#2e8b57' }
          ]
        },
        options: { ...options, plugins: { title: { display: true, text: 'Tren mingguan' } } }
      }));
      charts.push(new Chart(canvases[1], {
        type: 'bar',
        data: {
          labels: figures.byCategory.map(b => b.label),
          datasets: [
            { label: 'Diterima', data: figures.byCategory.map(b => b.received), backgroundColor: '#1f5fa8' },
            { label: 'Selesai', data: figures.byCategory.map(b => b.resolved), backgroundColor: '#2e8b57' }
          ]
        },
        options: { ...options, indexAxis: 'y', scales: { y: { ticks: { autoSkip: false } } },
          plugins: { title: { display: true, text: 'Per kategori' } } }
      }));
      charts.push(new Chart(canvases[2], {
        type: 'doughnut',
        data: {
          labels: figures.byChannel.map(b => b.label),
          datasets: [{ data: figures.byChannel.map(b => b.received),
            backgroundColor: ['#1f5fa8', '#2e8b57', '#e08a1e', '#8e44ad', '#c62828'] }]
        },
        options: { ...options, plugins: { title: { display: true, text: 'Per kanal' } } }
      }));
      root.setAttribute('data-charts', 'ready');
    }).catch(error => chartBox.appendChild(el('p', { className: 'lapor-error' }, error.message)));

    root.appendChild(el('h4', {}, `Pengaduan terlambat (${overdue.length}${overdue.length === 50 ? '+' : ''})`));
    if (overdue.length === 0) {
      root.appendChild(el('p', {}, 'Tidak ada pengaduan yang melewati tenggat.'));
    } else {
      root.appendChild(table(['Nomor pelacakan', 'Kab/Kota', 'OPD', 'Status', 'Tenggat', 'Terlambat', 'Eskalasi'],
        overdue.map(o => el('tr', { 'data-overdue': o.trackingNumber },
          el('td', {}, el('a', { href: o.staffPath }, o.trackingNumber),
            o.processInstanceId ? ' · ' : '',
            o.processInstanceId
              ? el('a', { href: `#/process-instance/${encodeURIComponent(o.processInstanceId)}/runtime`,
                title: 'Instans proses di Cockpit' }, 'proses') : ''),
          el('td', {}, o.regencyName || o.regencyCode), el('td', {}, o.opdName || o.opdCode || '–'),
          el('td', {}, STATUS[o.status] || o.status),
          el('td', {}, o.dueAtText), el('td', {}, show(o.overdueHours, ' jam')),
          el('td', {}, o.escalationCount > 0 ? `${o.escalationCount}× (${o.highestEscalation})` : '–'))),
        'lapor-overdue'));
    }

    if (connectivity) {
      root.appendChild(el('h4', {}, 'Keterhubungan instansi'));
      root.appendChild(el('p', {}, `Kelompok I (admin aktif dan SK): ${connectivity.groups.I} · Kelompok II `
        + `(SK, admin belum aktif): ${connectivity.groups.II} · Kelompok III (belum ada SK): ${connectivity.groups.III}`));
      root.appendChild(table(['Instansi', 'SK', 'Admin aktif', 'Aktivitas 30 hari', 'Kelompok', 'Tepat waktu',
        'Penyelesaian', 'Nilai'], connectivity.rows.map(r => el('tr', { 'data-connectivity': r.code },
        el('td', {}, r.name),
        el('td', {}, r.decreeNumber ? (r.decreeDocument
          ? el('a', { href: r.decreeDocument, target: '_blank', rel: 'noopener' }, r.decreeNumber) : r.decreeNumber) : '–'),
        el('td', {}, r.adminActive ? 'ya' : 'tidak'), el('td', {}, show(r.activity)),
        el('td', { 'data-figure': 'group' }, r.groups ? `I: ${r.groups.I} · II: ${r.groups.II} · III: ${r.groups.III}` : r.group),
        el('td', {}, show(r.onTimeRate, '%')), el('td', {}, show(r.completionRate, '%')),
        el('td', { className: 'grade-' + r.grade, 'data-figure': 'grade' }, r.grade))), 'lapor-connectivity'));
      const c = connectivity.criteria;
      root.appendChild(el('p', { className: 'text-muted' }, `Nilai dari ${c.periodDays} hari terakhir: BAIK bila `
        + `tepat waktu ≥ ${c.good.onTimeRate}%, penyelesaian ≥ ${c.good.completionRate}% dan aktivitas ≥ ${c.good.activity}; `
        + `SEDANG bila ≥ ${c.fair.onTimeRate}%, ≥ ${c.fair.completionRate}% dan ≥ ${c.fair.activity}; selain itu KURANG. `
        + `Admin aktif: masuk dalam ${c.activeDays} hari terakhir.`));
    }
  }

  start();
}

function unmount() {
  charts.forEach(chart => chart.destroy());
  charts = [];
}

// on Cockpit's start page, as its own page (#/pengaduan) and as an entry in the top navigation
export default [
  {
    id: 'lapor-pengaduan-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    properties: { label: 'Pengaduan' },
    render,
    unmount
  },
  {
    id: 'lapor-pengaduan-page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/pengaduan' },
    render: node => {
      const page = el('div', { className: 'ctn-main lapor-page', style: 'padding: 15px; overflow: auto;' });
      node.appendChild(page);
      render(page);
    },
    unmount
  },
  {
    id: 'lapor-pengaduan-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 30,
    properties: { path: '/pengaduan' },
    render: node => {
      node.appendChild(el('a', { href: '#/pengaduan' }, 'Pengaduan'));
    }
  }
];
