// carecap. SPDX-License-Identifier: MIT
// The page of `carecap serve` (API: docs/serve.md): lists the workspace's scenarios; builds a new
// county's scenario in a form made from GET /api/county/schema (fields, grids that take a paste
// from Excel/WPS, the national defaults), checked by the server as the planner types (no rule of
// validation here: the server runs the command line's loader); saves it, runs it, shows its report
// and downloads; runs plan variants as a study and shows the study's report. Plain JavaScript, no
// library; every word from the catalogue (serve.page.*, handed over in <script id="words">) or
// from the server's replies ({"zh", "en"}), Chinese first.
"use strict";

const WORDS = JSON.parse(document.getElementById("words").textContent);
let lang = localStorage.getItem("carecap.lang") === "en" ? "en" : "zh";
const CHECK_DELAY_MS = 400;  // the pause in typing after which the form is checked
const POLL_MS = 1000;
// Form keys the contract keeps beside "fields" rather than in it (docs/serve.md, the form).
const TOP_LEVEL_FIELDS = new Set(["name", "label_zh", "label_en"]);

const $ = (id) => document.getElementById(id);

function say(id, fields = {}) {
  const entry = WORDS[id];
  if (!entry) return id;
  return entry[lang].replace(/\{(\w+)\}/g, (all, name) => (name in fields ? String(fields[name]) : all));
}

/// Words the server sent ({"zh", "en"}) in the page's language; "" for none.
function pick(words) {
  if (words === undefined || words === null) return "";
  if (typeof words !== "object") return String(words);
  return words[lang] ?? words.zh ?? "";
}

/// An element; `words` ({"zh","en"} from the server) or `word` (a catalogue id) re-set on a language switch.
function make(tag, options = {}) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.word) {
    node.dataset.word = options.word;
    node.textContent = say(options.word);
  }
  if (options.words) {
    node.bilingual = options.words;
    node.classList.add("bilingual");
    node.textContent = pick(options.words);
  }
  for (const [name, value] of Object.entries(options.attributes || {})) node.setAttribute(name, value);
  if (options.onClick) node.addEventListener("click", options.onClick);
  return node;
}

function button(word, onClick, className) {
  return make("button", {word, onClick, className, attributes: {type: "button"}});
}

function setWords() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = say("title");
  for (const node of document.querySelectorAll("[data-word]")) node.textContent = say(node.dataset.word);
  for (const node of document.querySelectorAll("[data-word-title]")) node.title = say(node.dataset.wordTitle);
  for (const node of document.querySelectorAll(".bilingual")) node.textContent = pick(node.bilingual);
}

function showMessage(node, text, failed) {
  node.textContent = text;
  node.classList.toggle("failed", Boolean(failed));
}

async function request(url, options = {}) {
  const init = {credentials: "same-origin", method: options.method || "GET", headers: {}};
  if (options.json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {  // the server is gone or unreachable: a reply of status 0 the callers show as any refusal
    return {status: 0, body: {error: WORDS.network_error}};
  }
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    body = {};
  }
  return {status: response.status, body};
}

function errorWords(reply) {
  return reply.body && reply.body.error ? pick(reply.body.error) : say("error_status", {status: reply.status});
}

const scenarioUrl = (name, tail) => "/api/scenarios/" + encodeURIComponent(name) + "/" + tail;

// ---- views: the list, the county form, a scenario's result ------------------------------------

let view = "list";
function show(which) {
  view = which;
  $("list").hidden = which !== "list";
  $("county").hidden = which !== "county";
  $("result").hidden = which !== "result";
  window.scrollTo(0, 0);
  if (which === "list") refresh();
}

// ---- the list of scenarios --------------------------------------------------------------------

const watched = new Set();  // scenarios whose run is followed from the list
let scenarios = [];

function runWords(run) {
  if (!run || run.state === "none") return say("state_none");
  if (run.state === "running") return say("state_running", {stage: say("stage_" + run.stage), seconds: Math.round(run.seconds)});
  if (run.state === "failed") return say("state_failed", {error: pick(run.error)});
  if (run.state === "done") return say("state_done", {seconds: Math.round(run.seconds)});
  return say("state_queued");
}

const busy = (run) => run && (run.state === "queued" || run.state === "running");

