// The login form carries the in-page address (#/pengaduan, #/?task=…) of the webapp page that was
// opened while logged out, so that the login leads back there (security.StaffLanding).
document.getElementById('fragment').value = window.location.hash || '';
// switching the language keeps it too
for (const link of document.querySelectorAll('.lang a')) {
  link.href = link.href.split('#')[0] + (window.location.hash || '');
}
