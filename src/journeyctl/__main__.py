from journeyctl.cli import main

raise SystemExit(main())
