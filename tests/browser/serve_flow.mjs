// carecap. SPDX-License-Identifier: MIT
// Specification: a planner makes a new county's scenario in the page of `carecap serve` and gets
// what the command line would give (issue 21, "Must show"). Through the page, in headless Chromium
// with no request leaving the server: the county of the issue (350,000 people, 27% aged 60+, 19%
// aged 65+, 3,100 under 3, 4,200 beds in 3 towns, 900 childcare places, targets for 2025) is typed
// into the form and its six-row project list PASTED from tab-separated text with Chinese headers;
// a bad base year (20200) gets a Chinese message beside the field, which goes when corrected; the
// form is saved, run, and the report shown in the page carries its first finding with a number;
// the workbook, the results file and the scenario folder are downloaded; `carecap run` on the
// unzipped folder gives the server's results (h5diff); two variants run as a comparison whose
// report shows three scenarios; the saved scenario reopens in the form. Stops at the first broken
// step, naming it. Screenshots of the form and of the result: into SCREENSHOT_DIR, or into
// docs/images/serve_{form,result}_zh.png with CARECAP_UPDATE_IMAGES=1.
// Usage: node tests/browser/serve_flow.mjs CARECAP_BINARY SCREENSHOT_DIR (run from the source dir).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { sourceDir } from './ReportPage.mjs';
import { numbersIn } from './PageChecks.mjs';

const require = createRequire(path.join(sourceDir, 'tools', 'report', 'package.json'));
const { chromium } = require('playwright-core');