function link(href, word, download) {
  const a = make("a", {word, attributes: {href}});
  if (download) a.setAttribute("download", download);
  return a;
}

function resultLinks(name) {
  return [
    link(scenarioUrl(name, "report?lang=" + lang), "download_report", name + ".html"),
    link(scenarioUrl(name, "workbook.xlsx?lang=" + lang), "download_workbook", name + ".xlsx"),
    link(scenarioUrl(name, "results.h5"), "download_results", name + ".h5"),
  ];
}

function row(scenario) {
  const tr = make("tr", {attributes: {"data-scenario": scenario.name}});
  const name = make("td");
  name.append(make("a", {text: scenario.name, className: "name", attributes: {href: "#"},
                         onClick: (event) => { event.preventDefault(); openResult(scenario.name); }}));
  const results = make("td", {text: scenario.has_results ? scenario.results_time : say("no_results")});
  const state = make("td");
  const run = button("run", () => runFromList(scenario.name));
  run.disabled = busy(scenario.run);
  state.append(run, make("span", {className: "state " + scenario.run.state, text: " " + runWords(scenario.run)}));
  const open = make("td", {className: "downloads"});
  if (scenario.has_results) open.append(...resultLinks(scenario.name), link(scenarioUrl(scenario.name, "folder.zip"), "download_folder", scenario.name + ".zip"));
  const actions = make("td");
  actions.append(button("open", () => openResult(scenario.name)));
  if (scenario.made_by_form) actions.append(button("edit", () => editCounty(scenario.name)));
  actions.append(button("compare", () => openResult(scenario.name, true)));
  tr.append(name, results, state, open, actions);
  return tr;
}

async function refresh() {
  const reply = await request("/api/scenarios");
  if (reply.status !== 200) return showMessage($("message"), errorWords(reply), true);
  scenarios = reply.body.scenarios;
  $("scenarios").querySelector("tbody").replaceChildren(...scenarios.map(row));
  $("empty").hidden = scenarios.length > 0;
  for (const s of scenarios) {
    if (watched.has(s.name) && !busy(s.run)) {
      watched.delete(s.name);
      showMessage($("message"), s.name + ": " + runWords(s.run), s.run.state === "failed");
    }
  }
  if (view === "list" && scenarios.some((s) => busy(s.run))) setTimeout(() => { if (view === "list") refresh(); }, POLL_MS);
}

async function runFromList(name) {
  const reply = await request(scenarioUrl(name, "run"), {method: "POST"});
  if (reply.status === 202) {
    watched.add(name);
    showMessage($("message"), say("started", {name}), false);
  } else {
    showMessage($("message"), errorWords(reply), true);
  }
  refresh();
}

// ---- the county form ----------------------------------------------------------------------------

let schema = null;       // GET /api/county/schema
let editing = null;      // the name of the scenario the form edits; null for a new county
let checkTimer = 0;
let checkSequence = 0;   // replies to an older check than the latest are dropped
let lastErrors = [];

async function loadSchema() {
  if (schema) return schema;
  const reply = await request("/api/county/schema");
  if (reply.status !== 200) throw new Error(errorWords(reply));
  schema = reply.body;
  return schema;
}

/// A field: its label (and "required"), its input, its unit, its hint and the place of its message.
function fieldNode(field) {
  const box = make("div", {className: "field", attributes: {"data-field-box": field.id}});
  const label = make("label", {attributes: {for: "field-" + field.id}});
  label.append(make("span", {words: field.label}));
  if (field.required) label.append(make("span", {className: "required", word: "required"}));
  const line = make("div", {className: "input-line"});
  const input = make("input", {attributes: {id: "field-" + field.id, type: "text", "data-field": field.id, autocomplete: "off"}});
  line.append(input);
  if (pick(field.unit)) line.append(make("span", {className: "unit", words: field.unit}));
  box.append(label, line);
  if (pick(field.hint)) box.append(make("small", {className: "hint", words: field.hint}));
  box.append(make("span", {className: "message", attributes: {"data-message-for": "field:" + field.id}}));
  return box;
}

function sectionWord(section) {
  return WORDS["section_" + section] ? "section_" + section : "section_other";
}

