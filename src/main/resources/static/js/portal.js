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
      }, function () {
        status.textContent = button.getAttribute('data-failed');
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
  }
})();
