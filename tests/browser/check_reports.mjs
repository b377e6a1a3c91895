// carecap. SPDX-License-Identifier: MIT
// Specification: `carecap report` pages of a run, a study, a sweep and an optimise file render in real headless
// Chromium with the network disabled, in Chinese and after switching to English, on a laptop's
// and a desktop's screen (1,366 and 1,920 px wide): no console error, no request leaves the file,
// every ECharts instance has drawn its data or says 无/None, no text on a chart is cut off or
// overlaps another, every chart has a save-as-image button that saves it, the run's first screen
// carries its findings' numbers (read from the HDF5 with h5dump), and the Chinese page has no Latin
// word outside a short allow list (PageChecks.mjs). A full-page PNG of each is saved for inspection.
// Usage: node tests/browser/check_reports.mjs CARECAP_BINARY SCREENSHOT_DIR (run from the source dir).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openReport, inspect, chartTexts, sourceDir } from './ReportPage.mjs';
import { textLayoutFailures, emptyChartFailures, seriesFailures, firstScreenText, numbersIn, latinWordFailures } from './PageChecks.mjs';

const [binary, screenshotDir] = process.argv.slice(2);
if (!binary || !screenshotDir) throw new Error('usage: check_reports.mjs CARECAP_BINARY SCREENSHOT_DIR');
fs.mkdirSync(screenshotDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carecap-report-'));
const carecap = (...args) => {
  try {
    return execFileSync(binary, args, { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    throw new Error(`carecap ${args.join(' ')}: ${e.signal ? 'killed by ' + e.signal : 'exit ' + e.status}: ${e.stderr}`);
  }
};

// The four kinds of output (the Bei'an plan: run, study of its variants, a small sweep, the fast
// optimise test scenario).
const outputs = {
  run: ['run', 'scenarios/beian/beian.toml', '-o', path.join(work, 'run.h5')],
  study: ['study', 'scenarios/studies/beian_plan_variants.toml', '-o', path.join(work, 'study.h5')],
  sweep: ['sweep', 'tests/sweeps/beian_saltelli.toml', '-o', path.join(work, 'sweep.h5')],
  optimise: ['optimise', 'tests/scenarios/beian_optimise.toml', '-o', path.join(work, 'optimise.h5')],
};
// An optimise report has one chart (required beds against both plans); the others at least three.
const leastCharts = { optimise: 1 };
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
    legends: window.carecapCharts.filter((c) => c.hasData).map((c) => ((c.instance.getOption().legend || [])[0] || {}).data || []),
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

// What each kind of page must say in each language, beyond its charts.
const checkLanguage = async (kind, lang, report) => {
  const page = report.page;
  if (kind === 'run' && lang === 'zh') {
    // The Bei'an plan contradicts itself (seed_facts.md): 5,598 beds at 73.6 per 1,000 imply 76,060 aged 60+,
    // but the plan forecasts 90,000.
    expect(report.warnings >= 3, `run: ${report.warnings} warnings, expected the plan's contradictions`);
    const text = await page.evaluate(() => document.querySelector('.warnings').textContent);
    expect(text.includes('76,060') && text.includes('90,000'), 'run: the 76,060 vs 90,000 contradiction is not listed');
    // How the beds started: no occupancy stated, so the base year's demand steady state (516 residents, 0.73%).
    const start = await startText(page);
    expect(start.includes('起始状态') && start.includes('按基年需求稳态') && start.includes('在住老人516人') &&
           start.includes('0.73%'), `run: the start table in Chinese reads '${start}'`);
  }
  if (kind === 'run') {
    // Nobody waits in the Bei'an run: dementia-care demand, without beds of its own, is served in
    // nursing-type beds (capacity.acceptable_beds). Its chart shows that and shades no shortfall.
    const legend = await page.evaluate(() => window.carecapCharts.find((c) => c.id === 'beds_dementia').instance.getOption().legend[0].data);
    const [served, unmet] = lang === 'zh' ? ['入住护理型床位', '未得到床位'] : ['served in nursing-type beds', 'without a bed'];
    expect(legend.includes(served) && !legend.includes(unmet), `run (${lang}): the dementia-care chart's legend reads ${legend.join(', ')}`);
  }
  if (kind === 'run' && lang === 'en') {
    const start = await startText(page);
    expect(start.includes('Start') && start.includes('base-year demand steady state') &&
           start.includes('516 residents in beds, 0.73% of people aged 60+'), `run: the start table in English reads '${start}'`);
  }
  if (lang === 'en') {
    const title = await page.evaluate(() => document.title);
    expect(title.startsWith('carecap'), `${kind}: English title is '${title}'`);
  }
  if (kind === 'study') checkStudy(await studyState(page), lang);
  if (kind === 'optimise') {
    // The section comes first and states the service level and both plans' discounted totals.
    const first = await page.evaluate(() => document.querySelector('section h2')?.textContent ?? '');
    const lead = await page.evaluate(() => document.querySelector('#section-optimise .note')?.textContent ?? '');
    const [title, level] = lang === 'zh' ? ['按服务水平测算的建设方案', '每年等候超过90天'] : ['Beds for a service level', 'wait longer than 90 days'];
    expect(first === title, `optimise (${lang}): the first section is '${first}'`);
    expect(lead.includes(level), `optimise (${lang}): the lead reads '${lead}'`);
  }
};

// Strings of an HDF5 dataset (or, with '-a', attribute) as h5dump prints them: bytes beyond ASCII
// as octal escapes of the byte taken as a signed 32-bit number (\37777777745 is 0xE5), decoded here
// as UTF-8.
const h5Strings = (file, object, option = '-d') => {
  const dump = execFileSync('h5dump', ['-w', '0', '-y', ...(option === '-d' ? ['--onlyattr=0'] : []), option, object, file])
    .toString('latin1');
  const data = dump.slice(dump.indexOf('DATA {'));
  return [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(([, quoted]) => {
    const bytes = [];
    for (let i = 0; i < quoted.length; i += 1) {
      if (quoted[i] !== '\\') { bytes.push(quoted.charCodeAt(i)); continue; }
      const octal = /^(37777777[0-7]{3}|[0-7]{1,3})/.exec(quoted.slice(i + 1));
      if (octal) { bytes.push(parseInt(octal[0], 8) & 0xff); i += octal[0].length; continue; }
      i += 1;  // \n, \r, \t, \", \\
      bytes.push({ n: 10, r: 13, t: 9 }[quoted[i]] ?? quoted.charCodeAt(i));
    }
    return Buffer.from(bytes).toString('utf8');
  });
};
// The ids the user wrote in the scenario, study or sweep file: the zh page may show them as typed.
// A sweep's are its name, its parameters' keys and the labels of their values (`labels = [...]`
// in the sweep file, kept in the HDF5 as its text, which h5dump prints line by line as it is).
const sweepLabels = (h5) => (execFileSync('h5dump', ['-w', '0', '-a', '/sweep_text', h5]).toString()
  .match(/^\s*labels\s*=\s*\[[^\]]*\]/gm) ?? []).flatMap((list) => [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]));
const userIds = (kind, h5) => new Set({
  run: () => h5Strings(h5, '/scenario_name', '-a'),
  study: () => [...h5Strings(h5, '/study_name', '-a'), ...h5Strings(h5, '/scenario')],
  sweep: () => [...h5Strings(h5, '/sweep_name', '-a'), ...h5Strings(h5, '/parameter'), ...sweepLabels(h5)],
  optimise: () => h5Strings(h5, '/scenario_name', '-a'),
}[kind]());
// A laptop's and a desktop's screen: the width the charts are laid out in, the height of the first screen.
const screens = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];
const switchTo = async (page, lang) => {
  await page.click('#lang-switch');
  await page.waitForFunction((l) => document.body.getAttribute('data-ready') === l, lang);
};
// Every chart's save button is titled in the page's language, and the first chart's saves a PNG
// named after the chart's title (what a planner pastes into a Word document).
const checkSaveButtons = async (page, charts, lang, where) => {
  const title = lang === 'zh' ? '保存为图片' : 'Save as image';
  for (const c of charts) expect(c.saveTitle === title, `${where}: chart ${c.id}'s save button reads '${c.saveTitle}', expected '${title}'`);
  const first = charts.find((c) => !c.empty);
  const download = page.waitForEvent('download', { timeout: 15000 }).catch(() => null);
  await page.locator(`#chart-${first.id}`).click({ position: { x: first.width - 17, y: 15 } });
  const file = await download;
  const expected = await page.evaluate((id) => window.carecapCharts.find((c) => c.id === id).instance.getOption().title[0].text, first.id);
  expect(file !== null && file.suggestedFilename() === `${expected}.png`,
         `${where}: the save button of chart ${first.id} saved ${file ? file.suggestedFilename() : 'nothing'}, expected ${expected}.png`);
};

const browser = await launchBrowser();
try {
  for (const [kind, args] of Object.entries(outputs)) {
    carecap(...args);
    const h5 = path.join(work, `${kind}.h5`);
    const html = path.join(work, `${kind}.html`);
    carecap('report', h5, '-o', html);
    const findings = kind === 'run' ? { zh: h5Strings(h5, '/findings/text_zh'), en: h5Strings(h5, '/findings/text_en') } : null;
    for (const screen of screens) {
      const report = await openReport(browser, html, screen);
      for (const lang of ['zh', 'en']) {
        const where = `${kind} (${lang}, ${screen.width} px)`;
        if (lang === 'en') await switchTo(report.page, 'en');
        const state = lang === 'zh' ? report : await inspect(report.page);
        expect(state.lang === lang, `${where}: page language ${state.lang}`);
        const least = leastCharts[kind] ?? 3;
        expect(state.charts.length >= least, `${where}: ${state.charts.length} charts, expected at least ${least}`);
        for (const c of state.charts) {
          expect(c.empty || (c.series > 0 && c.points > 0), `${where}: chart ${c.id} has no series or no data point`);
          // A drawn chart has axes, labels and lines: thousands of inked pixels; 无 alone hundreds; a blank one none.
          expect(c.inkPixels > (c.empty ? 200 : 2000), `${where}: chart ${c.id} canvas is blank (${c.inkPixels} ink pixels)`);
        }
        expect(state.tables >= 2, `${where}: ${state.tables} tables, expected at least 2`);
        const charts = await chartTexts(report.page);
        failures.push(...textLayoutFailures(charts, where), ...emptyChartFailures(charts, lang, where), ...seriesFailures(charts, where));
        if (kind === 'run') {
          expect(findings[lang].length >= 3, `${where}: the results file has ${findings[lang].length} findings`);
          const screenText = await firstScreenText(report.page);
          const missing = [...new Set(findings[lang].flatMap(numbersIn))].filter((n) => !screenText.includes(n));
          expect(missing.length === 0, `${where}: the first screen lacks the findings' numbers ${missing.join(' ')}`);
        }
        if (screen === screens[0]) await checkSaveButtons(report.page, charts, lang, where);
        if (screen === screens[0]) await checkLanguage(kind, lang, report);
        await report.page.screenshot({ path: path.join(screenshotDir, `${kind}_${lang}_${screen.width}.png`), fullPage: true });
      }
      if (screen === screens[0]) {
        await switchTo(report.page, 'zh');
        failures.push(...await latinWordFailures(report.page, await chartTexts(report.page), userIds(kind, h5), `${kind} (zh)`));
      }
      expect(report.errors.length === 0, `${kind}: console errors: ${report.errors.join(' | ')}`);
      expect(report.blocked.length === 0, `${kind}: requests left the file: ${report.blocked.join(' ')}`);
      if (screen === screens[0])
        console.log(`${kind}: ${report.charts.length} charts drawn (min ink ${Math.min(...report.charts.map((c) => c.inkPixels))} px), ` +
                    `${report.tables} tables, ${report.warnings} warnings, ready at ${report.readyAt.toFixed(0)} ms, ` +
                    `${(fs.statSync(html).size / 1048576).toFixed(2)} MiB`);
      await report.context.close();
    }
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  for (const f of failures) console.error('FAILED: ' + f);
  process.exit(1);
}
console.log(`report pages render offline in Chromium: 4 kinds x 2 languages x 2 widths passed; screenshots in ${screenshotDir}`);
