import { Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import type { ScoredTable } from "../../core/sheet/types";
import { visitAsOf, visitSummary, visitsText } from "../../core/visits";
import { useStrings } from "../../i18n/react";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline", minWidth: 0, overflowWrap: "anywhere" },
  chip: { borderRadius: tokens.borderRadiusMedium, fontWeight: tokens.fontWeightSemibold, padding: "0 4px", whiteSpace: "nowrap", flexShrink: 0 },
  why: { color: tokens.colorNeutralForeground2 },
});

/**
 * Visits by zone (nine-grid, issue 12): customers per zone with its visits a
 * month, then the soonest next visits; the tier sheet has every row's.
 */
export function VisitPlan({ scored, testId }: { scored: ScoredTable; testId: string }) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const titleId = useId();
  const summary = useMemo(() => (scored.model.visits ? visitSummary(scored, visitAsOf(scored)) : null), [scored]);
  const zones = scored.model.visits?.zones;
  if (!zones || !summary || !summary.counts.some((n) => n > 0)) return null;
  const chip = (i: number) => (
    <span className={styles.chip} style={{ backgroundColor: zones[i].color, color: zones[i].textColor }}>
      {tx(zones[i].label)}
    </span>
  );
  return (
    <section className={styles.box} aria-labelledby={titleId} data-testid={testId}>
      <Body1Strong id={titleId}>{s.visitsTitle}</Body1Strong>
      <ul className={styles.list}>
        {zones.map((z, i) => (
          <li key={z.id} className={styles.item}>
            {chip(i)}
            <Caption1>{s.visitsZone(visitsText(z), summary.counts[i])}</Caption1>
          </li>
        ))}
      </ul>
      <Caption1 className={styles.why}>{s.visitsNext}</Caption1>
      <ul className={styles.list}>
        {summary.soonest.map((v) => (
          <li key={v.row} className={styles.item}>
            {chip(v.zone)}
            <Caption1>{`${v.customer || s.visitsRow(v.row)} · ${v.next}`}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
