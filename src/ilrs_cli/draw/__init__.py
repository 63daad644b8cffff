"""Pictures: SVG charts and the world map, their GeoJSON, and the self-contained HTML page.

Drawn with the standard library's ElementTree (docs/development.md says why), so drawing
needs no extra install. Only the commands that draw import this package: no other command
pays for it.
"""
