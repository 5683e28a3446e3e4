"""The meeting briefing: the current view as an editable PowerPoint deck, built offline.

``content`` turns the service's figures into slide rows and chart series (pure); ``slides`` holds the
python-pptx building blocks; ``deck`` lays out the slides; ``picture`` draws the map with kaleido.
"""

from mpp_data.present.briefing.content import Briefing, file_name, tables_file_name
from mpp_data.present.briefing.deck import SLIDES, build_deck, build_tables

__all__ = ["SLIDES", "Briefing", "build_deck", "build_tables", "file_name", "tables_file_name"]
