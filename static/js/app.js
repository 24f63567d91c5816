/* Small progressive enhancements for the author web app. Every page works without this file;
   it adds live character counters, genre-dependent subgenres, the live credit cost, job polling,
   copy buttons and example prompts. */
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // Live "n / max" counters under every field that has a maxlength. Characters are counted
  // as code points, like the server does, so an emoji or a CJK character counts once.
  function setupCounters() {
    document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var input = document.getElementById(counter.getAttribute("data-counter-for"));
      if (!input) return;
      var max = parseInt(input.getAttribute("data-max-chars") || input.getAttribute("maxlength"), 10);
      if (!max) return;
      function update() {
        var used = Array.from(input.value).length;
        counter.textContent = used + " / " + max;
        counter.classList.toggle("near", used >= max * 0.9 && used <= max);
        counter.classList.toggle("over", used > max);
      }
      input.addEventListener("input", update);
      update();
    });
  }

  // The subgenre list follows the chosen genre; genres without subgenres hide the field.
  function setupSubgenres() {
    var genre = document.querySelector("[data-genre-select]");
    var sub = document.querySelector("[data-subgenre-select]");
    var dataNode = document.getElementById("subgenre-data");
    if (!genre || !sub || !dataNode) return;
    var table = JSON.parse(dataNode.textContent);
    var wrapper = sub.closest(".field");
    function rebuild() {
      var current = sub.value;
      var choices = table[genre.value] || {};
      var keys = Object.keys(choices);
      sub.innerHTML = "";
      var none = document.createElement("option");
      none.value = "";
      none.textContent = keys.length ? "No subgenre" : "No subgenres for this genre";
      sub.appendChild(none);
      keys.forEach(function (slug) {
        var opt = document.createElement("option");
        opt.value = slug;
        opt.textContent = choices[slug];
        if (slug === current) opt.selected = true;
        sub.appendChild(opt);
      });
      sub.disabled = keys.length === 0;
      if (wrapper) wrapper.hidden = keys.length === 0;
    }
    genre.addEventListener("change", rebuild);
    rebuild();
  }

  // "This uses N credits" next to the generate button, updated as the count changes.
  function setupCost() {
    var box = document.querySelector("[data-cost-box]");
    if (!box) return;
    var available = parseInt(box.getAttribute("data-available"), 10);
    // The price comes from the page (covers.specs), never from a number written here.
    var perCover = parseInt(box.getAttribute("data-per-cover"), 10);
    if (isNaN(perCover)) return;
    var out = box.querySelector("[data-cost]");
    var warn = box.querySelector("[data-cost-warning]");
    var inputs = document.querySelectorAll("input[name='count']");
    function update() {
      var checked = document.querySelector("input[name='count']:checked");
      var count = checked ? parseInt(checked.value, 10) : 1;
      var cost = count * perCover;
      out.textContent = cost + (cost === 1 ? " credit" : " credits");
      if (warn) warn.hidden = cost <= available;
    }
    inputs.forEach(function (i) { i.addEventListener("change", update); });
    update();
  }

  // GET a JSON URL again and again: onData(data) returns the pause (ms) before the next poll, or 0 to
  // stop. On connection trouble onTrouble(failures) is told and the poll retries after a growing pause.
  function pollJson(url, firstDelay, onData, onTrouble) {
    var failures = 0;
    function tick() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(function (data) {
          failures = 0;
          var next = onData(data);
          if (next) setTimeout(tick, next);
        })
        .catch(function () {
          failures += 1;
          if (onTrouble) onTrouble(failures);
          setTimeout(tick, Math.min(1000 * failures, 5000));
        });
    }
    setTimeout(tick, firstDelay);
  }

  // Poll a job's JSON status until it finishes, then swap in the rendered result.
  function setupPolling() {
    var root = document.querySelector("[data-poll-url]");
    if (!root) return;
    var statusText = root.querySelector("[data-status-text]");
    var bar = root.querySelector("[data-progress] span");
    var delay = 700;
    pollJson(root.getAttribute("data-poll-url"), 400, function (data) {
      if (statusText && data.status_text) statusText.textContent = data.status_text;
      if (bar && typeof data.progress === "number") bar.style.width = Math.round(data.progress * 100) + "%";
      if (data.done) {
        var target = document.querySelector("[data-poll-target]") || root;
        target.innerHTML = data.html;
        root.removeAttribute("data-poll-url");
        var heading = target.querySelector("h2, h1");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        return 0;
      }
      delay = Math.min(delay * 1.25, 2500);
      return delay;
    }, function (failures) {
      if (statusText && failures > 2) statusText.textContent = "Still working… (connection hiccup, retrying)";
    });
  }

  // A batch's progress page: poll its JSON, update the bar, the counts and the books' tiles until it ends.
  function setupBatchPolling() {
    var root = document.querySelector("[data-batch-poll-url]");
    if (!root) return;
    var statusText = root.querySelector("[data-status-text]");
    var badge = root.querySelector("[data-batch-badge]");
    var bar = root.querySelector("[data-progress]");
    var rows = document.querySelector("[data-batch-rows]");
    function set(name, value) {
      var node = root.querySelector("[data-count='" + name + "']");
      if (node) node.textContent = value;
    }
    pollJson(root.getAttribute("data-batch-poll-url"), 1000, function (data) {
      var percent = Math.round(data.progress * 100);
      if (bar) {
        bar.querySelector("span").style.width = percent + "%";
        bar.setAttribute("aria-valuenow", percent);
      }
      if (statusText) statusText.textContent = data.status_text;
      if (badge) {
        badge.className = "badge badge-" + data.status;
        badge.textContent = data.status_label;
      }
      set("done", data.counts.completed + data.counts.failed);
      set("covers", data.covers);
      set("failed", data.counts.failed);
      set("credits", data.credits_used);
      set("eta", data.eta_text);
      if (rows) rows.innerHTML = data.html;
      var credits = document.querySelector("[data-testid=nav-credits]");
      if (credits && typeof data.credits_left === "number") credits.textContent = data.credits_left;
      if (!data.done) return 1500;
      var note = root.querySelector("[data-while-running]");
      if (note) note.remove();
      root.removeAttribute("data-batch-poll-url");
      root.setAttribute("aria-busy", "false");
      return 0;
    });
  }

  function setupCopy() {
    document.querySelectorAll("[data-copy]").forEach(function (btn) {
      btn.hidden = !navigator.clipboard;
      btn.addEventListener("click", function () {
        var node = document.getElementById(btn.getAttribute("data-copy"));
        if (!node) return;
        navigator.clipboard.writeText(node.textContent.trim()).then(function () {
          var old = btn.textContent;
          btn.textContent = "Copied";
          setTimeout(function () { btn.textContent = old; }, 1500);
        });
      });
    });
  }

  function setupExamplePrompts() {
    document.querySelectorAll("[data-example-for]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var target = document.getElementById(btn.getAttribute("data-example-for"));
        if (!target) return;
        target.value = btn.getAttribute("data-example") || btn.textContent.trim();
        target.dispatchEvent(new Event("input"));
        target.focus();
      });
    });
  }

  // "Show all templates" reveals the rest of the gallery in place, so nothing chosen so far is lost.
  function setupTemplateToggle() {
    var link = document.querySelector("[data-show-all-templates]");
    if (!link) return;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var first = null;
      document.querySelectorAll(".other-template[hidden]").forEach(function (node) {
        node.hidden = false;
        if (!first) first = node.querySelector("input");
      });
      link.hidden = true;
      if (first) first.focus();
    });
  }

  // Buttons that start paid work are disabled after the first click so a double click cannot
  // queue the same job twice (the server is idempotent anyway; this just avoids confusion).
  function setupSubmitOnce() {
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("button[type='submit']").forEach(function (b) {
          setTimeout(function () { b.disabled = true; }, 0);
        });
      });
    });
  }

  onReady(function () {
    setupCounters();
    setupSubgenres();
    setupCost();
    setupPolling();
    setupBatchPolling();
    setupCopy();
    setupExamplePrompts();
    setupSubmitOnce();
    setupTemplateToggle();
  });
})();
