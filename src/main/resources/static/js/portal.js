// Progressive enhancement of the complaint form; everything works without it.
(function () {
  'use strict';

  // Province first, then only its regencies/cities (without JavaScript: one list grouped by province).
  var picker = document.getElementById('province-picker');
  var province = document.getElementById('province');
  var regencies = document.getElementById('regionCode');
  if (picker && province && regencies) {
    picker.hidden = false;
    var chosen = regencies.options[regencies.selectedIndex];
    if (chosen && chosen.parentNode.tagName === 'OPTGROUP') {
      province.value = chosen.parentNode.label;
    }
    var showProvince = function () {
      var groups = regencies.querySelectorAll('optgroup');
      for (var i = 0; i < groups.length; i++) {
        var mine = !province.value || groups[i].label === province.value;
        groups[i].hidden = !mine;
        groups[i].disabled = !mine;
      }
      var current = regencies.options[regencies.selectedIndex];
      if (current && current.parentNode.disabled) {
        regencies.value = '';
        regencies.dispatchEvent(new Event('change'));
      }
    };
    province.addEventListener('change', showProvince);
    showProvince();
  }

  // Only the chosen regency's known districts as suggestions.
  var districtList = document.getElementById('district-list');
  if (districtList && regencies) {
    var all = Array.prototype.slice.call(districtList.querySelectorAll('option'));
    var showDistricts = function () {
      districtList.innerHTML = '';
      all.forEach(function (o) {
        if (o.getAttribute('data-region') === regencies.value) {
          districtList.appendChild(o);
        }
      });
    };
    regencies.addEventListener('change', showDistricts);
    showDistricts();
  }

  // Only the chosen regency's institutions in the "target institution" list.
  var region = document.getElementById('regionCode');
  var target = document.getElementById('targetInstitution');
  if (region && target) {
    var filter = function () {
      var groups = target.querySelectorAll('optgroup');
      for (var i = 0; i < groups.length; i++) {
        var mine = !region.value || groups[i].getAttribute('data-region') === region.value;
        groups[i].hidden = !mine;
        groups[i].disabled = !mine;
      }
      var chosen = target.options[target.selectedIndex];
      if (chosen && chosen.value && chosen.parentNode.getAttribute('data-region') !== region.value) {
        target.value = '';
      }
    };
    region.addEventListener('change', filter);
    filter();
  }

  // "Use my location now": fills latitude and longitude from the phone's position.
  var button = document.getElementById('use-location');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var status = document.getElementById('use-location-status');
  if (button && lat && lon && navigator.geolocation) {
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        lat.value = position.coords.latitude.toFixed(6);
        lon.value = position.coords.longitude.toFixed(6);
        status.textContent = lat.value + ', ' + lon.value;
        pointChanged(true);
      }, function () {
        status.textContent = button.getAttribute('data-failed');
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
  }

  // The map: a tap places the point, which fills latitude/longitude; typed coordinates move it.
  var mapElement = document.getElementById('point-map');
  var map = window.LaporMap && mapElement ? LaporMap.create(mapElement) : null;
  var marker = null;
  if (map) {
    document.getElementById('point-map-hint').hidden = false;
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      pointChanged(false);
    });
    [lat, lon].forEach(function (field) {
      field.addEventListener('change', function () { pointChanged(true); });
    });
  }

  function point() {
    var la = parseFloat((lat.value || '').replace(',', '.'));
    var lo = parseFloat((lon.value || '').replace(',', '.'));
    return isFinite(la) && isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180 ? [la, lo] : null;
  }

  function pointChanged(pan) {
    var p = point();
    if (map && p) {
      if (!marker) {
        marker = L.marker(p, { keyboard: false }).addTo(map);
      } else {
        marker.setLatLng(p);
      }
      if (pan) {
        map.setView(p, Math.max(map.getZoom(), 15));
      }
    }
    lookAround(true);
  }

  // Reports already there: open reports near the point or like the title, to join instead of filing again.
  var nearby = document.getElementById('nearby');
  var nearbyList = document.getElementById('nearby-list');
  var title = document.getElementById('title');
  var district = document.getElementById('district');
  var nearbyUrl = nearby ? nearby.getAttribute('data-url') : null;
  var nearbyMarkers = [];
  var typing = null;
  var asked = 0;
  if (title && nearby) {
    title.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { lookAround(false); }, 500);
    });
    if (regencies) {
      regencies.addEventListener('change', function () { lookAround(false); });
    }
  }

  function lookAround(suggestPlace) {
    if (!nearby || !nearbyUrl) {
      return;
    }
    var p = point();
    var params = new URLSearchParams();
    if (regencies && regencies.value) {
      params.set('regionCode', regencies.value);
    }
    if (p) {
      params.set('lat', p[0]);
      params.set('lon', p[1]);
    }
    if (title && title.value.trim()) {
      params.set('text', title.value.trim());
    }
    if (!params.has('regionCode') && !p) {
      return;
    }
    var mine = ++asked;
    fetch(nearbyUrl + '?' + params.toString(), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || mine !== asked) {
          return;
        }
        if (suggestPlace && data.place) {
          suggest(data.place);
        }
        show(data.reports || []);
      })
      .catch(function () { /* the form works without it */ });
  }

  // From the point, the regency and kecamatan: filled where still empty, and said aloud.
  function suggest(place) {
    var filled = [];
    if (regencies && !regencies.value) {
      var option = regencies.querySelector('option[value="' + place.regionCode + '"]');
      if (option) {
        if (province) {
          province.value = option.parentNode.label;
          province.dispatchEvent(new Event('change'));
        }
        regencies.value = place.regionCode;
        regencies.dispatchEvent(new Event('change'));
        filled.push(place.regionName);
      }
    }
    if (district && !district.value && regencies && regencies.value === place.regionCode) {
      district.value = place.district;
      filled.push(place.district);
    }
    var text = (status.getAttribute('data-place') || '{0}, {1}').replace('{0}', place.district).replace('{1}', place.regionName);
    if (filled.length) {
      text += ' ' + (status.getAttribute('data-filled') || '');
    }
    status.textContent = text;
  }

  function show(reports) {
    nearbyList.innerHTML = '';
    nearbyMarkers.forEach(function (m) { m.remove(); });
    nearbyMarkers = [];
    nearby.hidden = reports.length === 0;
    reports.forEach(function (r) {
      var li = document.createElement('li');
      li.setAttribute('data-tracking-number', r.trackingNumber);
      var a = document.createElement('a');
      a.href = r.url;
      a.className = 'title';
      a.textContent = r.title;
      a.target = '_blank';
      li.appendChild(a);
      var meta = document.createElement('span');
      meta.className = 'meta';
      var bits = [r.categoryLabel, r.district, r.statusLabel, r.age];
      if (r.metres !== null && r.metres !== undefined) {
        bits.push(nearby.getAttribute('data-near').replace('{0}', r.metres));
      }
      if (r.likeness) {
        bits.push(nearby.getAttribute('data-similar'));
      }
      meta.textContent = bits.filter(Boolean).join(' · ');
      li.appendChild(meta);
      if (r.joinable) {
        var join = document.createElement('button');
        join.type = 'button';
        join.className = 'secondary join';
        join.textContent = nearby.getAttribute('data-join');
        join.addEventListener('click', function () { meToo(r.trackingNumber); });
        li.appendChild(join);
      }
      nearbyList.appendChild(li);
      if (map && r.latitude !== null && r.longitude !== null) {
        nearbyMarkers.push(LaporMap.reportMarker([r.latitude, r.longitude], r.light)
          .bindPopup(LaporMap.popup(r)).addTo(map));
      }
    });
  }

  // "Saya juga": a form of its own (forms cannot nest), posted as the status page's button does.
  function meToo(trackingNumber) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = nearby.getAttribute('data-track') + trackingNumber + '/saya-juga';
    var csrf = document.createElement('input');
    csrf.type = 'hidden';
    csrf.name = nearby.getAttribute('data-csrf-name') || '_csrf';
    csrf.value = nearby.getAttribute('data-csrf') || '';
    form.appendChild(csrf);
    document.body.appendChild(form);
    form.submit();
  }

  if (point()) {
    pointChanged(true);
  }
})();
