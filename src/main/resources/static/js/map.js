// The portal's maps (Leaflet, served by the application; tiles from the configured server).
// Shared by the submit form (js/portal.js) and the public reports page (js/reports.js).
(function () {
  'use strict';
  window.LaporMap = {
    /** A Leaflet map in `element`, configured by its data-* attributes; null without Leaflet. */
    create: function (element) {
      if (!window.L || !element) {
        return null;
      }
      element.hidden = false;
      var center = (element.getAttribute('data-center') || '-8.45,115.25').split(',').map(Number);
      var map = L.map(element, { scrollWheelZoom: false }).setView(center, Number(element.getAttribute('data-zoom') || 9));
      L.tileLayer(element.getAttribute('data-tiles'), {
        maxZoom: Number(element.getAttribute('data-max-zoom') || 19),
        attribution: element.getAttribute('data-attribution') || ''
      }).addTo(map);
      element.laporMap = map; // for scripts and tests that need the map of an element
      return map;
    },
    /** A small coloured circle marker for a report's light. */
    reportMarker: function (latlng, light) {
      var colours = { RED: '#a4161a', YELLOW: '#8a6100', GREEN: '#1d6b35', OVERDUE: '#4a0d0f' };
      return L.circleMarker(latlng, {
        radius: 8, weight: 2, color: '#0b3d6e', fillColor: colours[light] || '#0b5cad', fillOpacity: 0.85
      });
    },
    /** A popup for a report, built without innerHTML (titles are citizens' text). */
    popup: function (p, extra) {
      var box = document.createElement('div');
      var a = document.createElement('a');
      a.href = p.url;
      a.textContent = p.title;
      box.appendChild(a);
      var meta = document.createElement('div');
      meta.textContent = [p.categoryLabel, p.district, p.statusLabel, p.age].filter(Boolean).join(' · ');
      box.appendChild(meta);
      if (extra) {
        box.appendChild(extra);
      }
      return box;
    }
  };
})();