function buildFields() {
  const box = $("county-fields");
  box.replaceChildren();
  const sections = new Map();
  for (const field of schema.fields) {
    const section = field.section || "other";
    if (!sections.has(section)) {
      const group = make("fieldset", {className: "fields"});
      group.append(make("legend", {word: sectionWord(section)}));
      sections.set(section, group);
      box.append(group);
    }
    sections.get(section).append(fieldNode(field));
  }
}

// A grid: an editable table whose rows are arrays of strings in the schema's column order.
function gridCell(value) {
  const td = make("td");
  const input = make("input", {attributes: {type: "text", autocomplete: "off"}});
  input.value = value ?? "";
  td.append(input, make("span", {className: "cell-message"}));
  return td;
}

function gridRow(grid, values) {
  const tr = make("tr");
  grid.columns.forEach((column, i) => tr.append(gridCell(values ? values[i] : "")));
  const remove = make("button", {text: "×", className: "remove", attributes: {type: "button", "data-word-title": "grid_remove_row",
                                                                              title: say("grid_remove_row")}});
  remove.addEventListener("click", () => { tr.remove(); formChanged(); });
  const td = make("td", {className: "row-actions"});
  td.append(remove);
  tr.append(td);
  return tr;
}

function setGridRows(gridId, rows) {
  const grid = schema.grids.find((g) => g.id === gridId);
  const tbody = document.querySelector(`table[data-grid="${gridId}"] tbody`);
  if (!grid || !tbody) return;
  tbody.replaceChildren(...rows.map((values) => gridRow(grid, values)));
}

function gridRows(gridId) {
  const tbody = document.querySelector(`table[data-grid="${gridId}"] tbody`);
  // Blank rows too: the server skips them, and its row numbers stay the page's.
  return [...tbody.rows].map((tr) => [...tr.querySelectorAll("input")].map((input) => input.value));
}

/// Text pasted from a spreadsheet (tabs or several lines) goes to the server, which matches its
/// headers to the grid's columns and returns the rows; a single value pastes into the cell as usual.
async function pasteIntoGrid(grid, event) {
  const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
  if (!text.includes("\t") && !text.trim().includes("\n")) return;
  event.preventDefault();
  const note = document.querySelector(`[data-message-for="grid:${grid.id}"]`);
  const reply = await request("/api/county/paste", {method: "POST", json: {grid: grid.id, text}});
  if (reply.status === 200) {
    setGridRows(grid.id, reply.body.rows);
    showMessage(note, say("grid_pasted", {rows: reply.body.rows.length}), false);
    formChanged();
  } else {
    showMessage(note, errorWords(reply), true);
  }
}

function gridNode(grid) {
  const box = make("section", {className: "grid", attributes: {"data-grid-box": grid.id}});
  const head = make("div", {className: "grid-head"});
  head.append(make("h3", {words: grid.label}));
  if (pick(grid.hint)) head.append(make("small", {className: "hint", words: grid.hint}));
  box.append(head);
  const scroller = make("div", {className: "grid-scroll"});
  const table = make("table", {className: "grid-table", attributes: {"data-grid": grid.id}});
  const tr = make("tr");
  for (const column of grid.columns) {
    const th = make("th", {attributes: {"data-column": column.id}});
    th.append(make("span", {words: column.label}));
    if (pick(column.unit)) th.append(make("span", {className: "unit", words: column.unit}));
    tr.append(th);
  }
  tr.append(make("th"));
  const thead = make("thead");
  thead.append(tr);
  table.append(thead, make("tbody"));
  table.addEventListener("paste", (event) => pasteIntoGrid(grid, event));
  scroller.append(table);
  const tools = make("div", {className: "grid-tools"});
  tools.append(button("grid_add_row", () => {
    const rowNode = gridRow(grid);
    table.tBodies[0].append(rowNode);
    rowNode.querySelector("input").focus();
  }));
  tools.append(make("small", {className: "hint", word: "grid_paste_hint"}));
  box.append(scroller, tools, make("span", {className: "message", attributes: {"data-message-for": "grid:" + grid.id}}));
  return box;
}

function buildGrids() {
  $("county-grids").replaceChildren(...schema.grids.map(gridNode));
  for (const grid of schema.grids) setGridRows(grid.id, [[]]);
}

