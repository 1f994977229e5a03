// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Catalogue: apply filters and sorting without a full page load.
  var form = document.getElementById("catalogus-formulier");
  if (!form || !window.fetch || !window.history) return;
  var doel = document.getElementById(form.dataset.fragment);
  var bezig = null;

  function laad(url, push) {
    if (bezig) bezig.abort();
    bezig = new AbortController();
    doel.setAttribute("aria-busy", "true");
    var focusId = document.activeElement && document.activeElement.id;
    fetch(url, { headers: { "X-Fragment": form.dataset.fragment }, signal: bezig.signal })
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error(antwoord.status);
        return antwoord.text();
      })
      .then(function (html) {
        doel.innerHTML = html;
        doel.removeAttribute("aria-busy");
        if (push) history.pushState({ catalogus: true }, "", url);
        var terug = focusId && document.getElementById(focusId);
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
    var query = data.toString();
    return form.action + (query ? "?" + query : "");
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) laad(urlVanFormulier(), true);
  });
  doel.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || link.origin !== window.location.origin || link.pathname !== new URL(form.action).pathname) return;
    event.preventDefault();
    laad(link.href, true);
    var q = new URL(link.href).searchParams.get("q") || "";
    document.getElementById("zoekterm").value = q;
  });
  window.addEventListener("popstate", function () { laad(window.location.href, false); });
})();
