import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { useStrings } from "../../i18n/react";
import { errorMessage } from "../state/errors";

/** A host or reading error, in words that say what to do. */
export function ErrorBar({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { s, lang } = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
        {errorMessage(error, lang)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label={s.dismiss} icon={<DismissRegular />} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}
