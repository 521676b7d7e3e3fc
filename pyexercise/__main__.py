from pyexercise.cli import main

raise SystemExit(main())
