// A small force-directed layout (repulsion + springs + centring), drawn as SVG.
// No libraries. Labels are set with textContent, so actor names are never parsed as HTML.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var src = document.getElementById("graph-data");
  if (!svg || !src) return;
  var data = JSON.parse(src.textContent);
  var NS = "http://www.w3.org/2000/svg";
  var W = 960, H = 640;
  var nodes = data.nodes.map(function (n, i) {
    var a = 2 * Math.PI * i / Math.max(1, data.nodes.length);
    return { id: n.id, name: n.name, href: n.href, degree: n.degree,
             x: W / 2 + 220 * Math.cos(a), y: H / 2 + 220 * Math.sin(a), vx: 0, vy: 0 };
  });
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var links = data.links.filter(function (l) { return byId[l.source] && byId[l.target]; })
    .map(function (l) { return { s: byId[l.source], t: byId[l.target], kind: l.kind, w: l.weight }; });

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  var defs = el("defs", {}, svg);
  ["acts_on", "quoted_about"].forEach(function (k) {
    var m = el("marker", { id: "arrow-" + k, viewBox: "0 0 10 10", refX: "16", refY: "5", markerWidth: "6",
                           markerHeight: "6", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: k === "acts_on" ? "#e4572e" : "#3b82f6" }, m);
  });
  var gLinks = el("g", {}, svg), gNodes = el("g", {}, svg);
  links.forEach(function (l) {
    l.el = el("line", { "class": l.kind, "stroke-width": String(Math.min(6, 1 + Math.log(1 + l.w))),
                        "marker-end": "url(#arrow-" + l.kind + ")" }, gLinks);
    var t = el("title", {}, l.el);
    t.textContent = l.s.name + (l.kind === "acts_on" ? " acts on " : " quoted about ") + l.t.name + " (" + l.w + ")";
  });
  nodes.forEach(function (n) {
    n.g = el("g", { "class": "node" }, gNodes);
    n.c = el("circle", { r: String(4 + Math.min(10, Math.sqrt(n.degree) * 1.5)) }, n.g);
    var a = el("a", { href: n.href }, n.g);
    n.label = el("text", { dx: "9", dy: "4" }, a);
    n.label.textContent = n.name;
    n.c.addEventListener("pointerdown", function (e) { drag = n; n.fixed = true; svg.setPointerCapture(e.pointerId); });
  });
  var drag = null;
  function toSvg(e) {
    var p = svg.createSVGPoint(); p.x = e.clientX; p.y = e.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var p = toSvg(e); drag.x = p.x; drag.y = p.y; alpha = Math.max(alpha, 0.3); if (!running) run();
  });
  svg.addEventListener("pointerup", function () { drag = null; });

  var alpha = 1, running = false;
  function step() {
    var k = Math.min(140, Math.sqrt(W * H / Math.max(1, nodes.length)) * 0.45);
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < nodes.length; i++) {
      a = nodes[i];
      for (j = i + 1; j < nodes.length; j++) {
        b = nodes[j]; dx = a.x - b.x; dy = a.y - b.y; d2 = dx * dx + dy * dy || 0.01;
        f = k * k / d2 * 0.02; a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
    }
    links.forEach(function (l) {
      dx = l.t.x - l.s.x; dy = l.t.y - l.s.y; d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      f = (d - k) / d * 0.04; l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
    });
    nodes.forEach(function (n) {
      n.vx += (W / 2 - n.x) * 0.012; n.vy += (H / 2 - n.y) * 0.012;
      if (n.fixed) { n.vx = n.vy = 0; return; }
      n.x += Math.max(-30, Math.min(30, n.vx * alpha)); n.y += Math.max(-30, Math.min(30, n.vy * alpha));
      n.x = Math.max(20, Math.min(W - 150, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y));
      n.vx *= 0.6; n.vy *= 0.6;
    });
  }
  function draw() {
    links.forEach(function (l) {
      l.el.setAttribute("x1", l.s.x.toFixed(1)); l.el.setAttribute("y1", l.s.y.toFixed(1));
      l.el.setAttribute("x2", l.t.x.toFixed(1)); l.el.setAttribute("y2", l.t.y.toFixed(1));
    });
    nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
  }
  function run() {
    running = true;
    (function frame() {
      for (var s = 0; s < 3; s++) step();
      draw();
      alpha *= 0.985;
      if (alpha > 0.02 || drag) requestAnimationFrame(frame); else { running = false; svg.dataset.settled = "1"; }
    })();
  }
  draw();
  run();
})();
