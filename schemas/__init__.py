"""The pandera (polars) contracts, one model per stage boundary, named after the frame it guards.

``RawArticles``, ``CleanArticles``, ``Citations``, ``ActorMentions``, ``Actors`` and
``Events`` check types and values (enumerations, ranges, patterns, unique keys);
``relations`` checks that the frames of one batch refer to each other (mention ->
actor, event -> article and actors); ``validate`` splits a frame into valid rows and
quarantine rows with the reason.
"""
