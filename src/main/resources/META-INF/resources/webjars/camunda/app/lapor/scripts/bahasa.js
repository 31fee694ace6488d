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

// Until the locale file has loaded (the first visit, or after an upgrade), Camunda would show its
// message keys (CAM_WIDGET_FOOTER_POWERED_BY, USERS_USERS, COCKPIT_MORE …) for a moment.
// user-styles.css keeps the page transparent until this script marks it translated (angular-translate
// is ready; CSS shows it after 5 s whatever happens, so a failure here never hides an app). After
// that, an element of Camunda's own screens whose text is still a key (a menu rendered before its
// translation arrived) stays invisible until its text changes.
const RAW_KEY = /^\s*[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\s*$/;
/** Where people's own texts are shown (complaint titles, form contents): never hidden. */
const CONTENT = '.lapor-card, [data-lapor], .fjs-container, .fjs-form, textarea, input';

function guard(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const element = node.parentElement;
    if (element && !element.closest(CONTENT)) {
      element.classList.toggle('lapor-key', RAW_KEY.test(node.nodeValue));
    }
  } else if (node.nodeType === Node.ELEMENT_NODE && !/^(SCRIPT|STYLE)$/.test(node.nodeName)) {
    node.childNodes.forEach(guard);
  }
}

const keys = document.createElement('style');
keys.textContent = '.lapor-key { visibility: hidden !important; }';
document.head.appendChild(keys);
new MutationObserver(records => records.forEach(r => {
  if (r.type === 'characterData') {
    guard(r.target);
  } else {
    r.addedNodes.forEach(guard);
  }
})).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

const translated = () => document.documentElement.classList.add('lapor-translated');
const waitForTranslations = setInterval(() => {
  const injector = window.angular && document.body && (window.angular.element(document.body).injector()
    || window.angular.element(document).injector());
  if (injector) {
    clearInterval(waitForTranslations);
    injector.get('$translate').onReady(() => {
      // one frame for the bindings to take the translated texts
      guard(document.body);
      requestAnimationFrame(() => requestAnimationFrame(translated));
    });
  }
}, 20);
setTimeout(() => {
  clearInterval(waitForTranslations);
  translated();
}, 4500);
