/*
 * Suggestions under a search box, as the patient types.
 *
 * Progressive enhancement: the form works without this script. It follows
 * the ARIA combobox pattern (WAI-ARIA APG, "list autocomplete"): arrow keys
 * move through the list, Enter opens the chosen page, Escape closes the list,
 * and a polite live region says how many suggestions there are.
 * No inline styles or scripts: the list shows and hides with `hidden`.
 */
(function () {
    "use strict";

    var DELAY_MS = 150;
    var MIN_CHARS = 2;

    function setUp(input, index) {
        var endpoint = input.getAttribute("data-autocomplete");
        var listId = input.id + "-suggesties";
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var items = [];
        var active = -1;
        var timer = null;
        var lastQuery = "";
        var controller = null;

        list.id = listId;
        list.className = "autocomplete";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggesties");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");

        var wrapper = input.parentNode;
        wrapper.classList.add("autocomplete-wrap");
        wrapper.appendChild(list);
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(next) {
            if (!items.length) {
                return;
            }
            active = (next + items.length) % items.length;
            Array.prototype.forEach.call(list.children, function (option, i) {
                option.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", list.children[active].id);
        }

        function render(suggestions) {
            items = suggestions;
            list.textContent = "";
            suggestions.forEach(function (suggestion, i) {
                var option = document.createElement("li");
                var title = document.createElement("span");
                var label = document.createElement("span");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                title.className = "autocomplete__title";
                title.textContent = suggestion.title;
                label.className = "autocomplete__label";
                label.textContent = suggestion.label;
                option.appendChild(title);
                option.appendChild(label);
                // mousedown, not click: it fires before the input loses focus and closes the list.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.assign(suggestion.url);
                });
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = suggestions.length + (suggestions.length === 1 ? " suggestie" : " suggesties") +
                    ", kies met de pijltjestoetsen";
            } else {
                close();
                status.textContent = "";
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (query.length < MIN_CHARS) {
                render([]);
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            fetch(endpoint + "?q=" + encodeURIComponent(query), {
                headers: {"Accept": "application/json"},
                signal: controller.signal
            })
                .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.suggestions || []);
                    }
                })
                .catch(function () { /* aborted or offline: the form still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                if (list.hidden && items.length) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                highlight(active + 1);
                event.preventDefault();
            } else if (event.key === "ArrowUp") {
                highlight(active - 1);
                event.preventDefault();
            } else if (event.key === "Enter" && !list.hidden && active >= 0) {
                event.preventDefault();
                window.location.assign(items[active].url);
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", close);
    }

    Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete]"), setUp);
})();
