// django-import-export calls the "select all" toggle's handler from an inline onchange
// attribute, which the Content-Security-Policy refuses: the toggle did nothing. The same
// handler (export_selectable_fields.js, loaded before this file) is bound from here instead.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input.select-toggle").forEach((toggle) => {
    toggle.removeAttribute("onchange");
    toggle.onchange = null;
    toggle.addEventListener("change", onSelectToggleChange);
  });
});
