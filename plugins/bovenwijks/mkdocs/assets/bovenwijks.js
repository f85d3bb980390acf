/* bovenwijks: progressive enhancement. Every page works without this script; with it,
 * /initiatieven/ filters by thema, wijk and status in place, without a reload. The names of
 * themas and statuses come with the data (initiatieven/filter.json), from the platform's one
 * definition of each. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text; // text, never markup: titels come from editors
    return node;
  }

  function card(item, base, data) {
    var li = el("li", { "class": "bw-card" });
    var h3 = el("h3", { "class": "bw-card__title" });
    h3.appendChild(el("a", { href: base + item.url }, item.titel));
    li.appendChild(h3);
    var meta = el("p", { "class": "bw-card__meta" });
    meta.appendChild(el("span", { "class": "bw-status bw-status--" + item.status }, data.statussen[item.status] || item.status));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(el("span", { "class": "bw-card__wijk" }, item.wijknaam));
    li.appendChild(meta);
    li.appendChild(el("p", {}, item.samenvatting));
    if (item.themas.length) {
      var chips = el("ul", { "class": "bw-chips", "aria-label": "Thema's" });
      item.themas.forEach(function (thema) {
        var chip = el("li");
        chip.appendChild(el("a", { "class": "bw-chip", href: base + "themas/" + thema + "/" }, data.themas[thema] || thema));
        chips.appendChild(chip);
      });
      li.appendChild(chips);
    }
    return li;
  }

  function setup(form) {
    var results = document.querySelector("[data-bw-results]");
    var pages = document.querySelector("[data-bw-pages]");
    var count = document.querySelector("[data-bw-count]");
    var base = form.getAttribute("data-bw-base");
    var original = results ? results.cloneNode(true) : null;
    var data = null;
    if (!results) return;
    form.hidden = false;

    function selection() {
      var chosen = {};
      ["thema", "wijk", "status"].forEach(function (name) { chosen[name] = form.elements[name].value; });
      return chosen;
    }

    function show() {
      var chosen = selection();
      var params = new URLSearchParams();
      Object.keys(chosen).forEach(function (k) { if (chosen[k]) params.set(k, chosen[k]); });
      history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
      if (!chosen.thema && !chosen.wijk && !chosen.status) {
        results.replaceWith(original.cloneNode(true));
        results = document.querySelector("[data-bw-results]");
        if (pages) pages.hidden = false;
        count.textContent = "";
        return;
      }
      var found = data.initiatieven.filter(function (i) {
        return (!chosen.thema || i.themas.indexOf(chosen.thema) >= 0) &&
          (!chosen.wijk || i.wijk === chosen.wijk) &&
          (!chosen.status || i.status === chosen.status);
      });
      var list = el("ul", { "class": "bw-cards", "data-bw-results": "" });
      found.forEach(function (item) { list.appendChild(card(item, base, data)); });
      results.replaceWith(list);
      results = list;
      if (pages) pages.hidden = true;
      count.textContent = found.length === 1 ? "1 initiatief gevonden" : found.length + " initiatieven gevonden";
    }

    function load() {
      if (data) return Promise.resolve(data);
      return fetch(form.getAttribute("data-bw-filter"))
        .then(function (response) { return response.json(); })
        .then(function (json) { data = json; return data; });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { load().then(show); });

    var params = new URLSearchParams(location.search);
    var any = false;
    ["thema", "wijk", "status"].forEach(function (name) {
      if (params.get(name)) { form.elements[name].value = params.get(name); any = true; }
    });
    if (any) load().then(show);
  }

  document.querySelectorAll("[data-bw-filter]").forEach(setup);
})();
