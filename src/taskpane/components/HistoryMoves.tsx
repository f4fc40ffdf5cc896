import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import { moveCounts, movesOf, type HistoryOutcome, type MoveKind } from "../../core/history";
import { useStrings } from "../../i18n/react";
import type { Strings } from "../../i18n/strings";

/** Customers listed per kind of move in the pane; the summary sheet lists them all. */
const LISTED = 20;

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  tiers: { flexShrink: 0, color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  note: { color: tokens.colorNeutralForeground2 },
});

const KINDS: readonly { kind: MoveKind; label: (s: Strings, n: number) => string }[] = [
  { kind: "up", label: (s, n) => s.movesUp(n) },
  { kind: "down", label: (s, n) => s.movesDown(n) },
  { kind: "new", label: (s, n) => s.movesNew(n) },
  { kind: "gone", label: (s, n) => s.movesGone(n) },
];

interface Props {
  outcome: HistoryOutcome;
  /** The history sheet written (for the first run's note). */
  historySheet: string;
}

/** "5 up, 3 down, 2 new, 1 gone" since the previous snapshot, each kind a collapsible list of who moved (previous → current tier). */
export function HistoryMoves({ outcome, historySheet }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  const titleId = useId();
  const counts = useMemo(() => moveCounts(outcome), [outcome]);
  const previous = outcome.previous;
  if (!previous) {
    return (
      <Caption1 className={styles.note} data-testid="history-first">
        {s.historyFirst(outcome.snapshot.asOf, historySheet)}
      </Caption1>
    );
  }
  const shown = KINDS.filter((k) => counts[k.kind] > 0);
  return (
    <section className={styles.box} aria-labelledby={titleId} data-testid="history-moves">
      <Body1Strong id={titleId}>{s.historyTitle}</Body1Strong>
      <Caption1 className={styles.note}>{s.historySince(outcome.snapshot.asOf, previous.asOf)}</Caption1>
      <Caption1 data-testid="history-counts">{s.moveCounts(counts.up, counts.down, counts.new, counts.gone)}</Caption1>
      {shown.length > 0 && (
        <Accordion multiple collapsible>
          {shown.map(({ kind, label }) => (
            <AccordionItem key={kind} value={kind}>
              <AccordionHeader size="small">{label(s, counts[kind])}</AccordionHeader>
              <AccordionPanel>
                <MoveList outcome={outcome} kind={kind} total={counts[kind]} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}

function MoveList({ outcome, kind, total }: { outcome: HistoryOutcome; kind: MoveKind; total: number }) {
  const { s } = useStrings();
  const styles = useStyles();
  const moves = useMemo(() => movesOf(outcome, kind, LISTED), [outcome, kind]);
  return (
    <>
      <ul className={styles.list} data-testid={`moves-${kind}`}>
        {moves.map((m, i) => (
          <li key={i} className={styles.item}>
            <Caption1>{m.customer}</Caption1>
            <Caption1 className={styles.tiers}>{`${m.previous || "—"} → ${m.tier || "—"}`}</Caption1>
          </li>
        ))}
      </ul>
      {total > moves.length && <Caption1 className={styles.note}>{s.movesMore(total - moves.length)}</Caption1>}
    </>
  );
}
