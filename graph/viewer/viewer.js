/* entity-graph viewer.
 *
 * All graph data arrives as JSON in <script id="graph-data">. Article text is untrusted, so every
 * piece of it reaches the page through textContent / DOM calls — never innerHTML, never as vis
 * "title" tooltips (vis renders those as HTML). The page's CSP backs this up.
 *
 * A corpus has thousands of entities; the page draws a few hundred at a time. It opens on the most
 * important ones (the overview), and the reader reaches the rest by searching, expanding a node's
 * neighbours, an ego view or the path between two entities. Each view is laid out here, in the
 * browser, so that no two labels overlap; every view goes into a back/forward history.
 */
(function () {
  "use strict";

  const timing = { scriptStart: performance.now(), dataParsed: null, networkBuilt: null, firstDraw: null, stabilized: null };
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  timing.dataParsed = performance.now();
  const entities = data.entities;
  // The evidence and each entity's documents: most of the page's bytes, read once the first view is drawn.
  let details = null;
  const documents = data.documents;
  const typeStyles = Object.fromEntries(data.legend.types.map((t) => [t.id, t]));
  const kindStyles = Object.fromEntries(data.legend.kinds.map((k) => [k.id, k]));
  const SHAPE_GLYPHS = { dot: "●", triangle: "▲", square: "■", diamond: "◆", hexagon: "⬢", triangleDown: "▼" };
  const UNKNOWN_TYPE_STYLE = { id: "unknown", label: "Unknown type", color: "#9d9d9d", shape: "dot" };
  const COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#8cd17d", "#b6992d", "#499894", "#f1ce63", "#a0cbe8",
    "#ffbe7d", "#d4a6c8", "#fabfd2", "#79706e"];
  const OTHER_COMMUNITY_COLOUR = "#c3c7cf";
  const EVIDENCE_SHOWN_AT_FIRST = 25;
  const DOCUMENTS_SHOWN_AT_FIRST = 30;
  const STRONGEST_LINKS_SHOWN = 12;
  const MAX_EDGES_DRAWN = 600; // more makes a hairball, and vis-network slow to take a new view
  const GROWN_EDGES = 300; // lines an expansion adds, at most
  const EXPAND_STEP = 10; // neighbours added per click on "expand"
  const EGO_NEIGHBOURS = 40; // strongest neighbours an ego view draws
  const ISOLATED_SHOWN = 300;
  const SUGGESTIONS = 30;
  const MIN_LABEL_PX = 11.5; // on screen, at the zoom a view opens with
  const FONT_FACE = data.options.nodes.font.face;
  const LABEL_CHARS = 30; // longer names are cut on the canvas (the panel has them whole)
  const WIKIDATA_PAGE = "https://www.wikidata.org/wiki/"; // followed only when the reader clicks the link
  const STATEMENT_KINDS = { direct: "direct quote", indirect: "indirect quote", according_to: "“according to”",
    belief: "belief or estimate", question: "question", negated: "denial or negated speech",
    evaluation: "criticism, praise or endorsement" };
  const MEASURES = { mentions: "mentions", pagerank: "PageRank", statements: "statements made" };

  const filters = {
    types: new Set(data.legend.types.map((t) => t.id)),
    kinds: new Set(data.legend.kinds.map((k) => k.id)),
    minWeight: 1,
  };
  const settings = { measure: "mentions", overviewSize: data.overviewSize, colourBy: "community" };
  let selectedNode = null;
  const extraEdgeFilters = []; // added by the page's other pieces (timeline.js) through addEdgeFilter

  /* ---------- the whole graph, indexed (nothing of it is drawn until a view asks) ---------- */

  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const edgesByNode = indexEdgesByNode(data.edges);
  const relatedIds = Object.keys(entities).filter((id) => edgesByNode.has(id));
  const isolatedIds = Object.keys(entities).filter((id) => !edgesByNode.has(id));
  const logMaxWeight = Math.log1p(Math.max(1, data.maxWeight));

  function indexEdgesByNode(edgeList) {
    const index = new Map();
    for (const edge of edgeList) {
      if (edge.from === edge.to) continue;
      for (const end of [edge.from, edge.to]) {
        if (!index.has(end)) index.set(end, []);
        index.get(end).push(edge);
      }
    }
    return index;
  }

  /* Two relationships between one pair bend opposite ways so that both stay visible. */
  function parallelEdgeBends(edgeList) {
    const seen = new Map();
    const bends = new Map();
    for (const edge of edgeList.slice().sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const pair = edge.from < edge.to ? edge.from + "\u0000" + edge.to : edge.to + "\u0000" + edge.from;
      const rank = seen.get(pair) || 0;
      seen.set(pair, rank + 1);
      if (rank) bends.set(edge.id, 0.18 * Math.ceil(rank / 2) * (rank % 2 ? 1 : -1));
    }
    return bends;
  }

  function passesEdgeFilters(edge) {
    return filters.kinds.has(edge.kind) && edge.weight >= filters.minWeight && extraEdgeFilters.every((f) => f(edge));
  }

  function passesTypeFilter(id) {
    const type = entities[id].type;
    return !typeStyles[type] || filters.types.has(type);
  }

  /* Neighbours with the summed weight of the shown kinds of relationship, strongest first;
   * kept until a filter changes (a path search asks for thousands). */
  const neighbourCache = new Map();

  function neighboursOf(id) {
    if (neighbourCache.has(id)) return neighbourCache.get(id);
    const strength = new Map();
    for (const edge of edgesByNode.get(id) || []) {
      if (!passesEdgeFilters(edge)) continue;
      const other = edge.from === id ? edge.to : edge.from;
      strength.set(other, (strength.get(other) || 0) + edge.weight);
    }
    const found = Array.from(strength, ([other, weight]) => ({ id: other, weight }))
      .sort((a, b) => b.weight - a.weight || importance(b.id) - importance(a.id) || byLabel(a.id, b.id));
    neighbourCache.set(id, found);
    return found;
  }

  function importance(id) {
    return entities[id][settings.measure] || 0;
  }

  function byLabel(a, b) {
    const x = entities[a].label, y = entities[b].label;
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  }

  function ranked(ids) {
    return ids.slice().sort((a, b) => importance(b) - importance(a) || entities[b].mentions - entities[a].mentions || byLabel(a, b));
  }

  /* ---------- how a node and an edge look ---------- */

  const colourCanvas = document.createElement("canvas").getContext("2d");

  function typeStyle(type) {
    return typeStyles[type] || UNKNOWN_TYPE_STYLE;
  }

  function nodeColour(id) {
    const entity = entities[id];
    if (settings.colourBy === "type") return typeStyle(entity.type).color;
    const community = entity.community;
    return community !== null && community < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[community] : OTHER_COMMUNITY_COLOUR;
  }

  function darker(hex) {
    const value = parseInt(hex.slice(1), 16);
    const channel = (shift) => Math.round(((value >> shift) & 255) * 0.72);
    return "#" + ((1 << 24) + (channel(16) << 16) + (channel(8) << 8) + channel(0)).toString(16).slice(1);
  }

  /* Sizes of node and label: the ten most mentioned entities, the next thirty, the rest. */
  const TIERS = [{ radius: 15, font: 18 }, { radius: 11, font: 15 }, { radius: 8, font: 14 }];

  function tierIndex(rank) {
    return rank < 10 ? 0 : rank < 40 ? 1 : 2;
  }

  function shortLabel(id) {
    const label = entities[id].label;
    return label.length > LABEL_CHARS ? label.slice(0, LABEL_CHARS - 1) + "…" : label;
  }

  function visNode(id, tier, position) {
    const colour = nodeColour(id);
    const border = darker(colour);
    return {
      id, x: position.x, y: position.y, label: shortLabel(id), type: entities[id].type,
      shape: typeStyle(entities[id].type).shape, size: tier.radius, font: { size: tier.font },
      color: { background: colour, border },
    };
  }

  function visEdge(edge, bend) {
    const style = kindStyles[edge.kind] || { color: "#cccccc", arrows: "", dashes: false };
    const record = {
      id: edge.id, from: edge.from, to: edge.to, kind: edge.kind, weight: edge.weight,
      arrows: style.arrows, dashes: style.dashes, width: 1 + 5 * Math.log1p(edge.weight) / logMaxWeight,
      color: { color: style.color, highlight: darker(style.color), hover: darker(style.color), opacity: 0.55 },
    };
    if (bend) record.smooth = { enabled: true, type: "curvedCW", roundness: bend };
    return record;
  }

  /* ---------- layout: every label legible, none on another ---------- */

  /* The box a node and its label take up around the node's centre, as vis-network draws it: the
   * label, one font size high, hangs centred below the shape, its top half a font size plus 4 px
   * below the shape's edge. Measured with the canvas, in the page's own font; 3 px to spare above
   * and below, 7 px on each side (two names side by side must not read as one). */
  function boxOf(id, tier) {
    colourCanvas.font = tier.font + "px " + FONT_FACE;
    const width = Math.max(colourCanvas.measureText(shortLabel(id)).width + 14, 2 * tier.radius + 6);
    return { halfWidth: width / 2, above: tier.radius + 3, below: tier.radius + 4 + tier.font * 1.5 + 3 };
  }

  function hashOf(text) {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    return (hash >>> 0) / 4294967296;
  }

  /* A force-directed layout of a few hundred nodes (Fruchterman–Reingold, deterministic), each
   * community starting round its own point so that communities stay together. */
  function forceLayout(ids, boxes) {
    const n = ids.length;
    const index = new Map(ids.map((id, i) => [id, i]));
    const spacing = 110;
    const x = new Float64Array(n), y = new Float64Array(n);
    const communities = Array.from(new Set(ids.map((id) => entities[id].community)));
    const spread = spacing * Math.sqrt(n) * 0.55;
    const centreOf = new Map(communities.map((c, i) => {
      const angle = (2 * Math.PI * i) / communities.length;
      const radius = communities.length > 1 ? spread : 0;
      return [c, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) }];
    }));
    const placedIn = new Map();
    ids.forEach((id, i) => {
      const community = entities[id].community;
      const k = placedIn.get(community) || 0;
      placedIn.set(community, k + 1);
      const angle = k * 2.399963 + hashOf(id) * 0.5;
      const centre = centreOf.get(community);
      x[i] = centre.x + spacing * 0.6 * Math.sqrt(k) * Math.cos(angle);
      y[i] = centre.y + spacing * 0.6 * Math.sqrt(k) * Math.sin(angle);
    });
    const links = [];
    for (const id of ids) {
      for (const edge of edgesByNode.get(id) || []) {
        if (edge.from !== id || !index.has(edge.to) || !passesEdgeFilters(edge)) continue;
        links.push([index.get(edge.from), index.get(edge.to), 0.3 + 0.7 * Math.log1p(edge.weight) / logMaxWeight]);
      }
    }
    const iterations = n > 400 ? 40 : 60;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    const k2 = spacing * spacing;
    let temperature = spread * 0.25;
    for (let step = 0; step < iterations; step++) {
      dx.fill(0);
      dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ddx = x[i] - x[j], ddy = y[i] - y[j];
          let d2 = ddx * ddx + ddy * ddy;
          if (d2 < 0.01) { ddx = 0.1 * (1 + i % 3); ddy = 0.1; d2 = 0.02; }
          const force = k2 / d2;
          dx[i] += ddx * force; dy[i] += ddy * force;
          dx[j] -= ddx * force; dy[j] -= ddy * force;
        }
      }
      for (const [a, b, w] of links) {
        const ddx = x[a] - x[b], ddy = y[a] - y[b];
        const d = Math.sqrt(ddx * ddx + ddy * ddy) + 0.01;
        const force = (d * w) / spacing;
        dx[a] -= ddx * force; dy[a] -= ddy * force;
        dx[b] += ddx * force; dy[b] += ddy * force;
      }
      for (let i = 0; i < n; i++) {
        // gravity, so that small components do not drift off
        dx[i] -= x[i] * 0.02 * Math.sqrt(n);
        dy[i] -= y[i] * 0.02 * Math.sqrt(n);
        const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) + 1e-9;
        const move = Math.min(length, temperature);
        x[i] += (dx[i] / length) * move;
        y[i] += (dy[i] / length) * move;
      }
      temperature = Math.max(2, temperature * 0.92);
    }
    // Squeeze the layout into the screen's shape at the smallest legible zoom, then let the
    // overlaps push it out only as far as the labels need.
    const container = document.getElementById("network");
    const zoom = MIN_LABEL_PX / 14 + 0.05;
    const [width, height] = [Math.max(300, container.clientWidth) / zoom, Math.max(300, container.clientHeight) / zoom];
    const [minX, maxX, minY, maxY] = [Math.min(...x), Math.max(...x), Math.min(...y), Math.max(...y)];
    const sx = Math.min(1, (width * 0.8) / Math.max(1, maxX - minX)), sy = Math.min(1, (height * 0.8) / Math.max(1, maxY - minY));
    const positions = new Map();
    ids.forEach((id, i) => positions.set(id, { x: (x[i] - (minX + maxX) / 2) * sx, y: (y[i] - (minY + maxY) / 2) * sy }));
    removeOverlaps(ids, positions, boxes, new Set());
    // Pushing apart leaves gaps; draw it together again and push apart, a few times.
    for (let round = 0; round < 2; round++) {
      const bounds = boundsOf(ids, { positions, boxes });
      const shrink = Math.max(0.8, Math.min(width / bounds.width, height / bounds.height));
      if (shrink >= 1) break;
      for (const p of positions.values()) { p.x = (p.x - bounds.x) * shrink; p.y = (p.y - bounds.y) * shrink; }
      removeOverlaps(ids, positions, boxes, new Set());
    }
    return positions;
  }

  /* Push apart every two boxes that overlap, along the axis that keeps the screen's shape,
   * until none does. Nodes in ``fixed`` stay where they are (the others move the whole way), if
   * they do not overlap each other.
   * Sweep and prune on x keeps each round near O(n log n). */
  function removeOverlaps(ids, positions, boxes, fixed) {
    const n = ids.length;
    const container = document.getElementById("network");
    const aspect = Math.max(0.5, Math.min(3, (container.clientWidth || 800) / (container.clientHeight || 600)));
    const x = new Float64Array(n), y = new Float64Array(n), half = new Float64Array(n);
    const above = new Float64Array(n), below = new Float64Array(n), share = new Float64Array(n);
    ids.forEach((id, i) => {
      const p = positions.get(id), box = boxes.get(id);
      x[i] = p.x; y[i] = p.y; half[i] = box.halfWidth; above[i] = box.above; below[i] = box.below;
      share[i] = fixed.has(id) ? 0 : 1;
    });
    const order = Array.from({ length: n }, (_, i) => i);
    const lefts = new Float64Array(n);
    let done = false;
    for (let round = 0; round < 120 && !done; round++) {
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (let i = 0; i < n; i++) {
        lefts[i] = x[i] - half[i];
        minX = Math.min(minX, lefts[i]); maxX = Math.max(maxX, x[i] + half[i]);
        minY = Math.min(minY, y[i] - above[i]); maxY = Math.max(maxY, y[i] + below[i]);
      }
      // < 1: the layout is taller than the screen, so sideways pushes are cheaper, and vice versa
      const shape = ((maxX - minX) / Math.max(1, maxY - minY)) / aspect;
      order.sort((a, b) => lefts[a] - lefts[b]);
      done = true;
      for (let a = 0; a < n; a++) {
        const i = order[a];
        for (let b = a + 1; b < n; b++) {
          const j = order[b];
          if (x[j] - half[j] >= x[i] + half[i]) break;
          const overlapX = Math.min(x[i] + half[i], x[j] + half[j]) - Math.max(x[i] - half[i], x[j] - half[j]);
          const overlapY = Math.min(y[i] + below[i], y[j] + below[j]) - Math.max(y[i] - above[i], y[j] - above[j]);
          if (overlapX <= 0 || overlapY <= 0) continue;
          done = false;
          const total = share[i] + share[j];
          if (!total) continue;
          const si = share[i] / total, sj = share[j] / total;
          const tie = (i * 7919 + j) % 2 ? 1 : -1;
          if (overlapX * shape < overlapY) {
            const sign = x[i] < x[j] ? -1 : x[i] > x[j] ? 1 : tie;
            const push = overlapX + 0.5;
            x[i] += sign * push * si; x[j] -= sign * push * sj;
          } else {
            const sign = y[i] < y[j] ? -1 : y[i] > y[j] ? 1 : tie;
            const push = overlapY + 0.5;
            y[i] += sign * push * si; y[j] -= sign * push * sj;
          }
        }
      }
    }
    if (!done) settleOneByOne(x, y, half, above, below, share);
    ids.forEach((id, i) => positions.set(id, { x: x[i], y: y[i] }));
  }

  /* What pushing left overlapping (a crowded spot where pushes cancel out): the fixed nodes
   * first, then the others in the order given, each into the nearest free spot on a spiral round
   * where it is. Always ends with no two boxes overlapping. */
  function settleOneByOne(x, y, half, above, below, share) {
    const n = x.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => share[a] - share[b] || a - b);
    const CELL = 64;
    const grid = new Map(); // cell -> the placed boxes that touch it
    const cellsOf = (i, cx, cy, visit) => {
      for (let gx = Math.floor((cx - half[i]) / CELL); gx <= Math.floor((cx + half[i]) / CELL); gx++) {
        for (let gy = Math.floor((cy - above[i]) / CELL); gy <= Math.floor((cy + below[i]) / CELL); gy++) {
          if (visit(gx + "," + gy)) return true;
        }
      }
      return false;
    };
    const overlapsPlaced = (i, cx, cy) => cellsOf(i, cx, cy, (cell) => (grid.get(cell) || []).some((j) =>
      Math.abs(cx - x[j]) < half[i] + half[j] && cy - above[i] < y[j] + below[j] && y[j] - above[j] < cy + below[i]));
    for (const i of order) {
      let cx = x[i], cy = y[i];
      for (let k = 1; overlapsPlaced(i, cx, cy); k++) {
        const radius = 8 * Math.sqrt(k), angle = k * 2.399963;
        cx = x[i] + radius * Math.cos(angle) * 2;
        cy = y[i] + radius * Math.sin(angle);
      }
      x[i] = cx; y[i] = cy;
      cellsOf(i, cx, cy, (cell) => {
        if (!grid.has(cell)) grid.set(cell, []);
        grid.get(cell).push(i);
        return false;
      });
    }
  }

  /* New nodes go on a spiral round their anchor, then the overlaps are pushed out of the way of
   * the nodes already drawn, which stay put. */
  function placeNear(newIds, anchorOf, positions, boxes) {
    const children = new Map();
    for (const id of newIds) {
      const anchor = anchorOf(id);
      const centre = anchor && positions.has(anchor) ? positions.get(anchor) : centreOfView(positions);
      const k = children.get(anchor) || 0;
      children.set(anchor, k + 1);
      const radius = 90 + 26 * Math.sqrt(k);
      const angle = k * 2.399963 + hashOf(id);
      positions.set(id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
    const fixed = new Set(Array.from(positions.keys()).filter((id) => !newIds.includes(id)));
    removeOverlaps(Array.from(positions.keys()), positions, boxes, fixed);
  }

  function centreOfView(positions) {
    let sx = 0, sy = 0, n = 0;
    for (const p of positions.values()) { sx += p.x; sy += p.y; n++; }
    return n ? { x: sx / n, y: sy / n } : { x: 0, y: 0 };
  }

  /* ---------- views: what is drawn, and the history of them ---------- */

  // A view: { title, ids (drawing order = importance), positions: Map id -> {x, y}, focus, highlight }
  const history = [];
  let current = -1;
  let view = null;

  /* Each entity's size, by its rank in mentions in the whole corpus: the same in every view, so
   * that a new view only moves the nodes it shares with the last one (resizing costs far more). */
  let mentionRanks = null;

  function tiersFor(ids) {
    if (!mentionRanks) {
      const order = relatedIds.slice().sort((a, b) => entities[b].mentions - entities[a].mentions || byLabel(a, b));
      mentionRanks = new Map(order.map((id, rank) => [id, rank]));
    }
    const tiers = new Map();
    for (const id of ids) tiers.set(id, TIERS[tierIndex(mentionRanks.has(id) ? mentionRanks.get(id) : Infinity)]);
    return tiers;
  }

  function boxesFor(ids, tiers) {
    return new Map(ids.map((id) => [id, boxOf(id, tiers.get(id))]));
  }

  function makeView(title, ids, place, extra) {
    const tiers = tiersFor(ids);
    const boxes = boxesFor(ids, tiers);
    const highlight = extra && extra.highlight;
    return { title, ids, tiers, boxes, positions: place(ids, boxes), edges: drawnEdges(new Set(ids), highlight), ...(extra || {}) };
  }

  function overviewIds() {
    return ranked(relatedIds.filter(passesTypeFilter)).slice(0, Math.max(1, settings.overviewSize));
  }

  /* The overview of the current measure, size and types; each laid out once (the other measures'
   * in idle time after the first drawing), as laying out is most of the cost of switching. */
  const overviews = new Map();

  function overviewView() {
    const key = [settings.measure, settings.overviewSize, Array.from(filters.types).sort().join(",")].join("|");
    if (!overviews.has(key)) {
      overviews.set(key, makeView("Top " + settings.overviewSize + " by " + MEASURES[settings.measure], overviewIds(),
        forceLayout));
    }
    return overviews.get(key);
  }

  function prepareOverview(measure) {
    const current = settings.measure;
    settings.measure = measure;
    try {
      overviewView();
    } finally {
      settings.measure = current;
    }
  }

  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const nodeView = new vis.DataView(nodes, { filter: (node) => passesTypeFilter(node.id) });
  const edgeView = new vis.DataView(edges, { filter: passesEdgeFilters });

  function edgesAmong(idSet) {
    const found = [];
    for (const id of idSet) {
      for (const edge of edgesByNode.get(id) || []) {
        if (edge.from === id && idSet.has(edge.to)) found.push(edge);
      }
    }
    return found;
  }

  /* The relationships among the drawn entities, the strongest first, at most MAX_EDGES_DRAWN:
   * each entity's strongest, then the strongest of the rest. */
  function drawnEdges(idSet, highlight) {
    const among = edgesAmong(idSet);
    if (among.length <= MAX_EDGES_DRAWN) return among;
    among.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
    const chosen = new Set(highlight || []);
    const covered = new Set();
    for (const edge of among) {
      if (!covered.has(edge.from) || !covered.has(edge.to)) chosen.add(edge.id);
      covered.add(edge.from);
      covered.add(edge.to);
    }
    for (const edge of among) {
      if (chosen.size >= MAX_EDGES_DRAWN) break;
      chosen.add(edge.id);
    }
    return among.filter((e) => chosen.has(e.id));
  }

  /* Put a drawn node at ``position``. vis-network's own moveNode redraws the whole network once
   * per node a moment later (its physics, though off, asks for it), which after a new view of a
   * few hundred nodes takes seconds; the node's place is set directly instead (vis 9.1.2). */
  function placeNode(id, position) {
    const node = network.body.nodes[id];
    if (node) { node.x = position.x; node.y = position.y; }
  }

  /* Draw ``next``: only what changed goes to vis-network (a few nodes on "expand"). */
  function draw(next) {
    const before = view ? view : { ids: [], positions: new Map(), tiers: new Map(), highlight: null };
    const after = new Set(next.ids);
    const removed = before.ids.filter((id) => !after.has(id));
    // A new node goes to vis as a whole record, a resized one as its new size; a node that only
    // moves is moved (much cheaper).
    const added = [], resized = [], moved = [];
    for (const id of next.ids) {
      const was = before.positions.get(id), now = next.positions.get(id);
      const tierWas = before.tiers.get(id), tierNow = next.tiers.get(id);
      if (!was) added.push(visNode(id, tierNow, now));
      else if (tierWas.font !== tierNow.font || tierWas.radius !== tierNow.radius) {
        resized.push({ id, x: now.x, y: now.y, size: tierNow.radius, font: { size: tierNow.font } });
      } else if (was.x !== now.x || was.y !== now.y) moved.push(id);
    }
    const wanted = next.edges;
    const wantedIds = new Set(wanted.map((e) => e.id));
    const present = new Set(edges.getIds());
    const gone = Array.from(present).filter((id) => !wantedIds.has(id));
    if (gone.length) edges.remove(gone);
    if (removed.length) nodes.remove(removed);
    if (added.length || resized.length) nodes.update(added.concat(resized));
    for (const id of moved) placeNode(id, next.positions.get(id));
    if (moved.length) network.body.emitter.emit("_requestRedraw"); // in the next frame, with the rest
    const bends = parallelEdgeBends(wanted);
    const addedEdges = wanted.filter((e) => !present.has(e.id));
    if (addedEdges.length) edges.add(addedEdges.map((e) => visEdge(e, bends.get(e.id))));
    const relit = wanted.filter((e) => present.has(e.id) &&
      Boolean(before.highlight && before.highlight.has(e.id)) !== Boolean(next.highlight && next.highlight.has(e.id)));
    if (relit.length) edges.update(relit.map((e) => ({ id: e.id, width: visEdge(e).width })));
    if (next.highlight) edges.update(wanted.filter((e) => next.highlight.has(e.id)).map((e) => ({ id: e.id, width: 7 })));
    view = next;
    if (selectedNode && !after.has(selectedNode)) network.unselectAll();
    showViewTitle();
    showCounts();
    showCommunities();
  }

  function go(next) {
    history.splice(current + 1);
    history.push(next);
    current = history.length - 1;
    draw(next);
    frame(next);
    updateHistoryButtons();
  }

  function stepHistory(step) {
    const target = current + step;
    if (target < 0 || target >= history.length) return;
    current = target;
    draw(history[current]);
    frame(history[current]);
    updateHistoryButtons();
  }

  function updateHistoryButtons() {
    document.getElementById("back").disabled = current <= 0;
    document.getElementById("forward").disabled = current >= history.length - 1;
  }

  /* Fit the view (or its ``focus``) on screen, but never so far out that a label drops below
   * MIN_LABEL_PX; then the reader pans to see the rest. */
  function frame(target) {
    const focusIds = (target.focus || target.ids).filter((id) => target.positions.has(id));
    const bounds = boundsOf(focusIds.length ? focusIds : target.ids, target);
    const container = document.getElementById("network");
    const fitScale = Math.min(container.clientWidth / bounds.width, container.clientHeight / bounds.height);
    const smallestFont = Math.min(...target.ids.map((id) => target.tiers.get(id).font));
    const scale = Math.max(MIN_LABEL_PX / smallestFont, Math.min(1.3, fitScale));
    network.moveTo({ position: { x: bounds.x, y: bounds.y }, scale, animation: false });
  }

  function boundsOf(ids, target) {
    let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    for (const id of ids) {
      const p = target.positions.get(id), box = target.boxes.get(id);
      left = Math.min(left, p.x - box.halfWidth); right = Math.max(right, p.x + box.halfWidth);
      top = Math.min(top, p.y - box.above); bottom = Math.max(bottom, p.y + box.below);
    }
    const margin = 20;
    return { x: (left + right) / 2, y: (top + bottom) / 2, width: right - left + 2 * margin, height: bottom - top + 2 * margin };
  }

  function showViewTitle() {
    document.getElementById("view-title").textContent = view ? view.title : "";
  }

  function showCounts() {
    const shownNodes = nodeView.length;
    const shownEdges = edgeView.length;
    document.getElementById("counts").textContent =
      shownNodes + " of " + plural(Object.keys(entities).length, "entity", "entities") + ", " +
      shownEdges + " of " + plural(data.edges.length, "relationship") + " drawn";
  }

  /* ---------- the analyst's moves ---------- */

  function showOverview() {
    go(overviewView());
  }

  /* Draw ``id`` too (next to its strongest drawn neighbour), if it is not drawn yet. */
  function reveal(id) {
    if (view.positions.has(id)) return;
    const ids = view.ids.concat([id]);
    const drawn = new Set(view.ids);
    go(growView(ids, [id], (newId) => (neighboursOf(newId).find((nb) => drawn.has(nb.id)) || {}).id,
      "+ " + entities[id].label, [id]));
  }

  /* The view so far plus ``added``: the nodes drawn keep their places, sizes and lines; the new
   * ones are placed round their anchors, in the smallest size, with their relationships to the
   * nodes drawn (the strongest GROWN_EDGES of them). */
  function growView(ids, added, anchorOf, title, focus) {
    const tiers = new Map(view.tiers);
    for (const [id, tier] of tiersFor(added)) tiers.set(id, tier);
    const boxes = new Map(view.boxes);
    for (const id of added) boxes.set(id, boxOf(id, tiers.get(id)));
    const positions = new Map(Array.from(view.positions, ([id, p]) => [id, { x: p.x, y: p.y }]));
    placeNear(added, anchorOf, positions, boxes);
    const all = new Set(ids), seen = new Set();
    const grown = [];
    for (const id of added) {
      for (const edge of edgesByNode.get(id) || []) {
        if (all.has(edge.from) && all.has(edge.to) && !seen.has(edge.id)) { seen.add(edge.id); grown.push(edge); }
      }
    }
    grown.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
    return { title, ids, tiers, boxes, positions, focus, edges: view.edges.concat(grown.slice(0, GROWN_EDGES)) };
  }

  /* The next EXPAND_STEP strongest neighbours of ``id`` that are not drawn yet. */
  function expand(id) {
    const drawn = new Set(view.ids);
    const added = neighboursOf(id).filter((nb) => !drawn.has(nb.id) && passesTypeFilter(nb.id))
      .slice(0, EXPAND_STEP).map((nb) => nb.id);
    if (!drawn.has(id)) added.unshift(id);
    if (!added.length) return 0;
    go(growView(view.ids.concat(added), added, (newId) => (newId === id ? null : id),
      "Expanded " + entities[id].label, [id].concat(added)));
    return added.length;
  }

  function hiddenNeighbourCount(id) {
    const drawn = new Set(view ? view.ids : []);
    return neighboursOf(id).filter((nb) => !drawn.has(nb.id)).length;
  }

  /* ``id`` and its strongest neighbours, alone: the centre in the middle, the neighbours round it
   * by community. */
  function egoView(id) {
    const around = neighboursOf(id).filter((nb) => passesTypeFilter(nb.id)).slice(0, EGO_NEIGHBOURS).map((nb) => nb.id);
    const ids = [id].concat(around);
    go(makeView("Ego view of " + entities[id].label, ids, (all, boxes) => {
      const positions = new Map([[id, { x: 0, y: 0 }]]);
      const ring = around.slice().sort((a, b) => (entities[a].community ?? 1e9) - (entities[b].community ?? 1e9) || byLabel(a, b));
      const radius = Math.max(180, ring.length * 24);
      ring.forEach((other, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, ring.length) - Math.PI / 2;
        positions.set(other, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
      });
      removeOverlaps(all, positions, boxes, new Set([id]));
      return positions;
    }));
    selectNode(id);
  }

  /* The path between two entities that goes over the strongest links: Dijkstra, each link costing
   * 1 / its summed weight (of the kinds of relationship shown). */
  function strongestPath(source, target) {
    const cost = new Map([[source, 0]]);
    const previous = new Map();
    const heap = [[0, source]];
    const done = new Set();
    while (heap.length) {
      const [distance, id] = heapPop(heap);
      if (done.has(id)) continue;
      done.add(id);
      if (id === target) break;
      for (const nb of neighboursOf(id)) {
        if (done.has(nb.id) || !passesTypeFilter(nb.id)) continue;
        const next = distance + 1 / nb.weight;
        if (next < (cost.has(nb.id) ? cost.get(nb.id) : Infinity)) {
          cost.set(nb.id, next);
          previous.set(nb.id, id);
          heapPush(heap, [next, nb.id]);
        }
      }
    }
    if (!done.has(target)) return null;
    const path = [target];
    while (path[0] !== source) path.unshift(previous.get(path[0]));
    return path;
  }

  function heapPush(heap, item) {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent][0] <= item[0]) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  function heapPop(heap) {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && heap[child + 1][0] < heap[child][0]) child++;
        if (heap[child][0] >= last[0]) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  /* The strongest relationship (of the shown kinds) between two entities. */
  function strongestEdge(a, b) {
    return (edgesByNode.get(a) || []).filter((e) => (e.from === b || e.to === b) && passesEdgeFilters(e))
      .sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : 1))[0];
  }

  function showPath(fromQuery, toQuery) {
    const status = document.getElementById("path-status");
    const source = findEntity(fromQuery), target = findEntity(toQuery);
    if (!source || !target) {
      status.textContent = "Nothing named “" + (!source ? fromQuery : toQuery).trim() + "”";
      return null;
    }
    const path = source === target ? [source] : strongestPath(source, target);
    if (!path) {
      status.textContent = entities[source].label + " and " + entities[target].label + " are not connected";
      return null;
    }
    status.textContent = plural(path.length - 1, "step");
    const hops = path.slice(1).map((id, i) => strongestEdge(path[i], id));
    go(makeView("Path from " + entities[source].label + " to " + entities[target].label, path, (ids, boxes) => {
      const positions = new Map();
      let x = 0;
      ids.forEach((id, i) => {
        const box = boxes.get(id);
        x += i ? box.halfWidth + 60 : 0;
        positions.set(id, { x, y: i % 2 ? 70 : 0 });
        x += box.halfWidth;
      });
      removeOverlaps(ids, positions, boxes, new Set());
      return positions;
    }, { highlight: new Set(hops.map((e) => e.id)), path }));
    showPathPanel(path, hops);
    return path;
  }

  const waitingForDetails = []; // the page's other pieces that need the evidence (timeline.js)

  function pageDetails() {
    if (!details) {
      const block = document.getElementById("graph-details");
      // (a click in the moment before the browser has read that far: nothing yet, no error)
      if (!block || document.readyState === "loading") return { relations: {}, entityDocuments: {}, sentences: [] };
      details = JSON.parse(block.textContent);
      timing.detailsParsed = performance.now();
      for (const callback of waitingForDetails.splice(0)) callback(details);
    }
    return details;
  }

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
    return n.toLocaleString("en") + " " + (n === 1 ? one : many || one + "s");
  }

  /* ---------- the left panel: overview, path, colours, filters, isolated entities ---------- */

  function buildOverviewControls() {
    const size = document.getElementById("overview-size");
    size.value = String(settings.overviewSize);
    size.max = String(Math.max(1, relatedIds.length));
    const measure = document.getElementById("measure");
    const apply = () => {
      settings.overviewSize = Math.max(1, Math.round(Number(size.value) || data.overviewSize));
      settings.measure = MEASURES[measure.value] ? measure.value : "mentions";
      neighbourCache.clear(); // ties between neighbours go by the measure
      showOverview();
    };
    size.addEventListener("change", apply);
    measure.addEventListener("change", apply);
    document.getElementById("overview").addEventListener("click", apply);
    document.getElementById("back").addEventListener("click", () => stepHistory(-1));
    document.getElementById("forward").addEventListener("click", () => stepHistory(1));
    const pathFrom = document.getElementById("path-from"), pathTo = document.getElementById("path-to");
    const runPath = () => showPath(pathFrom.value, pathTo.value);
    document.getElementById("path-button").addEventListener("click", runPath);
    for (const input of [pathFrom, pathTo]) {
      input.addEventListener("keydown", (event) => { if (event.key === "Enter") runPath(); });
    }
    document.getElementById("colour-by").addEventListener("change", (event) => {
      settings.colourBy = event.target.value === "type" ? "type" : "community";
      nodes.update(view.ids.map((id) => visNode(id, view.tiers.get(id), network.getPositions([id])[id] || view.positions.get(id))));
      showCommunities();
    });
  }

  /* The communities drawn, largest first, each named by its most important members drawn. */
  function showCommunities() {
    const list = document.getElementById("communities");
    clear(list);
    if (settings.colourBy !== "community" || !view) return;
    const members = new Map();
    for (const id of ranked(view.ids)) {
      const community = entities[id].community;
      if (!members.has(community)) members.set(community, []);
      members.get(community).push(id);
    }
    const groups = Array.from(members).sort((a, b) => b[1].length - a[1].length || (a[0] ?? 1e9) - (b[0] ?? 1e9));
    for (const [community, ids] of groups.slice(0, 12)) {
      const item = el("li", "community");
      const swatch = el("span", "glyph", "●");
      swatch.style.color = community !== null && community < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[community] : OTHER_COMMUNITY_COLOUR;
      item.append(swatch, el("span", "community-names", ids.slice(0, 3).map((id) => entities[id].label).join(", ")),
        el("span", "count", ids.length));
      list.append(item);
    }
    if (groups.length > 12) list.append(el("li", "hint", "and " + plural(groups.length - 12, "smaller community", "smaller communities")));
  }

  function buildLegendFilters() {
    const typeCounts = countBy(Object.values(entities), "type");
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
    label.append(box, ...labelParts, el("span", "count", count.toLocaleString("en")));
    item.append(label);
    return item;
  }

  function applyFilters() {
    neighbourCache.clear();
    nodeView.refresh();
    edgeView.refresh();
    // vis takes a node back from the data set, where a moved node's place is out of date
    for (const id of view.ids) placeNode(id, view.positions.get(id));
    showCounts();
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
    const physicsBox = document.getElementById("physics");
    physicsBox.checked = false;
    physicsBox.addEventListener("change", () => {
      network.setOptions({ physics: { enabled: physicsBox.checked } });
      // A bounded number of iterations first, so the view settles in a second, not minutes
      if (physicsBox.checked) network.stabilize(data.options.physics.stabilization.iterations);
    });
    document.getElementById("fit").addEventListener("click", () => network.fit({ animation: true }));
  }

  /* Entities related to nobody are listed, not drawn; the list is built when first opened. */
  function buildIsolatedList() {
    const details = document.getElementById("isolated");
    details.querySelector("summary").textContent = "Related to no other entity (" + isolatedIds.length.toLocaleString("en") + ")";
    if (!isolatedIds.length) { details.hidden = true; return; }
    details.addEventListener("toggle", () => {
      const list = document.getElementById("isolated-list");
      if (!details.open || list.childNodes.length) return;
      const sorted = isolatedIds.slice().sort((a, b) => entities[b].mentions - entities[a].mentions || byLabel(a, b));
      for (const id of sorted.slice(0, ISOLATED_SHOWN)) {
        const item = el("li");
        item.append(button("link-button", entities[id].label, () => selectNode(id)),
          el("span", "count", entities[id].mentions));
        list.append(item);
      }
      if (sorted.length > ISOLATED_SHOWN) list.append(el("li", "hint", "and " + (sorted.length - ISOLATED_SHOWN).toLocaleString("en") + " more: search for them"));
    });
  }

  /* ---------- search (any name or alias) ---------- */

  // Every name and alias, lower-cased -> the most mentioned entity of that name; built once the
  // first view is drawn (or at the first search, if that comes sooner).
  let nameIndex = null;

  function names() {
    if (nameIndex) return nameIndex;
    nameIndex = new Map();
    for (const [id, entity] of Object.entries(entities)) {
      for (const name of [entity.label, ...entity.aliases]) {
        const key = name.toLocaleLowerCase();
        if (!nameIndex.has(key) || moreMentioned(id, nameIndex.get(key))) nameIndex.set(key, id);
      }
    }
    return nameIndex;
  }

  function moreMentioned(a, b) {
    return entities[a].mentions > entities[b].mentions || (entities[a].mentions === entities[b].mentions && a < b);
  }

  /* The suggestions list holds only the names that match what is typed so far. */
  function suggest(query) {
    const key = query.trim().toLocaleLowerCase();
    const list = document.getElementById("search-names");
    clear(list);
    if (!key) return;
    const starts = [], contains = [];
    for (const [name, id] of names()) {
      if (name.startsWith(key)) starts.push([name, id]); else if (name.includes(key)) contains.push([name, id]);
    }
    const byBest = (a, b) => entities[b[1]].mentions - entities[a[1]].mentions || (a[0] < b[0] ? -1 : 1);
    for (const [key, id] of starts.sort(byBest).concat(contains.sort(byBest)).slice(0, SUGGESTIONS)) {
      const best = entities[id];
      const name = best.label.toLocaleLowerCase() === key ? best.label : best.aliases.find((a) => a.toLocaleLowerCase() === key) || key;
      const option = el("option");
      option.value = name;
      if (best.label !== name) option.label = name + " → " + best.label;
      list.append(option);
    }
  }

  function buildSearch() {
    const input = document.getElementById("search");
    for (const box of document.querySelectorAll('input[list="search-names"]')) {
      box.addEventListener("input", (event) => {
        // Picking a suggestion from the list goes straight to the entity.
        if (box === input && (event.inputType === "insertReplacementText" || event.inputType === undefined) &&
            names().has(input.value.trim().toLocaleLowerCase())) {
          findAndFocus(input.value);
          return;
        }
        suggest(box.value);
      });
    }
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") findAndFocus(input.value);
    });
    document.getElementById("search-button").addEventListener("click", () => findAndFocus(input.value));
  }

  /* The entity of that name or alias; else the best-known whose name starts with it, else
   * contains it. */
  function findEntity(query) {
    const key = query.trim().toLocaleLowerCase();
    if (!key) return null;
    if (names().has(key)) return names().get(key);
    let best = null;
    for (const [name, id] of names()) if (name.startsWith(key) && (!best || moreMentioned(id, best))) best = id;
    if (!best) for (const [name, id] of names()) if (name.includes(key) && (!best || moreMentioned(id, best))) best = id;
    return best;
  }

  function findAndFocus(query) {
    const status = document.getElementById("search-status");
    const id = findEntity(query);
    if (!id) {
      status.textContent = query.trim() ? "Nothing named “" + query.trim() + "”" : "";
      return null;
    }
    status.textContent = "";
    revealType(id);
    if (edgesByNode.has(id)) reveal(id);
    selectNode(id);
    // Close enough to read the neighbours' labels, far enough to see where it sits
    if (isNodeShownById(id)) {
      network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    }
    return id;
  }

  function revealType(id) {
    // A found entity must be visible even if a filter hid it: switch its type back on.
    const type = entities[id].type;
    if (typeStyles[type] && !filters.types.has(type)) {
      filters.types.add(type);
      const box = document.querySelector('#type-filters input[data-type="' + CSS.escape(type) + '"]');
      if (box) box.checked = true;
      applyFilters();
    }
  }

  function isNodeShownById(id) {
    const node = nodeView.get(id);
    return node !== null && node !== undefined;
  }

  /* ---------- the details panel: one function per panel and per section ---------- */

  const panel = document.getElementById("details");

  function selectNode(id) {
    selectedNode = id;
    // The panel can lead to an entity that is not drawn; vis throws on selecting what it doesn't draw.
    if (isNodeShownById(id)) network.selectNodes([id]); else network.unselectAll();
    showNode(id);
  }

  function selectEdge(edgeId) {
    if (edgeView.get(edgeId)) network.selectEdges([edgeId]); else network.unselectAll();
    showEdge(edgeId);
  }

  function showHint() {
    clear(panel);
    panel.append(el("p", "hint", "Click an entity to see its names, documents and strongest links, and to " +
      "expand it or see its ego view; click a relationship to read the sentences it rests on. " +
      "Search any name above; ← and → step through the views."));
  }

  function typeBadge(type) {
    const style = typeStyle(type);
    const badge = el("span", "badge", style.label);
    badge.style.background = style.color;
    return badge;
  }

  function showNode(id) {
    const entity = entities[id];
    clear(panel);
    panel.append(el("h2", null, entity.label), typeBadge(entity.type));
    panel.append(el("p", "facts", plural(entity.mentions, "mention") + " in " +
      plural((pageDetails().entityDocuments[id] || []).length, "document") +
      (entity.statements ? " · " + plural(entity.statements, "statement") + " attributed" : "")));
    panel.append(entityActions(id));
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
    panel.append(documentList("Named in", pageDetails().entityDocuments[id] || []));
    announce("entity", { id, entity });
  }

  // The review piece (review.js) adds its part to the panels it hears of.
  function announce(name, detail) {
    panel.dispatchEvent(new CustomEvent("entitygraph:" + name, { detail }));
  }

  /* Expand, ego view and path: the moves from one entity to the rest of the graph. */
  function entityActions(id) {
    const actions = el("div", "actions");
    if (!edgesByNode.has(id)) {
      actions.append(el("span", "hint", "Related to no other entity."));
      return actions;
    }
    const hidden = hiddenNeighbourCount(id);
    const expandButton = button("action expand", hidden ? "Expand (+" + Math.min(EXPAND_STEP, hidden) + " of " + hidden + ")" : "All neighbours drawn",
      () => { expand(id); selectNode(id); });
    expandButton.disabled = !hidden && view.positions.has(id);
    actions.append(expandButton,
      button("action ego", "Ego view", () => egoView(id)),
      button("action path-from", "Path from here…", () => {
        document.getElementById("path-from").value = entities[id].label;
        document.getElementById("path-to").focus();
      }));
    return actions;
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
        button("link-button", entities[other].label, () => { reveal(other); selectNode(other); focusQuietly(other); }),
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
    for (const docId of docIds.slice(0, DOCUMENTS_SHOWN_AT_FIRST)) list.append(documentItem(docId));
    section.append(list);
    if (docIds.length > DOCUMENTS_SHOWN_AT_FIRST) {
      const more = button("show-all", "Show all " + docIds.length, () => {
        more.remove();
        for (const docId of docIds.slice(DOCUMENTS_SHOWN_AT_FIRST)) list.append(documentItem(docId));
      });
      section.append(more);
    }
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

  function showPathPanel(path, hops) {
    clear(panel);
    panel.append(el("h2", null, "Path: " + plural(hops.length, "step")));
    panel.append(el("p", "facts", "Over the strongest links between " + entities[path[0]].label + " and " +
      entities[path[path.length - 1]].label + ". Click a weight to read its evidence."));
    const list = el("ol", "path-steps");
    hops.forEach((edge, i) => {
      const item = el("li");
      const kind = kindStyles[edge.kind] || { label: edge.kind };
      item.append(button("link-button", entities[path[i]].label, () => selectNode(path[i])), el("span", null, " — "),
        button("link-button", entities[path[i + 1]].label, () => selectNode(path[i + 1])),
        el("span", "doc-meta", " " + kind.label + " "),
        button("link-button weight", "×" + edge.weight, () => selectEdge(edge.id)));
      list.append(item);
    });
    panel.append(list);
  }

  function showEdge(edgeId) {
    const edge = edgeById.get(edgeId);
    const relation = pageDetails().relations[edgeId] || { kind: edge.kind, weight: edge.weight, documents: [], evidence: [] };
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

  /* One evidence item -> its sentence, the two entities' names highlighted, and its facts. The
   * only place that turns evidence into page content. */
  function evidenceItem(item, kind, highlighter) {
    const li = el("li");
    const isStatement = kind === "attribution" || kind === "reported_by" || item.statement !== undefined;
    const sentence = el("p", "sentence" + (isStatement ? " quote" : ""));
    highlighter(sentence, sentenceText(item));
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

  // Evidence may name its sentence by index into the details' sentence table (each text once).
  function sentenceText(item) {
    return typeof item.sentence === "number" ? (pageDetails().sentences || [])[item.sentence] || "" : item.sentence || "";
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
    return entity.label + " · " + typeStyle(entity.type).label + " · " + plural(entity.mentions, "mention");
  }

  function edgeTooltip(id) {
    const edge = edgeById.get(id);
    const kind = kindStyles[edge.kind] ? kindStyles[edge.kind].label : edge.kind;
    return nameOf(edge.from) + (kindStyles[edge.kind] && kindStyles[edge.kind].arrows ? " → " : " — ") +
      nameOf(edge.to) + " · " + kind + " ×" + edge.weight;
  }

  /* ---------- start ---------- */

  const layoutStart = performance.now();
  const first = overviewView();
  timing.layout = performance.now() - layoutStart;
  history.push(first);
  current = 0;
  const network = new vis.Network(
    document.getElementById("network"), { nodes: nodeView, edges: edgeView }, data.options);
  draw(first);
  frame(first);
  timing.networkBuilt = performance.now();

  network.on("click", (params) => {
    if (params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else {
      selectedNode = null;
      showHint();
    }
  });
  network.on("doubleClick", (params) => { if (params.nodes.length) { expand(params.nodes[0]); selectNode(params.nodes[0]); } });
  network.on("hoverNode", (p) => showTooltip(nodeTooltip(p.node), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTooltip(edgeTooltip(p.edge), p.pointer.DOM));
  network.on("blurNode", () => { tooltip.hidden = true; });
  network.on("blurEdge", () => { tooltip.hidden = true; });
  network.on("dragStart", () => { tooltip.hidden = true; });
  network.on("dragEnd", (params) => {
    // a dragged node keeps its place when the reader comes back to this view
    for (const id of params.nodes) if (view.positions.has(id)) view.positions.set(id, network.getPositions([id])[id]);
  });
  network.once("afterDrawing", () => {
    // Every view is laid out before vis-network sees it: the first drawing is the final one.
    timing.firstDraw = performance.now();
    timing.stabilized = timing.firstDraw;
    // Then, before the reader's first click: the evidence, the names to search, the other overviews.
    const idleWork = [pageDetails, names, () => prepareOverview("pagerank"), () => prepareOverview("statements")];
    // One piece per task, so a click in between waits for one piece at most. Messages, not
    // timers: Chromium delays timers by seconds while a page is still settling.
    const channel = new MessageChannel();
    const next = () => {
      if (!idleWork.length) { timing.idleWorkDone = performance.now(); return; }
      idleWork.shift()();
      channel.port2.postMessage(null);
    };
    channel.port1.onmessage = next;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", next); else next();
  });

  document.getElementById("page-title").textContent = data.title;
  buildOverviewControls();
  buildLegendFilters();
  buildOtherControls();
  buildIsolatedList();
  buildSearch();
  updateHistoryButtons();
  showHint();

  // For tests, benchmarks and notebooks embedding the page.
  window.entityGraph = {
    network, nodes, edges, timing, findAndFocus, selectNode, selectEdge, expand, egoView, showPath, showOverview,
    back: () => stepHistory(-1), forward: () => stepHistory(1),
    ready: () => timing.idleWorkDone !== undefined,
    shownNodeIds: () => nodeView.getIds(),
    shownEdgeIds: () => edgeView.getIds(),
    selectedNode: () => selectedNode,
    viewTitle: () => (view ? view.title : ""),
    // for the page's other pieces: the data read at once; the details (relations, each entity's
    // documents) once read; an edge filter of their own; a new look at the filters
    data,
    whenDetails: (callback) => { if (details) callback(details); else waitingForDetails.push(callback); },
    addEdgeFilter: (filter) => { extraEdgeFilters.push(filter); applyFilters(); },
    refresh: () => applyFilters(),
    pathShown: () => (view && view.path ? view.path.slice() : null),
    dom: { el, button },  // the text-only DOM helpers, for the review piece
  };
})();
