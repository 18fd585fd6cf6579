"""The test report (meetrapport) of a saved configuration: filled in on site, in revisions."""
