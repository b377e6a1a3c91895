// carecap. SPDX-License-Identifier: MIT
// The new-county form of `carecap serve`'s page (after page.js, whose helpers it uses): built from
// GET /api/county/schema, grids that take a paste from Excel/WPS (POST /api/county/paste), checked
// by the server as the planner types (POST /api/county/check: no rule of validation here), saved
// with POST /api/county/save, reopened from GET /api/scenarios/NAME/form.
"use strict";

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
