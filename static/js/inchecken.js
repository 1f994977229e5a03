// The check-in page (templates/aanwezigheid/inchecken.html), progressive enhancement only:
// without this file every button posts its form and the page comes back at the same row.
// With it, a mark is sent in the background, the row and the counts change in place and a
// live region says what was stored ("Anna: aanwezig"). Keys in a row: the digit of a button
// presses it; arrow up or down moves to the same button of the previous or next person.
(function () {
  "use strict";
  var lijst = document.querySelector("[data-inchecken]");
  if (!lijst || !window.fetch || !window.FormData) return;
  var melding = document.getElementById("aw-melding");

  function zeg(tekst) {
    // Emptied first, so that the same message twice ("Anna: aanwezig") is read twice.
    melding.textContent = "";
    window.setTimeout(function () { melding.textContent = tekst; }, 50);
  }

  function tellingBijwerken() {
    var tellers = document.querySelectorAll("[data-telling]");
    Array.prototype.forEach.call(tellers, function (teller) {
      var waarde = teller.getAttribute("data-telling");
      var n = 0;
      Array.prototype.forEach.call(lijst.querySelectorAll(".aw-rij"), function (rij) {
        if ((rij.getAttribute("data-status") || "") === waarde) n += 1;
      });
      teller.textContent = String(n);
    });
  }

  function rijBijwerken(rij, antwoord) {
    rij.setAttribute("data-status", antwoord.status);
    var tekst = rij.querySelector("[data-status-tekst]");
    if (tekst) tekst.textContent = antwoord.label;
    Array.prototype.forEach.call(rij.querySelectorAll("button[name='status']"), function (knop) {
      knop.setAttribute("aria-pressed", knop.value === antwoord.status ? "true" : "false");
    });
    tellingBijwerken();
  }

  function versturen(form, waarde) {
    var rij = form.closest(".aw-rij");
    var gegevens = new FormData(form);
    gegevens.set("status", waarde);
    rij.setAttribute("aria-busy", "true");
    // Only a JSON answer is trusted: a login page after an expired session (a redirect), the
    // HTML of a CSRF refusal or a server error say "niet bewaard" in Dutch, never the
    // browser's own (English) error text, and the row keeps the state it had.
    var fout = function (soort) {
      return lijst.getAttribute("data-fout-" + soort) || lijst.getAttribute("data-fout");
    };
    fetch(form.action, {
      method: "POST",
      body: gegevens,
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json" },
    })
      .then(
        function (antwoord) {
          var soort = antwoord.headers.get("Content-Type") || "";
          var json = soort.indexOf("application/json") === 0;
          if (antwoord.type === "opaqueredirect" || antwoord.status === 401 || antwoord.status === 403) {
            if (!json) return zeg(fout("aanmelden"));
          }
          if (!json) return zeg(fout("algemeen"));
          return antwoord.json().then(
            function (inhoud) {
              if (antwoord.ok && inhoud && inhoud.status !== undefined) {
                rijBijwerken(rij, inhoud);
                zeg(inhoud.melding);
              } else if (antwoord.status >= 400 && antwoord.status < 500 && inhoud && inhoud.fout) {
                zeg(String(inhoud.fout));
              } else {
                zeg(fout("algemeen"));
              }
            },
            function () { zeg(fout("algemeen")); }
          );
        },
        function () { zeg(fout("verbinding")); }
      )
      .catch(function () { zeg(fout("algemeen")); })
      .finally(function () {
        rij.removeAttribute("aria-busy");
      });
  }

  lijst.addEventListener("submit", function (event) {
    var knop = event.submitter;
    if (!knop || knop.name !== "status") return;
    event.preventDefault();
    versturen(event.target, knop.value);
  });

  lijst.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var rij = event.target.closest && event.target.closest(".aw-rij");
    if (!rij) return;
    var knoppen = Array.prototype.slice.call(rij.querySelectorAll("button[name='status']"));
    var knop = knoppen.filter(function (k) { return k.getAttribute("data-toets") === event.key; })[0];
    if (knop) {
      event.preventDefault();
      knop.focus();
      versturen(knop.form, knop.value);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var rijen = Array.prototype.slice.call(lijst.querySelectorAll(".aw-rij"));
    var doel = rijen[rijen.indexOf(rij) + (event.key === "ArrowDown" ? 1 : -1)];
    if (!doel) return;
    event.preventDefault();
    var plek = Math.max(knoppen.indexOf(event.target), 0);
    var doelKnoppen = doel.querySelectorAll("button[name='status']");
    (doelKnoppen[plek] || doelKnoppen[0]).focus();
  });
})();
