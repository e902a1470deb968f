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
