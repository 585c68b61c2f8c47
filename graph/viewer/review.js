/* entity-graph review: why each name joined its entity, and the analyst's corrections.
 *
 * A piece of its own: it reads its own data block (#review-data) and hears the viewer's details
 * panel through two events dispatched on #details:
 *   "entitygraph:entity"     detail {id, entity}            after an entity's panel is shown
 *                            (it adds how the names joined, the statements, the review actions)
 *   "entitygraph:statement"  detail {item, element, edge}   for each statement shown as evidence
 * Corrections (see graph/corrections.py) are kept in localStorage under a key of the graph's
 * documents, and downloaded as corrections.json from a Blob: nothing leaves the page. Where storage
 * is refused (a notebook's sandboxed frame) the actions are hidden; the reasons still show.
 * Like the viewer, it puts text on the page only through textContent and DOM calls (the viewer's
 * own helpers, window.entityGraph.dom).
 */
(function () {
  "use strict";

  const review = JSON.parse(document.getElementById("review-data").textContent);
  const panel = document.getElementById("details");
  const STATEMENT_WORDS = 12; // the first words that name a statement in a correction
  const STATEMENTS_SHOWN_AT_FIRST = 20; // in an entity's panel; the rest behind "Show all"
  const storage = openStorage();
  let corrections = storage ? load() : [];
  let listElement = null;

  // The viewer's own DOM helpers: the only way text reaches the page, shared, not repeated.
  const { el, button } = window.entityGraph.dom;

  function nameInput(placeholder) {
    const input = el("input", "review-name");
    input.type = "text";
    input.setAttribute("list", "review-names");
    input.placeholder = placeholder;
    input.autocomplete = "off";
    return input;
  }

  function openStorage() {
    try {
      const store = window.localStorage;
      const probe = review.key + ":probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // a sandboxed frame: no review actions
    }
  }

  function load() {
    try {
      const list = JSON.parse(storage.getItem(review.key) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }

  function save() {
    storage.setItem(review.key, JSON.stringify(corrections));
    showList();
  }

  function add(correction, status) {
    const text = JSON.stringify(correction);
    if (!corrections.some((c) => JSON.stringify(c) === text)) corrections.push(correction);
    save();
    if (status) status.textContent = "Added: " + describe(correction) + " (" + corrections.length + " in your list)";
  }

  function describe(c) {
    switch (c.action) {
      case "merge": return "merge " + c.entities.map((n) => "“" + n + "”").join(" and ");
      case "not_entity": return "“" + c.name + "” is not an entity";
      case "retype": return "“" + c.entity + "” is a " + c.type;
      case "rename": return "rename “" + c.entity + "” “" + c.label + "”";
      case "split": return "split “" + c.alias + "” off “" + c.from + "”" + (c.to ? " into “" + c.to + "”" : "");
      case "speaker": return "“" + c.text + "…” said by " + (c.speaker ? "“" + c.speaker + "”" : "no one named");
      default: return c.action;
    }
  }

  function firstWords(text) {
    return String(text || "").trim().split(/\s+/).slice(0, STATEMENT_WORDS).join(" ");
  }

  /* ---------- why each name joined ---------- */

  function reasonsSection(id) {
    const rows = review.reasons[id];
    if (!rows || !rows.length) return null;
    const section = el("section", "review-reasons");
    section.append(el("h3", null, "How its names joined"));
    const list = el("ul");
    for (const [alias, rule, doc] of rows) {
      const item = el("li");
      item.append(el("span", "alias", alias), " ", el("span", "reason", review.rules[rule] || rule));
      if (doc) item.append(el("span", "doc-meta", "in " + (review.titles[doc] || doc)));
      item.dataset.rule = rule;
      list.append(item);
    }
    section.append(list);
    return section;
  }

  /* ---------- review actions ---------- */

  function entityActions(entity) {
    const section = el("section", "review-actions");
    section.append(el("h3", null, "Review"));
    const status = el("p", "review-status");
    status.setAttribute("role", "status");
    const label = entity.label;

    const merge = nameInput("another entity…");
    section.append(row(merge, button("review-merge", "Merge with…", () => {
      const other = merge.value.trim();
      if (!other) { merge.focus(); return; }
      add({ action: "merge", entities: [other, label] }, status); // the other keeps its name
    })));

    const renamed = nameInput("a better name…");
    renamed.removeAttribute("list");
    section.append(row(renamed, button("review-rename", "Rename", () => {
      const name = renamed.value.trim();
      if (!name) { renamed.focus(); return; }
      if (name !== label) add({ action: "rename", entity: label, label: name }, status);
    })));

    const types = el("select", "review-type");
    for (const type of review.types) {
      const option = el("option", null, type);
      option.value = type;
      option.selected = type === entity.type;
      types.append(option);
    }
    section.append(row(types, button("review-retype", "Change type", () => {
      if (types.value !== entity.type) add({ action: "retype", entity: label, type: types.value }, status);
    })));

    if (entity.aliases.length) {
      const aliases = el("select", "review-alias");
      for (const alias of entity.aliases) {
        const option = el("option", null, alias);
        option.value = alias;
        aliases.append(option);
      }
      const into = nameInput("into (optional)…");
      section.append(row(aliases, into, button("review-split", "Split this alias off", () => {
        const correction = { action: "split", alias: aliases.value, from: label };
        if (into.value.trim()) correction.to = into.value.trim();
        add(correction, status);
      })));
    }

    section.append(row(button("review-not-entity", "Not an entity", () => add({ action: "not_entity", name: label }, status))));
    section.append(status);
    return section;
  }

  function statementActions(statementId, speaker, fallback) {
    // The statement's document and words from the review data (evidence may name its sentence by index).
    const [doc, text] = review.statements[statementId] || [fallback.doc, typeof fallback.sentence === "string" ? fallback.sentence : ""];
    const box = el("div", "review-statement");
    if (!doc || !text) return box;
    const form = el("div", "review-row");
    form.hidden = true;
    const who = nameInput("who said it…");
    const status = el("span", "review-status");
    const correction = (name) => ({ action: "speaker", doc, text: firstWords(text), speaker: name });
    form.append(who,
      button("review-set-speaker", "Set speaker", () => {
        if (!who.value.trim()) { who.focus(); return; }
        add(correction(who.value.trim()), status);
      }),
      button("review-no-speaker", "No one named", () => add(correction(null), status)));
    const toggle = button("review-wrong-speaker", speaker === null ? "Who said it?" : "Wrong speaker?",
      () => { form.hidden = !form.hidden; });
    toggle.title = speaker === null ? "No speaker found: name one" : "Said by " + (review.names[speaker] || speaker) + ": correct it";
    box.append(toggle, form, status);
    return box;
  }

  function saidSection(id) {
    const ids = review.said[id];
    if (!ids || !ids.length) return null;
    const section = el("section", "review-said");
    section.append(el("h3", null, "Statements attributed (" + ids.length + ")"));
    const list = el("ul", "evidence");
    for (const statementId of ids.slice(0, STATEMENTS_SHOWN_AT_FIRST)) list.append(statementItem(statementId, id));
    section.append(list);
    if (ids.length > STATEMENTS_SHOWN_AT_FIRST) {  // a politician may have hundreds: the panel opens at once
      const more = button("show-all", "Show all " + ids.length, () => {
        more.remove();
        for (const statementId of ids.slice(STATEMENTS_SHOWN_AT_FIRST)) list.append(statementItem(statementId, id));
      });
      section.append(more);
    }
    return section;
  }

  function statementItem(statementId, speaker) {
    const [doc, text] = review.statements[statementId];
    const item = el("li");
    item.append(el("p", "sentence quote", text), el("div", "doc-meta", review.titles[doc] || doc));
    if (storage) item.append(statementActions(statementId, speaker, {}));
    return item;
  }

  function row(...parts) {
    const line = el("div", "review-row");
    line.append(...parts);
    return line;
  }

  /* ---------- the list and its download ---------- */

  function buildList() {
    const names = el("datalist");
    names.id = "review-names";
    document.body.append(names);
    // Filled when a name box is first used: a corpus has thousands of names, and the page's
    // first drawing should not wait for them.
    document.addEventListener("focusin", (event) => {
      if (names.childNodes.length || !event.target.getAttribute || event.target.getAttribute("list") !== "review-names") return;
      for (const name of Array.from(new Set(Object.values(review.names))).sort((a, b) => a.localeCompare(b))) {
        const option = el("option");
        option.value = name;
        names.append(option);
      }
    });
    const section = el("section", "review-list");
    section.append(el("h2", null, "Your corrections"));
    listElement = el("ol");
    section.append(listElement,
      row(button("review-download", "Download corrections.json", download),
        button("review-clear", "Clear", () => { corrections = []; save(); })));
    section.append(el("p", "help", "Rebuild with: entity-graph build … --corrections corrections.json"));
    const unattributed = review.said[""] || [];
    if (unattributed.length) {
      // Statements no link shows: listed when opened, so a big corpus costs nothing until then.
      const more = el("details", "review-unattributed");
      more.append(el("summary", null, "Statements with no speaker (" + unattributed.length + ")"));
      more.addEventListener("toggle", () => {
        if (!more.open || more.querySelector("ul")) return;
        const list = el("ul");
        for (const statementId of unattributed) list.append(statementItem(statementId, null));
        more.append(list);
      });
      section.append(more);
    }
    (document.querySelector(".controls") || document.body).append(section);
    showList();
  }

  function showList() {
    if (!listElement) return;
    while (listElement.firstChild) listElement.removeChild(listElement.firstChild);
    corrections.forEach((c, index) => {
      const item = el("li", null, describe(c) + " ");
      item.append(button("link-button review-remove", "remove", () => { corrections.splice(index, 1); save(); }));
      listElement.append(item);
    });
    if (!corrections.length) listElement.append(el("li", "hint", "None yet: use the review buttons in an entity's or a statement's panel."));
  }

  function download() {
    const text = JSON.stringify({ corrections: corrections }, null, 2) + "\n";
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = el("a");
    link.href = url;
    link.download = "corrections.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /* ---------- wiring ---------- */

  panel.addEventListener("entitygraph:entity", (event) => {
    const reasons = reasonsSection(event.detail.id);
    if (reasons) panel.append(reasons);
    const said = saidSection(event.detail.id);
    if (said) panel.append(said);
    if (storage) panel.append(entityActions(event.detail.entity));
  });
  panel.addEventListener("entitygraph:statement", (event) => {
    const { item, element, edge } = event.detail;
    const speaker = edge.kind === "reported_by" ? edge.to : edge.from;
    if (storage) element.append(statementActions(item.statement, speaker, item));
  });
  if (storage) buildList();

  window.entityGraphReview = { corrections: () => corrections.slice(), download, enabled: Boolean(storage) };
})();
