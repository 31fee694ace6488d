// Cockpit for readers: supervisors read complaints' instances; only operators change them (Camunda's
// authorizations, docs/security.md). Buttons a reader may not use — cancel, retry, add or change
// variables, suspend, migrate — are hidden instead of failing with "forbidden" when pressed.

const CHECK = '/camunda/api/engine/engine/default/authorization/check'
  + '?permissionName=UPDATE&resourceName=ProcessInstance&resourceType=8';

const STYLE = `
body.lapor-read-only .ctn-toolbar .btn-toolbar,
body.lapor-read-only [cam-widget-variables-table] td.actions,
body.lapor-read-only [cam-widget-variables-table] th.actions { display: none !important; }
`;

fetch(CHECK, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(response => response.ok ? response.json() : { authorized: false })
  .then(check => {
    if (!check.authorized) {
      const style = document.createElement('style');
      style.textContent = STYLE;
      document.head.appendChild(style);
      document.body.classList.add('lapor-read-only');
    }
  })
  .catch(() => document.body.classList.add('lapor-read-only'));

export default [];
