// Module filters: checkboxes narrow the card grid without a page reload.
// Within one group any checked value matches (OR); across groups all must match (AND).
(function () {
  "use strict";
  function setUp(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-kat-cards] .kat-card"));
    var status = document.querySelector("[data-kat-filter-status]");
    function chosen() {
      var groups = {};
      form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        (groups[box.name] = groups[box.name] || []).push(box.value);
      });
      return groups;
    }
    function matches(card, groups) {
      return Object.keys(groups).every(function (name) {
        var values = (card.getAttribute("data-" + name) || "").split(" ");
        return groups[name].some(function (value) { return values.indexOf(value) !== -1; });
      });
    }
    function apply() {
      var groups = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, groups);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (status) {
        status.textContent = Object.keys(groups).length === 0
          ? "Viser alle " + cards.length + " moduler."
          : "Viser " + shown + " af " + cards.length + " moduler.";
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
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
