// carecap. SPDX-License-Identifier: MIT
// Specification: `carecap report` pages of a run, a study and a sweep render in real headless
// Chromium with the network disabled: no console error, no request leaves the file, every ECharts
// instance has series with data and has drawn on its canvas, in Chinese and after switching to
// English. A full-page PNG of each is saved for inspection.
// Usage: node tests/browser/check_reports.mjs CARECAP_BINARY SCREENSHOT_DIR (run from the source dir).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openReport, inspect, sourceDir } from './ReportPage.mjs';

const [binary, screenshotDir] = process.argv.slice(2);
if (!binary || !screenshotDir) throw new Error('usage: check_reports.mjs CARECAP_BINARY SCREENSHOT_DIR');
fs.mkdirSync(screenshotDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carecap-report-'));
const carecap = (...args) => execFileSync(binary, args, { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

// The three kinds of output (the Bei'an plan: run, study of its variants, a small sweep).
const outputs = {
  run: ['run', 'scenarios/beian/beian.toml', '-o', path.join(work, 'run.h5')],
  study: ['study', 'scenarios/studies/beian_plan_variants.toml', '-o', path.join(work, 'study.h5')],
  sweep: ['sweep', 'tests/sweeps/beian_saltelli.toml', '-o', path.join(work, 'sweep.h5')],
};
const failures = [];
const startText = (page) => page.evaluate(() => document.querySelector('#table-start')?.textContent ?? '');
const expect = (condition, what) => { if (!condition) failures.push(what); };
// A study page as a planner reads it: the ranking's and the key table's first rows, the key table's
// header cells (one header row of names, units below), every chart's legend, the folded full tables.
const studyState = (page) => page.evaluate(() => {
  const row = (id, r) => [...document.querySelectorAll(`#table-${id} tbody tr`)][r]?.textContent ?? '';
  const heads = [...document.querySelectorAll('#table-key_outcomes thead tr:first-child th')];
  return {
    first: row('ranking', 0), keyFirst: row('key_outcomes', 0),
    note: document.querySelector('#table-ranking .note')?.textContent ?? '',
    unitRows: document.querySelectorAll('#table-key_outcomes thead tr.units').length,
    tallest: Math.max(...heads.map((h) => h.getBoundingClientRect().height)),
    lineHeight: heads.length ? parseFloat(getComputedStyle(heads[0]).fontSize) * 1.5 : 0,
    legends: window.carecapCharts.map((c) => ((c.instance.getOption().legend || [])[0] || {}).data || []),
    folded: [...document.querySelectorAll('#table-comparison details, #table-difference details')].filter((d) => !d.open).length,
  };
});
const checkStudy = (s, lang) => {
  const [baseline, best] = lang === 'zh' ? ['按规划', '30%普通床位转护理型'] : ['as_published', 'convert_30pct_general'];
  expect(s.first.includes(best), `study (${lang}): the ranking's first row reads '${s.first}', expected ${best}`);
  expect(s.keyFirst.startsWith(baseline), `study (${lang}): the key table's first row reads '${s.keyFirst}'`);
  expect(s.note.includes(lang === 'zh' ? '排序规则：先比规划目标年达到的规划目标项数' : 'Ranked by the plan targets met'),
         `study (${lang}): the ranking's rule reads '${s.note}'`);
  expect(s.unitRows === 1, `study (${lang}): ${s.unitRows} units rows in the key table's header`);
  // A header wrapped one character a line is many lines tall; names wrap to three lines at most.
  expect(s.tallest <= 3 * s.lineHeight + 10, `study (${lang}): a key header is ${s.tallest} px tall (line ${s.lineHeight} px)`);
  expect(s.legends.length > 0 && s.legends.every((l) => l[0] === baseline),
         `study (${lang}): legends not led by the baseline ${baseline}: ${JSON.stringify(s.legends.map((l) => l[0]))}`);
  expect(s.folded === 2, `study (${lang}): ${s.folded} folded full tables, expected comparison and difference`);
};

const browser = await launchBrowser();
try {
  for (const [kind, args] of Object.entries(outputs)) {
    carecap(...args);
    const html = path.join(work, `${kind}.html`);
    carecap('report', path.join(work, `${kind}.h5`), '-o', html);
    const report = await openReport(browser, html);
    const check = (state, lang) => {
      expect(state.lang === lang, `${kind}: page language ${state.lang}, expected ${lang}`);
      expect(state.charts.length >= 3, `${kind} (${lang}): ${state.charts.length} charts, expected at least 3`);
      for (const c of state.charts) {
        expect(c.series > 0, `${kind} (${lang}): chart ${c.id} has no series`);
        expect(c.points > 0, `${kind} (${lang}): chart ${c.id} has no data point`);
        // A drawn chart has axes, labels and lines: thousands of inked pixels; a blank one none.
        expect(c.inkPixels > 2000, `${kind} (${lang}): chart ${c.id} canvas is blank (${c.inkPixels} ink pixels)`);
      }
      expect(state.tables >= 2, `${kind} (${lang}): ${state.tables} tables, expected at least 2`);
    };
    check(report, 'zh');
    if (kind === 'run') {
      // The Bei'an plan contradicts itself (seed_facts.md): 5,598 beds at 73.6 per 1,000 imply 76,060 aged 60+,
      // but the plan forecasts 90,000.
      expect(report.warnings >= 3, `run: ${report.warnings} warnings, expected the plan's contradictions`);
      const text = await report.page.evaluate(() => document.querySelector('.warnings').textContent);
      expect(text.includes('76,060') && text.includes('90,000'), 'run: the 76,060 vs 90,000 contradiction is not listed');
      // How the beds started: no occupancy stated, so the base year's demand steady state (516 residents, 0.73%).
      const start = await startText(report.page);
      expect(start.includes('起始状态') && start.includes('按基年需求稳态') && start.includes('在住老人516人') &&
             start.includes('0.73%'), `run: the start table in Chinese reads '${start}'`);
    }
    if (kind === 'study') checkStudy(await studyState(report.page), 'zh');
    await report.page.screenshot({ path: path.join(screenshotDir, `${kind}_zh.png`), fullPage: true });
    await report.page.click('#lang-switch');
    await report.page.waitForFunction(() => document.body.getAttribute('data-ready') === 'en');
    const english = await inspect(report.page);
    check(english, 'en');
    expect(english.title.startsWith('carecap'), `${kind}: English title is '${english.title}'`);
    if (kind === 'run') {
      const start = await startText(report.page);
      expect(start.includes('Start') && start.includes('base-year demand steady state') &&
             start.includes('516 residents in beds, 0.73% of people aged 60+'), `run: the start table in English reads '${start}'`);
    }
    if (kind === 'study') checkStudy(await studyState(report.page), 'en');
    await report.page.screenshot({ path: path.join(screenshotDir, `${kind}_en.png`), fullPage: true });
    expect(report.errors.length === 0, `${kind}: console errors: ${report.errors.join(' | ')}`);
    expect(report.blocked.length === 0, `${kind}: requests left the file: ${report.blocked.join(' ')}`);
    console.log(`${kind}: ${report.charts.length} charts drawn (min ink ${Math.min(...report.charts.map((c) => c.inkPixels))} px), ` +
                `${report.tables} tables, ${report.warnings} warnings, ready at ${report.readyAt.toFixed(0)} ms, ` +
                `${(fs.statSync(html).size / 1048576).toFixed(2)} MiB`);
    await report.context.close();
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  for (const f of failures) console.error('FAILED: ' + f);
  process.exit(1);
}
console.log(`report pages render offline in Chromium: 3 kinds x 2 languages passed; screenshots in ${screenshotDir}`);
