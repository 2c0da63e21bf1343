// «Find din vej»: the build computed every role × entry's candidate steps (katalog.planner, tested in Python);
// this script only crosses off what the reader has taken, adds up the days, and keeps the choice in the address
// (?rolle=…&indgang=…&taget=49970,akademi-demens) so a plan can be shared, bookmarked and printed.
(function () {
  "use strict";

  function setUp(form) {
    var data = JSON.parse(document.getElementById("kat-plan-data").textContent);
    var W = data.words;
    var result = document.querySelector("[data-kat-plan-result]");
    var status = document.querySelector("[data-kat-plan-status]");
    var amuField = form.querySelector("#kat-plan-amu");
    var amuMessage = form.querySelector("[data-kat-plan-amu-message]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=taget]"));

    function el(tag, text, className) {
      var node = document.createElement(tag);
      if (text) { node.textContent = text; }
      if (className) { node.className = className; }
      return node;
    }
    function number(value) { return String(value).replace(".", ","); }

    // The same words as katalog.views.today.days_away: a range where choices or optional steps vary.
    function daysAway(steps) {
      if (!steps.length) { return "0 " + W.days; }
      var low = null, high = null, incomplete = false;
      steps.forEach(function (step) {
        var days = step.options.map(function (id) { return data.modules[id].days; });
        var known = days.filter(function (d) { return d !== null; });
        incomplete = incomplete || known.length < days.length;
        if (!known.length) { return; }
        var stepLow = step.optional ? 0 : Math.min.apply(null, known);
        low = (low === null ? 0 : low) + stepLow;
        high = (high === null ? 0 : high) + Math.max.apply(null, known);
      });
      if (high === null) { return W.noDays; }
      var text = (low === high || low === null) ? number(high) : number(low) + "-" + number(high);
      var unit = (high === 1 && low === high) ? W.dayOne : W.days;
      return text + " " + unit + (incomplete ? W.plusUnknown : "");
    }

    function covered(taken) {
      var done = {};
      taken.forEach(function (id) { (data.covers[id] || []).forEach(function (c) { done[c] = true; }); });
      return done;
    }
    function remaining(steps, done) {
      return steps.filter(function (step) { return !step.options.some(function (id) { return done[id]; }); });
    }

    function moduleItem(id) {
      var m = data.modules[id];
      var item = el("span");
      var link = el("a", m.name);
      link.href = m.url;
      item.appendChild(link);
      var facts = [m.type + (m.amu ? " " + m.amu : "")];
      if (m.days !== null) { facts.push(number(m.days) + " " + (m.days === 1 ? W.dayOne : W.days)); }
      item.appendChild(document.createTextNode(" (" + facts.join(", ") + ")"));
      return item;
    }
    function stepList(steps) {
      var list = el("ol", "", "kat-plan-steps");
      steps.forEach(function (step) {
        var li = el("li");
        if (step.options.length > 1) {
          li.appendChild(el("span", W.oneOf + ": "));
          var choices = el("ul");
          step.options.forEach(function (id) { var c = el("li"); c.appendChild(moduleItem(id)); choices.appendChild(c); });
          li.appendChild(choices);
        } else {
          li.appendChild(moduleItem(step.options[0]));
        }
        if (step.optional) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", W.optional, "kat-plan-optional")); }
        if (step.note) { li.appendChild(el("p", step.note, "kat-plan-note")); }
        list.appendChild(li);
      });
      return list;
    }
    function block(id, title, steps, extra) {
      var section = el("section", "", "kat-plan-block");
      var heading = el("h2", title);
      heading.id = id;
      section.appendChild(heading);
      section.appendChild(steps.length ? stepList(steps) : el("p", W.done));
      if (extra) { section.appendChild(extra); }
      var total = el("p", "", "kat-plan-total");
      total.appendChild(el("strong", W.daysAway + ": "));
      total.appendChild(el("span", daysAway(steps), "kat-plan-days"));
      if (steps.some(function (s) { return s.optional; })) { total.appendChild(el("span", ". " + W.lowHigh)); }
      section.appendChild(total);
      return section;
    }
    function links(items) {
      var list = el("ul");
      items.forEach(function (item) {
        var li = el("li"), a = el("a", item.name);
        a.href = item.url;
        li.appendChild(a);
        list.appendChild(li);
      });
      return list;
    }

    function linkLine(text, items) {
      var line = el("p", text);
      items.forEach(function (item, index) {
        line.appendChild(document.createTextNode(index ? ", " : " "));
        var a = el("a", item.name);
        a.href = item.url;
        line.appendChild(a);
      });
      return line;
    }

    function choice() {
      var role = form.querySelector("#kat-plan-rolle").value;
      var entry = (form.querySelector("input[name=indgang]:checked") || {}).value || "sosu";
      var taken = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      return { role: role, entry: entry, taken: taken };
    }

    function render() {
      var c = choice();
      var plan = data.plans[c.role + "/" + c.entry];
      var done = covered(c.taken);
      var today = remaining(plan.today, done);
      var recommended = remaining(plan.recommended, done);
      result.textContent = "";

      var chosen = el("p", "", "kat-plan-chosen");
      var takenNames = c.taken.map(function (id) { var m = data.modules[id]; return m.amu ? String(m.amu) : m.name; });
      chosen.textContent = W.role + ": " + data.roles[c.role] + " · " + W.entry + ": " + data.entries[c.entry] +
        " · " + W.taken + ": " + (takenNames.length ? takenNames.join(", ") : W.none);
      result.appendChild(chosen);
      if (plan.note) { result.appendChild(el("p", plan.note, "kat-plan-role-note")); }
      if (plan.pathway) { result.appendChild(linkLine((plan.nearest ? W.nearest : W.pathway), [plan.pathway])); }
      if (plan.guides.length) { result.appendChild(linkLine(W.guides, plan.guides)); }

      var missing = plan.notToday.filter(function (id) { return !done[id]; });
      var notToday = null;
      if (missing.length) {
        notToday = el("div", "", "kat-plan-not-today");
        notToday.appendChild(el("p", W.notToday + ":"));
        notToday.appendChild(links(missing.map(function (id) { return { name: data.modules[id].name, url: data.modules[id].url }; })));
      }
      result.appendChild(block("det-kan-du-tage-nu", W.today, today, notToday));
      result.appendChild(block("det-naeste-i-den-anbefalede-struktur", W.recommended, recommended, null));
      if (plan.further.length) {
        var further = el("section", "", "kat-plan-block");
        var heading = el("h2", W.further);
        heading.id = "videre";
        further.appendChild(heading);
        further.appendChild(links(plan.further));
        result.appendChild(further);
      }
      status.textContent = W.status + ". " + W.today + ": " + today.length + " " + W.steps + ", " + daysAway(today) +
        ". " + W.recommended + ": " + recommended.length + " " + W.steps + ", " + daysAway(recommended) + ".";
      remember(c);
      var address = document.querySelector("[data-kat-plan-address]");
      if (address) { address.textContent = window.location.href; }
    }

    // AMU modules are written by their number in the address, others by id: a plan link stays readable.
    function remember(c) {
      var taken = c.taken.map(function (id) { return data.modules[id].amu ? String(data.modules[id].amu) : id; });
      var params = new URLSearchParams();
      params.set("rolle", c.role);
      params.set("indgang", c.entry);
      if (taken.length) { params.set("taget", taken.join(",")); }
      window.history.replaceState(null, "", "?" + params.toString() + window.location.hash);
    }
    function moduleId(token) {
      return data.amu[token] || (data.modules[token] ? token : null);
    }
    function restore() {
      var params = new URLSearchParams(window.location.search);
      var role = params.get("rolle"), entry = params.get("indgang");
      if (role && data.roles[role]) { form.querySelector("#kat-plan-rolle").value = role; }
      if (entry && data.entries[entry]) {
        form.querySelectorAll("input[name=indgang]").forEach(function (r) { r.checked = r.value === entry; });
      }
      var wanted = (params.get("taget") || "").split(",").map(moduleId).filter(Boolean);
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) !== -1; });
    }

    function addAmuNumbers() {
      var unknown = [];
      (amuField.value.match(/\d+/g) || []).forEach(function (token) {
        var id = data.amu[token];
        var box = id && boxes.filter(function (b) { return b.value === id; })[0];
        if (box) { box.checked = true; } else { unknown.push(token); }
      });
      amuMessage.textContent = unknown.length ? W.unknownAmu + " " + unknown.join(", ") + "." : "";
      amuField.value = unknown.join(" ");
      render();
    }

    form.addEventListener("change", function (event) { if (event.target !== amuField) { render(); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); addAmuNumbers(); });
    form.querySelector("[data-kat-plan-add]").addEventListener("click", addAmuNumbers);
    amuField.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); addAmuNumbers(); }
    });
    document.querySelector("[data-kat-plan-print]").addEventListener("click", function () { window.print(); });

    restore();
    form.hidden = false;
    document.querySelector("[data-kat-plan-actions]").hidden = false;
    document.querySelector("[data-kat-plan-fallback]").hidden = true;
    render();
  }

  function init() {
    document.querySelectorAll("[data-kat-planner]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
