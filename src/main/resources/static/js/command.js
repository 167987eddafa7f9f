// The command centre's trend charts (samples, positives by how found, people in quarantine), drawn from the data rows
// the page carries.
(function () {
  'use strict';

  function draw() {
    var data = document.getElementById('command-trend-data');
    if (!data || !window.echarts) { return; }
    var rows = Array.prototype.slice.call(data.querySelectorAll('tr'));
    var days = rows.map(function (tr) { return tr.dataset.day; });
    function values(key) { return rows.map(function (tr) { return tr.dataset[key] === undefined || tr.dataset[key] === '' ? null : Number(tr.dataset[key]); }); }
    function chart(id, series) {
      var box = document.getElementById(id);
      if (!box) { return; }
      var present = series.filter(function (s) { return values(s.key).some(function (v) { return v !== null; }); });
      if (!present.length) { box.classList.add('hidden'); return; }
      var c = window.echarts.getInstanceByDom(box) || window.echarts.init(box);
      c.setOption({
        title: { text: box.dataset.title, textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 24, data: present.map(function (s) { return s.name; }) },
        grid: { left: 48, right: 16, top: 56, bottom: 32 },
        xAxis: { type: 'category', data: days },
        yAxis: { type: 'value', minInterval: 1 },
        series: present.map(function (s) { return { name: s.name, type: 'line', data: values(s.key) }; })
      }, true);
      box.dataset.points = String(days.length);
    }
    chart('command-trend-samples', [{ key: 'samples', name: data.dataset.labelSamples }]);
    chart('command-trend-positives', [{ key: 'positives', name: data.dataset.labelPositives },
      { key: 'quarantine', name: data.dataset.labelQuarantine }, { key: 'zone', name: data.dataset.labelZone },
      { key: 'screening', name: data.dataset.labelScreening }]);
    chart('command-trend-staying', [{ key: 'staying', name: data.dataset.labelStaying }]);
  }

  document.addEventListener('DOMContentLoaded', draw);
  window.addEventListener('resize', function () {
    ['command-trend-samples', 'command-trend-positives', 'command-trend-staying'].forEach(function (id) {
      var box = document.getElementById(id);
      var c = box && window.echarts && window.echarts.getInstanceByDom(box);
      if (c) { c.resize(); }
    });
  });
}());
