"""render's renderer and lint's checker for the current templates and config file, made when first needed.

A template change makes a new renderer (its environment compiles templates once);
a config change a new lint checker. Both share the renderer's persona libraries,
so a library is read once per change, whichever asks first.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Optional, Union

from journeyctl.check.service import Checker
from journeyctl.config.files import load_configuration
from journeyctl.core.errors import ConfigError, UsageError
from journeyctl.render import FORMATS, MapRenderer, make_environment
from journeyctl.render.environment import TemplateProblem

HTML = FORMATS["html"]
INDEX = "index" + HTML.suffix


class Engine:
    """The renderer and the lint checker of a live site, or why each cannot be made."""

    def __init__(self, templates: Optional[str], today: date) -> None:
        self.templates, self.today = templates, today
        self.config_file: Optional[str] = None  # the config file lint uses, once the checker is made
        self._renderer: Union[MapRenderer, str, None] = None
        self._lint: Union[Checker, str, None] = None

    def renderer(self) -> Union[MapRenderer, str]:
        """render's MapRenderer with the templates as they are now, or why they cannot be used."""
        if self._renderer is None:
            try:
                self._renderer = MapRenderer(HTML, make_environment(self.templates), self.today, INDEX)
            except (UsageError, TemplateProblem) as error:
                self._renderer = str(error)
        return self._renderer

    def lint(self) -> Union[Checker, str]:
        """lint's checker, with the config file lint would find from here, or why that file cannot be used."""
        if self._lint is None:
            try:
                configuration = load_configuration(os.getcwd())
            except (ConfigError, UsageError) as error:
                self._lint, self.config_file = str(error), None
            else:
                renderer = self.renderer()
                libraries = renderer.checker.libraries if isinstance(renderer, MapRenderer) else None
                self._lint = Checker("lint", configuration.settings, self.today, libraries)
                self.config_file = configuration.file
        return self._lint

    def templates_changed(self) -> None:
        self._renderer, self._lint = None, None

    def config_changed(self) -> None:
        self._lint = None

    def forget_library(self, path: str) -> None:
        """Read the persona library at `path` again when next asked for."""
        if isinstance(self._renderer, MapRenderer):
            self._renderer.checker.libraries.forget(path)