function buildAdvanced() {
  const tbody = $("county-advanced").querySelector("tbody");
  tbody.replaceChildren(...schema.advanced.map((item) => {
    const tr = make("tr", {attributes: {"data-advanced-row": item.id}});
    const name = make("td");
    name.append(make("label", {words: item.label, attributes: {for: "advanced-" + item.id}}));
    const value = make("td");
    const input = make("input", {attributes: {id: "advanced-" + item.id, type: "text", "data-advanced": item.id, autocomplete: "off"}});
    input.value = item.value ?? "";
    input.dataset.default = item.value ?? "";
    value.append(input, make("span", {className: "message", attributes: {"data-message-for": "field:" + item.id}}));
    const mark = make("td");
    if (item.assumption) mark.append(make("span", {className: "assumption", word: "assumption"}));
    tr.append(name, value, make("td", {words: item.unit}), make("td", {className: "source", words: item.source}), mark);
    return tr;
  }));
}

/// The form as the contract's body of check and save: strings as typed.
function formBody() {
  const body = {fields: {}, grids: {}, advanced: {}};
  for (const input of document.querySelectorAll("[data-field]")) {
    if (TOP_LEVEL_FIELDS.has(input.dataset.field)) body[input.dataset.field] = input.value;
    else body.fields[input.dataset.field] = input.value;
  }
  for (const grid of schema.grids) body.grids[grid.id] = gridRows(grid.id);
  for (const input of document.querySelectorAll("[data-advanced]")) body.advanced[input.dataset.advanced] = input.value;
  return body;
}

function fillForm(form) {
  for (const input of document.querySelectorAll("[data-field]")) {
    const id = input.dataset.field;
    const value = TOP_LEVEL_FIELDS.has(id) ? form[id] : (form.fields || {})[id];
    input.value = value ?? "";
  }
  for (const grid of schema.grids) {
    const rows = (form.grids || {})[grid.id] || [];
    setGridRows(grid.id, rows.length ? rows : [[]]);
  }
  for (const input of document.querySelectorAll("[data-advanced]")) {
    const value = (form.advanced || {})[input.dataset.advanced];
    input.value = value ?? input.dataset.default;
  }
}

function clearErrors() {
  for (const node of document.querySelectorAll("#county .message:not([data-message-for^='grid:']), #county .cell-message")) node.textContent = "";
  for (const node of document.querySelectorAll("#county .bad")) node.classList.remove("bad");
  $("county-errors").replaceChildren();
}

function columnLabel(grid, columnId) {
  const column = grid && grid.columns.find((c) => c.id === columnId);
  return column ? pick(column.label) : (columnId || "");
}

/// Each message beside its field, in its grid cell, or (for neither) in the list below the form.
function showErrors(errors) {
  clearErrors();
  lastErrors = errors;
  for (const error of errors) {
    const text = pick(error.message);
    const fieldId = error.field || error.advanced;
    if (fieldId) {
      const note = document.querySelector(`#county [data-message-for="field:${CSS.escape(fieldId)}"]`);
      if (note) {
        note.textContent = text;
        const input = document.querySelector(`[data-field="${CSS.escape(fieldId)}"], [data-advanced="${CSS.escape(fieldId)}"]`);
        if (input) input.classList.add("bad");
        if (input && input.dataset.advanced) $("county-advanced").open = true;
        continue;
      }
    }
    if (error.grid) {
      const grid = schema.grids.find((g) => g.id === error.grid);
      const table = document.querySelector(`table[data-grid="${CSS.escape(error.grid)}"]`);
      const column = grid ? grid.columns.findIndex((c) => c.id === error.column) : -1;
      const tr = table && error.row >= 1 ? table.tBodies[0].rows[error.row - 1] : null;
      if (tr && column >= 0) {
        const td = tr.cells[column];
        td.querySelector("input").classList.add("bad");
        td.querySelector(".cell-message").textContent = text;
        continue;
      }
      const where = error.row ? say("cell_message", {row: error.row, column: error.column ? " " + columnLabel(grid, error.column) : "",
                                                    message: text}) : text;
      const note = make("li", {text: (grid ? pick(grid.label) + ": " : "") + where});
      $("county-errors").append(note);
      continue;
    }
    $("county-errors").append(make("li", {text}));
  }
}

