// carecap. SPDX-License-Identifier: MIT
// What a reader of a report page must be able to read, as checks that return their failures (each
// naming the chart, table or section and the words): text drawn on a chart lies inside it and
// overlaps no other text; a chart shows data or 无/None; a chart's series have one colour each and
// the pyramids one scale; the first screen carries the findings' numbers; the Chinese page has no
// Latin word outside a short allow list.

/// Whether two convex quadrilaterals overlap by more than `slack` px (separating axis theorem:
/// they are apart when the projections on one of their edges' normals are).
function overlap(a, b, slack = 1) {
  for (const poly of [a, b]) {
    for (let i = 0; i < 4; i += 1) {
      const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % 4];
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const nx = (y1 - y2) / length, ny = (x2 - x1) / length;
      const project = (p) => p.map(([x, y]) => x * nx + y * ny);
      const pa = project(a), pb = project(b);
      if (Math.min(...pa) + slack >= Math.max(...pb) || Math.min(...pb) + slack >= Math.max(...pa)) return false;
    }
  }
  return true;
}

/// Every text inside its chart (1 px of anti-aliasing aside) and apart from every other text.
export function textLayoutFailures(charts, where) {
  const failures = [];
  for (const c of charts) {
    for (const t of c.texts) {
      const outside = t.corners.some(([x, y]) => x < -1 || y < -1 || x > c.width + 1 || y > c.height + 1);
      if (outside) failures.push(`${where}: chart ${c.id}: '${t.text}' is cut off at the chart's edge ` +
                                 `(${t.corners.map((p) => p.map(Math.round).join(',')).join(' ')} in ${c.width}x${c.height})`);
    }
    for (let i = 0; i < c.texts.length; i += 1)
      for (let j = i + 1; j < c.texts.length; j += 1)
        if (overlap(c.texts[i].corners, c.texts[j].corners))
          failures.push(`${where}: chart ${c.id}: '${c.texts[i].text}' overlaps '${c.texts[j].text}'`);
  }
  return failures;
}

/// A chart without data (every value empty or zero) says so: 无 in Chinese, None in English; a
/// chart with data does not, and has more text than its title (axes, legend).
export function emptyChartFailures(charts, lang, where) {
  const none = lang === 'zh' ? '无' : 'None';
  const failures = [];
  for (const c of charts) {
    const says = c.texts.some((t) => t.text === none);
    if (c.empty && !says) failures.push(`${where}: chart ${c.id} has no data and does not say '${none}'`);
    if (!c.empty && says) failures.push(`${where}: chart ${c.id} has data but says '${none}'`);
    if (!c.empty && c.texts.length < 5) failures.push(`${where}: chart ${c.id} draws only ${c.texts.length} texts`);
  }
  return failures;
}

/// One colour per series a chart names; the population pyramids, compared side by side, on one
/// scale that holds the largest of them.
export function seriesFailures(charts, where) {
  const failures = [];
  for (const c of charts) {
    const seen = new Map();
    for (const s of c.series) {
      if (seen.has(s.color)) failures.push(`${where}: chart ${c.id}: '${s.name}' and '${seen.get(s.color)}' are both ${s.color}`);
      else seen.set(s.color, s.name);
    }
  }
  const pyramids = charts.filter((c) => c.kind === 'pyramid');
  const scales = [...new Set(pyramids.map((c) => c.valueAxisMax))];
  const largest = Math.max(0, ...pyramids.map((c) => c.dataMax));
  if (pyramids.length > 1 && (scales.length !== 1 || !(scales[0] >= largest)))
    failures.push(`${where}: the pyramids ${pyramids.map((c) => c.id).join(', ')} have the scales ${scales.join(', ')} ` +
                  `for values up to ${largest}`);
  return failures;
}

