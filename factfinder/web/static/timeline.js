// Timeline charts (Chart.js, vendored): incidents per period stacked by type,
// and statistic series (cumulative tallies with an as-of date) as lines.
(function () {
  "use strict";
  function load(canvas) { return fetch(canvas.dataset.src).then(function (r) { return r.json(); }); }

  var timeline = document.getElementById("timeline");
  if (timeline) {
    load(timeline).then(function (data) {
      var datasets = Object.keys(data.series).sort().map(function (t) {
        return { label: t.replace(/_/g, " "), data: data.series[t], backgroundColor: data.colours[t] || "#4d4d4d" };
      });
      new Chart(timeline, {
        type: "bar",
        data: { labels: data.buckets, datasets: datasets },
        options: { animation: false, maintainAspectRatio: false, responsive: true,
                   scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
                   plugins: { legend: { position: "bottom" } } }
      });
      timeline.dataset.loaded = String(data.buckets.length);
    });
  }

  var stats = document.getElementById("statistics");
  if (stats) {
    var palette = ["#2166ac", "#b2182b", "#1b7837", "#762a83", "#e08214", "#35978f", "#878787"];
    load(stats).then(function (data) {
      var series = data.series.filter(function (s) { return s.points.length > 0; }).slice(0, 7);
      if (!series.length) { document.getElementById("statistics-empty").hidden = false; stats.parentNode.hidden = true; return; }
      new Chart(stats, {
        type: "line",
        data: { datasets: series.map(function (s, i) {
          return { label: s.label, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
                   data: s.points.map(function (p) { return { x: Date.parse(p.x), y: p.y }; }), tension: 0 };
        }) },
        options: { animation: false, maintainAspectRatio: false, responsive: true, parsing: true,
                   scales: { x: { type: "linear", ticks: { callback: function (v) { return new Date(v).toISOString().slice(0, 10); } } },
                             y: { beginAtZero: false } },
                   plugins: { legend: { position: "bottom" } } }
      });
      stats.dataset.loaded = String(series.length);
    });
  }
})();
