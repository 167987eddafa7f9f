// Keeps the capacity table current: polls the capacity API and updates the figures in place; a failed poll
// (flaky network) shows a notice and keeps the last figures.
(function () {
  var table = document.getElementById('capacity-table');
  if (!table) {
    return;
  }
  var interval = Number(table.getAttribute('data-interval') || 10000);
  var offline = document.getElementById('capacity-offline');
  var updated = document.getElementById('capacity-updated');

  function fill(row, figures) {
    row.querySelectorAll('[data-field]').forEach(function (cell) {
      var value = figures[cell.getAttribute('data-field')];
      if (value !== undefined && String(value) !== cell.textContent) {
        cell.textContent = value;
        cell.classList.add('changed');
        setTimeout(function () { cell.classList.remove('changed'); }, 1500);
      }
    });
  }

  function refresh() {
    fetch(table.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (capacity) {
        capacity.facilities.forEach(function (f) {
          var row = table.querySelector('tr[data-facility="' + f.facilityId + '"]');
          if (row) {
            fill(row, f);
          } else {
            window.location.reload();
          }
        });
        fill(document.getElementById('capacity-district'), capacity.district);
        var at = new Date(capacity.at);
        updated.textContent = at.toTimeString().substring(0, 8);
        updated.setAttribute('datetime', capacity.at);
        offline.classList.add('hidden');
      })
      .catch(function () {
        offline.classList.remove('hidden');
      })
      .finally(function () {
        setTimeout(refresh, interval);
      });
  }

  setTimeout(refresh, interval);
})();
