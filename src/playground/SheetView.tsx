import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { cellText } from "../core/sheet/cell-text";
import { columnLetter, rangeFromA1 } from "../core/sheet/columns";
import type { SheetGrid } from "../core/sheet/types";
import { useStrings } from "../i18n/react";

/** Rows drawn: a grid to look at, not a spreadsheet; the download has everything. */
const MAX_ROWS = 200;

const useStyles = makeStyles({
  wrap: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  grid: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 8px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "right",
    padding: "2px 6px",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  cell: {
    padding: "2px 8px",
    whiteSpace: "nowrap",
    maxWidth: "220px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  number: { textAlign: "right" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
  caption: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  grid: SheetGrid;
  /** A1 address to highlight and scroll to (from the pane's "show me this row"). */
  selected?: string;
  /** Colours by `row,col` (0-based, as in `grid.values`): the file's conditional formats, as evaluated for display. */
  fills?: ReadonlyMap<string, { fill: string; ink: string }>;
}

/** One sheet as a read-only grid with sheet row numbers and column letters. */
export function SheetView({ grid, selected, fills }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  const selectedRef = useRef<HTMLTableCellElement>(null);
  const target = selected ? rangeFromA1(selected) : undefined;
  const origin = grid.origin ?? { row: 0, col: 0 };
  const rows = grid.values.slice(0, MAX_ROWS);
  const width = rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);

  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [selected, grid]);

  return (
    <>
      <div className={styles.wrap} tabIndex={0} role="region" aria-label={grid.name}>
        <table className={styles.grid}>
          <thead>
            <tr>
              <td className={styles.corner} />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} scope="col" className={styles.colHead}>
                  {columnLetter(origin.col + c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  {origin.row + r + 1}
                </th>
                {Array.from({ length: width }, (_, c) => {
                  const v = row?.[c] ?? null;
                  const isSelected = target !== undefined && target.row === origin.row + r && target.col === origin.col + c;
                  const text = cellText(v);
                  const fill = fills?.get(`${r},${c}`);
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      className={`${styles.cell} ${typeof v === "number" ? styles.number : ""} ${isSelected ? styles.selected : ""}`}
                      style={fill ? { backgroundColor: fill.fill, color: fill.ink } : undefined}
                      data-selected={isSelected || undefined}
                      title={text}
                    >
                      {typeof v === "number" ? formatCell(v) : text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grid.values.length > MAX_ROWS && <Caption1 className={styles.caption}>{s.gridCaption(MAX_ROWS, grid.values.length)}</Caption1>}
    </>
  );
}

/** Numbers as a spreadsheet shows them by default: no float noise (0.30000000000000004). */
function formatCell(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}
