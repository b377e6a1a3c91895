// carecap. SPDX-License-Identifier: MIT
// Renders a carecap report from the JSON embedded in the page (tools/report/HtmlReport.cpp) with
// the ECharts embedded beside it: no network, no other files. Every chart and table has its words
// in Chinese and English; the language switch re-renders the page.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('carecap-data').textContent);
  var lang = data.lang === 'en' ? 'en' : 'zh';
  var charts = [];
  var sectionCharts = {};  // section id -> its charts, laid out together

  function t(text) {
    if (text === null || text === undefined) return '';
    if (typeof text === 'string') return text;
    return text[lang] || text.zh || text.en || '';
  }
  // The page's own words (text/messages/report_page.toml), handed over in the data as {id: {zh, en}}.
  var words = data.page || {};
  function word(id) { return t(words[id]); }
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
  // Every chart is laid out top down: title, legend (rows of its own), the y axis' name, the plot,
  // the x axis' labels and name. ECharts 5's containLabel keeps axis labels inside the chart but
  // not titles, legends or axis names, so their room is measured here with the chart's font.
  var fontFamily = getComputedStyle(document.body).fontFamily;
  var measure = document.createElement('canvas').getContext('2d');
  function textWidth(text, size, bold) {
    measure.font = (bold ? 'bold ' : '') + size + 'px ' + fontFamily;
    return measure.measureText(text).width;
  }
  // Distinct colours: the report's own first (supply blue, demand red, purple, orange), then Tableau 10's.
  var palette = ['#1f5f8b', '#c0392b', '#7d3c98', '#e59866', '#27ae60', '#d4ac0d', '#16a085', '#7f8c8d',
                 '#e377c2', '#8c564b', '#17becf', '#bcbd22'];
  // One colour per series: its own colour unless an earlier series has it, else the next palette
  // colour no series of the chart uses (the palette repeats only past 12 series).
  function distinctColors(wanted) {
    var used = {}, out = [], next = 0;
    wanted.forEach(function (c, i) { if (c && !used[c]) { used[c] = true; out[i] = c; } });
    wanted.forEach(function (c, i) {
      if (out[i]) return;
      while (next < palette.length && used[palette[next]]) next += 1;
      out[i] = palette[next % palette.length];
      used[out[i]] = true;
      next += 1;
    });
    return out;
  }
  function hasData(chart) {
    var some = function (values) { return values.some(function (v) { return typeof v === 'number' && v !== 0; }); };
    return chart.marks.length > 0 || chart.series.some(function (s) { return some(s.values); }) ||
      chart.bands.some(function (b) { return some(b.high); });
  }
  var legendText = { fontSize: 11, lineHeight: 14 };
  // The head of a chart as options (title, legend, save button) and `top`: where the plot may start.
  function head(chart, legend, width) {
    var size = chart.small ? 13 : 15, titleWidth = width - 80;  // clear of the save button, both sides
    var titleLines = Math.max(1, Math.ceil(textWidth(t(chart.title), size, true) / titleWidth));
    var legendWidth = width - 24, rows = 1, x = 0;
    legend.forEach(function (name) {  // ECharts' packing: icon 18, gap 5, text; itemGap 10 between items
      var w = 23 + textWidth(name, legendText.fontSize);
      if (x > 0 && x + 10 + w > legendWidth) { rows += 1; x = 0; }
      x += (x > 0 ? 10 : 0) + w;
    });
    var scroll = rows > 6, legendTop = 8 + titleLines * (size + 5) + 8;
    var legendBottom = legend.length ? legendTop + (scroll ? 1 : rows) * 24 - 10 : legendTop - 8;
    return {
      top: legendBottom + 34,  // the y axis' name (14 px) 10 px above the plot, 10 px below the legend
      title: { text: t(chart.title), left: 'center', top: 8,
               textStyle: { fontSize: size, lineHeight: size + 5, width: titleWidth, overflow: 'break' } },
      legend: { show: legend.length > 0, type: scroll ? 'scroll' : 'plain', data: legend, top: legendTop, left: 'center',
                width: legendWidth, padding: 0, itemWidth: 18, itemHeight: 10, itemGap: 10, textStyle: legendText },
      toolbox: { right: 10, top: 8, itemSize: 14,
                 feature: { saveAsImage: { title: word('page.save_image'), name: t(chart.title), pixelRatio: 2,
                                           backgroundColor: '#fff' } } }
    };
  }
  function yName(name, width) {
    return { name: name, nameLocation: 'end', nameGap: 10,
             nameTextStyle: { align: 'left', fontSize: 12, width: width - 90, overflow: 'truncate' } };
  }
  function withHead(h, rest) {
    rest.animation = false;
    rest.textStyle = { fontFamily: fontFamily };
    rest.title = h.title;
    rest.legend = h.legend;
    rest.toolbox = h.toolbox;
    return rest;
  }
  function emptyOption(chart, width) {
    return withHead(head(chart, [], width), {
      graphic: { type: 'text', left: 'center', top: 'middle', style: { text: word('page.empty'), fontSize: 26, fill: '#888' } } });
  }
  function bandSeries(band, index, color) {
    var diff = band.high.map(function (h, i) {
      var l = band.low[i];
      return h === null || l === null ? null : h - l;
    });
    var stack = 'band' + index;
    return [
      { name: '', type: 'line', data: band.low, stack: stack, symbol: 'none', silent: true,
        lineStyle: { opacity: 0 }, tooltip: { show: false }, z: 1 },
      { name: t(band.name), type: 'line', data: diff, stack: stack, symbol: 'none', silent: true,
        lineStyle: { opacity: 0 }, areaStyle: { color: color, opacity: 1 }, itemStyle: { color: color },
        tooltip: { show: false }, z: 1 }
    ];
  }
  function lineOption(chart, width) {
    var series = [], legend = [];
    var colors = distinctColors(chart.bands.map(function (b) { return b.color; })
      .concat(chart.series.map(function (s) { return s.color; }), chart.marks.map(function () { return '#222'; })));
    chart.bands.forEach(function (band, i) {
      series = series.concat(bandSeries(band, i, colors[i]));
      legend.push(t(band.name));
    });
    chart.series.forEach(function (s, i) {
      var color = colors[chart.bands.length + i];
      var item = { name: t(s.name), data: s.values, type: s.style === 'bar' ? 'bar' : 'line', z: 3,
                   itemStyle: { color: color } };
      if (item.type === 'line') {
        item.symbol = chart.x_labels.length > 30 || chart.series.length > 12 ? 'none' : 'circle';
        item.symbolSize = 4;
        item.lineStyle = { color: color, width: s.style === 'baseline' ? 3.5 : 2, type: s.style === 'dashed' ? 'dashed' : 'solid' };
        if (s.style === 'baseline') item.z = 4;
      }
      series.push(item);
      legend.push(t(s.name));
    });
    chart.marks.forEach(function (m, i) {
      series.push({ name: t(m.name), type: 'scatter', symbol: 'diamond', symbolSize: 14, z: 5,
        itemStyle: { color: colors[chart.bands.length + chart.series.length + i] }, data: [[m.x, m.y]],
        label: { show: true, position: 'right', formatter: function () { return tooltipValue(m.y); } } });
      legend.push(t(m.name));
    });
    var bar = chart.kind === 'bar', h = head(chart, chart.series.length <= 40 ? legend : [], width);
    // Rotated bar labels (up to 110 px, at 30 degrees) hang below the axis: the x name goes under them.
    var labelDrop = bar ? Math.min(110, Math.max.apply(null, chart.x_labels.map(function (l) { return textWidth(l, 11); }).concat([0]))) / 2 + 18 : 20;
    return withHead(h, {
      tooltip: { trigger: 'axis', valueFormatter: tooltipValue, confine: true },
      grid: { left: 12, right: 28, top: h.top, bottom: bar ? 34 : 22, containLabel: true },
      xAxis: { type: 'category', data: chart.x_labels, name: t(chart.x_name), nameLocation: 'middle', nameGap: labelDrop + 8,
        axisLabel: bar ? { interval: chart.x_labels.length <= 30 ? 0 : 'auto', rotate: 30, fontSize: 11,
                           width: 110, overflow: 'truncate' }
                       : { fontSize: 11 } },
      yAxis: Object.assign(yName(t(chart.y_name), width), { type: 'value',
        axisLabel: { formatter: function (v) { return format(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0); } } }),
      series: series
    });
  }
  // `max`: the value axis' half-width, shared by the pyramids of a section so that they compare.
  function pyramidOption(chart, width, max) {
    var left = chart.series[0], right = chart.series[1];
    var h = head(chart, [t(left.name), t(right.name)], width);
    return withHead(h, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return tooltipValue(Math.abs(v)); } },
      // Not containLabel: ECharts measures a sample of the 101 age labels and may miss the widest (100+).
      grid: { left: 24 + Math.max.apply(null, chart.x_labels.map(function (l) { return textWidth(l, 12); })), right: 28,
              top: h.top, bottom: 50 },
      xAxis: { type: 'value', name: t(chart.y_name), nameLocation: 'middle', nameGap: 28, min: -max, max: max,
        axisLabel: { formatter: function (v) { return format(Math.abs(v), 0); } } },
      yAxis: Object.assign(yName(t(chart.x_name), width), { type: 'category', data: chart.x_labels,
        axisTick: { show: false }, axisLabel: { interval: 9 } }),
      series: distinctColors([left.color, right.color]).map(function (color, i) {
        var s = i === 0 ? left : right;
        return { name: t(s.name), type: 'bar', stack: 'p', barCategoryGap: 0, itemStyle: { color: color },
                 data: s.values.map(function (v) { return v === null || i > 0 ? v : -v; }) };
      })
    });
  }
  // The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten that is at least `v`.
  function niceCeil(v) {
    if (!(v > 0)) return 1;
    var power = Math.pow(10, Math.floor(Math.log10(v)));
    var step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(function (m) { return m * power >= v * (1 - 1e-9); });
    return step * power;
  }
  function pyramidScale(section) {
    var max = 0;
    section.charts.forEach(function (c) {
      if (c.kind === 'pyramid') c.series.forEach(function (s) { s.values.forEach(function (v) { if (v > max) max = v; }); });
    });
    return niceCeil(max);
  }
  function chartOption(entry) {
    var chart = entry.chart, width = entry.element.clientWidth;
    if (!entry.hasData) return emptyOption(chart, width);
    return chart.kind === 'pyramid' ? pyramidOption(chart, width, entry.scale) : lineOption(chart, width);
  }
  function renderChart(container, chart, scale) {
    var data = hasData(chart);
    var box = el('div', (chart.small ? 'chart small' : 'chart') + (data ? '' : ' empty'));
    box.id = 'chart-' + chart.id;
    box.setAttribute('data-chart', chart.id);
    container.appendChild(box);
    var entry = { id: chart.id, chart: chart, element: box, hasData: data, scale: scale,
                  instance: echarts.init(box, null, { renderer: 'canvas' }) };
    charts.push(entry);
    return entry;
  }
  // Lays out the charts of a section: one whose head (title lines, legend rows) leaves its plot too
  // little room grows taller, and so do the others of its size, so that a row of charts stays even.
  function layOut(entries) {
    var options = entries.map(chartOption), heights = {};
    entries.forEach(function (e, i) {
      e.element.style.height = '';
      var needed = options[i].grid ? options[i].grid.top + (e.chart.small ? 170 : 240) + options[i].grid.bottom + 40 : 0;
      heights[e.element.className] = Math.max(heights[e.element.className] || 0, e.element.clientHeight, needed);
    });
    entries.forEach(function (e, i) {
      e.element.style.height = heights[e.element.className] + 'px';
      e.instance.resize();
      e.instance.setOption(options[i], true);
    });
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
    heading.appendChild(el('span', 'table-id', ' (' + word('page.table') + ' ' + table.id + '.csv)'));
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
      all.appendChild(el('summary', null, table.columns.length + ' ' + word('page.columns')));
      fill();
      all.appendChild(tableEl);
      wrap.appendChild(all);
    } else if (table.rows.length > 40) {
      // Long tables are folded, and their rows are made when first unfolded.
      var details = el('details');
      details.appendChild(el('summary', null, table.rows.length + ' ' + word('page.rows')));
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
    box.appendChild(el('h3', null, word('page.warnings')));
    var list = el('ul');
    warnings.forEach(function (w) {
      var item = el('li', w.severity);
      item.appendChild(el('strong', null, t(words['page.' + w.severity] || { zh: w.severity, en: w.severity }) + word('page.label_colon')));
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
    sectionCharts = {};
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(data.title);
    var app = document.getElementById('app');
    app.textContent = '';
    var header = el('header');
    header.appendChild(el('h1', null, t(data.title)));
    header.appendChild(el('p', 'subtitle', t(data.subtitle)));
    header.appendChild(el('p', 'source', word('page.source') + ': ' + data.source_path + ' · carecap ' + data.version));
    var button = el('button', 'lang', word('page.switch_to'));
    button.id = 'lang-switch';
    button.addEventListener('click', function () { lang = lang === 'zh' ? 'en' : 'zh'; render(); });
    header.appendChild(button);
    var toc = el('nav');
    toc.appendChild(el('strong', null, word('page.contents') + ': '));
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
        else section.appendChild(el('p', data.plan_checked ? 'ok' : 'note', word(data.plan_checked ? 'page.none' : 'page.no_plan')));
      } else if (s.warnings.length) {
        renderWarnings(section, s.warnings);
      }
      var grid = el('div', 'charts');
      section.appendChild(grid);
      app.appendChild(section);
      var scale = pyramidScale(s);
      sectionCharts[s.id] = s.charts.map(function (c) { return renderChart(grid, c, scale); });
      layOut(sectionCharts[s.id]);
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
  // The layout depends on the width (legend rows, title lines): a resize lays every chart out again.
  window.addEventListener('resize', function () {
    Object.keys(sectionCharts).forEach(function (id) { layOut(sectionCharts[id]); });
  });
  render();
})();
