from zavmo_desktop.app import main

raise SystemExit(main())
