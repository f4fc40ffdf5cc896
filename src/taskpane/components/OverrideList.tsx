import { Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { HistoryOutcome } from "../../core/history";
import { useStrings } from "../../i18n/react";

/** Overrides listed in the pane; the summary sheet lists them all. */
const LISTED = 20;

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  why: { color: tokens.colorNeutralForeground2 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * The overrides typed in the tier sheet that apply: customer, computed tier →
 * override, and the reason. Overrides that do not apply (not a tier of the
 * model) and missing reasons are engine issues, shown in the issue list.
 */
export function OverrideList({ outcome, testId }: { outcome: HistoryOutcome; testId: string }) {
  const { s } = useStrings();
  const styles = useStyles();
  const titleId = useId();
  const { overrides, snapshot } = outcome;
  if (!overrides.size) return null;
  const rows = [...overrides.keys()].sort((a, b) => a - b).slice(0, LISTED);
  return (
    <section className={styles.box} aria-labelledby={titleId} data-testid={testId}>
      <Body1Strong id={titleId}>{s.overridesTitle(overrides.size)}</Body1Strong>
      <ul className={styles.list}>
        {rows.map((i) => {
          const o = overrides.get(i)!;
          return (
            <li key={i} className={styles.item}>
              <Caption1>{`${snapshot.customer[i] || snapshot.key[i]} · ${snapshot.computedTier[i] || "—"} → ${o.tier}`}</Caption1>
              <Caption1 className={o.reason ? styles.why : styles.missing}>{o.reason || s.overrideNoReason}</Caption1>
            </li>
          );
        })}
      </ul>
      {overrides.size > rows.length && <Caption1 className={styles.why}>{s.movesMore(overrides.size - rows.length)}</Caption1>}
    </section>
  );
}
