// carecap. SPDX-License-Identifier: MIT
// Opens a carecap HTML report in Debian's headless Chromium (driven by playwright-core from
// tools/report/node_modules) with the network cut off, and reports what a reader would see:
// console errors, requests that tried to leave the file, and for every ECharts instance its
// series and whether its canvas has drawn. Shared by tests/browser/check_reports.mjs and
// bench/report_bench.mjs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, '..', '..');
const require = createRequire(path.join(sourceDir, 'tools', 'report', 'package.json'));
const { chromium } = require('playwright-core');

/// Chromium as root in a container: no sandbox, no GPU, no background traffic to Google.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--proxy-server=http://127.0.0.1:9',
           '--proxy-bypass-list=<-loopback>'],
  });
}

/// Loads `htmlPath` offline and inspects it. Returns
/// { errors, blocked, charts: [{id, series, points, inkPixels, empty}], readyAt, lang, page, context }.
export async function openReport(browser, htmlPath, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ offline: true, viewport });
  const errors = [];
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body && document.body.getAttribute('data-ready'), null, { timeout: 30000 });
  const state = await inspect(page);
  return { errors, blocked, page, context, ...state };
}

/// The charts as drawn now: series and data points per instance, and the canvas pixels that are
/// neither transparent nor white (ink).
export async function inspect(page) {
  return page.evaluate(() => {
    const charts = (window.carecapCharts || []).map((c) => {
      const option = c.instance.getOption();
      let points = 0;
      for (const s of option.series || []) for (const v of s.data || []) {
        const y = Array.isArray(v) ? v[1] : v;
        if (typeof y === 'number' && isFinite(y)) points += 1;
      }
      const canvas = c.element.querySelector('canvas');
      let inkPixels = 0;
      if (canvas && canvas.width > 0 && canvas.height > 0) {
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < pixels.length; i += 4)
          if (pixels[i + 3] > 0 && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) inkPixels += 1;
      }
      return { id: c.id, series: (option.series || []).length, points, inkPixels, empty: !c.hasData,
               width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0 };
    });
    return { charts, readyAt: window.carecapReadyAt, lang: window.carecapLang,
             tables: document.querySelectorAll('table').length,
             warnings: document.querySelectorAll('.warnings li').length,
             title: document.title };
  });
}

/// The texts drawn on each chart's canvas, as the reader sees them: for every visible text span of
/// the chart's zrender display list its words and the four corners of its box in chart pixels
/// (rotated labels have rotated boxes); its named series with their colours, its value axis' fixed
/// maximum (pyramids), the largest of its values and the title of its save-as-image button.
/// [{ id, kind, width, height, empty, texts: [{ text, corners }], series: [{ name, color }], valueAxisMax, dataMax, saveTitle }]
export async function chartTexts(page) {
  return page.evaluate(() => window.carecapCharts.map((c) => {
    const texts = [];
    for (const span of c.instance.getZr().storage.getDisplayList()) {
      if (span.type !== 'tspan' || span.invisible || !span.style.text || span.style.opacity === 0) continue;
      const box = (el) => {
        const r = el.getBoundingRect();
        const m = el.getComputedTransform() || [1, 0, 0, 1, 0, 0];
        return [[r.x, r.y], [r.x + r.width, r.y], [r.x + r.width, r.y + r.height], [r.x, r.y + r.height]]
          .map(([x, y]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]);
      };
      const corners = box(span);
      // A text clipped away (a scrolling legend's other pages) is not seen: its centre is outside a clip.
      const [cx, cy] = [0, 1].map((k) => corners.reduce((sum, p) => sum + p[k], 0) / 4);
      const clipped = (span.__clipPaths || []).some((clip) => {
        const c = box(clip), xs = c.map((p) => p[0]), ys = c.map((p) => p[1]);
        return cx < Math.min(...xs) || cx > Math.max(...xs) || cy < Math.min(...ys) || cy > Math.max(...ys);
      });
      if (!clipped) texts.push({ text: span.style.text, corners });
    }
    const option = c.instance.getOption();
    const toolbox = (option.toolbox || [])[0];
    // The series a legend names, with their colours (a band's is its area's).
    const series = (option.series || []).filter((s) => s.name)
      .map((s) => ({ name: s.name, color: s.areaStyle?.color ?? s.itemStyle?.color ?? s.lineStyle?.color ?? null }));
    return { id: c.id, kind: c.chart.kind, width: c.element.clientWidth, height: c.element.clientHeight, empty: !c.hasData,
             texts, series, valueAxisMax: option.xAxis?.[0]?.max ?? null, saveTitle: toolbox?.feature?.saveAsImage?.title ?? null,
             dataMax: Math.max(0, ...(option.series || []).flatMap((s) => (s.data || []).map((v) => Math.abs(Array.isArray(v) ? v[1] : v) || 0))) };
  }));
}
