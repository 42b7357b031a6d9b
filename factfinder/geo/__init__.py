"""The geo stage: an offline gazetteer, place mentions resolved in context, incident locations.

    gazetteer = Gazetteer.open()                 # built into the user cache on first use
    parser = Geoparser(gazetteer, nlp)           # nlp: a spaCy pipeline with NER
    places = parser.parse(document)              # every mention, resolved or not
    incidents = locate(incidents, places, document)

Nothing is loaded on import.
"""

from factfinder.geo.gazetteer import Candidate, Gazetteer, Region, check_coordinates, haversine_km
from factfinder.geo.locate import locate
from factfinder.geo.parser import Geoparser

__all__ = ["Candidate", "Gazetteer", "Geoparser", "Region", "check_coordinates", "haversine_km", "locate"]
