// After an officer completes a task, Tasklist says only that the task was completed. This script
// says what happened to the complaint and who has it now ("Diteruskan ke Dinas Kesehatan Kab.
// Bangli. Berikutnya: Disposisi ke petugas — Pejabat Penghubung …, tenggat …"), from
// /api/staff/complaints/{nomor}/progress, shown for a while in the page's corner.

const SUBMIT = /\/task\/([^/]+)\/(submit-form|complete)$/;

function toast(lines) {
  let box = document.getElementById('lapor-task-done');
  if (!box) {
    box = document.createElement('div');
    box.id = 'lapor-task-done';
    box.setAttribute('role', 'status');
    box.style.cssText = 'position:fixed;right:16px;bottom:40px;max-width:440px;z-index:2000;background:#e6f4ea;'
      + 'color:#1b1f23;border:1px solid #1d5c2e;border-radius:4px;padding:10px 14px;font-size:13px;'
      + 'box-shadow:0 2px 6px rgba(0,0,0,.2)';
    document.body.appendChild(box);
  }
  box.textContent = '';
  lines.forEach((line, i) => {
    const p = document.createElement(i === 0 ? 'strong' : 'div');
    p.textContent = line;
    box.appendChild(p);
  });
  clearTimeout(box.hideTimer);
  box.hideTimer = setTimeout(() => box.remove(), 15000);
}

function json(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : null).catch(() => null);
}

async function tell(complaint) {
  const card = await complaint;
  if (!card) {
    return;
  }
  const progress = await json(`/api/staff/complaints/${encodeURIComponent(card.trackingNumber)}/progress`);
  if (!progress) {
    toast([`${card.trackingNumber}: tugas selesai.`]);
    return;
  }
  const lines = [`${progress.trackingNumber}: ${progress.happened || progress.status}.`];
  if (progress.next.length === 0) {
    lines.push(`Status: ${progress.status}. Tidak ada tugas lagi untuk petugas.`);
  }
  for (const w of progress.next) {
    lines.push(`Berikutnya: ${w.name} — ${w.assignee || w.groups}${w.due ? `, tenggat ${w.due}` : ''}`);
  }
  toast(lines);
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const match = method && method.toUpperCase() === 'POST' && SUBMIT.exec(String(url).split('?')[0]);
  this.laporTaskId = match ? decodeURIComponent(match[1]) : null;
  return open.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...args) {
  if (this.laporTaskId) {
    // read while the task still exists: which complaint it is about
    const complaint = json(`/api/staff/tasks/${encodeURIComponent(this.laporTaskId)}/card`);
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        tell(complaint);
      }
    });
    // the completion is sent once the card is read (a moment), so that the task is still there to read
    complaint.finally(() => send.apply(this, args));
    return undefined;
  }
  return send.apply(this, args);
};

export default [];
