"""Widgets pygame_gui has none of: the map, the indicator bars, the chart, the news feed."""
