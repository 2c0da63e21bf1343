// Sortable tables: a button in each column heading sorts the rows; aria-sort tells screen readers the order.
(function () {
  "use strict";
  function key(row, index, numeric) {
    var cell = row.children[index];
    var value = cell.getAttribute("data-value");
    var text = value !== null ? value : cell.textContent.trim();
    if (!numeric) { return text.toLocaleLowerCase("da"); }
    var number = parseFloat(text);
    return isNaN(number) ? Infinity : number;
  }
  function sort(table, index, numeric, heading) {
    var body = table.tBodies[0];
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, index, numeric), y = key(b, index, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setUp(table) {
    table.querySelectorAll("thead th").forEach(function (heading, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kat-sort";
      button.textContent = heading.textContent;
      heading.textContent = "";
      heading.appendChild(button);
      button.addEventListener("click", function () {
        sort(table, index, heading.getAttribute("data-sort") === "number", heading);
      });
    });
  }
  function init() { document.querySelectorAll("table[data-kat-sortable]").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
