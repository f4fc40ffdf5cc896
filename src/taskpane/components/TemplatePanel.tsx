import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
} from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons/svg/document-add";
import { useState } from "react";
import { LANGS, type Lang } from "../../core/model";
import { useStrings } from "../../i18n/react";
import { errorMessage } from "../state/errors";
import type { TemplateChoice, TemplateMade, TemplateRequest } from "../state/templates";

interface Props {
  /** Models a template can be made for, with their names in the list; the first is chosen at first. */
  choices: TemplateChoice[];
  /** Adds the template's sheets; rejects with a message to show in the dialog. */
  onCreate: (request: TemplateRequest) => Promise<TemplateMade>;
  /** After creating: the dialog has closed, the caller says what to do next. */
  onCreated: (made: TemplateMade) => void;
  /** The trigger's look: a small header button in the pane, a full button beside "Open a file" on the landing page. */
  size?: "small" | "medium";
}

const LANG_NAMES: Record<Lang, string> = { "zh-CN": "中文", "en-US": "English" };

/** "New template": choose the model, the workbook's language and example rows, then add it and close. */
export function TemplatePanel({ choices, onCreate, onCreated, size = "small" }: Props) {
  const { s, lang, tx } = useStrings();
  const [open, setOpen] = useState(false);
  const [choiceKey, setChoiceKey] = useState<string | null>(null);
  const [sheetLang, setSheetLang] = useState<Lang>(lang);
  const [examples, setExamples] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const choice = choices.find((c) => c.key === choiceKey) ?? choices[0];
  const model = choice?.model;

  const create = async () => {
    if (!model) return;
    setBusy(true);
    setFailure(null);
    try {
      const made = await onCreate({ model, lang: sheetLang, examples });
      setOpen(false);
      onCreated(made);
    } catch (e) {
      setFailure(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        setFailure(null);
        // Each opening starts from the pane's current model and language.
        if (d.open) {
          setChoiceKey(null);
          setSheetLang(lang);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={size === "small" ? "subtle" : "secondary"} size={size} icon={<DocumentAddRegular />} style={{ whiteSpace: "nowrap" }}>
          {s.newTemplate}
        </Button>
      </DialogTrigger>
      <DialogSurface style={{ maxWidth: "min(600px, calc(100vw - 16px))" }}>
        <DialogBody>
          <DialogTitle>{s.templateTitle}</DialogTitle>
          <DialogContent style={{ display: "flex", flexDirection: "column", gap: 12 }}>
            <Body1 block>{s.templateWhat}</Body1>
            <Field label={s.templateModel}>
              <Select value={choice?.key ?? ""} onChange={(_, d) => setChoiceKey(d.value)}>
                {choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {tx(c.label)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={s.templateLang}>
              <Select value={sheetLang} onChange={(_, d) => setSheetLang(d.value as Lang)}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {LANG_NAMES[l]}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox label={s.templateExamples} checked={examples} onChange={(_, d) => setExamples(d.checked === true)} />
            {failure && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{failure}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{s.close}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={busy || !model} onClick={() => void create()} style={{ whiteSpace: "nowrap" }}>
              {s.templateCreate}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
