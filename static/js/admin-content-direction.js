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
  // wagtail-localize shows each string, translated or still in the source language, as a paragraph:
  // its own first letters tell which way it reads.
  var SHOWN_STRINGS = ".js-translation-editor p:not([dir])";

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

  function orient(root) {
    root.querySelectorAll(SHOWN_STRINGS).forEach(function (paragraph) {
      paragraph.setAttribute("dir", "auto");
    });
  }

  function watch(editor) {
    label(editor);
    orient(editor);
    new MutationObserver(function () {
      label(editor);
      orient(editor);
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
