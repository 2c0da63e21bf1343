// «Sammenlign moduler»: up to four modules side by side, the choice kept in the address (?moduler=a,b).
// The cells come ready-made from the build (sammenlign/moduler.json, the module pages' own wording);
// this script only chooses columns. On every other page it makes each «Sammenlign» link add its module
// to the reader's last comparison, which is remembered in localStorage.
(function () {
  "use strict";
  var STORE = "katalog-sammenlign";

  function stored() {
    try {
      var list = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) { return []; }
  }
  function store(ids) {
    try { window.localStorage.setItem(STORE, JSON.stringify(ids)); } catch (e) { /* private mode: the address still holds the choice */ }
  }

  // A «Sammenlign» link names one module; at the moment of the click it carries the earlier choice too.
  function extend(link) {
    var url = new URL(link.href, window.location.href);
    var name = url.searchParams.keys().next().value;
    if (!name) { return; }
    var id = url.searchParams.get(name);
    var ids = stored().filter(function (other) { return other !== id; });
    ids.push(id);
    url.search = "?" + name + "=" + ids.map(encodeURIComponent).join(",");
    link.href = url.href;
  }
  function onLink(event) {
    var link = event.target.closest && event.target.closest("a[data-kat-compare]");
    if (link) { extend(link); }
  }
  // A click, Enter, or a middle click that opens a new tab: the link carries the choice in each case.
  document.addEventListener("click", onLink);
  document.addEventListener("auxclick", onLink);

  function and(words) {
    return words.length < 2 ? words.join("") : words.slice(0, -1).join(", ") + " og " + words[words.length - 1];
  }
  function quoted(titles) { return and(titles.map(function (t) { return "«" + t + "»"; })); }

  function setUp(app, data) {
    var max = parseInt(app.getAttribute("data-max"), 10);
    var maxWords = app.getAttribute("data-max-words") || String(max);
    var parameter = app.getAttribute("data-parameter");
    var form = app.querySelector("[data-kat-compare-form]");
    var choice = app.querySelector("[data-kat-compare-choice]");
    var addButton = form.querySelector("button");
    var status = app.querySelector("[data-kat-compare-status]");
    var empty = app.querySelector("[data-kat-compare-empty]");
    var fullNote = app.querySelector("[data-kat-compare-full]");
    var holder = app.querySelector("[data-kat-compare-table]");
    var byId = {};
    data.modules.forEach(function (m) { byId[m.id] = m; });
    var chosen = [];

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      var asked = params.has(parameter) ? (params.get(parameter) || "").split(",") : stored();
      var seen = {};
      var unknown = [];
      var known = [];
      asked.map(function (id) { return id.trim(); }).forEach(function (id) {
        if (!id || seen[id]) { return; }
        seen[id] = true;
        if (byId[id]) { known.push(id); } else { unknown.push(id); }
      });
      var notes = [];
      if (unknown.length) {
        notes.push("Kataloget har ikke " + (unknown.length === 1 ? "modulet " : "modulerne ") + quoted(unknown) +
          ", så " + (unknown.length === 1 ? "det" : "de") + " er udeladt.");
      }
      // The newest choice stands last in the address: when there are too many, the oldest give way.
      if (known.length > max) {
        var dropped = known.slice(0, known.length - max);
        known = known.slice(known.length - max);
        notes.push("Der kan højst sammenlignes " + maxWords + " moduler ad gangen, så " +
          quoted(dropped.map(function (id) { return byId[id].title; })) + " er taget ud.");
      }
      chosen = known;
      return notes;
    }
    function remember() {
      var params = new URLSearchParams(window.location.search);
      params.delete(parameter);
      var query = params.toString();
      if (chosen.length) { query = (query ? query + "&" : "") + parameter + "=" + chosen.map(encodeURIComponent).join(","); }
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      store(chosen);
    }
    function options() {
      choice.textContent = "";
      var groups = [["Kan tages i dag", true], ["Forslag fra rapporten og nedlagte moduler", false]];
      groups.forEach(function (group) {
        var optgroup = document.createElement("optgroup");
        optgroup.label = group[0];
        data.modules.forEach(function (m) {
          if (m.today !== group[1] || chosen.indexOf(m.id) !== -1) { return; }
          var option = document.createElement("option");
          option.value = m.id;
          option.textContent = m.title;
          optgroup.appendChild(option);
        });
        if (optgroup.children.length) { choice.appendChild(optgroup); }
      });
      var full = chosen.length >= max;
      choice.disabled = full;
      addButton.disabled = full;
      fullNote.hidden = !full;
    }
    function heading(m) {
      var th = document.createElement("th");
      th.scope = "col";
      var link = document.createElement("a");
      link.href = m.url;
      link.textContent = m.title;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kat-compare__remove";
      button.setAttribute("data-kat-compare-remove", m.id);
      button.textContent = "Fjern";
      var hidden = document.createElement("span");
      hidden.className = "kat-hidden";
      hidden.textContent = " " + m.title;
      button.appendChild(hidden);
      button.addEventListener("click", function () { remove(m.id); });
      th.appendChild(link);
      th.appendChild(button);
      return th;
    }
    function table() {
      var columns = chosen.map(function (id) { return byId[id]; });
      var scroll = document.createElement("div");
      scroll.className = "kat-table-scroll kat-compare__scroll";
      scroll.setAttribute("role", "region");
      scroll.setAttribute("aria-label", "Sammenligning af de valgte moduler");
      scroll.tabIndex = 0;
      var t = document.createElement("table");
      t.className = "kat-table kat-compare__table";
      t.style.setProperty("--kat-columns", String(columns.length));
      var caption = t.createCaption();
      caption.textContent = "De valgte moduler side om side";
      var head = t.createTHead().insertRow();
      var corner = document.createElement("th");
      corner.scope = "col";
      corner.textContent = "Modul";
      head.appendChild(corner);
      columns.forEach(function (m) { head.appendChild(heading(m)); });
      var body = t.createTBody();
      data.rows.forEach(function (label, index) {
        var row = body.insertRow();
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = label;
        row.appendChild(th);
        columns.forEach(function (m) {
          // Built from the catalogue's sanitised view values at build time, like the module pages themselves.
          row.insertCell().innerHTML = m.cells[index];
        });
      });
      scroll.appendChild(t);
      return scroll;
    }
    function render() {
      holder.textContent = "";
      if (chosen.length) { holder.appendChild(table()); }
      empty.hidden = chosen.length > 0;
      options();
      remember();
    }
    function summary() {
      if (!chosen.length) { return "Ingen moduler valgt."; }
      return "Sammenligner " + chosen.length + " " + (chosen.length === 1 ? "modul" : "moduler") + ": " +
        quoted(chosen.map(function (id) { return byId[id].title; })) + ".";
    }
    function say(text) { status.textContent = text; }
    function remove(id) {
      var index = chosen.indexOf(id);
      chosen = chosen.filter(function (other) { return other !== id; });
      render();
      say("Fjernede «" + byId[id].title + "». " + summary());
      // Focus stays in the table: on the next column's «Fjern», else the previous one, else the list.
      var buttons = holder.querySelectorAll("[data-kat-compare-remove]");
      var next = buttons[Math.min(index, buttons.length - 1)];
      (next || choice).focus();
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = choice.value;
      if (!byId[id] || chosen.indexOf(id) !== -1 || chosen.length >= max) { return; }
      chosen.push(id);
      render();
      say("Tilføjede «" + byId[id].title + "». " + summary());
      (choice.disabled ? holder.querySelector("[data-kat-compare-remove]") : choice).focus();
    });
    window.addEventListener("popstate", function () { fromAddress(); render(); });

    var notes = fromAddress();
    render();
    app.hidden = false;
    say((notes.length ? notes.join(" ") + " " : "") + summary());
  }

  function init() {
    var app = document.querySelector("[data-kat-compare-app]");
    if (!app || !window.fetch) { return; }
    window.fetch(app.getAttribute("data-src"))
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) { setUp(app, data); })
      .catch(function () {
        var note = document.createElement("p");
        note.className = "kat-notice";
        note.setAttribute("role", "alert");
        note.textContent = "Modulernes data kunne ikke hentes, så sammenligningen kan ikke vises. Prøv at genindlæse siden. " +
          "Åbnet som fil fra din computer virker siden ikke; den skal vises fra en webserver.";
        app.parentNode.insertBefore(note, app);
      });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
