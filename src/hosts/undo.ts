/**
 * The hosts' one rule for a run that stops part-way (a failure or a cancel):
 * undo what it did, then report the error that stopped it. The undo's own
 * failure is not reported: the first error is the one the user needs.
 */
export async function undoOnFailure<T>(work: () => Promise<T>, undo: () => Promise<unknown> | unknown): Promise<T> {
  try {
    return await work();
  } catch (e) {
    try {
      await undo();
    } catch {
      // Reported: the original error.
    }
    throw e;
  }
}
