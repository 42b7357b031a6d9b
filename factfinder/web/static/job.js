// Ingest progress: poll the job's JSON until it is done, then show the results.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  function cell(row, text) { var td = document.createElement("td"); td.textContent = text; row.appendChild(td); return td; }
  function poll() {
    fetch(box.dataset.src).then(function (r) { return r.json(); }).then(function (job) {
      document.getElementById("job-state").textContent = job.state;
      document.getElementById("job-done").textContent = job.done;
      document.getElementById("job-progress").value = job.done;
      var body = document.getElementById("job-outcomes");
      body.textContent = "";
      job.outcomes.forEach(function (o) {
        var tr = document.createElement("tr");
        tr.className = "o-" + o.status;
        cell(tr, o.origin); cell(tr, o.status); cell(tr, String(o.incidents)).className = "num";
        var msg = cell(tr, o.message || "");
        if (o.sha256) { var a = document.createElement("a"); a.href = "/sources/" + o.sha256; a.textContent = " source"; msg.appendChild(a); }
        body.appendChild(tr);
      });
      if (job.error) { var e = document.getElementById("job-error"); e.textContent = job.error; e.hidden = false; }
      box.dataset.state = job.state;
      if (job.state === "done") document.getElementById("job-next").hidden = false;
      if (job.state === "queued" || job.state === "running") setTimeout(poll, 700);
    });
  }
  if (box.dataset.state === "queued" || box.dataset.state === "running") poll();
})();
