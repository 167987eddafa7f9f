// The round page's chart: sampled, not sampled and exempted people per community (per area when there are no
// communities), drawn from the coverage table's rows, and drawn again each time the live section is refreshed.
(function () {
  'use strict';

  var chart = null;

  function draw() {
    var section = document.getElementById('coverage');
    var box = document.getElementById('coverage-chart');
    if (!section || !box || !window.echarts) { return; }
    var rows = Array.prototype.slice.call(section.querySelectorAll('#coverage-table tbody tr'));
    var communities = rows.filter(function (tr) { return tr.dataset.level === 'COMMUNITY'; });
    var shown = communities.length ? communities : rows;
    if (chart && chart.getDom() !== box) { chart.dispose(); chart = null; }
    if (!chart) { chart = window.echarts.init(box); }
    function series(name, key) {
      return { name: name, type: 'bar', stack: 'people', data: shown.map(function (tr) { return Number(tr.dataset[key]); }) };
    }
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [section.dataset.labelSampled, section.dataset.labelNotSampled, section.dataset.labelExempted] },
      grid: { left: 48, right: 16, bottom: 72 },
      xAxis: { type: 'category', data: shown.map(function (tr) { return tr.dataset.name; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [series(section.dataset.labelSampled, 'sampled'), series(section.dataset.labelNotSampled, 'notSampled'),
        series(section.dataset.labelExempted, 'exempted')]
    }, true);
    box.dataset.bars = String(shown.length);
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
}());
