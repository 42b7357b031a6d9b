"""The nouns for a member of a legislature, one list for the two stages that read them.

``extract/implied_agents`` leaves a bill or a vote without an implied agent when a legislator
is named in its sentence (a member's bill is not the government's), and ``geo/acting_body``
takes a member who is the subject of a bill, a sanction or a designation as the body that acts
(placed by the demonym before the noun: "a Canadian senator"). Each adds words only its own
job needs, named beside its pattern. Matched case-insensitively ("MPs", "mp").
"""

from __future__ import annotations

MEMBERS = r"senators?|congress(?:wo)?m[ae]n|lawmakers?|legislators?|MPs?|parliamentarians?"
"""A regex alternation (no group) of the member nouns, singular and plural."""
