// The incident map: Natural Earth country shapes (world-atlas TopoJSON) as the
// basemap, incidents as clustered circle markers coloured by type. Everything
// is served by factfinder itself: no tile server, no CDN. Popups are built
// from DOM text nodes, so no report text is ever parsed as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) return;
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([20, 20], 2);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  window.factfinderMap = map;

  fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#8c8c8c", weight: 0.6, fillColor: "#f2efe9", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });

  function popup(p) {
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = "/incidents/" + encodeURIComponent(p[0]);
    a.textContent = p[3].replace(/_/g, " ") + (p[4] ? " · " + p[4] : "");
    a.className = "popup-link";
    box.appendChild(a);
    if (p[5]) { box.appendChild(document.createElement("br")); box.appendChild(document.createTextNode(p[5])); }
    return box;
  }

  fetch(el.dataset.points, { headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) {
      var cluster = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40 });
      var seen = {};
      data.points.forEach(function (p) {
        var colour = data.colours[p[3]] || "#4d4d4d";
        seen[p[3]] = colour;
        var m = L.circleMarker([p[1], p[2]], { radius: 7, color: "#fff", weight: 1.5, fillColor: colour, fillOpacity: 0.9 });
        m.bindPopup(function () { return popup(p); });
        m.options.incidentId = p[0];
        cluster.addLayer(m);
      });
      map.addLayer(cluster);
      if (data.points.length) {
        map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 6 });
      }
      var count = document.getElementById("map-count");
      count.textContent = data.count.toLocaleString() + " located incidents";
      el.dataset.loaded = String(data.count);
      var legend = document.getElementById("legend");
      Object.keys(seen).sort().forEach(function (t) {
        var s = document.createElement("span");
        s.style.setProperty("--c", seen[t]);
        s.textContent = t.replace(/_/g, " ");
        legend.appendChild(s);
      });
    })
    .catch(function (err) {
      document.getElementById("map-count").textContent = "Could not load the incidents: " + (err && err.message ? err.message : err);
    });
})();
