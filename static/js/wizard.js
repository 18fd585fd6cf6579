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
