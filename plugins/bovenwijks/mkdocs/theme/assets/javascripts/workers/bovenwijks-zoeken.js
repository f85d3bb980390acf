/* bovenwijks: Material's search worker, taught that residents type Dutch word forms.
 *
 * Material searches as you type: it appends "*" to every word, and lunr leaves a word with a
 * "*" out of the stemmer. The index holds stems ("vrijwilligers" and "vrijwilliger" are both
 * "vrijwilliger"), so a whole word whose stem is shorter found nothing. Here each typed word
 * is stemmed before the "*": "vrijwilligers*" becomes "vrijwilliger*", which finds
 * vrijwilliger, vrijwilligers and vrijwilligerswerk.
 *
 * It lives next to Material's worker, which it loads (its name is after the "#"), because that
 * worker loads the language files relative to its own folder. plugins/bovenwijks/mkdocs/theme/assets/bovenwijks/
 * zoeken.js points Material at it. */
importScripts(decodeURIComponent(self.location.hash.slice(1)));

(function () {
  "use strict";

  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    var stemmer = lunr.nl && lunr.nl.stemmer; // loaded once Material has read its configuration
    if (!stemmer) return query;
    query.clauses.forEach(function (clause) {
      var typed = /^([^*]+)\*$/.exec(clause.term);
      if (!typed) return;
      var stem = stemmer(new lunr.Token(typed[1])).toString();
      if (stem) clause.term = stem + "*";
    });
    return query;
  };
})();
