// Language of the Camunda webapps (Tasklist, Cockpit, Admin, Beranda), shared by all four.
//
// Camunda picks the first of the browser's languages it has a locale file for (config.js offers
// "id" and "en"), else the fallback, Indonesian. The staff login page and the portal remember a
// person's explicit choice in the cookie "lapor-lang" (?lang=en); this script, loaded before the
// app starts, makes that choice win over the browser's language, and adds a switch to the header.

const COOKIE = 'lapor-lang';
const LANGUAGES = { id: 'Bahasa Indonesia', en: 'English' };

function chosen() {
  const match = document.cookie.match(/(?:^|;\s*)lapor-lang=([a-zA-Z-]+)/);
  const value = match && match[1].toLowerCase().split('-')[0];
  return value && LANGUAGES[value] ? value : null;
}

const choice = chosen();
if (choice) {
  // read once by Camunda's $translate configuration when the app starts
  Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => [choice] });
  Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => choice });
}

function current() {
  const lang = (window.navigator.languages && window.navigator.languages[0]) || window.navigator.language || 'id';
  return lang.toLowerCase().split('-')[0] === 'en' ? 'en' : 'id';
}

function choose(lang) {
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  window.location.reload();
}

function addSwitch() {
  const menu = document.querySelector('[cam-widget-header] nav.app-menu > ul');
  if (!menu || menu.querySelector('.lapor-bahasa')) {
    return;
  }
  const other = current() === 'id' ? 'en' : 'id';
  const item = document.createElement('li');
  item.className = 'lapor-bahasa';
  const link = document.createElement('a');
  link.href = '';
  link.lang = other;
  link.textContent = LANGUAGES[other];
  link.title = other === 'en' ? 'Show the application in English' : 'Tampilkan aplikasi dalam Bahasa Indonesia';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    choose(other);
  });
  item.appendChild(link);
  menu.insertBefore(item, menu.querySelector('li.account'));
  // the application's profile page: whether this person wants emails about their work
  const profile = document.createElement('li');
  profile.className = 'lapor-profil';
  const profileLink = document.createElement('a');
  profileLink.href = '/staff/profile';
  profileLink.textContent = current() === 'en' ? 'Notifications' : 'Pemberitahuan';
  profile.appendChild(profileLink);
  menu.insertBefore(profile, item);
}

new MutationObserver(addSwitch).observe(document.documentElement, { childList: true, subtree: true });

export default [];
