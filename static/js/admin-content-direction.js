// Gives the text fields of the admin's editors the language and direction of the page or record being
// edited, which the status panel names (home/templates/wagtailadmin/shared/side_panels/includes/status/
// locale.html). Without them, Arabic mixed with Latin names is laid out left to right and scrambled for
// the translator and the reviewer. wagtail-localize's editor and Wagtail's rich text render their
// fields after the page loads, so new fields are watched for.
(function () {
  "use strict";

  var marker = document.querySelector("[data-content-language]");
  if (!marker) {
    return;
  }
  var language = marker.getAttribute("data-content-language");
  var direction = marker.getAttribute("data-content-direction");
  var TEXT_FIELDS = 'textarea, input[type="text"], input:not([type]), [contenteditable="true"]';
  // Slugs are addresses: Latin letters, read left to right in every language.
  var ADDRESS_FIELDS = '[name="slug"], [name$="-slug"]';
  var EDITORS = "[data-edit-form], .js-translation-editor";

  function label(root) {
    root.querySelectorAll(TEXT_FIELDS).forEach(function (field) {
      if (field.hasAttribute("data-content-language-set")) {
        return;
      }
      field.setAttribute("data-content-language-set", "");
      if (field.matches(ADDRESS_FIELDS)) {
        field.setAttribute("dir", "ltr");
        return;
      }
      field.setAttribute("lang", language);
      field.setAttribute("dir", direction);
    });
  }

  function watch(editor) {
    label(editor);
    new MutationObserver(function () {
      label(editor);
    }).observe(editor, { childList: true, subtree: true });
  }

  function start() {
    document.querySelectorAll(EDITORS).forEach(watch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
