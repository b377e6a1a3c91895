// carecap. SPDX-License-Identifier: MIT
// A scenario's view in `carecap serve`'s page (after page.js and county_form.js): run with
// progress, the report in the page, downloads, plan variants run as a study and its report; and
// the page's wiring, last, once every script's functions are defined.
"use strict";

// ---- a scenario's result: run, report, downloads; plan variants -------------------------------

let current = null;  // the scenario the result view shows

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

// What the view follows of a scenario, the run and the study alike: the status it polls, where it
// shows the state, the button a busy job disables, and what it shows when a job it saw ends.
const FOLLOWED = {
  run: {path: "status", state: "result-state", button: "result-run", data: "run", timer: 0, seen: false,
        ended: (name, status) => showReport(name, status.has_results)},
  study: {path: "study/status", state: "compare-state", button: "compare-run", data: "study", timer: 0, seen: false,
          ended: (name, status) => showStudy(name, status.state === "done")},
};

async function follow(kind, name) {
  const job = FOLLOWED[kind];
  clearTimeout(job.timer);
  if (current !== name) return;
  const reply = await request(scenarioUrl(name, job.path));
  if (current !== name) return;
  if (reply.status !== 200) return showMessage($(job.state), errorWords(reply), true);
  const status = reply.body;
  $(job.state).className = "state " + status.state;
  $(job.state).textContent = runWords(status);
  $(job.button).disabled = busy(status);
  $("result").dataset[job.data] = status.state;
  if (busy(status)) {
    job.seen = true;
    job.timer = setTimeout(() => follow(kind, name), POLL_MS);
  } else if (job.seen) {  // the job this view followed has ended: its report, or the reason it failed
    job.seen = false;
    job.ended(name, status);
  }
}

const followRun = (name) => follow("run", name);
const followStudy = (name) => follow("study", name);

async function openResult(name, toCompare) {
  current = name;
  for (const job of Object.values(FOLLOWED)) {
    clearTimeout(job.timer);
    job.seen = false;
  }
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
    FOLLOWED.run.seen = true;
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
    FOLLOWED.study.seen = true;
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
