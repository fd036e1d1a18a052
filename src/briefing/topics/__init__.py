"""Topics: documents grouped (:mod:`.grouping`: configured globs, then by content in
:mod:`.clustering` over the vectors of :mod:`.features`, or by folder), each named
(:mod:`.names`), briefed across its documents (:mod:`.brief`) and its themes pooled into a
coverage matrix (:mod:`.coverage`)."""
