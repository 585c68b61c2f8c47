/* entity-graph viewer.
 *
 * All graph data arrives as JSON in <script id="graph-data">. Article text is untrusted, so every
 * piece of it reaches the page through textContent / DOM calls — never innerHTML, never as vis
 * "title" tooltips (vis renders those as HTML). The page's CSP backs this up.
 */
(function () {
  "use strict";

  const timing = { scriptStart: performance.now(), dataParsed: null, networkBuilt: null, firstDraw: null, stabilized: null };
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  timing.dataParsed = performance.now();
  const entities = data.entities;
  const relations = data.relations;
  const documents = data.documents;
  const typeStyles = Object.fromEntries(data.legend.types.map((t) => [t.id, t]));
  const kindStyles = Object.fromEntries(data.legend.kinds.map((k) => [k.id, k]));
  const SHAPE_GLYPHS = { dot: "●", triangle: "▲", square: "■", diamond: "◆", hexagon: "⬢", triangleDown: "▼" };
  const EVIDENCE_SHOWN_AT_FIRST = 25;
  const STRONGEST_LINKS_SHOWN = 12;
  const WIKIDATA_PAGE = "https://www.wikidata.org/wiki/"; // followed only when the reader clicks the link
  const STATEMENT_KINDS = { direct: "direct quote", indirect: "indirect quote", according_to: "“according to”",
    belief: "belief or estimate", question: "question", negated: "denial or negated speech" };

  const filters = {
    types: new Set(data.legend.types.map((t) => t.id)),
    kinds: new Set(data.legend.kinds.map((k) => k.id)),
    minWeight: 1,
    neighbourhoodOnly: false,
  };
  let selectedNode = null;
  let neighbourhood = new Set();
  const extraEdgeFilters = []; // added by the page's other pieces (timeline.js) through addEdgeFilter

  const edgesByNode = indexEdgesByNode(data.edges);
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const nodeView = new vis.DataView(nodes, { filter: isNodeShown });
  const edgeView = new vis.DataView(edges, { filter: isEdgeShown });
  const network = new vis.Network(
    document.getElementById("network"), { nodes: nodeView, edges: edgeView }, data.options);
  timing.networkBuilt = performance.now();

  /* ---------- small DOM helpers: the only way anything reaches the page ---------- */

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function button(className, text, onClick) {
    const b = el("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many || one + "s");
  }

  /* ---------- filters ---------- */

  function indexEdgesByNode(edgeList) {
    const index = new Map();
    for (const edge of edgeList) {
      for (const end of [edge.from, edge.to]) {
        if (!index.has(end)) index.set(end, []);
        index.get(end).push(edge);
      }
    }
    return index;
  }

  function passesEdgeFilters(edge) {
    return filters.kinds.has(edge.kind) && edge.weight >= filters.minWeight && extraEdgeFilters.every((f) => f(edge));
  }

  function isNodeShown(node) {
    if (!filters.types.has(node.type)) return false;
    return !(filters.neighbourhoodOnly && selectedNode) || neighbourhood.has(node.id);
  }

  function isEdgeShown(edge) {
    if (!passesEdgeFilters(edge)) return false;
    if (filters.neighbourhoodOnly && selectedNode) return edge.from === selectedNode || edge.to === selectedNode;
    return true;
  }

  function computeNeighbourhood(nodeId) {
    const around = new Set([nodeId]);
    for (const edge of edgesByNode.get(nodeId) || []) {
      if (passesEdgeFilters(edge)) around.add(edge.from === nodeId ? edge.to : edge.from);
    }
    return around;
  }

  function applyFilters() {
    neighbourhood = selectedNode ? computeNeighbourhood(selectedNode) : new Set();
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
  }

  function showCounts() {
    const shownNodes = nodeView.length;
    const shownEdges = edgeView.get({ filter: (e) => isNodeShownById(e.from) && isNodeShownById(e.to) }).length;
    document.getElementById("counts").textContent =
      shownNodes + " of " + plural(data.nodes.length, "entity", "entities") + ", " +
      shownEdges + " of " + plural(data.edges.length, "relationship") + " shown";
  }

  function isNodeShownById(id) {
    const node = nodeView.get(id);
    return node !== null && node !== undefined;
  }

  function buildLegendFilters() {
    const typeCounts = countBy(data.nodes, "type");
    const typeList = document.getElementById("type-filters");
    for (const style of data.legend.types) {
      const glyph = el("span", "glyph", SHAPE_GLYPHS[style.shape] || "●");
      glyph.style.color = style.color;
      typeList.append(legendItem("type", style.id, filters.types, [glyph, el("span", null, style.label)],
        typeCounts[style.id] || 0));
    }
    const kindCounts = countBy(data.edges, "kind");
    const kindList = document.getElementById("kind-filters");
    for (const style of data.legend.kinds) {
      const swatch = el("span", "edge-swatch" + (style.dashes ? " dashed" : "") + (style.arrows ? " arrow" : ""));
      swatch.style.color = style.color;
      swatch.style.borderTopColor = style.color;
      const item = legendItem("kind", style.id, filters.kinds, [swatch, el("span", null, style.label)],
        kindCounts[style.id] || 0);
      if (style.description) item.append(el("span", "kind-help", style.description));
      kindList.append(item);
    }
  }

  function legendItem(group, id, enabledSet, labelParts, count) {
    const item = el("li");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset[group] = id;
    box.addEventListener("change", () => {
      if (box.checked) enabledSet.add(id); else enabledSet.delete(id);
      applyFilters();
    });
    label.append(box, ...labelParts, el("span", "count", count));
    item.append(label);
    return item;
  }

  function countBy(records, field) {
    const counts = {};
    for (const r of records) counts[r[field]] = (counts[r[field]] || 0) + 1;
    return counts;
  }

  function buildOtherControls() {
    const slider = document.getElementById("min-weight");
    const shown = document.getElementById("min-weight-value");
    slider.max = String(Math.max(1, data.maxWeight));
    slider.addEventListener("input", () => {
      filters.minWeight = Number(slider.value);
      shown.textContent = slider.value;
      applyFilters();
    });
    const neighbourhoodBox = document.getElementById("neighbourhood-only");
    neighbourhoodBox.addEventListener("change", () => {
      filters.neighbourhoodOnly = neighbourhoodBox.checked;
      applyFilters();
      const shown = Array.from(neighbourhood).filter(isNodeShownById);
      if (neighbourhoodBox.checked && shown.length) network.fit({ nodes: shown, animation: true });
    });
    const physicsBox = document.getElementById("physics");
    physicsBox.checked = Boolean(data.options.physics && data.options.physics.enabled);
    physicsBox.addEventListener("change", () => {
      network.setOptions({ physics: { enabled: physicsBox.checked } });
      // A bounded number of iterations first, so a big graph settles in seconds, not minutes
      if (physicsBox.checked) network.stabilize(data.options.physics.stabilization.iterations);
    });
    document.getElementById("fit").addEventListener("click", () => network.fit({ animation: true }));
  }

  /* ---------- search ---------- */

  const namesToIds = buildNameIndex();

  function buildNameIndex() {
    const index = new Map();
    for (const [id, entity] of Object.entries(entities)) {
      for (const name of [entity.label, ...entity.aliases]) {
        const key = name.toLocaleLowerCase();
        if (!index.has(key)) index.set(key, new Set());
        index.get(key).add(id);
      }
    }
    return index;
  }

  function buildSearch() {
    const list = document.getElementById("search-names");
    const names = new Map(); // one suggestion per name, pointing at its best-known entity
    for (const [key, ids] of namesToIds) {
      const best = mostMentioned(ids);
      const name = entities[best].label.toLocaleLowerCase() === key
        ? entities[best].label
        : entities[best].aliases.find((a) => a.toLocaleLowerCase() === key);
      names.set(name, best);
    }
    for (const name of Array.from(names.keys()).sort((a, b) => a.localeCompare(b))) {
      const option = el("option");
      option.value = name;
      const entity = entities[names.get(name)];
      if (entity.label !== name) option.label = name + " → " + entity.label;
      list.append(option);
    }
    const input = document.getElementById("search");
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") findAndFocus(input.value);
    });
    // Picking a suggestion from the list goes straight to the entity.
    input.addEventListener("input", (event) => {
      if (event.inputType === "insertReplacementText" || event.inputType === undefined) {
        if (namesToIds.has(input.value.trim().toLocaleLowerCase())) findAndFocus(input.value);
      }
    });
    document.getElementById("search-button").addEventListener("click", () => findAndFocus(input.value));
  }

  function mostMentioned(ids) {
    return Array.from(ids).sort((a, b) => entities[b].mentions - entities[a].mentions || (a < b ? -1 : 1))[0];
  }

  function findEntity(query) {
    const key = query.trim().toLocaleLowerCase();
    if (!key) return null;
    if (namesToIds.has(key)) return mostMentioned(namesToIds.get(key));
    const matching = new Set();
    for (const [name, ids] of namesToIds) if (name.startsWith(key)) ids.forEach((id) => matching.add(id));
    if (!matching.size) for (const [name, ids] of namesToIds) if (name.includes(key)) ids.forEach((id) => matching.add(id));
    return matching.size ? mostMentioned(matching) : null;
  }

  function findAndFocus(query) {
    const status = document.getElementById("search-status");
    const id = findEntity(query);
    if (!id) {
      status.textContent = query.trim() ? "Nothing named “" + query.trim() + "”" : "";
      return;
    }
    status.textContent = "";
    revealNode(id);
    selectNode(id);
    // Close enough to read the neighbours' labels, far enough to see where it sits
    network.focus(id, { scale: Math.max(network.getScale(), 0.85), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
  }

  function revealNode(id) {
    // A found entity must be visible even if a filter hid it: switch its type back on.
    const type = entities[id].type;
    if (!filters.types.has(type)) {
      filters.types.add(type);
      const box = document.querySelector('#type-filters input[data-type="' + CSS.escape(type) + '"]');
      if (box) box.checked = true;
      applyFilters();
    }
  }

  /* ---------- selection and the details panel ---------- */

  const panel = document.getElementById("details");

  function selectNode(id) {
    selectedNode = id;
    if (filters.neighbourhoodOnly) applyFilters(); else neighbourhood = computeNeighbourhood(id);
    // The panel can lead to an entity a filter hides; vis throws on selecting what it doesn't draw.
    if (isNodeShownById(id)) network.selectNodes([id]); else network.unselectAll();
    showNode(id);
  }

  function selectEdge(edgeId) {
    if (edgeView.get(edgeId)) network.selectEdges([edgeId]); else network.unselectAll();
    showEdge(edgeId);
  }

  function showHint() {
    clear(panel);
    panel.append(el("p", "hint", "Click an entity to see its names, documents and strongest links; " +
      "click a relationship to read the sentences it rests on."));
  }

  function typeBadge(type) {
    const style = typeStyles[type] || { label: type, color: "#999" };
    const badge = el("span", "badge", style.label);
    badge.style.background = style.color;
    return badge;
  }

  function showNode(id) {
    const entity = entities[id];
    clear(panel);
    panel.append(el("h2", null, entity.label), typeBadge(entity.type));
    panel.append(el("p", "facts", plural(entity.mentions, "mention") + " in " +
      plural(entity.documents.length, "document") +
      (entity.statements ? " · " + plural(entity.statements, "statement") + " attributed" : "")));
    if (entity.aliases.length) {
      panel.append(el("h3", null, "Also named"));
      const list = el("div", "aliases");
      for (const alias of entity.aliases) list.append(el("span", "alias", alias));
      panel.append(list);
    }
    if (typeof entity.wikidata === "string" && /^Q[1-9][0-9]*$/.test(entity.wikidata)) {
      panel.append(el("h3", null, "Wikidata"));
      const link = el("a", "external", entity.wikidata + " on wikidata.org");
      link.href = WIKIDATA_PAGE + entity.wikidata;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      panel.append(link);
    }
    panel.append(strongestLinks(id));
    panel.append(documentList("Named in", entity.documents));
    announce("entity", { id, entity });
  }

  // The review piece (review.js) adds its part to the panels it hears of.
  function announce(name, detail) {
    panel.dispatchEvent(new CustomEvent("entitygraph:" + name, { detail }));
  }

  function strongestLinks(id) {
    const section = el("section");
    const incident = (edgesByNode.get(id) || []).slice()
      .sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
    section.append(el("h3", null, "Strongest links" + (incident.length > STRONGEST_LINKS_SHOWN
      ? " (" + STRONGEST_LINKS_SHOWN + " of " + incident.length + ")" : "")));
    const list = el("ul", "strong-links");
    for (const edge of incident.slice(0, STRONGEST_LINKS_SHOWN)) {
      const other = edge.from === id ? edge.to : edge.from;
      const kind = kindStyles[edge.kind] || { label: edge.kind, color: "#999" };
      const dot = el("span", "dot");
      dot.style.background = kind.color;
      const direction = !kind.arrows ? "" : edge.from === id ? "→ " : "← ";
      const item = el("li");
      item.append(dot, el("span", null, direction),
        button("link-button", entities[other].label, () => { selectNode(other); focusQuietly(other); }),
        el("span", "doc-meta", kind.label),
        button("link-button weight", "×" + edge.weight, () => selectEdge(edge.id)));
      list.append(item);
    }
    if (!incident.length) list.append(el("li", "hint", "No relationships."));
    section.append(list);
    return section;
  }

  function focusQuietly(id) {
    if (isNodeShownById(id)) network.focus(id, { scale: network.getScale(), animation: { duration: 300 } });
  }

  function documentList(heading, docIds) {
    const section = el("section");
    section.append(el("h3", null, heading + " (" + docIds.length + ")"));
    const list = el("ul");
    for (const docId of docIds) list.append(documentItem(docId));
    section.append(list);
    return section;
  }

  function documentItem(docId) {
    const item = el("li");
    item.append(documentLine(docId));
    return item;
  }

  function documentLine(docId) {
    const doc = documents[docId] || {};
    const line = el("div");
    line.append(el("span", "doc-title", doc.title || docId));
    const meta = [doc.outlet, doc.author, doc.date].filter(Boolean).join(" · ");
    if (meta) line.append(el("div", "doc-meta", meta));
    return line;
  }

  function showEdge(edgeId) {
    const edge = edgeById.get(edgeId);
    const relation = relations[edgeId];
    const kind = kindStyles[relation.kind] || { label: relation.kind, arrows: "", description: "" };
    clear(panel);
    const heading = el("h2");
    heading.append(
      button("link-button", entities[edge.from].label, () => selectNode(edge.from)),
      el("span", null, kind.arrows ? " → " : " — "),
      button("link-button", entities[edge.to].label, () => selectNode(edge.to)));
    panel.append(heading);
    const badge = el("span", "badge", kind.label);
    badge.style.background = kind.color || "#999";
    panel.append(badge, el("p", "facts", (kind.description ? kind.description + " · " : "") +
      "weight " + relation.weight + " · " + plural(relation.documents.length, "document")));
    panel.append(el("h3", null, "Evidence (" + relation.evidence.length + ")"));
    const list = el("ul", "evidence");
    panel.append(list);
    const highlighter = makeHighlighter(edge.from, edge.to);
    const addEvidence = (items) => items.forEach((item) => {
      const element = evidenceItem(item, relation.kind, highlighter);
      list.append(element);
      if (item.statement !== undefined) announce("statement", { item, element, edge: { from: edge.from, to: edge.to, kind: relation.kind } });
    });
    addEvidence(relation.evidence.slice(0, EVIDENCE_SHOWN_AT_FIRST));
    if (relation.evidence.length > EVIDENCE_SHOWN_AT_FIRST) {
      const more = button("show-all", "Show all " + relation.evidence.length, () => {
        more.remove();
        addEvidence(relation.evidence.slice(EVIDENCE_SHOWN_AT_FIRST));
      });
      panel.append(more);
    }
  }

  function evidenceItem(item, kind, highlighter) {
    const li = el("li");
    const isStatement = kind === "attribution" || kind === "reported_by" || item.statement !== undefined;
    const sentence = el("p", "sentence" + (isStatement ? " quote" : ""));
    highlighter(sentence, item.sentence || "");
    li.append(sentence);
    const facts = el("div", "attribution-facts");
    if (item.speaker_text) addFact(facts, "Speaker as written", item.speaker_text);
    if (item.cue) addFact(facts, "Cue", item.cue);
    if (item.kind) addFact(facts, "Kind", STATEMENT_KINDS[item.kind] || item.kind);
    if (item.reported_by) addFact(facts, "Relayed by", nameOf(item.reported_by));
    if (item.role) addFact(facts, "Role", item.role);
    if (facts.childNodes.length) li.append(facts);
    li.append(documentLine(item.doc));
    return li;
  }

  function addFact(container, name, value) {
    if (container.childNodes.length) container.append(" · ");
    container.append(el("b", null, name + ": "), String(value));
  }

  function nameOf(id) {
    return entities[id] ? entities[id].label : String(id);
  }

  /* Wrap every occurrence of either entity's names in <mark>, built as DOM nodes. */
  function makeHighlighter(sourceId, targetId) {
    const sideOf = new Map();
    for (const [id, side] of [[targetId, "target"], [sourceId, "source"]]) {
      const entity = entities[id];
      for (const name of [entity.label, ...entity.aliases]) if (name.trim()) sideOf.set(name.toLocaleLowerCase(), side);
    }
    const names = Array.from(sideOf.keys()).sort((a, b) => b.length - a.length);
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    // Not inside a longer word: "Iran" must not light up "Iranian"
    const pattern = names.length
      ? new RegExp("(?<![\\p{L}\\p{N}])(?:" + escaped.join("|") + ")(?![\\p{L}\\p{N}])", "giu")
      : null;
    return function highlight(container, text) {
      let last = 0;
      if (pattern) {
        pattern.lastIndex = 0;
        for (const match of text.matchAll(pattern)) {
          if (match.index > last) container.append(text.slice(last, match.index));
          container.append(el("mark", sideOf.get(match[0].toLocaleLowerCase()) || "source", match[0]));
          last = match.index + match[0].length;
        }
      }
      if (last < text.length) container.append(text.slice(last));
    };
  }

  /* ---------- hover tooltip (text only) ---------- */

  const tooltip = document.getElementById("tooltip");

  function showTooltip(text, pointer) {
    tooltip.textContent = text;
    tooltip.hidden = false;
    const box = document.getElementById("network").getBoundingClientRect();
    tooltip.style.left = Math.min(box.left + pointer.x + 14, window.innerWidth - 330) + "px";
    tooltip.style.top = (box.top + pointer.y + 14) + "px";
  }

  function nodeTooltip(id) {
    const entity = entities[id];
    const type = typeStyles[entity.type] ? typeStyles[entity.type].label : entity.type;
    return entity.label + " · " + type + " · " + plural(entity.mentions, "mention");
  }

  function edgeTooltip(id) {
    const edge = edgeById.get(id);
    const kind = kindStyles[edge.kind] ? kindStyles[edge.kind].label : edge.kind;
    return nameOf(edge.from) + (edge.arrows ? " → " : " — ") + nameOf(edge.to) + " · " + kind + " ×" + edge.weight;
  }

  /* ---------- wiring ---------- */

  network.on("click", (params) => {
    if (params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else {
      selectedNode = null;
      if (filters.neighbourhoodOnly) applyFilters();
      showHint();
    }
  });
  network.on("hoverNode", (p) => showTooltip(nodeTooltip(p.node), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTooltip(edgeTooltip(p.edge), p.pointer.DOM));
  network.on("blurNode", () => { tooltip.hidden = true; });
  network.on("blurEdge", () => { tooltip.hidden = true; });
  network.on("dragStart", () => { tooltip.hidden = true; });
  const settlesFirst = Boolean(data.options.physics.enabled);
  network.once("afterDrawing", () => {
    timing.firstDraw = performance.now();
    // Positions are precomputed, so with physics off the first drawing is already the final one.
    // (Drawing the strongest edges first and adding the rest in batches was tried: every batch
    // makes vis-network redo its per-change bookkeeping, and the whole took three times longer.)
    if (!settlesFirst) timing.stabilized = timing.firstDraw;
  });
  if (settlesFirst) {
    // Small graphs: vis refines the layout before drawing it; then it is frozen, so nothing
    // drifts while the analyst reads. The physics switch brings the motion back.
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      document.getElementById("physics").checked = false;
      network.once("afterDrawing", () => { timing.stabilized = performance.now(); });
      network.redraw();
    });
  }

  document.getElementById("page-title").textContent = data.title;
  buildLegendFilters();
  buildOtherControls();
  buildSearch();
  showCounts();
  showHint();

  // For tests, benchmarks and notebooks embedding the page.
  window.entityGraph = {
    network, nodes, edges, timing, findAndFocus, selectNode, selectEdge,
    ready: () => timing.stabilized !== null,
    shownNodeIds: () => nodeView.getIds(),
    shownEdgeIds: () => edgeView.getIds(),
    selectedNode: () => selectedNode,
    data,
    addEdgeFilter: (filter) => { extraEdgeFilters.push(filter); applyFilters(); },
    refresh: () => applyFilters(),
  };
})();
