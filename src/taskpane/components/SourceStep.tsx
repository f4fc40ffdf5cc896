import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons/svg/arrow-clockwise";
import { cellText } from "../../core/sheet/cell-text";
import type { SourceTable } from "../../core/sheet/types";
import type { SheetInfo } from "../../hosts/host";
import { useStrings } from "../../i18n/react";
import { letterOf } from "../../core/pipeline";

/** Rows shown in the preview: enough to recognise the table, few enough for a narrow pane. */
const PREVIEW_ROWS = 5;

const useStyles = makeStyles({
  pickRow: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  facts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  scroll: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { minWidth: "max-content" },
  cell: { whiteSpace: "nowrap", maxWidth: "160px", overflow: "hidden", textOverflow: "ellipsis" },
  rowNo: { color: tokens.colorNeutralForeground3, width: "40px" },
  letter: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, marginRight: "4px" },
});

interface Props {
  sheets: SheetInfo[];
  sheetName: string | null;
  table: SourceTable | null;
  /** The table is an order log: its rows are order lines, not customers. */
  orderLog?: boolean;
  loading: boolean;
  onSelectSheet: (name: string) => void;
  onReread: () => void;
}

export function SourceStep({ sheets, sheetName, table, orderLog, loading, onSelectSheet, onReread }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  const found = table && table.rows.length > 0;
  const foundBy = table?.foundBy === "table" ? s.foundTable : table?.foundBy === "selection" ? s.foundSelection : s.foundDetected;
  const shown = table?.rows.slice(0, PREVIEW_ROWS) ?? [];
  return (
    <>
      <div className={styles.pickRow}>
        <Field label={s.sheet} className={styles.grow}>
          <Select value={sheetName ?? ""} disabled={loading && !sheets.length} onChange={(_, d) => onSelectSheet(d.value)}>
            {sheets
              .filter((sheet) => !sheet.hidden)
              .map((sheet) => (
                <option key={sheet.name} value={sheet.name}>
                  {sheet.name}
                </option>
              ))}
          </Select>
        </Field>
        <Tooltip content={s.readAgainHint} relationship="description">
          <Button icon={<ArrowClockwiseRegular />} onClick={onReread} disabled={loading}>
            {s.readAgain}
          </Button>
        </Tooltip>
      </div>

      {loading && <Spinner size="tiny" label={s.loading} />}

      {!loading && table && !found && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.noTable}</MessageBarBody>
        </MessageBar>
      )}

      {!loading && table && found && (
        <>
          <div className={styles.facts} aria-live="polite">
            <Badge appearance="tint" color="success">
              {foundBy}
            </Badge>
            <Badge appearance="outline" color="informative">
              {s.headerRow(table.headerRow)}
            </Badge>
            <Badge appearance="outline" color="informative" data-testid="row-count">
              {orderLog ? s.orderRows(table.rows.length) : s.customerRows(table.rows.length)}
            </Badge>
            {table.skipped.length > 0 && (
              <Badge appearance="outline" color="informative">
                {s.skippedRows(table.skipped.length)}
              </Badge>
            )}
          </div>
          <Caption1>{s.previewCaption(shown.length, table.rows.length)}</Caption1>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={s.previewCaption(shown.length, table.rows.length)}>
            <Table size="extra-small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.rowNo}>{s.rowNumber}</TableHeaderCell>
                  {table.headers.map((h, i) => (
                    <TableHeaderCell key={i} className={styles.cell}>
                      <span className={styles.letter}>{letterOf(table, i)}</span>
                      {h}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((row) => (
                  <TableRow key={row.row}>
                    <TableCell className={styles.rowNo}>{row.row}</TableCell>
                    {row.cells.map((v, i) => (
                      <TableCell key={i} className={styles.cell}>
                        {cellText(v)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
