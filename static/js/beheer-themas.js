// Suggestions of existing themes in taggit's comma-separated field
// (baz/beheerformulieren/themas.py): the WAI-ARIA combobox pattern with a list box, for the
// last comma-separated part. Arrow down/up move through the suggestions (aria-activedescendant),
// Enter takes the one chosen, Escape closes the list; a click takes one too. Themes already in
// the field are not suggested again. Without this script the field is a plain text input.
(function () {
  "use strict";

  var WACHTEN = 200; // ms after the last key before asking the server

  function opzetten(vak) {
    if (vak.dataset.bazKlaar) return;
    vak.dataset.bazKlaar = "1";
    var invoer = vak.querySelector("input[type=text]");
    var lijst = document.getElementById(vak.getAttribute("data-lijst"));
    var status = vak.querySelector("[aria-live]");
    if (!invoer || !lijst || !status) return;
    var opties = [];
    var actief = -1;
    var wachten = null;
    var vraag = 0; // only the answer to the latest question counts

    invoer.setAttribute("role", "combobox");
    invoer.setAttribute("aria-autocomplete", "list");
    invoer.setAttribute("aria-expanded", "false");
    invoer.setAttribute("aria-controls", lijst.id);
    invoer.setAttribute("autocomplete", "off");

    function delen() {
      return invoer.value.split(",");
    }

    function laatste() {
      var d = delen();
      return d[d.length - 1].trim();
    }

    function alGekozen() {
      var d = delen();
      return d.slice(0, -1).map(function (t) { return t.trim().toLowerCase(); });
    }

    function sluiten() {
      lijst.hidden = true;
      lijst.textContent = "";
      opties = [];
      actief = -1;
      invoer.setAttribute("aria-expanded", "false");
      invoer.removeAttribute("aria-activedescendant");
    }

    function kiesActief(index) {
      actief = index;
      opties.forEach(function (optie, i) {
        optie.setAttribute("aria-selected", i === index ? "true" : "false");
        optie.classList.toggle("baz-themas-optie--actief", i === index);
      });
      if (index >= 0) {
        invoer.setAttribute("aria-activedescendant", opties[index].id);
        opties[index].scrollIntoView({ block: "nearest" });
      } else {
        invoer.removeAttribute("aria-activedescendant");
      }
    }

    function nemen(naam) {
      var d = delen();
      d[d.length - 1] = naam;
      invoer.value = d.map(function (t) { return t.trim(); }).filter(Boolean).join(", ") + ", ";
      invoer.setSelectionRange(invoer.value.length, invoer.value.length);
      sluiten();
      invoer.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function vertellen(aantal) {
      var tekst = aantal === 0 ? vak.getAttribute("data-geen")
        : aantal === 1 ? vak.getAttribute("data-een")
        : vak.getAttribute("data-meer").replace("%(n)s", String(aantal));
      if (status.textContent !== tekst) status.textContent = tekst;
    }

    function tonen(namen) {
      var gekozen = alGekozen();
      namen = namen.filter(function (n) { return gekozen.indexOf(n.toLowerCase()) === -1; });
      sluiten();
      vertellen(namen.length);
      if (!namen.length) return;
      namen.forEach(function (naam, i) {
        var optie = document.createElement("li");
        optie.id = lijst.id + "_" + i;
        optie.setAttribute("role", "option");
        optie.setAttribute("aria-selected", "false");
        optie.className = "baz-themas-optie";
        optie.textContent = naam;
        // Keep the focus in the input; the click takes the theme.
        optie.addEventListener("mousedown", function (e) { e.preventDefault(); });
        optie.addEventListener("click", function () { nemen(naam); });
        lijst.appendChild(optie);
        opties.push(optie);
      });
      lijst.hidden = false;
      invoer.setAttribute("aria-expanded", "true");
    }

    function vragen() {
      var begin = laatste();
      var nummer = ++vraag;
      if (!begin) {
        sluiten();
        return;
      }
      var adres = new URL(vak.getAttribute("data-url"), window.location.href);
      adres.searchParams.set("q", begin);
      fetch(adres.href, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (antwoord) { return antwoord.ok ? antwoord.json() : { themas: [] }; })
        .then(function (uitkomst) {
          if (nummer !== vraag || document.activeElement !== invoer) return;
          tonen(Array.isArray(uitkomst.themas) ? uitkomst.themas : []);
        })
        .catch(sluiten);
    }

    invoer.addEventListener("input", function () {
      window.clearTimeout(wachten);
      wachten = window.setTimeout(vragen, WACHTEN);
    });

    invoer.addEventListener("keydown", function (e) {
      var open = !lijst.hidden && opties.length > 0;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (open) kiesActief((actief + 1) % opties.length);
        else if (laatste()) vragen();
      } else if (e.key === "ArrowUp") {
        if (!open) return;
        e.preventDefault();
        kiesActief(actief <= 0 ? opties.length - 1 : actief - 1);
      } else if (e.key === "Enter") {
        // Enter on a chosen suggestion takes it; otherwise it sends the form, as before.
        if (open && actief >= 0) {
          e.preventDefault();
          nemen(opties[actief].textContent);
        }
      } else if (e.key === "Escape") {
        if (open) {
          e.preventDefault();
          sluiten();
        }
      } else if (e.key === "Tab") {
        sluiten();
      }
    });

    invoer.addEventListener("blur", function () {
      window.clearTimeout(wachten);
      vraag++;
      sluiten();
    });
  }

  function alles(wortel) {
    wortel.querySelectorAll("[data-baz-themas]").forEach(opzetten);
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