const [binaryArg, screenshotDir] = process.argv.slice(2);
if (!binaryArg || !screenshotDir) throw new Error('usage: serve_flow.mjs CARECAP_BINARY SCREENSHOT_DIR');
const binary = path.resolve(binaryArg);
const imageDir = process.env.CARECAP_UPDATE_IMAGES === '1' ? path.join(sourceDir, 'docs', 'images') : screenshotDir;
fs.mkdirSync(screenshotDir, { recursive: true });
fs.mkdirSync(imageDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carecap-serve-flow-'));
const workspace = path.join(work, 'workspace');
fs.mkdirSync(workspace);
const NAME = 'xinxian';
const SECOND = 1000;
const CJK = /[\u4e00-\u9fff]/;

// ---- the county of the issue, as a planner reads it from the plan --------------------------------
const fields = {
  name: NAME, label_zh: '新县', label_en: 'Xinxian', base_year: '2020', end_year: '2035',
  population: '350,000', age_60_plus: '27%', age_65_plus: '19%', age_0_2: '3,100',
};
// Rows by the grids' column ids (docs/serve.md); 4,200 beds, 900 childcare places.
const grids = {
  towns: [
    { town: '城关镇', label_en: 'Chengguan', population: '200,000' },
    { town: '东河镇', label_en: 'Donghe', population: '90,000' },
    { town: '西山乡', label_en: 'Xishan', population: '60,000' },
  ],
  beds: [
    { town: '城关镇', name: '县社会福利中心', ownership: '公办', affordable: '是', general_beds: '1,200', nursing_beds: '600', dementia_beds: '100' },
    { town: '城关镇', name: '城关镇民办养老院', ownership: '民办', affordable: '否', general_beds: '1,000', nursing_beds: '300', dementia_beds: '0' },
    { town: '东河镇', name: '东河镇敬老院', ownership: '公办', affordable: '是', general_beds: '500', nursing_beds: '100', dementia_beds: '0' },
    { town: '西山乡', name: '西山乡敬老院', ownership: '公办', affordable: '是', general_beds: '350', nursing_beds: '50', dementia_beds: '0' },
  ],
  childcare: [
    { town: '城关镇', name: '县托育服务中心', affordable: '是', places_6_12: '60', places_13_24: '150', places_25_36: '290' },
    { town: '东河镇', name: '东河镇托育园', affordable: '否', places_6_12: '30', places_13_24: '120', places_25_36: '250' },
  ],
  targets: [
    { year: '2025', elderly_care_beds: '4,900', nursing_bed_share: '55%', childcare_places: '1,580', childcare_places_per_1000_people: '4.5' },
  ],
};
// The project list as copied from a WPS sheet: Chinese headers, thousands separators, tabs.
const projects = [
  ['项目名称', '类别', '建设性质', '年份', '乡镇', '规模', '单位', '总投资（万元）'],
  ['县医养结合服务中心', '养老', '新建', '2022', '城关镇', '300', '床', '6,000'],
  ['东河镇敬老院改扩建', '养老', '改扩建', '2023', '东河镇', '120', '床', '1,500'],
  ['西山乡区域养老服务中心', '养老', '新建', '2024', '西山乡', '80', '床', '1,200'],
  ['县普惠托育服务中心', '托育', '新建', '2022', '城关镇', '150', '托位', '2,400'],
  ['东河镇托育园', '托育', '改扩建', '2023', '东河镇', '60', '托位', '600'],
  ['城关镇社区嵌入式养老服务站', '养老', '新建', '2025', '城关镇', '50', '床', '800'],
].map((row) => row.join('\t')).join('\r\n');

// ---- steps: each names itself; the first that fails stops the test --------------------------------
let stepNumber = 0;
class StepFailure extends Error {}
async function step(what, body) {
  stepNumber += 1;
  const started = Date.now();
  try {
    const result = await body();
    console.log(`step ${stepNumber}: ${what} (${((Date.now() - started) / SECOND).toFixed(1)} s)`);
    return result;
  } catch (e) {
    throw new StepFailure(`step ${stepNumber} (${what}): ${e.message.split('\n')[0]}`);
  }
}
const expect = (condition, what) => { if (!condition) throw new Error(what); };

// ---- the server -----------------------------------------------------------------------------------
function startServer() {
  const child = spawn(binary, ['serve', '--workspace', workspace, '--listen', '127.0.0.1:0'],
                      { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let ended = null;  // how the server ended, when it did before the test stopped it
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  child.on('exit', (code, signal) => { ended = signal ? `killed by ${signal}` : `exit ${code}`; });
  const url = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed in 20 s; stderr: ${stderr}`)), 20 * SECOND);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        const found = /http:\/\/[\w.\-:[\]]+\/?/.exec(line);
        if (found) resolve(found[0].endsWith('/') ? found[0] : found[0] + '/');
        else reject(new Error(`the first line holds no URL: ${line}`));
      }
    });
    child.on('exit', (code) => reject(new Error(`carecap serve exited (${code}): ${stderr}`)));
    child.on('error', (error) => reject(new Error(`carecap serve did not start: ${error.message}`)));
  });
  return { child, url, stderr: () => stderr, ended: () => ended };
}

const carecap = (...args) => {
  try {
    return execFileSync(binary, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (e) {
    throw new Error(`carecap ${args.join(' ')}: exit ${e.status}: ${e.stderr}`);
  }
};

// ---- the page -------------------------------------------------------------------------------------
/// Every message the form shows now (fields, cells, grids, the list below), for failure reports.
const formMessages = (page) => page.evaluate(() =>
  [...document.querySelectorAll('#county .message, #county .cell-message, #county-errors li')]
    .map((node) => `${node.dataset.messageFor || node.closest('[data-grid-box]')?.dataset.gridBox || ''}: ${node.textContent}`)
    .filter((text) => !/:\s*$/.test(text)));

async function fillGrid(page, grid, rows) {
  const table = page.locator(`table[data-grid="${grid}"]`);
  const columns = await table.locator('thead th[data-column]').evaluateAll((ths) => ths.map((th) => th.dataset.column));
  for (const [i, row] of rows.entries()) {
    while (await table.locator('tbody tr').count() <= i) await page.locator(`[data-grid-box="${grid}"] .grid-tools button`).click();
    for (const [column, value] of Object.entries(row)) {
      const at = columns.indexOf(column);
      expect(at >= 0, `grid ${grid} has no column ${column} (columns: ${columns.join(', ')})`);
      await table.locator('tbody tr').nth(i).locator('td').nth(at).locator('input').fill(value);
    }
  }
}

/// Pastes `text` into the first cell of `grid` as a planner does: through the clipboard and
/// Ctrl+V; when headless Chromium keeps no clipboard, a paste event carrying the same text.
async function paste(page, grid, text) {
  const cell = page.locator(`table[data-grid="${grid}"] tbody tr`).first().locator('input').first();
  await cell.click();
  const viaClipboard = await page.evaluate(async (t) => {
    try {
      await navigator.clipboard.writeText(t);
      return (await navigator.clipboard.readText()) === t;
    } catch (e) {
      return false;
    }
  }, text);
  if (viaClipboard) {
    await page.keyboard.press('Control+V');
  } else {
    await cell.evaluate((node, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }
  return viaClipboard ? 'clipboard and Ctrl+V' : 'a paste event';
}

/// The iframe `id`'s document once the report has drawn (body[data-ready], as tests/browser/ReportPage.mjs waits).
async function reportFrame(page, id) {
  await page.waitForSelector(`#${id}:not([hidden])`, { timeout: 30 * SECOND });
  const frame = await (await page.$(`#${id}`)).contentFrame();
  await frame.waitForFunction(() => document.body && document.body.getAttribute('data-ready'), null, { timeout: 60 * SECOND });
  return frame;
}

async function download(page, selector, file) {
  const [got] = await Promise.all([page.waitForEvent('download', { timeout: 120 * SECOND }), page.locator(selector).first().click()]);
  const failure = await got.failure();
  expect(!failure, `download ${selector} failed: ${failure}`);
  await got.saveAs(file);
  expect(fs.statSync(file).size > 0, `${file} is empty`);
  return got.suggestedFilename();
}

/// Waits until #result[data-KEY] is done, failed or refused; throws with the page's words unless done.
async function waitFinished(page, key, stateId, seconds) {
  await page.waitForFunction((k) => ['done', 'failed', 'refused'].includes(document.getElementById('result').dataset[k]), key,
                             { timeout: seconds * SECOND, polling: 500 });
  const state = await page.evaluate((k) => document.getElementById('result').dataset[k], key);
  expect(state === 'done', `${key} ${state}: ${await page.locator(`#${stateId}`).textContent()}`);
}

const server = startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  // A dead proxy for everything but loopback (Chromium's default bypass): nothing leaves the machine.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--proxy-server=http://127.0.0.1:9'],
});
const pageErrors = [];
const blocked = [];
let page = null;
let failed = null;
let endedEarly = null;
try {
  const url = await step('carecap serve starts on a free port and prints its URL', () => server.url);
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith(origin + '/') || requested === origin) return route.continue();
    blocked.push(requested);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Replies 4xx are the page's business (a 422 of a check is shown beside the field); script errors are not.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text()); });

  await step('the page opens in Chinese on an empty workspace', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#empty:not([hidden])', { timeout: 10 * SECOND });
    const title = await page.locator('header h1').textContent();
    expect(CJK.test(title), `the title reads '${title}'`);
  });

  await step('新建县（市、区） opens the form built from /api/county/schema', async () => {
    await page.locator('#new-county').click();
    await page.waitForSelector('#county:not([hidden]) [data-field="population"]', { timeout: 10 * SECOND });
    const grids = await page.locator('table[data-grid]').evaluateAll((ts) => ts.map((t) => t.dataset.grid));
    expect(['towns', 'beds', 'childcare', 'projects', 'targets'].every((g) => grids.includes(g)), `grids: ${grids.join(', ')}`);
    const defaults = await page.locator('#county-advanced [data-advanced]').count();
    const marks = await page.locator('#county-advanced .assumption').count();
    expect(defaults > 0 && marks > 0, `the advanced section lists ${defaults} defaults, ${marks} marked as assumptions`);
  });

  await step('the plan\'s figures are typed into the fields and grids', async () => {
    for (const [id, value] of Object.entries(fields)) {
      const input = page.locator(`[data-field="${id}"]`);
      expect(await input.count() === 1, `no field ${id}`);
      await input.fill('');
      await input.pressSequentially(value);
    }
    for (const [grid, rows] of Object.entries(grids)) await fillGrid(page, grid, rows);
  });

  const how = await step('a six-row project list with Chinese headers is pasted into the project grid', async () => {
    const used = await paste(page, 'projects', projects);
    await page.waitForFunction(() => document.querySelectorAll('table[data-grid="projects"] tbody tr').length === 6, null,
                               { timeout: 15 * SECOND }).catch(async () => {
      throw new Error(`the grid holds ${await page.locator('table[data-grid="projects"] tbody tr').count()} rows; ` +
                      `beside it: ${await page.locator('[data-message-for="grid:projects"]').textContent()}`);
    });
    const first = await page.locator('table[data-grid="projects"] tbody tr').first().locator('input')
      .evaluateAll((inputs) => inputs.map((i) => i.value));
    expect(first.includes('县医养结合服务中心') && first.some((v) => /6,?000/.test(v)), `the first project row reads ${first.join(' | ')}`);
    return used;
  });
  console.log(`  pasted through ${how}`);

  await step('a bad base year (20200) gets a Chinese message beside the field', async () => {
    await page.locator('[data-field="base_year"]').fill('20200');
    const note = page.locator('[data-message-for="field:base_year"]');
    await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-message-for="field:base_year"]').textContent),
                               null, { timeout: 60 * SECOND }).catch(async () => {
      throw new Error(`nothing beside the base year; the form shows: ${(await formMessages(page)).join(' | ') || 'nothing'}`);
    });
    console.log(`  beside 基年: ${await note.textContent()}`);
  });

  await step('corrected to 2020, the message goes and the form checks valid', async () => {
    await page.locator('[data-field="base_year"]').fill('2020');
    await page.waitForFunction(() => document.querySelector('[data-message-for="field:base_year"]').textContent === '' &&
                               ['valid', 'invalid', 'failed'].includes(document.getElementById('county').dataset.checked) &&
                               !document.getElementById('county-state').textContent.endsWith('……'),
                               null, { timeout: 60 * SECOND });
    const checked = await page.locator('#county').getAttribute('data-checked');
    expect(checked === 'valid', `the form checks ${checked}: ${await page.locator('#county-state').textContent()}; ` +
                                `${(await formMessages(page)).join(' | ')}`);
    const found = await page.locator('#county-found tbody tr').count();
    console.log(`  found: ${found} rows of what synth-pop and calibrate found`);
  });

  await step('screenshot of the form', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(imageDir, 'serve_form_zh.png'), fullPage: true });
  });

  await step('保存 saves the county and opens its page', async () => {
    await page.locator('#county-save').click();
    await page.waitForFunction((n) => !document.getElementById('result').hidden &&
                               document.getElementById('result-title').dataset.name === n, NAME, { timeout: 120 * SECOND })
      .catch(async () => { throw new Error(`not saved: ${await page.locator('#county-state').textContent()}`); });
    expect(fs.existsSync(path.join(workspace, NAME, 'scenario.toml')), `no ${NAME}/scenario.toml in the workspace`);
  });

  await step('运行 runs it in the background, showing progress, then the report in the page', async () => {
    await page.locator('#result-run').click();
    await waitFinished(page, 'run', 'result-state', 300);
  });

  await step('the report in the page shows its first finding, with a number', async () => {
    const frame = await reportFrame(page, 'result-report');
    const text = await frame.evaluate(() => document.body.innerText);
    const first = /（1）(.*?)(?=（2）|\n|$)/s.exec(text) || /\(1\)\s*(.*?)(?=\(2\)|\n|$)/s.exec(text);
    expect(first, 'no finding (1) in the report shown in the page');
    expect(numbersIn(first[1]).length > 0, `the first finding holds no number: ${first[1]}`);
    console.log(`  first finding: ${first[1]}`);
  });

  await step('screenshot of the result page', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(imageDir, 'serve_result_zh.png') });
  });

  const files = await step('the workbook, the results file and the scenario folder download', async () => {
    const out = { workbook: path.join(work, 'download.xlsx'), results: path.join(work, 'server.h5'), folder: path.join(work, 'folder.zip') };
    await download(page, '#result-downloads a[href*="workbook.xlsx"]', out.workbook);
    await download(page, '#result-downloads a[href$="results.h5"]', out.results);
    await download(page, '#result-downloads a[href$="folder.zip"]', out.folder);
    for (const file of [out.workbook, out.folder])
      expect(fs.readFileSync(file).subarray(0, 2).toString() === 'PK', `${path.basename(file)} is not a zip file`);
    return out;
  });

  await step('carecap run on the unzipped folder gives the server\'s results (h5diff)', async () => {
    const unzipped = path.join(work, 'unzipped');
    execFileSync('python3', ['-m', 'zipfile', '-e', files.folder, unzipped]);
    const scenario = [path.join(unzipped, NAME, 'scenario.toml'), path.join(unzipped, 'scenario.toml')].find((f) => fs.existsSync(f));
    expect(scenario, `no scenario.toml in the folder's zip (${fs.readdirSync(unzipped).join(', ')})`);
    const byCli = path.join(work, 'cli.h5');
    carecap('run', scenario, '-o', byCli);
    try {
      execFileSync('h5diff', ['--exclude-attribute', '/', files.results, byCli], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`h5diff exit ${e.status}: ${String(e.stdout).split('\n').slice(0, 8).join(' / ')}`);
    }
  });

  await step('方案比较: two variants (a year\'s delay; 30% of general beds to nursing in 2022) run as a study', async () => {
    await page.locator('#variant-add').click();
    await page.locator('#variant-add').click();
    const second = page.locator('#variants tbody tr').nth(1);
    await second.locator('[data-variant-kind]').selectOption('convert');
    await second.locator('[data-variant-param="share"]').fill('30%');
    await second.locator('[data-variant-param="year"]').fill('2022');
    await second.locator('[data-variant-param="cost_wan_yuan_per_bed"]').fill('12.1');
    await page.locator('#compare-run').click();
    await waitFinished(page, 'study', 'compare-state', 480);
  });

  await step('the study report in the page shows three scenarios', async () => {
    const frame = await reportFrame(page, 'study-report');
    const seen = await frame.evaluate(() => ({
      rows: [...document.querySelectorAll('#table-key_outcomes tbody tr')].map((tr) => tr.cells[0]?.textContent ?? ''),
      legends: (window.carecapCharts || []).filter((c) => c.hasData)
        .map((c) => (((c.instance.getOption().legend || [])[0] || {}).data || []).length),
    }));
    expect(seen.rows.length === 3, `the key outcomes table shows ${seen.rows.length} scenarios: ${seen.rows.join(' | ')}`);
    expect(seen.legends.length > 0 && seen.legends.every((n) => n === 3), `chart legends hold ${seen.legends.join(', ')} scenarios`);
    console.log(`  scenarios compared: ${seen.rows.join(' | ')}`);
    expect(await page.locator('#study-downloads a').count() >= 1, 'no download of the study');
  });

  await step('编辑 reopens the saved county in the form', async () => {
    await page.locator('#result-close').click();
    const row = page.locator(`#scenarios tr[data-scenario="${NAME}"]`);
    await row.waitFor({ timeout: 10 * SECOND });
    await row.locator('button', { hasText: '编辑' }).click();
    await page.waitForSelector('#county:not([hidden])', { timeout: 10 * SECOND });
    const population = await page.locator('[data-field="population"]').inputValue();
    const projectsShown = await page.locator('table[data-grid="projects"] tbody tr').count();
    expect(population.replace(/,/g, '') === '350000' && projectsShown === 6,
           `the form reopens with population '${population}' and ${projectsShown} projects`);
  });

  expect(pageErrors.length === 0, `script errors in the page: ${pageErrors.join(' | ')}`);
  expect(blocked.length === 0, `requests tried to leave the server: ${blocked.join(' ')}`);
} catch (e) {
  failed = e instanceof StepFailure ? e.message : `after step ${stepNumber}: ${e.message}`;
  if (page) await page.screenshot({ path: path.join(screenshotDir, 'serve_flow_failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
  endedEarly = server.ended();
  server.child.kill('SIGTERM');
  if (!failed) fs.rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.error(`FAILED at ${failed}`);
  if (pageErrors.length) console.error(`script errors in the page: ${pageErrors.join(' | ')}`);
  if (endedEarly) console.error(`carecap serve ended before the test stopped it: ${endedEarly}`);
  console.error(`server stderr: ${server.stderr().slice(-2000)}`);
  console.error(`work folder kept: ${work}; page at the failure: ${path.join(screenshotDir, 'serve_flow_failure.png')}`);
  process.exit(1);
}
console.log(`the county's scenario was made, checked, run, compared and downloaded through the page; ` +
            `screenshots in ${imageDir}`);
