// Pagefind search: a dialog opened from the header button, / or Ctrl+K, and the same UI on the search page.
// The Pagefind UI is loaded on first use only, so pages that are just read fetch nothing extra.
(function () {
  "use strict";
  var loading = null;

  function bundle() {
    var dialog = document.querySelector("[data-kat-search-dialog]");
    return new URL(dialog.getAttribute("data-bundle"), document.baseURI).href;
  }
  function load() {
    if (loading) { return loading; }
    loading = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = bundle() + "pagefind-ui.css";
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = bundle() + "pagefind-ui.js";
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return loading;
  }
  // Readers without a Danish keyboard write ae, oe and aa; the index holds æ, ø and å.
  function fold(term) {
    return term.replace(/ae/gi, "æ").replace(/oe/gi, "ø").replace(/aa/gi, "å");
  }
  // Pages carry hidden, indexed text that readers never see: the glossary's other names for what a page mentions
  // (search.py) and strong keywords such as AMU numbers (parts.j2). Pagefind may cut an excerpt from it, and a
  // list of keywords is no excerpt, so those words are dropped again; the same text comes as metadata to find it.
  var HIDDEN = ["kat_terms", "kat_keywords"];
  function plain(html) {
    var span = document.createElement("span");
    span.innerHTML = html;
    return span.textContent;
  }
  function escapeHtml(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }
  function cleanExcerpt(excerpt, content, terms) {
    var start = content.indexOf(plain(excerpt));
    var termsStart = content.indexOf(terms);
    if (start === -1 || termsStart === -1) { return excerpt; }
    var termsEnd = termsStart + terms.length;
    var words = excerpt.split(" ");
    var kept = [];
    var at = start;
    words.forEach(function (word) {
      var inTerms = at < termsEnd && at + plain(word).length > termsStart;
      if (!inTerms) { kept.push(word); }
      at += plain(word).length + 1;
    });
    while (kept.length && /^[·.,;:]*$/.test(plain(kept[0]))) { kept.shift(); }
    if (kept.length) { return kept.join(" "); }
    return escapeHtml(content.slice(termsEnd).replace(/^[\s·.,;:]+/, "").split(" ").slice(0, 30).join(" "));
  }
  function withoutHiddenText(result) {
    HIDDEN.forEach(function (key) {
      var text = result.meta && result.meta[key];
      if (!text) { return; }
      delete result.meta[key];
      result.excerpt = cleanExcerpt(result.excerpt, result.content, text);
      (result.sub_results || []).forEach(function (sub) {
        sub.excerpt = cleanExcerpt(sub.excerpt, result.content, text);
      });
    });
    return result;
  }
  function mount(element, query) {
    return load().then(function () {
      if (!element.pagefind) {
        element.pagefind = new window.PagefindUI({
          element: element,
          bundlePath: bundle(),
          showSubResults: true,
          showImages: false,
          autofocus: true,
          processTerm: fold,
          processResult: withoutHiddenText
        });
        var input = element.querySelector("input");
        if (input) { input.setAttribute("aria-label", "Søg i kataloget"); }
      }
      if (query) { element.pagefind.triggerSearch(query); }
      return element.pagefind;
    });
  }
  function open() {
    var dialog = document.querySelector("[data-kat-search-dialog]");
    if (!dialog.open) { dialog.showModal(); }
    mount(dialog.querySelector("[data-kat-search]")).then(function () {
      var input = dialog.querySelector("input[type=text], input[type=search]");
      if (input) { input.focus(); }
    });
  }
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function init() {
    var page = document.querySelector("[data-kat-search-page]");
    if (page) {
      page.hidden = false;
      document.querySelectorAll("[data-kat-search-nojs]").forEach(function (note) { note.hidden = true; });
      mount(page, new URLSearchParams(window.location.search).get("q"));
    }
    document.querySelectorAll("[data-kat-search-open]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (page) { return; }  // on the search page itself the link just reloads it
        event.preventDefault();
        open();
      });
    });
    var close = document.querySelector("[data-kat-search-close]");
    if (close) {
      close.addEventListener("click", function () { close.closest("dialog").close(); });
    }
    document.addEventListener("keydown", function (event) {
      var shortcut = (event.key === "/" && !typing(event.target)) ||
        (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey));
      if (!shortcut) { return; }
      event.preventDefault();
      if (page) {
        var input = page.querySelector("input");
        if (input) { input.focus(); }
      } else {
        open();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
