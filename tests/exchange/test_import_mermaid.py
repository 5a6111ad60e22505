"""`journeyctl import` of Mermaid `journey` diagrams, and the corners of
journey.jison's grammar: comments, `;`, keywords at the start of a task,
scores, actors, front matter, directives, Markdown pages with several blocks."""

from __future__ import annotations

import pytest
from exchange_support import load_map, raw_yaml, stage_names, touchpoints

from conftest import run_journeyctl
from journeyctl.exchange.mermaid import MermaidSyntax, parse

# Mermaid's own documentation example.
WORKING_DAY = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""


def test_the_documentation_example(tmp_path):
    source = tmp_path / "day.mmd"
    source.write_text(WORKING_DAY, encoding="utf-8")
    target = tmp_path / "day.journey.yaml"
    result = run_journeyctl("import", source, "-o", target)
    assert result.returncode == 0, result.stderr
    data, findings = load_map(target)
    assert (data["title"], data["id"], data["scale"]) == ("My working day", "my-working-day", {"min": 1, "max": 5})
    assert stage_names(data) == ["Go to work", "Go home"]
    assert [(t["name"], t["emotion"]) for t in touchpoints(data)] == [
        ("Make tea", 5),
        ("Go upstairs", 3),
        ("Do work", 1),
        ("Go downstairs", 5),
        ("Sit down", 5),
    ]
    assert (data["persona"], data["personas"]) == ("me", [{"id": "me", "name": "Me"}])
    assert touchpoints(raw_yaml(target))[2]["x-actors"] == ["Me", "Cat"]
    assert not [f for f in findings if f.code.startswith("E")]
    assert (
        f"Imported “My working day” into {target}: 2 stages, 5 touchpoints, 0 pain points, 0 opportunities."
        in result.stdout
    )


def test_the_first_journey_block_of_a_markdown_page(tmp_path):
    page = tmp_path / "onboarding.md"
    page.write_text(
        "# Onboarding\n\nThe flow:\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n"
        "And how it feels:\n\n```mermaid\n---\ntitle: Onboarding, as customers tell it\n---\n"
        "%%{init: {'theme': 'forest'}}%%\nJOURNEY\n  %% a comment\n  Section Sign up # and a comment\n"
        "    Create account: 4: Ana\n  section Set up\n    Import data: 2: Ana, Support\n```\n\n"
        "```mermaid\njourney\n  section Other\n    X: 3\n```\n",
        encoding="utf-8",
    )
    result = run_journeyctl("import", page)
    assert result.returncode == 0, result.stderr
    assert "title: Onboarding, as customers tell it\n" in result.stdout
    assert "name: Sign up\n" in result.stdout and "name: Import data\n" in result.stdout
    assert "from the Mermaid journey diagram in onboarding.md (line 13)" in result.stdout
    assert (
        "onboarding.md:26:1: IMP106 mermaid-ignored The file has 2 journey diagrams; the first is imported."
        in result.stderr
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("flowchart LR\n  a --> b", 1, 1, "A Mermaid journey diagram starts with the word `journey`."),
        (
            "journey\n  section A\n    Tea: 5; Coffee: 4",
            3,
            11,
            "Mermaid's journey has no `;`: put each statement on its own line.",
        ),
        ("journey\n  title: My day", 2, 3, "Write `title ...` without a colon: `title:` makes a task named `title`."),
        (
            "journey\n  section A\n    Journeys end: 2",
            3,
            5,
            "`journey` starts the diagram only once; a task name cannot start with the word `journey`.",
        ),
        (
            "journey\n  section A\n    Section review: 3",
            3,
            5,
            "A task name cannot start with the word `Section`: Mermaid reads the line as a section.",
        ),
        (
            "journey\n  section A\n    Make tea",
            3,
            5,
            "`Make tea` needs a score after a colon, as in `Make tea: 3` (1 worst, 5 best).",
        ),
        ("journey\n  section A\n    : 3", 3, 5, "A colon needs a task name before it, as in `Make tea: 5`."),
    ],
)
def test_what_mermaid_cannot_read(text, line, column, message):
    with pytest.raises(MermaidSyntax) as error:
        parse(text)
    assert (error.value.line, error.value.column, error.value.message) == (line, column, message)


