// Module filters: checkboxes narrow the card grid without a page reload.
// Within one group any checked value matches (OR); across groups all must match (AND).
// The choice lives in the address (?rolle=…&status=…) so a filtered list can be linked and shared.
(function () {
  "use strict";
  var PHONE = "(max-width: 44.9375em)";

  function setUp(form) {
    var box = form.closest("[data-kat-filter-box]");
    var summary = box && box.querySelector("[data-kat-filter-summary]");
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-kat-cards] .kat-card"));
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-kat-rows] tr"));
    var status = document.querySelector("[data-kat-filter-status]");
    var proposals = document.querySelector("[data-kat-proposals]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

    function chosen() {
      var groups = {};
      boxes.forEach(function (input) {
        if (input.checked) { (groups[input.name] = groups[input.name] || []).push(input.value); }
      });
      return groups;
    }
    function matches(card, groups) {
      return Object.keys(groups).every(function (name) {
        var values = (card.getAttribute("data-" + name) || "").split(" ");
        return groups[name].some(function (value) { return values.indexOf(value) !== -1; });
      });
    }
    // Each option's count says how many modules ticking it would show, given the other groups' choices.
    function recount(groups) {
      boxes.forEach(function (input) {
        var others = {};
        Object.keys(groups).forEach(function (name) { if (name !== input.name) { others[name] = groups[name]; } });
        others[input.name] = [input.value];
        var count = cards.filter(function (card) { return matches(card, others); }).length;
        var label = input.closest("label");
        var shown = label && label.querySelector(".kat-filters__count");
        if (shown) { shown.textContent = "(" + count + ")"; }
      });
    }
    function remember(groups) {
      var params = new URLSearchParams();
      Object.keys(groups).forEach(function (name) { params.set(name, groups[name].join(",")); });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    function apply() {
      var groups = chosen();
      var shown = 0;
      var ticked = 0;
      cards.forEach(function (card) {
        var visible = matches(card, groups);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      rows.forEach(function (row) { row.hidden = !matches(row, groups); });
      recount(groups);
      Object.keys(groups).forEach(function (name) { ticked += groups[name].length; });
      if (status) {
        status.textContent = ticked === 0
          ? "Viser alle " + cards.length + " moduler."
          : "Viser " + shown + " af " + cards.length + " moduler.";
      }
      if (summary) { summary.textContent = ticked === 0 ? "" : "(" + ticked + " valgt)"; }
      // Proposals sit folded below today's modules; a filter that finds some of them unfolds them.
      if (proposals && ticked > 0 && proposals.querySelector(".kat-card:not([hidden])")) { proposals.open = true; }
      remember(groups);
    }
    function restore() {
      var params = new URLSearchParams(window.location.search);
      var any = false;
      boxes.forEach(function (input) {
        var wanted = (params.get(input.name) || "").split(",");
        input.checked = wanted.indexOf(input.value) !== -1;
        any = any || input.checked;
      });
      return any;
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    var restored = restore();
    if (box) {
      box.hidden = false;
      // On a phone the open panel would push every card below the fold; start closed unless a link chose filters.
      if (window.matchMedia(PHONE).matches && !restored) { box.open = false; }
    }
    apply();
  }
  function init() {
    document.querySelectorAll("[data-kat-filters]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
