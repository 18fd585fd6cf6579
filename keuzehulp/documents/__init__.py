"""Documents rendered from a Design: single-line diagram (SVG), dossier (PDF), order list (CSV)."""
