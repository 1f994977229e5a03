// "Voorbeeld bekijken" under a Markdown text area (baz/beheerformulieren/markdown.py).
// The server renders the text as the public page does and returns sanitised HTML; it is
// shown in the region under the text area, and the live region says it is there (or what
// went wrong). The button is hidden in the page and only shown here, so without JavaScript
// there is no button that does nothing.
(function () {
  "use strict";

  function opzetten(vak) {
    if (vak.dataset.bazKlaar) return;
    vak.dataset.bazKlaar = "1";
    var invoer = vak.querySelector("textarea");
    var knop = vak.querySelector(".baz-markdown-knop");
    var status = vak.querySelector(".baz-markdown-status");
    var voorbeeld = vak.querySelector(".baz-markdown-voorbeeld");
    var inhoud = vak.querySelector(".baz-markdown-inhoud");
    var formulier = vak.closest("form");
    var sleutel = formulier && formulier.querySelector("input[name=csrfmiddlewaretoken]");
    if (!invoer || !knop || !status || !voorbeeld || !inhoud || !sleutel) return;
    var bezig = false;

    function melden(boodschap) {
      // Emptied first, so the same message twice is announced twice.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = boodschap; }, 50);
    }

    knop.addEventListener("click", function () {
      if (bezig) return;
      bezig = true;
      knop.setAttribute("aria-disabled", "true");
      var gegevens = new FormData();
      gegevens.append("csrfmiddlewaretoken", sleutel.value);
      gegevens.append("tekst", invoer.value);
      fetch(vak.getAttribute("data-url"), {
        method: "POST",
        body: gegevens,
        credentials: "same-origin",
        headers: { "X-CSRFToken": sleutel.value, Accept: "application/json" },
      })
        .then(function (antwoord) {
          var soort = antwoord.headers.get("content-type") || "";
          if (soort.indexOf("application/json") !== 0) throw new Error("geen JSON");
          return antwoord.json();
        })
        .then(function (uitkomst) {
          if (typeof uitkomst.html !== "string") {
            melden(uitkomst.fout || vak.getAttribute("data-fout"));
            return;
          }
          // Sanitised on the server by the renderer of the public pages (nh3).
          inhoud.innerHTML = uitkomst.html;
          voorbeeld.hidden = false;
          melden(vak.getAttribute(uitkomst.html ? "data-klaar" : "data-leeg"));
        })
        .catch(function () { melden(vak.getAttribute("data-fout")); })
        .then(function () {
          bezig = false;
          knop.removeAttribute("aria-disabled");
        });
    });
    knop.hidden = false;
  }

  function alles(wortel) {
    wortel.querySelectorAll("[data-baz-markdown]").forEach(opzetten);
  }

  function start() {
    alles(document);
    document.addEventListener("formset:added", function (e) { alles(e.target); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
