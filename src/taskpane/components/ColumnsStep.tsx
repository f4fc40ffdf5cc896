import { Badge, Caption1, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Text as FluentText, tokens } from "@fluentui/react-components";
import type { FieldDef, Model } from "../../core/model";
import { cellText } from "../../core/sheet/cell-text";
import type { ColumnMapping, ScoredTable, SourceTable } from "../../core/sheet/types";
import { useStrings } from "../../i18n/react";
import type { Strings } from "../../i18n/strings";
import { readValue } from "../state/display";
import { letterOf } from "../../core/pipeline";

/** Values shown under each field: enough to see `2万` read as 20,000. */
const SAMPLE_ROWS = 3;
const NONE = "";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  item: {
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "0", width: "100%" },
  samples: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  raw: { color: tokens.colorNeutralForeground2, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  arrow: { color: tokens.colorNeutralForeground3 },
  read: { fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  unsure: { color: tokens.colorPaletteDarkOrangeForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

interface Props {
  model: Model;
  /** The fields to map: the model's, or an order log's own when the model sums it per customer. */
  fields?: readonly FieldDef[];
  table: SourceTable;
  mapping: ColumnMapping;
  preview: ScoredTable | null;
  onChoose: (field: string, letter: string | null) => void;
  /** Fields whose column the user picked (they are not "matches"). */
  picked: readonly string[];
}

function matchBadge(s: Strings, confidence: number | undefined, mapped: boolean, required: boolean, chosen: boolean) {
  if (mapped && chosen) return <Badge appearance="tint" color="informative">{s.matchChosen}</Badge>;
  // Not "subtle": its outline badge is white text (colorNeutralForegroundStaticInverted) on the white pane.
  if (!mapped) return required ? <Badge color="danger">{s.matchMissing}</Badge> : <Badge appearance="outline" color="informative">{s.matchOptional}</Badge>;
  if ((confidence ?? 0) >= 1) return <Badge appearance="tint" color="success">{s.matchExact}</Badge>;
  if ((confidence ?? 0) >= 0.7) return <Badge appearance="tint" color="brand">{s.matchLikely}</Badge>;
  return <Badge appearance="tint" color="warning">{s.matchGuess}</Badge>;
}

export function ColumnsStep({ model, fields = model.fields, table, mapping, preview, onChoose, picked }: Props) {
  const { s, tx, lang } = useStrings();
  const styles = useStyles();
  const options = table.headers.map((h, i) => ({ letter: letterOf(table, i), text: s.columnOption(letterOf(table, i), h) }));
  return (
    <>
      <Caption1>{s.columnsIntro}</Caption1>
      {mapping.missing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.missingColumns(missingLabels(fields, mapping, tx, lang))}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {fields.map((field) => {
          const index = mapping.columns[field.id];
          const mapped = index !== undefined;
          const chosen = mapped ? options[index] : undefined;
          const samples = mapped ? table.rows.slice(0, SAMPLE_ROWS) : [];
          return (
            <li key={field.id} className={styles.item} data-field={field.id}>
              <div className={styles.head}>
                <FluentText weight="semibold">
                  {tx(field.label)}
                  {field.required ? " *" : ""}
                </FluentText>
                {matchBadge(s, mapping.confidence[field.id], mapped, field.required, picked.includes(field.id))}
              </div>
              {mapped && !picked.includes(field.id) && (mapping.confidence[field.id] ?? 0) < 1 && (
                <Caption1 className={styles.unsure}>{s.matchUnsure(table.headers[index], tx(field.label))}</Caption1>
              )}
              <Field>
                <Dropdown
                  className={styles.dropdown}
                  aria-label={s.columnFor(tx(field.label))}
                  value={chosen?.text ?? s.notUsed}
                  selectedOptions={[chosen?.letter ?? NONE]}
                  onOptionSelect={(_, d) => onChoose(field.id, d.optionValue ? d.optionValue : null)}
                >
                  <Option value={NONE} text={s.notUsed}>
                    {s.notUsed}
                  </Option>
                  {options.map((o) => (
                    <Option key={o.letter} value={o.letter} text={o.text}>
                      {o.text}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {mapped && (
                <div className={styles.samples} role="group" aria-label={s.readAs}>
                  {samples.map((row, i) => {
                    const raw = row.cells[index];
                    const scored = preview && i < preview.rows.length ? preview.rows.at(i) : undefined;
                    const read = scored ? readValue(model, scored, raw, field.id, lang) : undefined;
                    const rawText = read?.kind === "blank" ? s.blank : cellText(raw);
                    const readText = read?.kind === "ok" || read?.kind === "bad" ? read.text : "";
                    // Text read as it is (a customer name) needs no "→ same text".
                    return <SampleLine key={row.row} raw={rawText} read={readText === rawText ? "" : readText} bad={read?.kind === "bad"} styles={styles} />;
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The missing fields by their labels, in the pane's language: no field ids, no CLI syntax. */
function missingLabels(fields: readonly FieldDef[], mapping: ColumnMapping, tx: (t: Model["name"]) => string, lang: string): string {
  const labels = mapping.missing.map((id) => fields.find((f) => f.id === id)).flatMap((f) => (f ? [tx(f.label)] : []));
  return labels.join(lang === "zh-CN" ? "、" : ", ");
}

function SampleLine({ raw, read, bad, styles }: { raw: string; read: string; bad: boolean; styles: ReturnType<typeof useStyles> }) {
  return (
    <>
      <Caption1 className={styles.raw} title={raw}>
        {raw}
      </Caption1>
      <Caption1 className={styles.arrow} aria-hidden>
        {read ? "→" : ""}
      </Caption1>
      <Caption1 className={bad ? styles.bad : styles.read} title={read}>
        {read}
      </Caption1>
    </>
  );
}
