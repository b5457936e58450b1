/**
 * Whether a field's typing may be replaced by the design's value. The panels redraw whenever the
 * main side answers (a preview's fitted size, geometry), and the answer of the last edit can come
 * while the user is typing the next number: what they typed stays theirs until they commit it
 * (Enter, change, leaving the field), or until the field shows another element's value.
 */
export class FieldDraft {
  private key: unknown;
  private typing = false;

  /** The user typed in the field: nothing the design says replaces it now. */
  input(): void {
    this.typing = true;
  }

  /** The typing was committed (change, Enter): the design's value shows again. */
  commit(): void {
    this.typing = false;
  }

  /**
   * Whether the design's value for `key` (the element the field is about) may be written now;
   * `focused` says the field holds the focus. A new key or a field left drops the draft.
   */
  mayWrite(key: unknown, focused: boolean): boolean {
    if (!Object.is(key, this.key) || !focused) {
      this.key = key;
      this.typing = false;
    }
    return !this.typing;
  }
}
