/* bovenwijks: the search for residents.
 *
 * - It finds Dutch word forms ("vrijwilligers" finds "vrijwilliger"). This runs before
 *   Material's bundle, which reads its configuration once, and points it at our search
 *   worker (assets/javascripts/workers/bovenwijks-zoeken.js), which loads Material's own and
 *   stems each word a resident types.
 * - It speaks plain Dutch (docs/taal.md): "3 pagina's gevonden", not "3 overeenkomende
 *   documenten".
 * - When nothing is found, it offers next steps: Hulp en advies, the agenda, the wijken.
 * Without this script the search works as Material's. */
(function () {
  "use strict";

  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (!config.search) return;
  var folder = config.search.replace(/[^/]*$/, "");
  config.search = folder + "bovenwijks-zoeken.js#" + encodeURIComponent(config.search.slice(folder.length));
  var translations = config.translations || (config.translations = {});
  translations["search.result.placeholder"] = "Typ wat je zoekt";
  translations["search.result.none"] = "Niets gevonden";
  translations["search.result.one"] = "1 pagina gevonden";
  translations["search.result.other"] = "# pagina's gevonden";
  translations["search.result.more.one"] = "en nog 1 keer op deze pagina";
  translations["search.result.more.other"] = "en nog # keer op deze pagina";
  translations["search.result.term.missing"] = "Niet gevonden";
  element.textContent = JSON.stringify(config);

  var meta = document.querySelector(".md-search-result__meta");
  if (!meta || !window.MutationObserver) return;
  var base = (config.base || ".").replace(/\/?$/, "/");
  var hint = document.createElement("div");
  hint.className = "bw-zoek-verder";
  hint.hidden = true;
  var lead = document.createElement("p");
  lead.textContent = "Probeer een ander woord, of kijk hier:";
  hint.appendChild(lead);
  var list = document.createElement("ul");
  [
    ["hulp/", "Hulp en advies: waar kun je terecht met een vraag?"],
    ["agenda/", "Wat is er te doen? De agenda van alle wijken"],
    ["wijken/", "Je wijk, en wie je daar kunt bellen of mailen"],
  ].forEach(function (entry) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = base + entry[0];
    link.textContent = entry[1];
    item.appendChild(link);
    list.appendChild(item);
  });
  hint.appendChild(list);
  meta.parentNode.insertBefore(hint, meta.nextSibling);
  new MutationObserver(function () {
    hint.hidden = meta.textContent.trim() !== translations["search.result.none"];
  }).observe(meta, { childList: true, characterData: true, subtree: true });
})();
