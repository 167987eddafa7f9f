// The planning pages' charts, one per site, drawn from the data-chart attribute of each chart box: on the plan page
// the queue over the day (median and 90th percentile of the runs) and the 90th-percentile wait against the norm; on
// the actual page the recorded queue and waits against the plan's. A what-if answer replaces a site's card (htmx);
// its chart is drawn again when the swap settles.
(function () {
  'use strict';

  var charts = [];

  function numbers(list) {
    return (list || []).map(function (v) { return v === null ? null : Number(v); });
  }

  function planOption(data, names) {
    var series = [
      { name: names.queueP50, type: 'line', showSymbol: false, data: numbers(data.queueP50) },
      { name: names.queueP90, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: numbers(data.queueP90) }
    ];
    var axes = [{ type: 'value', name: names.people, minInterval: 1 }];
    if (data.waitP90 && data.waitP90.length) {
      axes.push({ type: 'value', name: names.minutes, splitLine: { show: false } });
      series.push({
        name: names.waitP90, type: 'line', yAxisIndex: 1, showSymbol: false, connectNulls: true, data: numbers(data.waitP90),
        markLine: { symbol: 'none', label: { formatter: names.norm }, lineStyle: { color: '#b02a37' }, data: [{ yAxis: data.norm }] }
      });
    }
    return { series: series, axes: axes, legend: series.map(function (s) { return s.name; }) };
  }

  function actualOption(data, names) {
    var series = [
      { name: names.queue, type: 'line', showSymbol: false, data: numbers(data.queue) },
      { name: names.plannedQueue, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: numbers(data.plannedQueue) },
      { name: names.wait, type: 'line', yAxisIndex: 1, showSymbol: false, connectNulls: true, data: numbers(data.wait) },
      { name: names.plannedWait, type: 'line', yAxisIndex: 1, showSymbol: false, connectNulls: true, lineStyle: { type: 'dashed' },
        data: numbers(data.plannedWait) }
    ];
    var axes = [{ type: 'value', name: names.people, minInterval: 1 }, { type: 'value', name: names.minutes, splitLine: { show: false } }];
    return { series: series, axes: axes, legend: series.map(function (s) { return s.name; }) };
  }

  function draw() {
    if (!window.echarts) { return; }
    charts.forEach(function (c) { if (!document.body.contains(c.getDom())) { c.dispose(); } });
    charts = charts.filter(function (c) { return !c.isDisposed(); });
    document.querySelectorAll('.site-chart, .actual-chart').forEach(function (box) {
      if (box.dataset.drawn === 'true') { return; }
      var names = box.closest('section').dataset;
      var data = JSON.parse(box.dataset.chart);
      var option = box.classList.contains('site-chart') ? planOption(data, names) : actualOption(data, names);
      var chart = window.echarts.init(box);
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: option.legend, bottom: 0 },
        grid: { left: 44, right: 44, top: 32, bottom: 56 },
        xAxis: { type: 'category', data: data.labels },
        yAxis: option.axes,
        series: option.series
      });
      charts.push(chart);
      box.dataset.drawn = 'true';
      box.dataset.points = String(data.labels.length);
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
