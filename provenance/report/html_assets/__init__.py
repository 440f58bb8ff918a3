"""What the HTML report inlines into every page: style, script, heat-map image.

Kept as Python strings and functions rather than package data so an installed
wheel needs nothing beyond its modules, and a page needs nothing beyond itself.
"""

from .png import heat_png, pool_max
from .script import EARLY_SCRIPT, SCRIPT
from .style import STYLE

__all__ = ["EARLY_SCRIPT", "SCRIPT", "STYLE", "heat_png", "pool_max"]
