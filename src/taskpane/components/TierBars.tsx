import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Model } from "../../core/model";
import type { TierSummary } from "../../core/sheet/types";
import { useStrings } from "../../i18n/react";
import { percent } from "../state/display";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, paddingBottom: tokens.spacingVerticalXS },
  th: { textAlign: "right", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, padding: "2px 4px", verticalAlign: "bottom", lineHeight: tokens.lineHeightBase200 },
  thLeft: { textAlign: "left" },
  td: { padding: "3px 4px", textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  tierCell: { textAlign: "left", width: "34px" },
  // Segment names (冠军客户, Needs attention) are wider than a letter; the table gives them room.
  namedTierCell: { textAlign: "left", whiteSpace: "normal", minWidth: "72px" },
  chip: {
    display: "inline-block",
    minWidth: "22px",
    textAlign: "center",
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightBold,
    padding: "1px 4px",
  },
  barCell: { width: "100%", minWidth: "48px" },
  valueCell: { whiteSpace: "nowrap" },
  track: { height: "12px", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground3, overflow: "hidden" },
  bar: { height: "100%", borderRadius: tokens.borderRadiusSmall, transitionProperty: "width", transitionDuration: tokens.durationNormal },
  count: { fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  model: Model;
  summary: TierSummary[];
  unscored: number;
  caption: string;
}

/** Per tier: a bar for its share of customers, the count, and the share of the value column (the calibration check). */
export function TierBars({ model, summary, unscored, caption }: Props) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const valueField = model.fields.find((f) => f.id === model.valueField);
  const hasValue = valueField !== undefined && summary.some((t) => t.valueShare !== null);
  return (
    <div>
      <table className={styles.table} data-testid="tier-bars">
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${styles.th} ${styles.thLeft}`}>
              {s.level}
            </th>
            <th scope="col" className={`${styles.th} ${styles.thLeft}`}>
              {s.customersShare}
            </th>
            <th scope="col" className={styles.th}>
              {s.customers}
            </th>
            {hasValue && (
              <th scope="col" className={`${styles.th} ${styles.valueCell}`} title={s.valueShare(tx(valueField.label))}>
                {s.valueShareShort(tx(valueField.label))}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {summary.map((t) => {
            const tier = model.tiers.find((x) => x.id === t.tier);
            return (
              <tr key={t.tier} data-tier={t.tier} title={tier ? tx(tier.label) : t.tier}>
                <th scope="row" className={`${styles.td} ${isCode(t.tier) ? styles.tierCell : styles.namedTierCell}`}>
                  <span className={styles.chip} style={{ backgroundColor: tier?.color, color: tier?.textColor }}>
                    {chipText(t.tier, tier ? tx(tier.label) : t.tier)}
                  </span>
                </th>
                <td className={`${styles.td} ${styles.barCell}`}>
                  <div className={styles.track} aria-hidden>
                    <div className={styles.bar} style={{ width: `${t.share * 100}%`, backgroundColor: tier?.textColor }} />
                  </div>
                </td>
                <td className={styles.td}>
                  <span className={styles.count} data-testid={`count-${t.tier}`}>
                    {t.count}
                  </span>{" "}
                  · {percent(t.share)}
                </td>
                {hasValue && <td className={styles.td}>{t.valueShare === null ? "—" : percent(t.valueShare)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {unscored > 0 && <Caption1 data-testid="unscored-count">{s.notTiered(unscored)}</Caption1>}
    </div>
  );
}

/** A tier code (A, B, A1) is its own name; a segment or class id (champions, important-value) is shown by its label. */
function isCode(id: string): boolean {
  return id.length <= 2;
}

function chipText(id: string, label: string): string {
  return isCode(id) ? id : label;
}
