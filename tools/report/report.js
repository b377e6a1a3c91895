// carecap. SPDX-License-Identifier: MIT
// Renders a carecap report from the JSON embedded in the page (tools/report/HtmlReport.cpp) with
// the ECharts embedded beside it: no network, no other files. Every chart and table has its words
// in Chinese and English; the language switch re-renders the page.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('carecap-data').textContent);
  var lang = data.lang === 'en' ? 'en' : 'zh';
  var charts = [];

  function t(text) {
    if (text === null || text === undefined) return '';
    if (typeof text === 'string') return text;
    return text[lang] || text.zh || text.en || '';
  }
  var ui = {
    switchTo: { zh: 'English', en: '中文' },
    contents: { zh: '目录', en: 'Contents' },
    table: { zh: '表', en: 'Table' },
    rows: { zh: '行，展开', en: 'rows, expand' },
    columns: { zh: '列：点击展开全部结果', en: 'columns: click to show every outcome' },
    warnings: { zh: '警示', en: 'Warnings' },
    contradiction: { zh: '自相矛盾', en: 'contradiction' },
    differs: { zh: '与模型不符', en: 'differs from the model' },
    source: { zh: '数据文件', en: 'data file' },
    none: { zh: '无警示：规划数字彼此一致且与模型相符。', en: 'No warnings: the plan agrees with itself and the model.' },
    noPlan: { zh: '本情景未录入规划数字，无规划核查。', en: 'The scenario states no plan figures: there is no plan check.' }
  };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var formats = {};  // Intl.NumberFormat by language and decimals: made once, used for every cell
  function format(value, decimals) {
    if (value === null || value === undefined || typeof value !== 'number' || !isFinite(value)) return '–';
    if (decimals < 0) return String(Math.round(value));  // years: 2035, not 2,035
    var key = lang + decimals;
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US',
        { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }
    return formats[key].format(value);
  }
  function tooltipValue(v) {
    return typeof v === 'number' && isFinite(v) ? format(v, Math.abs(v) >= 100 ? 0 : 2) : '–';
  }

  // ---- charts -------------------------------------------------------------------------------
  function bandSeries(band, index) {
    var diff = band.high.map(function (h, i) {
      var l = band.low[i];
      return h === null || l === null ? null : h - l;
    });
    var stack = 'band' + index;
    return [
      { name: '', type: 'line', data: band.low, stack: stack, symbol: 'none', silent: true,
        lineStyle: { opacity: 0 }, tooltip: { show: false }, z: 1 },
      { name: t(band.name), type: 'line', data: diff, stack: stack, symbol: 'none', silent: true,
        lineStyle: { opacity: 0 }, areaStyle: { color: band.color, opacity: 1 }, itemStyle: { color: band.color },
        tooltip: { show: false }, z: 1 }
    ];
  }
  function lineOption(chart) {
    var series = [], legend = [];
    chart.bands.forEach(function (band, i) {
      series = series.concat(bandSeries(band, i));
      legend.push(t(band.name));
    });
    chart.series.forEach(function (s) {
      var item = { name: t(s.name), data: s.values, type: s.style === 'bar' ? 'bar' : 'line', z: 3 };
      if (item.type === 'line') {
        item.symbol = chart.x_labels.length > 30 || chart.series.length > 12 ? 'none' : 'circle';
        item.symbolSize = 4;
        item.lineStyle = { width: s.style === 'baseline' ? 3.5 : 2, type: s.style === 'dashed' ? 'dashed' : 'solid' };
        if (s.style === 'baseline') item.z = 4;
      }
      if (s.color) item.itemStyle = { color: s.color };
      if (s.color && item.lineStyle) item.lineStyle.color = s.color;
      series.push(item);
      legend.push(t(s.name));
    });
    if (chart.marks.length) {
      chart.marks.forEach(function (m) {
        series.push({ name: t(m.name), type: 'scatter', symbol: 'diamond', symbolSize: 14, z: 5,
          itemStyle: { color: '#222' }, data: [[m.x, m.y]],
          label: { show: true, position: 'top', formatter: function () { return tooltipValue(m.y); } } });
        legend.push(t(m.name));
      });
    }
    var many = chart.series.length > 12;
    var bar = chart.kind === 'bar';
    return {
      animation: false,
      title: { text: t(chart.title), left: 'center', textStyle: { fontSize: chart.small ? 13 : 15 } },
      tooltip: { trigger: 'axis', valueFormatter: tooltipValue, confine: true },
      legend: { show: chart.series.length <= 40, type: many ? 'scroll' : 'plain', bottom: 0, data: legend,
        textStyle: { fontSize: 11 } },
      grid: { left: 64, right: 20, top: 56, bottom: bar ? 100 : 60 },
      xAxis: { type: 'category', data: chart.x_labels, name: t(chart.x_name), nameLocation: 'end',
        axisLabel: bar ? { interval: chart.x_labels.length <= 30 ? 0 : 'auto', rotate: 30, fontSize: 11,
                           width: 110, overflow: 'truncate' }
                       : { fontSize: 11 } },
      yAxis: { type: 'value', name: t(chart.y_name), nameTextStyle: { align: 'left' },
        axisLabel: { formatter: function (v) { return format(v, Math.abs(v) < 10 && v !== 0 ? 1 : 0); } } },
      series: series
    };
  }
  function pyramidOption(chart) {
    var left = chart.series[0], right = chart.series[1];
    return {
      animation: false,
      title: { text: t(chart.title), left: 'center', textStyle: { fontSize: 15 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return tooltipValue(Math.abs(v)); } },
      legend: { bottom: 0, data: [t(left.name), t(right.name)] },
      grid: { left: 50, right: 20, top: 40, bottom: 50 },
      xAxis: { type: 'value', name: t(chart.y_name),
        axisLabel: { formatter: function (v) { return format(Math.abs(v), 0); } } },
      yAxis: { type: 'category', data: chart.x_labels, name: t(chart.x_name), axisTick: { show: false },
        axisLabel: { interval: 9 } },
      series: [
        { name: t(left.name), type: 'bar', stack: 'p', barCategoryGap: 0, itemStyle: { color: left.color },
          data: left.values.map(function (v) { return v === null ? null : -v; }) },
        { name: t(right.name), type: 'bar', stack: 'p', barCategoryGap: 0, itemStyle: { color: right.color },
          data: right.values }
      ]
    };
  }
  function renderChart(container, chart) {
    var box = el('div', chart.small ? 'chart small' : 'chart');
    box.id = 'chart-' + chart.id;
    box.setAttribute('data-chart', chart.id);
    container.appendChild(box);
    var instance = echarts.init(box, null, { renderer: 'canvas' });
    instance.setOption(chart.kind === 'pyramid' ? pyramidOption(chart) : lineOption(chart));
    charts.push({ id: chart.id, instance: instance, element: box });
  }

  // ---- tables and warnings ------------------------------------------------------------------
  function cellText(cell, decimals) {
    if (cell === null || cell === undefined) return '–';
    if (typeof cell === 'number') return format(cell, decimals);
    return t(cell);
  }
  var foldedStudyTables = { comparison: true, difference: true };  // tools/report/StudyReport.cpp
  function renderTable(container, table) {
    var wrap = el('div', 'table-wrap');
    wrap.id = 'table-' + table.id;
    var heading = el('h3', null, t(table.title));
    heading.appendChild(el('span', 'table-id', ' (' + t(ui.table) + ' ' + table.id + ')'));
    wrap.appendChild(heading);
    if (t(table.note)) wrap.appendChild(el('p', 'note', t(table.note)));
    var tableEl = el('table');
    var head = el('tr');
    var thead = el('thead');
    // Study tables: units in a second header row, so that headers keep a readable width.
    var study = data.kind === 'study';
    var withUnits = study && table.columns.some(function (c) { return t(c.units); });
    if (study) tableEl.className = 'study';
    table.columns.forEach(function (c) {
      var units = t(c.units);
      head.appendChild(el('th', null, t(c.name) +
        (units && !withUnits ? (lang === 'zh' ? '（' + units + '）' : ' (' + units + ')') : '')));
    });
    thead.appendChild(head);
    if (withUnits) {
      var unitRow = el('tr', 'units');
      table.columns.forEach(function (c) { unitRow.appendChild(el('th', 'units', t(c.units))); });
      thead.appendChild(unitRow);
    }
    tableEl.appendChild(thead);
    var body = el('tbody');
    function fill() {
      table.rows.forEach(function (row, r) {
        var tr = el('tr');
        row.forEach(function (cell, c) {
          var decimals = table.row_decimals.length ? table.row_decimals[r] : table.columns[c].decimals;
          tr.appendChild(el('td', typeof cell === 'number' || cell === null ? 'num' : null, cellText(cell, decimals)));
        });
        body.appendChild(tr);
      });
    }
    tableEl.appendChild(body);
    if (study && foldedStudyTables[table.id]) {
      // Every outcome of a study: behind a switch, the key outcomes stay on screen.
      var all = el('details', 'columns');
      all.appendChild(el('summary', null, table.columns.length + ' ' + t(ui.columns)));
      fill();
      all.appendChild(tableEl);
      wrap.appendChild(all);
    } else if (table.rows.length > 40) {
      // Long tables are folded, and their rows are made when first unfolded.
      var details = el('details');
      details.appendChild(el('summary', null, table.rows.length + ' ' + t(ui.rows)));
      details.appendChild(tableEl);
      details.addEventListener('toggle', function () { if (details.open && !body.firstChild) fill(); });
      wrap.appendChild(details);
    } else {
      fill();
      wrap.appendChild(tableEl);
    }
    container.appendChild(wrap);
  }
  function renderWarnings(container, warnings) {
    var box = el('div', 'warnings');
    box.appendChild(el('h3', null, t(ui.warnings)));
    var list = el('ul');
    warnings.forEach(function (w) {
      var item = el('li', w.severity);
      item.appendChild(el('strong', null, t(ui[w.severity] || { zh: w.severity, en: w.severity }) + '：'));
      item.appendChild(document.createTextNode(t(w.message)));
      list.appendChild(item);
    });
    box.appendChild(list);
    container.appendChild(box);
  }

  // ---- page ---------------------------------------------------------------------------------
  function render() {
    var start = performance.now();
    charts.forEach(function (c) { c.instance.dispose(); });
    charts = [];
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(data.title);
    var app = document.getElementById('app');
    app.textContent = '';
    var header = el('header');
    header.appendChild(el('h1', null, t(data.title)));
    header.appendChild(el('p', 'subtitle', t(data.subtitle)));
    header.appendChild(el('p', 'source', t(ui.source) + ': ' + data.source_path + ' · carecap ' + data.version));
    var button = el('button', 'lang', ui.switchTo[lang]);
    button.id = 'lang-switch';
    button.addEventListener('click', function () { lang = lang === 'zh' ? 'en' : 'zh'; render(); });
    header.appendChild(button);
    var toc = el('nav');
    toc.appendChild(el('strong', null, t(ui.contents) + ': '));
    data.sections.concat([{ id: 'sources', title: data.sources.title }]).forEach(function (s) {
      var a = el('a', null, t(s.title));
      a.href = '#section-' + s.id;
      toc.appendChild(a);
    });
    header.appendChild(toc);
    app.appendChild(header);
    data.sections.forEach(function (s) {
      var section = el('section');
      section.id = 'section-' + s.id;
      section.appendChild(el('h2', null, t(s.title)));
      if (t(s.note)) section.appendChild(el('p', 'note', t(s.note)));
      if (s.id === 'overview' && data.kind === 'run') {
        if (s.warnings.length) renderWarnings(section, s.warnings);
        else section.appendChild(el('p', data.plan_checked ? 'ok' : 'note', t(data.plan_checked ? ui.none : ui.noPlan)));
      } else if (s.warnings.length) {
        renderWarnings(section, s.warnings);
      }
      var grid = el('div', 'charts');
      section.appendChild(grid);
      app.appendChild(section);
      s.charts.forEach(function (c) { renderChart(grid, c); });
      s.tables.forEach(function (table) { renderTable(section, table); });
    });
    var sources = el('section');
    sources.id = 'section-sources';
    sources.appendChild(el('h2', null, t(data.sources.title)));
    app.appendChild(sources);
    renderTable(sources, data.sources);
    window.carecapCharts = charts;
    window.carecapLang = lang;
    window.carecapRenderMs = performance.now() - start;
    window.carecapReadyAt = performance.now();  // ms since navigation start: the page is interactive
    document.body.setAttribute('data-ready', lang);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.instance.resize(); }); });
  render();
})();
