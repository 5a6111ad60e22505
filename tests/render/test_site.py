"""A site of many maps: rendered in parallel, identical to a serial render."""

from __future__ import annotations

from datetime import date

from render_support import examples  # noqa: F401  (fixture)

from journeyctl.render import FORMATS, MapRenderer, make_environment, render_maps, render_site
from journeyctl.system.parallel import PARALLEL_FROM


def test_parallel_and_serial_renders_are_identical(examples):
    source = (examples / "saas-trial-to-paid.journey.yaml").read_text(encoding="utf-8")
    for number in range(PARALLEL_FROM):
        copy = source.replace("id: saas-trial-to-paid", f"id: copy-{number:02d}").replace(
            'title: "Rotaflow', f'title: "{number:02d} Rotaflow'
        )
        (examples / f"copy-{number:02d}.journey.yaml").write_text(copy, encoding="utf-8")
    output_format, environment = FORMATS["html"], make_environment()
    today = date(2026, 11, 23)
    renderer = MapRenderer(output_format, environment, today, "index.html")
    serial = render_site(render_maps([str(examples)], renderer, jobs=1), output_format, environment, today)
    parallel = render_site(render_maps([str(examples)], renderer, jobs=2), output_format, environment, today)
    assert len(serial) == PARALLEL_FROM + 5  # the copies, the 3 examples, the index and the dashboard
    assert list(serial) == list(parallel)
    assert serial == parallel
    index = serial["index.html"]
    assert index.index("00 Rotaflow") < index.index("15 Rotaflow") < index.index("Buying a pair of hiking boots")
