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

/* bovenwijks: "mijn wijk". A resident who taps a wijk in a picker ([data-wijk-kiezer]) or
 * presses "Dit is mijn wijk" on a wijk's page has it remembered in this browser only
 * (localStorage; never sent anywhere, and there is no server to send it to). Then:
 * - the home page's "Mijn wijk" entrance goes straight to that wijk;
 * - lists grouped by wijk ([data-mijn-wijk-eerst], e.g. Hulp en advies) show it first.
 * Without JavaScript, or with storage blocked, every page works the same, in wijk order. */
(function () {
  "use strict";

  var KEY = "bovenwijks-wijk";

  function stored() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function store(wijk) {
    try {
      if (wijk) localStorage.setItem(KEY, JSON.stringify(wijk)); else localStorage.removeItem(KEY);
    } catch (e) { /* storage blocked: the choice lasts for this page only */ }
  }

  var mijn = stored();

  document.querySelectorAll("[data-wijk-kiezer] a[data-wijk]").forEach(function (link) {
    if (mijn && link.getAttribute("data-wijk") === mijn.slug) link.classList.add("bw-gekozen");
    link.addEventListener("click", function () {
      store({ slug: link.getAttribute("data-wijk"), naam: link.textContent, url: link.href });
    });
  });

  var ingang = document.querySelector("[data-mijn-wijk-ingang]");
  if (ingang && mijn && mijn.url) {
    ingang.href = mijn.url;
    var naam = ingang.querySelector("[data-mijn-wijk-naam]");
    if (naam) naam.textContent = mijn.naam;
  }

  document.querySelectorAll("[data-mijn-wijk-knop]").forEach(function (button) {
    var wijk = { slug: button.getAttribute("data-mijn-wijk-knop"), naam: button.getAttribute("data-naam"), url: location.href.split("#")[0] };
    function show() {
      var gekozen = !!(mijn && mijn.slug === wijk.slug);
      button.setAttribute("aria-pressed", gekozen ? "true" : "false");
      button.textContent = gekozen ? "Dit is mijn wijk ✓" : "Dit is mijn wijk";
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      mijn = mijn && mijn.slug === wijk.slug ? null : wijk;
      store(mijn);
      show();
    });
  });

  if (mijn) {
    document.querySelectorAll("[data-mijn-wijk-eerst]").forEach(function (list) {
      var eigen = Array.prototype.filter.call(list.children, function (child) {
        return child.getAttribute("data-wijk") === mijn.slug;
      })[0];
      if (eigen && eigen !== list.firstElementChild) list.insertBefore(eigen, list.firstElementChild);
      if (eigen) eigen.classList.add("bw-eigen-wijk");
    });
  }
})();

/* bovenwijks: "Kopieer adres" next to a feed's or calendar's address on /volgen/. Without
 * JavaScript (or without a clipboard) the buttons stay hidden and the address can be
 * selected as text. */
(function () {
  "use strict";

  if (!navigator.clipboard) return;
  var melding = document.querySelector(".bw-kopieer-melding");
  document.querySelectorAll("[data-kopieer]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-kopieer")).then(function () {
        button.textContent = "Gekopieerd";
        if (melding) melding.textContent = "Het adres is gekopieerd. Plak het in je app.";
        setTimeout(function () { button.textContent = "Kopieer adres"; }, 3000);
      });
    });
  });
})();

/* bovenwijks: on paper, the print stylesheet writes a link's address after its text. A link
 * whose text is its address already (a wijk's website, an editor's <https://...>) is marked,
 * so that it is not printed twice. Without JavaScript it is, which loses nothing. */
(function () {
  "use strict";

  function bare(address) {
    return address.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "").toLowerCase();
  }

  document.querySelectorAll('.md-typeset a[href^="http"]').forEach(function (link) {
    if (bare(link.textContent.trim()) === bare(link.getAttribute("href"))) link.classList.add("bw-eigen-adres");
  });
})();
