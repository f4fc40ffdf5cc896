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
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons/svg/document-add";
import { useState } from "react";
import { useStrings } from "../../i18n/react";
import { errorMessage } from "../state/errors";

interface Props {
  /** The model's name, to say which columns the template gets. */
  modelName: string;
  /** Inserts the template and returns its customer sheet's name. */
  onCreate: (options: { examples: boolean }) => Promise<string>;
}

/** "New template": says what it will add, then adds it. */
export function TemplatePanel({ modelName, onCreate }: Props) {
  const { s, lang } = useStrings();
  const [examples, setExamples] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [open, setOpen] = useState(false);

  const create = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, text: s.templateCreated(await onCreate({ examples })) });
    } catch (e) {
      setOutcome({ ok: false, text: errorMessage(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        setOutcome(null);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" icon={<DocumentAddRegular />} style={{ whiteSpace: "nowrap" }}>
          {s.newTemplate}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.templateTitle}</DialogTitle>
          <DialogContent style={{ display: "flex", flexDirection: "column", gap: 12 }}>
            <Body1 block>{s.templateWhat}</Body1>
            <Body1 block>
              <strong>{modelName}</strong>
            </Body1>
            <Checkbox label={s.templateExamples} checked={examples} onChange={(_, d) => setExamples(d.checked === true)} />
            {outcome && (
              <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline">
                <MessageBarBody>{outcome.text}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{s.close}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={busy} onClick={create} style={{ whiteSpace: "nowrap" }}>
              {s.templateCreate}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
