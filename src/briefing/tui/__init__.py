"""The reading room: a Textual app for paging through side-by-side briefs."""