def test_scores_that_are_not_1_to_5_are_reported(tmp_path):
    source = tmp_path / "scores.mmd"
    source.write_text(
        "journey\n  section A\n    A: 6\n    B: 4.5\n    C: high\n    D: : Me\n    E: 0x3\n", encoding="utf-8"
    )
    result = run_journeyctl("import", source)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{source}:3:7: IMP021 emotion-off-scale Score 6 is outside Mermaid's scale of 1 (worst) to 5 (best).",
        f"{source}:4:7: IMP020 not-a-whole-number Score `4.5` is not a whole number from 1 (worst) to 5 (best).",
        f"{source}:5:7: IMP020 not-a-whole-number Score `high` is not a whole number from 1 (worst) to 5 (best).",
        f"{source}:6:7: IMP020 not-a-whole-number The task has no score: write one from 1 (worst) to 5 (best).",
        f"{source}:7:7: IMP020 not-a-whole-number Score `0x3` is not a whole number from 1 (worst) to 5 (best).",
    ]


def test_a_syntax_error_in_a_markdown_block_has_the_pages_line(tmp_path):
    page = tmp_path / "docs.md"
    page.write_text("# Title\n\n```mermaid\njourney\n  section A\n    Tea: 5;\n```\n", encoding="utf-8")
    result = run_journeyctl("import", page)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{page}:6:11: IMP030 mermaid-syntax Mermaid's journey has no `;`")


def test_corners_mermaid_reads_its_own_way():
    diagram = parse(
        "journey\n"
        "title Checkout #2 of 3\n"  # `#` starts a comment, even in a title
        "accTitle: Checkout journey\n"
        "accDescr {\n  Two steps,\n  one hard\n}\n"
        "Browse: 4\n"  # before any section
        "section Pay\n"
        " %% an indented comment\n"
        "Card form : 2 : Ana ,  , Bo : ignored\n"  # actors split on commas, empty ones dropped
        "TITLE page: 3\n"  # a line starting with `title` is the title, whatever follows
    )
    assert diagram.title == "page: 3"
    assert diagram.title_lines == [(2, False), (12, True)]
    assert (diagram.acc_title, diagram.acc_descr) == ("Checkout journey", "Two steps,\none hard")
    assert [(s.name, [(t.name, t.score, t.actors) for t in s.tasks]) for s in diagram.sections] == [
        (None, [("Browse", "4", [])]),
        ("Pay", [("Card form", "2", ["Ana", "Bo"])]),
    ]


def test_a_title_line_after_a_section_and_tasks_before_any_are_noticed(tmp_path):
    source = tmp_path / "odd.mmd"
    source.write_text("journey\nBrowse: 4: Kim\nsection Pay\n  Title page: 3\n", encoding="utf-8")
    result = run_journeyctl("import", source)
    assert result.returncode == 0, result.stderr
    assert f"{source}:2:1: IMP106 mermaid-ignored These tasks come before any `section`" in result.stderr
    assert (
        f"{source}:4:1: IMP106 mermaid-ignored Mermaid reads this line as the diagram's title (`page: 3`), not as a task."
        in result.stderr
    )
    assert "title: 'page: 3'\n" in result.stdout
    assert "name: Untitled section\n" in result.stdout


def test_the_markdown_pages_block_comes_back(tmp_path, cli):
    """What render's Markdown page draws imports back to the same stages, touchpoints and scores."""
    from conftest import EXAMPLES

    page = tmp_path / "saas.md"
    page.write_text(cli("render", EXAMPLES / "saas-trial-to-paid.journey.yaml", "-f", "markdown").out, encoding="utf-8")
    target = tmp_path / "back.journey.yaml"
    assert run_journeyctl("import", page, "-o", target).returncode == 0
    data, _ = load_map(target)
    original, _ = load_map(EXAMPLES / "saas-trial-to-paid.journey.yaml")
    assert stage_names(data) == [s["name"] for s in original["stages"] if any("emotion" in t for t in s["touchpoints"])]
    assert [t["name"] for t in touchpoints(data)] == [t["name"] for t in touchpoints(original) if "emotion" in t]
    assert data["personas"][0]["name"] == "Priya Raman"