/// "found" of check and save, as rows of [item, given, found]: the population by group as given
/// and as synth-pop made it ({"population": [{"id", "given", "made", "first_age", "last_age"}]}),
/// then each figure calibrate found (births, TFR, ...), named by the catalogue (found_KEY) where it can.
function foundRows(found) {
  const format = (value) => (typeof value === "number"
    ? value.toLocaleString(lang === "zh" ? "zh-CN" : "en", {maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0})
    : typeof value === "boolean" ? say(value ? "found_yes" : "found_no") : String(value ?? ""));
  const fieldLabel = (id) => {
    const field = schema && schema.fields.find((f) => f.id === id);
    return field ? pick(field.label) : id;
  };
  const rows = [];
  for (const [key, value] of Object.entries(found || {})) {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (!item || typeof item !== "object") continue;
        const ages = "first_age" in item ? say("found_ages", {first: item.first_age, last: item.last_age ?? ""}) : "";
        rows.push([fieldLabel(item.id ?? key) + ages, format(item.given), format(item.made)]);
      }
    } else if (key === "births" && found.births_given !== undefined) {
      rows.push([say("found_births"), found.births_given ? format(value) : "", found.births_given ? "" : format(value)]);
    } else if (key !== "births_given") {
      const label = WORDS["found_" + key] ? say("found_" + key) : key;
      const shown = key.endsWith("year") ? String(value) : value && typeof value === "object" ? pick(value) : format(value);
      rows.push([label, "", shown]);
    }
  }
  return rows;
}

let lastFound = null;
function showFound(found) {
  lastFound = found;
  const rows = found ? foundRows(found) : [];
  $("county-found").hidden = rows.length === 0;
  $("county-found").querySelector("tbody").replaceChildren(...rows.map(([item, given, made]) => {
    const tr = make("tr");
    tr.append(make("td", {text: item}), make("td", {className: "number", text: given}), make("td", {className: "number", text: made}));
    return tr;
  }));
}

function formChanged() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkForm, CHECK_DELAY_MS);
}

async function checkForm() {
  const sequence = ++checkSequence;
  showMessage($("county-state"), say("checking"), false);
  const reply = await request("/api/county/check", {method: "POST", json: formBody()});
  if (sequence !== checkSequence) return;  // the planner typed on: a newer check follows
  if (reply.status === 200) {
    showErrors(reply.body.errors || []);
    showFound(reply.body.found);
    const count = (reply.body.errors || []).length;
    showMessage($("county-state"), reply.body.valid ? say("check_ok") : say("check_errors", {count}), !reply.body.valid);
    $("county").dataset.checked = reply.body.valid ? "valid" : "invalid";
  } else {
    showMessage($("county-state"), errorWords(reply), true);
    $("county").dataset.checked = "failed";
  }
}

async function saveCounty() {
  clearTimeout(checkTimer);
  ++checkSequence;
  const body = formBody();
  body.replace = editing !== null && editing === body.name;
  showMessage($("county-state"), say("saving"), false);
  let reply = await request("/api/county/save", {method: "POST", json: body});
  if (reply.status === 409 && !body.replace && window.confirm(say("replace_ask", {name: body.name}))) {
    body.replace = true;
    reply = await request("/api/county/save", {method: "POST", json: body});
  }
  if (reply.status === 201) {
    showFound(reply.body.found);
    showMessage($("message"), say("saved", {name: reply.body.name}), false);
    editing = reply.body.name;
    await openResult(reply.body.name);
  } else if (reply.status === 422 && reply.body.errors) {
    showErrors(reply.body.errors);
    showMessage($("county-state"), say("check_errors", {count: reply.body.errors.length}), true);
  } else {
    showMessage($("county-state"), errorWords(reply), true);
  }
}

async function openCounty(form, name) {
  try {
    await loadSchema();
  } catch (e) {
    return showMessage($("message"), e.message, true);
  }
  editing = name || null;
  const title = $("county-title");
  title.textContent = name ? say("county_title_edit", {name}) : say("county_title_new");
  buildFields();
  buildGrids();
  buildAdvanced();
  clearErrors();
  showFound(null);
  showMessage($("county-state"), "", false);
  delete $("county").dataset.checked;
  if (form) fillForm(form);
  show("county");
  if (form) formChanged();
}

