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
/* Household groups: "Groep toevoegen" and "Verwijderen" redraw the whole step from what they
   send. Meanwhile the live preview steps aside: one on its way is aborted (its answer would
   redraw the rows from before the action) and none starts until the redraw. What the installer
   types in the meantime is carried into the redrawn rows (below a removed row, one row up) and
   previewed from there. */
var rowAction = null;
function inputsOf(form) {
  var values = {};
  Array.prototype.forEach.call(form.elements, function (input) {
    if (!input.name || input.type === "hidden" || input.type === "submit") return;
    if (input.type === "radio") values[input.name + "=" + input.value] = input.checked;
    else if (input.type === "checkbox") values[input.name] = input.checked;
    else values[input.name] = input.value;
  });
  return values;
}
function movedTo(key, action) {
  if (action.name !== "remove_group") return key;
  var removed = /^(.*)-(\d+)$/.exec(action.value);
  var row = removed && new RegExp("^" + removed[1] + "-(\\d+)-(.+)$").exec(key);
  if (!row) return key;
  var index = parseInt(row[1], 10), gone = parseInt(removed[2], 10);
  if (index === gone) return null;
  return index > gone ? removed[1] + "-" + (index - 1) + "-" + row[2] : key;
}
function carryOver(key, value, form) {
  var radio = key.indexOf("=") >= 0 ? key.split("=") : null;
  var input = radio
    ? form.querySelector("input[type=radio][name='" + radio[0] + "'][value='" + radio[1] + "']")
    : form.elements.namedItem(key);
  if (!input || input instanceof RadioNodeList) return false;
  if (input.type === "radio" || input.type === "checkbox") input.checked = value;
  else input.value = value;
  return true;
}
document.addEventListener("htmx:beforeRequest", function (event) {
  var elt = event.detail.elt;
  if (!elt.matches) return;
  if (elt.matches("form.step-form")) {
    if (rowAction && rowAction.form === elt) event.preventDefault();
  } else if (elt.matches(".group-list button[hx-post]") && elt.form) {
    rowAction = { form: elt.form, name: elt.name, value: elt.value, sent: inputsOf(elt.form) };
    window.htmx.trigger(elt.form, "htmx:abort");
  }
});
document.addEventListener("htmx:afterRequest", function (event) {
  var action = rowAction;
  /* requestConfig.elt: the button; detail.elt is an ancestor still on the page once it is gone. */
  var config = event.detail.requestConfig;
  if (!action || !config || config.elt.form !== action.form) return;
  rowAction = null;
  var form = document.querySelector("form.step-form");
  if (!form || form === action.form) return; /* it failed: the page is as it was */
  var now = inputsOf(action.form), carried = false;
  Object.keys(now).forEach(function (key) {
    if (now[key] === action.sent[key]) return;
    var to = movedTo(key, action);
    if (to !== null && carryOver(to, now[key], form)) carried = true;
  });
  if (carried) previewOnSettle = form;
});
/* The redrawn form listens for its preview only once htmx has settled it. */
var previewOnSettle = null;
document.addEventListener("htmx:afterSettle", function () {
  var form = previewOnSettle;
  previewOnSettle = null;
  if (form && document.body.contains(form)) window.htmx.trigger(form, "touched");
});
/* A preview answered after the step was redrawn belongs to a page that is gone. */
document.addEventListener("htmx:beforeSwap", function (event) {
  if (!document.body.contains(event.detail.target)) event.detail.shouldSwap = false;
});
