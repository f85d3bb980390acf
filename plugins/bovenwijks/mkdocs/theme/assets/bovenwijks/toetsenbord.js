/* bovenwijks: the keyboard reaches what the mouse reaches.
 *
 * On small screens (and at 400 % zoom) Material opens its menu with a <label>, which no key
 * can reach. Here it becomes a button: Enter or Space opens the menu and moves the focus into
 * it, Escape closes it and returns the focus, and leaving the menu with Tab closes it. */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change")); // Material locks the page's scrolling on it
    }
    sync();
  }

  toggle.addEventListener("change", sync);
  sync();

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    setOpen(!toggle.checked);
    var first = toggle.checked && drawer.querySelector("a[href]");
    if (first) first.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });

  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && next !== button && !drawer.contains(next)) setOpen(false);
  });
})();