async function editCounty(name) {
  const reply = await request(scenarioUrl(name, "form"));
  if (reply.status !== 200) return showMessage(view === "result" ? $("result-state") : $("message"), errorWords(reply), true);
  await openCounty(reply.body, name);
}

// ---- a scenario's result: run, report, downloads; plan variants -------------------------------

let current = null;  // the scenario the result view shows
let pollTimer = 0;
let studyTimer = 0;
let runSeen = false;    // the view saw the run queued or running: show the report when it ends
let studySeen = false;

function showReport(name, hasResults) {
  const frame = $("result-report");
  $("result-downloads").replaceChildren(...(hasResults ? resultLinks(name) : []),
                                        link(scenarioUrl(name, "folder.zip"), "download_folder", name + ".zip"));
  frame.hidden = !hasResults;
  if (hasResults) {
    frame.title = say("report_frame", {name});
    frame.src = scenarioUrl(name, "report?lang=" + lang + "&t=" + Date.now());
  } else {
    frame.removeAttribute("src");
  }
}

function showStudy(name, hasStudy) {
  const frame = $("study-report");
  $("study-downloads").replaceChildren(...(hasStudy ? [
    link(scenarioUrl(name, "study/report?lang=" + lang), "download_study_report", name + "_study.html"),
    link(scenarioUrl(name, "study.h5"), "download_study", name + "_study.h5")] : []));
  frame.hidden = !hasStudy;
  if (hasStudy) {
    frame.title = say("study_frame", {name});
    frame.src = scenarioUrl(name, "study/report?lang=" + lang + "&t=" + Date.now());
  } else {
    frame.removeAttribute("src");
  }
}

async function followRun(name) {
  clearTimeout(pollTimer);
  if (current !== name) return;
  const reply = await request(scenarioUrl(name, "status"));
  if (current !== name) return;
  if (reply.status !== 200) return showMessage($("result-state"), errorWords(reply), true);
  const status = reply.body;
  $("result-state").className = "state " + status.state;
  $("result-state").textContent = runWords(status);
  $("result-run").disabled = busy(status);
  $("result").dataset.run = status.state;
  if (busy(status)) {
    runSeen = true;
    pollTimer = setTimeout(() => followRun(name), POLL_MS);
  } else if (runSeen) {  // the run this view followed has ended: its report, or the reason it failed
    runSeen = false;
    showReport(name, status.has_results);
  }
}

async function followStudy(name) {
  clearTimeout(studyTimer);
  if (current !== name) return;
  const reply = await request(scenarioUrl(name, "study/status"));
  if (current !== name) return;
  if (reply.status !== 200) return showMessage($("compare-state"), errorWords(reply), true);
  const status = reply.body;
  $("compare-state").className = "state " + status.state;
  $("compare-state").textContent = runWords(status);
  $("compare-run").disabled = busy(status);
  $("result").dataset.study = status.state;
  if (busy(status)) {
    studySeen = true;
    studyTimer = setTimeout(() => followStudy(name), POLL_MS);
  } else if (studySeen) {
    studySeen = false;
    showStudy(name, status.state === "done");
  }
}

async function openResult(name, toCompare) {
  current = name;
  clearTimeout(pollTimer);
  clearTimeout(studyTimer);
  runSeen = studySeen = false;
  await refresh();
  const scenario = scenarios.find((s) => s.name === name) || {name, has_results: false, run: {state: "none"}};
  $("result-title").textContent = say("result_title", {name});
  $("result-title").dataset.name = name;
  $("result-edit").hidden = !scenario.made_by_form;
  showMessage($("result-state"), "", false);
  showMessage($("compare-state"), "", false);
  delete $("result").dataset.run;
  delete $("result").dataset.study;
  $("variants").tBodies[0].replaceChildren();
  show("result");
  showReport(name, scenario.has_results);
  showStudy(name, Boolean(scenario.has_study));
  followRun(name);
  if (scenario.has_study) followStudy(name);
  if (toCompare) $("compare").scrollIntoView();
}

