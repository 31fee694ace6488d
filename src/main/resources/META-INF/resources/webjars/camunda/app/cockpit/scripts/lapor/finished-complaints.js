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

async function render(node, { api, processDefinitionId }) {
  node.textContent = 'Memuat…';
  const base = api.engineApi;
  const id = encodeURIComponent(processDefinitionId);
  try {
    const [instances, ends] = await Promise.all([
      getJson(`${base}/history/process-instance?processDefinitionId=${id}&finished=true`
        + `&sortBy=endTime&sortOrder=desc&maxResults=${PAGE_SIZE}`),
      getJson(`${base}/history/activity-instance?processDefinitionId=${id}&activityType=noneEndEvent`
        + `&finished=true&sortBy=endTime&sortOrder=desc&maxResults=${PAGE_SIZE * 4}`)
    ]);
    // the process's own end event is the one directly under the process instance
    const outcome = {};
    for (const end of ends) {
      if (end.parentActivityInstanceId === end.processInstanceId) {
        outcome[end.processInstanceId] = end.activityName || end.activityId;
      }
    }
    node.textContent = '';
    if (instances.length === 0) {
      node.textContent = 'Belum ada pengaduan yang selesai untuk versi proses ini.';
      return;
    }
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
      cell(row, instance.businessKey);
      cell(row, outcome[instance.id] || instance.state);
      cell(row, instance.startTime);
      cell(row, instance.endTime);
      const link = document.createElement('a');
      link.href = `/api/complaints/${encodeURIComponent(instance.businessKey)}`;
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
