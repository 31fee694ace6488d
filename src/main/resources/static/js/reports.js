// The public reports page: the same filter's reports with a point, on a map.
(function () {
  'use strict';
  var element = document.getElementById('reports-map');
  var map = window.LaporMap && LaporMap.create(element);
  if (!map) {
    return;
  }
  fetch(element.getAttribute('data-geojson'), { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.ok ? r.json() : { features: [] }; })
    .then(function (data) {
      var points = [];
      data.features.forEach(function (f) {
        if (!f.geometry) {
          return;
        }
        var latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        points.push(latlng);
        LaporMap.reportMarker(latlng, f.properties.light).bindPopup(LaporMap.popup(f.properties)).addTo(map);
      });
      element.setAttribute('data-markers', String(points.length));
      if (points.length) {
        map.fitBounds(points, { maxZoom: 15, padding: [20, 20] });
      }
    });
})();
