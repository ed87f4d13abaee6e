from papi_cli.cli import main

main()
