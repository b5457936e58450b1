/*
 * Latest wins: the live preview's request scheduling. At most one request is in flight; edits made
 * while it runs collapse into the newest, which goes out the moment the answer is back — no fixed
 * collection window (a window is a floor under the latency), and nothing queues behind. Each
 * answer is handed over as it arrives (it is newer than what is on screen) after the next request
 * has left, so drawing one preview overlaps computing the next.
 */
export class LatestWins<I, O> {
  private inFlight = false;
  private pending: { input: I } | undefined;
  /** Requests sent and answers handed over (tests and figures). */
  sent = 0;

  constructor(
    private readonly send: (input: I) => Promise<O>,
    private readonly deliver: (output: O, input: I) => void,
    private readonly fail: (err: unknown, input: I) => void,
  ) {}

  /** Whether a request is out now. */
  get busy(): boolean {
    return this.inFlight;
  }

  /** A new state to show: sent now if nothing is out, else kept as the one to send next. */
  request(input: I): void {
    if (this.inFlight) this.pending = { input };
    else void this.run(input);
  }

  /** Forget the state waiting to be sent (the editor went away). */
  clear(): void {
    this.pending = undefined;
  }

  private async run(input: I): Promise<void> {
    this.inFlight = true;
    this.sent++;
    let outcome: { ok: true; output: O } | { ok: false; err: unknown };
    try {
      outcome = { ok: true, output: await this.send(input) };
    } catch (err) {
      outcome = { ok: false, err };
    }
    this.inFlight = false;
    const next = this.pending;
    this.pending = undefined;
    if (next) void this.run(next.input);
    if (outcome.ok) this.deliver(outcome.output, input);
    else this.fail(outcome.err, input);
  }
}
