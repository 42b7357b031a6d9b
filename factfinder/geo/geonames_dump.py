"""Building the gazetteer from a full GeoNames dump (``factfinder geo build --geonames``).

For users who downloaded ``allCountries.txt`` (or a country file) and
``admin1CodesASCII.txt`` from GeoNames: every populated place, ADM2-ADM4 unit and
named feature becomes a place, ADM1 rows give the admin1 points, and the packaged
countries, continents, Myanmar and Bangladesh units and curated rows are added as in
``build.build_gazetteer``.
"""

from __future__ import annotations

from pathlib import Path

from factfinder.errors import GazetteerError
from factfinder.geo.feature_points import FeaturePoint, FeaturePoints, apply_feature_points
from factfinder.geo.geonames_file import read_geonames_dump
from factfinder.geo.build import (_finish, _load_admin1, _load_continents, _load_countries, _load_curated, _new_db,
                                  _Writer)
from factfinder.geo.names import admin_terms, is_kept_name, short_admin_name


def build_from_geonames(path: Path, dump: Path, admin1_codes: Path, postal: Path | None = None) -> Path:
    """Build from a full GeoNames dump plus admin1CodesASCII.txt (code<TAB>name<TAB>ascii<TAB>id),
    and the localities of a GeoNames postal-code dump that it lacks where one is given. Admin1
    units and countries take the points of their feature rows in the dump (ADM1, PCLI)."""
    conn = _new_db(path)
    w = _Writer(conn)
    countries = _load_countries(w)
    rows: list[dict[str, str]] = []
    try:
        with admin1_codes.open(encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and "." in parts[0]:
                    cc, code = parts[0].split(".", 1)
                    rows.append({"country": cc, "code": code, "name": parts[1], "lat": "nan", "lon": "nan",
                                 "population": "0", "source": f"GeoNames {admin1_codes.name}"})
    except OSError as exc:
        raise GazetteerError(f"cannot read {admin1_codes}: {exc.strerror}") from exc
    admin1 = _load_admin1(w, rows)
    terms = admin_terms()
    _load_continents(w)
    adm1_points: dict[tuple[str, str], tuple[float, float, int]] = {}
    features = FeaturePoints()  # the countries' points (PCLI rows)
    for row in read_geonames_dump(dump):
        fclass, fcode = row["feature_class"], row["feature_code"]
        lat, lon = float(row["latitude"]), float(row["longitude"])
        aliases = [a for a in row["alternatenames"].split(",") if is_kept_name(a)] + [row["asciiname"]]
        if fcode == "ADM1":
            key = (row["country_code"], row["admin1_code"])
            adm1_points[key] = (lat, lon, int(row["population"] or 0))
            if key in admin1:  # GeoNames' other spellings of the province ("Paktya", "Paktiya")
                w.add_names(admin1[key], None, aliases)
            continue
        kind = {"P": "city", "A": "admin2", "L": "region", "T": "region", "H": "region", "S": "point"}.get(fclass)
        if fclass == "A" and fcode.startswith("PCL"):
            features.add(fcode, row["country_code"], "", FeaturePoint(lat, lon, int(row["geonameid"])))
            continue
        if kind is None:
            continue
        if fcode in {"ADM3", "ADM4"}:
            kind = "admin3"
        if fclass == "A":  # "Zurmat District" is also "Zurmat"
            aliases.append(short_admin_name(row["name"], terms))
        w.place(name=row["name"], kind=kind, country=row["country_code"] or None,
                admin1_code=row["admin1_code"] or None, lat=lat, lon=lon,
                population=int(row["population"] or 0), source=f"GeoNames {dump.name}",
                geonameid=int(row["geonameid"]), aliases=aliases)
    from factfinder.geo.units import fill_town_hierarchy, load_admin_units

    load_admin_units(w, only_countries={"MM", "BD"}, files=("admin_units.csv.gz",))  # the dump has the rest
    _load_curated(w, countries, admin1)
    w.flush()
    fill_town_hierarchy(conn)
    from factfinder.geo.script_names import load_script_names

    load_script_names(conn)
    for (cc, code), (lat, lon, pop) in adm1_points.items():
        conn.execute("UPDATE place SET lat = ?, lon = ?, population = ? "
                     "WHERE kind = 'admin1' AND country = ? AND admin1_code = ?", (lat, lon, pop, cc, code))
    conn.execute("UPDATE place SET lat = NULL, lon = NULL WHERE lat != lat")  # NaN: no ADM1 row seen
    apply_feature_points(conn, features, f"GeoNames {dump.name} (country feature)")
    source = f"GeoNames dump {dump.name} + {admin1_codes.name}"
    if postal is not None:
        from factfinder.geo.build_postal import load_postal

        source += f" + {load_postal(w, postal)} postal-code localities of {postal.name}"
    return _finish(conn, path, source)
