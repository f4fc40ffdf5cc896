"""The peer to beat (product.md): the same job as `custtier score -o` done the
usual way in Python — pandas reads the xlsx, scores the sales-payment model
with vectorised numpy, and openpyxl writes the result. Plain numbers only: it
does not read 2万 or ３０天, locate issues, or write formulas and rules, so it
does strictly less work than CustTier.

usage: python3 peer_pandas.py in.xlsx out.xlsx
"""
import sys
import time

import numpy as np
import pandas as pd

t0 = time.perf_counter()
df = pd.read_excel(sys.argv[1], engine="openpyxl")
t1 = time.perf_counter()
revenue = pd.to_numeric(df["月均销售额"], errors="coerce")
paydays = pd.to_numeric(df["回款天数"], errors="coerce")
df["销售额得分"] = np.select([revenue >= 20000, revenue > 10000, revenue > 5000], [70, 50, 40], 30)
df["回款得分"] = np.select([paydays <= 30, paydays <= 45, paydays <= 60], [30, 20, 10], 0)
df["总分"] = df["销售额得分"] + df["回款得分"]
df["等级"] = np.select([df["总分"] >= 80, df["总分"] >= 60], ["A", "B"], "C")
df.loc[revenue.isna() | paydays.isna(), ["总分", "等级"]] = None
t2 = time.perf_counter()
df.to_excel(sys.argv[2], index=False, engine="openpyxl")
t3 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.0f} {(t2 - t1) * 1000:.0f} {(t3 - t2) * 1000:.0f}")
