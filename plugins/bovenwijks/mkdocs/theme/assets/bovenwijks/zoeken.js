/* bovenwijks: the search finds Dutch word forms ("vrijwilligers" finds "vrijwilliger").
 *
 * Runs before Material's bundle, which reads its configuration once, and points it at our
 * search worker (assets/javascripts/workers/bovenwijks-zoeken.js), which loads Material's own
 * and stems each word a resident types. Without this script the search works as Material's. */
(function () {
  "use strict";

  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (!config.search) return;
  var folder = config.search.replace(/[^/]*$/, "");
  config.search = folder + "bovenwijks-zoeken.js#" + encodeURIComponent(config.search.slice(folder.length));
  element.textContent = JSON.stringify(config);
})();
