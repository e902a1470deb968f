// GOV.UK Frontend and MOJ Frontend components, and small behaviours pages declare with data- attributes.
import { initAll } from "./vendor/govuk/govuk-frontend.min.js";
import { initAll as mojInitAll } from "./vendor/moj/moj-frontend.min.js";

initAll();
mojInitAll();

// <select data-sets-action-of="form-id">: choosing an option sends that form to the option's value
document.querySelectorAll("select[data-sets-action-of]").forEach(function (select) {
  select.addEventListener("change", function () {
    var form = document.getElementById(select.dataset.setsActionOf);
    if (form) { form.action = select.value; }
  });
});

// Tables on a phone (static/app.css, under 641px): each row becomes a card, each cell labelled with its column's
// heading (data-label). A cell that already has a data-label keeps it; a table marked data-no-stack is left alone.
document.querySelectorAll("main table.govuk-table:not([data-no-stack])").forEach(function (table) {
  var headRows = table.tHead ? table.tHead.rows : [];
  var head = headRows.length ? headRows[headRows.length - 1] : null;
  var labels = [];
  if (head) {
    Array.prototype.forEach.call(head.cells, function (th) {
      // a heading only screen readers hear (such as "Actions") labels nothing on the card
      var shown = th.cloneNode(true);
      shown.querySelectorAll(".govuk-visually-hidden").forEach(function (hidden) { hidden.remove(); });
      var text = shown.textContent.replace(/\s+/g, " ").trim();
      for (var i = 0; i < (th.colSpan || 1); i++) { labels.push(text); }
    });
  }
  Array.prototype.forEach.call(table.tBodies, function (body) {
    Array.prototype.forEach.call(body.rows, function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (!cell.hasAttribute("data-label") && labels[column]) { cell.setAttribute("data-label", labels[column]); }
        if (!cell.textContent.trim() && !cell.querySelector("a, button, input, select, img, svg")) {
          cell.classList.add("app-stack-table__empty");  // nothing to show: no labelled blank line on the card
        }
        column += cell.colSpan || 1;
      });
    });
  });
  table.classList.add("app-stack-table");
});
