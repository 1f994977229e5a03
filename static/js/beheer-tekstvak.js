// The counter of a text area with a length limit (baz/beheerformulieren/tekstvak.py).
// Shown at once while typing ("Nog 120 tekens", "12 tekens te veel"), but told to a screen
// reader in the polite live region only when the typing pauses, and only when it changed.
// The browser's maxlength is lifted: it cuts pasted text silently; the counter shows the excess
// and the server refuses it with a message. Line breaks count as the one space they become.
(function () {
  "use strict";

  var PAUZE = 1000; // ms without typing before the live region is updated
  var REGELEINDEN = /[ \t]*[\r\n\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]+[ \t]*/g;

  function tekst(status, over) {
    var aantal = Math.abs(over);
    var sleutel = over >= 0 ? "data-over-" : "data-te-veel-";
    sleutel += aantal === 1 ? "een" : "meer";
    return (status.getAttribute(sleutel) || "").replace("%(n)s", String(aantal));
  }

  function opzetten(vak) {
    if (vak.dataset.bazKlaar) return;
    vak.dataset.bazKlaar = "1";
    var invoer = vak.querySelector("textarea[data-limiet]");
    var teller = vak.querySelector(".baz-tekstvak-teller");
    var status = vak.querySelector("[aria-live]");
    if (!invoer || !teller || !status) return;
    var maximum = parseInt(invoer.getAttribute("data-limiet"), 10);
    var wachten = null;

    function over() {
      return maximum - invoer.value.replace(REGELEINDEN, " ").length;
    }

    function tonen() {
      var rest = over();
      teller.textContent = tekst(status, rest);
      teller.classList.toggle("baz-tekstvak-teller--te-veel", rest < 0);
      vak.classList.toggle("baz-tekstvak--te-veel", rest < 0);
    }

    function vertellen() {
      var nieuw = tekst(status, over());
      if (status.textContent !== nieuw) status.textContent = nieuw;
    }

    invoer.removeAttribute("maxlength");
    teller.hidden = false;
    tonen();
    invoer.addEventListener("input", function () {
      tonen();
      window.clearTimeout(wachten);
      wachten = window.setTimeout(vertellen, PAUZE);
    });
  }

  function alles(wortel) {
    wortel.querySelectorAll("[data-baz-tekstvak]").forEach(opzetten);
  }

  function start() {
    alles(document);
    // A new row of an inline formset brings its own fields.
    document.addEventListener("formset:added", function (e) { alles(e.target); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
