// The console's only script: live updates over server-sent events (no inline script: CSP).
// Queue page: a change to a ticket the user may see reloads the queue's body with the same
// filters. Ticket page: a change to this ticket shows a "reload" notice.
(function () {
  "use strict";
  var body = document.body;
  var mode = body.dataset.live;
  if (!mode || !window.EventSource) { return; }
  body.dataset.liveUpdates = "0";
  var pending = null;

  function toLogin() { window.location.assign("/login?expired=1"); }

  function refreshQueue(changedId) {
    var query = body.dataset.query || "";
    fetch("/fragments/queue" + (query ? "?" + query : ""), { credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 401) { toLogin(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) { return; }
        document.getElementById("queue-body").innerHTML = html;
        var row = changedId && document.querySelector('tr[data-id="' + changedId + '"]');
        if (row) { row.classList.add("changed"); }
        body.dataset.liveUpdates = String(Number(body.dataset.liveUpdates) + 1);
      });
  }

  var source = new EventSource("/live");
  source.addEventListener("open", function () { body.dataset.liveConnected = "1"; });
  source.addEventListener("logout", function () { source.close(); toLogin(); });
  source.addEventListener("ticket", function (event) {
    var change = JSON.parse(event.data);
    if (mode === "queue") {
      clearTimeout(pending);
      pending = setTimeout(function () { refreshQueue(change.id); }, 150);
    } else if (mode === "ticket" && String(change.id) === body.dataset.ticketId) {
      document.getElementById("changed").classList.remove("hidden");
      body.dataset.liveUpdates = String(Number(body.dataset.liveUpdates) + 1);
    }
  });
  source.addEventListener("error", function () {
    if (source.readyState === EventSource.CLOSED) {
      fetch("/fragments/queue", { credentials: "same-origin" }).then(function (response) {
        if (response.status === 401) { toLogin(); }
      });
    }
  });
})();
