/* entity-graph viewer: the time range slider.
 *
 * A self-contained piece: it reads the page data the viewer exposes (window.entityGraph.data),
 * adds its own section to the side panel and filters relationships through the viewer's one hook,
 * entityGraph.addEdgeFilter. A relationship stays shown when any of its evidence comes from a
 * document dated within the range, or, with "Undated evidence" ticked, from an undated one.
 * Shown only when some document has a date. Text reaches the page through textContent only.
 */
(function () {
  "use strict";

  const graph = window.entityGraph;
  if (!graph || !graph.addEdgeFilter || !graph.data) return;
  const data = graph.data;

  function dateOf(docId) {
    const doc = data.documents[docId];
    return doc && typeof doc.date === "string" && doc.date.length >= 10 ? doc.date.slice(0, 10) : null;
  }

  // Each relationship's evidence days and whether some of its evidence is undated.
  const seen = new Map();
  const allDays = new Set();
  for (const [edgeId, relation] of Object.entries(data.relations)) {
    const evidence = relation.evidence && relation.evidence.length ? relation.evidence.map((e) => e.doc) : relation.documents || [];
    const days = [];
    let undated = evidence.length === 0;
    for (const docId of evidence) {
      const day = dateOf(docId);
      if (day) { days.push(day); allDays.add(day); } else undated = true;
    }
    seen.set(edgeId, { days, undated });
  }
  const days = Array.from(allDays).sort();
  if (!days.length) return;

  const range = { from: days[0], to: days[days.length - 1], undated: true };

  function el(tag, attributes, text) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  const section = el("section", { id: "time-range", class: "time-range" });
  const heading = el("h2", {}, "Time");
  const shown = el("output", { id: "time-range-value", class: "time-range-value" });
  const from = el("input", { id: "time-from", type: "range", min: "0", max: String(days.length - 1), step: "1", value: "0", "aria-label": "From" });
  const to = el("input", { id: "time-to", type: "range", min: "0", max: String(days.length - 1), step: "1", value: String(days.length - 1), "aria-label": "To" });
  const undatedLabel = el("label");
  const undatedBox = el("input", { id: "time-undated", type: "checkbox" });
  undatedBox.checked = true;
  undatedLabel.append(undatedBox, document.createTextNode(" Undated evidence"));
  section.append(heading, shown, from, to, undatedLabel);
  const panel = document.querySelector(".controls") || document.body;
  const before = panel.querySelector(".toggles");
  panel.insertBefore(section, before && before.parentNode === panel ? before : null);

  function update(moved) {
    let a = Number(from.value), b = Number(to.value);
    if (a > b) {  // the handles never cross: the one not moved follows
      if (moved === from) { b = a; to.value = String(b); } else { a = b; from.value = String(a); }
    }
    range.from = days[a];
    range.to = days[b];
    range.undated = undatedBox.checked;
    shown.textContent = range.from === range.to ? range.from : range.from + " – " + range.to;
    graph.refresh();
  }

  from.addEventListener("input", () => update(from));
  to.addEventListener("input", () => update(to));
  undatedBox.addEventListener("change", () => update(null));

  graph.addEdgeFilter((edge) => {
    const s = seen.get(edge.id);
    if (!s) return true;
    if (s.undated && range.undated) return true;
    return s.days.some((day) => day >= range.from && day <= range.to);
  });
  shown.textContent = range.from === range.to ? range.from : range.from + " – " + range.to;
  graph.timeRange = { days, range }; // for tests and notebooks
})();
