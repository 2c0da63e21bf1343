// Module filters: checkboxes narrow the overview without a page reload, across every module of the catalogue.
// Within one group any checked value matches (OR); across groups all must match (AND).
// The choice lives in the address (?rolle=…&status=…) so a filtered list can be linked and shared.
// Every module's row (id, title, facts, filter values; no summary) is in one data file (the form's data-src),
// fetched the first time a filter is chosen, a filtered address is opened or the table is unfolded; until then
// the page reads as rendered, counts included. Counts, the table and, when the overview is split into pages,
// the filtered list come from the rows, so they cover all modules, not only this page's cards.
(function () {
  "use strict";
  var PHONE = "(max-width: 44.9375em)";

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  // The rows as objects; each filter value list split as the cards' data-* attributes are.
  function readModules(data, form) {
    var first = 6; // id, title, AMU number, length, sort value, facts line, then the filter values
    var rows = data.modules.map(function (m) {
      var values = {};
      data.fields.forEach(function (name, i) { values[name] = String(m[first + i]).split(" "); });
      return { id: m[0], title: m[1], amu: m[2], duration: m[3], sort: m[4], facts: m[5], values: values };
    });
    return {
      rows: rows,
      labels: data.labels,
      statuses: data.statuses,
      size: data.size,
      base: form.getAttribute("data-base"),
      compare: form.getAttribute("data-compare")
    };
  }

  function statusBadge(modules, row) {
    var s = modules.statuses[row.values.status[0]];
    var badge = element("span", "kat-badge kat-badge--status-" + s[1], s[0]);
    badge.title = s[2];
    return badge;
  }
  function titleLink(modules, row) {
    var link = element("a", "", row.title);
    link.href = modules.base + row.id + "/";
    return link;
  }
  // The same badges as a card written by the site: course type, level, entries, then the status.
  function badges(modules, row) {
    var meta = element("p", "kat-card__meta");
    var type = modules.labels.kursustype[row.values.kursustype[0]];
    var found = [[type, "type"]];
    var tier = modules.labels.niveau[row.values.niveau[0]];
    if (tier) { found.push([tier, ""]); }
    row.values.indgang.forEach(function (entry) {
      if (modules.labels.indgang[entry]) { found.push([modules.labels.indgang[entry], entry]); }
    });
    found.forEach(function (b) {
      meta.appendChild(element("span", "kat-badge" + (b[1] ? " kat-badge--" + b[1] : ""), b[0]));
      meta.appendChild(document.createTextNode(" "));
    });
    meta.appendChild(statusBadge(modules, row));
    return meta;
  }
  // A short card for the filtered list: a card as the site writes it, without the summary.
  function card(modules, row) {
    var today = modules.statuses[row.values.status[0]][3];
    var article = element("article", "kat-card" + (today ? "" : " kat-card--proposal"));
    var heading = element("h3", "kat-card__title");
    heading.appendChild(titleLink(modules, row));
    article.appendChild(heading);
    article.appendChild(badges(modules, row));
    if (row.facts) { article.appendChild(element("p", "kat-card__facts", row.facts)); }
    var compare = element("p", "kat-compare-link kat-card__compare");
    var link = element("a", "", "Sammenlign");
    link.href = modules.compare + row.id;
    link.setAttribute("data-kat-compare", "");
    link.appendChild(element("span", "kat-hidden", " " + row.title));
    compare.appendChild(link);
    article.appendChild(compare);
    return article;
  }
  function tableRow(modules, row) {
    var tr = document.createElement("tr");
    var cells = [
      [row.amu || "–", row.amu],
      [titleLink(modules, row)],
      [modules.labels.kursustype[row.values.kursustype[0]] || ""],
      [row.duration, String(row.sort)],
      [statusBadge(modules, row)],
      [row.values.indgang.filter(function (e) { return modules.labels.indgang[e]; })
        .map(function (e) { return modules.labels.indgang[e]; }).join(", ")]
    ];
    cells.forEach(function (cell) {
      var td = document.createElement("td");
      if (typeof cell[0] === "string") { td.textContent = cell[0]; } else { td.appendChild(cell[0]); }
      if (cell.length > 1) { td.setAttribute("data-value", cell[1]); }
      tr.appendChild(td);
    });
    return tr;
  }

  var LOADING = "Henter modulernes data …";
  function failed() {
    var text = "Modulernes data kunne ikke hentes, så filtrene og tabellen virker ikke lige nu; kortene nedenfor " +
      "er ikke filtreret. Prøv at genindlæse siden.";
    return window.location.protocol === "file:"
      ? text + " Åbnet som fil fra din computer virker filtrene ikke; siden skal vises fra en webserver."
      : text;
  }

  function setUp(form) {
    var modules = null; // the data file's rows, once fetched
    var rows = [];
    var loading = false;
    var tableWanted = false; // the table was unfolded before the rows came
    var box = form.closest("[data-kat-filter-box]");
    var summary = box && box.querySelector("[data-kat-filter-summary]");
    var status = document.querySelector("[data-kat-filter-status]");
    var page = document.querySelector("[data-kat-page]");
    var paged = page && page.hasAttribute("data-kat-paged");
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-kat-cards] .kat-card"));
    var proposals = document.querySelector("[data-kat-proposals]");
    var results = document.querySelector("[data-kat-results]");
    var resultCards = results && results.querySelector("[data-kat-result-cards]");
    var more = results && results.querySelector("[data-kat-more]");
    var tableBox = document.querySelector("[data-kat-table-box]");
    var tableBody = tableBox && tableBox.querySelector("[data-kat-rows]");
    var tableRows = null; // made the first time the table is opened: thousands of rows nobody may look at
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var found = [];
    var listed = 0;

    function chosen() {
      var groups = {};
      boxes.forEach(function (input) {
        if (input.checked) { (groups[input.name] = groups[input.name] || []).push(input.value); }
      });
      return groups;
    }
    function matches(valuesOf, groups) {
      return Object.keys(groups).every(function (name) {
        var values = valuesOf(name);
        return groups[name].some(function (value) { return values.indexOf(value) !== -1; });
      });
    }
    function isToday(row) { return modules.statuses[row.values.status[0]][3]; }
    function rowMatches(row, groups) {
      return matches(function (name) { return row.values[name] || []; }, groups);
    }
    function cardMatches(card, groups) {
      return matches(function (name) { return (card.getAttribute("data-" + name) || "").split(" "); }, groups);
    }
    // Each option's count says how many modules ticking it would show, given the other groups' choices.
    function recount(groups) {
      boxes.forEach(function (input) {
        var others = {};
        Object.keys(groups).forEach(function (name) { if (name !== input.name) { others[name] = groups[name]; } });
        others[input.name] = [input.value];
        var count = rows.filter(function (row) { return rowMatches(row, others); }).length;
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
    // The filtered list on a split overview: the matching modules, a page's worth at a time.
    function listMore(focus) {
      var start = listed;
      found.slice(start, start + modules.size).forEach(function (row) { resultCards.appendChild(card(modules, row)); });
      listed = Math.min(found.length, start + modules.size);
      var left = found.length - listed;
      more.hidden = left === 0;
      more.textContent = "Vis " + Math.min(left, modules.size) + " moduler mere (" + left + " tilbage)";
      if (focus && resultCards.children[start]) { resultCards.children[start].querySelector("a").focus(); }
    }
    function showResults(filtered) {
      page.hidden = filtered;
      results.hidden = !filtered;
      resultCards.textContent = "";
      listed = 0;
      if (filtered) { listMore(false); }
    }
    function filterTable(groups) {
      if (!tableRows) { return; }
      tableRows.forEach(function (pair) { pair[1].hidden = !rowMatches(pair[0], groups); });
    }
    function apply() {
      var groups = chosen();
      var ticked = 0;
      Object.keys(groups).forEach(function (name) { ticked += groups[name].length; });
      if (!modules) {
        // Nothing chosen needs no rows: the page as rendered is right (after a reset, or a failed fetch).
        if (ticked > 0) { load(); } else if (!loading) { rendered(groups); }
        return;
      }
      found = rows.filter(function (row) { return rowMatches(row, groups); });
      // As on the pages: what can be taken today first, then proposals and retired modules.
      found = found.filter(isToday).concat(found.filter(function (row) { return !isToday(row); }));
      if (paged) {
        showResults(ticked > 0);
      } else {
        cards.forEach(function (c) { c.hidden = !cardMatches(c, groups); });
      }
      filterTable(groups);
      recount(groups);
      if (status) {
        status.textContent = ticked === 0
          ? status.getAttribute("data-all")
          : "Viser " + found.length + " af " + rows.length + " moduler.";
      }
      if (summary) { summary.textContent = ticked === 0 ? "" : "(" + ticked + " valgt)"; }
      // Proposals sit folded below today's modules; a filter that finds some of them unfolds them.
      if (!paged && proposals && ticked > 0 && proposals.querySelector(".kat-card:not([hidden])")) { proposals.open = true; }
      remember(groups);
    }
    function rendered(groups) {
      if (status) { status.textContent = status.getAttribute("data-all"); }
      if (summary) { summary.textContent = ""; }
      remember(groups);
    }
    function fillTable() {
      if (tableRows) { return; }
      tableRows = rows.map(function (row) { return [row, tableRow(modules, row)]; });
      var all = document.createDocumentFragment();
      tableRows.forEach(function (pair) { all.appendChild(pair[1]); });
      tableBody.appendChild(all);
      filterTable(chosen());
    }
    function loaded(data) {
      modules = readModules(data, form);
      rows = modules.rows;
      loading = false;
      apply(); // the choices made while the rows came, and the status back from «Henter …»
      if (tableWanted) { fillTable(); }
    }
    // The cards stay as rendered; the next choice tries again.
    function notLoaded() {
      loading = false;
      if (status) { status.textContent = failed(); }
    }
    function load() {
      if (loading || modules) { return; }
      loading = true;
      if (status) { status.textContent = LOADING; }
      if (!window.fetch) { notLoaded(); return; }
      window.fetch(form.getAttribute("data-src"))
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(loaded, notLoaded);
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
    if (more) { more.addEventListener("click", function () { listMore(true); }); }
    if (tableBox && tableBody) {
      tableBox.hidden = false;
      tableBox.addEventListener("toggle", function () {
        if (!tableBox.open || tableRows) { return; }
        if (modules) { fillTable(); } else { tableWanted = true; load(); }
      });
    }
    var restored = restore();
    if (box) {
      box.hidden = false;
      // On a phone the open panel would push every card below the fold; start closed unless a link chose filters.
      if (window.matchMedia(PHONE).matches && !restored) { box.open = false; }
    }
    if (restored) { apply(); } // a shared, filtered address: fetch the rows now
  }
  function init() {
    document.querySelectorAll("[data-kat-filters][data-src]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
