// Print and copy buttons on the result page; hidden when scripts do not run.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
document.querySelectorAll("[data-copy]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    var field = document.getElementById(button.dataset.copy);
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = "Copied";
    });
  });
});
// The time of the check in the reader's own time zone (the page says UTC without this).
document.querySelectorAll("time[data-local-time]").forEach(function (time) {
  var when = new Date(time.getAttribute("datetime"));
  if (!isNaN(when)) {
    time.textContent = when.toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" });
  }
});