/// The text on the first screen (the viewport before any scrolling): of every text node that
/// starts above the fold, the characters whose lines end above it.
export async function firstScreenText(page) {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const fold = window.innerHeight;
    const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const bottomOf = (node, end) => {
      range.setStart(node, 0);
      range.setEnd(node, end);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      return rects.length ? Math.max(...rects.map((r) => r.bottom)) : -Infinity;
    };
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (!length || bottomOf(node, 1) > fold || bottomOf(node, 1) === -Infinity) continue;
      let lo = 1, hi = length;  // the longest prefix whose lines end above the fold
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (bottomOf(node, mid) <= fold) lo = mid; else hi = mid - 1;
      }
      parts.push(node.textContent.slice(0, lo));
    }
    return parts.join(' ');
  });
}

/// The numbers of a sentence as written (80,066; 43.7%; 0.73%; 2025), without a trailing stop.
export const numbersIn = (text) => (text.match(/\d[\d,]*(\.\d+)?%?/g) || []).map((n) => n.replace(/[,.]$/, ''));

// Latin words a Chinese page may show. Everything else in Latin letters is English left untranslated.
//  - units written in Latin letters in Chinese too;
//  - names and symbols that Chinese writes in Latin letters: formats and software (ECharts, HDF5, CSV,
//    SHA-256, git, carecap), the Sobol indices (named after I. M. Sobol: Sobol指数) and the life
//    table's person-years column Lx;
//  - file names and paths (words with a '/' or a file extension) and the ids the user wrote in the
//    scenario, study or sweep file (`userIds`): they are what the user typed, not words to translate;
//    a chart label cut short ('supply.build_lag_y...') may show the start of one;
//  - codes that are not words: the letters of Chinese standards' numbers (MZ 008-2001, GB 50867),
//    hexadecimal digests (SHA-256 of the inputs, the git commit) and times in ISO 8601
//    (2026-12-06T07:11:40Z).
// The language switch names the other language ('English') and is not checked.
const allowedWords = new Set(['km', 'km²', 'ECharts', 'HDF5', 'CSV', 'SHA-256', 'git', 'carecap', 'Sobol', 'Lx', 'MZ', 'GB']);
const isPath = (word) => word.includes('/') || /\.(toml|csv|h5|html|xlsx)$/i.test(word);
const isCode = (word) => (/^[0-9a-f]{7,}$/.test(word) && /\d/.test(word)) || /^\d{4}-\d\d-\d\dT[\d:]+Z?$/.test(word);

/// The Latin words of the Chinese page outside the allow list, each with where it is. Unfolds every
/// folded table first (its rows are made then), so that what a reader can open is checked too.
export async function latinWordFailures(page, charts, userIds, where) {
  const places = await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) if (!d.open) d.open = true;
    const out = [{ place: 'page title', text: document.title }];
    const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const e = node.parentElement;
      if (e.closest('#lang-switch')) continue;
      const holder = e.closest('[id]');
      const cell = e.closest('td, th');
      const row = cell ? cell.parentElement : null;
      const place = (holder ? holder.id : 'page') + (cell ? `, row ${[...row.parentElement.children].indexOf(row) + 1}` +
        ` (${row.parentElement.tagName.toLowerCase()}) column ${cell.cellIndex + 1}` : ` <${e.tagName.toLowerCase()}>`);
      out.push({ place, text: node.textContent });
    }
    return out;
  });
  for (const c of charts) for (const t of c.texts) places.push({ place: `chart ${c.id}`, text: t.text });
  const ids = [...userIds];
  const allowed = (word, cut) => allowedWords.has(word) || isPath(word) || isCode(word) || userIds.has(word) ||
    (cut && ids.some((id) => id.startsWith(word)));
  const failures = [];
  for (const { place, text } of places) {
    const words = (text.match(/[A-Za-z0-9_.\/:²'’-]*[A-Za-z][A-Za-z0-9_.\/:²'’-]*/g) || []).map((w) => w.replace(/[.:-]+$/, ''));
    const cut = /(\.\.\.|…)$/.test(text);
    const bad = [...new Set(words.filter((w, i) => !allowed(w, cut && i === words.length - 1)))];
    if (bad.length) failures.push(`${where}: Latin words in ${place}: ${bad.join(' ')}`);
  }
  return failures;
}
