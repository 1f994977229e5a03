// Progressive enhancement: a <select data-keuzelijst> becomes a combobox that filters its
// options while you type (WAI-ARIA 1.2 combobox with a listbox popup). Without this file the
// select works as it is; with it, the select stays in the form (hidden) and carries the value.
(function () {
  "use strict";
  var MAX = 12;

  function gewoon(tekst) {
    return tekst.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function verbeter(select) {
    var id = select.id;
    var opties = Array.prototype.filter.call(select.options, function (optie) {
      return optie.value !== "";
    }).map(function (optie) {
      return { waarde: optie.value, tekst: optie.text, zoek: gewoon(optie.text) };
    });
    var invoer = document.createElement("input");
    invoer.type = "text";
    invoer.id = id;
    invoer.className = "keuzelijst__invoer";
    invoer.setAttribute("role", "combobox");
    invoer.setAttribute("aria-autocomplete", "list");
    invoer.setAttribute("aria-expanded", "false");
    invoer.setAttribute("autocomplete", "off");
    var lijst = document.createElement("ul");
    lijst.id = id + "_lijst";
    lijst.className = "keuzelijst__lijst";
    lijst.setAttribute("role", "listbox");
    lijst.hidden = true;
    var label = document.querySelector("label[for='" + id + "']");
    if (label) {
      label.id = label.id || id + "_label";
      lijst.setAttribute("aria-labelledby", label.id);
    }
    invoer.setAttribute("aria-controls", lijst.id);
    ["aria-describedby", "aria-invalid", "required"].forEach(function (attr) {
      if (select.hasAttribute(attr)) invoer.setAttribute(attr, select.getAttribute(attr));
    });
    var status = document.createElement("p");
    status.className = "visueel-verborgen";
    status.setAttribute("role", "status");
    select.id = id + "_keuze";
    select.hidden = true;
    select.tabIndex = -1;
    var gekozen = select.options[select.selectedIndex];
    invoer.value = gekozen && gekozen.value ? gekozen.text : "";
    select.parentNode.insertBefore(invoer, select);
    select.parentNode.insertBefore(lijst, select);
    select.parentNode.insertBefore(status, select);

    var zichtbaar = [];
    var actief = -1;

    function sluit() {
      lijst.hidden = true;
      invoer.setAttribute("aria-expanded", "false");
      invoer.removeAttribute("aria-activedescendant");
      actief = -1;
    }

    function markeer(index) {
      var items = lijst.children;
      for (var i = 0; i < items.length; i++) {
        items[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      actief = index;
      if (index >= 0) {
        invoer.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        invoer.removeAttribute("aria-activedescendant");
      }
    }

    function kies(optie) {
      select.value = optie ? optie.waarde : "";
      invoer.value = optie ? optie.tekst : "";
      sluit();
    }

    function toon() {
      var gezocht = gewoon(invoer.value.trim());
      var begin = [], midden = [];
      opties.forEach(function (optie) {
        if (!gezocht) return;
        if (optie.zoek.indexOf(gezocht) === 0) begin.push(optie);
        else if (optie.zoek.indexOf(gezocht) > 0) midden.push(optie);
      });
      zichtbaar = begin.concat(midden).slice(0, MAX);
      lijst.textContent = "";
      zichtbaar.forEach(function (optie, i) {
        var item = document.createElement("li");
        item.id = lijst.id + "_" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = optie.tekst;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          kies(optie);
        });
        lijst.appendChild(item);
      });
      var open = zichtbaar.length > 0;
      lijst.hidden = !open;
      invoer.setAttribute("aria-expanded", open ? "true" : "false");
      actief = -1;
      status.textContent = gezocht
        ? (zichtbaar.length === 1 ? "1 gemeente gevonden" : zichtbaar.length + " gemeenten gevonden")
        : "";
    }

    invoer.addEventListener("input", function () {
      select.value = "";
      toon();
    });
    invoer.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        if (lijst.hidden) toon();
        if (zichtbaar.length) markeer(Math.min(actief + 1, zichtbaar.length - 1));
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        if (zichtbaar.length) markeer(Math.max(actief - 1, 0));
        event.preventDefault();
      } else if (event.key === "Enter" && !lijst.hidden && actief >= 0) {
        kies(zichtbaar[actief]);
        event.preventDefault();
      } else if (event.key === "Escape") {
        if (!lijst.hidden) sluit();
        else kies(null);
      }
    });
    invoer.addEventListener("blur", function () {
      var gezocht = gewoon(invoer.value.trim());
      var gelijk = opties.filter(function (optie) { return optie.zoek === gezocht; })[0];
      if (gelijk) kies(gelijk);
      else sluit();
    });
    // Typed, but no municipality of the list: the server answers "Kies een gemeente uit de
    // lijst", with what was typed, instead of silently sending nothing.
    select.form.addEventListener("submit", function () {
      if (invoer.value.trim() && !select.value) {
        var los = new Option(invoer.value.trim(), invoer.value.trim(), true, true);
        select.add(los);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("select[data-keuzelijst]"), verbeter);
})();
