from journeyctl.cli import run

run()
