// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // A form came back with errors: its summary (role="alert", at the top of the form) takes
  // the focus, so that a screen reader reads it at once and Tab continues from its links,
  // each of which moves the focus to its field.
  var foutenoverzicht = document.getElementById("foutenoverzicht");
  if (foutenoverzicht) {
    foutenoverzicht.focus();
    // Following a link shows the field with its label or question, without adding the
    // field to the address (a resend would otherwise land on it instead of the summary).
    foutenoverzicht.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var veld = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!veld) return;
      event.preventDefault();
      // A group of radio buttons or checkboxes shows its question, a field its label.
      var groep = veld.name && veld.closest("fieldset");
      var vraag = groep && groep.querySelectorAll("[name='" + veld.name + "']").length > 1 &&
        groep.querySelector("legend");
      var kop = vraag || (veld.labels && veld.labels[0]) || veld;
      kop.scrollIntoView();
      veld.focus({ preventScroll: true });
    });
  }

  // Catalogue: apply filters and sorting without a full page load.
  var form = document.getElementById("catalogus-formulier");
  if (!form || !window.fetch || !window.history) return;
  var doel = document.getElementById(form.dataset.fragment);
  var bezig = null;
  var status = document.getElementById("catalogus-status");
  function zonderFragment(adres) { return adres.split("#")[0]; }
  var geladen = zonderFragment(window.location.href); // the address the catalogue shows

  function laad(url, push) {
    if (bezig) bezig.abort();
    bezig = new AbortController();
    doel.setAttribute("aria-busy", "true");
    var focusId = document.activeElement && document.activeElement.id;
    var focusWeg = doel.contains(document.activeElement) && !focusId;
    var filtersOpen = !uitklap() || uitklap().open;
    fetch(url, { headers: { "X-Fragment": form.dataset.fragment }, signal: bezig.signal })
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error(antwoord.status);
        return antwoord.text();
      })
      .then(function (html) {
        doel.innerHTML = html;
        doel.removeAttribute("aria-busy");
        if (uitklap()) uitklap().open = filtersOpen || !smal.matches;
        var zoekveld = document.getElementById("zoekterm");
        if (zoekveld) zoekveld.value = new URL(url, window.location.href).searchParams.get("q") || "";
        if (push) history.pushState({ catalogus: true }, "", url);
        geladen = zonderFragment(new URL(url, window.location.href).href);
        // The old live region was replaced with the fragment: announce the new count in the
        // status region outside it. Keep focus where it was, or on the results heading when
        // the element that had it (a removed filter chip, a page link) is gone.
        var kop = document.getElementById("resultaten-kop");
        if (status && kop) status.textContent = kop.textContent.replace(/\s+/g, " ").trim();
        var terug = (focusId && document.getElementById(focusId)) || (focusWeg && kop);
        if (terug) terug.focus();
      })
      .catch(function (fout) {
        if (fout.name !== "AbortError") window.location.href = url;
      });
  }

  function urlVanFormulier() {
    var data = new URLSearchParams(new FormData(form));
    for (var sleutel of Array.from(data.keys())) {
      if (data.get(sleutel) === "") data.delete(sleutel);
    }
    // Leave the default order out of the URL (as the server does), so shared links stay short.
    if (data.get("sorteer") === (data.get("q") ? "relevantie" : "nieuwste")) data.delete("sorteer");
    var query = data.toString();
    return form.action + (query ? "?" + query : "");
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) laad(urlVanFormulier(), true);
  });
  doel.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (link && link.getAttribute("href").charAt(0) === "#") return; // in-page link (skip link)
    if (!link || link.origin !== window.location.origin || link.pathname !== new URL(form.action).pathname) return;
    event.preventDefault();
    laad(link.href, true);
  });
  // Back and forward load the catalogue of that address; a change of the fragment alone (the
  // skip link to #resultaten-kop fires popstate too) loads nothing: a reload would arrive
  // while the keyboard user moves on and put the focus back on the heading.
  window.addEventListener("popstate", function () {
    if (zonderFragment(window.location.href) === geladen) return;
    laad(window.location.href, false);
  });

  // On a narrow screen the long filter list starts folded, so the results come into view;
  // the active filters stay visible above the results. Wide screens always show the filters.
  var smal = window.matchMedia("(max-width: 55.99rem)");
  function uitklap() { return document.getElementById("filters-uitklap"); }
  if (smal.matches && uitklap()) uitklap().open = false;
  smal.addEventListener("change", function () { if (!smal.matches && uitklap()) uitklap().open = true; });
})();
