import { Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { groupIssues, issueCounts, NO_ISSUES, SEVERITY_WORDS } from "../../core/issue-groups";
import type { Issue } from "../../core/issues";
import type { Model } from "../../core/model";
import { useStrings } from "../../i18n/react";

/** Rows listed per group in the pane; the summary sheet lists them all. */
const LISTED_PER_GROUP = 20;

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxHeight: "320px", overflowY: "auto" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  issue: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  why: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  issues: readonly Issue[];
  model: Model;
  /** The sheet the rows are in (clicking an issue selects its cell there). */
  sourceSheet: string;
  /** An order log's customer summary, once written: where the issues about customers' sums are. */
  customersSheet?: string;
  onGoTo: (sheet: string, address?: string) => void;
  /** Heading level of the list's title: under the step's h2, or under the result card's h3. */
  as?: "h3" | "h4";
}

/** Every issue the engine reported, errors and warnings, grouped by kind with counts; a click selects the cell. */
export function IssueList({ issues, model, sourceSheet, customersSheet, onGoTo, as = "h3" }: Props) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const titleId = useId();
  const groups = useMemo(() => groupIssues(issues, model), [issues, model]);
  const counts = issueCounts(issues);
  return (
    <section aria-labelledby={titleId} data-testid="issue-list">
      <Subtitle2 as={as} id={titleId}>
        {issues.length ? s.issuesTitle(counts.errors, counts.warnings) : tx(NO_ISSUES)}
      </Subtitle2>
      {groups.length > 0 && (
        <div className={styles.groups}>
          {groups.map((g) => (
            <div key={g.key} className={styles.group} data-testid={`issue-group-${g.key}`}>
              <Caption1 className={g.severity === "error" ? styles.error : styles.warning}>
                {s.issueGroup(tx(SEVERITY_WORDS[g.severity]), tx(g.title), g.issues.length)}
              </Caption1>
              <ul className={styles.list}>
                {g.issues.slice(0, LISTED_PER_GROUP).map((issue, i) => (
                  <IssueItem key={i} issue={issue} sourceSheet={sourceSheet} customersSheet={customersSheet} onGoTo={onGoTo} />
                ))}
              </ul>
              {g.issues.length > LISTED_PER_GROUP && <Caption1>{s.moreInGroup(g.issues.length - LISTED_PER_GROUP)}</Caption1>}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function IssueItem({ issue, sourceSheet, customersSheet, onGoTo }: { issue: Issue } & Pick<Props, "sourceSheet" | "customersSheet" | "onGoTo">) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  if (issue.row === undefined) return <li className={styles.issue}>{tx(issue.message)}</li>;
  const letter = issue.columnLetter ?? "";
  const address = `${letter || "A"}${issue.row}`;
  // Most issues are about the source sheet; an override's is about the tier sheet it was typed in, a customer's sums about the customer summary.
  const sheet = issue.onSummary ? customersSheet : (issue.sheet ?? sourceSheet);
  const column = [issue.columnLetter, issue.column].filter(Boolean).join(" ");
  const place = s.issueAt(issue.row, column);
  return (
    <li className={styles.issue}>
      {sheet === undefined ? (
        // Before the first Generate there is no customer summary to select in.
        <Caption1>
          {place} · {s.onSummaryLater}
        </Caption1>
      ) : (
        <Link as="button" onClick={() => onGoTo(sheet, address)} title={sheet === sourceSheet ? s.showCell(address) : s.showCellIn(address, sheet)}>
          {place}
        </Link>
      )}
      <Caption1 className={styles.why}>{tx(issue.message)}</Caption1>
    </li>
  );
}
