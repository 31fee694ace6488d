// Tasklist card plugin: each task card shows what an officer needs to choose the next piece of
// work: the complaint's title, category, region, traffic light and deadline. Read from the
// application (/api/staff/tasks/{id}/card) when the list is shown, so that neither the complaint's
// text nor personal data are copied into the engine's tables.

const STYLE = `
.lapor-card { margin: 2px 0 4px; font-size: 12px; line-height: 1.4; }
.lapor-card .lapor-card-title { font-weight: 600; color: #1b1f23; display: block; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
.lapor-card .lapor-light { display: inline-block; padding: 0 6px; border-radius: 3px; background: #e1e4e8; }
.lapor-card .lapor-light-RED, .lapor-card .lapor-light-OVERDUE { background: #fdecea; color: #9f1c1c; }
.lapor-card .lapor-light-YELLOW { background: #fff5cc; color: #6a4b00; }
.lapor-card .lapor-light-GREEN { background: #e6f4ea; color: #1d5c2e; }
`;

const cards = new Map();

// Tasklist sorts by creation unless the address says otherwise: officers work deadline first, so a
// list opened without a sorting of its own is sorted by due date, soonest first (before the app starts).
const BY_DEADLINE = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
if (!/[?&]sorting=/.test(window.location.hash)) {
  const hash = window.location.hash || '#/';
  const route = hash.includes('?') ? `${hash}&sorting=${BY_DEADLINE}` : `${hash.replace(/^#\/?$/, '#/')}?sorting=${BY_DEADLINE}`;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + route);
}

function style() {
  if (!document.getElementById('lapor-card-style')) {
    const node = document.createElement('style');
    node.id = 'lapor-card-style';
    node.textContent = STYLE;
    document.head.appendChild(node);
  }
}

function span(className, text) {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
}

function card(taskId) {
  if (!cards.has(taskId)) {
    cards.set(taskId, fetch(`/api/staff/tasks/${encodeURIComponent(taskId)}/card`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.ok ? response.json() : null)
      .catch(() => null));
  }
  return cards.get(taskId);
}

export default [{
  id: 'lapor.task-card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, { taskId }) => {
    style();
    card(taskId).then(c => {
      if (!c) {
        return;
      }
      const box = document.createElement('div');
      box.className = 'lapor-card';
      box.setAttribute('data-tracking-number', c.trackingNumber);
      box.appendChild(span('lapor-card-title', c.title));
      box.appendChild(span(`lapor-light lapor-light-${c.light}`, c.lightLabel.split(':')[0]));
      box.appendChild(document.createTextNode(` ${c.category} · ${c.region}`));
      if (c.deadline) {
        box.appendChild(document.createElement('br'));
        box.appendChild(document.createTextNode(`Tenggat ${c.deadline}`));
      }
      // shown under the task's name, not in the card's folded details
      const clickable = node.closest('.clickable');
      if (clickable && clickable.querySelector('.cells-wrapper')) {
        clickable.querySelectorAll(':scope > .lapor-card').forEach(old => old.remove());
        clickable.insertBefore(box, clickable.querySelector('.cells-wrapper'));
      } else {
        node.textContent = '';
        node.appendChild(box);
      }
    });
  }
}];
