// The commander's round page: coverage per subdistrict and community as a sortable table and a chart, refreshed
// from GET /api/v1/rounds/{id}/coverage every minute.
(function () {
  'use strict';

  var page = document.getElementById('round-page');
  if (!page) { return; }
  var table = document.getElementById('coverage-table');
  var chartBox = document.getElementById('coverage-chart');
  var chart = null;
  var rows = [];
  var sortKey = null;
  var ascending = true;

  function flatten(coverage) {
    var out = [];
    (coverage.children || []).forEach(function (sub) {
      out.push(sub);
      (sub.children || []).forEach(function (community) {
        if (community.level === 'COMMUNITY') { out.push(community); }
      });
    });
    return out;
  }

  function fromTable() {
    var keys = ['name', 'level', 'inScope', 'sampled', 'notSampled', 'exempted', 'percent'];
    return Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
      var row = { area: tr.dataset.area, html: null };
      keys.forEach(function (key, i) {
        var text = tr.cells[i].textContent;
        row[key] = i < 2 ? text : Number(text);
      });
      row.levelText = tr.cells[1].textContent;
      row.link = tr.cells[7].innerHTML;
      return row;
    });
  }

  function render() {
    var body = table.tBodies[0];
    var sorted = rows.slice();
    if (sortKey) {
      sorted.sort(function (a, b) {
        var x = a[sortKey];
        var y = b[sortKey];
        var c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
        return ascending ? c : -c;
      });
    }
    body.textContent = '';
    sorted.forEach(function (row) {
      var tr = document.createElement('tr');
      tr.dataset.area = row.area;
      [row.name, row.levelText, row.inScope, row.sampled, row.notSampled, row.exempted, row.percent].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = String(v);
        tr.appendChild(td);
      });
      var link = document.createElement('td');
      var a = document.createElement('a');
      a.href = page.dataset.missing + '?area=' + encodeURIComponent(row.area);
      a.textContent = row.linkText;
      link.appendChild(a);
      tr.appendChild(link);
      body.appendChild(tr);
    });
    drawChart();
  }

  function drawChart() {
    if (!window.echarts || !chartBox) { return; }
    if (!chart) { chart = window.echarts.init(chartBox); }
    var communities = rows.filter(function (r) { return r.level === 'COMMUNITY' || r.levelKey === 'COMMUNITY'; });
    var shown = communities.length ? communities : rows;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [page.dataset.labelSampled, page.dataset.labelNotSampled, page.dataset.labelExempted] },
      grid: { left: 48, right: 16, bottom: 72 },
      xAxis: { type: 'category', data: shown.map(function (r) { return r.name; }), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        { name: page.dataset.labelSampled, type: 'bar', stack: 'people', data: shown.map(function (r) { return r.sampled; }) },
        { name: page.dataset.labelNotSampled, type: 'bar', stack: 'people', data: shown.map(function (r) { return r.notSampled; }) },
        { name: page.dataset.labelExempted, type: 'bar', stack: 'people', data: shown.map(function (r) { return r.exempted; }) }
      ]
    }, true);
    chartBox.dataset.bars = String(shown.length);
  }

  function set(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = String(value); }
  }

  function refresh() {
    fetch(page.dataset.api, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (coverage) {
        if (!coverage) { return; }
        var levelTexts = {};
        var linkText = '';
        rows.forEach(function (r) { levelTexts[r.level] = r.levelText; linkText = r.linkText || linkText; });
        rows = flatten(coverage).map(function (c) {
          return { area: c.area, name: c.name, level: c.level, levelKey: c.level, levelText: levelTexts[c.level] || c.level,
            inScope: c.inScope, sampled: c.sampled, notSampled: c.notSampled, exempted: c.exempted, percent: c.percent,
            linkText: linkText };
        });
        set('round-percent', coverage.percent + '%');
        set('round-in-scope', coverage.inScope);
        set('round-sampled', coverage.sampled);
        set('round-not-sampled', coverage.notSampled);
        set('round-exempted', coverage.exempted);
        page.dataset.refreshed = String(Date.now());
        render();
      })
      .catch(function () { /* the next refresh tries again */ });
  }

  rows = fromTable().map(function (r, i) {
    var tr = table.tBodies[0].rows[i];
    r.linkText = tr.cells[7].textContent;
    r.level = tr.dataset.level;
    return r;
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (!th.dataset.key) { return; }
    th.addEventListener('click', function () {
      ascending = sortKey === th.dataset.key ? !ascending : true;
      sortKey = th.dataset.key;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.classList.remove('asc', 'desc'); });
      th.classList.add(ascending ? 'asc' : 'desc');
      render();
    });
  });
  refresh();
  setInterval(refresh, (Number(page.dataset.refresh) || 60) * 1000);
}());
