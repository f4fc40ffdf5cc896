import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { formatNumber } from "../../core/text/format";
import { useStrings } from "../../i18n/react";
import type { OrderLogView } from "../state/useWorkflow";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "block" },
  asOf: { maxWidth: "180px" },
});

interface Props {
  log: OrderLogView;
  /** The as-of day (YYYY-MM-DD) recency and status count from. */
  asOf: string;
  onAsOf: (day: string) => void;
  /** Switches to a value preset (the model in use cannot tier an order log). */
  onUseValuePreset: () => void;
}

/**
 * An order log said plainly: "N orders → M customers" and the as-of day when
 * the model sums it per customer; when the model cannot, that it will not be
 * tiered line by line, and the way out.
 */
export function OrderLogBar({ log, asOf, onAsOf, onUseValuePreset }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  if (!log.sums) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="order-log">
        <MessageBarBody>
          <MessageBarTitle>{s.orderLogTitle}</MessageBarTitle>
          {s.orderLog(log.lines, log.customers, log.customerHeader, log.dateHeader)}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onUseValuePreset}>
            {s.useValuePreset}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const leftOut = log.lines - log.used;
  return (
    <div className={styles.box}>
      <MessageBar intent="info" layout="multiline" data-testid="order-log">
        <MessageBarBody>
          <MessageBarTitle data-testid="order-log-count">{s.orderLogSummed(formatNumber(log.lines), formatNumber(log.customers))}</MessageBarTitle>
          <span className={styles.line}>{s.orderLogHow(log.customerHeader, log.dateHeader)}</span>
          {leftOut > 0 && <span className={styles.line}>{s.orderLinesLeftOut(formatNumber(leftOut))}</span>}
        </MessageBarBody>
      </MessageBar>
      <Field label={s.asOf} hint={s.asOfHint}>
        <Input className={styles.asOf} type="date" value={asOf} onChange={(_, d) => onAsOf(d.value)} />
      </Field>
    </div>
  );
}
