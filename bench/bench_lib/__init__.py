"""Shared pieces of bench/run: timing, the simulator's truth, and one scorer
per tool (snv, cnv, sig). Each scorer takes files and returns plain dicts of
figures, so the driver can print them and write them as TSV and JSON."""
