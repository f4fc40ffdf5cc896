/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { text } from "../../src/core/model";
import { HostError } from "../../src/hosts/errors";
import { errorMessage } from "../../src/taskpane/state/errors";
import { Shell } from "../../src/taskpane/Shell";

describe("errors", () => {
  it("a rendering error shows a message and a way back, never a blank pane", async () => {
    let fail = true;
    function Fragile() {
      if (fail) throw new Error("boom");
      return <p>pane is back</p>;
    }
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <Shell lang="zh-CN">
        <Fragile />
      </Shell>,
    );
    expect(screen.getByRole("alert").textContent).toContain("窗格遇到错误");
    expect(screen.getByRole("alert").textContent).toContain("boom");
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "重新加载" }));
    expect(screen.getByText("pane is back")).toBeTruthy();
    quiet.mockRestore();
  });

  it("says what the host said in the user's language, and marks anything else as unexpected", () => {
    const protectedSheet = new HostError(text("工作表受保护", "The sheet is protected"), "protected");
    expect(errorMessage(protectedSheet, "zh-CN")).toBe("工作表受保护");
    expect(errorMessage(protectedSheet, "en-US")).toBe("The sheet is protected");
    expect(errorMessage(new TypeError("x is undefined"), "en-US")).toMatch(/^Unexpected error: x is undefined\. Try again/);
  });
});
