// Cockpit plugin: a tab on a process definition's page listing its finished instances (complaints
// resolved or archived) with their tracking number (business key) and outcome (end event).
// Cockpit Community Edition shows running instances only; this closes that gap for supervisors.

const PAGE_SIZE = 50;

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
  return td;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(response.status + ' ' + response.statusText);
  }
  return response.json();
}

const STATES = { COMPLETED: 'Selesai', EXTERNALLY_TERMINATED: 'Dihentikan', INTERNALLY_TERMINATED: 'Dihentikan' };

/** Times as the reader's region reads them: "4 Des 2026 23.18 WITA" (the reader's zone from /api/staff/me). */
async function timeFormat() {
  const me = await getJson('/api/staff/me').catch(() => ({ zone: 'Asia/Jakarta', zoneName: 'WIB' }));
  const format = new Intl.DateTimeFormat('id-ID', { timeZone: me.zone, dateStyle: 'medium', timeStyle: 'short' });
  return value => value ? `${format.format(new Date(value))} ${me.zoneName}` : '';
}

async function render(node, { api, processDefinitionId }) {
  node.textContent = 'Memuat…';
  const at = await timeFormat();
  const base = api.engineApi;
  const id = encodeURIComponent(processDefinitionId);
  try {
    const instances = await getJson(`${base}/history/process-instance?processDefinitionId=${id}&finished=true`
      + `&sortBy=endTime&sortOrder=desc&maxResults=${PAGE_SIZE}`);
    if (instances.length === 0) {
      node.textContent = 'Belum ada pengaduan yang selesai untuk versi proses ini.';
      return;
    }
    // their end events ended with them: only those since the oldest of the page are read, however long
    // the history (millions of activity instances nationally)
    const oldest = Math.min(...instances.map(i => new Date(i.endTime).getTime()));
    const since = new Date(oldest - 1000).toISOString().replace('Z', '+0000');
    const ends = await getJson(`${base}/history/activity-instance`
      + `?processDefinitionId=${id}&activityType=noneEndEvent&finished=true`
      + `&finishedAfter=${encodeURIComponent(since)}&sortBy=endTime&sortOrder=desc&maxResults=${PAGE_SIZE * 8}`);
    // the process's own end event is the one directly under the process instance
    const outcome = {};
    for (const end of ends) {
      if (end.parentActivityInstanceId === end.processInstanceId) {
        outcome[end.processInstanceId] = end.activityName || end.activityId;
      }
    }
    node.textContent = '';
    const table = document.createElement('table');
    table.className = 'cam-table lapor-finished-complaints';
    const head = table.createTHead().insertRow();
    for (const title of ['Nomor pelacakan', 'Hasil', 'Diterima', 'Berakhir', 'Status publik']) {
      const th = document.createElement('th');
      th.textContent = title;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const instance of instances) {
      const row = body.insertRow();
      const page = document.createElement('a');
      page.href = `/staff/complaints/${encodeURIComponent(instance.businessKey)}`;
      page.textContent = instance.businessKey;
      cell(row, '').appendChild(page);
      cell(row, outcome[instance.id] || STATES[instance.state] || instance.state);
      cell(row, at(instance.startTime));
      cell(row, at(instance.endTime));
      // what the complainant sees on the portal
      const link = document.createElement('a');
      link.href = `/lacak/${encodeURIComponent(instance.businessKey)}`;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'lihat';
      cell(row, '').appendChild(link);
    }
    node.appendChild(table);
    if (instances.length === PAGE_SIZE) {
      const more = document.createElement('p');
      more.textContent = `Menampilkan ${PAGE_SIZE} yang terakhir selesai.`;
      node.appendChild(more);
    }
  } catch (error) {
    node.textContent = 'Daftar pengaduan selesai tidak dapat dimuat: ' + error.message;
  }
}

export default {
  id: 'lapor-finished-complaints',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 5,
  properties: { label: 'Pengaduan selesai' },
  render
};
