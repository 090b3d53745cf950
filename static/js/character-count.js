// Shows how many characters are left in text areas that have a limit. Without JavaScript the limit
// is still stated in the help text and enforced by maxlength and the server.
(function () {
    "use strict";
    var language = document.documentElement.lang || "en";
    var format = new Intl.NumberFormat(language === "ar" ? "ar-u-nu-arab" : language);
    document.querySelectorAll("textarea[maxlength]").forEach(function (area) {
        var limit = parseInt(area.getAttribute("maxlength"), 10);
        var template = (area.form && area.form.getAttribute("data-characters-left")) || "{count}";
        var counter = document.createElement("p");
        counter.className = "form-field__counter";
        counter.id = area.id + "_counter";
        counter.setAttribute("aria-live", "polite");
        area.insertAdjacentElement("afterend", counter);
        var update = function () {
            counter.textContent = template.replace("{count}", format.format(limit - area.value.length));
        };
        area.addEventListener("input", update);
        update();
    });
})();
