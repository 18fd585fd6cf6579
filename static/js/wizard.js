/* Keuzehulp: the one bit of script outside htmx, a "copy link" button. Without it the
   share link is still a read-only text box the installer can select. */
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button || !navigator.clipboard) return;
  var input = document.querySelector(button.getAttribute("data-copy"));
  navigator.clipboard.writeText(input.value).then(function () {
    button.textContent = button.getAttribute("data-done") || "✓";
  });
});
document.querySelectorAll("[data-copy]").forEach(function (b) { if (navigator.clipboard) b.hidden = false; });

/* Wizard steps: a field's error shows once the installer leaves it (or submits), not while
   typing. The form's hidden "touched" lists the fields left so far; the server's live preview
   only reports errors of those, and empties an error as soon as the value is valid. */
document.addEventListener("focusout", function (event) {
  var field = event.target;
  var form = field.form;
  if (!form || !form.classList.contains("step-form") || !field.name) return;
  var touched = form.elements.namedItem("touched");
  if (!touched) return;
  var names = touched.value ? touched.value.split(",") : [];
  if (names.indexOf("*") >= 0 || names.indexOf(field.name) >= 0) return;
  names.push(field.name);
  touched.value = names.join(",");
  if (window.htmx) window.htmx.trigger(form, "touched");
});
/* A live preview swaps the error texts; keep aria-invalid in step with them. */
document.addEventListener("htmx:oobAfterSwap", function (event) {
  var slot = event.target; /* the new element; detail.target is the one it replaced */
  if (!slot || !slot.id || slot.id.slice(-6) !== "_error" || slot.id.slice(0, 3) !== "id_") return;
  var name = slot.id.slice(3, -6);
  document.querySelectorAll(".step-form [name='" + name + "']").forEach(function (input) {
    if (slot.textContent.trim()) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  });
});
/* Cabling: offer only the installation methods the chosen cable type may use (VD only in
   conduit). Without script the form refuses a wrong pair with a message instead. */
function offerMethods(typeSelect) {
  var method = document.querySelector('select[data-method-of="' + typeSelect.name + '"]');
  if (!method) return;
  var first = null;
  Array.prototype.forEach.call(method.options, function (option) {
    var allowed = (" " + option.getAttribute("data-types") + " ").indexOf(" " + typeSelect.value + " ") >= 0;
    option.disabled = !allowed;
    option.hidden = !allowed;
    if (allowed && first === null) first = option;
  });
  if (method.selectedOptions.length && method.selectedOptions[0].disabled && first) first.selected = true;
}
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("select[name$=_cable_type]")) offerMethods(event.target);
});
document.querySelectorAll("select[name$=_cable_type]").forEach(offerMethods);
document.addEventListener("htmx:load", function (event) {
  event.detail.elt.querySelectorAll("select[name$=_cable_type]").forEach(offerMethods);
});
/* Household groups: offer only the phases the group's kind allows (a kookgroep 2 or 3, a
   laadpaal or warmtepomp 1 or 3). Without script the form refuses another with a message. */
function offerPhases(kindSelect) {
  var row = kindSelect.closest(".group-row");
  var phases = row && row.querySelector("select[name$='-phases']");
  if (!phases) return;
  Array.prototype.forEach.call(phases.options, function (option) {
    var allowed = (" " + option.getAttribute("data-kinds") + " ").indexOf(" " + kindSelect.value + " ") >= 0;
    option.disabled = !allowed;
    option.hidden = !allowed;
  });
  if (phases.selectedOptions.length && phases.selectedOptions[0].disabled) phases.value = "";
}
document.addEventListener("change", function (event) {
  if (event.target.matches && event.target.matches("select[name$='-kind']")) offerPhases(event.target);
});
document.querySelectorAll("select[name$='-kind']").forEach(offerPhases);
document.addEventListener("htmx:load", function (event) {
  event.detail.elt.querySelectorAll("select[name$='-kind']").forEach(offerPhases);
});
