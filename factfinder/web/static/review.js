// The review queue from the keyboard: j/k move, c confirm, r reject, e correct, x select, o open.
// Each action is a POST to the review API (the same code as the incident page: a review row and a
// ledger entry); the reviewed row leaves the queue and the next one is current.
(function () {
  "use strict";
  var table = document.getElementById("queue");
  if (!table) return;
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var form = document.getElementById("correct");
  var status = document.getElementById("review-status");
  var current = 0;
  function rows() { return Array.prototype.slice.call(table.querySelectorAll("tr.queue-row")); }
  function focus(i) {
    var all = rows();
    if (!all.length) { current = 0; return; }
    current = Math.max(0, Math.min(i, all.length - 1));
    all.forEach(function (r, n) { r.classList.toggle("current", n === current); });
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest" });
  }
  function say(text) { status.textContent = text; }
  function send(row, body) {
    return fetch("/api/incidents/" + encodeURIComponent(row.dataset.id) + "/reviews", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.detail || data.error || ("HTTP " + r.status));
        return data;
      });
    });
  }
  function done(row, what) {
    var at = rows().indexOf(row);
    row.parentNode.removeChild(row);
    say(what + " " + row.dataset.id + (rows().length ? "" : " · queue empty: reload for more"));
    focus(at);
  }
  function act(action) {
    var row = rows()[current];
    if (!row) return;
    send(row, { action: action }).then(function () { done(row, action === "confirm" ? "confirmed" : "rejected"); },
                                      function (e) { say("could not " + action + ": " + e.message); });
  }
  function openCorrect() {
    var row = rows()[current];
    if (!row) return;
    row.parentNode.insertBefore(rowFor(form), row.nextSibling);
    form.hidden = false;
    form.dataset.id = row.dataset.id;
    form.elements.value.value = "";
    form.elements.field.focus();
  }
  function rowFor(node) {
    var tr = document.getElementById("correct-row") || document.createElement("tr");
    tr.id = "correct-row";
    var td = tr.firstChild || tr.appendChild(document.createElement("td"));
    td.colSpan = 8;
    td.appendChild(node);
    return tr;
  }
  function closeCorrect() {
    var tr = document.getElementById("correct-row");
    form.hidden = true;
    document.body.appendChild(form);
    if (tr) tr.parentNode.removeChild(tr);
    focus(current);
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var row = table.querySelector('tr.queue-row[data-id="' + CSS.escape(form.dataset.id) + '"]');
    if (!row) return closeCorrect();
    var field = form.elements.field.value, value = form.elements.value.value;
    send(row, { action: "correct", field: field, value: value }).then(function () {
      closeCorrect(); done(row, "corrected " + field + " of");
    }, function (e) { say("could not correct " + field + ": " + e.message); });
  });
  document.getElementById("correct-cancel").addEventListener("click", closeCorrect);
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "Escape") { if (!form.hidden) closeCorrect(); return; }
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") return;
    var row = rows()[current];
    switch (ev.key) {
      case "j": case "ArrowDown": focus(current + 1); break;
      case "k": case "ArrowUp": focus(current - 1); break;
      case "c": act("confirm"); break;
      case "r": act("reject"); break;
      case "e": openCorrect(); break;
      case "x": if (row) { var box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; row.classList.toggle("selected", box.checked); } break;
      case "o": case "Enter": if (row) window.location.href = "/incidents/" + encodeURIComponent(row.dataset.id); break;
      default: return;
    }
    ev.preventDefault();
  });
  focus(0);
})();
