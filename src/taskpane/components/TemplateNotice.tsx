import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { useEffect, useRef } from "react";
import { useStrings } from "../../i18n/react";
import type { TemplateMade } from "../state/templates";

/** After "New template": what to do next, focused so that a keyboard or screen-reader user lands on it. */
export function TemplateNotice({ made, onDismiss }: { made: TemplateMade; onDismiss: () => void }) {
  const { s } = useStrings();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [made]);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent="success" layout="multiline" data-testid="template-notice">
      <MessageBarBody>{s.templateNext(made.customers, made.rules)}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={s.dismiss} icon={<DismissRegular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
