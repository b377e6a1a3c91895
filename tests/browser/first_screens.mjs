// carecap. SPDX-License-Identifier: MIT
// Writes the first screen (1,366 x 768 px, a planner's laptop) of a run's report in Chinese and in
// English, the images the README shows (docs/images/beian_report_first_screen_{zh,en}.png).
// Usage: node tests/browser/first_screens.mjs REPORT.html OUT_DIR
import path from 'node:path';
import { launchBrowser, openReport } from './ReportPage.mjs';

const [html, outDir] = process.argv.slice(2);
if (!html || !outDir) throw new Error('usage: first_screens.mjs REPORT.html OUT_DIR');
const browser = await launchBrowser();
try {
  const report = await openReport(browser, html, { width: 1366, height: 768 });
  await report.page.screenshot({ path: path.join(outDir, 'beian_report_first_screen_zh.png') });
  await report.page.click('#lang-switch');
  await report.page.waitForTimeout(500);  // the page re-renders its charts after the switch
  await report.page.screenshot({ path: path.join(outDir, 'beian_report_first_screen_en.png') });
} finally {
  await browser.close();
}
