import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import type { Lang } from "../../core/model";
import { stringsFor } from "../../i18n/strings";
import { errorMessage } from "../state/errors";

interface Props {
  lang: Lang;
  children: ReactNode;
}

/** The pane is never blank: a rendering error shows what happened and a way back. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown) {
    console.error(error);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    const s = stringsFor(this.props.lang);
    return (
      <div style={{ padding: 16 }}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{s.crashTitle}</MessageBarTitle>
            {errorMessage(this.state.error, this.props.lang)}
          </MessageBarBody>
        </MessageBar>
        <Button style={{ marginTop: 12 }} onClick={() => this.setState({ error: null })}>
          {s.reload}
        </Button>
      </div>
    );
  }
}
