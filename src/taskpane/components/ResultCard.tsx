import { Body1, Button, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { CheckmarkCircleRegular } from "@fluentui/react-icons/svg/checkmark-circle";
import { OpenRegular } from "@fluentui/react-icons/svg/open";
import type { Model } from "../../core/model";
import { columnLetter } from "../../core/sheet/columns";
import type { ScoredRow } from "../../core/sheet/types";
import { useStrings } from "../../i18n/react";
import type { GenerationResult } from "../state/useWorkflow";
import { TierBars } from "./TierBars";

/** Rows listed in the pane; the tier sheet lists them all. */
const LISTED_ROWS = 50;

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM + " " + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  headText: { display: "flex", flexDirection: "column" },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: "24px", flexShrink: 0 },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxHeight: "240px", overflowY: "auto" },
  issue: { display: "flex", flexDirection: "column" },
  why: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  model: Model;
  result: GenerationResult;
  onGoTo: (sheet: string, address?: string) => void;
}

/** Where the user should look for a row's problem: the first cell an issue names, else the row's first cell. */
function issueCell(row: ScoredRow, firstCol: number): { address: string; column: string; message: ScoredRow["issues"][number]["message"] | undefined } {
  const issue = row.issues.find((i) => i.severity === "error" && i.columnLetter) ?? row.issues.find((i) => i.columnLetter) ?? row.issues[0];
  const letter = issue?.columnLetter ?? columnLetter(firstCol);
  return { address: `${letter}${row.row}`, column: issue?.column ? `${letter} ${issue.column}` : letter, message: issue?.message };
}

export function ResultCard({ model, result, onGoTo }: Props) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const { scored } = result;
  const titleId = useId();
  const unscoredId = useId();
  const unscored = scored.rows.filter((r) => r.result.tier === null);
  const tiered = scored.rows.length - unscored.length;
  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <div className={styles.head}>
        <CheckmarkCircleRegular className={styles.ok} />
        <div className={styles.headText}>
          <Subtitle2 as="h2" id={titleId}>
            {s.resultTitle}
          </Subtitle2>
          <Caption1>{s.resultSummary(tiered, result.tierSheet)}</Caption1>
        </div>
      </div>
      <TierBars model={model} summary={scored.summary} unscored={unscored.length} caption={s.distribution} />
      <Button appearance="primary" icon={<OpenRegular />} onClick={() => onGoTo(result.tierSheet)}>
        {s.goToTierSheet}
      </Button>
      <section aria-labelledby={unscoredId}>
        <Subtitle2 as="h3" id={unscoredId}>
          {unscored.length ? s.unscoredTitle(unscored.length) : s.allScored}
        </Subtitle2>
        {unscored.length > 0 && (
          <ul className={styles.list}>
            {unscored.slice(0, LISTED_ROWS).map((row) => {
              const cell = issueCell(row, scored.table.firstCol);
              return (
                <li key={row.row} className={styles.issue}>
                  <Link as="button" onClick={() => onGoTo(result.sourceSheet, cell.address)} title={s.showCell(cell.address)}>
                    {s.issueAt(row.row, cell.column)}
                    {row.customer ? ` · ${row.customer}` : ""}
                  </Link>
                  {cell.message && <Caption1 className={styles.why}>{tx(cell.message)}</Caption1>}
                </li>
              );
            })}
          </ul>
        )}
        {unscored.length > LISTED_ROWS && <Caption1>{s.moreRows(unscored.length - LISTED_ROWS)}</Caption1>}
      </section>
      {result.settingsSaved && <Body1 className={styles.why}>{s.settingsSaved}</Body1>}
    </section>
  );
}
