"""Charts drawn with QPainter (no QtCharts): crisp at any scale, in the report palette, each with
a table twin.

- ``RadarChart``, ``DomainBars``: domain scores (results page);
- ``HeatmapDelegate`` / ``paint_heat_cell``: colour plus number in table cells (portfolio);
- ``DivergingBars`` / ``paint_diverging_bar``: company − unit per topic (partnership);
- ``TrendChart``: scores over time with version changes marked (trend);
- ``ChartPanel``: a chart with its "Show as table" twin.
"""

from readiness.ui.charts.base import ChartPanel, ChartTableModel, ChartWidget, score_colour
from readiness.ui.charts.diverging import DivergingBars, paint_diverging_bar
from readiness.ui.charts.domain_charts import DomainBars, RadarChart
from readiness.ui.charts.heatmap import HeatmapDelegate, HeatValueRole, paint_heat_cell
from readiness.ui.charts.trend import TrendChart

__all__ = [
    "ChartPanel",
    "ChartTableModel",
    "ChartWidget",
    "DivergingBars",
    "DomainBars",
    "HeatValueRole",
    "HeatmapDelegate",
    "RadarChart",
    "TrendChart",
    "paint_diverging_bar",
    "paint_heat_cell",
    "score_colour",
]
