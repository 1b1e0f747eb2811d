// The wizard works without this file; with it, htmx swaps each step in place and this
// keeps keyboard and screen-reader users oriented: focus moves to the new question.
document.addEventListener("htmx:afterSwap", function () {
  var wizard = document.getElementById("wizard");
  if (!wizard) return;
  if (wizard.dataset.title) document.title = wizard.dataset.title;
  var heading = wizard.querySelector("[data-focus-on-swap]");
  if (heading) heading.focus();
  setUp(wizard);
});
// htmx swaps only 2xx responses by default; a step with an error answers 400.
document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.xhr.status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

function setUp(root) {
  // "None of these" and the signs exclude each other (the server checks it too)
  var none = root.querySelector("[data-none-of-these]");
  if (none) {
    var others = root.querySelectorAll('input[name="answer"]:not([data-none-of-these])');
    none.addEventListener("change", function () {
      if (none.checked) others.forEach(function (box) { box.checked = false; });
    });
    others.forEach(function (box) {
      box.addEventListener("change", function () { if (box.checked) none.checked = false; });
    });
  }
  // how much room is left in the description (the text is never cut: too long is refused)
  var text = root.querySelector("textarea[data-limit]");
  var counter = root.querySelector("#describe-counter");
  if (text && counter) {
    var limit = parseInt(text.dataset.limit, 10);
    var show = function () {
      var left = limit - text.value.length;
      counter.hidden = text.value.length < limit * 0.8;
      counter.textContent = left >= 0
        ? left.toLocaleString() + " characters left"
        : (-left).toLocaleString() + " characters too many";
    };
    text.addEventListener("input", show);
    show();
  }
}
setUp(document);
