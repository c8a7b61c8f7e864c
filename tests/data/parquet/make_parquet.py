"""Writes the Parquet twins of tests/data/small/*.csv for the Parquet input test.

Dates become Parquet DATE columns and people an integer column, as a data
warehouse would export them; northwind must read them to the same report as
the CSV. Run: python tests/data/parquet/make_parquet.py (pandas, pyarrow).
"""
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
SMALL = HERE.parent / "small"

announcements = pd.read_csv(SMALL / "announcements.csv", dtype=str, keep_default_na=False)
for column in ("announcement_date", "defection_date"):
    if column in announcements:
        announcements[column] = pd.to_datetime(announcements[column], errors="coerce").dt.date
if "people" in announcements:
    announcements["people"] = pd.to_numeric(announcements["people"]).astype("int32")
announcements.to_parquet(HERE / "announcements.parquet", index=False, compression="zstd")

events = pd.read_csv(SMALL / "events.csv", dtype=str, keep_default_na=False)
events["date"] = pd.to_datetime(events["date"]).dt.date
events.to_parquet(HERE / "events.parquet", index=False, compression="snappy")
