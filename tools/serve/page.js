// carecap. SPDX-License-Identifier: MIT
// The page of `carecap serve` (API: docs/serve.md), first of its three scripts (then
// county_form.js and scenario_view.js, which share these helpers): lists the workspace's scenarios; builds a new
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

/// Seconds as the status shows them: tenths under ten ("0.4"), whole above.
const secondsText = (seconds) => (seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds)));

function runWords(run) {
  if (!run || run.state === "none") return say("state_none");
  if (run.state === "running") return say("state_running", {stage: say("stage_" + run.stage), seconds: secondsText(run.seconds)});
  if (run.state === "failed") return say("state_failed", {error: pick(run.error)});
  if (run.state === "done") return say("state_done", {seconds: secondsText(run.seconds)});
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
