// The site leader's live page: refreshes its figures from the API every ten seconds.
(function () {
  'use strict';

  var page = document.getElementById('live-page');
  if (!page || !page.dataset.api) { return; }

  function set(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value === null || value === undefined ? '—' : String(value); }
  }

  function refresh() {
    fetch(page.dataset.api, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        if (!live) { return; }
        set('live-queue', live.queue);
        set('live-wait', live.medianWaitMinutes);
        set('live-estimated', live.estimatedWaitMinutes);
        set('live-throughput', live.throughputPerStationPerHour);
        set('live-stations', live.stations);
        set('live-open-tubes', live.openTubes);
        set('live-sealed-tubes', live.sealedTubes);
        set('live-sampled', live.sampledToday);
        set('live-fever', live.feverToday);
        var advice = document.getElementById('live-advice');
        if (advice) {
          advice.classList.toggle('hidden', !(live.moreStationsNeeded > 0));
          advice.textContent = advice.dataset.template
            .replace('{0}', live.estimatedWaitMinutes).replace('{1}', live.moreStationsNeeded);
        }
      })
      .catch(function () { /* the next refresh tries again */ });
    fetch(page.dataset.alerts, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (alerts) {
        if (!alerts) { return; }
        var list = document.getElementById('live-alerts');
        list.textContent = '';
        alerts.forEach(function (a) {
          var li = document.createElement('li');
          li.textContent = a;
          list.appendChild(li);
        });
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  refresh();
  setInterval(refresh, 10000);
}());
