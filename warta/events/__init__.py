"""Events: PLOVER coding of who did what to whom, when and where.

Public API::

    events = extract_events(clean, mentions, actors)   # one row per event, cluster_id null
    clustered = assign_clusters(events)                # same-event reports share cluster_id
"""

from warta.events.clusters import assign_clusters
from warta.events.extract import EVENT_SCHEMA, extract_events

__all__ = ["EVENT_SCHEMA", "assign_clusters", "extract_events"]
