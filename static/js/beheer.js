// Small accessibility repairs to Django's admin (loaded by templates/admin/base_site.html).
// Each repairs markup that Django itself, or a widget it ships, leaves without a name:
// - fields in table cells (list_editable columns, tabular inlines) have no <label>
//   (Django ticket #36509): they get the column heading and the row as their name;
// - the autocomplete (select2) box names itself after its selection only, which is empty
//   on a new object: it gets the field's label as well;
// - the filter icon of a "filter_horizontal" widget carries aria-label on a plain <span>,
//   which ARIA does not allow: it becomes an image with that name;
// - a tabular inline too wide for the screen scrolls sideways, but without a row there is
//   nothing in it to reach by keyboard: the scrolling region itself takes the focus.
// And two things Django leaves in English or says where it does not apply:
// - the yes/no icons of a list or a read-only field have "True", "False" or "None" as their
//   text (Django writes the Python value into alt): they get "Ja", "Nee", "Onbekend";
// - the time-zone note ("Let op: vul tijden in volgens de tijdzone ...") that Django's
//   DateTimeShortcuts puts under every date field, when the browser's clock is in another
//   time zone than the server's: a date without a time does not depend on the time zone, so
//   the note goes, with the field's reference to it; date-and-time fields keep theirs.
(function () {
  "use strict";

  function tekst(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function kolomkop(cel) {
    var tabel = cel.closest("table");
    if (!tabel) return "";
    if (cel.classList.contains("delete")) {
      var koppen = tabel.querySelectorAll("thead th");
      return tekst(koppen[koppen.length - 1]);
    }
    var veld = Array.from(cel.classList).find(function (c) { return c.indexOf("field-") === 0; });
    return veld ? tekst(tabel.querySelector("thead th.column-" + veld.slice(6))) : "";
  }

  function rijnaam(cel) {
    var rij = cel.closest("tr");
    var kop = rij && (rij.querySelector("th") || rij.querySelector("td.original p"));
    return kop ? tekst(kop) : "";
  }

  function tabelvelden(wortel) {
    var velden = wortel.querySelectorAll(
      "td input:not([type=hidden]), td select, td textarea"
    );
    velden.forEach(function (veld) {
      if ((veld.labels && veld.labels.length) || veld.hasAttribute("aria-label")) return;
      var cel = veld.closest("td");
      var kolom = kolomkop(cel);
      if (!kolom) return;
      var rij = rijnaam(cel);
      veld.setAttribute("aria-label", rij ? kolom + " (" + rij + ")" : kolom);
    });
  }

  function keuzevakken(wortel) {
    wortel.querySelectorAll(".select2-selection").forEach(function (vak) {
      var keuze = vak.closest(".select2") && vak.closest(".select2").previousElementSibling;
      var label = keuze && keuze.id && document.querySelector("label[for='" + keuze.id + "']");
      if (!label) return;
      if (!label.id) label.id = keuze.id + "_label";
      // The box (role combobox) and the text of the selection in it (role textbox).
      [vak].concat(Array.from(vak.querySelectorAll("[role=textbox]"))).forEach(function (deel) {
        var nu = deel.getAttribute("aria-labelledby") || "";
        if (nu.split(" ").indexOf(label.id) === -1) {
          deel.setAttribute("aria-labelledby", (label.id + " " + nu).trim());
        }
      });
    });
  }

  function filtericonen(wortel) {
    wortel.querySelectorAll("span.search-label-icon[aria-label]").forEach(function (icoon) {
      icoon.setAttribute("role", "img");
    });
  }

  function scrollvakken(wortel) {
    wortel.querySelectorAll(".inline-group .wrapper").forEach(function (vak) {
      var scrolt = vak.scrollWidth > vak.clientWidth;
      var bereikbaar = vak.querySelector("a[href], input:not([type=hidden]), select, textarea, button");
      if (scrolt && !bereikbaar) {
        var kop = vak.closest("fieldset") && vak.closest("fieldset").querySelector("h2[id]");
        vak.setAttribute("tabindex", "0");
        vak.setAttribute("role", "region");
        if (kop) vak.setAttribute("aria-labelledby", kop.id);
      } else if (vak.getAttribute("tabindex") === "0") {
        ["tabindex", "role", "aria-labelledby"].forEach(function (a) { vak.removeAttribute(a); });
      }
    });
  }

  var JA_NEE = { yes: "Ja", no: "Nee", unknown: "Onbekend" };

  function janeeiconen(wortel) {
    wortel.querySelectorAll("img[src*='/admin/img/icon-']").forEach(function (icoon) {
      var soort = /\/admin\/img\/icon-(yes|no|unknown)\./.exec(icoon.getAttribute("src"));
      if (soort && icoon.getAttribute("alt") !== JA_NEE[soort[1]]) {
        icoon.setAttribute("alt", JA_NEE[soort[1]]);
      }
    });
  }

  function tijdzonenotas(wortel) {
    wortel.querySelectorAll(".timezonewarning[id$='_timezone_warning_helptext']").forEach(
      function (nota) {
        var veld = document.getElementById(nota.id.replace(/_timezone_warning_helptext$/, ""));
        if (!veld || !veld.matches("input.vDateField") || veld.closest("p.datetime")) return;
        var rest = (veld.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
          return id && id !== nota.id;
        });
        if (rest.length) veld.setAttribute("aria-describedby", rest.join(" "));
        else veld.removeAttribute("aria-describedby");
        nota.remove();
      }
    );
  }

  function herstellen(wortel) {
    tabelvelden(wortel);
    keuzevakken(wortel);
    filtericonen(wortel);
    scrollvakken(wortel);
    janeeiconen(wortel);
    tijdzonenotas(wortel);
  }

  // Django builds the filter_horizontal widgets, the autocomplete boxes and new inline rows
  // with script, at moments of its own: repair whatever appears, as soon as it appears.
  herstellen(document);
  window.addEventListener("resize", function () { scrollvakken(document); });
  new MutationObserver(function () { herstellen(document); }).observe(document.body, {
    childList: true,
    subtree: true,
  });
})();
