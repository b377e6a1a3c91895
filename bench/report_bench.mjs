// carecap. SPDX-License-Identifier: MIT
// Report page benchmark: for each HTML report given, its size and, over N fresh loads in headless
// Chromium with the network cut off, the time from navigation start to the page being interactive
// (every chart drawn and the language switch wired: window.carecapReadyAt) and to the load event.
// Prints one line per page with medians. Usage: node bench/report_bench.mjs N PAGE.html...
import fs from 'node:fs';
import { launchBrowser, openReport } from '../tests/browser/ReportPage.mjs';

const [count, ...pages] = process.argv.slice(2);
const runs = Number(count);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const browser = await launchBrowser();
for (const page of pages) {
  const ready = [], loaded = [];
  let charts = 0, errors = 0, blank = 0;
  for (let i = 0; i < runs; ++i) {
    const report = await openReport(browser, page);
    ready.push(report.readyAt);
    loaded.push(await report.page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    charts = report.charts.length;
    blank += report.charts.filter((c) => c.inkPixels <= 2000).length;
    errors += report.errors.length + report.blocked.length;
    await report.context.close();
  }
  const mib = fs.statSync(page).size / 1048576;
  console.log(`${page}: ${mib.toFixed(2)} MiB, ${charts} charts, interactive median ${median(ready).toFixed(0)} ms ` +
              `(min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)}), load event median ` +
              `${median(loaded).toFixed(0)} ms, ${runs} loads, ${errors} errors, ${blank} blank charts`);
}
await browser.close();
