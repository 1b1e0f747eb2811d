// The wizard works without this file; with it, htmx swaps each step in place and this
// keeps keyboard and screen-reader users oriented: focus moves to the new question.
document.addEventListener("htmx:afterSwap", function () {
  var wizard = document.getElementById("wizard");
  if (!wizard) return;
  if (wizard.dataset.title) document.title = wizard.dataset.title;
  var heading = wizard.querySelector("[data-focus-on-swap]");
  if (heading) heading.focus();
});
// htmx swaps only 2xx responses by default; a step with an error answers 400.
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
