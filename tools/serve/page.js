// carecap. SPDX-License-Identifier: MIT
// The page of `carecap serve`: lists the workspace's scenarios, runs one, shows its progress and
// offers its report and downloads. Plain JavaScript, no library; every word from the catalogue
// (serve.page.*, handed over in <script id="words">), Chinese first.
"use strict";

const WORDS = JSON.parse(document.getElementById("words").textContent);
let lang = localStorage.getItem("carecap.lang") === "en" ? "en" : "zh";
const watched = new Set();  // scenarios whose run is being followed

function say(id, fields = {}) {
  const entry = WORDS[id];
  if (!entry) return id;
  return entry[lang].replace(/\{(\w+)\}/g, (all, name) => (name in fields ? String(fields[name]) : all));
}

function setWords() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = say("title");
  for (const node of document.querySelectorAll("[data-word]")) node.textContent = say(node.dataset.word);
}

function showMessage(text, failed) {
  const node = document.getElementById("message");
  node.textContent = text;
  node.className = failed ? "failed" : "";
}

async function getJson(url, options) {
  const response = await fetch(url, Object.assign({credentials: "same-origin"}, options));
  const body = await response.json();
  return {status: response.status, body};
}

function runWords(run) {
  if (!run || run.state === "none") return say("state_none");
  if (run.state === "running") return say("state_running", {stage: say("stage_" + run.stage), seconds: Math.round(run.seconds)});
  if (run.state === "failed") return say("state_failed", {error: run.error ? run.error[lang] : ""});
  if (run.state === "done") return say("state_done", {seconds: Math.round(run.seconds)});
  return say("state_queued");
}

function link(href, word) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = say(word);
  return a;
}

function row(scenario) {
  const base = "/api/scenarios/" + encodeURIComponent(scenario.name) + "/";
  const tr = document.createElement("tr");
  const name = document.createElement("td");
  name.textContent = scenario.name;
  const results = document.createElement("td");
  results.textContent = scenario.has_results ? scenario.results_time : say("no_results");
  const state = document.createElement("td");
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = say("run");
  button.disabled = scenario.run.state === "queued" || scenario.run.state === "running";
  button.addEventListener("click", () => run(scenario.name));
  const words = document.createElement("span");
  words.className = scenario.run.state;
  words.textContent = " " + runWords(scenario.run);
  state.append(button, words);
  const open = document.createElement("td");
  if (scenario.has_results) {
    const report = link(base + "report?lang=" + lang, "open_report");
    report.target = "_blank";
    open.append(report, link(base + "workbook.xlsx?lang=" + lang, "download_workbook"), link(base + "results.h5", "download_results"));
  }
  tr.append(name, results, state, open);
  return tr;
}

async function refresh() {
  const {status, body} = await getJson("/api/scenarios");
  if (status !== 200) return showMessage(body.error ? body.error[lang] : String(status), true);
  const tbody = document.querySelector("#scenarios tbody");
  tbody.replaceChildren(...body.scenarios.map(row));
  document.getElementById("empty").hidden = body.scenarios.length > 0;
  const busy = body.scenarios.filter((s) => s.run.state === "queued" || s.run.state === "running");
  if (busy.length > 0) setTimeout(refresh, 1000);
  for (const s of body.scenarios) {
    if (watched.has(s.name) && (s.run.state === "done" || s.run.state === "failed")) {
      watched.delete(s.name);
      showMessage(runWords(s.run), s.run.state === "failed");
    }
  }
}

async function run(name) {
  const {status, body} = await getJson("/api/scenarios/" + encodeURIComponent(name) + "/run", {method: "POST"});
  if (status === 202) {
    watched.add(name);
    showMessage(say("started", {name}), false);
  } else {
    showMessage(body.error ? body.error[lang] : String(status), true);
  }
  refresh();
}

document.getElementById("language").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem("carecap.lang", lang);
  setWords();
  refresh();
});

setWords();
refresh();