async function runCurrent() {
  const name = current;
  const reply = await request(scenarioUrl(name, "run"), {method: "POST"});
  if (reply.status === 202) {
    showMessage($("result-state"), say("started", {name}), false);
    $("result").dataset.run = "queued";
    runSeen = true;
    followRun(name);
  } else {
    showMessage($("result-state"), errorWords(reply), true);
    $("result").dataset.run = "refused";
  }
}

// Plan variants: the kinds of docs/serve.md, each with its parameters (the server checks them).
const VARIANT_KINDS = {
  delay: [["years", "variant_years", "1"]],
  convert: [["share", "variant_share", "30%"], ["year", "variant_year", ""], ["cost_wan_yuan_per_bed", "variant_cost", ""]],
  drop_project: [["row", "variant_row", "1"]],
  target: [["year", "variant_target_year", ""], ["elderly_care_beds", "variant_target_beds", ""],
           ["childcare_places", "variant_target_places", ""]],
};

function variantRow(kind = "delay") {
  const tr = make("tr", {className: "variant"});
  const select = make("select", {attributes: {"data-variant-kind": ""}});
  for (const k of Object.keys(VARIANT_KINDS)) select.append(make("option", {word: "variant_" + k, attributes: {value: k}}));
  select.value = kind;
  const params = make("td", {className: "variant-params"});
  const fill = () => {
    params.replaceChildren(...VARIANT_KINDS[select.value].map(([key, word, value]) => {
      const label = make("label");
      const input = make("input", {attributes: {type: "text", "data-variant-param": key, autocomplete: "off"}});
      input.value = value;
      label.append(make("span", {word}), input);
      return label;
    }));
  };
  select.addEventListener("change", fill);
  fill();
  const kindCell = make("td");
  kindCell.append(select);
  const remove = make("td");
  remove.append(button("remove_variant", () => tr.remove()));
  tr.append(kindCell, params, remove);
  return tr;
}

/// "30%" -> 0.3, "1,200" -> 1200; what is not a number goes as typed, for the server to name.
function number(text) {
  const plain = text.trim().replace(/[,，\s]/g, "");
  const value = plain.endsWith("%") ? Number(plain.slice(0, -1)) / 100 : Number(plain);
  return plain !== "" && Number.isFinite(value) ? value : text;
}

async function runCompare() {
  const name = current;
  const variants = [...$("variants").tBodies[0].rows].map((tr) => {
    const variant = {kind: tr.querySelector("[data-variant-kind]").value};
    for (const input of tr.querySelectorAll("[data-variant-param]")) {
      if (input.value.trim() !== "") variant[input.dataset.variantParam] = number(input.value);
    }
    return variant;
  });
  if (variants.length === 0) return showMessage($("compare-state"), say("no_variants"), true);
  const reply = await request(scenarioUrl(name, "variants"), {method: "POST", json: {variants}});
  if (reply.status === 202) {
    showMessage($("compare-state"), say("compare_started", {name}), false);
    $("result").dataset.study = "queued";
    studySeen = true;
    followStudy(name);
  } else {
    showMessage($("compare-state"), errorWords(reply), true);
    $("result").dataset.study = "refused";
  }
}

// ---- wiring -------------------------------------------------------------------------------------

$("language").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem("carecap.lang", lang);
  setWords();
  if (view === "county") {
    $("county-title").textContent = editing ? say("county_title_edit", {name: editing}) : say("county_title_new");
    showErrors(lastErrors);
    showFound(lastFound);
  }
  if (view === "result" && current) {
    $("result-title").textContent = say("result_title", {name: current});
    showReport(current, !$("result-report").hidden);
    showStudy(current, !$("study-report").hidden);
    followRun(current);
  }
  refresh();
});
$("new-county").addEventListener("click", () => openCounty(null, null));
$("county-close").addEventListener("click", () => show("list"));
$("county-save").addEventListener("click", saveCounty);
$("county").addEventListener("input", (event) => { if (event.target.matches("input")) formChanged(); });
$("result-close").addEventListener("click", () => { current = null; show("list"); });
$("result-run").addEventListener("click", runCurrent);
$("result-edit").addEventListener("click", () => editCounty(current));
$("variant-add").addEventListener("click", () => $("variants").tBodies[0].append(variantRow()));
$("compare-run").addEventListener("click", runCompare);

setWords();
refresh();
