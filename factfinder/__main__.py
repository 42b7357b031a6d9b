from factfinder.cli import main

main()
