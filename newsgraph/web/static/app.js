// newsgraph pages: tooltips for highlights and layer toggles. No libraries; text is set with
// textContent only, so nothing from an article is ever parsed as HTML.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var pinned = null;

  function tipText(el) {
    var lines = [];
    for (var n = el; n && n.id !== "text"; n = n.parentElement) {
      if (!n.dataset || !n.dataset.layer || n.closest(".off-" + n.dataset.layer)) continue;
      var first = document.getElementById(n.dataset.layer + "-" + n.dataset.ref);
      if (first && first.dataset.tip && lines.indexOf(first.dataset.tip) < 0) lines.push(first.dataset.tip);
    }
    return lines.join("\n\n");
  }
  function show(el, x, y) {
    var text = tipText(el);
    if (!text || !tip) return;
    tip.textContent = text;
    tip.hidden = false;
    var w = tip.offsetWidth;
    tip.style.left = Math.max(8, Math.min(x + 12, window.scrollX + document.documentElement.clientWidth - w - 8)) + "px";
    tip.style.top = (y + 16) + "px";
  }
  function hide() { if (tip && !pinned) tip.hidden = true; }
  function mark(ref, on) {
    document.querySelectorAll('.q[data-ref="' + CSS.escape(ref) + '"]').forEach(function (n) {
      n.classList.toggle("active", on);
    });
  }

  var text = document.getElementById("text");
  if (text) {
    text.addEventListener("mouseover", function (e) {
      var el = e.target.closest("[data-layer]");
      if (el && !pinned) show(el, e.pageX, e.pageY);
      var q = e.target.closest(".q");
      if (q) mark(q.dataset.ref, true);
    });
    text.addEventListener("mouseout", function (e) {
      var q = e.target.closest(".q");
      if (q) mark(q.dataset.ref, false);
      hide();
    });
    text.addEventListener("click", function (e) {
      var el = e.target.closest("[data-layer]");
      if (!el || el.tagName === "A") return;
      pinned = pinned === el ? null : el;
      if (pinned) show(el, e.pageX, e.pageY); else hide();
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { pinned = null; hide(); } });
  }
  document.querySelectorAll("input.toggle").forEach(function (box) {
    var apply = function () { if (text) text.classList.toggle("off-" + box.dataset.layer, !box.checked); };
    box.addEventListener("change", apply);
    apply();
  });
})();
